"""Danish as a municipality writes it: dates ("23. oktober 2018"), genitives, alphabetical order."""

from __future__ import annotations

from foi.danish.calendar import format_date

# Dates are found by the extraction's one date finder (foi.extract.facts.dates.find), not here.
__all__ = ["format_date", "genitive", "lower_first", "sort_key"]


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
