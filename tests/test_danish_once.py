"""Danish-language knowledge lives once: month names, the closing formula and legal forms each in one
data file of foi/danish, case-number schemes in the case-number grammar. A second table anywhere in
the code fails here, so a fix made in one place reaches every rule."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from foi.danish.calendar import format_date, month_names, month_number, weekdays
from foi.danish.patterns import placeholders
from foi.extract.pattern_data import load_patterns

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "foi" / "danish" / "data"
CODE = [p for folder in ("extract", "foi", "responses", "templates") for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".toml", ".txt", ".j2") and DATA not in p.parents]

# what a second copy would look like: three month names in one file; the closing formula or a
# legal-form list written as a regular expression
SECOND_COPY = {
    "month table": re.compile(r"(?=.*\bjanuar\b)(?=.*\bfebruar\b)(?=.*\bmarts\b)", re.IGNORECASE | re.DOTALL),
    "closing formula": re.compile(r"venlig(?:\(|\\s|\[)|hilsen\\b|\bmvh\\", re.IGNORECASE),
    "legal forms": re.compile(r"a/s\|aps|aps\|i/s|\"aps\"\s*[:=]", re.IGNORECASE),
    "numeral table": re.compile(r"(?=.*\bfjorten\b)(?=.*\bfemten\b)(?=.*\bseksten\b)", re.IGNORECASE | re.DOTALL),
}


@pytest.mark.parametrize("what", sorted(SECOND_COPY))
def test_no_second_copy_in_the_code(what: str) -> None:
    found = [p.relative_to(ROOT).as_posix() for p in CODE if SECOND_COPY[what].search(p.read_text("utf-8"))]
    assert found == [], f"a second {what}: use foi.danish (or a {{placeholder}} in a pattern file)"


def test_each_lives_in_one_data_file() -> None:
    assert SECOND_COPY["month table"].search((DATA / "calendar.toml").read_text("utf-8"))
    assert SECOND_COPY["closing formula"].search((DATA / "cues.toml").read_text("utf-8"))
    assert '"aps" = "ApS"' in (DATA / "legal_forms.toml").read_text("utf-8")


def test_case_number_schemes_are_declared_once_in_the_grammar() -> None:
    grammar = tomllib.loads((ROOT / "extract" / "facts" / "patterns" / "case_numbers.toml").read_text("utf-8"))
    declared = {s["name"] for s in grammar["scheme"]}
    from foi.store.queries import CASE_SCHEMES, DOCUMENT_SCHEMES

    assert set(CASE_SCHEMES) | set(DOCUMENT_SCHEMES) <= declared


@pytest.mark.parametrize(
    ("sentence", "pattern", "found"),
    [
        ("Mødet holdes mandag den 3. okt. 2022", "{WEEKDAY}", "mandag"),
        ("Mødet holdes mandag den 3. okt. 2022", "{MONTH}", "okt"),
        ("Brevet er dateret 23. oktober 2018.", "{MONTH_NAME}", "oktober"),
        ("Med venlig hilsen\nAnne Holm", "{CLOSING}", "Med venlig hilsen"),
        ("Mvh. Peter", "{CLOSING}", "Mvh."),
        ("Leverandør: Dansk Supermarked A/S", "{LEGAL_FORM}", "A/S"),
        ("Tre miljøgodkendelser blev meddelt.", "{NUMERAL}", "Tre"),
    ],
)
def test_each_placeholder_on_a_danish_sentence(sentence: str, pattern: str, found: str) -> None:
    match = re.search(placeholders()[pattern], sentence, re.IGNORECASE)
    assert match is not None and match.group(0) == found


def test_the_calendar() -> None:
    assert month_names()[9] == "oktober" and month_number("Okt.") == 10 and month_number("sept") == 9
    assert weekdays()["lørdag"] == 5
    assert format_date("2018-10-23") == "23. oktober 2018"


def test_pattern_files_get_the_placeholders_filled() -> None:
    kinds = load_patterns("kinds", "foi.extract")
    assert "{MONTH" not in str(kinds) and "{CLOSING}" not in str(kinds)
