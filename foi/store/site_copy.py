"""The copy of a database that `foi serve` hands to Datasette: a consistent snapshot (SQLite's
backup API, so a running extraction does not matter), with every text and blob value masked when
asked, full-text indexes rebuilt from the masked tables, and the company tables the web UI shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

from foi.errors import DatabaseError
from foi.store.schema import open_db

# tables the copy makes afresh (search index, company tables) rather than copies
_REBUILT = ("search_fts", "search_docs", "company_entities", "company_mentions")

def _tables(conn: sqlite3.Connection) -> tuple[list[str], list[tuple[str, str]]]:
    """Plain tables (no virtual or FTS shadow tables) and (name, sql) of virtual tables."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [(n, s) for n, s in rows if (s or "").upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = tuple(f"{n}_" for n, _s in virtual)
    plain = [n for n, s in rows if (n, s) not in virtual and not n.startswith(shadows) and not n.startswith("sqlite_")]
    return plain, virtual


def _mask_all(conn: sqlite3.Connection, mask_cpr: Callable[[str], str]) -> None:
    # a blob is masked as text too: a file name's exact bytes (files.path_bytes) may hold a CPR number
    conn.create_function("foi_mask", 1, lambda v: mask_cpr(v) if isinstance(v, str) else
                         mask_cpr(v.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
                         if isinstance(v, bytes) else v)
    plain, virtual = _tables(conn)
    for table in plain:
        for column in [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]:
            conn.execute(f"UPDATE [{table}] SET [{column}] = foi_mask([{column}]) "
                         f"WHERE typeof([{column}]) IN ('text', 'blob')")
    for name, sql in virtual:
        if "content=" in sql.replace(" ", "").lower():  # external content: read again from the masked table
            conn.execute(f"INSERT INTO [{name}]([{name}]) VALUES ('rebuild')")
        else:
            for column in [r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")]:
                conn.execute(f"UPDATE [{name}] SET [{column}] = foi_mask([{column}])")
        if "fts5" in sql.lower():
            conn.execute(f"INSERT INTO [{name}]([{name}]) VALUES ('optimize')")


def table_names(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Plain tables and (name, sql) of virtual tables of the database at `path`, opened read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _tables(conn)
    finally:
        conn.close()


def site_copy(db_path: Path, target: Path, mask: Callable[[str], str] | None) -> sqlite_utils.Database:
    """A snapshot of `db_path` at `target`, masked with `mask` unless it is None."""
    open_db(db_path, create=False).close()  # a clear error for a missing or foreign file; adds missing tables
    try:
        source = sqlite3.connect(f"file:{db_path.resolve()}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        source.backup(copy)
        source.close()
        copy.execute("PRAGMA journal_mode=DELETE")
        for table in _REBUILT:
            copy.execute(f"DROP TABLE IF EXISTS [{table}]")
        copy.commit()
        if mask is not None:
            _mask_all(copy, mask)
            copy.commit()
        copy.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{db_path}: cannot build the copy to serve ({exc})") from None
    return sqlite_utils.Database(target)


ENTITY_COLUMNS: dict[str, type] = {
    "id": int, "name": str, "legal_forms": str, "owners": str, "documents": int, "first_date": str,
    "last_date": str, "possible_sole_proprietorship": int, "sources": str, "variants": str, "document_ids": str,
}
MENTION_COLUMNS: dict[str, type] = {
    "id": int, "company_id": int, "company": str, "name_as_written": str, "source": str, "document_id": int,
    "kind": str, "date": str, "case_numbers": str, "file": str, "page": int, "line": str,
}


def write_company_tables(db: sqlite_utils.Database, entities: list[dict[str, Any]],
                         mentions: list[dict[str, Any]]) -> None:
    """The folded companies and their mentions as two tables, the companies searchable."""
    db.table("company_entities").create(ENTITY_COLUMNS, pk="id")
    db.table("company_mentions").create(MENTION_COLUMNS, pk="id")
    db.table("company_entities").insert_all(entities)
    db.table("company_mentions").insert_all(mentions)
    db.table("company_mentions").create_index(["company_id"], if_not_exists=True)
    db.table("company_entities").enable_fts(["name", "variants", "owners"], create_triggers=False, replace=True)
