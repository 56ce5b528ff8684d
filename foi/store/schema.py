"""The SQLite store: one row per file, per document and per fact, full-text search kept in sync.

Each file's result is written whole or not at all, in one `BEGIN IMMEDIATE` transaction: a changed
file's old rows are replaced, an unchanged file (same SHA-256 at the same path) is left alone.
Several `foi extract` runs may write one database at once: WAL lets readers go on beside the
writer, and a writer waits (`BUSY_TIMEOUT`) for the other's transaction instead of failing.

A file is known by its name's exact bytes (`files.path_bytes`, unique); `files.path` is the name as
valid UTF-8 for showing (see foi.paths), so two names that differ only in undecodable bytes stay two.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from foi.errors import DatabaseError
from foi.extract.model import FACT_KINDS, fact_columns
from foi.paths import display_path

# 2: files.path_bytes (the name's exact bytes) is the unique key; files.path is only for showing
SCHEMA_VERSION = 2
# Seconds a writer waits for another process's transaction (one file's rows) before giving up.
BUSY_TIMEOUT = 30.0

# fact table -> (Facts attribute, columns), from the fact kinds declared in extract/model.py. Every
# fact table also has document_id and start.
FACT_TABLES: dict[str, tuple[str, dict[str, type]]] = {
    kind.table: (kind.attr, fact_columns(kind.cls)) for kind in FACT_KINDS
}

FILE_COLUMNS: dict[str, type] = {
    "id": int, "path": str, "path_bytes": bytes, "sha256": str, "size": int, "format": str, "pages": int,
    "status": str, "error": str, "documents": int, "extracted_at": str,
}

DOCUMENT_COLUMNS: dict[str, type] = {
    "id": int,
    "file_id": int,
    "sequence": int,
    "kind": str,
    "subkind": str,  # the finer kind (answer, ruling, agenda …), its confidence and deciding signals (JSON)
    "kind_confidence": float,
    "kind_signals": str,
    "title": str,
    "date": str,
    "inquiry_date": str,
    "municipality": str,
    "administration": str,
    "committee": str,
    "meeting_time": str,
    "meeting_place": str,
    "page_start": int,
    "page_end": int,
    "text": str,
    "full_text": str,
}


def open_db(path: str | Path, create: bool = True) -> sqlite_utils.Database:
    """The database at `path`, with foi's tables created (or brought up to date) if needed."""
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(f"{path}: no such database; run `foi extract PATH --db {path}` first")
    conn: sqlite3.Connection | None = None
    try:
        # the connection's timeout is SQLite's busy timeout: wait for another writer, do not fail
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        ensure_schema(db)
    except DatabaseError as exc:
        _close(conn)
        raise DatabaseError(f"{display_path(path)}: {exc}") from None
    except sqlite3.OperationalError as exc:
        _close(conn)
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError(f"{display_path(path)}: {exc}; another program holds it too long") from None
        raise DatabaseError(f"{display_path(path)}: not a usable SQLite database ({exc})") from None
    except sqlite3.DatabaseError as exc:
        _close(conn)
        raise DatabaseError(f"{display_path(path)}: not a usable SQLite database ({exc})") from None
    return db


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        conn.close()


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction that takes the write lock at its start (`BEGIN IMMEDIATE`).

    sqlite-utils' `atomic()` begins a deferred transaction: one that reads first and writes second
    fails at once with "database is locked" when another process wrote in between, since SQLite
    cannot wait for a newer snapshot. Taking the lock first makes it wait (busy timeout) instead.
    Inside an open transaction this is a savepoint of it.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def stored_version(db: sqlite_utils.Database) -> int | None:
    """The schema version written in `meta`; None for a new database (or one from before `meta`)."""
    if "meta" not in db.table_names():
        return None
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    if row is None:
        return None
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise DatabaseError(f"not a foi database: its schema version is {row[0]!r}") from None


def _check_version(version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise DatabaseError(
            f"written by a newer foi (schema version {version}; this foi knows up to {SCHEMA_VERSION}); "
            "upgrade foi to open it"
        )


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create foi's tables, or bring a database of an earlier version up to date.

    An up-to-date database is only read, so a read-only one opens too. Otherwise the work is done
    in one transaction holding the write lock, after looking again: of two processes opening a new
    database at once, the second finds the tables the first made, and a crash leaves none half-made.
    """
    _check_version(stored_version(db))
    if not _schema_changes_needed(db):
        return
    with write_transaction(db):
        version = stored_version(db)
        _check_version(version)
        if _schema_changes_needed(db):
            _create_or_migrate(db)


def _schema_changes_needed(db: sqlite_utils.Database) -> bool:
    names = set(db.table_names())
    wanted = {"files", "documents", "documents_fts", "meta", *FACT_TABLES}
    if not wanted <= names or stored_version(db) != SCHEMA_VERSION:
        return True
    tables = [("files", FILE_COLUMNS), ("documents", DOCUMENT_COLUMNS)]
    tables += [(table, columns) for table, (_attr, columns) in FACT_TABLES.items()]
    return any(not set(columns) <= set(db.table(table).columns_dict) for table, columns in tables)


def _create_or_migrate(db: sqlite_utils.Database) -> None:
    names = set(db.table_names())
    files = db.table("files")
    if "files" not in names:
        files.create(FILE_COLUMNS, pk="id")
    else:
        _add_missing_columns(files, FILE_COLUMNS)
        # rows of schema 1 hold valid UTF-8 names: their bytes are the UTF-8 encoding of `path`
        db.execute("update files set path_bytes = cast(path as blob) where path_bytes is null")
        for index in files.indexes:  # `path` was the unique key; two names may now show alike
            if index.unique and index.columns == ["path"] and not index.name.startswith("sqlite_autoindex"):
                db.execute(f"drop index [{index.name}]")
    files.create_index(["path_bytes"], unique=True, if_not_exists=True)
    files.create_index(["path"], if_not_exists=True)
    documents = db.table("documents")
    if "documents" not in names:
        documents.create(DOCUMENT_COLUMNS, pk="id", foreign_keys=[("file_id", "files", "id")])
    else:
        _add_missing_columns(documents, DOCUMENT_COLUMNS)
    documents.create_index(["file_id"], if_not_exists=True)
    documents.create_index(["date"], if_not_exists=True)
    if "documents_fts" not in names:
        documents.enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 0")
        db.execute("insert into documents_fts (documents_fts) values ('rebuild')")  # rows stored before
    for table, (_attr, columns) in FACT_TABLES.items():
        if table not in names:
            db.table(table).create(
                {"id": int, "document_id": int, **columns, "start": int},
                pk="id",
                foreign_keys=[("document_id", "documents", "id")],
            )
        else:  # a database written by an earlier version: new columns are added, empty
            _add_missing_columns(db.table(table), columns)
        db.table(table).create_index(["document_id"], if_not_exists=True)
    if "meta" not in names:
        db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("meta").upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def _add_missing_columns(table: sqlite_utils.db.Table, columns: dict[str, type]) -> None:
    have = set(table.columns_dict)
    for name, kind in columns.items():
        if name not in have:
            table.add_column(name, kind)
