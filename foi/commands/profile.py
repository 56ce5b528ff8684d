"""`foi profile init NAME`: write an editable profile for an administration."""

from __future__ import annotations

from pathlib import Path

import click

from foi.responses.profile_file import profile_toml
from foi.responses.profiles import profiles_dir
from foi.settings import Settings


@click.group()
def profile() -> None:
    """Administration profiles: letterhead, signature, deadlines and vocabularies of `foi draft`.

    \b
    Example:
        foi profile init frederiksberg --municipality "Frederiksberg Kommune"
    """


@profile.command("init")
@click.argument("name")
@click.option("--municipality", default=None, help="The municipality or region, e.g. 'Frederiksberg Kommune'.")
@click.option("--forvaltning", default=None, help="The administration, e.g. 'By- og Miljøområdet'.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write it (default: templates/profiles/NAME.toml).")
@click.option("--force", is_flag=True, help="Overwrite a profile that exists.")
def init(name: str, municipality: str | None, forvaltning: str | None, out: Path | None, force: bool) -> None:
    """Write an editable profile NAME.toml: administration names, signature, letterhead fields,
    deadline rules, drafting thresholds and programme vocabularies (current defaults filled in).

    \b
    Example:
        foi profile init frederiksberg-by --municipality "Frederiksberg Kommune" --forvaltning "By- og Miljøområdet"
        foi draft henvendelse.txt --profile frederiksberg-by
    """
    if not name.replace("-", "").replace("_", "").isalnum():
        raise click.BadParameter("use letters, digits, '-' and '_' only", param_hint="NAME")
    path = out or profiles_dir(Settings()) / f"{name}.toml"
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists already; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profile_toml(name, municipality, forvaltning), "utf-8")
    click.echo(f"Wrote {path}: edit the lines marked [INDSÆT …], then `foi draft … --profile {name}`")


COMMANDS = [profile]
