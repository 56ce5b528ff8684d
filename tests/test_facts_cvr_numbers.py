"""CVR numbers, a fact kind added by one declaration (extract/model.py) and one rule module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_components

from foi.cli import main


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Leverandøren er Dansk Supermarked A/S, CVR-nr. 35 95 47 16.", ["35954716"]),
        ("Netto ApS (cvr.nr.25313763) har modtaget tilskud.", ["25313763"]),
        ("Faktura sendes til SE-nr. 25313763.", ["25313763"]),
        ("CVR: 35954716 og igen CVR 35954716", ["35954716"]),
        ("Ring på tlf. 35954716 for at høre mere.", []),  # a phone number, not labelled as CVR
        ("CVR-nr. 12345678 er ikke et gyldigt nummer.", []),  # fails the modulus-11 check
        ("Sagsnr. 2018-0000088 vedrører virksomheden.", []),
    ],
)
def test_cvr_numbers_in_danish_sentences(sentence: str, numbers: list[str]) -> None:
    doc = run_components(sentence, "cvr_numbers")
    assert [c.value for c in doc._.facts.cvr_numbers] == numbers


def test_cvr_numbers_are_stored_and_in_the_json(tmp_path: Path) -> None:
    letter = tmp_path / "brev.txt"
    letter.write_text("Kære Anne Hansen\n\nTilskuddet går til Fakta A/S, CVR-nr. 35 95 47 16.\n\nMed venlig hilsen\n"
                      "Peter Jensen\n", "utf-8")
    runner = CliRunner()
    shown = runner.invoke(main, ["extract", "--json", str(letter)])
    assert shown.exit_code == 0, shown.output
    document = json.loads(shown.stdout)["documents"][0]
    assert document["cvr_numbers"] == [{"value": "35954716", "raw": "35 95 47 16"}]
    db = tmp_path / "foi.db"
    assert runner.invoke(main, ["extract", str(letter), "--db", str(db), "-q"]).exit_code == 0
    import sqlite_utils

    rows = list(sqlite_utils.Database(db).query("select value, raw from cvr_numbers"))
    assert rows == [{"value": "35954716", "raw": "35 95 47 16"}]
