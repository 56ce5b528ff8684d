"""Case numbers: every scheme and layout, the seeds against their gold, and letters written here."""

from __future__ import annotations

import pytest
from conftest import SeedPair

from foi.extract.facts.case_numbers import find, normalise
from foi.extract.jsonout import document_json
from foi.extract.process import process_bytes
from foi.settings import Settings


def pairs(text: str) -> list[tuple[str, str]]:
    return [(c.scheme, c.value) for c in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sagsnr.\n2018-0000088", [("sagsnr", "2018-0000088")]),
        ("Sagsnr. 19/04512", [("sagsnr", "19/04512")]),
        ("Sagsnummer: 2020-12345", [("sagsnr", "2020-12345")]),
        ("Dokumentnr.\n2018-0000088-148", [("dokumentnr", "2018-0000088-148")]),
        ("Dok.nr. 123456", [("dokumentnr", "123456")]),
        ("Sagsnummer i F2\n2023 - 3701", [("f2_sagsnr", "2023-3701")]),
        ("Dokumentnummer i F2\n2834597", [("f2_dokumentnr", "2834597")]),
        ("Sagsnummer i eDoc\n2023-0082547", [("edoc_sagsnr", "2023-0082547")]),
        ("J.nr.: 2019-123", [("journalnr", "2019-123")]),
        ("Journalnummer 2017/0042", [("journalnr", "2017/0042")]),
        ("J.nr. 00.01.00-G01-1-19", [("kle_journalnr", "00.01.00-G01-1-19")]),
        ("EAN nummer\n5798009710178", [("ean", "5798009710178")]),
        ("EAN 5798009710222", [("ean", "5798009710222")]),
        ("P-nummer: 1003388394", [("p_nummer", "1003388394")]),
        ("Punkt 2: Havnen\nEMN-2025-003383\nBeslutninger", [("emn", "EMN-2025-003383")]),
        (
            "Se også sag 2017-0123456 og dokument 2017-0123456-12.",
            [("sagsnr", "2017-0123456"), ("dokumentnr", "2017-0123456-12")],
        ),
        # labels: ".:" after the label, a misspelt label, the short and the stacked forms
        ("Dok.nr.: 2210 Sagsid.: 16/3310 Initialer: abc", [("dokumentnr", "2210"), ("sagsnr", "16/3310")]),
        ("Sagnr.: 2-33-14-1102-19", [("sagsnr", "2-33-14-1102-19")]),
        ("Sag: GEO-2024-004417\nSagsbehandler: Ida Holm", [("sagsnr", "GEO-2024-004417")]),
        ("Dato\n3. april 2024\nJ nr.\n2024 - 812", [("journalnr", "2024-812")]),
        ("Akt-id\n3318407\n/ ABCDE", [("dokumentnr", "3318407")]),
        ("Kontor: Lovkontoret Sagsnr.: 2019-310-0044 Dok.: KMA51207 Slotsholmsgade 1",
         [("sagsnr", "2019-310-0044"), ("dokumentnr", "KMA51207")]),
        ("Med venlig hilsen\nJens Holm\nDok. 912033", [("dokumentnr", "912033")]),
        ("J.nr. M 4021-0017\nDen 3. marts 2006", [("journalnr", "M4021-0017")]),
        ("Sagsnr. 012-k22-004417", [("sagsnr", "012-k22-004417")]),
        ("DocumentID: 2019-004512-3\nDocumentIsArchived: 0", [("dokumentnr", "2019-004512-3")]),
        ("Jour.nr. 2020/1234", [("journalnr", "2020/1234")]),
        ("CaseNumber: 2021-004411\nFileUpdateStatus: 0", [("sagsnr", "2021-004411")]),
        ("Journal-nr.: 2018/0412-3", [("journalnr", "2018/0412-3")]),
        ("Dok.-nr. 210445/21", [("dokumentnr", "210445/21")]),
        ("Sag ID: 2022-17731", [("sagsnr", "2022-17731")]),
        ("Emne: SV: Aktindsigt i sag 19/12345 om vejen", [("sagsnr", "19/12345")]),
        ("Kopi af notat i sagen, se KLE 01.02.15P20-4-22.", [("kle_journalnr", "01.02.15P20-4-22")]),
        # shapes of a records system, without a label
        ("Journalnummer 15.20.00A23-0112", [("kle_journalnr", "15.20.00A23-0112")]),
        ("Åbent - 82.04.06-G01-14-23 Vejnavne", [("kle_journalnr", "82.04.06-G01-14-23")]),
        ("Notat til udvalget\n3. marts 2019\nRN B204/19\nIndledning", [("journalnr", "RNB204/19")]),
        ("Sagen har nummer AKT-2024-001122 i systemet.", [("sagsnr", "AKT-2024-001122")]),
    ],
)
def test_schemes(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone on the line under an agenda item's title
        ("7  Åbent  Budget 2025\n\n041277-2022\n\nResumé", [("sagsnr", "041277-2022")]),
        ("12. Trafikplan\n19/20815\nIndstilling", [("sagsnr", "19/20815")]),
        ("4. Vandløb\n317-2021-4\nSagsfremstilling", [("sagsnr", "317-2021-4")]),
        ("2. Jordforurening ved havnen\n1-33-72-1043-21\nResume", [("sagsnr", "1-33-72-1043-21")]),
        # an attachment line "<number> - <title>", also after "Bilag" and mid-line
        ("Bilag\n2021-184422 - Notat om trafik", [("dokumentnr", "2021-184422")]),
        ("Bilag 2021-184422 - Notat om trafik 2021-184430 - Kort over området",
         [("dokumentnr", "2021-184422"), ("dokumentnr", "2021-184430")]),
        ("2021–184431 - Høringssvar fra skolebestyrelsen", [("dokumentnr", "2021-184431")]),
        ("Bilag: 98812/22 - Referat af dialogmøde", [("dokumentnr", "98812/22")]),
        # after an item's status
        ("Åbent - 2020-004411 Budget for skolerne", [("sagsnr", "2020-004411")]),
    ],
)
def test_slots(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_labels_in_a_column_above_their_values() -> None:
    text = ("Med venlig hilsen\nDato:\nEnhed:\nSagsnr.:\nDok.nr.:\nBilag:\n4. maj 2022\nKTA\n2022/004417\n512233\n"
            "Ingen\nMinisteriet\nEAN: 5798000123458\nCVR: 31 24 56 72")
    assert pairs(text) == [("sagsnr", "2022/004417"), ("dokumentnr", "512233")]


def test_a_column_under_a_case_label_holds_case_numbers() -> None:
    text = ("Disse sager skal flyttes:\n\nSag nr.\tAdresse\tEjendomsnr.\n\n200712345\tVestergade 4\t311-12\n"
            "200712346\tØstergade 9\t\n\nVenlig hilsen\nIda")
    assert pairs(text) == [("sagsnr", "200712345"), ("sagsnr", "200712346")]


def test_a_column_whose_header_cells_ran_together() -> None:
    text = ("Sag nr. er oprettet på ejendommen Ejendomsnr. skal flyttes til\n"
            "200501122 Nørregade 4, 5600 Algade 2, 5600\n200501187 Nørregade 8, 5600 Algade 6, 5600\n"
            "Venlig hilsen")
    assert pairs(text) == [("sagsnr", "200501122"), ("sagsnr", "200501187")]


def test_one_line_that_opens_with_a_number_after_a_label_line_is_no_column() -> None:
    assert pairs("Sagsnr. er ikke oplyst i brevet\n20000 borgere har fået brevet") == []


def test_space_aligned_columns_and_amounts_in_them() -> None:
    text = "Sagsnr.      Beløb\n2022-31207   12.500\n2022-31299   9.000\n12.500       2022-31207"
    assert pairs(text) == [("sagsnr", "2022-31207"), ("sagsnr", "2022-31299")]


def test_a_document_number_column_is_filed_as_document_numbers() -> None:
    text = "Titel\tDok.nr.\nNotat om skolen\t2022-31207\nReferat\t2022-31299"
    assert pairs(text) == [("dokumentnr", "2022-31207"), ("dokumentnr", "2022-31299")]


def test_glued_labels_are_read_apart() -> None:
    text = "Sagsnr.\n2015-0186920Dokumentnr.\n2015-0186920-13Sagsbehandler\nDan Hansen"
    assert pairs(text) == [("sagsnr", "2015-0186920"), ("dokumentnr", "2015-0186920-13")]


def test_raw_keeps_the_spaces_and_value_drops_them() -> None:
    (number,) = find("Sagsnummer i F2\n2023 - 3701")
    assert number.raw == "2023 - 3701" and number.value == "2023-3701"
    assert normalise("2023 - 3701") == "2023-3701"


def test_start_points_at_the_value() -> None:
    text = "Til Hans\n\nSagsnr. 19/04512\n"
    (number,) = find(text)
    assert text[number.start : number.start + len(number.raw)] == "19/04512"


@pytest.mark.parametrize(
    "text",
    [
        "CVR-nr. 12345678",  # fails the check digit: not a CVR number
        "EAN 5798009710179",  # fails the check digit
        "Oplys venligst sagsnr. i din henvendelse.",
        "bevillingen blev givet til et konkret p-nummer (produktionsenhed)",
        "Telefon 3366 3366",
        "I 2017 har ca. 3.000 borgere haft en mentor.",
        # registry numbers identify a party, not a case
        "Restaurant Havnen ApS. CVR-nr. 31245672",
        "Tømrer Hansen ApS. Cvr 41829362",
        "CVR nr.: 31 24 56 72",
        "Momsregistreret under SE-nr. 31245672",
        # an EAN with a CVR beside it is the body's registration footer
        "Slotsholmsgade 4\n1216 København K\nTlf.: 3392 3392\nEAN: 5798000123458\nCVR: 31 24 56 72",
        # agenda items, pages, meetings, laws, bills and plans
        "Sag nr. 4 Godkendelse af dagsorden",
        "Sag 6 er udsat til næste møde.",
        "Punkt 12\nSide 3 af 27",
        "Møde nr. 12\n2012-2013",
        "jf. lov nr. 1238 af 12. juni 2019 og L 148",
        "kommuneplantillæg 7/2019 – Endelig vedtagelse",
        "Lokalplan 2020-1044 - Forslag til ny bydel",
        "i perioden 2010-2012 - Status for indsatsen",
        "Sagsnr.: 12.03.2019",
        "Ejendomsnr. 2203-14",
        "Rør nr. 1 - Ideer fra workshoppen",
        "10/2019",
        "Budget\n2024/25\n1.250",
        "Åbningstid\n1000-2000",
        "Dok.nr.: 2021-11-05",
    ],
)
def test_not_case_numbers(text: str) -> None:
    assert find(text) == []


def test_an_ean_alone_in_an_invoice_address_is_kept() -> None:
    text = "Faktura sendes til\nSkoleafdelingen\nTorvet 1\n4000 Roskilde\n\nEAN-nr.\n5798000123458"
    assert pairs(text) == [("ean", "5798000123458")]


def test_the_addressees_number_is_cited() -> None:
    (number,) = find("Vi henviser til jeres j.nr. 2023-4411 og vender tilbage.")
    assert (number.value, number.role) == ("2023-4411", "cited")


def test_each_scheme_and_value_once() -> None:
    text = "Sagsnr.\n2018-0000088\n\nSagsnr. 2018-0000088\nJf. sag 2018-0000088"
    assert pairs(text) == [("sagsnr", "2018-0000088")]


def test_unlabelled_copenhagen_numbers_are_ambiguous_beside_f2_numbers() -> None:
    text = "Sagsnummer i F2\n2023 - 3701\n\nSe også 2023-0082547."
    assert pairs(text) == [("f2_sagsnr", "2023-3701")]


def run(text: str) -> list[list[tuple[str, str]]]:
    result = process_bytes(text.encode("utf-8"), "brev.txt", Settings())
    assert result.status == "ok", result.error
    return [[(c.scheme, c.value) for c in d.facts.case_numbers] for d in result.documents]


def test_letter_with_inline_case_number() -> None:
    letter = (
        "Aarhus Kommune\nBorgmesterens Afdeling\n\n3. marts 2024\n\nSagsnr. 19/04512\n\nKære Jens Hansen\n\n"
        "Tak for din henvendelse af 1. marts 2024 om parkering.\n\nMed venlig hilsen\n\nAnne Larsen\n"
    )
    assert run(letter)[0] == [("sagsnr", "19/04512")]


def test_memo_with_kle_journal_number() -> None:
    memo = (
        "NOTAT\n\n12. januar 2021\n\nJ.nr. 00.01.00-G01-1-19\n\nOm vintervedligeholdelse\n\n"
        "Vejene saltes efter behov. Det gælder også cykelstierne.\n"
    )
    assert run(memo)[0] == [("kle_journalnr", "00.01.00-G01-1-19")]


def test_cvr_in_a_company_footer_is_no_case_number() -> None:
    mail = (
        "Fra: Ole Jensen <ole@example.dk>\nSendt: 2. maj 2024 10:15\nTil: Teknik og Miljø\nEmne: Skilte\n\n"
        "Hej\n\nVi vil gerne sætte skilte op ved butikken.\n\nMvh\nOle Jensen\nOle Jensens Tømrerfirma ApS\n"
        "Havnegade 3, 8000 Aarhus C. CVR 30694503\n"
    )
    assert run(mail)[0] == []


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        if "case_numbers" not in g:
            continue
        got = {(c["scheme"], c["value"]) for c in document_json(doc)["case_numbers"]} if doc else set()
        want = {(c["scheme"], c["value"].replace(" ", "")) for c in g["case_numbers"]}
        if got != want:
            misses.append((file, n, sorted(got), sorted(want)))
    assert misses == []


CITING_LETTER = (
    "KØBENHAVNS KOMMUNE\n\nTil\nOle Hansen\n\n3. maj 2021\n\nSagsnr.\n2021-0000123\n\nKære Ole Hansen\n\n"
    "Forvaltningen henviser til svaret i brev af 23. oktober 2018 (sagsnr. 2018-0000088), som stadig gælder.\n\n"
    "Med venlig hilsen\n\nAnne Berg\n"
)


def test_a_number_named_in_a_sentence_is_cited_not_the_letters_own() -> None:
    result = process_bytes(CITING_LETTER.encode(), "brev.txt", Settings())
    roles = {c.value: c.role for c in result.documents[0].facts.case_numbers}
    assert roles == {"2021-0000123": "own", "2018-0000088": "cited"}
    data = document_json(result.documents[0])
    assert [c["value"] for c in data["case_numbers"]] == ["2021-0000123"]
    assert [c["value"] for c in data["cited_case_numbers"]] == ["2018-0000088"]


def test_with_no_number_of_its_own_the_case_a_text_names_is_its_case() -> None:
    mail = ("Fra: Ole Hansen <ole@eksempel.dk>\nSendt: 3. maj 2021 10:00\nTil: Jobcentret\nEmne: Aktindsigt\n\n"
            "Jeg beder om aktindsigt i alle dokumenter på sagen med sagsnr. 2018-0000088 fra jeres forvaltning.\n")
    result = process_bytes(mail.encode(), "mail.txt", Settings())
    assert [(c.value, c.role) for c in result.documents[0].facts.case_numbers] == [("2018-0000088", "own")]
