"""Dates: every written form, the roles, plausibility, the seeds against their gold, documents written here."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SeedPair

from foi.extract.facts.context import attach
from foi.extract.facts.dates import date_mentions, find
from foi.extract.facts.pipeline import load_pipeline
from foi.extract.model import DateMention, Document, Line
from foi.extract.process import process_bytes
from foi.settings import Settings

TODAY = dt.date(2025, 10, 1)


def dates(text: str) -> list[str]:
    return [m.date.isoformat() for m in find(text, TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brevet er dateret 23. oktober 2018.", "2018-10-23"),
        ("10-03-2023", "2023-03-10"),
        ("Tak for din henvendelse af d. 1/3 2023.", "2023-03-01"),
        ("med forventet ikrafttrædelse d. 22.3.2023, vil", "2023-03-22"),
        ("Mødet den 25.09.17 flyttes.", "2017-09-25"),
        ("Dato: Mandag den 28. august 2017", "2017-08-28"),
        ("Sendt: 6. oktober 2015 17:31", "2015-10-06"),
        ("En gennemgang af virk.dk, 30.09.2015, gav", "2015-09-30"),
        ("Mødedato Onsdag d. 27. august 2025 kl. 16:00", "2025-08-27"),
        ("REFERAT Aarhus Byråd d. 27-08-2025", "2025-08-27"),
        ("Oprettet 2025-08-27 af systemet", "2025-08-27"),
        ("Notat, 18.08.25, BA", "2025-08-18"),
        ("opzoomernes støtteforening af 6.12.2011", "2011-12-06"),
        ("Ændret 27. aug. 2025 efter høring", "2025-08-27"),
        ("Sent: Tuesday, October 6, 2015 5:31 PM", "2015-10-06"),
        ("Date: Tue, 6 Oct 2015 17:31:00 +0200", "2015-10-06"),
        ("artikel den 1. oktober 2108 om", "2108-10-01"),  # a typo stays as written
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vedtaget. Byrådet 25. juni",  # no year
        "Sagsnr. 2018-0000088-148",
        "Dokumentnummer i F2 2834597",
        "Sagsnummer i F2 2023 - 3701",
        "Åbent kl. 09.00-15.00 og kl. 15:45",
        "en bonus på 350.000 kr. og 1.126 mio. kr.",
        "Strategien blev afsluttet ved årsskiftet 2022/2023.",
        "For cirka 1/6 af disse borgere",
        "som angivet i afsnit 5.2.1",
        "J.nr. 27.12.08-P20-1-16",
        "Telefon 33 66 28 51",
        "31.02.2020",  # no such day
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text) == []


def mentions(text: str, kind: str = "letter") -> tuple[list[DateMention], DateMention | None]:
    document = Document(1, kind, [Line(t) for t in text.split("\n")])
    doc = attach(load_pipeline().make_doc(document.full_text), document)
    return date_mentions(doc, TODAY)


def roles(text: str, kind: str = "letter") -> dict[str, str]:
    found, _own = mentions(text, kind)
    return {d.date: d.role for d in found}


def test_letter_date_line_is_the_document_date() -> None:
    text = "Til\nJens Hansen\n\n23. oktober 2018\n\nSagsnr.\n2018-0000088"
    text += "\n\nKære Jens\n\nBIU fik besked d. 21. august 2018."
    assert roles(text) == {"2018-10-23": "document", "2018-08-21": "mentioned"}


def test_inquiry_dates() -> None:
    assert roles("Tak for din henvendelse af 3. oktober 2018 til forvaltningen.")["2018-10-03"] == "inquiry"
    assert roles("Tak for din henvendelse af d. 1/3 2023, hvor du spørger")["2023-03-01"] == "inquiry"
    assert roles("Jeg har modtaget din mail af 2. maj 2024.")["2024-05-02"] == "inquiry"
    assert roles("Svar på dit brev af 14.02.2024 om skolen.")["2024-02-14"] == "inquiry"
    assert roles("Vi har behandlet din ansøgning, CPR-nr. 010190-1234, som vi modtog den 16. august 2021.")[
        "2021-08-16"
    ] == "inquiry"


def test_meeting_dates() -> None:
    text = "Arbejdsmarkedsudvalgets møde den 25.09.17 flyttes til den 20.09.17."
    assert roles(text) == {"2017-09-25": "meeting", "2017-09-20": "mentioned"}


def test_email_sent_header_is_the_document_date() -> None:
    text = "Fra: Pia Jacobsen\nSendt: 6. oktober 2015 17:31\nTil: Borgmesteren"
    text += "\nEmne: Mål\n\nSe notat af 1. oktober 2015."
    _found, own = mentions(text, "email")
    assert own is not None and own.date == "2015-10-06"


def test_minutes_meeting_date_beats_the_title_and_the_case_history() -> None:
    text = (
        "REFERAT Aarhus Byråd d. 27-08-2025\nMødedato\nOnsdag d. 27. august 2025 kl. 16:00\nMødested Byrådssalen\n"
        "Punkt 1: Godkendelse\nSagsforløb\nUdvalg: Magistraten\nDato: 19-08-2025\n"
    )
    _found, own = mentions(text, "minutes")
    assert own is not None and own.date == "2025-08-27"


def test_annex_updated_line_dates_it() -> None:
    _found, own = mentions("Sager på vej – Sundhed og Omsorg 2025\nTil: Udvalget\nAjourført: 29. august 2025\nSag Afd.")
    assert own is not None and own.date == "2025-08-29"


def test_a_year_far_ahead_is_implausible_but_kept() -> None:
    found, _own = mentions("23. oktober 2018\n\nKære Anna\n\nArtiklen fra den 1. oktober 2108 handler om mentorer.")
    by_date = {d.date: d for d in found}
    assert by_date["2108-10-01"].plausible is False
    assert by_date["2018-10-23"].plausible is True


def test_each_date_once_with_its_strongest_role() -> None:
    found, _own = mentions("Dato: 28. august 2017\n\nBeslutning den 28-08-2017\nBeslutning den 28-08-2017", "minutes")
    assert [(d.date, d.role, d.text) for d in found] == [("2017-08-28", "document", "28. august 2017")]


def test_start_is_the_offset_in_the_text() -> None:
    text = "Til Anna\n\n3. marts 2024\n\nKære Anna"
    found, _own = mentions(text)
    assert text[found[0].start :].startswith("3. marts 2024")


def test_documents_written_here_get_their_dates() -> None:
    letter = (
        "Odense Kommune\nBy- og Kulturforvaltningen\n\nOdense, den 4. april 2024\n\nJ.nr. 2024-1234\n\nKære Lise\n\n"
        "Tak for dit brev af 21.03.2024 om legepladsen. Sagen behandles på udvalgets møde den 2. maj 2024.\n\n"
        "Med venlig hilsen\n\nPer Holm\n"
    )
    result = process_bytes(letter.encode("utf-8"), "brev.txt", Settings())
    facts = result.documents[0].facts
    assert (facts.date, facts.inquiry_date) == ("2024-04-04", "2024-03-21")
    assert {d.date: d.role for d in facts.dates}["2024-05-02"] == "meeting"


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        facts = doc.facts if doc else None
        got = {
            "date": facts and facts.date,
            "inquiry_date": facts and facts.inquiry_date,
            "dates": sorted({d.date for d in facts.dates}) if facts else [],
        }
        for field in ("date", "inquiry_date", "dates"):
            want = sorted(set(g[field])) if field == "dates" and field in g else g.get(field)
            if field in g and got[field] != want:
                misses.append((file, n, field, got[field], want))
    assert misses == []
