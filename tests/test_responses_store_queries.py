"""foi.store.queries on a database really extracted from corpus/, and on stored facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foi.extract.model import Answer, CaseNumber, Company, Document, FileResult, Line, Question
from foi.store import open_db, store_result
from foi.store import queries as sq


@pytest.fixture(scope="module")
def db(corpus_db: Path):  # type: ignore[no-untyped-def]
    return open_db(corpus_db, create=False)


def doc_id(db, path_part: str, kind: str) -> int:  # type: ignore[no-untyped-def]
    row = next(db.query("select d.id from documents d join files f on f.id = d.file_id "
                        "where f.path like ? and d.kind = ?", [f"%{path_part}%", kind]))
    return int(row["id"])


def test_document_gives_date_and_case_numbers(db) -> None:  # type: ignore[no-untyped-def]
    letter = sq.document(db, doc_id(db, "000_", "letter"))
    assert (letter.date, letter.case_number, letter.document_number) == ("2018-10-23", "2018-0000088",
                                                                          "2018-0000088-148")
    assert sq.document(db, doc_id(db, "001_", "letter")).case_number == "2023-0082547"  # eDoc, not F2


def test_companies_of_2017_with_mentor_support_are_the_141_of_the_annex(db, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    lists = sq.find_companies(db, 2017, ["virksomhedspraktik", "mentor"])
    assert len(lists) == 1  # the .txt and the .pdf rendering of the annex are one list
    gold = json.loads((shared_dir / "gold" / "000_20e448a58bbb3448.json").read_text("utf-8"))
    assert [c.name for c in lists[0].companies] == gold["documents"][1]["companies"]
    assert lists[0].document.case_number == "2018-0000088"


def test_companies_of_another_year_or_programme_are_not_found(db) -> None:  # type: ignore[no-untyped-def]
    assert sq.find_companies(db, 2016, ["virksomhedspraktik", "mentor"]) == []
    assert sq.find_companies(db, 2017, ["løntilskud"]) == []


def test_stored_answers_follow_a_reference_to_another_answer(db) -> None:  # type: ignore[no-untyped-def]
    answers = {(a.document.case_number, a.number): a for a in sq.stored_answers(db)}
    third = answers[("2018-0000088", 3)]
    assert third.answer == "Se venligst svar på spørgsmål 2."
    assert third.resolved_number == 2
    assert third.resolved.startswith("Beskæftigelses- og Integrationsforvaltningen er ikke bekendt med")
    assert third.question.startswith("Hvilke kontrolforanstaltninger")


def test_similar_answers_rank_the_close_question_first(db) -> None:  # type: ignore[no-untyped-def]
    best = sq.similar_answers(db, "Hvordan kontrollerer forvaltningen, at virksomhederne yder mentorstøtte?")[0]
    assert best.document.case_number == "2018-0000088"
    assert best.resolved_number == 2
    unrelated = sq.similar_answers(db, "Hvor mange elcykler har forvaltningen indkøbt i 2023?")
    assert all(a.coverage < 0.2 for a in unrelated)


def test_the_temporary_search_table_leaves_the_database_untouched(db) -> None:  # type: ignore[no-untyped-def]
    before = sorted(db.table_names())
    sq.similar_answers(db, "mentorstøtte i virksomhedspraktik")
    assert sorted(db.table_names()) == before


def test_case_documents_are_the_case_documents_by_date(db) -> None:  # type: ignore[no-untyped-def]
    docs = sq.case_documents(db, "2018-0000088")
    assert {d.document_number for d in docs} >= {"2018-0000088-163", "2018-0000088-148"}
    assert (docs[0].kind, docs[0].date) == ("annex", "2018-10-12")
    assert [d.date for d in docs] == sorted(d.date or "9999" for d in docs)
    assert sq.case_documents(db, "1999-0000001") == []


def test_stemming_and_term_matching_are_danish() -> None:
    assert sq.stem_terms("Hvilke virksomheder modtager mentorstøtte?") == ["virksom", "modtag", "mentorstøt"]
    assert sq.stem_terms("virksomhederne") == ["virksomhed"]
    assert sq.term_match("virksom", "virksomhed") > 0  # Snowball's two stems of one word still meet
    assert sq.term_match("virksomhed", "virksomhedspraktik") > 0
    assert sq.term_match("elcykl", "mentorstøt") == 0


def test_drafting_reads_the_stored_facts_not_the_text(tmp_path: Path) -> None:
    """The fact tables are the source: facts that differ from the text on purpose are the ones used."""
    lines = [Line(t) for t in ("KØBENHAVNS KOMMUNE", "", "1. maj 2019", "", "Sagsnr.", "2019-0000001", "",
                               "Kære Bo", "", "1. Hvilke firmaer har tilbud om løntilskud i 2019?", "",
                               "Ad 1: Et svar fra teksten.", "", "Med venlig hilsen")]
    document = Document(1, "letter", lines)
    document.facts.date = "2019-05-02"
    document.facts.case_numbers = [CaseNumber("sagsnr", "2019-0000002", "2019-0000002")]
    document.facts.questions = [Question(1, "Hvilke firmaer har tilbud om løntilskud i 2019?")]
    document.facts.answers = [Answer(1, "Et svar fra faktatabellen.")]
    document.facts.companies = [Company("Øens Bageri ApS", "ApS"), Company("Aalborg Is A/S", "A/S")]
    db = open_db(tmp_path / "facts.db")
    store_result(db, FileResult("brev.txt", "x", 1, "txt", 1, documents=[document]))
    stored = sq.document(db, 1)
    assert (stored.date, stored.case_number) == ("2019-05-02", "2019-0000002")
    [answer] = sq.stored_answers(db)
    assert answer.answer == "Et svar fra faktatabellen."
    [found] = sq.find_companies(db, 2019, ["løntilskud"])
    assert [c.name for c in found.companies] == ["Øens Bageri ApS", "Aalborg Is A/S"]
    assert sq.company_names(db, 1) == {"Øens Bageri ApS", "Aalborg Is A/S"}
