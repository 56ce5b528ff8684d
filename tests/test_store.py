"""The store on a real SQLite file: rows per file, document and fact; replace on change; FTS in sync."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from foi.errors import DatabaseError
from foi.extract.process import process_bytes, process_file
from foi.extract.store import FACT_TABLES, open_db, store_result, stored_digest
from foi.settings import Settings

LETTER = (
    "KØBENHAVNS KOMMUNE\n\nTil\nOle Hansen\n\n3. maj 2021\n\nSagsnr.\n2021-0000123\n\nKære Ole Hansen\n\n"
    "Tak for din henvendelse af 1. maj 2021 om virksomhedspraktik.\n\nForvaltningen svarer her om mentorstøtte.\n\n"
    "Der er flere virksomheder med i ordningen.\n\nMed venlig hilsen\n\nAnne Berg\nDirektør\n"
)


def test_a_file_is_stored_with_documents_and_searchable_text(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    result = process_bytes(LETTER.encode(), "brev.txt", Settings())
    file_id = store_result(db, result)
    assert db["files"].get(file_id)["status"] == "ok"
    docs = list(db.query("select * from documents where file_id = ?", [file_id]))
    assert len(docs) == 1 and docs[0]["kind"] == "letter"
    assert "mentorstøtte" in docs[0]["text"]
    hits = list(db.query("select rowid from documents_fts where documents_fts match 'mentorstøtte'"))
    assert [h["rowid"] for h in hits] == [docs[0]["id"]]
    assert set(FACT_TABLES) <= set(db.table_names())


def test_storing_again_replaces_rows_and_keeps_fts_in_sync(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    store_result(db, process_bytes(LETTER.encode(), "brev.txt", Settings()))
    changed = LETTER.replace("mentorstøtte", "løntilskud")
    store_result(db, process_bytes(changed.encode(), "brev.txt", Settings()))
    assert db["files"].count == 1
    assert db["documents"].count == 1
    assert not list(db.query("select rowid from documents_fts where documents_fts match 'mentorstøtte'"))
    assert len(list(db.query("select rowid from documents_fts where documents_fts match 'løntilskud'"))) == 1
    assert stored_digest(db, "brev.txt") == process_bytes(changed.encode(), "brev.txt", Settings()).sha256


def test_a_failed_file_replaces_nothing_but_its_own_rows(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    store_result(db, process_bytes(LETTER.encode(), "a.txt", Settings()))
    broken = process_bytes(b"%PDF-1.4 broken", "b.pdf", Settings())
    assert broken.status == "error"
    store_result(db, broken)
    rows = {r["path"]: r for r in db.query("select path, status, error from files")}
    assert rows["a.txt"]["status"] == "ok"
    assert rows["b.pdf"]["status"] == "error" and rows["b.pdf"]["error"]
    assert db["documents"].count == 1


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are notes, not SQLite")
    with pytest.raises(DatabaseError, match="not a usable SQLite database"):
        open_db(bad)


def test_facts_point_back_to_their_document(tmp_path: Path, corpus_dir: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    store_result(db, process_file(corpus_dir / "000_20e448a58bbb3448.txt", Settings()))
    for table in FACT_TABLES:
        sql = f"select count(*) n from [{table}] where document_id not in (select id from documents)"
        orphans = list(db.query(sql))
        assert orphans[0]["n"] == 0
    # foreign keys are declared, so Datasette and sqlite-utils can follow them
    assert sqlite_utils.Database(tmp_path / "foi.db").table("case_numbers").foreign_keys


def test_a_file_is_stored_whole_or_not_at_all(tmp_path: Path, corpus_dir: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    path = str(corpus_dir / "000_20e448a58bbb3448.txt")
    first = process_file(path, Settings())
    store_result(db, first)
    before = (db.table("documents").count, db.table("companies").count, stored_digest(db, path))
    # a real SQLite trigger makes the write fail halfway, after the document rows went in
    db.execute("create trigger refuse before insert on companies begin select raise(abort, 'disk full'); end")
    changed = process_bytes(Path(path).read_bytes() + b"\nEt nyt afsnit.\n", path, Settings())
    with pytest.raises(sqlite3.IntegrityError, match="disk full"):
        store_result(db, changed)
    assert (db.table("documents").count, db.table("companies").count, stored_digest(db, path)) == before


def test_cpr_masking_spares_hashes_and_case_numbers() -> None:
    from foi.extract.personal_data import mask_cpr

    assert mask_cpr("CPR-nr. 010190-1234 og 0101901234") == "CPR-nr. XXXXXX-XXXX og XXXXXXXXXX"  # same length
    assert mask_cpr("fil 001_8c8c1811718375a8.txt") == "fil 001_8c8c1811718375a8.txt"
    assert mask_cpr("Sagsnr. 2018-0000088-148, dokument 2834597") == "Sagsnr. 2018-0000088-148, dokument 2834597"
    assert mask_cpr("ugyldig dato 320190-1234") == "ugyldig dato 320190-1234"


def test_a_database_from_an_earlier_version_gets_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old.table("case_numbers").create({"id": int, "document_id": int, "scheme": str, "value": str, "raw": str,
                                      "start": int}, pk="id")
    old.table("case_numbers").insert({"document_id": 1, "scheme": "sagsnr", "value": "2018-1", "raw": "2018-1"})
    db = open_db(path)
    assert "role" in db.table("case_numbers").columns_dict
    assert [r["value"] for r in db.query("select value from case_numbers where coalesce(role, 'own') = 'own'")] == [
        "2018-1"]
