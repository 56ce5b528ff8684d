"""Whole files in layouts the seeds do not have, through `process_file`: what a reader must find in them.

The documents are in tests/documents/ (the .docx and .eml are built by make_documents.py). Each test
states facts a person reads off the document; they hold for the whole system, not one component.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from foi.extract.jsonout import file_json
from foi.extract.model import Document, FileResult
from foi.extract.process import process_file
from foi.settings import Settings

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def process(name: str) -> FileResult:
    result = process_file(DOCUMENTS / name, Settings())
    assert result.status == "ok", result.error
    return result


def only(result: FileResult) -> Document:
    assert len(result.documents) == 1, [d.kind for d in result.documents]
    return result.documents[0]


def as_json(result: FileResult) -> dict[str, Any]:
    out = file_json(result)
    assert len(out["documents"]) == 1
    document: dict[str, Any] = out["documents"][0]
    return document


def case_numbers(document: Document) -> set[tuple[str, str]]:
    return {(c.scheme, c.value) for c in document.facts.case_numbers}


# -- a letter from Odense with the case number and the date on one line ------------------------------
@pytest.fixture(scope="module")
def odense() -> FileResult:
    return process("letter_inline_sagsnr.txt")


def test_odense_letter_kind_and_head(odense: FileResult) -> None:
    document = only(odense)
    assert document.kind == "letter"
    assert document.facts.municipality == "Odense Kommune"
    assert document.facts.administration == "Borgmesterforvaltningen"
    assert document.facts.title == "Svar på spørgsmål om brug af eksterne konsulenter"


def test_odense_letter_inline_case_number_and_date(odense: FileResult) -> None:
    document = only(odense)
    assert ("sagsnr", "19/04512") in case_numbers(document)
    assert document.facts.date == "2019-03-12"
    assert {"2019-03-12", "2019-02-25", "2019-01-04"} <= {d.date for d in document.facts.dates}


def test_odense_letter_people(odense: FileResult) -> None:
    data = as_json(odense)
    assert [p["name"] for p in data["recipients"]] == ["Kasper Lund Nielsen"]
    assert {"name": "Mette Vestergaard Holm", "title": "Direktør"} in data["signers"]


def test_odense_letter_questions_and_answers(odense: FileResult) -> None:
    facts = only(odense).facts
    assert [q.number for q in facts.questions] == [1, 2, 3]
    assert facts.questions[1].text == "Hvilke konsulentfirmaer har løst opgaverne?"
    assert [a.number for a in facts.answers] == [1, 2, 3]
    assert facts.answers[0].text.startswith("Borgmesterforvaltningen har i 2018 brugt 1.250.000 kr.")
    assert facts.answers[2].text.endswith("omtalt i Fyens Stiftstidende den 4. januar 2019.")
    assert not any("Spørgsmål" in a.text or a.text.startswith("Svar") for a in facts.answers)


def test_odense_letter_companies_and_organisations(odense: FileResult) -> None:
    facts = only(odense).facts
    assert [(c.name, c.legal_form, c.source) for c in facts.companies] == [
        ("Rambøll Management Consulting A/S", "A/S", "body"),
        ("Implement Consulting Group P/S", "P/S", "body"),
        ("Fynsk Analyse ApS", "ApS", "body"),
    ]
    assert [o.name for o in facts.organizations] == ["KL", "Fyens Stiftstidende"]


def test_odense_letter_amounts(odense: FileResult) -> None:
    assert {(a.value, a.currency) for a in only(odense).facts.amounts} == {(1250000.0, "DKK"), (450000.0, "DKK")}


# -- minutes with Indstilling and Beslutning blocks ---------------------------------------------------
@pytest.fixture(scope="module")
def minutes() -> FileResult:
    return process("minutes_indstilling.txt")


def test_minutes_head(minutes: FileResult) -> None:
    facts = only(minutes).facts
    assert only(minutes).kind == "minutes"
    assert facts.municipality == "Vejle Kommune"
    assert facts.committee == "Social- og Sundhedsudvalget"
    assert facts.date == "2024-05-14"
    assert facts.meeting_place == "Mødelokale 3, Vejle Rådhus"


def test_minutes_members_with_parties(minutes: FileResult) -> None:
    members = {p["name"]: p.get("party") for p in as_json(minutes)["members"]}
    assert members == {
        "Anne Marie Kjær": "V",
        "Lars Thomsen": "A",
        "Birgitte Lund": "F",
        "Hans Jørgen Bech": "O",
        "Sofie Østergaard": "Ø",
    }


def test_minutes_agenda_items(minutes: FileResult) -> None:
    items = only(minutes).facts.agenda_items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Status på hjemmeplejen 2024"),
        (3, "Udbud af madservice til hjemmeboende ældre"),
    ]
    assert items[0].decision.startswith("Godkendt")
    assert items[1].decision.startswith("Taget til efterretning")
    assert items[2].decision.startswith("Indstillingen blev godkendt")
    assert [i.case_number for i in items] == ["24/01187", "24/02210", "24/00934"]


def test_minutes_case_numbers_companies_organisations(minutes: FileResult) -> None:
    facts = only(minutes).facts
    assert {("sagsnr", "24/01187"), ("sagsnr", "24/02210"), ("sagsnr", "24/00934")} <= case_numbers(only(minutes))
    assert [c.name for c in facts.companies] == ["Det Danske Madhus A/S"]
    assert [o.name for o in facts.organizations] == ["Sundhedsstyrelsen"]


# -- an annex as a Word table -------------------------------------------------------------------------
def test_annex_table_companies() -> None:
    spec = importlib.util.spec_from_file_location("make_documents", DOCUMENTS / "make_documents.py")
    assert spec is not None and spec.loader is not None
    made = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(made)  # the names the table was built from

    document = only(process("annex_companies.docx"))
    assert document.kind == "annex"
    assert document.facts.municipality == "Odense Kommune"
    assert document.facts.date == "2023-11-20"
    assert ("sagsnr", "23/11873") in case_numbers(document)
    found = document.facts.companies
    assert [c.name for c in found] == [name for name, _ in made.COMPANIES]
    assert all(c.source == "list" and not c.truncated for c in found)
    assert [c.legal_form for c in found] == [
        "ApS", "A/S", "IVS", "I/S", "K/S", "P/S", "A.m.b.a.", "ApS", "A/S", "ApS", "ApS", "S.m.b.a."
    ]
    assert document.facts.tables and document.facts.tables[0].header == ["Virksomhed", "CVR", "Antal forløb"]
    assert document.facts.organizations == []


# -- an e-mail from a council member --------------------------------------------------------------------
def test_inquiry_email() -> None:
    result = process("inquiry_email.eml")
    document = only(result)
    facts = document.facts
    assert document.kind == "email"
    assert facts.title == "Spørgsmål om nattevagter på plejecentrene og brug af vikarbureauer"
    assert facts.date == "2024-06-03"
    senders = as_json(result)["senders"]
    assert [(p["name"], p.get("email")) for p in senders] == [
        ("Karen Søgaard Vestergaard", "karen.vestergaard@vejle.dk")
    ]
    assert [q.number for q in facts.questions] == [1, 2, 3, 4]
    assert facts.questions[3].text == (
        "Hvilke planer har forvaltningen for at nedbringe brugen af vikarer i 2024 og 2025?"
    )
    assert facts.answers == []
    assert [(c.name, c.source) for c in facts.companies] == [("Dansk Vikarservice A/S", "body")]


# -- a letter with a CPR number --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cpr_letter() -> FileResult:  # kept as written, so that the output's own masking is what is tested
    return process_file(DOCUMENTS / "letter_with_cpr.txt", Settings(keep_personal_data=True))


def test_letter_with_cpr_facts(cpr_letter: FileResult) -> None:
    document = only(cpr_letter)
    assert document.kind == "letter"
    assert document.facts.date == "2021-09-02"
    assert ("sagsnr", "21/08813") in case_numbers(document)
    assert [c.name for c in document.facts.companies] == ["Svendborg Tømrer og Snedker ApS"]
    assert [p["name"] for p in as_json(cpr_letter)["recipients"]] == ["Jonas Frederik Madsen"]
    assert {"name": "Louise Kragh Andersen", "title": "Jobkonsulent"} in as_json(cpr_letter)["signers"]


def test_letter_with_cpr_title(cpr_letter: FileResult) -> None:
    assert only(cpr_letter).facts.title == "Afgørelse om mentorstøtte"


def test_cpr_number_is_masked_in_the_output(cpr_letter: FileResult) -> None:
    masked = json.dumps(file_json(cpr_letter), ensure_ascii=False)
    assert "010190-1234" not in masked and "0101901234" not in masked
    assert "CPR-nr. XXXXXX-XXXX" in as_json(cpr_letter)["text"]
    shown = json.dumps(file_json(cpr_letter, show_personal_data=True), ensure_ascii=False)
    assert "010190-1234" in shown
