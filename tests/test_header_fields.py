"""Header fields as key-value pairs, whatever the layout: one short Danish example per form and per
label family, and look-alikes in running text that are no fields."""

from __future__ import annotations

import pytest

from foi.extract.facts.header_fields import HeaderField, header_fields


def pairs(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in header_fields(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # label and value on one line, with ":", ".:" or nothing
        ("Sagsnr.: 19/04512", [("case", "19/04512")]),
        ("Sagsid.: 00.01.00A00-0043", [("case", "00.01.00A00-0043")]),
        ("Sag: 24/1187", [("case", "24/1187")]),
        ("Sag nr. 2019-8812", [("case", "2019-8812")]),
        ("J.nr. 2021 - 5446", [("journal", "2021 - 5446")]),
        ("Journalnr.:07-165797", [("journal", "07-165797")]),
        ("Dok.nr.: 607634", [("document_number", "607634")]),
        ("Dok.: LBN41375", [("document_number", "LBN41375")]),
        ("Akt-id 574087", [("document_number", "574087")]),
        ("Vores ref.: 2020-44", [("our_reference", "2020-44")]),
        ("Deres ref.: SB-17/3", [("their_reference", "SB-17/3")]),
        ("Dato: 3. marts 2019", [("date", "3. marts 2019")]),
        ("Dato 02-09-2019", [("date", "02-09-2019")]),
        ("Dokumentets dato:23-10-2007", [("date", "23-10-2007")]),
        ("Mødedato: 18. marts 2019", [("meeting_date", "18. marts 2019")]),
        ("Udgave: 5. februar 2024", [("edition", "5. februar 2024")]),
        ("Sendt: 6. oktober 2015 17:31", [("sent", "6. oktober 2015 17:31")]),
        ("Fra: Mette Holm", [("from", "Mette Holm")]),
        ("Til: Teknik- og Miljøudvalget", [("to", "Teknik- og Miljøudvalget")]),
        ("Cc: Jonas Berg", [("cc", "Jonas Berg")]),
        ("Emne: Svar på spørgsmål om vejbump", [("subject", "Svar på spørgsmål om vejbump")]),
        ("Afsender: Borgerservice", [("from", "Borgerservice")]),
        ("Modtager: Byrådet", [("to", "Byrådet")]),
        ("Tid: kl. 16.00", [("time", "kl. 16.00")]),
        ("Sted: Mødelokale 2, Rådhuset", [("place", "Mødelokale 2, Rådhuset")]),
        ("Sagsbehandler: Ida Lund", [("caseworker", "Ida Lund")]),
    ],
)
def test_one_label_one_value(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_several_labels_flattened_into_one_line() -> None:
    text = "Mødedato: 3. april 2019 Tid: 16.00 Sted: Rådhuset"
    assert pairs(text) == [("meeting_date", "3. april 2019"), ("time", "16.00"), ("place", "Rådhuset")]


def test_an_e_mail_header_flattened_into_one_line() -> None:
    text = "Fra: Jens Krog Sendt: 3. marts 2019 10:15 Til: Anne Vang Cc: Ole By Emne: Tilbud"
    assert pairs(text) == [("from", "Jens Krog"), ("sent", "3. marts 2019 10:15"), ("to", "Anne Vang"),
                           ("cc", "Ole By"), ("subject", "Tilbud")]


def test_labels_stacked_above_their_values() -> None:
    text = "Sagsnr.\n2019 - 4116\nDoknr.\n121960\nDato\n02-09-2019"
    assert pairs(text) == [("case", "2019 - 4116"), ("document_number", "121960"), ("date", "02-09-2019")]
    assert all(f.layout == "stacked" for f in header_fields(text))


def test_a_column_of_labels_and_then_a_column_of_values() -> None:
    text = "Dato:\nEnhed:\nSagsnr.:\nDok.nr.:\n28. august 2023\nKontoret\n2023/006048\n607634"
    assert pairs(text) == [("date", "28. august 2023"), ("unit", "Kontoret"), ("case", "2023/006048"),
                           ("document_number", "607634")]


def test_a_row_of_labels_above_a_row_of_values() -> None:
    assert pairs("Sagsnr.   Dato\n2019-12   3. marts 2019") == [("case", "2019-12"), ("date", "3. marts 2019")]


def test_a_distinctive_label_mid_line_without_colon() -> None:
    assert pairs("Med venlig hilsen J.nr. 2025 - 3060 11. juni 2025") == [("journal", "2025 - 3060 11. juni 2025")]


def test_a_label_glued_to_the_value_before_it() -> None:
    assert pairs("post@km.dkDokument nr.: 5474/10Dato: 18. januar 2010") == [
        ("document_number", "5474/10"), ("date", "18. januar 2010")]


def test_a_label_after_a_wide_gap_opens_a_column() -> None:
    assert pairs("Teknik og Miljø     Dato: 4. maj 2020") == [("date", "4. maj 2020")]


def test_offsets_point_at_label_and_value() -> None:
    text = "Kære Ida\nSagsnr.: 19/04512"
    field = header_fields(text)[0]
    assert field == HeaderField("Sagsnr.", "case", "19/04512", 9, 18, "inline")
    assert text[field.value_start :].startswith("19/04512")


def test_a_label_left_empty_is_kept_empty() -> None:
    assert pairs("Dato:") == [("date", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Brevet skal sendes til: borgeren og advokaten.",  # an ordinary word with ":" in a sentence
        "Vi har modtaget din sag om parkering.",  # "sag", "om" as words
        "Tid og sted aftales senere med formanden",  # a label word without ":" and a value of no shape
        "Sag om vejbump på Ringvejen",  # "Sag" opening a heading, no number
        "Fra 2019 gælder nye regler",  # "Fra" opening a sentence
        "DATOEN: 3",  # a longer word that begins with a label
        "Sag nr. 4",  # an agenda item's number, no case number
    ],
)
def test_words_of_a_sentence_are_no_fields(text: str) -> None:
    assert [f for f in header_fields(text) if f.value] == []
