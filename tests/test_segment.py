"""Cleaning and splitting on the seed texts and on layouts of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foi.extract.clean import clean
from foi.extract.model import BODY, MARGIN, NOISE, Line
from foi.extract.paragraphs import join_lines, join_paragraphs
from foi.extract.readers.txt import text_to_pages
from foi.extract.segment import classify, split_lines


def lines_of(text: str) -> list[Line]:
    return [line for page in text_to_pages(text) for line in page.lines]


def roles(text: str) -> dict[str, str]:
    return {line.text.strip(): line.role for line in clean(lines_of(text)) if line.text.strip()}


def test_sidebar_address_block_is_margin() -> None:
    got = roles("Forvaltningen kan tilbyde en borger mentorstøtte, hvis det\n\nDirektion\n\nRådhuspladsen 1\n"
                "1550 København V\n\nTelefon\n3366 3366\n\nwww.kk.dk\n\nvurderes nødvendigt.\n")
    assert got["Rådhuspladsen 1"] == MARGIN
    assert got["1550 København V"] == MARGIN
    assert got["3366 3366"] == MARGIN
    assert got["Direktion"] == MARGIN
    assert got["vurderes nødvendigt."] == BODY


def test_sentence_cut_by_a_sidebar_is_mended() -> None:
    lines = clean(lines_of("Det følger af loven, at indsatsen skal ligge ud over, hvad arbejdsgiveren eller "
                           "uddannelsesinstitutionen\n\nRådhuspladsen 1\n1550 København V\n\n"
                           "sædvanligvis forventes at varetage.\n"))
    text = join_paragraphs([line.text for line in lines if line.role == BODY])
    assert "uddannelsesinstitutionen sædvanligvis forventes at varetage." in text


def test_labels_glued_by_pdf_extraction_are_split() -> None:
    got = roles("Sagsnr.\n2015-0186920Dokumentnr.\n2015-0186920-13Sagsbehandler\nDan Hansen**Notat om pladser**\n")
    assert got["Dokumentnr."] == MARGIN
    assert got["2015-0186920-13"] == MARGIN
    assert got["**Notat om pladser**"] == BODY


def test_cookie_banner_and_page_numbers_are_noise() -> None:
    got = roles("Vi bruger cookies til statistik på vores hjemmeside.\n\nAccepter cookies\n\nSide 2 af 4\n\n"
                "Referat - Økonomiudvalget\n")
    assert got["Accepter cookies"] == NOISE
    assert got["Side 2 af 4"] == NOISE
    assert got["Referat - Økonomiudvalget"] == BODY


def test_company_names_in_lower_case_are_not_letterhead() -> None:
    got = roles("Oversigt:\n\nhvidovre kommune\nkøbenhavns kommune\nfonden center for autisme\n")
    assert set(got.values()) == {BODY}


def test_hyphenation_is_undone_but_suspended_hyphens_stay() -> None:
    assert join_lines("beskæftigelses-", "indsatsen") == "beskæftigelsesindsatsen"
    joined = join_lines("Beskæftigelses-", "og Integrationsforvaltningen")
    assert joined == "Beskæftigelses- og Integrationsforvaltningen"


def test_a_letter_then_its_annex_after_a_page_gap() -> None:
    text = ("KØBENHAVNS KOMMUNE\n\nTil\nOle Hansen\n\n3. maj 2021\n\nSagsnr.\n2021-0001\n\nKære Ole Hansen\n\n"
            "Tak for dit brev.\n\nSvaret følger her.\n\nDet er alt.\n\nMed venlig hilsen\n\nAnne Berg\n\n"
            "Bilag: Liste over virksomheder\n\n\n\nKØBENHAVNS KOMMUNE\n\nNOTAT\n\n1. maj 2021\n\nSagsnr.\n2021-0001"
            "\n\nBilag\n\nOversigt over virksomheder:\n\nfirma a aps\nfirma b a/s\n")
    parts = split_lines(clean(lines_of(text)))
    assert [classify(p) for p in parts] == ["letter", "annex"]


def test_a_single_blank_line_never_splits() -> None:
    text = "Fra: Pia\nSendt: 6. oktober 2015\nTil: Ole\nEmne: Mål\n\nKære Ole\n\nTekst her.\n\nMed venlig hilsen\n\n" \
           "Pia\n\nKØBENHAVNS KOMMUNE\nBeskæftigelses- og Integrationsforvaltningen\n"
    parts = split_lines(clean(lines_of(text)))
    assert len(parts) == 1 and classify(parts[0]) == "email"


def test_minutes_are_not_split_at_agenda_items() -> None:
    text = ("Referat - Socialudvalget den 3. maj 2021\n\nMødefakta\n\nDato: 3. maj 2021\n\n\n1. Godkendelse af "
            "dagsorden\n\nBeslutning i Socialudvalget den 03-05-2021\n\nGodkendt.\n\n\n2. Meddelelser\n\n"
            "Beslutning i Socialudvalget den 03-05-2021\n\nTaget til efterretning.\n")
    parts = split_lines(clean(lines_of(text)))
    assert len(parts) == 1 and classify(parts[0]) == "minutes"


def _gold_kinds(gold_file: Path) -> list[set[str]]:
    gold = json.loads(gold_file.read_text("utf-8"))
    return [{d["kind"], *d.get("kind_alt", [])} for d in gold["documents"]]


def test_seed_split_matches_gold(shared_dir: Path, corpus_dir: Path) -> None:
    from foi.extract.process import process_file
    from foi.settings import Settings

    for gold_file in sorted((shared_dir / "gold").glob("*.json")):
        stem = gold_file.stem
        result = process_file(corpus_dir / f"{stem}.txt", Settings())
        kinds = [d.kind for d in result.documents]
        want = _gold_kinds(gold_file)
        assert len(kinds) == len(want), (stem, kinds)
        assert all(k in w for k, w in zip(kinds, want, strict=True)), (stem, kinds, want)


@pytest.mark.parametrize("suffix", [".pdf"])
def test_seed_pdf_split_matches_gold(shared_dir: Path, corpus_dir: Path, suffix: str) -> None:
    from foi.extract.process import process_file
    from foi.settings import Settings

    for gold_file in sorted((shared_dir / "gold").glob("*.json")):
        path = corpus_dir / f"{gold_file.stem}{suffix}"
        if not path.exists():
            pytest.skip(f"{path.name} not rendered; run python corpus/make_pdfs.py")
        result = process_file(path, Settings())
        assert result.status == "ok", result.error
        kinds = [d.kind for d in result.documents]
        want = _gold_kinds(gold_file)
        assert len(kinds) == len(want), (path.name, kinds)
        assert all(k in w for k, w in zip(kinds, want, strict=True)), (path.name, kinds, want)


def test_a_company_list_in_capitals_is_not_letterhead() -> None:
    got = roles("Leverandører:\n\nBAGER JENSEN APS\nMURER HANSEN IVS\n\nKØBENHAVNS KOMMUNE\n")
    assert got["BAGER JENSEN APS"] == BODY and got["MURER HANSEN IVS"] == BODY
    assert got["KØBENHAVNS KOMMUNE"] == MARGIN


def test_clean_text_keeps_lists_and_headers_as_lines_and_joins_wrapped_prose() -> None:
    wrapped = [
        "Fra: Havnens Perle <info@example.dk>",
        "Sendt: 26. august 2025 14:52",
        "Sidst i byrådet blev problematikken omkring vores lejeforhold på nordhavnen sendt til",
        "magistratens afdeling, som ikke ville tage stilling.",
        "Nu er det et politisk spørgsmål.",
    ]
    assert join_paragraphs(wrapped, keep_line_breaks=True) == (
        "Fra: Havnens Perle <info@example.dk>\nSendt: 26. august 2025 14:52\n"
        "Sidst i byrådet blev problematikken omkring vores lejeforhold på nordhavnen sendt til magistratens "
        "afdeling, som ikke ville tage stilling.\nNu er det et politisk spørgsmål."
    )
    names = ["accent design aps", "airpower v/jeffrey voss", "dahl a/s"]
    assert join_paragraphs(names, keep_line_breaks=True) == "\n".join(names)
    assert join_paragraphs(names) == " ".join(names)  # facts read paragraphs as running text


def verdict_of(text: str) -> tuple[str, str]:
    from foi.extract.segment import verdict

    found = verdict(clean(lines_of(text)))
    return found.kind, found.subkind


@pytest.mark.parametrize(
    ("text", "kind", "subkind"),
    [
        # minutes: a Referat heading, "Møde nr.", attendance, a meeting held, dated decisions
        ("Referat\nSocialudvalget\nMødedato: 3. maj 2021\n\n1. Godkendelse\nBeslutning\nGodkendt.",
         "minutes", "minutes"),
        ("3. maj 2021 - referat fra byrådet\n\nBeslutning\nGodkendt.", "minutes", "minutes"),
        ("Møde nr. 12\n\nÅr 2019, den 4. marts afholdt Nævnet møde.\nTil stede: Ida Berg og Ole Dam\n\n"
         "ad punkt 1: Meddelelser\nIntet.", "minutes", "minutes"),
        ("Udvalg: Kulturudvalget\nSted: Rådhuset\n\nBeslutning Kulturudvalget den 04-03-2019\nGodkendt.\n"
         "Beslutning Kulturudvalget den 04-03-2019\nGodkendt.", "minutes", "minutes"),
        # an agenda: "Dagsorden" and the meeting's facts, no decisions
        ("Dagsorden 8. maj 2024 kl. 16.00\nByrådet\nMødedato:\nonsdag den 8. maj 2024\n\n1. Budget\nIndstilling",
         "other", "agenda"),
        # a memo: "NOTAT", "Høringsnotat", "Notat til …"
        ("NOTAT\n\nTil: Direktionen\nFra: Økonomi\n\nOversigt over budgettet.", "memo", "memo"),
        ("1 Notat til udvalget om ventelister på plejehjem", "memo", "memo"),
        ("Høringsnotat\n\nForslaget har været i høring hos 12 parter.", "memo", "hearing_memo"),
        # an e-mail
        ("Fra: Jens Krog\nSendt: 3. marts 2019 10:15\nTil: Anne Vang\nEmne: Tilbud\n\nHej Anne", "email", "email"),
        # a letter: greeting and closing
        ("Kære Lise\n\nTak for dit brev.\n\nMed venlig hilsen\nPer Holm", "letter", "letter"),
        ("Vedr.: Aktindsigt i referat fra mødet\n\nKære Lise\n\nHer er referatet.\n\nMed venlig hilsen\nPer",
         "letter", "letter"),
        # a minister's answer to a Folketing committee
        ("Folketingets Boligudvalg\n\nBoligudvalget har i brev af 2. maj 2022 stillet følgende spørgsmål nr. 41 "
         "(alm. del), som hermed besvares. Spørgsmålet er stillet efter ønske fra Ida Holm (V).\n\n"
         "Spørgsmål nr. 41:\nHvad koster det?\n\nSvar:\nDet ved vi ikke endnu.", "letter", "folketing_answer"),
        # an answer to a council member on a web page (no letter form) and in a letter
        ("Spørgsmål og svar 2022\n\nSpørgsmål fra Ole Dam (A):\n1. Hvor mange?\n2. Hvornår?\n\nAd 1)\nTolv.\n"
         "Ad 2)\nI maj.", "other", "answer"),
        ("Spørgsmål stillet af Ole Dam til besvarelse på byrådsmødet den 4/5 2022.\n\nKære Ole Dam\n\n"
         "Ad 1\nTolv.\nAd 2\nI maj.\nAd 3\nNej.", "letter", "answer"),
        # the state's supervision: "…s brev af <date> til …", TILSYNET
        ("1 Statsforvaltningens brev af 3. maj 2010 til en kommune TILSYNET MED KOMMUNERNE Statsforvaltningen "
         "har modtaget kommunens anmodning.", "letter", "supervisory_letter"),
        # a complaint to the supervisory authority
        ("Til det kommunale tilsyn v. Ankestyrelsen 1. maj 2019\nKlage til det kommunale tilsyn over byrådets "
         "beslutning\nKlagere: Ida Holm og Ole Dam", "letter", "complaint"),
        # a binding answer, a ruling, the Ombudsman
        ("Dokumenttype: Bindende svar\n\nSkatterådet bekræfter, at kurset er momsfrit.", "other", "ruling"),
        ("KENDELSE\n\nKlagenævnet for Udbud\nKlager mod Indklagede\nPåstand 1", "other", "ruling"),
        ("FOB 2021-7\n\nOmbudsmanden udtalte, at Ombudsmanden ikke kunne kritisere afslaget.", "other",
         "ombudsman_statement"),
        # an aktindsigt decision in a letter
        ("Kære Ida\n\nDu har bedt om aktindsigt i sagen. Efter offentlighedslovens § 7 har du ret til aktindsigt, "
         "men vi giver afslag på aktindsigt i to dokumenter.\n\nKlagevejledning\n\nMed venlig hilsen\nPer",
         "letter", "aktindsigt_decision"),
        # nothing to go by
        ("Her er en tekst uden kendetegn.", "other", "other"),
    ],
)
def test_kind_from_weighed_signals(text: str, kind: str, subkind: str) -> None:
    assert verdict_of(text) == (kind, subkind)


def test_the_verdict_names_its_signals_and_confidence() -> None:
    from foi.extract.segment import verdict

    found = verdict(clean(lines_of("Referat\nMødedato: 3. maj 2021\n\nBeslutning\nGodkendt.")))
    assert found.kind == "minutes" and 0.5 < found.confidence <= 1.0
    assert any(s.startswith("Referat heading") for s in found.signals)


def test_a_running_header_that_opens_each_page_opens_no_new_document() -> None:
    text = ("Kulturudvalget\n\nNOTAT\n\nBibliotekerne har haft flere besøg.\n\nDet er godt.\n\nTak.\n"
            "\f5. maj 2024\nNotat om biblioteksplanen, side 2\n\nPlanen lægger op til mere.\n\nOg mere.\n\nSlut.\n"
            "\f5. maj 2024\nNotat om biblioteksplanen, side 3\n\nUdvalget orienteres igen.\n")
    assert len(split_lines(clean(lines_of(text)))) == 1


def test_an_email_whose_header_is_flattened_into_one_line() -> None:
    text = "Fra: Lone Bak Sendt: 7. maj 2021 09:14 Til: Udvalget Emne: Stien\n\nKære udvalg\n\nHer er status."
    assert verdict_of(text)[0] == "email"
