"""Whole documents written here, in layouts the samples do not have, for the document's date, kind
and header fields: a region's agenda with a flattened header, a minister's answer whose letterhead
fields stand in a column after the signature, a tender board's ruling with a letter-spaced heading,
a letter with a dateline and reference fields, an e-mail whose header is flattened into one line,
and a memo whose date is only in its running header. Read through `foi extract --json` (CliRunner)
and `process_file`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.extract.model import Document
from foi.extract.process import process_file
from foi.settings import Settings

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def only(name: str) -> Document:
    result = process_file(DOCUMENTS / name, Settings())
    assert result.status == "ok", result.error
    assert len(result.documents) == 1, [d.kind for d in result.documents]
    return result.documents[0]


def extracted_json(name: str) -> dict[str, Any]:
    run = CliRunner().invoke(main, ["extract", "--json", str(DOCUMENTS / name)])
    assert run.exit_code == 0, run.output
    documents: list[dict[str, Any]] = json.loads(run.output)["documents"]
    assert len(documents) == 1
    return documents[0]


def roles(document: Document) -> dict[str, str]:
    return {d.date: d.role for d in document.facts.dates}


def test_region_agenda_with_a_flattened_meeting_header() -> None:
    document = only("dates_region_agenda.txt")
    assert (document.kind, document.subkind) == ("other", "agenda")
    facts = document.facts
    assert facts.date == "2019-04-03"  # "Mødedato: Onsdag den 3. april 2019 Tid: … Sted: …"
    assert (facts.meeting_time, facts.meeting_place) == ("16:00", "Regionshuset, lokale B 12")
    assert facts.title == "Dagsorden"
    assert roles(document) == {"2019-04-03": "document", "2019-03-06": "meeting", "2019-04-30": "deadline"}


def test_ministry_answer_with_its_letterhead_fields_in_a_column_after_the_signature() -> None:
    document = only("dates_ministry_answer.txt")
    assert (document.kind, document.subkind) == ("letter", "folketing_answer")
    facts = document.facts
    assert (facts.date, facts.inquiry_date) == ("2022-02-09", "2022-01-12")
    assert facts.title == "Besvarelse af spørgsmål nr. 88 (alm. del) fra Folketingets Boligudvalg"
    assert roles(document)["2021-06-01"] != "document"  # the annual report cited in the answer


def test_tender_board_ruling() -> None:
    got = extracted_json("kind_ruling.txt")
    assert got["kind"] == "other" and got["date"] == "2020-03-12"  # "København, den 12. marts 2020"
    by_date = {d["date"]: d["role"] for d in got["dates"]}
    assert by_date["2019-12-02"] == "received"  # "Klagen indkom den 2. december 2019"
    assert by_date["2019-10-03"] != "document"  # the tender notice it cites
    document = only("kind_ruling.txt")
    assert document.subkind == "ruling" and any("Kendelse" in s for s in document.kind_signals)


def test_letter_with_a_dateline_and_reference_fields() -> None:
    document = only("dates_letter_dateline.txt")
    assert (document.kind, document.subkind) == ("letter", "letter")
    facts = document.facts
    assert (facts.date, facts.inquiry_date) == ("2019-03-03", "2019-02-14")
    assert roles(document)["2019-03-20"] == "deadline"  # "senest den 20. marts 2019"
    assert facts.title != "Solvang, den 3. marts 2019"


def test_email_with_its_header_flattened_into_one_line() -> None:
    got = extracted_json("kind_email_flattened.txt")
    assert got["kind"] == "email"
    assert got["date"] == "2021-05-07"  # the top Sendt:, not the quoted reply's 3 May
    assert got["title"] == "Status på cykelstien"


def test_memo_dated_in_its_running_header_stays_one_document() -> None:
    document = only("dates_memo_running_header.txt")
    assert document.kind == "memo"
    assert document.facts.date == "2024-05-05"
    assert roles(document)["2024-05-15"] != "document"  # the meeting the memo is written for


@pytest.mark.parametrize("name", ["dates_region_agenda.txt", "dates_ministry_answer.txt", "kind_ruling.txt",
                                  "dates_letter_dateline.txt", "kind_email_flattened.txt"])
def test_the_kind_is_decided_with_confidence(name: str) -> None:
    document = only(name)
    assert document.kind_confidence >= 0.5 and document.kind_signals


def test_the_finer_kind_is_stored(tmp_path: Path) -> None:
    import sqlite_utils

    db = tmp_path / "foi.db"
    run = CliRunner().invoke(main, ["extract", str(DOCUMENTS / "kind_ruling.txt"), "--db", str(db)])
    assert run.exit_code == 0, run.output
    row = next(sqlite_utils.Database(db).query("select kind, subkind, kind_confidence, kind_signals from documents"))
    assert (row["kind"], row["subkind"]) == ("other", "ruling")
    assert row["kind_confidence"] > 0.5
    assert any(s.startswith("Kendelse heading") for s in json.loads(row["kind_signals"]))
