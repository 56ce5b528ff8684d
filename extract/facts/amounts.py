"""Amounts of money: "350.000 kr." -> 350000 DKK, "1,5 mio. kr." -> 1500000, "DKK 2.500", "kr. 500,-".

An amount is a number next to a currency word, with or without a multiplier (mio., mill., mia.);
a number alone ("50-60 pct.", "i 2017", "3.000 borgere") is not one. Danish numbers use "." for
thousands and "," for decimals. Each (value, currency) is kept once per document, at its first
mention. The words are data: `patterns/amounts.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import ASSIGNS, facts_of, first_of_each, set_spans
from foi.extract.model import Amount
from foi.extract.pattern_data import load_patterns

_YEAR = re.compile(r"(?:19|20)\d\d")


def _raw() -> dict[str, Any]:
    return load_patterns("amounts")


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = _raw()
    number = raw["number"]
    mult = _words(list(raw["multipliers"]))
    after = _words(list(raw["currencies"]["after"]))
    before = _words(list(raw["currencies"]["before"]))
    word_end = r"(?![a-zæøå])"
    number_after = re.compile(
        rf"(?<![\w.,])(?P<num>{number})\s?(?:(?P<mult>{mult}){word_end}\.?\s?)?(?P<cur>{after}){word_end}(?P<dot>\.(?!\d))?",
        re.IGNORECASE,
    )
    number_before = re.compile(
        rf"(?<!\w)(?P<cur>{before}){word_end}\.?\s?(?P<num>{number})(?![\d])(?:\s?(?P<mult>{mult}){word_end}\.?)?",
        re.IGNORECASE,
    )
    return number_after, number_before


def parse_number(text: str) -> float:
    """A number as Danish writes it: "350.000" -> 350000, "1,5" -> 1.5, "500,-" -> 500."""
    s = text.strip().removesuffix(",-").replace("\u00a0", "").replace(" ", "")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif "." in s and all(len(part) == 3 for part in s.split(".")[1:]):
        s = s.replace(".", "")
    return float(s)


def _lookup(table: dict[str, Any], word: str) -> Any:
    return table[re.sub(r"\s+", " ", word.lower())]


def find(text: str) -> list[Amount]:
    """Every amount of money in a text, in reading order, each (value, currency) once."""
    raw = _raw()
    number_after, number_before = _patterns()
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for pattern, side in ((number_after, "after"), (number_before, "before")):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if side == "before" and not m.group("mult") and _YEAR.fullmatch(m.group("num")):
                continue  # "kr. 2026" is a year after an amount, not an amount
            value = parse_number(m.group("num"))
            if m.group("mult"):
                value *= _lookup(raw["multipliers"], m.group("mult"))
            currency = _lookup(raw["currencies"][side], m.group("cur"))
            end = m.end()
            if side == "after" and m.group("dot") and m.group("cur").lower() not in raw["abbreviations"]:
                end = m.end("cur")  # "20 000 kroner." ends a sentence
            written = re.sub(r"\s+", " ", text[m.start() : end].strip())
            found.append(Amount(round(value, 2), currency, written, m.start()))
            taken.append((m.start(), end))
    found.sort(key=lambda a: a.start)
    return first_of_each(found, lambda a: (a.value, a.currency))


@Language.component("amounts", assigns=ASSIGNS)
def find_amounts(doc: Doc) -> Doc:
    found = find(doc.text)
    facts_of(doc).amounts = found
    set_spans(doc, "amounts", ((a.start, a.start + len(a.text), a.currency) for a in found))
    return doc
