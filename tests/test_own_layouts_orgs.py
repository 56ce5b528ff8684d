"""Companies and organisations in whole files of layouts the samples do not have, through `process_file`
and `foi companies`: a hearing memo with bullet lists, a regulator's minutes with parties in the agenda,
and an e-mail about a building case. The documents are tests/documents/org_*.txt, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.extract.model import Document
from foi.extract.process import process_file
from foi.settings import Settings

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def document(name: str) -> Document:
    result = process_file(DOCUMENTS / name, Settings())
    assert result.status == "ok", result.error
    assert len(result.documents) == 1, [d.kind for d in result.documents]
    return result.documents[0]


def companies(d: Document) -> list[str]:
    return [c.name for c in d.facts.companies]


def organizations(d: Document) -> list[str]:
    return [o.name for o in d.facts.organizations]


def test_a_hearing_memo_with_a_bullet_list_of_parties() -> None:
    memo = document("org_hoeringsnotat_bullets.txt")
    assert companies(memo) == ["Vestegnens Fjernvarme", "Kystbo Forsyning", "Rådgivningsfirmaet Geoplan"]
    assert {"Danske Vandværker", "Grønt Netværk Vest", "NORDFORS", "Miljøstyrelsen"} <= set(organizations(memo))
    assert "Miljøafdelingen" not in organizations(memo)  # the sender's own unit


def test_regulator_minutes_with_parties_in_the_agenda() -> None:
    minutes = document("org_referat_tilsyn.txt")
    found = {c.name: c.legal_form for c in minutes.facts.companies}
    assert found == {"Lindholt Elnet": None, "Sønderå Energi": None, "I/S Reno Syd": "I/S",
                     "Statkraft Varme AS": "AS", "Nordhav Wind Ltd.": "Ltd.", "Halvø Fjernvarmeselskab": None}
    assert organizations(minutes) == ["VARMEKRAFT", "Østkraft"]
    assert "Tilsynsrådet" not in companies(minutes)


def test_an_email_about_a_building_case() -> None:
    mail = document("org_mail_byggesag.txt")
    assert companies(mail) == ["Arkitektfirmaet Lysgaard", "Hansens Bageri", "Boligsiden.dk"]
    assert organizations(mail) == ["TMF", "SOF"]


@pytest.fixture(scope="module")
def org_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("orgs") / "foi.db"
    files = [str(p) for p in sorted(DOCUMENTS.glob("org_*.txt"))]
    result = CliRunner().invoke(main, ["extract", "--db", str(db), *files])
    assert result.exit_code == 0, result.output
    return db


def test_foi_companies_lists_companies_but_no_administration_or_authority(org_db: Path) -> None:
    result = CliRunner().invoke(main, ["companies", "--db", str(org_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {c["name"] for c in json.loads(result.stdout)}
    assert {"Hansens Bageri", "Kystbo Forsyning", "Reno Syd I/S", "VARMEKRAFT", "NORDFORS"} <= listed
    assert not listed & {"TMF", "SOF", "Miljøstyrelsen", "Danske Vandværker"}
