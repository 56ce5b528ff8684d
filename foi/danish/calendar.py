"""The Danish calendar as documents write it: month names and abbreviations, weekdays, and dates
written out ("23. oktober 2018"). The one month table is `data/calendar.toml`; regular expressions
elsewhere write `{MONTH}` or `{WEEKDAY}` and `foi.extract.pattern_data` fills them in from here."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _calendar() -> dict[str, Any]:
    return tomllib.loads(resources.files("foi.danish").joinpath("data/calendar.toml").read_text("utf-8"))


def month_names() -> tuple[str, ...]:
    """The twelve Danish month names in order: januar … december."""
    return tuple(_calendar()["names"])


def months() -> dict[str, int]:
    """Every month word foi reads (names and abbreviations, Danish and English) -> month number."""
    return dict(_calendar()["months"])


def weekdays() -> dict[str, int]:
    """Every weekday word foi reads -> weekday number (Monday = 0)."""
    return dict(_calendar()["weekdays"])


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex group matching any of `words`, longest first (so "sept" wins over "sep")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def placeholders() -> dict[str, str]:
    """What `{MONTH}`, `{MONTH_NAME}` and `{WEEKDAY}` stand for in a pattern file."""
    return {"{MONTH}": alternation(list(months())), "{MONTH_NAME}": alternation(month_names()),
            "{WEEKDAY}": alternation(list(weekdays()))}


def month_number(word: str) -> int | None:
    """"oktober", "okt", "Oct" -> 10; None for a word that is not a month."""
    return months().get(word.lower().rstrip("."))


def format_date(value: str | dt.date | None, missing: str = "[INDSÆT DATO]") -> str:
    """An ISO date (or a date) as a Danish letter writes it: "23. oktober 2018"; `missing` for none."""
    if value is None or value == "":
        return missing
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return f"{day.day}. {month_names()[day.month - 1]} {day.year}"
