"""What the organisation rules share: their words (`patterns/organizations.toml`), body paragraphs
with offsets, and the tests for words that are no name (places, stop words, the municipality's units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foi.extract.facts.legal_forms import patterns as company_patterns
from foi.extract.model import BODY
from foi.extract.pattern_data import load_patterns

UPPER = "A-ZÆØÅ"
LOWER = "a-zæøåéüö"
ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]{1,150}[\"“”«»]|(?<![\w])'[^']{1,150}'(?!\w)")
NAME_WORD = rf"[{UPPER}][\w.&'’-]*"
Found = tuple[str, int]  # name, offset in the document

@dataclass(frozen=True)
class _Patterns:
    known: dict[str, tuple[str, str]]  # a spelling in lower case -> (the name reported, the spelling)
    known_pattern: re.Pattern[str]
    stop_acronyms: frozenset[str]
    parties: frozenset[str]
    before_for: re.Pattern[str]
    suffix_word: re.Pattern[str]
    last_word: re.Pattern[str]
    parenthesis: re.Pattern[str]
    apposition: re.Pattern[str]
    law: re.Pattern[str]
    unit_suffixes: tuple[str, ...]
    own_unit_suffixes: tuple[str, ...]
    head_words: frozenset[str]
    authority: re.Pattern[str]
    words: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw: dict[str, Any] = load_patterns("organizations")
    groups = raw["known"].values()
    known = {spelling.lower(): (name, spelling) for g in groups for name, sp in g.items() for spelling in sp}
    alternation = "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
    heads = raw["heads"]
    context = raw["context"]
    suspended = rf"(?:[{UPPER}][\w]*-\s*(?:og|eller)\s+)?"
    suffixes = "|".join(heads["suffixes"] + heads["authority_suffixes"])
    return _Patterns(
        known=known,
        known_pattern=re.compile(rf"(?<![\w.\-/@])(?:{alternation})(?![\w/@]|\.\w)", re.IGNORECASE),
        stop_acronyms=frozenset(raw["acronyms"]["not_organizations"]),
        parties=frozenset(raw["acronyms"]["parties"]),
        before_for=re.compile(
            rf"\b(?:{'|'.join(heads['before_for'])})\s+for\s+{NAME_WORD}(?:(?:,\s+|\s+og\s+|\s+samt\s+|\s+)"
            rf"{NAME_WORD})*"
        ),
        suffix_word=re.compile(rf"(?<![\w\-])({suspended}[{UPPER}][{LOWER}]{{2,}}(?:{suffixes}))(?![\w\-])"),
        last_word=re.compile(rf"((?:{NAME_WORD}\s+){{1,3}}(?:{'|'.join(heads['last_words'])}))(?![\w\-])"),
        parenthesis=re.compile(
            rf"\b(?:{'|'.join(context['before_parenthesis'])})\s*\(({NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\)",
            re.IGNORECASE,
        ),
        apposition=re.compile(
            rf"(?<![\w-])[a-zæøå]*(?:{'|'.join(context['apposition'])})\s+({NAME_WORD}(?:\s+(?:&\s+|og\s+)?{NAME_WORD}){{0,3}})"
        ),
        law=re.compile("|".join(context["law"]), re.IGNORECASE),
        unit_suffixes=tuple(raw["not_organizations"]["unit_suffixes"] + raw["not_organizations"]["place_suffixes"]),
        own_unit_suffixes=tuple(raw["not_organizations"]["unit_suffixes"]),
        head_words=frozenset(heads["before_for"] + heads["last_words"]),
        authority=re.compile(rf"(?:{'|'.join(heads['authority_suffixes'])})$"),
        words=frozenset(raw["not_organizations"]["words"]),
        places=frozenset(raw["not_organizations"]["places"]),
    )


# -- body text as paragraphs with offsets ------------------------------------------------------------
@dataclass
class Paragraph:
    text: str
    offsets: list[int]  # the document offset of every character (-1 for a joining space)

    def start(self, i: int) -> int:
        while i < len(self.offsets) and self.offsets[i] < 0:
            i += 1
        return self.offsets[i] if i < len(self.offsets) else -1


def paragraphs(rows: list[tuple[int, str, str]]) -> list[Paragraph]:
    """Consecutive body lines joined into paragraphs; blank lines, margin lines and table rows end one."""
    out: list[Paragraph] = []
    parts: list[tuple[int, str]] = []
    for offset, text, role in [*rows, (-1, "", BODY)]:
        if role == BODY and text.strip() and "\t" not in text:
            parts.append((offset, text))
        elif parts:
            offsets = [o for n, (at, t) in enumerate(parts) for o in [-1] * (n > 0) + list(range(at, at + len(t)))]
            out.append(Paragraph(" ".join(t for _, t in parts), offsets))
            parts = []
    return out


def sentence_initial(text: str, i: int) -> bool:
    """Does position i open a sentence or clause (where any word is capitalised)?"""
    window = text[max(0, i - 40) : i]
    before = window.rstrip()
    if not before or re.search(r"\S\s{2,}$", window):
        return True  # the start of a paragraph, or of a table cell set off by spaces
    if re.search(r"(?:^|\s)(?:\d{1,2}[.)]|[-•*–])$", before):
        return True
    return before[-1] in ".!?:;\"“”«»('’"


def mask_quotes(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def is_unit(name: str) -> bool:
    """Part of the municipality (or the municipality or a region): not reported here."""
    words = name.split()
    # two names joined by "og" are partners' names, never a place: "Kilden og Hindby" is a firm
    suffixes = patterns().own_unit_suffixes if len(words) > 2 and words[-2] in ("og", "&") else patterns().unit_suffixes
    return words[-1].lower().endswith(suffixes) or words[0] in ("Region", "Jobcenter", "Center")


def stop_word(word: str) -> bool:
    """A capitalised word that is no name: "Bilag", "Borgmester", or a word that opens a sentence ("Også")."""
    return word in patterns().words or word in company_patterns().not_name


def is_place(word: str) -> bool:
    places = patterns().places
    return word in places or word.rstrip("s'’") in places or word[:-1] in places


@lru_cache(maxsize=1)
def not_first() -> frozenset[str]:
    """Capitalised words that open a sentence before a name, never its first word ("Det", "Hele")."""
    return frozenset(load_patterns("companies")["kinds"]["not_first"])
