"""`foi extract`: read files into the database, or print one file's facts as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from foi.extract.batch import Summary, extract_paths
from foi.extract.jsonout import file_json
from foi.extract.model import FileResult
from foi.extract.personal_data import mask_cpr
from foi.extract.process import process_file
from foi.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="SQLite database to write (default: foi.db in the working directory).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: cores).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=None, show_default="60",
              help="Seconds one file may take before it gets an error row.")
@click.option("--pipeline", default=None, help="spaCy pipeline: 'blank:da' (default) or an installed package name.")
@click.option("--json", "as_json", is_flag=True, help="Print one file's facts as JSON; write no database.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any file failed.")
@click.option("--force", is_flag=True, help="Extract unchanged files again too (after upgrading foi).")
@click.option("--show-personal-data", is_flag=True, help="Do not mask CPR numbers in messages and --json output.")
@click.option("--ocr", is_flag=True,
              help="OCR scanned PDFs (no text layer) with ocrmypdf and Tesseract's Danish model.")
@click.option("--keep-personal-data", is_flag=True, help="Store CPR numbers as written (they are masked by default).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(
    paths: tuple[Path, ...],
    db_path: Path | None,
    workers: int | None,
    timeout: float | None,
    pipeline: str | None,
    as_json: bool,
    strict: bool,
    force: bool,
    show_personal_data: bool,
    ocr: bool,
    keep_personal_data: bool,
    quiet: bool,
) -> None:
    """Read PDF, DOCX, TXT, EML, MSG and HTML files (folders recursively), split them into
    documents, find their facts and store them in SQLite with full-text search.

    Files whose content is unchanged since they were last read without error are skipped; a changed
    file's rows are replaced. A file that cannot be read gets an error row and a one-line message,
    the run goes on, and the file is tried again next time.

    \b
    Examples:
        foi extract corpus/
        foi extract inbox/ archive/2018 --db cases.db --workers 4
        foi extract --json corpus/000_20e448a58bbb3448.txt
    """
    settings = Settings().with_(db_path=db_path, workers=workers, timeout=timeout, pipeline=pipeline,
                                show_personal_data=show_personal_data, ocr=ocr,
                                keep_personal_data=keep_personal_data or (as_json and show_personal_data))
    if as_json:
        if len(paths) != 1 or paths[0].is_dir():
            raise click.UsageError("--json takes exactly one file")
        result = process_file(paths[0], settings)
        click.echo(json.dumps(file_json(result, show_personal_data), ensure_ascii=False, indent=1))
        if result.status != "ok":
            message = f"{result.path}: {result.error}"
            click.echo(message if show_personal_data else mask_cpr(message), err=True)
            sys.exit(1)
        return
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path}: no such file or folder", param_hint="PATHS")

    def shown(text: str) -> str:  # a file name may hold a CPR number
        return text if show_personal_data else mask_cpr(text)

    show_bar = not quiet and sys.stderr.isatty()
    with click.progressbar(length=0, label="Extracting", file=sys.stderr, hidden=not show_bar,
                           item_show_func=lambda s: s, show_pos=True) as bar:
        counts = {"pages": 0, "errors": 0}

        def on_result(result: FileResult, state: str) -> None:
            counts["pages"] += result.pages
            if state == "failed":
                counts["errors"] += 1
                click.echo(("\n" if show_bar else "") + shown(f"{result.path}: {result.error}"), err=True)
            if state != "unchanged":
                bar.update(1, shown(f"{Path(result.path).name} · {counts['pages']} pages · {counts['errors']} errors"))

        def on_plan(count: int) -> None:
            bar.length = count  # unchanged files are counted in the summary, not on the bar

        summary = extract_paths(list(paths), settings, on_result, on_plan, force=force)
    if not quiet:
        _print_summary(summary, settings.db_path)
    if summary.seen and summary.stored + summary.unchanged == 0:
        sys.exit(1)
    if strict and summary.failed:
        sys.exit(1)


def _print_summary(summary: Summary, db_path: Path) -> None:
    rows = [
        ("stored", summary.stored),
        ("unchanged", summary.unchanged),
        ("failed", summary.failed),
        ("documents", summary.documents),
        ("pages", summary.pages),
    ]
    width = max(len(name) for name, _ in rows)
    click.echo(f"Database: {db_path}", err=True)
    for name, value in rows:
        click.echo(f"  {name:<{width}}  {value:>6}", err=True)
