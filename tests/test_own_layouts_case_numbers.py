"""Case numbers in whole documents written here, in layouts none of the samples has: a supervisor's
letter with a tab-indented sidebar and a registration footer, a region's agenda whose items are
called "Sag nr. N", an e-mail with eDoc metadata and a table of cases, a ministry answer flattened to
one line followed by a KLE memo. `foi extract` stores them in a real database; each test states what
a reader finds in the document: its own numbers, the numbers it cites, and the look-alikes that are
not case numbers at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from foi.cli import main

DOCUMENTS = Path(__file__).resolve().parent / "documents"
FILES = ("case_ankestyrelse_sidebar.txt", "case_region_dagsorden.txt", "case_edoc_mail.txt",
         "case_ministeriet_svar.txt")
Numbers = dict[str, set[tuple[str, str, str]]]


@pytest.fixture(scope="module")
def numbers(tmp_path_factory: pytest.TempPathFactory) -> Numbers:
    """(role, scheme, value) of every case number stored, by file name."""
    base = tmp_path_factory.mktemp("case_layouts")
    folder = base / "files"
    folder.mkdir()
    for name in FILES:
        shutil.copy(DOCUMENTS / name, folder / name)
    db_path = base / "foi.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db_path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = sqlite_utils.Database(db_path).query(
        "SELECT f.path, c.role, c.scheme, c.value FROM case_numbers c "
        "JOIN documents d ON d.id = c.document_id JOIN files f ON f.id = d.file_id")
    out: Numbers = {name: set() for name in FILES}
    for row in rows:
        out[Path(row["path"]).name].add((row["role"], row["scheme"], row["value"]))
    return out


def values(found: set[tuple[str, str, str]]) -> set[str]:
    return {value for _role, _scheme, value in found}


def test_supervisor_letter_sidebar_number_and_the_municipalitys_reference(numbers: Numbers) -> None:
    found = numbers["case_ankestyrelse_sidebar.txt"]
    assert found == {("own", "journalnr", "24-31107"), ("cited", "sagsnr", "2024-004512")}
    # not: the agenda item "Sag nr. 12", the law "lov nr. 606", the phone number, the footer's CVR and EAN
    assert not values(found) & {"12", "606", "33411200", "31245672", "5798000123458"}


def test_region_agenda_items_are_not_case_numbers_their_sagsid_are(numbers: Numbers) -> None:
    found = numbers["case_region_dagsorden.txt"]
    own = {(scheme, value) for role, scheme, value in found if role == "own"}
    assert own == {("sagsnr", "25/00311"), ("sagsnr", "24/18873"), ("sagsnr", "25/01120")}
    # the attachments' document numbers are other documents' numbers
    assert {(s, v) for r, s, v in found if r == "cited"} == {("dokumentnr", "98812/24"), ("dokumentnr", "99104/24")}
    # not: "Sag nr. 1-3", "punkt 4", the plan numbers, the year range, the phone number, the page
    assert not values(found) & {"1", "2", "3", "4", "7/2022", "1-212", "2023-2024", "76631000"}


def test_edoc_mail_metadata_is_its_own_the_table_lists_the_cases_it_is_about(numbers: Numbers) -> None:
    found = numbers["case_edoc_mail.txt"]
    assert {(r, s, v) for r, s, v in found if r == "own"} == {
        ("own", "dokumentnr", "2020-001877-4"), ("own", "sagsnr", "2020-001877")}
    assert {v for r, _s, v in found if r == "cited"} == {"201904411", "201904412", "201908876"}
    # not: the property numbers in the next column, the phone number, the company's CVR
    assert not values(found) & {"417-33", "201-7", "76112233", "41829362"}


def test_ministry_answer_flattened_to_one_line_keeps_its_letterhead_fields(numbers: Numbers) -> None:
    found = numbers["case_ministeriet_svar.txt"]
    own = {(s, v) for r, s, v in found if r == "own"}
    assert {("sagsnr", "2021-2210-0017"), ("dokumentnr", "KMA30211")} <= own
    # the memo's KLE numbers: the facet glued to the emne, and the full SBSYS form
    assert {("kle_journalnr", "27.12.00A23-0112"), ("kle_journalnr", "00.01.00-G01-3-21")} <= own
    # a number named in the answer's sentence is cited
    assert ("cited", "journalnr", "2019-5512") in found
    # not: the question number, the bill, the law, the date that looks like a KLE emne, the CVR
    assert not values(found) & {"88", "L57", "1238", "05.11.2021", "31245672"}
