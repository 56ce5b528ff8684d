"""The inquiry's numbered questions, in every form the splitter is meant to read."""

from __future__ import annotations

import pytest

from foi.responses.questions import split_questions, strip_quotes


def texts(text: str) -> list[tuple[int, str]]:
    return [(q.number, q.text) for q in split_questions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "1. Hvad koster det?\n2. Hvem betaler?",
        "1) Hvad koster det?\n2) Hvem betaler?",
        "(1) Hvad koster det?\n(2) Hvem betaler?",
        "Spørgsmål 1: Hvad koster det?\nSpørgsmål 2: Hvem betaler?",
        "Spørgsmål 1. Hvad koster det?\nSpørgsmål 2. Hvem betaler?",
        "SPØRGSMÅL 1\nHvad koster det?\n\nSPØRGSMÅL 2\nHvem betaler?",
        "1: Hvad koster det?\n2: Hvem betaler?",
        '1. "Hvad koster det?"\n2. “Hvem betaler?”',
        "1. »Hvad koster det?«\n2. Hvem betaler?\"",
        "- 1. Hvad koster det?\n- 2. Hvem betaler?",
    ],
)
def test_each_form_gives_the_same_questions(text: str) -> None:
    assert texts(text) == [(1, "Hvad koster det?"), (2, "Hvem betaler?")]


def test_a_question_over_several_lines_is_one_question() -> None:
    text = ("Jeg har følgende spørgsmål:\n\n1. Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik,\n"
            "hvor der samtidig blev givet mentor-\nstøtte?\n\n2. Hvordan kontrolleres det?\n")
    assert texts(text) == [
        (1, "Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik, hvor der samtidig blev givet "
            "mentorstøtte?"),
        (2, "Hvordan kontrolleres det?"),
    ]


def test_a_question_with_several_sentences_after_a_blank_line_keeps_them() -> None:
    text = "1. Hvordan bruges tilbuddet?\n\nEr det en individuel vurdering?\n\n2. Hvem beslutter?"
    assert texts(text) == [(1, "Hvordan bruges tilbuddet? Er det en individuel vurdering?"), (2, "Hvem beslutter?")]


def test_text_after_the_last_question_is_left_out() -> None:
    text = "1. Hvad?\n2. Hvem?\n\nJeg ser frem til at høre fra jer.\n\nKan I svare i dag?\n\nMed venlig hilsen\nBo Ek"
    assert texts(text) == [(1, "Hvad?"), (2, "Hvem?")]


def test_the_closing_ends_the_list_even_without_a_blank_line() -> None:
    assert texts("1. Hvad?\n2. Hvem?\nMed venlig hilsen\n3. Bo") == [(1, "Hvad?"), (2, "Hvem?")]


def test_dates_and_amounts_at_the_start_of_a_line_are_not_questions() -> None:
    text = "3. oktober 2018 skrev jeg til jer.\n1. Hvad?\n\n2. 000 kr. blev udbetalt.\n\n2. Hvem?"
    assert texts(text) == [(1, "Hvad?"), (2, "Hvem?")]


def test_numbers_must_follow_each_other() -> None:
    assert texts("1. Hvad?\n3. Hvem?\n2. Hvorfor?") == [(1, "Hvad? 3. Hvem?"), (2, "Hvorfor?")]


def test_of_two_numbered_lists_the_one_that_asks_is_taken() -> None:
    text = ("Baggrund:\n1. Avisen skrev om sagen.\n2. DR sendte en dokumentar.\n\n"
            "Mine spørgsmål:\n1. Hvad vidste I?\n2. Hvornår vidste I det?\n3. Hvad gør I nu?")
    assert [n for n, _ in texts(text)] == [1, 2, 3]
    assert texts(text)[0] == (1, "Hvad vidste I?")


def test_no_numbered_list_gives_no_questions() -> None:
    assert split_questions("Kære forvaltning\n\nHvad koster det?\n\nMvh Bo") == []


def test_the_seed_letter_questions_come_out_as_in_the_gold(shared_dir: object, corpus_dir: object) -> None:
    import json
    from pathlib import Path

    gold = json.loads((Path(str(shared_dir)) / "gold" / "000_20e448a58bbb3448.json").read_text("utf-8"))
    text = (Path(str(corpus_dir)) / "000_20e448a58bbb3448.txt").read_text("utf-8")
    expected = [(q["number"], q["text"]) for q in gold["documents"][0]["questions"]]
    assert texts(text.split("Beskæftigelses- og Integrationsforvaltningens svar")[0]) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [('"Hvad?"', "Hvad?"), ('Hvad?"', "Hvad?"), ('"Hvad?', "Hvad?"), ("»Hvad?«", "Hvad?"),
     ('Hvad betyder "støtte"?', 'Hvad betyder "støtte"?')],
)
def test_quotes_around_a_question_go_and_quotes_inside_stay(raw: str, clean: str) -> None:
    assert strip_quotes(raw) == clean
