"""Numbers written in words, kept once (`data/numerals.toml`): "tre virksomheder", "ingen klager".

    numeral_value("Tre")   -> 3
    numeral_value("141")   -> 141
    numeral_value("2.140") -> 2140
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def numerals() -> dict[str, int]:
    """Written number (lower case) -> its value."""
    raw = tomllib.loads(resources.files("foi.danish").joinpath("data/numerals.toml").read_text("utf-8"))
    return {word: int(value) for word, value in raw["numerals"].items()}


def numeral_pattern() -> str:
    """A regex alternation of the written numbers, longest first (for the {NUMERAL} placeholder)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(numerals(), key=len, reverse=True)) + ")"


def numeral_value(word: str) -> int | None:
    """The value of a written number or of digits with thousands dots ("2.140"); None for anything else."""
    word = word.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", word):
        return int(word.replace(".", ""))
    return numerals().get(word)
