"""What a question asks: a count, an amount, a date, a list of names, a reason, a procedure, a yes or
no, an opinion, or a fact of a document (its case number, its signer) -- and the terms it is about.

    classify("Hvor mange borgere var i virksomhedspraktik i 2018?")     -> "count"
    classify("Hvad har kommunen betalt for frikøb af mentorer?")        -> "amount"
    classify("Hvorfor er sagen ikke behandlet?")                        -> "reason"

The cues are data (responses/patterns/drafting.toml [types]), tried in the order written there.
An earlier answer is reused only for a question of a type it can answer (`responses.reuse`).
"""

from __future__ import annotations

import re

from foi.extract.pattern_data import load_patterns

_TYPES: dict[str, re.Pattern[str]] = {
    kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for kind, patterns in load_patterns("drafting", "foi.responses")["types"].items()
}
KINDS = (*_TYPES, "other")


def classify(question: str) -> str:
    """The first type whose cue the question holds; "other" when none does."""
    text = " ".join(question.split())
    for kind, pattern in _TYPES.items():
        if pattern.search(text):
            return kind
    return "other"
