"""Proper names: one capitalised word standing mid-sentence, where Danish writes a noun in lower case,
at least twice, never part of a longer name, not a place, a person's name, a title before a number
or a definite noun.
"""

from __future__ import annotations

import re

from foi.extract.facts.legal_forms import patterns as company_patterns
from foi.extract.facts.organization_data import (
    LOWER,
    UPPER,
    Found,
    Paragraph,
    is_place,
    mask_quotes,
    not_first,
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


_PHRASE = re.compile(
    rf"(?<![\w.\-/@])([{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,2}})(?![\w\-/@]|\s+[{UPPER}0-9])"
)
# a name of several words without any other mark stands mid-sentence this often (a person's name seldom does)
_MIN_PHRASE_MENTIONS = 3


def repeated_names(
    paras: list[Paragraph], person_words: set[str], first_names: frozenset[str], lower_words: set[str]
) -> list[Found]:
    """Names of two or three capitalised words written mid-sentence three times or more ("Havnens Perle"),
    a genitive -s taken off ("Havnens Perles fremtid"); not a person, a place, the municipality's unit, or
    a common noun with a capital (its last word written in lower case elsewhere: "Sociale Forhold")."""
    seen: dict[str, list[int]] = {}
    for para in paras:
        text = mask_quotes(para.text)
        for m in _PHRASE.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if re.search(rf"[{UPPER}][\w.’'-]*\s+$", before) or sentence_initial(text, m.start()):
                continue
            if m.start() == 0 or para.offsets[m.start() - 1] == -1:
                continue  # a line's first words may be a heading or a table cell
            seen.setdefault(m.group(1), []).append(para.start(m.start()))
    for name in list(seen):
        if name.endswith("s") and name[:-1] in seen:
            seen[name[:-1]] += seen.pop(name)
    out: list[Found] = []
    for name, starts in seen.items():
        words = name.split()
        if len(starts) < _MIN_PHRASE_MENTIONS or stop_word(words[0]) or words[0].lower() in first_names:
            continue
        if words[-1].lower() in lower_words or words[0] in company_patterns().not_name | not_first():
            continue
        if any(w in person_words or is_place(w) or stop_word(w) or w.lower().endswith(patterns().unit_suffixes)
               for w in words):
            continue
        out.append((name, min(starts)))
    return out
