"""The SQLite store: one row per file, per document and per fact, full-text search kept in sync.

Each file's result is written whole or not at all, in one transaction: a changed file's old rows
are replaced, an unchanged file (same SHA-256 at the same path) is left alone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from foi.errors import DatabaseError
from foi.extract.model import Document, FileResult

SCHEMA_VERSION = 1

# fact table -> (Facts attribute, columns). Every fact table also has document_id and start.
FACT_TABLES: dict[str, tuple[str, dict[str, type]]] = {
    "case_numbers": ("case_numbers", {"scheme": str, "value": str, "raw": str, "role": str}),
    "dates": ("dates", {"date": str, "text": str, "role": str, "plausible": int}),
    "people": ("people", {"name": str, "role": str, "title": str, "email": str, "party": str}),
    "questions": ("questions", {"number": int, "text": str}),
    "answers": ("answers", {"number": int, "text": str, "refers_to": str}),
    "agenda_items": ("agenda_items", {"number": int, "title": str, "decision": str, "case_number": str}),
    "companies": (
        "companies",
        {"name": str, "legal_form": str, "owner": str, "truncated": int, "source": str, "line": str},
    ),
    "organizations": ("organizations", {"name": str}),
    "attachments": ("attachments", {"name": str}),
    "legal_refs": ("legal_refs", {"text": str}),
    "amounts": ("amounts", {"value": float, "currency": str, "text": str}),
    "doc_tables": ("tables", {"header": str, "rows": str}),
}

DOCUMENT_COLUMNS: dict[str, type] = {
    "id": int,
    "file_id": int,
    "sequence": int,
    "kind": str,
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
    """The database at `path`, with foi's tables created if they are missing."""
    path = Path(path)
    if not create and not path.exists():
        raise DatabaseError(f"{path}: no such database; run `foi extract PATH --db {path}` first")
    try:
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a usable SQLite database ({exc})") from None
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    if "files" not in db.table_names():
        db.table("files").create(
            {
                "id": int, "path": str, "sha256": str, "size": int, "format": str, "pages": int,
                "status": str, "error": str, "documents": int, "extracted_at": str,
            },
            pk="id",
        )
        db.table("files").create_index(["path"], unique=True)
    if "documents" not in db.table_names():
        db.table("documents").create(DOCUMENT_COLUMNS, pk="id", foreign_keys=[("file_id", "files", "id")])
        db.table("documents").create_index(["file_id"])
        db.table("documents").create_index(["date"])
        db.table("documents").enable_fts(
            ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 0"
        )
    for table, (_attr, columns) in FACT_TABLES.items():
        if table not in db.table_names():
            db.table(table).create(
                {"id": int, "document_id": int, **columns, "start": int},
                pk="id",
                foreign_keys=[("document_id", "documents", "id")],
            )
            db.table(table).create_index(["document_id"])
        else:  # a database written by an earlier version: new columns are added, empty
            have = set(db.table(table).columns_dict)
            for name, kind in columns.items():
                if name not in have:
                    db.table(table).add_column(name, kind)
    if "meta" not in db.table_names():
        db.table("meta").insert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def stored_digest(db: sqlite_utils.Database, path: str) -> str | None:
    row = next(db.query("select sha256, status from files where path = ?", [path]), None)
    return row["sha256"] if row else None


def is_current(db: sqlite_utils.Database, path: str, digest: str) -> bool:
    """Stored with this content and read without error: nothing to do. A file that failed is tried
    again on the next run (a longer --timeout, a newer reader)."""
    row = next(db.query("select sha256, status from files where path = ?", [path]), None)
    return row is not None and row["sha256"] == digest and row["status"] == "ok"


def _delete_file_rows(db: sqlite_utils.Database, file_id: int) -> None:
    doc_ids = [r["id"] for r in db.query("select id from documents where file_id = ?", [file_id])]
    if doc_ids:
        marks = ",".join("?" * len(doc_ids))
        for table in FACT_TABLES:
            db.execute(f"delete from [{table}] where document_id in ({marks})", doc_ids)
        db.execute(f"delete from documents where id in ({marks})", doc_ids)


def _fact_rows(document_id: int, facts: list[Any]) -> Iterator[dict[str, Any]]:
    for fact in facts:
        row = asdict(fact)
        for key, value in list(row.items()):
            if isinstance(value, (list, tuple)):
                row[key] = json.dumps(list(value), ensure_ascii=False)
            elif isinstance(value, bool):
                row[key] = int(value)
        row["document_id"] = document_id
        yield row


def _document_row(file_id: int, doc: Document) -> dict[str, Any]:
    f = doc.facts
    return {
        "file_id": file_id, "sequence": doc.sequence, "kind": doc.kind, "title": f.title, "date": f.date,
        "inquiry_date": f.inquiry_date, "municipality": f.municipality, "administration": f.administration,
        "committee": f.committee, "meeting_time": f.meeting_time, "meeting_place": f.meeting_place,
        "page_start": doc.page_start, "page_end": doc.page_end, "text": doc.text, "full_text": doc.full_text,
    }


def store_result(db: sqlite_utils.Database, result: FileResult) -> int:
    """Write one file's result, replacing what was stored for that path; returns the file id."""
    file_row = {
        "path": result.path, "sha256": result.sha256, "size": result.size, "format": result.format,
        "pages": result.pages, "status": result.status, "error": result.error,
        "documents": len(result.documents), "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with db.atomic():
        existing = next(db.query("select id from files where path = ?", [result.path]), None)
        if existing:
            file_id = existing["id"]
            _delete_file_rows(db, file_id)
            db.table("files").update(file_id, file_row)
        else:
            file_id = db.table("files").insert(file_row).last_pk
        for doc in result.documents:
            doc_id = int(db.table("documents").insert(_document_row(file_id, doc)).last_pk or 0)
            for table, (attr, _columns) in FACT_TABLES.items():
                rows = list(_fact_rows(doc_id, getattr(doc.facts, attr)))
                if rows:
                    db.table(table).insert_all(rows, alter=True)
    return int(file_id)

