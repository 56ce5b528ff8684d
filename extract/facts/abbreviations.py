"""Abbreviations of organisations: defined ones ("Styrelsen for Arbejdsmarked og Rekruttering (STAR)")
and words in capitals standing alone ("BIU", "COOP"), but not Roman numerals, party letters, emphasis
("ALTID" beside "altid"), a word of a name in capitals, or a stop-list ("CPR", "MB").
"""

from __future__ import annotations

import re

from foi.extract.facts.legal_forms import patterns as company_patterns
from foi.extract.facts.organization_data import (
    LOWER,
    ROMAN,
    UPPER,
    Found,
    Paragraph,
    is_unit,
    patterns,
)

_ACRONYM = re.compile(rf"(?<![\w\-/.@])([{UPPER}]{{2,6}})(?![\w\-/@]|\.\w)")

def _phrase_before(text: str, end: int) -> tuple[str, int]:
    """The capitalised name that ends at `end` ("Styrelsen for Arbejdsmarked og Rekruttering"), and its start."""
    joiners = {"og", "for", "i", "af", "til", "under", "med", "ved", "samt", "eller", "&"}
    base = max(0, end - 200)
    tokens = list(re.finditer(r"\S+", text[base:end]))[-12:]
    taken: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        if word[-1] in ",;:.)(\"”":
            break
        if word[:1].isupper():
            taken = [token, *pending, *taken]
            pending = []
        elif word in joiners or word.endswith("-"):
            pending.insert(0, token)
        else:
            break
    not_name = company_patterns().not_name
    while taken and taken[0].group(0) in not_name:
        taken = taken[1:]
        while taken and not taken[0].group(0)[:1].isupper():
            taken = taken[1:]
    if not taken:
        return "", -1
    return text[base + taken[0].start() : base + taken[-1].end()], base + taken[0].start()


def defined_abbreviations(para: Paragraph) -> tuple[list[Found], set[str]]:
    """Organisations defined with an abbreviation, and abbreviations defined for laws and things."""
    p = patterns()
    out: list[Found] = []
    not_orgs: set[str] = set()
    for m in re.finditer(rf"\(([{UPPER}][{UPPER}0-9]{{1,5}})\)", para.text):
        abbreviation = m.group(1)
        before = para.text[max(0, m.start() - 100) : m.start()]
        sentence = re.split(r"[.!?]\s", before)[-1]
        if p.law.search(sentence):
            not_orgs.add(abbreviation)
            continue
        phrase, at = _phrase_before(para.text, m.start())
        if not phrase:
            words = re.findall(r"\w+", before)[-4:]
            if any(w[:1].lower() == abbreviation[:1].lower() for w in words):
                not_orgs.add(abbreviation)  # the abbreviation of a thing: "den grønne mobilitetsplan (GMP)"
                continue
        if phrase and len(phrase.split()) > 1 and not is_unit(phrase) and has_head(phrase):
            out.append((phrase, para.start(at)))
        if abbreviation not in p.stop_acronyms and abbreviation not in p.parties and not ROMAN.match(abbreviation):
            out.append((abbreviation, para.start(m.start(1))))
    return out, not_orgs


def has_head(phrase: str) -> bool:
    p = patterns()
    return bool(p.before_for.match(phrase) or p.suffix_word.search(phrase) or p.last_word.search(phrase))


def _acronym_in_context(before: str, after: str) -> bool:
    """Does the text around a word in capitals let it be an organisation's abbreviation?"""
    if before.endswith("(") and after.startswith(")") and re.search(rf"[{UPPER}][{LOWER}]+\s*\($", before):
        return False  # a party after a member's name: "Gert Wahl (Ø)"
    if re.match(r" \d", after):
        return False  # the prefix of a number: "LP 854"
    if re.search(rf"[{UPPER}]{{2,}} $", before) or re.match(rf" [{UPPER}]{{2,}}\b", after):
        return False  # one word of a name in capitals: "PLAY WEST"
    neighbours = re.findall(r"(\S+)\s+(?:og\s+|,\s*)?$", before[-12:])
    neighbours += re.findall(r"^,?\s+(?:og\s+)?(\S+)", after[:12])
    return not any(n.strip(",.()") in patterns().parties for n in neighbours)  # "EL og VJ": listed with parties


def acronyms(para: Paragraph, document_words: set[str], not_orgs: set[str]) -> list[Found]:
    p = patterns()
    letters = [c for c in para.text if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []  # a heading in capitals
    out: list[Found] = []
    for m in _ACRONYM.finditer(para.text):
        word = m.group(1)
        if word in p.stop_acronyms or word in p.parties or word in not_orgs or ROMAN.match(word):
            continue
        if len(word) >= 4 and word.lower() in document_words:
            continue  # a word in capitals for emphasis ("ALTID"), written in lower case elsewhere
        if _acronym_in_context(para.text[max(0, m.start() - 80) : m.start()], para.text[m.end() : m.end() + 80]):
            out.append((word, para.start(m.start())))
    return out
