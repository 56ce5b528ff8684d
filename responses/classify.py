"""What a question asks: a count, an amount, a date, a list of names, a reason, a procedure, a yes or
no, an opinion, or a fact of a document (its case number, its signer) -- and the terms it is about.

    classify("Hvor mange borgere var i virksomhedspraktik i 2018?")     -> "count"
    classify("Hvad har kommunen betalt for frikøb af mentorer?")        -> "amount"
    classify("Hvorfor er antallet af ledige plejeboliger steget?")      -> "reason"
    classify("Er det korrekt, at biblioteket lukkes i budget 2025?")    -> "yesno"

The cues are data (responses/patterns/drafting.toml [types]). The cue that comes first in the question
decides ("Hvorfor er antallet …" asks why, not how many); at the same place the longer cue, then the
order written there.
A question that opens with a verb ("Er det korrekt, at …", "Vil forvaltningen …") asks yes or no,
unless a question word inside it asks for more ("Kan forvaltningen oplyse, hvor mange …").
An earlier answer is reused only for a question of a type it can answer (`responses.reuse`).
"""

from __future__ import annotations

import re

from foi.extract.pattern_data import load_patterns

_DATA = load_patterns("drafting", "foi.responses")
_TYPES: dict[str, re.Pattern[str]] = {
    kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for kind, patterns in _DATA["types"].items()
}
_ASKS_MORE = re.compile("|".join(f"(?:{p})" for p in _DATA["asks_more"]["embedded"]), re.IGNORECASE)
KINDS = (*_TYPES, "other")


def classify(question: str) -> str:
    """The type whose cue comes first in the question; "other" when none does."""
    text = " ".join(question.split())
    # the first cue; at the same place the longer ("hvor mange penge" over "hvor mange"), then the order written
    found = [(m.start(), -len(m.group(0)), order, kind) for order, (kind, pattern) in enumerate(_TYPES.items())
             if kind != "yesno" and (m := pattern.search(text))]
    if _TYPES["yesno"].search(text) and not _ASKS_MORE.search(text):
        return "yesno"
    return min(found)[3] if found else ("yesno" if _TYPES["yesno"].search(text) else "other")
