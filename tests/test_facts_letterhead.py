"""Title, municipality, administration and committee from a document's head."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SeedPair, run_components

import foi.extract.facts.letterhead  # noqa: F401 - registers the component
import foi.extract.facts.people  # noqa: F401
from foi.extract.model import NOISE, Document, Facts, Line
from foi.extract.process import process_bytes
from foi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def facts(text: str, kind: str = "letter", preset: Facts | None = None) -> Facts:
    """Run people (whose e-mail addresses the letterhead reads) and the letterhead on `text`."""
    return run_components(text, "people", "letterhead", kind=kind, preset=preset)._.facts


# --- title -------------------------------------------------------------------------------------


def test_email_subject_danish_and_english() -> None:
    assert facts("Fra: A B\nSendt: 1. maj 2020\nTil: C D\nEmne: Budget 2021\n\nTekst.", "email").title == "Budget 2021"
    assert facts("From: A B\nSent: 1. maj 2020\nTo: C D\nSubject: Re: Møde\n\nTekst.", "email").title == "Re: Møde"


def test_subject_glued_to_the_next_header_is_cut() -> None:
    f = facts("Fra: A B\nEmne: Status Vedhæftede filer: status.pdf\n\nTekst.", "email")
    assert f.title == "Status"


def test_letter_subject_among_the_case_number_labels() -> None:
    f = facts("KØBENHAVNS KOMMUNE\n\nBeskæftigelses- og Integrationsborgmesteren\n\nTil Socialudvalget\n"
              "Socialborgmester Jesper Christensen\nMail: borgmester@sof.kk.dk\n\n06-10-2015\n\nSagsnr.\n2015-1\n\n"
              "Mål for støttet beskæftigelse i Socialforvaltningen\n\nDokumentnr.\n2015-1-1\n\nKære Jesper\n\nTekst.")
    assert f.title == "Mål for støttet beskæftigelse i Socialforvaltningen"


def test_letter_subject_with_vedr_label() -> None:
    f = facts("Ole Jensen\nStoregade 4\n5700 Svendborg\n\n14. marts 2024\n\nVedr.: Klage over hjemmehjælp\n\n"
              "Kære Ole Jensen\n\nTekst.")
    assert f.title == "Klage over hjemmehjælp"


def test_letter_without_subject_has_no_title() -> None:
    f = facts("KØBENHAVNS KOMMUNE\n\nDirektion\n\nTil\nAndreas Keil\n\n23. oktober 2018\n\nKære Andreas Keil\n\nTekst.")
    assert f.title is None


def test_sidebar_address_above_the_greeting_is_not_a_title() -> None:
    # a PDF reader puts the sidebar (address, phone) before the body, just above "Kære"
    f = facts("Direktion\n\nRådhuspladsen I\n1550 København V\n\nTelefon\n3366 3366\n\nwww.kk.dk\n\n"
              "KØBENHAVNS KOMMUNE\n\nTil\nAndreas Keil\n\nKære Andreas Keil\n\nTekst.")
    assert f.title is None


def test_memo_heading_without_asterisks() -> None:
    f = facts('04-11-2015\n\nSagsnr.\n2015-0186920\n\n**Notat om ubesatte pladser - "Særlige ordninger"**\n\n'
              "Tekst her.", "memo")
    assert f.title == 'Notat om ubesatte pladser - "Særlige ordninger"'
    assert facts("AC-stab\n\n8. juni 2020\n\nVirksomhedsmentor\n\nMentorstøtte er et tilbud.", "memo").title == (
        "Virksomhedsmentor")


def test_minutes_title_from_the_running_header() -> None:
    lines = [Line("Referat - Miljøudvalget den 1. juni 2023", role=NOISE), Line("Mødefakta"), Line(""),
             Line("1. Godkendelse af dagsorden"), Line("Referat - Miljøudvalget den 1. juni 2023", 2, NOISE)]
    document = Document(1, "minutes", lines)
    run_components(document, "letterhead")
    assert document.facts.title == "Referat - Miljøudvalget den 1. juni 2023"
    assert document.facts.committee == "Miljøudvalget"


def test_minutes_title_and_committee() -> None:
    f = facts("Referat - Socialudvalget den 2. marts 2021\n\nMødefakta\n\n1. Godkendelse\n", "minutes")
    assert f.title == "Referat - Socialudvalget den 2. marts 2021"
    assert f.committee == "Socialudvalget"


# --- municipality ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, municipality", [
    ("KØBENHAVNS KOMMUNE\n\nKære Anna\n\nTekst.", "Københavns Kommune"),
    ("Svendborg Kommune\n\nKære Anna\n\nTekst.", "Svendborg Kommune"),
    ("Til\nAnna Berg\n\nE-mail: anna@kk.dk\n\nKære Anna\n\nTekst.", "Københavns Kommune"),
    ("Kære Anna\n\nTekst.\n\nLæs mere på www.odense.dk", "Odense Kommune"),
    ("Kære Anna\n\nSkriv til post@hoejetaastrup.dk eller job@htk.dk.", "Høje-Taastrup Kommune"),
    ("Til Aarhus Byråd\n\nKære byrådsmedlem\n\nTekst.", "Aarhus Kommune"),
    ("AC-stab\n\nRamsherred 5\n5700 Svendborg\n\n8. juni 2020\n\nNotat\n\nTekst.", "Svendborg Kommune"),
    ("Referat\n\nHvidovre Kommune har fået bonus. Det glæder Hvidovre Kommune.", "Hvidovre Kommune"),
    ("Notat\n\nDer er mange ledige københavnere.", "Københavns Kommune"),
    ("Notat\n\nIngen spor her.", None),
    # the state's postal town is the agency's city, not a municipality concerned
    ("Miljøudvalget\nMIU Alm.del\nOffentligt\nSlotsholmsgade 12\n1216 København K\n\nSvar på spørgsmål 7.", None),
    ("Trafikstyrelsen\nEdvard Thomsens Vej 14\n2300 København S\n\nAfgørelse om tilskud.", None),
    ("Transportministeren\nFrederiksholms Kanal 27 F\n1220 København K\n\nSvar på spørgsmål 12.", None),
])
def test_municipality(text: str, municipality: str | None) -> None:
    assert facts(text, "memo").municipality == municipality


@pytest.mark.parametrize("text, municipality", [
    ("Referat\ntil mødet i Økonomiudvalget\n\n1 Vejle Havn, udvidelse\n2 Trafikplan for Vejle\n", "Vejle Kommune"),
    ("Referat\ntil mødet i Økonomiudvalget\n\n1 Vejle Havn, udvidelse\n2 Samarbejde med Kolding\n", None),
])
def test_minutes_that_name_no_municipality_name_their_town(text: str, municipality: str | None) -> None:
    assert facts(text, "minutes").municipality == municipality


def test_all_98_municipalities_are_known() -> None:
    import tomllib
    from importlib import resources

    raw = resources.files("foi.extract.facts").joinpath("patterns/letterhead.toml").read_text("utf-8")
    table = tomllib.loads(raw)["municipality"]["table"]
    assert len(table) == len({row[0] for row in table}) == 98


# --- administration ----------------------------------------------------------------------------


def test_administration_from_a_letterhead_line() -> None:
    f = facts("KØBENHAVNS KOMMUNE\nBeskæftigelses- og Integrationsforvaltningen\nDirektion\n\nKære Anna\n\n"
              "Tekst om Socialforvaltningen.")
    assert f.administration == "Beskæftigelses- og Integrationsforvaltningen"


@pytest.mark.parametrize("head, body", [
    ("Folketingets Miljøudvalg\nChristiansborg\n\nMiljøministeriet\nSlotsholmsgade 12\n1216 København K",
     "Miljøministeriet"),
    ("Ankestyrelsen\nTeglholmsgade 3\n2450 København SV", "Ankestyrelsen"),
    ("Ministeriet for Fødevarer, Landbrug og Fiskeri\nSlotsholmsgade 12",
     "Ministeriet for Fødevarer, Landbrug og Fiskeri"),
    ("Folketingets Kulturudvalg\nChristiansborg\n1240 København K", None),  # the one written to
])
def test_a_state_body_on_a_line_of_its_own_in_a_state_head_is_the_administration(head: str, body: str | None) -> None:
    f = facts(head + "\n\n3. marts 2024\n\nSvar på spørgsmål 12.\n\nMed venlig hilsen\nAnne Holm")
    assert f.administration == body and f.municipality is None


def test_administration_from_sidebar_with_unit_before_it() -> None:
    f = facts("Kære Anna\n\nTekst.\n\nDirektionen Teknik- og Miljøforvaltningen\n")
    assert f.administration == "Teknik- og Miljøforvaltningen"


def test_administration_from_a_copenhagen_mail_domain() -> None:
    f = facts("Fra: Pia Jacobsen <f181@bif.kk.dk>\nTil: Borgmesteren SOF\nEmne: Mål\n\nTekst.", "email")
    assert f.administration == "Beskæftigelses- og Integrationsforvaltningen"


def test_body_sentence_naming_a_forvaltning_is_no_administration() -> None:
    assert facts("Kære Anna\n\nJeg skriver om status i Socialforvaltningen\n").administration is None


def test_facts_set_earlier_are_kept() -> None:
    f = facts("Referat - Socialudvalget den 2. marts 2021\n\nKØBENHAVNS KOMMUNE\n", "minutes",
              Facts(title="Givet", municipality="Odense Kommune", committee="Økonomiudvalget"))
    assert (f.title, f.municipality, f.committee) == ("Givet", "Odense Kommune", "Økonomiudvalget")


# --- end to end --------------------------------------------------------------------------------


def test_english_email_end_to_end() -> None:
    text = ("From: Karen Holm <kaho@odense.dk>\nSent: 3. februar 2024 09:12\nTo: Borgmesterens Kontor\n"
            "Subject: Svar på spørgsmål om budget\n\nKære borgmester\n\nHermed svaret.\n\nVenlig hilsen\nKaren Holm\n")
    [document] = process_bytes(text.encode("utf-8"), "mail.txt", Settings()).documents
    assert document.facts.title == "Svar på spørgsmål om budget"
    assert document.facts.municipality == "Odense Kommune"


def test_seed_heads_match_gold(seed_pairs: list[SeedPair]) -> None:
    for file, n, want, document in seed_pairs:
        assert document is not None, (file, n)
        for key in ("title", "municipality", "administration", "committee"):
            if key in want:
                assert getattr(document.facts, key) == want[key], (file, n, key)


# --- issue 14: headers as fields, whatever the layout ----------------------------------------------


def test_email_subject_from_a_header_flattened_into_one_line() -> None:
    f = facts("Fra: Lone Bak Sendt: 7. maj 2021 09:14 Til: Udvalget Emne: Status på stien\n\nKære udvalg", "email")
    assert f.title == "Status på stien"


def test_letter_title_is_no_dateline_closing_or_reference_field() -> None:
    f = facts("Vores ref.: 2019-4417  Deres ref.: JM-12\n\nSolvang, den 3. marts 2019\n\n"
              "Vedrørende støj fra vejarbejdet\n\nDer er ingen nyt.\n\nMed venlig hilsen\nIda Nørgaard")
    assert f.title == "Vedrørende støj fra vejarbejdet"


def test_a_question_is_no_letter_title() -> None:
    f = facts("Besvarelse af spørgsmål nr. 88 fra Boligudvalget\n\nVil ministeren oplyse antallet af boliger?\n\n"
              "Svar:\nDet er 4.100.")
    assert f.title == "Besvarelse af spørgsmål nr. 88 fra Boligudvalget"


def test_agenda_title_committee_time_and_place_from_a_flattened_header() -> None:
    document = Document(1, "other", [Line(t) for t in (
        "Dagsorden - Sundhedsudvalget den 3. april 2019",
        "Mødedato: Onsdag den 3. april 2019 Tid: 16.00-18.30 Sted: Regionshuset, lokale B 12")], subkind="agenda")
    f = run_components(document, "letterhead")._.facts
    assert f.title == "Dagsorden - Sundhedsudvalget den 3. april 2019"
    assert f.committee == "Sundhedsudvalget"
    assert (f.meeting_time, f.meeting_place) == ("16:00", "Regionshuset, lokale B 12")


def test_meeting_time_after_the_stacked_meeting_date() -> None:
    f = facts("Referat\nMødedato:\n05-12-2007 Kl. 15:00-16:10\nMødested:\nRegionshuset, mødelokale 4.", "minutes")
    assert f.meeting_time == "15:00"
    assert f.meeting_place == "Regionshuset, mødelokale 4."


def test_letter_title_stands_above_the_first_paragraph_and_is_no_address_or_portal_debris() -> None:
    f = facts("ERU Alm.del\nOffentligt\n\nSlotsholmsgade 10-12\n1216 København K\n\n19. februar 2024\n\n"
              "Udvalget har den 2. februar 2024 stillet følgende spørgsmål nr. 118 (alm. del) til\n"
              "ministeren, som hermed besvares.\n\nSpørgsmål nr. 118:\nHvor mange?\n\nSvar:\nTolv.\n\n"
              "Ankestyrelsen · Sortedam Dossering 7 · 2200 København N")
    assert f.title is None
