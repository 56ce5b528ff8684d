"""Read-only listings of the store for exports, the web UI and the aktliste: documents with their
files, case numbers with their documents. Plain rows (dicts); masking is the caller's business."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from foi.store.search_index import case_numbers

_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound values


def documents_with_files(db: sqlite_utils.Database, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
    """id, kind, date, title, pages, file path and own case numbers of the given documents."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        numbers = case_numbers(db, chunk)
        marks = ",".join("?" * len(chunk))
        for row in db.query(
            "SELECT d.id, d.kind, d.date, d.title, d.page_start, d.page_end, f.path FROM documents d "
            f"JOIN files f ON f.id = d.file_id WHERE d.id IN ({marks})",
            chunk,
        ):
            yield {**row, "case_numbers": numbers.get(row["id"], [])}


def all_documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every document with its file path and own case numbers, by path and place in the file."""
    numbers = case_numbers(db, [r["id"] for r in db.query("SELECT id FROM documents")])
    return [
        {**r, "case_numbers": numbers.get(r["id"], [])}
        for r in db.query(
            "SELECT d.*, f.path FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.sequence"
        )
    ]


def all_case_numbers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every case number with its document's file, kind and date, by number."""
    return list(db.query(
        "SELECT c.document_id, f.path AS file, d.kind, d.date, c.scheme, c.value, c.raw, c.role "
        "FROM case_numbers c JOIN documents d ON d.id = c.document_id JOIN files f ON f.id = d.file_id "
        "ORDER BY c.value, f.path"
    ))


def document_full_text(db: sqlite_utils.Database, document_id: int) -> str:
    """A document's full text (letterhead and sidebar included), or "" if there is none."""
    row = db.execute("SELECT full_text FROM documents WHERE id = ?", [document_id]).fetchone()
    return (row[0] if row else "") or ""


def company_facts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every company fact with a name, by document and place."""
    return list(db.query("SELECT * FROM companies WHERE trim(coalesce(name, '')) != '' ORDER BY document_id, id"))


def organization_facts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every organisation fact with a name, by document and place (`public`: a public body, an
    institution or an association, as extraction judged it)."""
    return list(db.query("SELECT * FROM organizations WHERE trim(coalesce(name, '')) != '' ORDER BY document_id, id"))


def document_dates(db: sqlite_utils.Database) -> dict[int, str | None]:
    """Each document's own date."""
    return {r["id"]: r["date"] for r in db.query("SELECT id, date FROM documents")}


def document_body(db: sqlite_utils.Database, document_id: int) -> str:
    """A document's full text, or its clean text where it has no full text."""
    row = db.execute("SELECT full_text, text FROM documents WHERE id = ?", [document_id]).fetchone()
    return (row[0] or row[1] or "") if row else ""
