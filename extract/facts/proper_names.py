"""Proper names: one capitalised word standing mid-sentence, where Danish writes a noun in lower case,
at least twice, never part of a longer name, not a place, a person's name, a title before a number
or a definite noun.
"""

from __future__ import annotations

import re

from foi.extract.facts.organization_data import (
    LOWER,
    UPPER,
    Found,
    Paragraph,
    is_place,
    mask_quotes,
    patterns,
    sentence_initial,
    stop_word,
)

_WORD = re.compile(rf"(?<![\w.\-/@])([{UPPER}][{LOWER}]{{2,}})(?![\w\-/@]|\.\w)")
_LOCATIVE = re.compile(r"(?:^|\s)(?:i|på|ved|nær|til|omkring|mellem|gennem|mod|over|langs)\s+$", re.IGNORECASE)
# a bare capitalised word is a name when it stands mid-sentence this often, or once and more often elsewhere
_MIN_MENTIONS = 2

def _standalone(text: str, start: int, end: int) -> bool:
    """Is the word at text[start:end] not one word of a longer name ("Anna Mee", "Sundhed og Omsorg")?"""
    before = text[max(0, start - 80) : start].rstrip()
    after = text[end : end + 80].lstrip()
    capital = rf"[{UPPER}0-9]"
    joiner = r"(?:og|&|for|ved|de|von|van|of|and|the)"
    if re.search(rf"(?:^|\s){capital}[\w’'-]*(?:\s+{joiner})?$", before):
        return False
    if re.match(r"\d", after):
        return False  # a title before a number: "Budget 2020"
    return not re.match(rf"(?:{joiner}\s+)?{capital}", after) or text[end : end + 1] in ".,;:!?"


def proper_names(paras: list[Paragraph], person_words: set[str]) -> list[Found]:
    """Single capitalised words that stand alone mid-sentence, written at least twice.

    Never part of a longer capitalised name anywhere in the document; a word after a preposition of
    place ("i Lisbjerg", "på Grenåvej") is no evidence, as places are named that way.
    """
    p = patterns()
    seen: dict[str, list[int]] = {}
    evidence: dict[str, int] = {}
    bound: set[str] = set()
    for para in paras:
        text = mask_quotes(para.text)
        for m in _WORD.finditer(text):
            word = m.group(1)
            seen.setdefault(word, []).append(para.start(m.start()))
            if not _standalone(text, m.start(), m.end()):
                bound.add(word)
                continue
            at_line_start = m.start() == 0 or para.offsets[m.start() - 1] == -1
            locative = _LOCATIVE.search(text[max(0, m.start() - 20) : m.start()])
            if not at_line_start and not sentence_initial(text, m.start()) and not locative:
                evidence[word] = evidence.get(word, 0) + 1
    out: list[Found] = []
    for word, starts in seen.items():
        strong = evidence.get(word, 0)
        if word in bound or len(word) < 4 or not (strong >= _MIN_MENTIONS or (strong and len(starts) > _MIN_MENTIONS)):
            continue
        if stop_word(word) or word in p.head_words or word in person_words:
            continue
        if is_place(word) or re.search(r"(en|et|ne|ens|ets|nes)$", word) or word.lower().endswith(p.unit_suffixes):
            continue
        out.append((word, min(starts)))
    return out
