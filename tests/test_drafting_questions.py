"""Question splitting in every common form, never dropping question text, and what each question asks;
end to end: as many "Ad N" sections as questions, on inquiries written for tests/drafting/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.responses.classify import classify
from foi.responses.inquiry import read_inquiry
from foi.responses.questions import prose_questions, split_questions

DRAFTING = Path(__file__).parent / "drafting"


def texts(text: str) -> list[tuple[int, str]]:
    return [(q.number, q.text) for q in split_questions(text)]


def test_two_numbers_on_one_line_are_two_questions() -> None:
    text = "1. Er der gjort noget ved det, og i så fald hvad? 2. Det ønskes oplyst, hvornår det sker.\n"
    assert texts(text) == [(1, "Er der gjort noget ved det, og i så fald hvad?"),
                           (2, "Det ønskes oplyst, hvornår det sker.")]


def test_a_labelled_question_may_start_at_any_number() -> None:
    text = 'Spørgsmål nr. 31:\n"Vil ministeren redegøre for reglerne?"\n\nSvar:\nDet vil jeg gerne.'
    assert texts(text) == [(31, "Vil ministeren redegøre for reglerne?")]
    assert texts("Spørgsmål 7: Hvad?\nSpørgsmål 8: Hvem?") == [(7, "Hvad?"), (8, "Hvem?")]
    assert texts("7. Hvad?\n8. Hvem?") == []  # a bare "7." may be anything


def test_sub_questions_and_paragraphs_between_numbers_stay_in_their_question() -> None:
    text = ("1. Hvad har det kostet?\na) i 2023\nb) i 2024\n\nDet ønskes desuden oplyst, om der er afsat midler.\n\n"
            "2. Hvorfor?\n")
    assert texts(text) == [(1, "Hvad har det kostet? a) i 2023 b) i 2024 Det ønskes desuden oplyst, om der er "
                               "afsat midler."), (2, "Hvorfor?")]


def test_a_paragraph_of_a_question_after_a_blank_line_is_not_dropped() -> None:
    text = "1. Hvad koster ordningen?\n\nBeløbet ønskes fordelt på år.\n\n2. Hvem betaler?"
    assert texts(text)[0] == (1, "Hvad koster ordningen? Beløbet ønskes fordelt på år.")


def test_prose_gives_one_question_per_asking_sentence_and_skips_lead_in_lines() -> None:
    text = ("Til: Center for Trafik og Vej\n\nKære forvaltning\n\nJeg har fået henvendelser om hastigheden. Hvor mange "
            "målinger er foretaget? Det ønskes endvidere oplyst, hvilke tiltag der overvejes.\n\nHvornår kommer "
            "planen?\n\nPå forhånd tak.\n\nVenlig hilsen\nKaren\nHvem er jeg?")
    assert [q.text for q in prose_questions(text)] == [
        "Hvor mange målinger er foretaget?", "Det ønskes endvidere oplyst, hvilke tiltag der overvejes.",
        "Hvornår kommer planen?"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [("Hvor mange borgere var i virksomhedspraktik i 2018?", "count"),
     ("Hvad er antallet af klager i 2023?", "count"),
     ("Hvad har kommunen samlet betalt for frikøb af mentorer?", "amount"),
     ("Hvad koster ordningen om året?", "amount"),
     ("Hvornår forventes planen forelagt udvalget?", "date"),
     ("Hvilke virksomheder havde borgere i praktik?", "names"),
     ("Hvem har truffet beslutningen?", "names"),
     ("Hvorfor blev forældrene ikke orienteret?", "reason"),
     ("Hvordan kontrollerer forvaltningen, at mentorstøtten ydes?", "procedure"),
     ("Vil ministeren redegøre for reglerne?", "procedure"),
     ("Er det korrekt, at skolen lukker?", "yesno"),
     ("Har kommunen en politik for hjemmearbejde?", "yesno"),
     ("Mener borgmesteren, at det er rimeligt?", "opinion"),
     ("Hvad er sagsnummeret på forvaltningens brev af 23. oktober 2018, og hvem underskrev det?", "fact"),
     ("Kommunen bedes sende materialet.", "document"),
     ("Kan I sende mig en kopi af tilsynsrapporten?", "document"),
     ("Hvad har kommunen brugt på vikarer i 2023?", "amount"),
     ("Hvad var driftsudgifterne til svømmehallen?", "amount"),
     ("Hvor ofte tømmes containerne?", "measure"),
     ("Hvad er den gennemsnitlige ventetid på en plads?", "measure"),
     ("Blev de pårørende hørt?", "yesno"),
     ("Det ønskes oplyst, om skolen har fået tilsyn.", "yesno"),
     ("Kommunen bedes oplyse, hvilke konsulenter der er brugt.", "names")],
)
def test_each_question_is_classified_by_what_it_asks(question: str, kind: str) -> None:
    assert classify(question) == kind


@pytest.mark.parametrize(("name", "count"), [("prosa_lyngby.txt", 3), ("folketing_spm_nr.txt", 1),
                                             ("flere_paa_en_linje.txt", 4), ("frederiksberg_spoergsmaal.txt", 4)])
def test_every_question_gets_its_ad_section(name: str, count: int, corpus_db: Path, tmp_path: Path) -> None:
    inquiry = read_inquiry(DRAFTING / name)
    assert len(inquiry.questions) == count
    out = tmp_path / "svar.docx"
    result = CliRunner().invoke(main, ["draft", str(DRAFTING / name), "--db", str(corpus_db), "--out", str(out),
                                       "--markdown"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    markdown = out.with_suffix(".md").read_text("utf-8")
    assert markdown.count("**Ad ") == count
    for q in inquiry.questions:  # every question's text is in the letter, whole
        assert q.text in markdown


def test_a_folketing_question_keeps_its_three_digit_number() -> None:
    [q] = read_inquiry(DRAFTING / "folketing_spm_nr.txt").questions
    assert q.number == 412 and q.text.startswith("Vil ministeren oplyse, hvor mange plejecentre")
