"""Rows for journalists' tools: companies, their mentions, documents and case numbers as CSV or JSON.

Every string that leaves through here has its CPR numbers masked unless `show_personal_data`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from foi.explore.companies import Company, all_companies
from foi.extract.personal_data import mask_value
from foi.store.listings import all_case_numbers, all_documents, documents_with_files

FORMATS = ("csv", "json")


def _shown(row: dict[str, Any], show_personal_data: bool) -> dict[str, Any]:
    return row if show_personal_data else {k: mask_value(v) for k, v in row.items()}


def company_rows(companies: list[Company], show_personal_data: bool = False) -> list[dict[str, Any]]:
    """One row per company; `id` is its place in the list (most documents first)."""
    return [
        _shown({
            "id": number, "name": c.name, "legal_forms": c.legal_forms, "owners": c.owners,
            "documents": c.documents, "first_date": c.first_date, "last_date": c.last_date,
            "possible_sole_proprietorship": c.possible_sole_proprietorship, "sources": c.sources,
            "variants": c.variants, "document_ids": c.document_ids,
        }, show_personal_data)
        for number, c in enumerate(companies, 1)
    ]


def document_info(db: sqlite_utils.Database, ids: Iterable[int], show_personal_data: bool = False) -> dict[int, dict]:
    """Kind, date, title, file, pages and case numbers of the given documents."""
    return {
        row["id"]: _shown({
            "kind": row["kind"], "date": row["date"], "title": row["title"], "file": row["path"],
            "page_start": row["page_start"], "page_end": row["page_end"], "case_numbers": row["case_numbers"],
        }, show_personal_data)
        for row in documents_with_files(db, ids)
    }


def mention_rows(
    db: sqlite_utils.Database, companies: list[Company], show_personal_data: bool = False, ids: list[int] | None = None
) -> list[dict[str, Any]]:
    """One row per mention: the company, the name as written, the document and the line it stood in."""
    info = document_info(db, (m.document_id for c in companies for m in c.mentions), show_personal_data)
    rows = []
    for number, company in zip(ids or range(1, len(companies) + 1), companies, strict=True):
        for mention in sorted(company.mentions, key=lambda m: (info.get(m.document_id, {}).get("date") or "",
                                                              m.document_id)):
            doc = info.get(mention.document_id, {})
            rows.append(_shown({
                "company_id": number, "company": company.name, "name_as_written": mention.name,
                "source": mention.source, "document_id": mention.document_id, "kind": doc.get("kind"),
                "date": doc.get("date"), "case_numbers": doc.get("case_numbers", []), "file": doc.get("file"),
                "page": doc.get("page_start"), "line": mention.line,
            }, show_personal_data))
    return rows


def document_rows(db: sqlite_utils.Database, show_personal_data: bool = False) -> list[dict[str, Any]]:
    return [
        _shown({
            "id": r["id"], "file": r["path"], "sequence": r["sequence"], "kind": r["kind"], "title": r["title"],
            "date": r["date"], "municipality": r["municipality"], "administration": r["administration"],
            "committee": r["committee"], "page_start": r["page_start"], "page_end": r["page_end"],
            "case_numbers": r["case_numbers"], "text": r["text"],
        }, show_personal_data)
        for r in all_documents(db)
    ]


def case_number_rows(db: sqlite_utils.Database, show_personal_data: bool = False) -> list[dict[str, Any]]:
    return [_shown(r, show_personal_data) for r in all_case_numbers(db)]


def csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else value


def write_rows(rows: list[dict[str, Any]], fmt: str, stream: IO[str], columns: list[str] | None = None) -> None:
    """Rows as CSV (lists joined with '; ') or as a JSON array."""
    if fmt == "json":
        json.dump(rows, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    fields = columns or (list(rows[0]) if rows else [])
    writer = csv.DictWriter(stream, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_value(row.get(k)) for k in fields})


def export_all(
    db: sqlite_utils.Database, out_dir: Path, fmt: str = "csv", show_personal_data: bool = False
) -> list[tuple[Path, int]]:
    """Write companies, mentions, documents and case_numbers files into `out_dir`; (path, rows) each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    companies = all_companies(db, show_personal_data)
    tables = {
        "companies": company_rows(companies, show_personal_data),
        "mentions": mention_rows(db, companies, show_personal_data),
        "documents": document_rows(db, show_personal_data),
        "case_numbers": case_number_rows(db, show_personal_data),
    }
    columns = {
        "companies": ["id", "name", "legal_forms", "owners", "documents", "first_date", "last_date",
                      "possible_sole_proprietorship", "sources", "variants", "document_ids"],
        "mentions": ["company_id", "company", "name_as_written", "source", "document_id", "kind", "date",
                     "case_numbers", "file", "page", "line"],
        "documents": ["id", "file", "sequence", "kind", "title", "date", "municipality", "administration",
                      "committee", "page_start", "page_end", "case_numbers", "text"],
        "case_numbers": ["document_id", "file", "kind", "date", "scheme", "value", "raw"],
    }
    written = []
    for name, rows in tables.items():
        path = out_dir / f"{name}.{fmt}"
        # CSV with a byte-order mark: spreadsheet programs then read æ, ø and å right
        with path.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as stream:
            write_rows(rows, fmt, stream, columns[name])
        written.append((path, len(rows)))
    return written
