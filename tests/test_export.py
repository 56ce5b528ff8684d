"""`foi export` through CliRunner: CSV and JSON files of companies, mentions, documents and case
numbers from databases built by really extracting files; CPR numbers masked in every file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner
from test_search import CPR, CPR_FORMS, copy_db

from foi.cli import main

FILES = ("companies", "mentions", "documents", "case_numbers")


def export(db: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_export_writes_four_csv_files(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    printed = export(small_db, out)
    for name in FILES:
        assert (out / f"{name}.csv").exists()
        assert f"{name}.csv" in printed
    companies = {r["name"]: r for r in read_csv(out / "companies.csv")}
    assert companies["Dansk Supermarked A/S"]["documents"] == "2"
    assert companies["anne friis klindt"]["possible_sole_proprietorship"] == "yes"
    mentions = [r for r in read_csv(out / "mentions.csv") if r["company"] == "Dansk Supermarked A/S"]
    assert {r["line"] for r in mentions} >= {"dansk supermarked a/s"}
    assert {r["case_numbers"] for r in mentions} == {"2019-0012345"}
    documents = read_csv(out / "documents.csv")
    assert len(documents) == 4 and {d["kind"] for d in documents} >= {"letter", "annex"}
    assert any("Ærø" in d["text"] for d in documents)
    assert {r["value"] for r in read_csv(out / "case_numbers.csv")} == {"2019-0012345"}
    assert (out / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for spreadsheets


def test_export_as_json(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "json"
    export(small_db, out, "--format", "json")
    data = {name: json.loads((out / f"{name}.json").read_text(encoding="utf-8")) for name in FILES}
    assert any(c["name"] == "Dansk Supermarked A/S" and c["document_ids"] for c in data["companies"])
    assert all(isinstance(d["case_numbers"], list) for d in data["documents"])


def test_no_cpr_number_in_any_exported_file(small_db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "json"):
        out = tmp_path / fmt
        export(small_db, out, "--format", fmt)
        for path in out.iterdir():
            text = path.read_text(encoding="utf-8-sig")
            assert not any(form in text for form in CPR_FORMS), path
        assert "XXXXXX-XXXX" in (out / f"documents.{fmt}").read_text(encoding="utf-8-sig")
    shown = tmp_path / "shown"
    export(small_db, shown, "--show-personal-data")
    assert CPR in (shown / "documents.csv").read_text(encoding="utf-8-sig")


def test_export_of_the_corpus(corpus_db: Path, tmp_path: Path) -> None:
    db = copy_db(corpus_db, tmp_path / "foi.db")
    out = tmp_path / "corpus"
    export(db, out)
    files = {r["file"] for r in read_csv(out / "documents.csv")}
    assert any("000_20e448a58bbb3448" in f for f in files)
    names = {r["name"].lower() for r in read_csv(out / "companies.csv")}  # needs the companies component
    assert "dansk supermarked a/s" in names


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "no.db"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
