"""`foi extract`: read files into the database, or print one file's facts as JSON."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from foi.commands.options import db_option, personal_option
from foi.extract.batch import Summary, extract_paths, one_line, run_files
from foi.extract.jsonout import file_json
from foi.extract.model import FileResult
from foi.extract.personal_data import mask_cpr
from foi.paths import display_path
from foi.settings import Settings, parse_size


class ByteSize(click.ParamType):
    """A size in bytes, or with a unit: 200M, 4G."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: cores).")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=None, show_default="60",
              help="Seconds one file may take before it gets an error row.")
@click.option("--max-size", type=ByteSize(), default=None, show_default="200M",
              help="Files over this size (bytes, or 500K, 200M, 1G) get an error row without being read.")
@click.option("--max-memory", type=ByteSize(), default=None, show_default="4G",
              help="Memory one worker may use (0: no limit); a file that needs more gets an error row.")
@click.option("--retry-failed", is_flag=True,
              help="Extract again every file whose last extraction failed, named or not, changed or not.")
@click.option("--pipeline", default=None, help="spaCy pipeline: 'blank:da' (default) or an installed package name.")
@click.option("--json", "as_json", is_flag=True, help="Print one file's facts as JSON; write no database.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any file failed.")
@click.option("--force", is_flag=True, help="Extract unchanged files again too (after upgrading foi).")
@personal_option
@click.option("--ocr", is_flag=True,
              help="OCR scanned PDFs (no text layer) with ocrmypdf and Tesseract's Danish model.")
@click.option("--keep-personal-data", is_flag=True, help="Store CPR numbers as written (they are masked by default).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract(
    paths: tuple[Path, ...],
    db_path: Path | None,
    workers: int | None,
    timeout: float | None,
    max_size: int | None,
    max_memory: int | None,
    retry_failed: bool,
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
        foi extract --retry-failed --timeout 600
    """
    settings = Settings().with_(db_path=db_path, workers=workers, timeout=timeout, pipeline=pipeline,
                                max_size=max_size, max_memory=max_memory,
                                show_personal_data=show_personal_data, ocr=ocr,
                                keep_personal_data=keep_personal_data or (as_json and show_personal_data))

    def shown(path: str | Path, reason: str | None = None) -> str:
        """One line of valid UTF-8 naming a file; CPR numbers in names masked unless asked not to."""
        text = display_path(path) + (f": {one_line(reason)}" if reason is not None else "")
        return text if show_personal_data else mask_cpr(text)

    if as_json:
        if len(paths) != 1 or paths[0].is_dir() or retry_failed:
            raise click.UsageError("--json takes exactly one file")
        _print_json(paths[0], settings, shown)
        return
    if not paths and not retry_failed:
        raise click.UsageError("name a file or folder to extract, or give --retry-failed")
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{shown(path)}: no such file or folder", param_hint="PATHS")

    show_bar = not quiet and sys.stderr.isatty()
    with click.progressbar(length=0, label="Extracting", file=sys.stderr, hidden=not show_bar,
                           item_show_func=lambda s: s, show_pos=True) as bar:
        counts = {"pages": 0, "errors": 0}

        def on_result(result: FileResult, state: str) -> None:
            counts["pages"] += result.pages
            if state == "failed":
                counts["errors"] += 1
                click.echo(("\n" if show_bar else "") + shown(result.path, result.error or ""), err=True)
            if state != "unchanged":
                bar.update(1, f"{shown(Path(result.path).name)} · {counts['pages']} pages · {counts['errors']} errors")

        def on_plan(count: int) -> None:
            bar.length = count  # unchanged files are counted in the summary, not on the bar

        summary = extract_paths(list(paths), settings, on_result, on_plan, force=force, retry_failed=retry_failed)
    if not quiet:
        _print_summary(summary, display_path(settings.db_path), retry_failed)
    if summary.seen and summary.stored + summary.unchanged == 0:
        sys.exit(1)
    if strict and summary.failed:
        sys.exit(1)


def _print_json(path: Path, settings: Settings, shown: Callable[[str | Path, str | None], str]) -> None:
    """One file's facts as JSON on stdout, read by a worker under the same time and memory limits as
    a batch: a hostile file cannot hang `--json` or take the machine's memory."""
    [result] = run_files([path], settings.with_(workers=1))
    result = dataclasses.replace(result, path=display_path(result.path))
    text = json.dumps(file_json(result, settings.show_personal_data), ensure_ascii=False, indent=1)
    click.echo(text.encode("utf-8", "replace"))  # UTF-8 whatever the locale; a stray surrogate becomes '?'
    if result.status != "ok":
        click.echo(shown(path, result.error or ""), err=True)
        sys.exit(1)


def _print_summary(summary: Summary, db_path: str, retried: bool) -> None:
    """This run's counts beside the database's: a re-run that stored nothing still shows what is there."""
    store = summary.in_store
    rows: list[tuple[str, int, int | None]] = [
        ("files", summary.seen, store.get("files")),
        ("stored", summary.stored, store.get("stored")),
        ("unchanged", summary.unchanged, None),
        ("failed", summary.failed, store.get("failed")),
        ("documents", summary.documents, store.get("documents")),
        ("pages", summary.pages, store.get("pages")),
    ]
    click.echo(f"Database: {db_path}", err=True)
    click.echo(f"  {'':<9}  {'this run':>8}  {'in the store':>12}", err=True)
    for name, run, total in rows:
        click.echo(f"  {name:<9}  {run:>8}  {'' if total is None else total:>12}".rstrip(), err=True)
    earlier = store.get("failed", 0) - summary.failed  # failures stored by earlier runs, not met in this one
    if earlier > 0 and not retried:
        files = "file" if earlier == 1 else "files"
        click.echo(f"{earlier} more {files} failed in earlier runs; `foi extract --retry-failed` tries them again",
                   err=True)

COMMANDS = [extract]
