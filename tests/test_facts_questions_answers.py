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


# --- the answer forms of a minister's reply to a Folketing question --------------------------------------


def test_folketing_question_number_and_answer_label() -> None:
    f = facts("Miljøudvalget har den 3. marts 2022 stillet følgende spørgsmål nr. 417 (alm. del), som besvares.\n"
              "Spørgsmål nr. 417:\n”Vil ministeren oplyse, hvor mange søer der er blevet renset siden 2018?”\n"
              "Svar:\nDer er renset 12 søer.\nMed venlig hilsen\nKaren Holm\n")
    assert [(q.number, q.text) for q in f.questions] == [(417, "Vil ministeren oplyse, hvor mange søer der er blevet "
                                                                "renset siden 2018?")]
    assert [(a.number, a.text) for a in f.answers] == [(417, "Der er renset 12 søer.")]


def test_folketing_question_label_without_colon() -> None:
    f = facts("Spørgsmål nr. 88\n”Vil ministeren sende notatet?”\nSvar:\nNotatet er vedlagt.\n")
    assert [(a.number, a.text) for a in f.answers] == [(88, "Notatet er vedlagt.")]


def test_unnumbered_question_label_takes_the_number_named_in_the_opening() -> None:
    f = facts("Udvalget har stillet mig følgende spørgsmål, nr. 56 (Alm. del), som jeg hermed besvarer.\n"
              "Spørgsmål:\nVil ministeren redegøre for reglerne?\nSvar:\nReglerne fremgår af loven.\n")
    assert [(q.number, a.number) for q, a in zip(f.questions, f.answers, strict=True)] == [(56, 56)]


def test_a_letter_on_one_line_is_cut_at_its_labels() -> None:
    f = facts("Besvarelse af spørgsmål nr. 12 fra Folketingets Skatteudvalg (Alm. del). Spørgsmål: ”Vil ministeren "
              "oplyse antallet af sager?” Svar: Der var 40 sager i 2021. Venlig hilsen Ole Dam Minister\n")
    assert [(a.number, a.text) for a in f.answers] == [(12, "Der var 40 sager i 2021.")]
    assert f.questions[0].text == "Vil ministeren oplyse antallet af sager?"


def test_answer_label_glued_to_the_quoted_question_and_to_the_answer() -> None:
    f = facts("Udvalget har ved brev af 2. maj 2019 (SKU alm. del – spørgsmål7) bedt om min besvarelse af følgende "
              "spørgsmål:”Ministeren bedes kommentere artiklen i avisen.”Svar:Artiklen bygger på et ældre notat.\n")
    assert [(a.number, a.text) for a in f.answers] == [(7, "Artiklen bygger på et ældre notat.")]
    assert f.questions[0].text == "Ministeren bedes kommentere artiklen i avisen."


def test_date_case_number_and_lone_name_after_the_last_answer_are_left_out() -> None:
    text = ("Spørgsmål 4:\nHvornår åbner skolen?\nSvar:\nSkolen åbner i august.\n\n12. april 2021\n"
            "Sags nr.: 21/01234\nLene Friis\n")
    f = run_components(text, "case_numbers", "dates", "questions_answers")._.facts
    assert f.answers[0].text == "Skolen åbner i august."


def test_numbered_sections_inside_one_answer_stay_one_answer() -> None:
    f = facts("Spørgsmål nr. 5:\nVil ministeren redegøre for reglerne?\nSvar:\nReglerne er to.\n1.\n"
              "Den første regel gælder kommuner.\n2.\nDen anden regel gælder regioner.\n")
    assert [a.number for a in f.answers] == [5]
    assert f.answers[0].text.endswith("Den anden regel gælder regioner.")


def test_a_reference_to_another_letters_question_is_no_refers_to() -> None:
    f = facts("Spørgsmål nr. 930:\nVil ministeren uddybe svaret?\nSvar:\nJeg henviser til svaret på spørgsmål 712.\n")
    assert f.answers[0].refers_to == ()


# --- committee memos, question time and rulings ----------------------------------------------------------


def test_memo_questions_signed_by_parties_each_followed_by_svar() -> None:
    f = facts("Spørgsmål1\nHvad koster en ny cykelsti?\nSF og EL\n\nSvar\nEn cykelsti koster 4 mio. kr.\n\n"
              "Spørgsmål 2\nHvornår kan den bygges? V\n\nSvar\nTidligst i 2026.\n", "memo")
    assert [(q.number, q.text) for q in f.questions] == [(1, "Hvad koster en ny cykelsti?"),
                                                         (2, "Hvornår kan den bygges?")]
    assert [(a.number, a.text) for a in f.answers] == [(1, "En cykelsti koster 4 mio. kr."), (2, "Tidligst i 2026.")]


@pytest.mark.parametrize("heading", ["SVAR:", "Svar", "Svar(udkast) ved formanden for Kulturudvalget:"])
def test_question_time_answers_repeat_their_question_under_one_heading(heading: str) -> None:
    f = facts(f"Spørgsmål fra:\nPia Lund, Skovvej 3\n\n{heading}\n\n"
              'Spørgsmål 1: "Hvorfor lukker biblioteket om lørdagen?"\n\nBiblioteket mangler personale.\n\n'
              'Spørgsmål 2: "Hvornår åbner det igen?"\n\nTil september.\n', "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Biblioteket mangler personale."), (2, "Til september.")]
    assert f.questions[0].text == "Hvorfor lukker biblioteket om lørdagen?"


def test_answer_list_under_svar_after_the_question_list() -> None:
    f = facts("Spørgsmål\n  1. Kan foreningen fradrage momsen af lejen?\n  2. Gælder det også for varmen?\n"
              "Svar\n  1. Ja.\n  2. Nej, ikke for varmen.\n\nBeskrivelse af de faktiske forhold\n\n"
              "Foreningen lejer et lokale.\n", "other")
    assert [q.number for q in f.questions] == [1, 2]
    assert [(a.number, a.text) for a in f.answers] == [(1, "Ja."), (2, "Nej, ikke for varmen.")]


def test_bare_answer_list_straight_after_the_questions() -> None:
    f = facts("Du spørger om følgende:\n1. Hvor mange ansøgninger kom der?\n2. Hvor mange fik tilskud?\n"
              "1. Der kom 50 ansøgninger.\n2. 20 fik tilskud.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Der kom 50 ansøgninger."), (2, "20 fik tilskud.")]


def test_questions_written_in_one_paragraph_are_split() -> None:
    f = facts("Emne: Cykelparkering\n\n1. Hvor mange pladser er der ved stationen? 2. Hvornår bliver der flere?\n\n"
              "Ad 1) \n\nDer er 300 pladser.\n\nAd 2)\n\nI 2025.\n", "other")
    assert [(q.number, q.text) for q in f.questions] == [(1, "Hvor mange pladser er der ved stationen?"),
                                                         (2, "Hvornår bliver der flere?")]
    assert [(a.number, a.text) for a in f.answers] == [(1, "Der er 300 pladser."), (2, "I 2025.")]


@pytest.mark.parametrize("line, number, text", [
    ("Ad 1.I dag ligger klubben i en kælder.", 1, "I dag ligger klubben i en kælder."),
    ("Ad spørgsmål 2: Udvalget har ikke behandlet sagen.", 2, "Udvalget har ikke behandlet sagen."),
    ("Svar på spørgsmål 3: Sagen er afsluttet.", 3, "Sagen er afsluttet."),
])
def test_answer_headings(line: str, number: int, text: str) -> None:
    f = facts(line + "\n")
    assert [(a.number, a.text) for a in f.answers] == [(number, text)]


def test_ad_label_inside_running_text_after_a_sentence() -> None:
    f = facts("Ad 1) Der er ansat to medarbejdere. Ad 2) Der er ingen venteliste.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Der er ansat to medarbejdere."),
                                                       (2, "Der er ingen venteliste.")]


def test_svar_paa_spoergsmaal_heading_with_the_question_quoted_before_the_label() -> None:
    f = facts("Svar på spørgsmål 8 (Alm. del):\nUdvalget har stillet mig følgende spørgsmål:\n"
              "Vil ministeren oplyse prisen?\nSvar:\nPrisen er 2 mio. kr.\n")
    assert [(a.number, a.text) for a in f.answers] == [(8, "Prisen er 2 mio. kr.")]


# --- what is no answer --------------------------------------------------------------------------------------


def test_questions_not_yet_answered_have_no_answers() -> None:
    f = facts("Hans Berg har den 01-12-2020 stillet følgende spørgsmål:\n\n 1. Hvor mange ansatte er der?\n"
              " 2. Hvad koster ordningen?\n\nDer forventes svar i uge 50.\n", "other")
    assert [q.number for q in f.questions] == [1, 2]
    assert f.answers == []


def test_asker_numbered_questions_without_answers_are_questions_only() -> None:
    f = facts("Spørgsmål fra Eva Holm\n\nSpørgsmål 1.\n\nHvorfor er svømmehallen lukket?\n\n"
              "Spørgsmål 2.\n\nHvem har besluttet det?\n", "memo")
    assert [(q.number, q.text) for q in f.questions] == [(1, "Hvorfor er svømmehallen lukket?"),
                                                         (2, "Hvem har besluttet det?")]
    assert f.answers == []


def test_ad_under_an_agenda_item_in_minutes_is_no_answer() -> None:
    f = facts("3. Budget 2024\n\nIndstilling\n1. at budgettet godkendes.\n2. at rammen fastholdes.\n\n"
              "Beslutning\nAd 1. Godkendt.\nAd 2. Godkendt.\n", "minutes")
    assert f.answers == []


def test_ad_punkt_in_minutes_is_no_answer() -> None:
    f = facts("ad punkt 1: Inhabilitet\n\nIngen medlemmer var inhabile.\n", "other")
    assert f.answers == []


def test_unnumbered_question_answered_without_a_label_has_no_answer() -> None:
    f = facts("Spørgsmål\n\nEmne: Vejbump\n\nHvorfor er vejbumpet på Skolevej fjernet?\n\n"
              "Vejbumpet blev fjernet, fordi vejen skal asfalteres.\n", "other")
    assert f.answers == []


def test_title_answering_a_proposal_is_no_answer_label() -> None:
    f = facts("Svar på forslag fra SF om flere træer\n\nForvaltningen foreslår 100 nye træer.\n", "memo")
    assert f.answers == []


@pytest.mark.parametrize("sentence", ["Spørgsmålet besvares senere.", "Spørgsmål 2 handler om økonomien.",
                                      "Påstand 1: Kommunen har handlet ulovligt."])
def test_lines_that_only_look_like_labels(sentence: str) -> None:
    f = facts(f"{sentence}\nSvar kommer i næste uge.\n", "other")
    assert f.answers == []


def test_paragraph_20_question_number_written_with_an_s() -> None:
    f = facts("Spørgsmål nr. S 2047:\nVil ministeren oplyse ventetiden?\nSvar:\nVentetiden er 14 dage.\n")
    assert [(a.number, a.text) for a in f.answers] == [(2047, "Ventetiden er 14 dage.")]


def test_next_askers_block_ends_a_question_time_answer() -> None:
    f = facts('SVAR:\n\nSpørgsmål 1: "Hvorfor er bænken fjernet?"\n\nDen var rådden.\n\n'
              "Spørgsmål fra: Kim Juhl, Åvej 2\n\nHvornår kommer en ny?\n", "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Den var rådden.")]


def test_one_answer_to_two_questions_carries_the_first_number() -> None:
    f = facts("1. Hvad koster ordningen?\n2. Hvem betaler?\n\n"
              "Ad 1 og 2: Ordningen koster 1 mio. kr., som staten betaler.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Ordningen koster 1 mio. kr., som staten betaler.")]


@pytest.mark.parametrize("label, number", [
    ("Spørgsmål 32 (Alm. del):", 32),
    ("Spørgsmål nr. 77 fra Folketingets Sundhedsudvalg:", 77),
])
def test_question_labels_with_more_after_the_number(label: str, number: int) -> None:
    f = facts(f"{label}\nVil ministeren oplyse tallet?\nSvar:\nTallet er 9.\n")
    assert [(a.number, a.text) for a in f.answers] == [(number, "Tallet er 9.")]


@pytest.mark.parametrize("label", ["Endeligt svar:", "Besvarelse:", "Svar."])
def test_answer_label_variants(label: str) -> None:
    f = facts(f"Spørgsmål nr. 3:\nVil ministeren svare?\n{label}\nJa, det vil jeg.\n")
    assert [(a.number, a.text) for a in f.answers] == [(3, "Ja, det vil jeg.")]


def test_two_unnumbered_question_labels_get_two_numbers() -> None:
    f = facts("Spørgsmål:\nHvad koster det?\nSvar:\nDet koster 5 kr.\n\nSpørgsmål:\nHvem betaler?\nSvar:\nKommunen.\n")
    assert [a.number for a in f.answers] == [1, 2]
    assert [q.number for q in f.questions] == [1, 2]


def test_question_list_above_echoed_answers_gives_the_questions() -> None:
    f = facts("Spørgsmål fra: Ida Berg\n\n1. Hvorfor er lyset slukket?\n2. Hvem har besluttet det?\n\nSVAR:\n\n"
              'Spørgsmål 1: "Hvorfor er lyset slukket?"\n\nFor at spare strøm.\n', "other")
    assert [q.number for q in f.questions] == [1, 2]
    assert [(a.number, a.text) for a in f.answers] == [(1, "For at spare strøm.")]


def test_each_askers_svar_heading_at_a_question_time() -> None:
    f = facts('Spørgsmål fra: Ida Berg\n\nSVAR:\n\nSpørgsmål 1: "Hvorfor er lyset slukket?"\n\nFor at spare strøm.\n\n'
              '26. februar\n\nSpørgsmål fra: Ole Sand\n\nSVAR:\n\nSpørgsmål 1: "Hvornår tændes det?"\n\nI marts.\n',
              "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "For at spare strøm."), (1, "I marts.")]


def test_one_unnumbered_question_under_bare_headings() -> None:
    f = facts("Spørgsmål\nKan foreningen få momsfradrag for lejen?\n\nSvar\nJa\n\nBeskrivelse af de faktiske forhold\n",
              "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Ja")]
    assert f.questions[0].text == "Kan foreningen få momsfradrag for lejen?"


def test_bare_svar_heading_right_under_a_question() -> None:
    f = facts("Du har spurgt, om kommunen vil male broen?\n\nSvar\nBroen males i maj.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Broen males i maj.")]


def test_bare_svar_heading_without_a_question_above_is_no_answer() -> None:
    f = facts("Svar\nBroen males i maj.\n", "other")
    assert f.answers == []


def test_question_label_naming_the_bill() -> None:
    f = facts("Spørgsmål 4 ad L 12:\nVil ministeren oplyse udgiften?\nSvar:\nUdgiften er 3 mio. kr.\n")
    assert [(a.number, a.text) for a in f.answers] == [(4, "Udgiften er 3 mio. kr.")]
