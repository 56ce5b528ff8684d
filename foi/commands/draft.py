"""`foi draft`: draft the answer to an inquiry from the facts in the database."""

from __future__ import annotations

from pathlib import Path

import click

from foi.commands.options import db_option
from foi.extract.facts.dates import find as find_dates
from foi.extract.personal_data import mask_cpr
from foi.responses.classify import classify
from foi.responses.consistency import check_draft
from foi.responses.draft import FAMILIES, DraftOptions, build_draft, output_paths, write_draft
from foi.settings import Settings
from foi.store import open_db


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    found = next((d.date.isoformat() for d in find_dates(value)), None)
    if not found:
        raise click.BadParameter(f"{value!r} is not a date (write 2018-10-23 or '23. oktober 2018')")
    return found


@click.command()
@click.argument("inquiry", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--profile", default=None,
              help="Administration profile: a name from templates/profiles/ or a .toml file "
                   "(default: inferred from the inquiry's addressee, else the generic profile).")
@click.option("--sagsnr", default=None, help="Case number of the answer (else a placeholder).")
@click.option("--dokumentnr", default=None, help="Document number of the answer (else a placeholder).")
@click.option("--date", "letter_date", default=None, callback=_date,
              help="Date of the letter, e.g. 2018-10-23 (default: today).")
@click.option("--template", type=click.Path(exists=True, path_type=Path), default=None,
              help="Your own Word layout (.docx) or folder of .j2 parts; rendered in a sandbox.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The .docx to write (default: INQUIRY's name + '_svar.docx' in the working directory).")
@click.option("--markdown", is_flag=True, help="Also write the letter as Markdown next to the .docx.")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@click.option("--family", type=click.Choice(FAMILIES), default="answer", show_default=True,
              help="answer: answer numbered questions; aktindsigt: grant access to a case's documents.")
@click.option("--case", "cases", multiple=True,
              help="aktindsigt: case number whose documents are listed (default: those the inquiry names).")
def draft(
    inquiry: Path,
    db_path: Path | None,
    profile: str | None,
    sagsnr: str | None,
    dokumentnr: str | None,
    letter_date: str | None,
    template: Path | None,
    out: Path | None,
    markdown: bool,
    force: bool,
    family: str,
    cases: tuple[str, ...],
) -> None:
    """Draft an answer to INQUIRY (any file foi reads: .txt, .eml, .msg, .docx, .pdf, .html) from the
    facts in the database.

    Each question (numbered, or each asking sentence of unnumbered prose) gets an "Ad N:" section:
    a list of companies with an annex, a fact looked up in a stored document (a letter's case
    number and signer, a committee's meeting, an amount), an earlier answer that answers it (its
    letter cited), a reference to a question it repeats, or a highlighted [INDSÆT SVAR: …]
    placeholder. Without --profile the administration is read from the inquiry's addressee. The
    draft is checked against the inquiry, its annex and the store before it is written; every
    reused fact is listed with the file, document, case and date it came from.

    \b
    Examples:
        foi draft henvendelse.txt --db foi.db --sagsnr 2024-0123456 --markdown
        foi draft henvendelse.txt --db foi.db --profile koebenhavn-bif --sagsnr 2024-0123456
        foi draft anmodning.eml --family aktindsigt --case 2018-0000088 --profile svendborg-ac
    """
    settings = Settings().with_(db_path=db_path)
    out = out or Path(f"{inquiry.stem}_svar.docx")
    if out.suffix.lower() != ".docx":
        raise click.BadParameter("the output must be a .docx file", param_hint="--out")
    for path in output_paths(out, markdown):  # fail before the work, not after it
        if path.exists() and not force:
            from foi.errors import OutputExists

            raise OutputExists(str(path))
    db = open_db(settings.db_path, create=False)
    options = DraftOptions(profile=profile, family=family, sagsnr=sagsnr, dokumentnr=dokumentnr, date=letter_date,
                           template=template, cases=cases)
    result = build_draft(inquiry, db, options, settings)
    say(f"Profile: {result.profile_reason}", err=True)
    warnings = result.warnings + check_draft(result, db)
    written = write_draft(result, out, markdown=markdown, force=force)

    say(f"Inquiry: {inquiry} — {_count(len(result.inquiry.questions), 'question')}, from "
               f"{result.inquiry.sender_name or '?'} <{result.inquiry.sender_email or '?'}>, "
               f"dated {result.inquiry.date or '?'}")
    for section in result.sections:
        if section.question:
            say(f"  Ad {section.number}: {section.rule} (asks: {classify(section.question)})")
    say("Provenance:")
    for line in [p.line() for p in result.provenance] or ["(no stored fact was used)"]:
        say(f"  {line}")
    for note in result.notes:
        say(f"Note: {note}", err=True)
    for warning in warnings:
        say(f"Warning: {warning}", err=True)
    for path in written:
        say(f"Wrote {path}")


COMMANDS = [draft]


def say(text: str, err: bool = False) -> None:
    """One line of the report, CPR numbers masked (a file name may hold one)."""
    click.echo(mask_cpr(text), err=err)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
