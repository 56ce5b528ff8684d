"""A file's rows in the store: looked up by the name's exact bytes, written whole in one
`BEGIN IMMEDIATE` transaction (a changed file's old rows replaced), or forgotten with every fact
and search row that came from it."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from foi.extract.model import Document, FileResult
from foi.paths import display_path
from foi.store.schema import FACT_TABLES, write_transaction


def path_key(path: str | bytes | Path) -> bytes:
    """The key of a file in the store: its name's exact bytes (`str` names as Python has them)."""
    return path if isinstance(path, bytes) else os.fsencode(path)


def stored_digest(db: sqlite_utils.Database, path: str | bytes | Path) -> str | None:
    row = db.execute("select sha256 from files where path_bytes = ?", [path_key(path)]).fetchone()
    return row[0] if row else None


def is_current(db: sqlite_utils.Database, path: str | bytes | Path, digest: str) -> bool:
    """Stored with this content and read without error: nothing to do. A file that failed is tried
    again on the next run (a longer --timeout, a newer reader)."""
    row = db.execute("select sha256, status from files where path_bytes = ?", [path_key(path)]).fetchone()
    return row is not None and row[0] == digest and row[1] == "ok"


def failed_paths(db: sqlite_utils.Database) -> list[str]:
    """The files stored with an error, as names for `open()` (`os.fsdecode` of their exact bytes)."""
    rows = db.execute("select path_bytes from files where status = 'error' order by path_bytes").fetchall()
    return [os.fsdecode(row[0]) for row in rows]


def _delete_file_rows(db: sqlite_utils.Database, file_id: int) -> list[int]:
    """Delete a file's documents, their facts and their search rows; returns the documents' ids."""
    doc_ids = [r[0] for r in db.execute("select id from documents where file_id = ?", [file_id]).fetchall()]
    if doc_ids:
        marks = ",".join("?" * len(doc_ids))
        for table in FACT_TABLES:
            db.execute(f"delete from [{table}] where document_id in ({marks})", doc_ids)
        db.execute(f"delete from documents where id in ({marks})", doc_ids)  # documents_fts: by trigger
        names = set(db.table_names())
        # the stemmed index (foi/store/search_index.py) would drop them on its next refresh; a search
        # before that must not find them either
        if "search_fts" in names:
            db.execute(f"delete from search_fts where rowid in ({marks})", doc_ids)
        if "search_docs" in names:
            db.execute(f"delete from search_docs where id in ({marks})", doc_ids)
    return doc_ids


def _utf8(value: Any) -> Any:
    """Text that SQLite can store as UTF-8: a stray surrogate (an undecodable byte of a name or a
    header, as Python reads it) becomes U+FFFD instead of failing the whole file's write."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        try:
            raw = value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "replace")


def _fact_rows(document_id: int, facts: list[Any]) -> Iterator[dict[str, Any]]:
    for fact in facts:
        row = asdict(fact)
        for key, value in list(row.items()):
            if isinstance(value, (list, tuple)):
                row[key] = _utf8(json.dumps(list(value), ensure_ascii=False))
            elif isinstance(value, bool):
                row[key] = int(value)
            else:
                row[key] = _utf8(value)
        row["document_id"] = document_id
        yield row


def _document_row(file_id: int, doc: Document) -> dict[str, Any]:
    f = doc.facts
    row = {
        "file_id": file_id, "sequence": doc.sequence, "kind": doc.kind, "subkind": doc.subkind,
        "kind_confidence": doc.kind_confidence, "kind_signals": json.dumps(doc.kind_signals, ensure_ascii=False),
        "title": f.title, "date": f.date,
        "inquiry_date": f.inquiry_date, "municipality": f.municipality, "administration": f.administration,
        "committee": f.committee, "meeting_time": f.meeting_time, "meeting_place": f.meeting_place,
        "page_start": doc.page_start, "page_end": doc.page_end, "text": doc.text, "full_text": doc.full_text,
    }
    return {key: _utf8(value) for key, value in row.items()}


def store_result(db: sqlite_utils.Database, result: FileResult) -> int:
    """Write one file's result, replacing what was stored for that file; returns the file id.

    `result.path` is the name as Python has it (`os.fsdecode`, surrogates for undecodable bytes):
    its bytes are the key, and `display_path` of it is the `path` shown.
    """
    key = path_key(result.path)
    file_row = {
        "path": display_path(result.path), "path_bytes": key, "sha256": result.sha256, "size": result.size,
        "format": result.format, "pages": result.pages, "status": result.status, "error": _utf8(result.error),
        "documents": len(result.documents), "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with write_transaction(db):
        existing = db.execute("select id from files where path_bytes = ?", [key]).fetchone()
        if existing:
            file_id = existing[0]
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


def find_file(db: sqlite_utils.Database, path: str | bytes | Path) -> tuple[int, str] | None:
    """(id, shown path) of the stored file named `path`: by its exact bytes, then as written
    without `./` or `a/../`, then by the shown name if only one file has it (a name copied from
    foi's output, with U+FFFD for bytes that are not UTF-8)."""
    keys = [path_key(path)]
    keys.append(os.path.normpath(keys[0]))
    for key in keys:
        row = db.execute("select id, path from files where path_bytes = ?", [key]).fetchone()
        if row:
            return int(row[0]), row[1]
    shown = display_path(os.fsdecode(keys[0]))
    rows = db.execute("select id, path from files where path = ? limit 2", [shown]).fetchall()
    return (int(rows[0][0]), rows[0][1]) if len(rows) == 1 else None


def forget(db: sqlite_utils.Database, path: str | bytes | Path) -> tuple[str, int] | None:
    """Remove a file from the store: its row, documents, facts and search rows, in one transaction.
    Returns (shown path, documents removed), or None when no such file is stored."""
    with write_transaction(db):
        found = find_file(db, path)
        if found is None:
            return None
        file_id, shown = found
        doc_ids = _delete_file_rows(db, file_id)
        db.execute("delete from files where id = ?", [file_id])
    return shown, len(doc_ids)


def store_totals(db: sqlite_utils.Database) -> dict[str, int]:
    """What the store holds: files, stored, failed, and the documents and pages of stored files."""
    row = next(db.query(
        "select count(*) as files, coalesce(sum(status = 'ok'), 0) as stored, coalesce(sum(status = 'error'), 0)"
        " as failed, coalesce(sum(case when status = 'ok' then documents end), 0) as documents,"
        " coalesce(sum(case when status = 'ok' then pages end), 0) as pages from files"
    ))
    return {key: int(value) for key, value in row.items()}
