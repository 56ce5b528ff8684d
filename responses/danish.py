"""Danish as a municipality writes it: dates ("23. oktober 2018"), genitives, alphabetical order."""

from __future__ import annotations

import datetime as dt
import re

from foi.danish.calendar import format_date, month_number, placeholders

__all__ = ["find_dates", "format_date", "genitive", "lower_first", "parse_date", "sort_key"]

_LONG = re.compile(r"\b(\d{1,2})\.\s*(" + placeholders()["{MONTH}"] + r")\.?\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_SHORT = re.compile(r"\b(\d{1,2})/(\d{1,2})[\s-]+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of every full date in a text: "3. oktober 2018", "10-03-2023", "1/3 2023", ISO."""
    found: list[tuple[int, str]] = []
    for m in _LONG.finditer(text):
        iso = _valid(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for pattern, order in ((_NUMERIC, (3, 2, 1)), (_SHORT, (3, 2, 1)), (_ISO, (1, 2, 3))):
        for m in pattern.finditer(text):
            if any(abs(m.start() - start) < 3 for start, _ in found):
                continue
            iso = _valid(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
            if iso:
                found.append((m.start(), iso))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """The first full date in a text, as ISO."""
    found = find_dates(text)
    return found[0][1] if found else None


def genitive(name: str) -> str:
    """"Beskæftigelses- og Integrationsforvaltningen" -> "…forvaltningens"; names ending in s, x, z get none."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


_FOLD = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y", "é": "e", "è": "e"})


def sort_key(text: str) -> tuple[str, str]:
    """Danish alphabetical order: æ, ø, å after z, and "aa" read as å (as in "maaltidet")."""
    folded = text.casefold().replace("aa", "å")
    return folded.translate(_FOLD), text


def lower_first(text: str) -> str:
    """A subject line used inside a sentence: "Spørgsmål om X" -> "spørgsmål om X"; "BIU" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
