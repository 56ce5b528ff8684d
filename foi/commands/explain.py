"""`foi explain`: why one file's facts are what they are, line by line."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click

from foi.commands.options import personal_option
from foi.extract.batch import one_line, run_files
from foi.extract.explain import explain as explain_result
from foi.extract.explain import explanation_json
from foi.extract.explain_text import render
from foi.extract.personal_data import mask_cpr, mask_value
from foi.paths import display_path
from foi.settings import Settings


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON for other tools.")
@click.option("--document", "only", type=click.IntRange(1), default=None,
              help="Explain only this document of the file (1 is the first).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=None, show_default="60",
              help="Seconds the file may take to read.")
@click.option("--pipeline", default=None, help="spaCy pipeline: 'blank:da' (default) or an installed package name.")
@personal_option
def explain(path: Path, as_json: bool, only: int | None, timeout: float | None, pipeline: str | None,
            show_personal_data: bool) -> None:
    """Explain one file's extraction: for each document, its kind and the signals that decided it;
    for each fact, the component that found it and the line it was read from; for a field left empty
    (date, title, case numbers, people, questions, answers), the candidates that were considered and
    why they were not taken. Nothing is stored.

    The file is read as `foi extract --json` reads it: by a worker process, under the same time,
    size and memory limits. CPR numbers are masked unless --show-personal-data is given.

    \b
    Examples:
        foi explain corpus/000_20e448a58bbb3448.txt
        foi explain letter.pdf --document 2
        foi explain letter.pdf --json | jq '.documents[0].fields[0]'
    """
    if path.is_dir():
        raise click.UsageError("foi explain takes one file, not a folder")
    settings = Settings().with_(workers=1, timeout=timeout, pipeline=pipeline,
                                show_personal_data=show_personal_data, keep_personal_data=show_personal_data)
    [result] = run_files([path], settings)
    result = dataclasses.replace(result, path=display_path(result.path))

    def shown(text: str) -> str:
        return text if show_personal_data else mask_cpr(text)

    if result.status != "ok":
        if as_json:
            click.echo(json.dumps(shown_json(explanation_json(result, []), show_personal_data), ensure_ascii=False))
        click.echo(shown(f"{result.path}: {one_line(result.error or 'could not be read')}"), err=True)
        sys.exit(1)
    if only is not None and only > len(result.documents):
        raise click.BadParameter(f"the file has {len(result.documents)} document(s)", param_hint="--document")
    if only is not None:
        result.documents = [d for d in result.documents if d.sequence == only]
    explanations = explain_result(result)
    if as_json:
        text = json.dumps(shown_json(explanation_json(result, explanations), show_personal_data),
                          ensure_ascii=False, indent=1)
    else:
        text = shown(render(result.path, explanations))
    click.echo(text.encode("utf-8", "replace"))  # UTF-8 whatever the locale; a stray surrogate becomes '?'


def shown_json(data: dict[str, object], show_personal_data: bool) -> object:
    return data if show_personal_data else mask_value(data)


COMMANDS = [explain]
