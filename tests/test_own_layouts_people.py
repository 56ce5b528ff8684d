"""People by role in whole files of our own, in layouts none of the samples has: a minister's answer
with the drafting official after a slash, a region's minutes with "Til stede:" and an inline absence
list, an e-mail whose Cc wraps mid-name above a quoted message, a board's ruling, a grid of five
mayors' signatures set with spaces. Each goes through `foi extract --json` (the CLI) or into a real
database; the names asserted are what a reader takes off the page.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.extract.model import Person
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = Path(__file__).resolve().parent / "documents"
SHARED = ROOT.parent / "shared"
ROLES = ("recipients", "senders", "signers", "caseworkers", "members")


def extract_json(name: str) -> dict[str, Any]:
    """The one document of a file, as `foi extract --json` prints it."""
    result = CliRunner().invoke(main, ["extract", "--json", str(DOCUMENTS / name)])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)["documents"]
    assert len(documents) == 1, [d["kind"] for d in documents]
    document: dict[str, Any] = documents[0]
    return document


def named(document: dict[str, Any], role: str) -> list[str]:
    return [p["name"] for p in document[role]]


def roles(found: list[Person]) -> dict[str, list[tuple[str, str | None, str | None, str | None]]]:
    out: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
    for p in found:
        out.setdefault(p.role, []).append((p.name, p.title, p.email, p.party))
    return out


def test_minister_answer_with_the_official_after_a_slash() -> None:
    document = extract_json("people_ministersvar_skraastreg.txt")
    assert named(document, "signers") == ["Morten Bødker"]
    assert named(document, "caseworkers") == ["Anne Juul Sørensen"]
    assert document["senders"] == [{"name": "Rasmus Vinther", "party": "RV"}]  # the member who asked
    assert document["recipients"] == [] and document["members"] == []


def test_region_minutes_present_absent_and_the_minute_taker() -> None:
    document = extract_json("people_regionsreferat_tilstede.txt")
    members = {p["name"]: (p.get("title"), p.get("party")) for p in document["members"]}
    assert members == {
        "Hanne Lind": ("Formand", "A"), "Ole Brix": ("Næstformand", "V"), "Karin Moos": (None, "F"),
        "Peder Ask": (None, "C"), "Tom Krag": (None, "O"), "Lise Vang": (None, "A"),
        "Kim Dalsgaard": ("vicedirektør", None),  # took part under item 2
    }
    assert named(document, "caseworkers") == ["Nanna Friis Holt"]
    assert document["signers"] == [] and document["senders"] == []


def test_email_with_a_wrapped_cc_and_a_quoted_message() -> None:
    document = extract_json("people_mail_kopimodtagere.txt")
    assert document["kind"] == "email"
    # the From is a shared mailbox: the sender is the name it is signed with
    assert document["senders"][0] == {"name": "Tine Kragh", "title": "Byggesagsbehandler",
                                      "email": "byggesager@kommune.dk"}
    assert document["senders"][1] == {"name": "Jens Ravnholt", "email": "jr@ravnholt.dk"}  # the quoted message
    assert named(document, "recipients") == ["Jens Ravnholt", "Birthe Alstrup", "Claus Munk-Hansen", "Frida Øster"]


def test_ruling_board_members_and_complainants() -> None:
    document = extract_json("people_kendelse_naevn.txt")
    assert named(document, "members") == ["Ida Kock", "Søren Bach", "Marie Lund"]
    assert named(document, "senders") == ["Hans Ravn", "Lene Ø. Dahl"]  # "Klagere:"
    assert document["signers"] == [] and document["recipients"] == []


def test_grid_of_mayors_signing_side_by_side_into_the_database(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brev.txt").write_bytes((DOCUMENTS / "people_signaturgitter.txt").read_bytes())
    db = tmp_path / "foi.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT name, role FROM people ORDER BY start, id").fetchall()
    assert rows == [("Anders Kvist", "signer"), ("Berit Lund", "signer"), ("Carsten Møller", "signer"),
                    ("Dorthe Sand", "signer"), ("Erik Toft", "signer")]


def test_docx_minutes_with_members_in_nested_tables(tmp_path: Path) -> None:
    """Word minutes whose head is a table and whose members stand in a table inside its cell."""
    from docx import Document as Word

    word = Word()
    word.add_heading("Referat", 1)
    word.add_paragraph("Børne- og Skoleudvalget, mødet den 7. februar 2024")
    head = word.add_table(rows=3, cols=2)
    head.cell(0, 0).text, head.cell(0, 1).text = "Mødedato", "7. februar 2024 kl. 16.00"
    head.cell(1, 0).text, head.cell(2, 0).text = "Deltagere", "Afbud"
    present = head.cell(1, 1).add_table(rows=3, cols=1)
    for row, name in enumerate(["Ida Lund (A), formand", "Ole Brix (V)", "Karin Moos (F)"]):
        present.cell(row, 0).text = name
    head.cell(2, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Peder Ask (C)"
    word.add_paragraph("1. Godkendelse af dagsorden")
    word.add_paragraph("Beslutning: Godkendt.")
    path = tmp_path / "referat.docx"
    word.save(str(path))
    result = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.stdout)["documents"]
    assert document["members"] == [{"name": "Ida Lund", "title": "formand", "party": "A"},
                                   {"name": "Ole Brix", "party": "V"}, {"name": "Karin Moos", "party": "F"},
                                   {"name": "Peder Ask", "party": "C"}]


# --- layouts of our own, end to end ------------------------------------------------------------

VEDR_LETTER = """\
SVENDBORG KOMMUNE
Social og Sundhed

Ole Jensen
Storegade 4
5700 Svendborg

14. marts 2024

Vedr.: Klage over hjemmehjælp

Kære Ole Jensen

Vi har modtaget din klage og har behandlet den.

Med venlig hilsen

Birgitte Lund
Afdelingsleder
"""

ENGLISH_EMAIL = """\
From: Karen Holm <kaho@odense.dk>
Sent: 3. februar 2024 09:12
To: Borgmesterens Kontor
Subject: Svar på spørgsmål om budget

Kære borgmester

Hermed svaret.

Venlig hilsen
Karen Holm
Specialkonsulent
Økonomi og Analyse
"""


def test_letter_with_vedr_subject_and_titled_signer() -> None:
    [document] = process_bytes(VEDR_LETTER.encode("utf-8"), "brev.txt", Settings()).documents
    got = roles(document.facts.people)
    assert got["signer"] == [("Birgitte Lund", "Afdelingsleder", None, None)]
    assert got["recipient"] == [("Ole Jensen", None, None, None)]
    assert document.facts.title == "Klage over hjemmehjælp"
    assert document.facts.municipality == "Svendborg Kommune"


def test_english_headed_email_end_to_end() -> None:
    [document] = process_bytes(ENGLISH_EMAIL.encode("utf-8"), "mail.txt", Settings()).documents
    assert document.kind == "email"
    got = roles(document.facts.people)
    assert got["sender"] == [("Karen Holm", "Specialkonsulent", "kaho@odense.dk", None)]
    assert got["recipient"] == [("Borgmesterens Kontor", None, None, None)]
    assert "signer" not in got




def test_aarhus_committee_members() -> None:
    path = SHARED / "samples" / "aarhus" / "02_aarhus-teknisk-udvalg-referat-2025-10-01.txt"
    if not path.is_file():
        pytest.skip(f"sample not found at {path}")
    members = {p.name for p in process_file(path, Settings()).documents[0].facts.people if p.role == "member"}
    assert {"Jesper Kjeldsen", "Steffen Wich", "Gert Bjerregaard", "Metin Lindved Aydin", "Solveig Munk"} <= members
