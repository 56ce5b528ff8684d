"""Minutes: committee, time, place, agenda items and decisions, in several layouts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_components

import foi.extract.facts.agenda_items  # noqa: F401 - registers the component
from foi.extract.model import Facts
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
AARHUS = SHARED / "samples" / "aarhus"


def facts(text: str, kind: str = "minutes") -> Facts:
    return run_components(text, "agenda_items", kind=kind)._.facts


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().casefold()


WEB_MINUTES = """\
Referat - Økonomiudvalget den 3. maj 2021

Mødefakta

Dato: Mandag den 3. maj 2021
Mødetidspunkt: Kl. 17:00
Mødested: Mødelokale 1

Medlemmer

  • Lone Hansen (V)
  • Karim Said (A)

1. Godkendelse af dagsorden

Beslutning i Økonomiudvalget den 03-05-2021

Godkendt.

2. Salg af ejendom på Havnevej

Indstilling

Direktionen indstiller til Økonomiudvalget

  1. at ejendommen sættes til salg.
  2. at mindsteprisen er 2 mio. kr.

Beslutning i Økonomiudvalget den 03-05-2021

Indstillingen blev godkendt.

Sagsfremstilling

Ejendommen har stået tom siden 2019. Processen har tre trin:

1)Vurdering af ejendommen.

2)Udbud.

Bilag

  1. Tilstandsrapport (pdf)
  2. Kort over grunden (pdf)

3. Eventuelt

Beslutning i Økonomiudvalget den 03-05-2021

Intet.
"""


def test_web_minutes_with_numbered_items() -> None:
    f = facts(WEB_MINUTES)
    assert f.committee == "Økonomiudvalget"
    assert f.meeting_time == "17:00"
    assert f.meeting_place == "Mødelokale 1"
    assert [(a.number, a.title, a.decision) for a in f.agenda_items] == [
        (1, "Godkendelse af dagsorden", "Godkendt."),
        (2, "Salg af ejendom på Havnevej", "Indstillingen blev godkendt."),
        (3, "Eventuelt", "Intet."),
    ]


INLINE_BLOCKS = """\
Kommunalbestyrelsen i Odder
Referat fra mødet den 10. juni 2024
Tidspunkt: 19.00
Sted: Rådhuset, mødesal 1

Punkt 1. Godkendelse af dagsorden
Sagsnr.: 24/1234
Indstilling:
Administrationen indstiller, at dagsordenen godkendes.
Beslutning: Godkendt.

Punkt 2. Salg af byggegrunde i
Hou
Sagsnr.: 24/2222
Indstilling:
Administrationen indstiller, at
1. grundene udbydes til salg,
2. mindsteprisen fastsættes til 800.000 kr.
Beslutning:
Indstillingen blev godkendt med 15 stemmer mod 2.
Fraværende: Per Madsen
"""


def test_minutes_with_indstilling_and_beslutning_blocks() -> None:
    f = facts(INLINE_BLOCKS)
    assert f.committee == "Kommunalbestyrelsen i Odder"
    assert f.meeting_time == "19:00"
    assert f.meeting_place == "Rådhuset, mødesal 1"
    assert [(a.number, a.title, a.case_number) for a in f.agenda_items] == [
        (1, "Godkendelse af dagsorden", "24/1234"), (2, "Salg af byggegrunde i Hou", "24/2222")]
    assert f.agenda_items[0].decision == "Godkendt."
    assert f.agenda_items[1].decision == "Indstillingen blev godkendt med 15 stemmer mod 2."


WEB_TABLE = """\
Udvalg:
Miljøudvalget
Mødedato:
tirsdag den 4. marts 2025 kl. 16.30
Mødested:
Lokale 2
Punkt
Titel
1
Godkendelse af dagsorden
Beslutninger
Godkendt.
Hent som PDF
1
Hent som PDF
2
Budgetopfølgning for 1. kvartal
EMN-2025-000123
Beslutninger
Taget til efterretning.
Resume
Forbruget følger budgettet.
"""


def test_agenda_table_flattened_from_a_web_page() -> None:
    f = facts(WEB_TABLE)
    assert f.committee == "Miljøudvalget"
    assert f.meeting_time == "16:30"
    assert f.meeting_place == "Lokale 2"
    assert [(a.number, a.title, a.case_number, a.decision) for a in f.agenda_items] == [
        (1, "Godkendelse af dagsorden", None, "Godkendt."),
        (2, "Budgetopfølgning for 1. kvartal", "EMN-2025-000123", "Taget til efterretning."),
    ]


def test_table_of_contents_is_no_item_list() -> None:
    f = facts("Referat - Skoleudvalget den 1. april 2022\n\nIndholdsfortegnelse\n"
              "1. Godkendelse af dagsorden ........ 2\n2. Skolestruktur ........ 3\n\n"
              "1. Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n\n2. Skolestruktur\n\nBeslutning: Udsat.\n")
    assert [(a.number, a.decision) for a in f.agenda_items] == [(1, "Godkendt."), (2, "Udsat.")]
    assert f.agenda_items[0].start > 0


def test_repeated_numbers_without_decisions_were_a_table_of_contents() -> None:
    f = facts("Referat - Skoleudvalget den 1. april 2022\n\nIndhold\n1. Godkendelse af dagsorden\n"
              "2. Skolestruktur\n\n1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n\n"
              "2. Skolestruktur\nBeslutning: Udsat.\n")
    assert [(a.number, a.decision) for a in f.agenda_items] == [(1, "Godkendt."), (2, "Udsat.")]


def test_item_numbers_must_rise_one_by_one() -> None:
    f = facts("Referat - Skoleudvalget den 1. april 2022\n\n1. Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n\n"
              "3. Forkert nummer\n\nBeslutning: Intet.\n\n2. Skolestruktur\n\nBeslutning: Udsat.\n")
    assert [a.number for a in f.agenda_items] == [1, 2]


def test_unindented_enclosure_list_is_no_item() -> None:
    f = facts("Referat - Skoleudvalget den 1. april 2022\n\n1. Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n\n"
              "Bilag\n1. Tidsplan (pdf)\n2. Budget (pdf)\n\n2. Skolestruktur\n\nBeslutning: Udsat.\n")
    assert [(a.number, a.title) for a in f.agenda_items] == [(1, "Godkendelse af dagsorden"), (2, "Skolestruktur")]


def test_a_letter_has_no_agenda_items() -> None:
    f = facts("Kære Anna\n\n1. Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n", "letter")
    assert f.agenda_items == [] and f.committee is None


def test_own_minutes_end_to_end() -> None:
    result = process_bytes(INLINE_BLOCKS.encode("utf-8"), "referat.txt", Settings())
    [document] = result.documents
    assert document.kind == "minutes"
    assert [a.number for a in document.facts.agenda_items] == [1, 2]


# --- the seed and the Aarhus samples -----------------------------------------------------------


def test_seed_minutes_match_gold() -> None:
    path = SHARED / "gold" / "004_6a3b9686ae7cb3f0.json"
    if not path.is_file():
        pytest.skip(f"gold not found at {path}")
    gold = json.loads(path.read_text(encoding="utf-8"))["documents"][0]
    f = process_file(ROOT / "corpus" / "004_6a3b9686ae7cb3f0.txt", Settings()).documents[0].facts
    assert f.committee == gold["committee"]
    assert f.meeting_time == "15:00" and f.meeting_place == "Sollentuna II"
    assert [a.number for a in f.agenda_items] == [a["number"] for a in gold["agenda_items"]]
    for got, want in zip(f.agenda_items, gold["agenda_items"], strict=True):
        assert norm(got.title) == norm(want["title"])
        assert norm(got.decision).startswith(norm(want["decision_starts_with"]))


def _sample(name: str) -> Facts:
    path = AARHUS / name
    if not path.is_file():
        pytest.skip(f"sample not found at {path}")
    return process_file(path, Settings()).documents[0].facts


def test_aarhus_council_minutes_punkt_layout() -> None:
    f = _sample("01_aarhus-byraad-referat-2025-08-27.txt")
    assert f.committee == "Aarhus Byråd"
    assert f.meeting_time == "16:00" and f.meeting_place == "Byrådssalen"
    assert [a.number for a in f.agenda_items] == list(range(1, 21))
    first, second = f.agenda_items[:2]
    assert (first.title, first.case_number, first.decision) == (
        "Godkendelse af dagsorden", "EMN-2023-009832", "Godkendt.")
    assert second.title == "Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø"
    assert second.case_number == "EMN-2025-003383"
    assert second.decision.startswith("Fremsendes til Teknisk Udvalg")
    assert "BESLUTNINGSFORSLAG" not in second.decision


def test_aarhus_committee_web_page() -> None:
    f = _sample("02_aarhus-teknisk-udvalg-referat-2025-10-01.txt")
    assert f.committee == "Teknisk Udvalg"
    assert f.meeting_time == "15:45" and f.meeting_place == "Udvalgsværelse 398"
    assert [(a.number, a.case_number) for a in f.agenda_items] == [
        (1, "EMN-2025-010561"), (2, "EMN-2025-009242"), (3, "EMN-2025-008468"), (4, "EMN-2025-010561"),
        (5, None), (6, "EMN-2024-035156")]
    assert f.agenda_items[0].title == "Referat fra sidste udvalgsmøde"
    assert f.agenda_items[0].decision == "Ingen bemærkninger."
