"""Names: Danish first names (a capitalised word that is a person's name) and the words that mark a
business ("consult", "service"), kept once as word lists in `data/`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("foi.danish").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def first_names() -> frozenset[str]:
    """First names common in Denmark, lower case: "anne", "mads", "søren"."""
    return _word_list("first_names.txt")


def business_words() -> frozenset[str]:
    """Words that make a name a business's: "consult", "service", "byg"."""
    return _word_list("business_words.txt")
