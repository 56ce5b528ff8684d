"""The answer forms of Danish administrations, one short Danish example per cue of
patterns/questions_answers.toml: a minister's answer to a Folketing question, committee memos, question
time, rulings, answer headings, and the lines that only look like answers."""

from __future__ import annotations

import pytest
from conftest import run_components

import foi.extract.facts.questions_answers  # noqa: F401 - registers the component
from foi.extract.model import Facts


def facts(text: str, kind: str = "letter") -> Facts:
    """Run the component alone on `text`, cleaned as a plain-text file is."""
    doc = run_components(text, "questions_answers", kind=kind)
    facts: Facts = doc._.facts
    return facts


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
    f = facts("Tak for din mail.\n\nDu har spurgt, om kommunen vil male\nbroen?\n\nSvar\nBroen males i maj.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Broen males i maj.")]
    assert f.questions[0].text == "Du har spurgt, om kommunen vil male broen?"


def test_bare_svar_heading_without_a_question_above_is_no_answer() -> None:
    f = facts("Svar\nBroen males i maj.\n", "other")
    assert f.answers == []


def test_question_label_naming_the_bill() -> None:
    f = facts("Spørgsmål 4 ad L 12:\nVil ministeren oplyse udgiften?\nSvar:\nUdgiften er 3 mio. kr.\n")
    assert [(a.number, a.text) for a in f.answers] == [(4, "Udgiften er 3 mio. kr.")]


@pytest.mark.parametrize("line, number", [
    ("Ad. 1: Kommunen har 3 skibe.", 1),
    ("Ad spm. 2: Kommunen har 3 skibe.", 2),
    ("Besvarelse af spørgsmål 4: Kommunen har 3 skibe.", 4),
    ("Svar til spm. 5: Kommunen har 3 skibe.", 5),
])
def test_abbreviated_answer_headings(line: str, number: int) -> None:
    f = facts(line + "\n")
    assert [(a.number, a.text) for a in f.answers] == [(number, "Kommunen har 3 skibe.")]


def test_refers_to_an_abbreviated_question() -> None:
    f = facts("Ad 3: Se svar på spm. 2.\n")
    assert f.answers[0].refers_to == (2,)


def test_ad_as_a_preposition_is_no_heading_inside_minutes() -> None:
    f = facts("Sagen blev behandlet\nad 2 omgange i udvalget.\n", "minutes")
    assert f.answers == []


@pytest.mark.parametrize("label", ["Rådmandens svar:", "Svar fra Teknik- og Miljøforvaltningen:"])
def test_answer_labels_naming_who_answers(label: str) -> None:
    f = facts(f"Spørgsmål 1:\nHvornår tømmes skraldespandene?\n{label}\nHver mandag.\n")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Hver mandag.")]


def test_one_unnumbered_echo_under_svar() -> None:
    f = facts('Spørgsmål fra: Bo Lind\n\nHvorfor er stien lukket?\n\nSVAR:\n\nSpørgsmål: "Hvorfor er stien lukket?"\n\n'
              "Stien repareres.\n", "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Stien repareres.")]


def test_lone_answer_label_far_below_the_announced_question() -> None:
    question = "\n".join(f"Linje {n} af spørgsmålets lange tekst om sagen." for n in range(12))
    f = facts(f"Udvalget har stillet følgende spørgsmål nr. 61:\n”{question}”\nSvar:\nSagen er afsluttet.\n")
    assert [(a.number, a.text) for a in f.answers] == [(61, "Sagen er afsluttet.")]
    assert f.questions[0].text.startswith("Linje 0 af")
    assert f.questions[0].text.endswith("Linje 11 af spørgsmålets lange tekst om sagen.")


@pytest.mark.parametrize("heading", ["Spørgsmålene besvares således:", "Skatterådet besvarer spørgsmålene således:"])
def test_sentence_announcing_the_answer_list(heading: str) -> None:
    f = facts(f"Spørgsmål\n1. Er salget momsfrit?\n2. Skal der betales afgift?\n\n{heading}\n1. Ja\n2. Nej\n", "other")
    assert [(a.number, a.text) for a in f.answers] == [(1, "Ja"), (2, "Nej")]
