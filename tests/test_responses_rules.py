"""Each drafting rule on a database really extracted from corpus/: companies, reuse, repeat, placeholder."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi.extract.facts.dates import find as find_dates
from foi.extract.model import Question
from foi.responses.danish import format_date, genitive, sort_key
from foi.responses.gather import gather, is_companies_question, is_repeat, programmes_in
from foi.store import open_db


@pytest.fixture(scope="module")
def db(corpus_db: Path):  # type: ignore[no-untyped-def]
    return open_db(corpus_db, create=False)


def rules(db, *questions: str) -> list:  # type: ignore[no-untyped-def]
    return gather(db, [Question(n, q) for n, q in enumerate(questions, start=1)])


def test_companies_question_gets_the_stored_list_sorted_with_legal_forms_as_written(db) -> None:  # type: ignore[no-untyped-def]
    [section] = rules(db, "Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik med mentorstøtte?")
    assert section.rule == "companies"
    assert section.values["count"] == 141
    assert section.values["source_case"] == "2018-0000088"
    annex = section.annex
    assert annex is not None and len(annex.rows) == 141
    assert [r[0] for r in annex.rows] == [str(n) for n in range(1, 142)]
    names = [r[1] for r in annex.rows]
    assert names == sorted(names, key=sort_key)
    assert names[-3:] == ["øens murerfirma a/s", "øens service team aps", "ølstykke multiservice v/patric"]
    assert names.index("maaltidet aps") > names.index("mt højgaard a/s")  # "aa" is å, after z
    forms = {r[1]: r[2] for r in annex.rows}
    assert forms["kab s.m.b.a."] == "s.m.b.a." and forms["dahl a/s"] == "a/s" and forms["incita"] == ""
    assert {r[3] for r in annex.rows} == {"2018-0000088"}
    assert section.provenance[0].case_number == "2018-0000088"


def test_companies_of_a_year_the_store_has_no_list_for_fall_through(db) -> None:  # type: ignore[no-untyped-def]
    [section] = rules(db, "Hvilke virksomheder havde i 2012 borgere i løntilskud?")
    assert section.rule == "placeholder"


def test_close_question_reuses_the_earlier_answer_and_cites_its_letter(db) -> None:  # type: ignore[no-untyped-def]
    [section] = rules(db, "Hvordan kontrollerer forvaltningen, at virksomhederne rent faktisk yder den "
                          "mentorstøtte, som de får betaling for?")
    assert section.rule == "reuse"
    assert section.values["source_case"] == "2018-0000088"
    assert section.values["source_date"] == "23. oktober 2018"
    assert section.values["answered_by"] == 2  # the 2018 answer 3 only said "Se venligst svar på spørgsmål 2."
    assert section.values["paragraphs"][0].startswith("Beskæftigelses- og Integrationsforvaltningen er ikke")
    assert any("Deloitte har gennemgået 20 sager" in p for p in section.paragraphs or section.values["paragraphs"])
    assert section.provenance[0].date == "2018-10-23"


def test_repeated_question_refers_to_its_twin(db) -> None:  # type: ignore[no-untyped-def]
    sections = rules(db, "Hvor mange borgere fik mentor i 2019?", "Hvordan vurderes behovet for mentor?",
                     "Hvor mange borgere fik en mentor i 2019?")
    assert sections[2].rule == "repeat" and sections[2].values == {"twin": 1}
    assert sections[1].rule != "repeat"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hvordan kontrollerer forvaltningen, at virksomhederne rent faktisk yder den mentorstøtte, som de får "
         "betaling for?", "Hvordan kontrollerer I, at virksomhederne faktisk yder den mentorstøtte, de får betaling "
         "for?", True),
        ("Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik med mentorstøtte?",
         "Hvordan kontrollerer forvaltningen, at virksomhederne yder den mentorstøtte, de får betaling for?", False),
        ("Hvor mange borgere fik mentor i 2019?", "Hvor mange borgere fik mentor i 2020?", False),
        ("Hvad koster ordningen?", "Hvem står bag ordningen?", False),
    ],
)
def test_repeat_needs_a_near_twin(a: str, b: str, same: bool) -> None:
    assert is_repeat(b, a) is same


def test_nothing_stored_gives_a_visible_placeholder_not_invented_text(db) -> None:  # type: ignore[no-untyped-def]
    [section] = rules(db, "Hvor mange elcykler har forvaltningen indkøbt til jobcentrenes medarbejdere i 2023?")
    assert section.rule == "placeholder"
    assert section.provenance == [] and section.annex is None


@pytest.mark.parametrize(
    ("question", "yes"),
    [("Hvilke virksomheder har I aftaler med?", True), ("Hvilke private virksomheder deltog?", True),
     ("Kan I sende en oversigt over de virksomheder, der deltog?", True), ("Hvilken arbejdsgivere?", True),
     ("Hvilke kontrolforanstaltninger har I?", False), ("Hvor mange virksomheder deltog?", True),
     ("Hvor mange borgere deltog?", False)],
)
def test_companies_questions_are_recognised(question: str, yes: bool) -> None:
    assert is_companies_question(question) is yes


def test_programmes_are_read_from_the_question() -> None:
    assert programmes_in("borgere i virksomhedspraktik med mentorstøtte og løntilskud") == [
        "virksomhedspraktik", "mentorstøtte", "løntilskud"]


def test_danish_forms() -> None:
    assert format_date("2018-10-23") == "23. oktober 2018"
    assert format_date(None) == "[INDSÆT DATO]"
    assert genitive("Beskæftigelses- og Integrationsforvaltningen") == "Beskæftigelses- og Integrationsforvaltningens"
    assert genitive("AC-stab") == "AC-stabs" and genitive("Københavns") == "Københavns"
    assert [d.date.isoformat() for d in find_dates("d. 1/3 2023, 23. oktober 2018, 10-03-2023 og 1. okt. 2108")] == [
        "2023-03-01", "2018-10-23", "2023-03-10", "2108-10-01"]
    assert sorted(["østergaard", "aalborg", "zebra", "æble", "ålborg", "aarhus"], key=sort_key) == [
        "zebra", "æble", "østergaard", "aalborg", "ålborg", "aarhus"]


def test_a_list_is_restated_as_what_it_lists_not_as_what_was_asked(db) -> None:  # type: ignore[no-untyped-def]
    # issue 12: the 2018 list is of companies with virksomhedspraktik *and* mentorstøtte
    [section] = rules(db, "Kan I sende en oversigt over de virksomheder, der i 2017 havde borgere i "
                          "virksomhedspraktik?")
    assert section.rule == "companies"
    assert section.values["programmes"] == ["virksomhedspraktik", "mentorstøtte"]
