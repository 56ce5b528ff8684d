"""`foi serve`: the database in Datasette, read-only, described, searchable, with CPR numbers masked.

Datasette serves a copy built for it, never the working database: every text value in every table
goes through `mask_cpr` (unless personal data is to be shown), full-text indexes are rebuilt from
the masked text, folded companies are added as `company_entities` and `company_mentions`, and the
file is vacuumed so that no unmasked page is left in it. The copy is opened immutable.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import sqlite3
import sys
import traceback
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from datasette import hookimpl

from foi.errors import QueryError
from foi.explore.companies import all_companies
from foi.explore.export import company_rows, mention_rows
from foi.extract.personal_data import mask_cpr
from foi.store.search_index import WEIGHTS, refresh_index, snippet
from foi.store.search_query import fold, parse_query, phrase_query
from foi.store.site_copy import site_copy, table_names, write_company_tables

PLUGIN_NAME = "foi.explore.web"
# Datasette's own error handler prints a rich traceback (with local variables) for every 404; foi's
# handler below replaces it and logs one line per problem instead.
DATASETTE_ERROR_HANDLER = "datasette.handle_exception"
log = logging.getLogger("foi.serve")
TABLES: dict[str, tuple[str, str]] = {
    "files": ("Files", "One row per file read: path, SHA-256, format, pages, status and the error if it failed."),
    "documents": ("Documents", "Letters, annexes, e-mails, memos and minutes found in the files, with their body "
                  "text. Search box: exact words (see the 'Danish search' query for stemmed search)."),
    "case_numbers": ("Case numbers", "Case and document numbers read from each document (scheme, value, raw text)."),
    "dates": ("Dates", "Dates mentioned in each document, with their role (document, inquiry, meeting, mentioned)."),
    "people": ("People", "Recipients, senders, signers, caseworkers and committee members named in documents."),
    "questions": ("Questions", "Numbered questions of an inquiry."),
    "answers": ("Answers", "Numbered answers, and the questions they refer to."),
    "agenda_items": ("Agenda items", "Items of minutes: number, title, decision and case number."),
    "companies": ("Company-list entries", "Companies as read from annex lists and running text, one row per "
                  "mention, unfolded. See company_entities for companies folded across spellings."),
    "organizations": ("Organizations", "Organizations named in running text."),
    "attachments": ("Attachments", "Attachments named in a document."),
    "legal_refs": ("Legal references", "References to acts and sections (§)."),
    "amounts": ("Amounts", "Sums of money with their currency."),
    "doc_tables": ("Tables", "Tables found in documents: header and rows as JSON."),
    "meta": ("Database facts", "Schema version and other facts about this database."),
    "company_entities": ("Companies", "Companies folded across spelling variants (case, legal form, v/ owner, "
                         "cut-off names, close spellings): documents, first and last date, and a flag for "
                         "entries that are a person's name only (possible sole proprietorship)."),
    "company_mentions": ("Company mentions", "Every mention of a company: document, date, case numbers, file "
                         "and the line it stood in."),
    "search_fts": ("Stemmed search index", "Danish stems of each document (rowid = document id)."),
    "search_docs": ("Search index state", "What the stemmed index holds, to refresh it."),
}
HIDDEN = {"search_fts", "search_docs", "meta"}

_CASES = "(SELECT group_concat(value, '; ') FROM (SELECT DISTINCT value FROM case_numbers WHERE document_id = d.id))"
_WEIGHTS = ", ".join(str(w) for w in WEIGHTS)
QUERIES: dict[str, dict[str, Any]] = {
    "danish_search": {
        "title": "Danish search",
        "description": "Documents by relevance. Words, \"exact phrases\", prefix*, OR, -word, title:word "
                       "(also text:, margin:), a NEAR b or NEAR(a b, 5); virksomhed also finds virksomheder "
                       "and virksomhedens.",
        "sql": "SELECT d.id AS document, f.path AS file, d.kind, d.date, d.title, foi_snippet(d.text, :q) AS snippet "
               "FROM search_fts JOIN documents d ON d.id = search_fts.rowid JOIN files f ON f.id = d.file_id "
               f"WHERE search_fts MATCH foi_fts(:q) ORDER BY bm25(search_fts, {_WEIGHTS}) LIMIT 200",
    },
    "company_documents": {
        "title": "Documents naming a company",
        "description": "Every document in which a company is listed or named: from the company lists and "
                       "organizations, and by full-text search for the name as a phrase.",
        "sql": f"""WITH listed AS (
  SELECT m.company, m.document_id AS document, m.file, m.kind, m.date, m.case_numbers, m.source, m.line
  FROM company_mentions m
  WHERE :company != '' AND m.company_id IN (
    SELECT id FROM company_entities
    WHERE instr(foi_fold(name), foi_fold(:company)) > 0 OR instr(foi_fold(variants), foi_fold(:company)) > 0)
), named AS (
  SELECT :company AS company, d.id AS document, f.path AS file, d.kind, d.date,
    {_CASES} AS case_numbers,
    'text' AS source, foi_phrase_snippet(d.text, :company) AS line
  FROM search_fts JOIN documents d ON d.id = search_fts.rowid JOIN files f ON f.id = d.file_id
  WHERE search_fts MATCH foi_phrase_fts(:company) AND d.id NOT IN (SELECT document FROM listed)
)
SELECT * FROM listed UNION ALL SELECT * FROM named ORDER BY date, file""",
    },
    "companies_by_documents": {
        "title": "Companies by number of documents",
        "description": "Folded companies, those named in the most documents first.",
        "sql": "SELECT id, name, legal_forms, owners, documents, first_date, last_date, possible_sole_proprietorship "
               "FROM company_entities ORDER BY documents DESC, name COLLATE NOCASE",
    },
    "documents_by_case_number": {
        "title": "Documents by case number",
        "description": "Documents with a case or document number containing the given text "
                       "(from the case_numbers facts, or written anywhere in the document).",
        "sql": "SELECT d.id AS document, f.path AS file, d.kind, d.date, d.title, "
               f"{_CASES} AS case_numbers "
               "FROM documents d JOIN files f ON f.id = d.file_id WHERE :case_number != '' AND ("
               "d.id IN (SELECT document_id FROM case_numbers WHERE instr(value, :case_number) > 0 "
               "OR instr(raw, :case_number) > 0) OR instr(d.full_text, :case_number) > 0) ORDER BY d.date, f.path",
    },
    "answers_mentioning": {
        "title": "Answers mentioning a term",
        "description": "Answers whose text matches the term (Danish stems, same syntax as Danish search).",
        "sql": "SELECT d.id AS document, f.path AS file, d.date, a.number, foi_snippet(a.text, :term) AS snippet "
               "FROM answers a JOIN documents d ON d.id = a.document_id JOIN files f ON f.id = d.file_id "
               "WHERE foi_snippet(a.text, :term) IS NOT NULL ORDER BY d.date, f.path, a.number",
    },
}


def _safe(build: Callable[[str], str], fallback: Any = None) -> Callable[[Any], Any]:
    def call(value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            return fallback
        try:
            return build(value)
        except QueryError:
            return fallback

    return call


def _snippet_function(phrase: bool) -> Callable[[Any, Any], str | None]:
    def call(text: Any, typed: Any) -> str | None:
        if not isinstance(text, str) or not isinstance(typed, str) or not typed.strip():
            return None
        try:
            query = phrase_query(typed) if phrase else parse_query(typed)
        except QueryError:
            return None
        return snippet(text, query, ("«", "»"))

    return call


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the canned queries use; a query that cannot be understood matches nothing."""
    conn.create_function("foi_fold", 1, lambda v: fold(v) if isinstance(v, str) else v, deterministic=True)
    conn.create_function("foi_fts", 1, _safe(lambda q: parse_query(q).fts(), '""'), deterministic=True)
    conn.create_function("foi_phrase_fts", 1, _safe(lambda q: phrase_query(q).fts(), '""'), deterministic=True)
    conn.create_function("foi_snippet", 2, _snippet_function(False), deterministic=True)
    conn.create_function("foi_phrase_snippet", 2, _snippet_function(True), deterministic=True)


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    register_functions(conn)


def _one_line(text: str) -> str:
    return mask_cpr(" ".join(re.sub(r"<[^>]+>", " ", text).split()))


def _shown_path(request: Any) -> str:
    raw = request.scope.get("raw_path") or request.path.encode("utf-8", "surrogateescape")
    path = raw.decode("utf-8", "replace")
    return mask_cpr("".join(c if c.isprintable() else urllib.parse.quote(c) for c in path))


@hookimpl(tryfirst=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Callable[[], Awaitable[Any]]:
    """Datasette's error page (the same statuses, JSON and templates as its default handler), with
    one log line per problem instead of a printed traceback."""
    from datasette import Response
    from datasette.utils import add_cors_headers
    from datasette.utils.asgi import Base400
    from datasette.views.base import DatasetteError
    from markupsafe import Markup

    async def inner() -> Any:
        title, info, where = None, {}, ""
        if isinstance(exception, Base400):
            status, message = exception.status, str(exception.args[0] if exception.args else exception)
        elif isinstance(exception, DatasetteError):
            status, info, title = exception.status, dict(exception.error_dict), exception.title
            message = Markup(exception.message) if exception.message_is_html else exception.message
        else:  # a bug: say where, in the same one line
            status, message = 500, f"{type(exception).__name__}: {exception}"
            frames = traceback.extract_tb(exception.__traceback__)
            where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        log.log(logging.ERROR if status >= 500 else logging.INFO, "%s %s %s: %s%s", status, request.method,
                _shown_path(request), _one_line(str(message)), where)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        headers: dict[str, str] = {}
        if datasette.cors:
            add_cors_headers(headers)
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status, headers=headers)
        try:
            template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
            page = await template.render_async(dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
                                                    menu_links=lambda: []))
        except Exception as error:  # noqa: BLE001 - the error page itself failed: plain text, still one line
            log.error("%s %s: the error page failed: %s", request.method, _shown_path(request), _one_line(str(error)))
            return Response.text(f"{status}: {message}", status=status, headers=headers)
        return Response.html(page, status=status, headers=headers)

    return inner


def log_to_stderr() -> None:
    """foi serve's log: one line per request problem on stderr (a 404 is INFO, a 500 ERROR)."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "; ".join(map(str, v)) if isinstance(v, list) else int(v) if isinstance(v, bool) else v
            for k, v in row.items()}


def build_site(db_path: Path, dest_dir: Path, show_personal_data: bool = False) -> Path:
    """The copy Datasette serves, in `dest_dir`, named after the database."""
    target = dest_dir / f"{db_path.stem}.db"
    db = site_copy(db_path, target, None if show_personal_data else mask_cpr)
    refresh_index(db)
    companies = all_companies(db, show_personal_data=True)  # already masked above unless asked not to
    write_company_tables(db, [_flat(row) for row in company_rows(companies, True)],
                         [{"id": i, **_flat(row)} for i, row in enumerate(mention_rows(db, companies, True), 1)])
    db.vacuum()
    db.close()
    return target


def metadata(site: Path, show_personal_data: bool = False) -> dict[str, Any]:
    """Datasette metadata: titles and descriptions for every table, search setup and canned queries."""
    plain, virtual = table_names(site)
    tables: dict[str, dict[str, Any]] = {}
    for name in plain + [n for n, _s in virtual]:
        title, description = TABLES.get(name, (name.replace("_", " ").capitalize(), "Written by foi extract."))
        if name.endswith("_fts") and name not in TABLES:
            title, description = f"Full-text index of {name[:-4]}", "Used by the search box of that table."
        tables[name] = {"title": title, "description": description}
        if name in HIDDEN:
            tables[name]["hidden"] = True
    tables["documents"].update({"fts_table": "documents_fts", "fts_pk": "id", "sort_desc": "date"})
    tables["company_entities"].update({"fts_table": "company_entities_fts", "fts_pk": "id", "sort_desc": "documents"})
    masked = "shown as written" if show_personal_data else "masked as XXXXXX-XXXX"
    queries = {name: {**query, "hide_sql": True} for name, query in QUERIES.items()}
    return {
        "title": "foi: documents, companies and case numbers",
        "description": f"Read-only. CPR numbers are {masked}. Start with the queries 'Danish search' and "
                       "'Documents naming a company'.",
        "databases": {site.stem: {
            "title": f"Database {site.stem}", "tables": tables, "queries": queries,
            "description": "Documents and their facts as `foi extract` stored them, plus companies folded across "
                           "spellings (company_entities, company_mentions).",
        }},
    }


def make_datasette(site: Path, show_personal_data: bool = False) -> Any:
    """A Datasette serving the built copy immutable, with foi's SQL functions registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    if not pm.has_plugin(PLUGIN_NAME):
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
    if not pm.is_blocked(DATASETTE_ERROR_HANDLER):  # every handler runs, so the default must go
        pm.set_blocked(DATASETTE_ERROR_HANDLER)
    return Datasette(
        immutables=[str(site)],
        metadata=metadata(site, show_personal_data),
        settings={"default_page_size": 50, "sql_time_limit_ms": 5000, "truncate_cells_html": 400},
    )


def _terminated(_signum: int, _frame: Any) -> None:
    raise SystemExit(0)


def run(site: Path, host: str, port: int, show_personal_data: bool = False) -> None:
    """Serve until interrupted (Ctrl+C: KeyboardInterrupt) or terminated (SIGTERM: SystemExit(0)).

    uvicorn stops gracefully on SIGTERM and then raises the signal again; the handler set here
    turns that into SystemExit, so that the caller's clean-up (the served copy) still runs.
    """
    import uvicorn

    log_to_stderr()
    ds = make_datasette(site, show_personal_data)
    asyncio.run(ds.invoke_startup())
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
    finally:
        signal.signal(signal.SIGTERM, previous)
