"""The check before writing: numbers, dates and company names agree with the annex and the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_drafting_consistency import ask_again

from foi.responses.attribution import own_wording
from foi.responses.consistency import check_draft
from foi.responses.draft import Draft, DraftOptions, build_draft
from foi.store import open_db

MENTOR = Path(__file__).parent / "documents" / "inquiry_mentor.txt"


@pytest.fixture(scope="module")
def db(corpus_db: Path):  # type: ignore[no-untyped-def]
    return open_db(corpus_db, create=False)


@pytest.fixture(scope="module")
def again(db, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """Ad 1 the 2017 companies, Ad 2 what København's 2018 letter answered (the reuse rule)."""
    return ask_again(db, tmp_path_factory.mktemp("again"))


def fresh(db, inquiry: Path = MENTOR, **options: object) -> Draft:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {"profile": "koebenhavn-bif", "date": "2024-11-18", "sagsnr": "2024-0123456"}
    values.update(options)
    return build_draft(inquiry, db, DraftOptions(**values))  # type: ignore[arg-type]


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


def test_dates_that_cannot_be_right_are_reported(db, again: Path) -> None:  # type: ignore[no-untyped-def]
    warnings = check_draft(fresh(db, again, date="2018-01-02"), db)
    assert "the letter is dated 2. januar 2018, before the inquiry of 4. november 2024" in warnings
    assert any(w.startswith("Ad 2: mentions 23. oktober 2018, after the letter's date") for w in warnings)


def test_a_cited_case_or_date_the_store_does_not_have_is_reported(db, again: Path) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db, again)
    reuse = draft.sections[1]
    assert reuse.rule == "reuse"
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


# -- a count of the annex's companies in other words, in any part of the letter ---------------------
@pytest.mark.parametrize("sentence", ["Listen omfatter 140 firmaer.", "Der er i alt 140.",
                                      "Bilaget viser 140 arbejdsgivere.", "Oversigten tæller 140 praktiksteder.",
                                      "Vi har fundet 140 i alt."])
def test_a_count_in_other_words_in_the_companies_section_is_checked(db, sentence: str) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[0].paragraphs.insert(1, sentence)
    assert "Ad 1: the text says 140 companies, the annex lists 141" in check_draft(draft, db)


def test_a_small_count_written_in_words_is_checked(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[0].paragraphs[0] = draft.sections[0].paragraphs[0].replace("141 virksomheder", "tre virksomheder")
    assert "Ad 1: the text says 3 companies, the annex lists 141" in check_draft(draft, db)


@pytest.mark.parametrize("sentence", ["Af de 141 virksomheder har 3 af disse virksomheder fået afslag.",
                                      "En virksomhed kan have flere praktikanter.",
                                      "I alt 140 borgere var i virksomhedspraktik i 2017."])
def test_a_part_or_another_count_is_not_the_annex_count(db, sentence: str) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[0].paragraphs.insert(1, sentence)
    assert check_draft(draft, db) == []


def test_a_count_of_the_annex_in_the_introduction_closing_or_another_section_is_checked(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.intro.append("Svaret på spørgsmål 1 er en liste i bilaget, som omfatter 142 virksomheder.")
    draft.closing.append("Vedlagte bilag omfatter i alt 140 virksomheder.")
    draft.sections[3].paragraphs = ["Den vedlagte oversigt rummer 139 arbejdsgivere."]
    warnings = check_draft(draft, db)
    assert "Introduction: the text says 142 companies, the annex lists 141" in warnings
    assert "Closing: the text says 140 companies, the annex lists 141" in warnings
    assert "Ad 4: the text says 139 companies, the annex lists 141" in warnings


def test_a_count_outside_the_annex_section_that_speaks_of_no_annex_is_left_alone(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.closing.append("Forvaltningen samarbejder med 40 virksomheder om jobrotation.")
    draft.sections[3].paragraphs = ["Vedlagte bilag omfatter 141 virksomheder."]
    assert check_draft(draft, db) == []


# -- a cited date after the letter's date, found by the extraction's date finder ---------------------
@pytest.mark.parametrize(("written", "shown"), [("1/3 2025", "1. marts 2025"), ("d. 1/3-2025", "1. marts 2025"),
                                                ("10-03-2025", "10. marts 2025"), ("3. okt. 2025", "3. oktober 2025"),
                                                ("2025-01-31", "31. januar 2025"), ("25.09.25", "25. september 2025")])
def test_a_date_after_the_letter_is_found_in_every_written_form(db, written: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[3].paragraphs = [f"Forvaltningen besvarede et lignende spørgsmål i brev af {written}."]
    assert f"Ad 4: mentions {shown}, after the letter's date 18. november 2024" in check_draft(draft, db)


def test_a_date_in_the_closing_is_checked_but_a_deadline_may_lie_ahead(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.closing = ["Vi henviser til vores brev af 2. december 2024.", "Du vil få svar senest den 5. december 2024."]
    warnings = check_draft(draft, db)
    assert "Closing: mentions 2. december 2024, after the letter's date 18. november 2024" in warnings
    assert not any("5. december 2024" in w for w in warnings)


def test_one_date_finder_the_extractions() -> None:
    import foi.responses.danish as danish

    assert not hasattr(danish, "find_dates") and not hasattr(danish, "parse_date")


# -- every question of the inquiry answered once, under its number and with its text -----------------
def test_a_question_without_a_section_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    del draft.sections[3]
    assert "Ad 4: question 4 of the inquiry has no section" in check_draft(draft, db)


def test_two_sections_with_one_number_are_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections.insert(3, draft.sections[2])
    assert "Ad 3: 2 sections answer question 3" in check_draft(draft, db)


def test_a_section_for_a_question_not_asked_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[3].number = 5
    warnings = check_draft(draft, db)
    assert "Ad 5: the inquiry has no question 5 (it asks 1 to 4)" in warnings
    assert "Ad 4: question 4 of the inquiry has no section" in warnings


def test_a_section_under_another_questions_text_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[1].question = "Hvor mange borgere fik mentorstøtte i 2017?"
    assert ("Ad 2: the section's question 'Hvor mange borgere fik mentorstøtte i 2017?' is not the inquiry's "
            "question 2 'Hvordan kontrollerer forvaltningen, at virksomhederne …'") in check_draft(draft, db)


def test_sections_out_of_the_inquirys_order_are_reported(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db)
    draft.sections[2], draft.sections[3] = draft.sections[3], draft.sections[2]
    assert ("the sections answer the questions in the order [1, 2, 4, 3], the inquiry asks them in the order "
            "[1, 2, 3, 4]") in check_draft(draft, db)


INQUIRIES = Path(__file__).parent / "drafting" / "inquiries"


def test_questions_numbered_from_spoergsmaal_nr_14_are_checked_as_numbered(db) -> None:  # type: ignore[no-untyped-def]
    draft = build_draft(INQUIRIES / "10_hjoerring_spm_nr.txt", db, DraftOptions(date="2024-11-18"))
    assert [s.number for s in draft.sections] == [14, 15]
    assert not any("question" in w for w in check_draft(draft, db))
    del draft.sections[0]
    assert "Ad 14: question 14 of the inquiry has no section" in check_draft(draft, db)


def test_sub_questions_stay_in_their_question(db) -> None:  # type: ignore[no-untyped-def]
    draft = build_draft(INQUIRIES / "09_silkeborg_underspoergsmaal.txt", db, DraftOptions(date="2024-11-18"))
    assert [s.number for s in draft.sections] == [1, 2]
    assert not any("question" in w for w in check_draft(draft, db))
    draft.sections[1].question = draft.sections[1].question.split(" a)")[0]  # sub-questions a) and b) dropped
    assert any(w.startswith("Ad 2: the section's question") for w in check_draft(draft, db))


# -- the Danish cues of patterns/consistency.toml, one example each ------------------------------------
@pytest.mark.parametrize(("sentence", "found"), [
    ("Forvaltningen har tidligere oplyst, at …", ["Forvaltningen har tidligere"]),
    ("Vi har i brev af 3. maj 2024 svaret, at …", ["Vi har i brev"]),
    ("Forvaltningen har opgjort antallet til 141.", ["Forvaltningen har opgjort"]),
    ("Det fremgår af forvaltningens oversigt.", ["forvaltningens oversigt"]),
    ("Se vores tidligere svar.", ["vores tidligere svar"]),
    ("Styrelsens notat af 2. maj 2024 viser …", ["Styrelsens notat"]),
    ("Kommunens brev af 23. oktober 2018 …", ["Kommunens brev"]),
    ("Regionen har tidligere svaret.", ["Regionen har tidligere"]),
    ("Integrationsforvaltningens oversigt omfatter …", []),  # a named forvaltning is not the writer
    ("Københavns Kommunes oversigt omfatter …", []),
    ("Forvaltningen kan oplyse, at …", []),
])
def test_wording_that_claims_a_source_as_the_writers_own(sentence: str, found: list[str]) -> None:
    assert own_wording(sentence) == found


def test_the_municipality_as_writer_is_its_own_where_the_source_is_of_the_same_municipality() -> None:
    assert own_wording("Kommunens brev af 23. oktober 2018 og forvaltningens oversigt", municipal=False) == [
        "forvaltningens oversigt"]
