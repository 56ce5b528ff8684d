"""People and their roles: short forms per role, layouts of our own, the seeds against gold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SeedPair, run_components

import foi.extract.facts.people  # noqa: F401 - registers the component
from foi.extract.facts.people import person_name, titled_name
from foi.extract.facts.people_names import leading_name, raw, trailing_name, whole_name
from foi.extract.model import Person

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def people(text: str, kind: str = "letter") -> list[Person]:
    return run_components(text, "people", kind=kind)._.facts.people


def roles(found: list[Person]) -> dict[str, list[tuple[str, str | None, str | None, str | None]]]:
    out: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
    for p in found:
        out.setdefault(p.role, []).append((p.name, p.title, p.email, p.party))
    return out


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Sinem Demir, MB", "Sinem Demir"),
    ("Rabih Azad-Ahmad (ordfører)", "Rabih Azad-Ahmad"),
    ("Anne af Rosenborg", "Anne af Rosenborg"),
    ("Socialudvalget", None),
    ("Havnens Perle ApS", None),
    ("Aarhus Kommune", None),
    ("Det Konservative Folkeparti", None),
    ("Att.: Jens Hansen", "Jens Hansen"),
    ("Hr. Ole Berg", "Ole Berg"),
    ("Mål for støttet beskæftigelse", None),
])
def test_person_name(text: str, name: str | None) -> None:
    assert person_name(text) == name


def test_title_before_a_name() -> None:
    assert titled_name("Socialborgmester Jesper Christensen") == ("Jesper Christensen", "Socialborgmester")
    assert titled_name("Adm. direktør Tanja Franck") == ("Tanja Franck", "Adm. direktør")


@pytest.mark.parametrize("text, bounded, found", [
    ("faglig koordinator Birgit Lund fra Center for Ejendomme", False,
     ("Birgit Lund", "faglig koordinator", "fra Center for Ejendomme")),
    ("Pernille Dahl bytter plads", False, ("Pernille Dahl", None, "bytter plads")),
    ("Eea Haldan Vestergaard indtræder", True, ("Eea Haldan Vestergaard", None, "indtræder")),
    ("Eea Haldan Vestergaard indtræder", False, None),  # no known first name and no cue before it
    ("Ane Holm Beskæftigelsesminister Side 2", False, ("Ane Holm", None, "Beskæftigelsesminister Side 2")),
    ("Kim Berg eDoc support", False, ("Kim Berg", None, "eDoc support")),
    ("Teknik og Miljø", True, None),
])
def test_leading_name(text: str, bounded: bool, found: tuple[str, str | None, str] | None) -> None:
    assert leading_name(text, bounded) == found


@pytest.mark.parametrize("text, bounded, found", [
    ("Medlem af Folketinget Trine Holm", False, ("Trine Holm", None)),
    ("Borgmesterens mødelokale Johnny Sand", False, ("Johnny Sand", None)),
    ("at 1. stedfortræder på listen, Simon Ravn", False, ("Simon Ravn", None)),
    ("og kontorchef Kåre Nygaard", False, ("Kåre Nygaard", "kontorchef")),
    ("formanden for By- og Miljøudvalget Jan E. Holm", False, ("Jan E. Holm", None)),
    ("at Eea Haldan Vestergaard", True, ("Eea Haldan Vestergaard", None)),
    ("til Dansk Supermarked", True, None),
])
def test_trailing_name(text: str, bounded: bool, found: tuple[str, str | None] | None) -> None:
    assert trailing_name(text, bounded) == found


def test_whole_name_cuts_the_nouns_before_a_first_name() -> None:
    assert whole_name("Kommunikation Michael Bruhn Frederiksen") == ("Michael Bruhn Frederiksen", None)
    assert whole_name("Molle Lykke Nielsen") == ("Molle Lykke Nielsen", None)  # "Molle" is no noun
    assert whole_name("Odense Slot") is None


# --- cues in running text: every alternative of [cue] in people.toml has a Danish example here ----

CUE_EXAMPLES = [
    # (cue key, text, kind, role, [(name, title, party)])
    ("asker_after", "Spørgsmål fra Louise Brandt (Ø) om cykelstier", "other", "sender", [("Louise Brandt", None, "Ø")]),
    ("asker_after", "Spørgsmål stillet af Torben Kjær til besvarelse på mødet den 3. maj.", "other", "sender",
     [("Torben Kjær", None, None)]),
    ("asker_after", "Spørgsmålet er stillet efter ønske fra medlem af udvalget Signe Vad (SF).", "letter", "sender",
     [("Signe Vad", None, "SF")]),
    ("asker_after", "Klagere: Hans Ravn, medlem af byrådet, og Lene Ø. Dahl", "letter", "sender",
     [("Hans Ravn", "medlem af byrådet", None), ("Lene Ø. Dahl", None, None)]),
    ("asker_after", "Spørger: Mads Holt", "other", "sender", [("Mads Holt", None, None)]),
    ("asker_after", "Forespørgsel fra Ida Brask (C)", "other", "sender", [("Ida Brask", None, "C")]),
    ("asker_before", "Karen Vinter (V) har den 4. marts 2021 stillet følgende spørgsmål:", "other", "sender",
     [("Karen Vinter", None, "V")]),
    ("asker_before", "Byrådsmedlem Ulrik Holm har fremsendt følgende spørgsmål:", "other", "sender",
     [("Ulrik Holm", "Byrådsmedlem", None)]),
    ("asker_before", "Gitte Krogh (Ø) har den 3. maj i henhold til § 11 stillet spørgsmål om vejene.", "other",
     "sender", [("Gitte Krogh", None, "Ø")]),
    ("asker_after", "I en mail af 3. maj spørger byrådsmedlem Jens Dahl (V) om vejene.", "other", "sender",
     [("Jens Dahl", None, "V")]),
    ("asker_before", "Birthe Lund (A) spørger om parkeringen ved skolen.", "other", "sender",
     [("Birthe Lund", None, "A")]),
    ("member_after", "Til stede fra bestyrelsen var: Niels Ravn, Tove Kirk og Ulla Brink.", "other", "member",
     [("Niels Ravn", None, None), ("Tove Kirk", None, None), ("Ulla Brink", None, None)]),
    ("member_after", "Til stede fra forvaltningen: direktør Jens Holm og chefkonsulent Ida Berg", "other", "member",
     [("Jens Holm", "direktør", None), ("Ida Berg", "chefkonsulent", None)]),
    ("member_after", "Mødedato: 3. maj 2022 Deltagere: Mødelokale 2 Jens Ravn (A), Mia Borg (V) Afbud: Eva Dam (Ø)",
     "minutes", "member", [("Jens Ravn", None, "A"), ("Mia Borg", None, "V"), ("Eva Dam", None, "Ø")]),
    ("member_after", "Desuden deltog: Ole Sand", "minutes", "member", [("Ole Sand", None, None)]),
    ("member_after", "Der var afbud fra Peter Muus (A) og Lis Brandt (V).", "other", "member",
     [("Peter Muus", None, "A"), ("Lis Brandt", None, "V")]),
    ("member_after", "Meldt afbud: Ulla Kirk", "other", "member", [("Ulla Kirk", None, None)]),
    ("member_before", "Et flertal bestående af Anders Holm, Eva Dam og Bo Ek stemte for.", "other", "member",
     [("Anders Holm", None, None), ("Eva Dam", None, None), ("Bo Ek", None, None)]),
    # a Word table row whose second cell held a nested table, one member a row
    ("member_after", "Deltagere\tIda Lund (A), formand Ole Brix (V) Karin Moos (F) Hans Henrik H. Holm Bo Ek",
     "other", "member", [("Ida Lund", "formand", "A"), ("Ole Brix", None, "V"), ("Karin Moos", None, "F"),
                         ("Hans Henrik H. Holm", None, None), ("Bo Ek", None, None)]),
    ("member_after", "Til stede\nLone Berg (A)\nKaj Holm (V)\n\nAfbud\n\nSekretær", "other", "member",
     [("Lone Berg", None, "A"), ("Kaj Holm", None, "V")]),
    ("member_after", "Kim Lau deltog i stedet for Bente Rask, der var syg.", "minutes", "member",
     [("Kim Lau", None, None), ("Bente Rask", None, None)]),
    ("member_after", "Det oplyses, at udvalgsmedlemmerne Per Juhl og Anne Dyrby bytter plads.", "other", "member",
     [("Per Juhl", None, None), ("Anne Dyrby", None, None)]),
    ("member_after", "Under punktet deltog afdelingschef Jonas Friis.", "other", "member",
     [("Jonas Friis", "afdelingschef", None)]),
    ("member_after", "Afgørelsen er truffet af Lise Mørk, Carl Bay og Hanne Ring.", "other", "member",
     [("Lise Mørk", None, None), ("Carl Bay", None, None), ("Hanne Ring", None, None)]),
    ("member_before", "Jonas Friis deltog under punkt 4.", "other", "member", [("Jonas Friis", None, None)]),
    ("member_before", "Rikke Holm deltager i mødet fra kl. 17.", "other", "member", [("Rikke Holm", None, None)]),
    ("member_before", "Per Birk indtræder i Havneudvalget.", "other", "member", [("Per Birk", None, None)]),
    ("member_before", "Per Birk udtræder af Skoleudvalget.", "other", "member", [("Per Birk", None, None)]),
    ("member_before", "Byrådsmedlem Lone Gram, Venstre, anmoder om orlov.", "other", "member",
     [("Lone Gram", "Byrådsmedlem", "Venstre")]),
    ("member_before", "at stedfortræder Hans Vig anmodes om at indtræde.", "other", "member",
     [("Hans Vig", "stedfortræder", None)]),
    ("member_before", "Ib Krog (V) mødte som stedfortræder.", "other", "member", [("Ib Krog", None, "V")]),
    ("member_before", "Tina Dahl, Ole Storm og Jan Nymark Rose var fraværende.", "other", "member",
     [("Tina Dahl", None, None), ("Ole Storm", None, None), ("Jan Nymark Rose", None, None)]),
    ("member_before", "Gitte Lund var forhindret.", "other", "member", [("Gitte Lund", None, None)]),
    ("member_before", "Carsten Bach havde meldt afbud.", "other", "member", [("Carsten Bach", None, None)]),
    ("member_before", "Kirsten Aagaard forlod mødet kl. 18.30 under punkt 7.", "other", "member",
     [("Kirsten Aagaard", None, None)]),
    ("member_before", "Erik Dahl blev valgt som formand.", "other", "member", [("Erik Dahl", None, None)]),
    ("member_before", "Simon Lind tager sæde i byrådet.", "other", "member", [("Simon Lind", None, None)]),
    ("member_before", "Henrik Møller var inhabil under punkt 3.", "other", "member", [("Henrik Møller", None, None)]),
    ("member_before", "Anne Bang erklærede sig inhabil.", "other", "member", [("Anne Bang", None, None)]),
    ("member_before", "Jens Brun og Eva Lund stemte imod.", "other", "member",
     [("Jens Brun", None, None), ("Eva Lund", None, None)]),
    ("member_before", "Bo Krag undlod at stemme.", "other", "member", [("Bo Krag", None, None)]),
    ("member_before", "Marie Skov tog forbehold.", "other", "member", [("Marie Skov", None, None)]),
    ("member_before", "Jens Ravn kunne tiltræde indstillingen.", "other", "member", [("Jens Ravn", None, None)]),
    ("chair_after", "Formand: Lars Winther (A)", "other", "member", [("Lars Winther", "formand", "A")]),
    ("caseworker_after", "Søgningen omfattede sager med sagsbehandler Mette Kjær som ansvarlig.", "other",
     "caseworker", [("Mette Kjær", None, None)]),
    ("signer_after", "Svar ved borgmester Tine Holm:", "other", "signer", [("Tine Holm", "borgmester", None)]),
    ("member_board", "KLAGENÆVNET FOR UDBUD\n(Ida Kock, Søren Bach)\n\nmod\n(advokat Jens Holm, Aarhus)", "other",
     "member", [("Ida Kock", None, None), ("Søren Bach", None, None)]),
    ("list_end", "Medlemmer: Ole Hald (A), Bo Lind (C) Afbud: Ingen 1. Godkendelse af dagsorden", "minutes", "member",
     [("Ole Hald", None, "A"), ("Bo Lind", None, "C")]),
]


@pytest.mark.parametrize("key, text, kind, role, want", CUE_EXAMPLES)
def test_cue_names_people(key: str, text: str, kind: str, role: str,
                          want: list[tuple[str, str | None, str | None]]) -> None:
    got = [(n, t, p) for n, t, _e, p in roles(people(text, kind)).get(role, [])]
    assert got == want


def test_every_cue_has_an_example() -> None:
    for key, alternatives in raw()["cue"].items():
        for pattern in alternatives:
            rx = re.compile(pattern, re.IGNORECASE)
            assert any(k == key and rx.search(text) for k, text, *_ in CUE_EXAMPLES), (key, pattern)


@pytest.mark.parametrize("text", [
    "Spørgsmål fra Socialudvalget om budgettet",
    "Spørgsmål fra KMB",
    "Dansk Supermarked deltog i udbuddet.",
    "Forvaltningen har den 3. maj stillet følgende spørgsmål til ministeriet:",
    "Folketingets Socialudvalg har den 2. maj 2019 stillet følgende spørgsmål nr. 31",
    "Til stede var ingen fra forvaltningen.",
    "Vi spørger Forvaltningen om en redegørelse.",
    "Afbud fra Socialforvaltningen og Jobcentret.",
    "Afbud: Ingen",
    "Region Hovedstaden deltog i arbejdsgruppen.",
    "Odense Letbane deltog i mødet.",
    "Bilaget blev sendt i stedet for Sagsfremstillingen.",
])
def test_cue_look_alikes_name_nobody(text: str) -> None:
    assert people(text, "other") == []


def test_a_cue_broken_across_lines() -> None:
    got = roles(people("Statsministerens besvarelse af spørgsmål nr. 96 stillet efter ønske\n"
                       "fra Nikolaj Holm (EL)\n\nSvar:\nTekst.\n", "letter"))
    assert got["sender"] == [("Nikolaj Holm", None, None, "EL")]


def test_a_name_broken_across_wrapped_lines() -> None:
    got = roles(people("På Sundheds- og Forebyggelsesudvalgets møde deltager faglig koordinator Birgit\n"
                       "Elleby Jørgensen fra Center for Ejendomme under behandlingen af sagen.\n", "memo"))
    assert got["member"] == [("Birgit Elleby Jørgensen", "faglig koordinator", None, None)]


def test_names_listed_below_a_cue() -> None:
    got = roles(people("Spørgsmål fra:\n\nIb A. Holm, Kastanievej 5, 1870 Frederiksberg C\n"
                       "Lillian og Mogens Kyst, Kastanievej 7, 1870 Frederiksberg C\n\n1. Hvorfor?\n", "other"))
    assert [n for n, *_ in got["sender"]] == ["Ib A. Holm", "Mogens Kyst"]
    got = roles(people("Medlemmer:\nCarl Holm, Poul Weber, Bente Gertz Hansen.\n\nDagsorden\n", "minutes"))
    assert [n for n, *_ in got["member"]] == ["Carl Holm", "Poul Weber", "Bente Gertz Hansen"]


# --- letters -----------------------------------------------------------------------------------


def test_recipient_block_with_email() -> None:
    got = roles(people("Til\nMorten Vinge\n\nE-mail: mv@example.dk\n\n3. maj 2022\n\nKære Morten Vinge\n\nTak."))
    assert got["recipient"] == [("Morten Vinge", None, "mv@example.dk", None)]


def test_recipient_under_a_body_with_title_and_mail() -> None:
    got = roles(people("Til Børneudvalget\nRådmand Lise Berg\nMail: lb@aarhus.dk\n\n1. juni 2022\n\n"
                       "Kære Lise Berg\n\nTekst."))
    assert got["recipient"] == [("Lise Berg", "Rådmand", "lb@aarhus.dk", None)]


def test_greeting_names_the_recipient_only_without_an_address_block() -> None:
    assert roles(people("Kære Anna\n\nTak for dit brev."))["recipient"] == [("Anna", None, None, None)]
    assert "recipient" not in roles(people("Kære Socialudvalg\n\nHermed status."))
    assert "recipient" not in roles(people("Kære alle\n\nHermed status."))


def test_signer_with_title_below_the_name() -> None:
    got = roles(people("Tekst.\n\nMed venlig hilsen\n\nKaren Holm\nKontorchef\n\nBilag: Oversigt."))
    assert got["signer"] == [("Karen Holm", "Kontorchef", None, None)]


def test_signer_with_title_after_a_comma() -> None:
    got = roles(people("Tekst.\n\nKind regards\nTanja Franck, Adm. direktør\n"))
    assert got["signer"] == [("Tanja Franck", "Adm. direktør", None, None)]


def test_signer_without_title_and_the_address_below_is_no_title() -> None:
    got = roles(people("Tekst.\n\nVenlig hilsen\n\nJesper Christensen\n\nRådhuset\n1599 København V\n"))
    assert got["signer"] == [("Jesper Christensen", None, None, None)]


def test_caseworker_label() -> None:
    got = roles(people("Sagsnr.\n2015-0186920\nSagsbehandler\nDan Rantzau Schimmell\n\nNotat om pladser\n", "memo"))
    assert got["caseworker"] == [("Dan Rantzau Schimmell", None, None, None)]
    assert roles(people("Sagsbehandler: Bo Ek\n", "memo"))["caseworker"] == [("Bo Ek", None, None, None)]


def test_caseworker_labels_of_minutes_and_reports() -> None:
    assert roles(people("Referent: Tine Borg\n", "minutes"))["caseworker"] == [("Tine Borg", None, None, None)]
    got = roles(people("Kontakt: Tine Borg, tlf. 7012 3456\n", "letter"))
    assert got["caseworker"] == [("Tine Borg", None, None, None)]
    assert roles(people("Afbud\n\nSekretær\nMie Dahl\n", "minutes"))["caseworker"] == [("Mie Dahl", None, None, None)]
    got = roles(people("Tilsyn 2023\nRapporten udarbejdet af: Helle Toft\n", "other"))
    assert got["caseworker"] == [("Helle Toft", None, None, None)]
    assert "caseworker" not in roles(people("Sekretariatet\nJens Hansen\n", "memo"))


# --- signatures --------------------------------------------------------------------------------


def test_signature_grid_of_names_side_by_side() -> None:
    got = roles(people("Tekst.\n\nMed venlig hilsen\n\nLone Berg\tKarl Dam\tIda Holm\n"
                       "Borgmester Ishøj\tRådmand\tFormand for KKR\n\nSøren Lyng    Eva Krog, Borgmester Hvidovre\n"))
    assert [n for n, *_ in got["signer"]] == ["Lone Berg", "Karl Dam", "Ida Holm", "Søren Lyng", "Eva Krog"]
    assert "signer" not in roles(people("Tekst.\n\nMed venlig hilsen\n\nTeknik og Miljø\tTlf. 1234 5678\n"))


def test_minister_and_the_official_below() -> None:
    got = roles(people("Svar:\nTekst.\nMed venlig hilsen\nMorten Bødker\nAnne Juul Sørensen\n"))
    assert got["signer"] == [("Morten Bødker", None, None, None)]
    assert got["caseworker"] == [("Anne Juul Sørensen", None, None, None)]
    got = roles(people("Tekst.\n\nMed venlig hilsen\n\nMorten Bødker\n\n/ Anne Juul Sørensen\n"))
    assert got["caseworker"] == [("Anne Juul Sørensen", None, None, None)]
    got = roles(people("Tekst.\n\nMed venlig hilsen\n\nKaren Holm\nKontorchef\n\nJens Dam\nFuldmægtig\n"))
    assert got["signer"] == [("Karen Holm", "Kontorchef", None, None)] and "caseworker" not in got


def test_minister_name_after_the_header_fields() -> None:
    got = roles(people("Svar:\nTekst.\nMed venlig hilsen\nDato:\nSagsnr.:\n3. maj 2023\n2023/1234\n"
                       "Finansministeriet\nChristiansborg Slotsplads 1\n1218 København K\nNicolai Wammen\n"
                       "Side 1 af 1\n"))
    assert got["signer"] == [("Nicolai Wammen", None, None, None)]


def test_minister_name_alone_at_the_end_of_an_answer() -> None:
    got = roles(people("Spørgsmål nr. 12:\nVil ministeren oplyse …?\nSvar:\nJeg henviser til svaret på spørgsmål 4.\n"
                       "Joy Holmgaard\nDok. nr. 21/04205-2\n"))
    assert got["signer"] == [("Joy Holmgaard", None, None, None)]
    assert "signer" not in roles(people("Svar:\nVi mødes ved slottet.\nOdense Slot\n"))
    assert "signer" not in roles(people("Notat om trafik.\nTeksten slutter her.\nZuma Brandt\n"))  # no answer


def test_name_alone_above_the_title_of_an_office_or_after_a_slash() -> None:
    got = roles(people("Svar:\nJeg kan oplyse, at sagen er afsluttet.\n\nTroels Holm\nForsvarsminister\n\n"
                       "Bilag: Tidslinje\nHolmens Kanal 9\n1060 København K\nTlf. 7281 0000\n"))
    assert got["signer"] == [("Troels Holm", "Forsvarsminister", None, None)]
    got = roles(people("Tekst.\n\nMed venlig hilsen\n\n/ Troels Holm\n"))
    assert got["signer"] == [("Troels Holm", None, None, None)]
    assert "signer" not in roles(people("Notat\n\nTroels Holm\nLederen af Teknik og Miljø\n\nTekst om trafik.\n"))


def test_closing_in_the_middle_of_a_flattened_line() -> None:
    got = roles(people("Svar: Jeg vedlægger talepapiret. Det talte ord gælder. Venlig hilsen Mads Vinding "
                       "Skatteminister Side 2 af 4 Talepapir"))
    assert got["signer"] == [("Mads Vinding", "Skatteminister", None, None)]


# --- e-mails -----------------------------------------------------------------------------------


def test_cc_recipients_and_a_wrapped_cc_line() -> None:
    got = roles(people("Fra: Ole Berg\nSendt: 2. maj 2023 10:00\nTil: Teknik og Miljø\nCc: Lise Holm; Karen\n"
                       "Dahl; Bo Ek\nEmne: Møde om\nvejene\n\nHej\n\nTekst.\n", "email"))
    assert [n for n, *_ in got["recipient"]] == ["Teknik og Miljø", "Lise Holm", "Karen Dahl", "Bo Ek"]


def test_sender_of_a_quoted_message() -> None:
    head = "Fra: Ole Berg\nSendt: 2. maj 2023 10:00\nTil: Support\nEmne: SV: Sag\n\nTak.\n\nVenlig hilsen\nOle Berg\n\n"
    got = roles(people(head + "-----Oprindelig meddelelse-----\nFra: Support [mailto:support@firma.dk]\n"
                       "Sendt: 1. maj 2023 09:00\nTil: Ole Berg\nEmne: Sag\n\nHej Ole\n\nMed venlig hilsen\n"
                       "Jens Kruse IT-support\n", "email"))
    assert [n for n, *_ in got["sender"]] == ["Ole Berg", "Jens Kruse"]
    got = roles(people(head + "Fra: Lise Holm <lh@kk.dk>\nSendt: 1. maj 2023 09:00\nTil: Ole Berg\n\nHej\n", "email"))
    assert [n for n, *_ in got["sender"]] == ["Ole Berg", "Lise Holm"]




def test_email_headers_and_signature_block() -> None:
    got = roles(people("Fra: Pia Jacobsen\nSendt: 6. oktober 2015 17:31\nTil: Borgmesteren SOF\nEmne: Mål\n\n"
                       "Kære Socialudvalg\n\nHermed brevet.\n\nMed venlig hilsen\n\nPia Jacobsen\nFuldmægtig\n"
                       "Sekretariatet\n\nEmail f181@bif.kk.dk\n", "email"))
    assert got == {"sender": [("Pia Jacobsen", "Fuldmægtig", "f181@bif.kk.dk", None)],
                   "recipient": [("Borgmesteren SOF", None, None, None)]}


def test_english_headers_with_addresses() -> None:
    got = roles(people("From: Ole Berg <ole.berg@firma.dk>\nSent: 2. juni 2023 10:00\n"
                       "To: Jobcenter Vest <jcv@kk.dk>; Lise Holm <lh@kk.dk>\nSubject: Aftale\n\nHej\n\nTak.\n",
                       "email"))
    assert got["sender"] == [("Ole Berg", None, "ole.berg@firma.dk", None)]
    assert got["recipient"] == [("Jobcenter Vest", None, "jcv@kk.dk", None), ("Lise Holm", None, "lh@kk.dk", None)]


def test_shared_mailbox_sender_is_the_signature_name() -> None:
    got = roles(people("Fra: Bageriet <info@bageriet.dk>\nSendt: 1. maj 2024 08:00\nTil:\nEmne: Lejen\n\n"
                       "Kære byrådsmedlem\n\nTekst.\n\nMvh\nHans Bager\nBagermester\n", "email"))
    assert got == {"sender": [("Hans Bager", None, "info@bageriet.dk", None)]}


# --- minutes -----------------------------------------------------------------------------------


def test_members_with_party_letters() -> None:
    got = roles(people("Medlemmer\n\n  • Lone Hansen (V)\n  • Karim Said (A), formand\n\n1. Godkendelse\n", "minutes"))
    assert got["member"] == [("Lone Hansen", None, None, "V"), ("Karim Said", "formand", None, "A")]


def test_members_named_in_what_the_committee_recorded() -> None:
    got = roles(people("Beslutninger\nJens Ravn, Mia Borg og Rådmand Ib Lund kunne tiltræde indstillingen.\n"
                       "Venstre tog forbehold.\nSocialistisk Folkepartis byrådsgruppe kunne ikke tiltræde.\n"
                       "Eva Dam deltog ikke i sagens behandling.\nSolveig Munk, Enhedslisten\n", "minutes"))
    assert [(n, t, p) for n, t, _e, p in got["member"]] == [
        ("Jens Ravn", None, None), ("Mia Borg", None, None), ("Ib Lund", "Rådmand", None), ("Eva Dam", None, None),
        ("Solveig Munk", None, "Enhedslisten")]


# --- the seeds against gold --------------------------------------------------------------------

ROLE_KEYS = {"recipients": "recipient", "senders": "sender", "signers": "signer", "caseworkers": "caseworker",
             "members": "member"}


def test_seed_people_match_gold(seed_pairs: list[SeedPair]) -> None:
    for file, n, want, document in seed_pairs:
        if document is None:
            continue
        for key, role in ROLE_KEYS.items():
            if key not in want:
                continue
            got = [p for p in document.facts.people if p.role == role]
            assert [p.name for p in got] == [w["name"] for w in want[key]], (file, n, key)
            for p, w in zip(got, want[key], strict=True):
                for attr in ("email", "title", "party"):
                    if attr in w:
                        assert getattr(p, attr) == w[attr], (file, n, key, attr)
