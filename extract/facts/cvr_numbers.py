"""CVR numbers: a company's number in the Central Business Register, after a label.

"CVR-nr. 25 31 37 63" -> 25313763. Only labelled numbers that pass the register's modulus-11 check
(python-stdnum) count, so a phone number or a case number is never one. Journalists follow a
company by its CVR number across documents; the labels are data: `patterns/cvr_numbers.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from stdnum.dk import cvr

from foi.extract.facts.context import ASSIGNS, facts_of, first_of_each, set_spans
from foi.extract.model import CvrNumber
from foi.extract.pattern_data import any_of, load_patterns


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    raw = load_patterns("cvr_numbers")
    labels = any_of(raw["labels"]).pattern
    return re.compile(rf"(?<![\w])(?:{labels})\s*(?P<number>{raw['number']})(?!\d)", re.IGNORECASE)


def find(text: str) -> list[CvrNumber]:
    """Every labelled, valid CVR number in a text, each once, in reading order."""
    found = []
    for m in _pattern().finditer(text):
        value = re.sub(r"\s", "", m.group("number"))
        if cvr.is_valid(value):
            found.append(CvrNumber(value, m.group("number"), m.start("number")))
    return first_of_each(found, lambda c: c.value)


@Language.component("cvr_numbers", assigns=ASSIGNS)
def find_cvr_numbers(doc: Doc) -> Doc:
    found = find(doc.text)
    facts_of(doc).cvr_numbers = found
    set_spans(doc, "cvr_numbers", ((c.start, c.start + len(c.raw), "CVR") for c in found))
    return doc
