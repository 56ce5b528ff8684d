"""Text repair before any rule: damaged Danish text in, the text a person would read out."""

from __future__ import annotations

import pytest

from foi.extract.clean import clean
from foi.extract.model import MARGIN, NOISE, Line
from foi.extract.process import process_bytes
from foi.extract.text_repair import repair_line
from foi.settings import Settings


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("R e f e r a t", "Referat"),
        ("M ø d e  d e n  3 .  a p r i l  2 0 1 9", "Møde den 3. april 2019"),
        ("Beslutning i Ã˜konomiudvalget", "Beslutning i Økonomiudvalget"),
        ("KÃ¸benhavns Kommune, BorgerrÃ¥dgiveren", "Københavns Kommune, Borgerrådgiveren"),
        ("besk\u00e6f\u00adtigelse", "beskæftigelse"),
        ("kr.\u00a0350.000", "kr. 350.000"),
        ("\ufb01nansiering og \ufb02ytning", "finansiering og flytning"),
        ("Sags\u200bnr.", "Sagsnr."),
    ],
)
def test_damaged_text_is_repaired(damaged: str, repaired: str) -> None:
    assert repair_line(damaged) == repaired


@pytest.mark.parametrize(
    "clean_text",
    [
        "Forvaltningen kan oplyse, at 1 2 3 4 er tabellens kolonner.",
        "Tabel 2: 1 2 3 4",
        "Det koster 4 x 4 m² à 350 kr.",
        "København, den 3. marts 2019",
        "Ærø, Åbenrå og Øster Ulslev",
        "Grundbeløbet steg med 2½ % – fra 100 til 102,50 kr.",
    ],
)
def test_clean_text_is_left_alone(clean_text: str) -> None:
    assert repair_line(clean_text) == clean_text


def test_a_soft_hyphen_at_the_end_of_a_line_survives_to_be_joined() -> None:
    assert repair_line("for\u00ad") == "for\u00ad"


def test_a_running_header_is_read_once_and_then_dropped() -> None:
    """The date printed at the top of every page is a fact of the document, but not body text."""
    lines = []
    for page in (1, 2, 3):
        lines += [Line("Notat om vejstøj 2. maj 2024", page), Line(f"Tekst på side {page} om støj.", page),
                  Line("Mere tekst.", page), Line(f"Side {page} af 3", page)]
    roles = [(line.page, line.role) for line in clean(lines) if line.text.startswith("Notat om")]
    assert roles == [(1, MARGIN), (2, NOISE), (3, NOISE)]


def test_a_letter_spaced_heading_reaches_the_facts() -> None:
    text = "R e f e r a t\n\nM ø d e  d e n  3 .  a p r i l  2 0 1 9\n\nUdvalget godkendte dagsordenen.\n"
    result = process_bytes(text.encode("utf-8"), "referat.txt", Settings())
    assert result.status == "ok"
    document = result.documents[0]
    assert document.text.startswith("Referat")
    assert "2019-04-03" in [d.date for d in document.facts.dates]
