"""The letter's header from the inquiry's real header: the asker without a party tag, never a
closing formula as the subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi.responses.inquiry import read_inquiry

DRAFTING = Path(__file__).resolve().parent / "drafting"


@pytest.mark.parametrize(("inquiry", "sender"), [
    ("frederiksberg_spoergsmaal.txt", "Lise Brandt og Peter Holm"),  # signed "Lise Brandt (DF) og Peter Holm (DF)"
    ("prosa_lyngby.txt", "Karen Vestergaard"),  # signed "Karen Vestergaard (K)"
    ("folketing_spm_nr.txt", "Anne Kjær"),  # "efter ønske fra Anne Kjær (SF)"
])
def test_the_greeting_names_the_asker_without_a_party_tag(inquiry: str, sender: str) -> None:
    assert read_inquiry(DRAFTING / inquiry).sender_name == sender


def test_a_closing_formula_is_never_the_subject(tmp_path: Path) -> None:
    text = ("Fra: Ole Hansen (V) <ole@example.dk>\nEmne: Med venlig hilsen\n\nKære forvaltning\n\n"
            "1. Hvor mange borgere var i praktik i 2023?\n\nMed venlig hilsen\nOle Hansen (V)\n")
    path = tmp_path / "henvendelse.txt"
    path.write_text(text, "utf-8")
    inquiry = read_inquiry(path)
    assert inquiry.sender_name == "Ole Hansen"
    assert (inquiry.subject or "").lower() != "med venlig hilsen"
