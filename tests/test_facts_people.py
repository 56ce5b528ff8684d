"""People and their roles: short forms per role, layouts of our own, the seeds against gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SeedPair, run_components

import foi.extract.facts.people  # noqa: F401 - registers the component
from foi.extract.facts.people import person_name, titled_name
from foi.extract.model import Person
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings

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


# --- e-mails -----------------------------------------------------------------------------------


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


# --- layouts of our own, end to end ------------------------------------------------------------

VEDR_LETTER = """\
SVENDBORG KOMMUNE
Social og Sundhed

Ole Jensen
Storegade 4
5700 Svendborg

14. marts 2024

Vedr.: Klage over hjemmehjælp

Kære Ole Jensen

Vi har modtaget din klage og har behandlet den.

Med venlig hilsen

Birgitte Lund
Afdelingsleder
"""

ENGLISH_EMAIL = """\
From: Karen Holm <kaho@odense.dk>
Sent: 3. februar 2024 09:12
To: Borgmesterens Kontor
Subject: Svar på spørgsmål om budget

Kære borgmester

Hermed svaret.

Venlig hilsen
Karen Holm
Specialkonsulent
Økonomi og Analyse
"""


def test_letter_with_vedr_subject_and_titled_signer() -> None:
    [document] = process_bytes(VEDR_LETTER.encode("utf-8"), "brev.txt", Settings()).documents
    got = roles(document.facts.people)
    assert got["signer"] == [("Birgitte Lund", "Afdelingsleder", None, None)]
    assert got["recipient"] == [("Ole Jensen", None, None, None)]
    assert document.facts.title == "Klage over hjemmehjælp"
    assert document.facts.municipality == "Svendborg Kommune"


def test_english_headed_email_end_to_end() -> None:
    [document] = process_bytes(ENGLISH_EMAIL.encode("utf-8"), "mail.txt", Settings()).documents
    assert document.kind == "email"
    got = roles(document.facts.people)
    assert got["sender"] == [("Karen Holm", "Specialkonsulent", "kaho@odense.dk", None)]
    assert got["recipient"] == [("Borgmesterens Kontor", None, None, None)]
    assert "signer" not in got


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


def test_aarhus_committee_members() -> None:
    path = SHARED / "samples" / "aarhus" / "02_aarhus-teknisk-udvalg-referat-2025-10-01.txt"
    if not path.is_file():
        pytest.skip(f"sample not found at {path}")
    members = {p.name for p in process_file(path, Settings()).documents[0].facts.people if p.role == "member"}
    assert {"Jesper Kjeldsen", "Steffen Wich", "Gert Bjerregaard", "Metin Lindved Aydin", "Solveig Munk"} <= members
