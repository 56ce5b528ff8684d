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


def test_two_askers_are_greeted_together_and_addressed_in_the_plural(corpus_db: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from foi.cli import main

    out = tmp_path / "svar.docx"
    result = CliRunner().invoke(main, ["draft", str(DRAFTING / "frederiksberg_spoergsmaal.txt"), "--db",
                                       str(corpus_db), "--out", str(out), "--markdown"])
    assert result.exit_code == 0, result.output
    md = out.with_suffix(".md").read_text("utf-8")
    assert "Kære Lise Brandt og Peter Holm" in md
    assert "Tak for jeres henvendelse" in md and "I spørger om følgende" in md
    assert "din henvendelse" not in md and "Du spørger" not in md
