"""The store on a real SQLite file: rows per file, document and fact; replace on change; FTS in sync."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from foi.cli import main
from foi.errors import DatabaseError
from foi.extract.model import FileResult
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings
from foi.store import (
    FACT_TABLES,
    SCHEMA_VERSION,
    failed_paths,
    is_current,
    open_db,
    store_result,
    stored_digest,
)

LETTER = (
    "KØBENHAVNS KOMMUNE\n\nTil\nOle Hansen\n\n3. maj 2021\n\nSagsnr.\n2021-0000123\n\nKære Ole Hansen\n\n"
    "Tak for din henvendelse af 1. maj 2021 om virksomhedspraktik.\n\nForvaltningen svarer her om mentorstøtte.\n\n"
    "Der er flere virksomheder med i ordningen.\n\nMed venlig hilsen\n\nAnne Berg\nDirektør\n"
)


def test_a_file_is_stored_with_documents_and_searchable_text(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    result = process_bytes(LETTER.encode(), "brev.txt", Settings())
    file_id = store_result(db, result)
    assert db.table("files").get(file_id)["status"] == "ok"
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


def non_utf8_files(folder: Path) -> list[bytes]:
    """Two letters whose names differ only in bytes that are not UTF-8 (Latin-1 æø and øæ)."""
    folder.mkdir(exist_ok=True)
    names = [os.fsencode(folder) + b"/rapport_\xe6\xf8.txt", os.fsencode(folder) + b"/rapport_\xf8\xe6.txt"]
    for number, name in enumerate(names):
        with open(name, "wb") as out:
            out.write(LETTER.replace("mentorstøtte", f"mentorstøtte nummer {number}").encode())
    return names


def test_file_names_that_are_not_utf8_are_kept_by_their_bytes_and_shown_as_utf8(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    names = non_utf8_files(tmp_path / "breve")
    results = [process_file(os.fsdecode(name), Settings()) for name in names]
    for result in results:
        store_result(db, result)
        store_result(db, result)  # again: the same row, replaced
    rows = db.execute("select path_bytes, path, cast(path as blob) from files order by id").fetchall()
    assert [row[0] for row in rows] == names  # two files, though they show alike
    for _key, shown, raw in rows:
        assert raw.decode("utf-8") == shown and shown.endswith("rapport_\ufffd\ufffd.txt")
    assert all(is_current(db, os.fsdecode(name), result.sha256) for name, result in zip(names, results, strict=True))
    assert is_current(db, names[0], results[0].sha256)  # bytes as the key work too
    assert not is_current(db, names[0], results[1].sha256)


def test_an_error_naming_a_file_that_is_not_utf8_is_stored_as_utf8(tmp_path: Path) -> None:
    db = open_db(tmp_path / "foi.db")
    name = os.fsdecode(b"rapport_\xe6.pdf")
    store_result(db, FileResult(name, "", 0, None, status="error", error=f"{name}: not a PDF"))
    assert db.execute("select error from files").fetchone()[0] == "rapport_\ufffd.pdf: not a PDF"
    assert failed_paths(db) == [name]  # the exact name, to read the file again
    assert os.fsencode(failed_paths(db)[0]) == b"rapport_\xe6.pdf"


def test_extract_and_search_a_folder_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    names = non_utf8_files(tmp_path / "breve")
    db = tmp_path / "foi.db"
    runner = CliRunner()
    done = runner.invoke(main, ["extract", str(tmp_path / "breve"), "--db", str(db), "--workers", "1", "-q"])
    assert done.exit_code == 0, done.output
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("select path_bytes from files")) == sorted(names)
    found = runner.invoke(main, ["search", "mentorstøtte", "--db", str(db), "--format", "json"])
    assert found.exit_code == 0, found.output
    assert found.output.count("rapport_\ufffd\ufffd.txt") == 2
    again = runner.invoke(main, ["extract", str(tmp_path / "breve"), "--db", str(db), "--workers", "1"])
    assert "unchanged" in again.output and again.exit_code == 0


def schema_1_database(path: Path) -> None:
    """A database as foi wrote it before file names were kept as bytes: `path` the unique key."""
    old = sqlite_utils.Database(path)
    old.table("files").create({"id": int, "path": str, "sha256": str, "size": int, "format": str, "pages": int,
                               "status": str, "error": str, "documents": int, "extracted_at": str}, pk="id")
    old.table("files").create_index(["path"], unique=True)
    old.table("files").insert({"path": "breve/brev.txt", "sha256": "abc", "status": "ok", "documents": 0})
    old.table("meta").insert({"key": "schema_version", "value": "1"}, pk="key")
    old.close()


def test_a_schema_1_database_is_migrated_to_keys_of_bytes(tmp_path: Path) -> None:
    schema_1_database(tmp_path / "old.db")
    db = open_db(tmp_path / "old.db")
    assert db.execute("select path_bytes from files").fetchone()[0] == b"breve/brev.txt"
    assert is_current(db, "breve/brev.txt", "abc")
    assert db.execute("select value from meta where key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    unique = {tuple(i.columns) for i in db.table("files").indexes if i.unique}
    assert unique == {("path_bytes",)}
    store_result(db, process_bytes(LETTER.encode(), "breve/brev.txt", Settings()))
    assert db.table("files").count == 1


def test_a_database_of_a_newer_foi_is_refused_in_one_line_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("update meta set value = ? where key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
        conn.execute("create table from_the_future (x)")
    with pytest.raises(DatabaseError, match="newer foi"):
        open_db(path)
    done = CliRunner().invoke(main, ["search", "mentorstøtte", "--db", str(path)])
    assert done.exit_code == 1
    assert done.output.strip().splitlines() == [
        f"Error: {path}: written by a newer foi (schema version {SCHEMA_VERSION + 1}; this foi knows up to "
        f"{SCHEMA_VERSION}); upgrade foi to open it"
    ]
    with sqlite3.connect(path) as conn:
        assert conn.execute("select value from meta").fetchone()[0] == str(SCHEMA_VERSION + 1)


def test_tables_half_made_by_a_crash_are_completed_with_their_search(tmp_path: Path) -> None:
    path = tmp_path / "half.db"
    half = sqlite_utils.Database(path)  # files and documents made, the full-text index not yet
    half.table("files").create({"id": int, "path": str, "sha256": str, "status": str}, pk="id")
    half.table("documents").create({"id": int, "file_id": int, "title": str, "text": str}, pk="id")
    half.table("files").insert({"path": "brev.txt", "sha256": "abc", "status": "ok"})
    half.table("documents").insert({"file_id": 1, "title": "Svar", "text": "Om mentorstøtte"})
    half.close()
    db = open_db(path)
    hits = db.execute("select rowid from documents_fts where documents_fts match 'mentorstøtte'").fetchall()
    assert hits == [(1,)]
    assert set(FACT_TABLES) <= set(db.table_names())
