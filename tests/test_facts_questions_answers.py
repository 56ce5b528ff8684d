"""Questions of an inquiry and the Ad N answers: short forms, layouts of our own, the seeds against gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_components

import foi.extract.facts.questions_answers  # noqa: F401 - registers the component
from foi.extract.model import Facts
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def facts(text: str, kind: str = "letter") -> Facts:
    """Run the component alone on `text`, cleaned as a plain-text file is."""
    doc = run_components(text, "questions_answers", kind=kind)
    assert "questions_answers" in doc.spans
    return doc._.facts


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().casefold()


# --- questions ---------------------------------------------------------------------------------


def test_quoted_numbered_questions_lose_numbering_and_stray_quotes() -> None:
    f = facts('Du spørger om følgende:\n\n1. "Hvor mange borgere er i praktik?"\n'
              '2. Hvad koster ordningen om året?"\n')
    assert [(q.number, q.text) for q in f.questions] == [
        (1, "Hvor mange borgere er i praktik?"), (2, "Hvad koster ordningen om året?")]


def test_questions_under_a_heading_in_parenthesis_form() -> None:
    f = facts("Spørgsmål\n\n1) Jeg ønsker en redegørelse for brugen af vikarer.\n\n"
              "2) Hvor mange vikarer blev brugt i 2022?\n\nForvaltningens svar\n")
    assert [q.number for q in f.questions] == [1, 2]
    assert f.questions[0].text == "Jeg ønsker en redegørelse for brugen af vikarer."


def test_sporgsmaal_n_colon_form_over_wrapped_lines() -> None:
    f = facts("Jeg har følgende spørgsmål:\nSpørgsmål 1: Hvor mange sager har\nforvaltningen behandlet?\n"
              "Spørgsmål 2: Hvor lang er ventetiden?\n\nMed venlig hilsen\nOle Hansen", "email")
    assert [(q.number, q.text) for q in f.questions] == [
        (1, "Hvor mange sager har forvaltningen behandlet?"), (2, "Hvor lang er ventetiden?")]


def test_questions_run_on_without_blank_lines_end_at_the_last_question_mark() -> None:
    text = ("Jeg ønsker at stille følgende spørgsmål til udvalget:\n"
            "1. Hvorfor er lejen hævet? Vi har betalt den samme leje i\n"
            "mange år og har aldrig fået besked.\n"
            "2. Hvem har besluttet det? Det står ikke i\nbrevet fra forvaltningen.\n"
            "3. Kan vi klage over\nafgørelsen?\n"
            "Jeg har talt med naboerne om sagen, og de er enige.\n"
            "Vi håber på et hurtigt svar, for tiden er knap.\n" * 1)
    f = facts(text, "email")
    assert [q.number for q in f.questions] == [1, 2, 3]
    assert f.questions[0].text.endswith("aldrig fået besked.")
    assert f.questions[2].text == "Kan vi klage over afgørelsen?"


def test_numbered_list_that_asks_nothing_is_no_question() -> None:
    f = facts("Direktøren indstiller til udvalget\n\n1. at tage redegørelsen til efterretning.\n"
              "2. at godkende planen.\n", "minutes")
    assert f.questions == []


# --- answers -----------------------------------------------------------------------------------


def test_repeated_question_heading_is_not_answer_text() -> None:
    f = facts("1. Hvor mange borgere er i praktik?\n\nAd 1: Hvor mange borgere er i praktik?\n\n"
              "Der er 120 borgere i praktik.\n\nAd 2: Hvad koster det?\n\nDet koster 3 mio. kr.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Der er 120 borgere i praktik."),
                                                       (2, "Det koster 3 mio. kr.")]


def test_wrapped_question_heading_followed_directly_by_the_answer() -> None:
    f = facts("Ad 2: Hvilke kontrolforanstaltninger har kommunen for at sikre, at borgerne\n"
              "faktisk modtager støtten?\nKommunen fører tilsyn hvert år.\n")
    assert f.answers[0].text == "Kommunen fører tilsyn hvert år."


def test_question_on_the_line_below_a_bare_ad_heading() -> None:
    f = facts("1. Hvad koster ordningen?\n\nAd 1\n\nHvad koster ordningen?\n\nDen koster 3 mio. kr.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Den koster 3 mio. kr.")]


def test_answer_that_starts_on_the_ad_line() -> None:
    f = facts("Ad 1: Forvaltningen arbejder løbende med kvaliteten.\n\nDet gælder også tilsynet.\n\n"
              "Ad 2. Se venligst svar på spørgsmål 1.\n")
    assert f.answers[0].text == "Forvaltningen arbejder løbende med kvaliteten.\n\nDet gælder også tilsynet."
    assert f.answers[1].refers_to == (1,)


@pytest.mark.parametrize("sentence, refs", [
    ("Se venligst svar på spørgsmål 2.", (2,)),
    ("Der henvises til besvarelsen, jf. svaret på spørgsmål 1 og 3.", (1, 3)),
    ("Se svar under Ad 2.", (2,)),
    ("Vi henviser til spørgsmål 1, 2 og 4.", (1, 2, 4)),
    ("Forvaltningen har 4 ansatte på området.", ()),
])
def test_refers_to(sentence: str, refs: tuple[int, ...]) -> None:
    f = facts(f"Ad 5: {sentence}\n")
    assert f.answers[0].refers_to == refs


def test_answer_ends_before_closing_signature_and_enclosures() -> None:
    f = facts("Ad 1: Hvad koster det?\n\nDet koster 3 mio. kr.\n\nMed venlig hilsen\n\nKaren Holm\n"
              "Kontorchef\n\nBilag: Oversigt over udgifter.\n")
    assert f.answers[0].text == "Det koster 3 mio. kr."


def test_sidebar_inside_an_answer_is_left_out_and_the_cut_sentence_mended() -> None:
    f = facts("Ad 1: Hvad gælder?\n\nDet følger af loven, at støtten skal ligge ud over, hvad arbejdsgiveren "
              "eller uddannelsesinstitutionen\n\nDirektion\n\nRådhuspladsen 1\n1550 København V\n\n"
              "Telefon\n3366 3366\n\nwww.kk.dk\n\nsædvanligvis forventes at varetage.\n")
    text = f.answers[0].text
    assert "uddannelsesinstitutionen sædvanligvis forventes at varetage." in text
    assert "Rådhuspladsen" not in text and "www.kk.dk" not in text


def test_questions_taken_from_ad_headings_when_no_list_was_quoted() -> None:
    f = facts("Ad 1: Hvor mange sager er der?\n\nDer er 14 sager.\n")
    assert [(q.number, q.text) for q in f.questions] == [(1, "Hvor mange sager er der?")]


def test_facts_point_into_the_document_text() -> None:
    text = "Indledning.\n\nAd 1: Svaret står her.\n"
    f = facts(text)
    assert text[f.answers[0].start:].startswith("Ad 1")


# --- layouts of our own, read end to end -------------------------------------------------------

PAIR_LETTER = """\
ODENSE KOMMUNE
Ældre- og Handicapforvaltningen

Til
Mette Lund

12. maj 2023

Sagsnr.
23/4567

Kære Mette Lund

Tak for din henvendelse af 2. maj 2023. Du har stillet to spørgsmål, som besvares herunder.

Spørgsmål 1: Hvor mange plejehjemspladser står tomme i
kommunen i dag?
Svar: Der står 14 pladser tomme pr. 1. maj 2023.

Forvaltningen forventer, at de er besat inden sommerferien.

Spørgsmål 2: Hvad gør forvaltningen for at rekruttere personale?
Svar:
Forvaltningen har iværksat en kampagne, jf. svaret på spørgsmål 1.

Med venlig hilsen

Jens Olsen
Direktør
"""


def test_question_answer_pairs_layout() -> None:
    result = process_bytes(PAIR_LETTER.encode("utf-8"), "svar.txt", Settings())
    f = result.documents[0].facts
    assert [(q.number, q.text) for q in f.questions] == [
        (1, "Hvor mange plejehjemspladser står tomme i kommunen i dag?"),
        (2, "Hvad gør forvaltningen for at rekruttere personale?")]
    assert [a.number for a in f.answers] == [1, 2]
    assert f.answers[0].text.startswith("Der står 14 pladser tomme")
    assert f.answers[0].text.endswith("inden sommerferien.")
    assert f.answers[1].text == "Forvaltningen har iværksat en kampagne, jf. svaret på spørgsmål 1."
    assert f.answers[1].refers_to == (1,)


# --- the seeds against gold --------------------------------------------------------------------


def _gold(stem: str) -> dict:
    path = SHARED / "gold" / f"{stem}.json"
    if not path.is_file():
        pytest.skip(f"gold not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", ["000_20e448a58bbb3448", "001_8c8c1811718375a8"])
def test_seed_questions_and_answers_match_gold(stem: str) -> None:
    gold = _gold(stem)["documents"][0]
    result = process_file(ROOT / "corpus" / f"{stem}.txt", Settings())
    f = result.documents[0].facts
    assert [q.number for q in f.questions] == [q["number"] for q in gold["questions"]]
    for q, want in zip(f.questions, gold["questions"], strict=True):
        assert norm(q.text) == norm(want["text"])
    answers = {a.number: a for a in f.answers}
    assert sorted(answers) == [a["number"] for a in gold["answers"]]
    for want in gold["answers"]:
        got = answers[want["number"]]
        body = norm(got.text)
        assert body.startswith(norm(want["starts_with"])), want["number"]
        assert body.endswith(norm(want["ends_with"])), want["number"]
        for part in want.get("contains", []):
            assert norm(part) in body
        for part in want.get("not_contains", []):
            assert norm(part) not in body
        if "refers_to" in want:
            assert list(got.refers_to) == want["refers_to"]


def test_aarhus_email_has_three_questions() -> None:
    path = SHARED / "samples" / "aarhus" / "05_aarhus-email-havnens-perle.txt"
    if not path.is_file():
        pytest.skip(f"sample not found at {path}")
    f = process_file(path, Settings()).documents[0].facts
    assert [q.number for q in f.questions] == [1, 2, 3]
    assert f.questions[0].text.startswith("Hvad forstås ved")
    assert f.questions[2].text.endswith("Hvad er der sket for Havnens Perle i den forbindelse?")
    assert f.answers == []
