"""The check before writing: numbers, dates and company names agree with the annex and the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi.responses.consistency import check_draft
from foi.responses.draft import Draft, DraftOptions, build_draft
from foi.store import open_db

MENTOR = Path(__file__).parent / "documents" / "inquiry_mentor.txt"


@pytest.fixture(scope="module")
def db(corpus_db: Path):  # type: ignore[no-untyped-def]
    return open_db(corpus_db, create=False)


def fresh(db, **options: object) -> Draft:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {"profile": "koebenhavn-bif", "date": "2024-11-18", "sagsnr": "2024-0123456"}
    values.update(options)
    return build_draft(MENTOR, db, DraftOptions(**values))  # type: ignore[arg-type]


def test_a_draft_as_built_agrees_with_itself_and_the_store(db) -> None:  # type: ignore[no-untyped-def]
    assert check_draft(fresh(db), db) == []


def test_a_count_that_differs_from_the_annex_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[0].paragraphs[0] = draft.sections[0].paragraphs[0].replace("141 virksomheder", "140 virksomheder")
    assert "Ad 1: the text says 140 companies, the annex lists 141" in check_draft(draft, db)


def test_an_annex_that_differs_from_the_store_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    annex = draft.sections[0].annex
    assert annex is not None
    annex.rows[0][1] = "accent design a/s"
    annex.rows.pop()
    warnings = check_draft(draft, db)
    assert "Ad 1: annex company 'accent design a/s' is not in the store" in warnings
    assert any("the text says 141 companies, the annex lists 140" in w for w in warnings)
    assert any("the store has 141" in w for w in warnings)


def test_dates_that_cannot_be_right_are_reported(db) -> None:  # type: ignore[no-untyped-def]
    warnings = check_draft(fresh(db, date="2018-01-02"), db)
    assert "the letter is dated 2. januar 2018, before the inquiry of 4. november 2024" in warnings
    assert any(w.startswith("Ad 2: mentions 23. oktober 2018, after the letter's date") for w in warnings)


def test_a_cited_case_or_date_the_store_does_not_have_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    reuse = draft.sections[1]
    reuse.paragraphs[0] = reuse.paragraphs[0].replace("23. oktober 2018 (sagsnr. 2018-0000088)",
                                                      "24. oktober 2018 (sagsnr. 2018-0000089)")
    warnings = check_draft(draft, db)
    assert "Ad 2: cites case 2018-0000089, which is not in the store" in warnings
    assert any("dated 23. oktober 2018 in the store" in w for w in warnings)


def test_a_reference_to_a_later_question_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[2].paragraphs = ["Se venligst svar på spørgsmål 4."]
    assert "Ad 3: refers to question 4, which is not an earlier question" in check_draft(draft, db)


def test_a_stored_company_named_in_the_text_but_not_in_an_annex_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.annexes.clear()
    draft.sections[3].paragraphs = ["Forvaltningen har haft et samarbejde med Dansk Supermarked A/S."]
    assert "the text names 'dansk supermarked a/s', a stored company that no annex lists" in check_draft(draft, db)
