"""Organisations known by name or by a head word: known names ("DR", "KL"), "Styrelsen for …",
"Udlændinge- og Integrationsministeriet", "Bestseller Koncernen", and a business named by the word
before it ("en virksomhed (Fakta)", "revisionsfirmaet Deloitte").
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


def known_names(para: Paragraph) -> list[Found]:
    """Known names; a short one ("DR") only as written, a longer one with its first letter as written."""
    p = patterns()
    out: list[Found] = []
    for m in p.known_pattern.finditer(para.text):
        name, spelling = p.known[m.group(0).lower()]
        if m.group(0) == spelling or (len(spelling) >= 5 and m.group(0)[0] == spelling[0]):
            out.append((name, para.start(m.start())))
    return out


def head_names(para: Paragraph) -> list[Found]:
    """Names with an organisation's head word."""
    p = patterns()
    text = mask_quotes(para.text)
    out: list[Found] = []
    for m in p.before_for.finditer(text):
        out.append((m.group(0), para.start(m.start())))
    for pattern in (p.suffix_word, p.last_word):
        for m in pattern.finditer(text):
            name = m.group(1)
            first = name.split()[0]
            if stop_word(first):
                continue
            # a lone head word opening a sentence can be a common noun ("Boligforeningen har …"),
            # but not the name of an authority ("Sundhedsstyrelsen har …")
            if " " not in name and sentence_initial(text, m.start(1)) and not p.authority.search(name):
                continue
            if pattern is p.suffix_word:
                name += _second_word(text[m.end(1) :])
            out.append((name, para.start(m.start(1))))
    return out


def _second_word(after: str) -> str:
    """The one capitalised word that completes a name after its head: "Boligforeningen Lyset"."""
    m = re.match(rf"(\s+)([{UPPER}][{LOWER}]+)(?=[\s,.;:!?)]|$)(?!\s+[{UPPER}0-9])", after)
    word = m.group(2) if m else ""
    if not word or is_place(word) or word.lower().endswith(patterns().unit_suffixes) or stop_word(word):
        return ""
    return m.group(1) + word if m else ""


def named_by_context(para: Paragraph) -> list[Found]:
    """"en virksomhed (Fakta)", "revisionsfirmaet Deloitte"."""
    p = patterns()
    patterns_ = (p.parenthesis, p.apposition)
    return [(m.group(1), para.start(m.start(1))) for pat in patterns_ for m in pat.finditer(para.text)]
