"""`foi search`, `foi companies`, `foi company`, `foi export`, `foi serve`: the journalists' side.

Thin commands: options are parsed here, the work is done by foi.store.search_index,
company_index, export and web. CPR numbers are masked in every output unless --show-personal-data.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from foi.commands.options import db_option, format_option, personal_option
from foi.errors import FoiError, MissingExtra
from foi.explore.companies import Company, all_companies, find_companies, named_in_text
from foi.explore.export import FORMATS, company_rows, csv_value, export_all, mention_rows, write_rows
from foi.extract.model import DOCUMENT_KINDS
from foi.extract.personal_data import mask_cpr
from foi.settings import Settings
from foi.store import open_db
from foi.store.search_index import search as run_search

_DATE_FORMS = (
    (re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$"), (3, 2, 1)),
)
_OPTION_LIKE = re.compile(r"--[A-Za-z][A-Za-z0-9-]*(=.*)?", re.DOTALL)
COMPANY_COLUMNS = ["name", "documents", "first_date", "last_date", "legal_forms", "owners",
                   "possible_sole_proprietorship", "sources", "variants", "document_ids"]


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """YYYY, YYYY-MM, YYYY-MM-DD or DD-MM-YYYY (also with . or /) as an ISO date or its prefix."""
    if value is None:
        return None
    for pattern, (y, m, d) in _DATE_FORMS:
        match = pattern.match(value.strip())
        if match:
            parts = [match.group(y), match.group(m), match.group(d)]
            month, day = (int(parts[1]) if parts[1] else None), (int(parts[2]) if parts[2] else None)
            if (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31):
                return "-".join([parts[0]] + [f"{int(p):02d}" for p in parts[1:] if p])
    raise click.BadParameter(f"{value!r} is not a date; use 2018, 2018-10, 2018-10-23 or 23-10-2018", param=param)


def _open(db_path: Path | None) -> Any:
    return open_db(Settings().with_(db_path=db_path).db_path, create=False)


def _cells(row: list[Any], widths: list[int], header: list[str]) -> str:
    out = []
    for value, width, name in zip(row, widths, header, strict=True):
        text = str(csv_value(value))
        if len(text) > width:  # a file keeps its name, other cells their start
            text = "…" + text[1 - width:] if name == "FILE" else text[: width - 1] + "…"
        out.append(text.ljust(width))
    return "  ".join(out).rstrip()


def _table(header: list[str], rows: list[list[Any]], limits: list[int]) -> None:
    widths = [min(limit, max([len(h)] + [len(str(csv_value(r[i]))) for r in rows]))
              for i, (h, limit) in enumerate(zip(header, limits, strict=True))]
    click.echo(_cells(header, widths, header))
    for row in rows:
        click.echo(_cells(row, widths, header))


@click.command(context_settings={"ignore_unknown_options": True})  # `foi search mentor -fakta`
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--kind", type=click.Choice(DOCUMENT_KINDS), help="Only documents of this kind.")
@click.option("--municipality", help="Only documents of a municipality whose name contains this.")
@click.option("--from", "date_from", callback=_date, help="Only documents dated on or after (2018, 2018-10-23).")
@click.option("--to", "date_to", callback=_date, help="Only documents dated on or before (2018, 23-10-2018).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="Most hits shown.")
@format_option("table", *FORMATS)
@personal_option
def search(query: tuple[str, ...], db_path: Path | None, kind: str | None, municipality: str | None,
           date_from: str | None, date_to: str | None, limit: int, fmt: str, show_personal_data: bool) -> None:
    """Find documents, best first, each with a snippet around the words found.

    Words are matched in their Danish forms (virksomhed finds virksomheder and virksomhedens),
    ignoring case. All words must occur; "exact phrase", prefix*, OR between two words, -word to
    exclude; title:word (also text:, margin:) looks in one column; a NEAR b, a NEAR/5 b or
    NEAR(a b, 5) wants the words at most 10 (or 5) words apart. A word given twice counts once.

    \b
    Examples:
        foi search mentorstøtte --kind letter
        foi search '"dansk supermarked"' --format csv > hits.csv
        foi search fakta OR coop --from 2017 --to 2018-12-31
        foi search mentor -fakta
        foi search title:beskæftigelse
        foi search 'NEAR(mentor støtte, 5)'
    """
    unknown = [word for word in query if _OPTION_LIKE.fullmatch(word)]  # a mistyped option, not a query word
    if unknown:
        raise click.UsageError(f"no such option: {unknown[0]}")
    with_marks = ("\x1b[1m", "\x1b[0m") if fmt == "table" and sys.stdout.isatty() else ("[", "]")
    marks = with_marks if fmt == "table" else ("«", "»")
    db = _open(db_path)
    result = run_search(db, " ".join(query), kind=kind, municipality=municipality, date_from=date_from,
                        date_to=date_to, limit=limit, show_personal_data=show_personal_data, marks=marks)
    shown = repr(str(result.query) if show_personal_data else mask_cpr(str(result.query)))
    if fmt != "table":
        rows = [{**vars(hit)} for hit in result.hits]
        write_rows(rows, fmt, sys.stdout, list(rows[0]) if rows else ["rank", "document_id", "snippet"])
        if not rows:
            click.echo(f"No documents match {shown}.", err=True)
        return
    if not result.hits:
        click.echo(f"No documents match {shown}.")
        return
    click.echo(f"{result.total} document{'s' * (result.total != 1)} match {shown}"
               + (f" (showing {len(result.hits)})" if result.total > len(result.hits) else "") + ":\n")
    for hit in result.hits:
        pages = f"p. {hit.page_start}" + (f"-{hit.page_end}" if hit.page_end != hit.page_start else "")
        parts = [hit.kind, hit.date or "no date", ", ".join(hit.case_numbers) or "", f"{hit.file} {pages}",
                 f"#{hit.document_id}"]
        click.echo(f"{hit.rank:>2}. " + " · ".join(p for p in parts if p))
        if hit.title:
            click.echo(f"    {hit.title}")
        click.echo(f"    {hit.snippet}\n")


def _company_lines(db: Any, companies: list[Company], show_personal_data: bool) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for row in mention_rows(db, companies, show_personal_data, ids=list(range(len(companies)))):
        rows.setdefault(companies[row["company_id"]].key, []).append(row)
    return rows


def _answer(db: Any, companies: list[Company], name: str, show_personal_data: bool) -> list[Company]:
    """Companies for a typed name: from the company lists, else by full-text search for it."""
    found = find_companies(companies, name)
    if not found:
        named = named_in_text(db, name, show_personal_data)
        found = [named] if named else []
    return found


def _print_companies(db: Any, found: list[Company], with_mentions: bool, show_personal_data: bool) -> None:
    header = ["COMPANY", "DOCS", "FIRST", "LAST", "OWNER", "NOTE"]
    rows = [[c.name, c.documents, c.first_date or "", c.last_date or "", ", ".join(f"v/{o}" for o in c.owners),
             "possible sole proprietorship" if c.possible_sole_proprietorship
             else "named in text only" if c.sources == ["text"] else ""] for c in found]
    if not with_mentions:
        _table(header, rows, [45, 5, 10, 10, 30, 30])
        return
    lines = _company_lines(db, found, show_personal_data)
    for company, row in zip(found, rows, strict=True):
        _table(header, [row], [60, 5, 10, 10, 30, 30])
        seen = set()
        for m in lines.get(company.key, []):
            if (m["document_id"], m["line"]) in seen:
                continue
            seen.add((m["document_id"], m["line"]))
            where = " · ".join(p for p in [m["kind"], m["date"] or "no date", ", ".join(m["case_numbers"]),
                                           f"{m['file']} p. {m['page']}", f"#{m['document_id']}", m["source"]] if p)
            click.echo(f"  {where}\n      {m['line']}")
        click.echo("")


@click.command()
@click.argument("query", required=False)
@db_option
@click.option("--from-file", "names_file", type=click.File("r", encoding="utf-8-sig"),
              help="A list of names, one a line (# starts a comment): answer for each.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=None, help="Most companies listed.")
@format_option("table", *FORMATS)
@personal_option
def companies(query: str | None, db_path: Path | None, names_file: Any, limit: int | None, fmt: str,
              show_personal_data: bool) -> None:
    """List companies, folded across spellings (Dansk Supermarked A/S = dansk supermarked a/s), with
    their number of documents and first and last date. With QUERY: the companies it names and where
    they are mentioned; a name in no company list is looked up by full-text search.

    Entries that are a person's name only are noted as a possible sole proprietorship.

    \b
    Examples:
        foi companies
        foi companies fakta
        foi companies --from-file names.txt --format csv > answers.csv
    """
    db = _open(db_path)
    everything = all_companies(db, show_personal_data)
    if names_file is not None:
        names = [line.strip() for line in names_file if line.strip() and not line.lstrip().startswith("#")]
        answers = [(name, _answer(db, everything, name, show_personal_data)) for name in names]
        if fmt == "json":
            write_rows([{"query": n, "companies": company_rows(f, show_personal_data)} for n, f in answers],
                       fmt, sys.stdout)
        elif fmt == "csv":
            write_rows([{"query": n, **row} for n, f in answers for row in company_rows(f, show_personal_data)
                        or [{"name": None, "documents": 0}]], fmt, sys.stdout, ["query", *COMPANY_COLUMNS])
        else:
            for name, found in answers:
                click.echo(f"== {name}: " + (f"{len(found)} compan{'ies' if len(found) != 1 else 'y'}"
                                            if found else "not found"))
                _print_companies(db, found, True, show_personal_data)
        return
    found = _answer(db, everything, query, show_personal_data) if query else everything
    found = found[:limit] if limit else found
    if fmt != "table":
        rows = company_rows(found, show_personal_data)
        if query and fmt == "json":
            mentions = _company_lines(db, found, show_personal_data)
            rows = [{**row, "mentions": mentions.get(c.key, [])} for row, c in zip(rows, found, strict=True)]
        write_rows(rows, fmt, sys.stdout, COMPANY_COLUMNS)
        return
    if not found:
        click.echo(f"No company matches {query!r}, and no document names it." if query else
                   "No companies stored yet: `foi extract` reads them from annex lists and letters.")
        return
    if not query:
        click.echo(f"{len(everything)} companies"
                   + (f" (showing {len(found)})" if len(found) < len(everything) else "") + ":\n")
    _print_companies(db, found, bool(query), show_personal_data)


@click.command()
@click.argument("name")
@db_option
@format_option("table", *FORMATS)
@personal_option
def company(name: str, db_path: Path | None, fmt: str, show_personal_data: bool) -> None:
    """Every mention of one company: document, date, case numbers, file and the line it stood in.

    \b
    Examples:
        foi company "dansk supermarked"
        foi company fakta --format csv
    """
    db = _open(db_path)
    found = _answer(db, all_companies(db, show_personal_data), name, show_personal_data)
    if not found:
        raise FoiError(f"no company matches {mask_cpr(name)!r}, and no document names it")
    best, others = found[0], found[1:]
    mentions = mention_rows(db, [best], show_personal_data)
    columns = ["document_id", "kind", "date", "case_numbers", "file", "page", "source", "name_as_written", "line"]
    if fmt != "table":
        if fmt == "json":
            write_rows([{**company_rows([best], show_personal_data)[0], "mentions": mentions,
                         "also_matching": [c.name for c in others]}], fmt, sys.stdout)
        else:
            write_rows(mentions, fmt, sys.stdout, ["company", *columns])
        return
    dates = f", {best.first_date} … {best.last_date}" if best.first_date else ""
    click.echo(f"{best.name}: {len(mentions)} mention{'s' * (len(mentions) != 1)} in {best.documents} "
               f"document{'s' * (best.documents != 1)}{dates}")
    if best.owners:
        click.echo("Owner: " + ", ".join(best.owners))
    if best.possible_sole_proprietorship:
        click.echo("Note: a person's name only: possibly a sole proprietorship.")
    click.echo("Written as: " + "; ".join(best.variants) + "\n")
    _table(["DOC", "KIND", "DATE", "CASE NUMBERS", "FILE", "PAGE", "SOURCE", "LINE"],
           [[m["document_id"], m["kind"], m["date"] or "", m["case_numbers"], m["file"], m["page"], m["source"],
             m["line"]] for m in mentions], [6, 8, 10, 28, 40, 4, 12, 90])
    if others:
        click.echo("\nAlso matching: " + "; ".join(c.name for c in others[:10]) + (" …" if len(others) > 10 else ""))


@click.command("export")
@db_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write into (created if missing; files in it are overwritten).")
@format_option(*FORMATS, default="csv")
@personal_option
def export(db_path: Path | None, out_dir: Path, fmt: str, show_personal_data: bool) -> None:
    """Write companies, mentions, documents and case numbers as CSV (or JSON) files.

    \b
    Example:
        foi export --db foi.db --out export/
    """
    db = _open(db_path)
    for path, count in export_all(db, out_dir, fmt, show_personal_data):
        click.echo(f"{path}  {count} rows")


@click.command()
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only).")
@personal_option
def serve(db_path: Path | None, port: int, host: str, show_personal_data: bool) -> None:
    """Browse the database in Datasette: read-only, every table described, full-text search and
    ready-made queries (Danish search, documents naming a company, companies by number of
    documents, documents by case number, answers mentioning a term). Serves a copy in which CPR
    numbers are masked.

    \b
    Example:
        foi serve --db foi.db --port 8001
    """
    try:
        from foi.explore.web import build_site, run
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("datasette", "uvicorn"):
            raise MissingExtra("serve", "foi serve") from None
        raise

    path = Settings().with_(db_path=db_path).db_path
    with tempfile.TemporaryDirectory(prefix="foi-serve-") as tmp:
        site = build_site(path, Path(tmp), show_personal_data)
        masked = "CPR numbers shown as written" if show_personal_data else "CPR numbers masked"
        click.echo(f"Serving {path} read-only ({masked}) at http://{host}:{port}/  (Ctrl+C stops)", err=True)
        try:
            run(site, host, port, show_personal_data)
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)


COMMANDS = [search, companies, company, export, serve]
