"""Attachments: labelled lines, lists under a heading, what is not a list; the seeds against their gold."""

from __future__ import annotations

import difflib

import pytest
from conftest import SeedPair

from foi.extract.facts.attachments import find
from foi.extract.process import process_bytes
from foi.settings import Settings


def names(text: str) -> list[str]:
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line, "body"))
        offset += len(line) + 1
    return [a.name for a in find(lines)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Med venlig hilsen\n\nTanja Franck\n\nBilag: Oversigt over virksomheder, der har haft borgere i praktik.",
            ["Oversigt over virksomheder, der har haft borgere i praktik."],
        ),
        (
            "Emne: Mål\nVedhæftede filer: Brev til Socialborgmesteren.pdf; Halvårsstatus 2015 - SOF.pdf\n\nKære udvalg",
            ["Brev til Socialborgmesteren.pdf", "Halvårsstatus 2015 - SOF.pdf"],
        ),
        ("Vedlagt: Kort over området (pdf)", ["Kort over området"]),
        (
            "Bilag\n\n  1. Tv2 Lorry - artikel om intrgration (pdf)\n\n3. Afrapportering på mål 4d.",
            ["Tv2 Lorry - artikel om intrgration"],
        ),
        (
            "Bilag\n\n  1. Bilag 2 kommunal beskæftigelsesbonus (pdf)\n"
            "  2. Udbetaling af flygtninge bonus (pdf)\n\n7. Næste",
            ["Bilag 2 kommunal beskæftigelsesbonus", "Udbetaling af flygtninge bonus"],
        ),
        (
            "Jesper deltog ikke.\nBilag\nIndstilling\nBilag 1: Forslag til lokalplan nr. 1221, Kattrup med\ntillæg 1\n"
            "Byrådsdebat 09.04.2025\nPunkt 3: Parkering",
            ["Indstilling", "Forslag til lokalplan nr. 1221, Kattrup med tillæg 1", "Byrådsdebat 09.04.2025"],
        ),
        (
            "Beslutninger\nIngen bemærkninger.\nBilag\nPDF\nReferat fra møde den 22. september 2025\n"
            "1\nHent som PDF\n2\nUdvikling",
            ["Referat fra møde den 22. september 2025"],
        ),
    ],
)
def test_attachment_forms(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_file_names_in_lower_case_are_separate_attachments() -> None:
    assert names("Bilag:\nbrev.pdf\nnotat om skolen.docx\n\nKære Jens") == ["brev.pdf", "notat om skolen.docx"]


def test_an_annex_titled_bilag_is_not_a_list() -> None:
    text = "NOTAT\n\nBilag\n\nOversigt over virksomheder, som har haft borgere i praktik:\n\naccent aps\nalex aps"
    assert names(text) == []


def test_a_sentence_about_an_annex_is_not_an_attachment_line() -> None:
    assert names("Forvaltningen har som bilag vedlagt en oversigt over virksomheder.") == []


def test_attachments_of_an_email_written_here() -> None:
    mail = (
        "Fra: Karen Holm <kh@example.dk>\nSendt: 4. marts 2024 09:12\nTil: Skoleforvaltningen\nEmne: Klage\n"
        "Vedhæftede filer: Klage.docx; Billeder af legepladsen.zip\n\nHej\n\nSe vedhæftede.\n\nMvh Karen\n"
    )
    facts = process_bytes(mail.encode("utf-8"), "mail.txt", Settings()).documents[0].facts
    assert [a.name for a in facts.attachments] == ["Klage.docx", "Billeder af legepladsen.zip"]


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        if "attachments" not in g:
            continue
        found = [a.name for a in doc.facts.attachments] if doc else []
        if len(found) != len(g["attachments"]) or any(
            difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() < 0.9
            for a, b in zip(found, g["attachments"], strict=False)
        ):
            misses.append((file, n, found, g["attachments"]))
    assert misses == []
