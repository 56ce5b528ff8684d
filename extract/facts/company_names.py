"""Companies without a legal form, known by a business word in the name or by what the sentence says.

1. A kind of business as the last word of a capitalised name, or the end of its last word:
   "Mariager Vandværk", "Frederiksberg Forsyning", "Clausens Fiskehandel", "NV Net"; a genitive -s is
   dropped ("Aalborg Kommunes Fjernvarmeforsynings overtagelse").
2. A utility's kind before a place or a code: "Naturgas Fyn", "Energi E2".
3. A firm's head word written as part of its name: "Tegnestuen Blåkilde", "Restaurant Havnens Perle".
4. A name the sentence makes a business: "X har på vegne af ejeren søgt …" (an adviser applying for
   an owner), "salg af Naturstrøm", "ejerandel i Energi E2".
5. A web name used as a company's name: "Boligportal.dk" (not a public site or a known medium).
6. A brand after a company with a legal form: "Gentofte Spildevand A/S - Nordvand".

A name that is the municipality's own unit, a place or a known public body is not taken. The words
are data: `patterns/companies.toml` ([kinds], [heads], [cues]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foi.danish.names import first_names
from foi.extract.facts.legal_forms import patterns as form_patterns
from foi.extract.facts.organization_data import UPPER, is_place, is_unit, not_first
from foi.extract.facts.organization_data import patterns as org_patterns
from foi.extract.model import Company
from foi.extract.pattern_data import load_patterns

# a word of a name: capitalised ("Mariager", "Havnens"), in capitals ("NV", "HOFOR") or a code ("E2")
_WORD = rf"(?-i:[{UPPER}])[\w'’.&-]*"
_NAME = rf"{_WORD}(?:\s+(?:&\s+)?{_WORD}){{0,3}}"


@dataclass(frozen=True)
class _Patterns:
    kind_last: re.Pattern[str]
    kind_first: re.Pattern[str]
    head_first: re.Pattern[str]
    on_behalf: re.Pattern[str]
    transaction: re.Pattern[str]
    web_name: re.Pattern[str]
    public_sites: frozenset[str]
    brand_after: re.Pattern[str]
    association_first: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw: dict[str, Any] = load_patterns("companies")
    kinds, heads, cues = raw["kinds"], raw["heads"], raw["cues"]
    # the kind is the whole last word ("NV Net") or the end of a capitalised compound ("Fjernvarmeforsyning")
    last = (
        rf"(?-i:{_alternation(kinds['last_word'])})"
        rf"|(?-i:(?=[{UPPER}]))[\wæøå-]*?(?:{_alternation(kinds['last_compound'])})"
    )
    return _Patterns(
        kind_last=re.compile(rf"(?<![\w.-])((?:{_WORD}\s+(?:&\s+)?){{1,3}}(?:{last}))(s?)(?![\w-])", re.IGNORECASE),
        kind_first=re.compile(
            rf"(?<![\w.-])((?-i:{_alternation(kinds['first_word'])})\s+(?-i:[{UPPER}])(?:[{UPPER}]*\d+|[\wæøå]+))(?![\w-])"
        ),
        head_first=re.compile(rf"(?<![\w.-])((?-i:{_alternation(heads['before_name'])})\s+{_NAME})", re.IGNORECASE),
        on_behalf=re.compile(rf"(?<![\w.-])({_NAME})\s+(?:{'|'.join(cues['on_behalf'])})", re.IGNORECASE),
        transaction=re.compile(rf"\b(?:{'|'.join(cues['transaction'])})\s+({_NAME})", re.IGNORECASE),
        web_name=re.compile(rf"(?<![\w@./-])((?-i:[{UPPER}])[\w-]{{2,}}\.dk)(?![\w/.@-]|\.\w)"),
        public_sites=frozenset(s.lower() for s in cues["public_sites"]),
        brand_after=re.compile(rf"^\s*(?:[-–]\s+|\()((?-i:[{UPPER}])[\wæøå]+)(?:\)|\s*$)"),
        association_first=frozenset(kinds["association_first"]),
    )


def _trim(name: str, start: int) -> tuple[str, int]:
    """The name without words that open a sentence ("Også Mariager Vandværk") or end it (".")."""
    name = re.split(r"\.\s", name, maxsplit=1)[0]  # "ejerandel i Halvø Varme. Rådet …": the sentence ends
    words = name.split()
    not_name = form_patterns().not_name | not_first()
    while len(words) > 1 and words[0] in not_name:
        start += name.index(words[1], len(words[0]))
        name = name[name.index(words[1], len(words[0])) :]
        words = words[1:]
    name = name.rstrip(".,;:")
    return name, start


def _cut_at_unit(name: str) -> str:
    """A name read rightwards ends before a word of the municipality's units or a place's:
    "Saksild Strand Sundhedsstaben Vedtaget" (cells of a flattened table) is no name."""
    words = name.split()
    for i, word in enumerate(words):
        if is_unit(word) or is_place(word):
            return " ".join(words[:i])
    return name


def _is_public(name: str) -> bool:
    """The municipality's unit, a region, a place alone, or a known organisation ("Avisen.dk")."""
    if name.lower() in org_patterns().known:
        return True
    name = name.removesuffix(".dk")
    words = name.split()
    return is_unit(name) or (len(words) == 1 and is_place(name))


def _looks_like_person(name: str) -> bool:
    """"Anne Holm har på vegne af ejeren …": a person, not a firm."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0].lower() in first_names() and not any(w.isupper() for w in words)


def _inside_longer_name(line: str, start: int) -> bool:
    """"Foreningen af Rådgivende Ingeniører": the words after "af" or "for" end another name."""
    return re.search(rf"(?-i:[{UPPER}])[\w-]*\s+(?:af|for)\s+$", line[max(0, start - 60) : start]) is not None


def _found(name: str, line: str, start: int, offset: int, min_words: int = 1, firm: bool = False) -> Company | None:
    """A Company for a name found in a line; `firm` when a firm's head word opens it ("Tegnestuen Geoplan"
    is a firm though "plan" ends the name of a municipal plan)."""
    name, start = _trim(name, start)
    if len(name) < 3 or len(name.split()) < min_words or _inside_longer_name(line, start):
        return None
    if not firm and _is_public(name):
        return None
    if name.split()[0] in patterns().association_first:
        return None  # "Dansk Fjernvarme": a trade association, an organisation
    return Company(name, None, None, False, "body", line, offset + start)


def find_named(text: str, offset: int = 0, legal: list[Company] | None = None) -> list[Company]:
    """Companies without a legal form in one line of text; `legal` are those with a form on the line."""
    p = patterns()
    out: list[Company] = []
    for m in p.kind_last.finditer(text):
        if (c := _found(m.group(1), text, m.start(1), offset, min_words=2)) is not None:
            out.append(c)
    for m in p.kind_first.finditer(text):
        if (c := _found(m.group(1), text, m.start(1), offset)) is not None:
            out.append(c)
    for m in p.head_first.finditer(text):
        head, first, *more = m.group(1).split()
        rest = " ".join([first, _cut_at_unit(" ".join(more))]).strip()  # the word after the head is the firm's
        if rest and (c := _found(f"{head} {rest}", text, m.start(1), offset, firm=True)) is not None:
            out.append(c)
    for m in p.transaction.finditer(text):
        if (name := _cut_at_unit(m.group(1))) and (c := _found(name, text, m.start(1), offset)) is not None:
            out.append(c)
    for m in p.on_behalf.finditer(text):
        if not _looks_like_person(m.group(1)) and (c := _found(m.group(1), text, m.start(1), offset)):
            out.append(c)
    for m in p.web_name.finditer(text):
        name = m.group(1)
        if name.lower() not in p.public_sites and not is_place(name[:-3]) and not _is_public(name):
            out.append(Company(name, None, None, False, "body", text, offset + m.start(1)))
    for c in legal or []:
        at = c.start - offset + len(c.name)
        if 0 <= at <= len(text) and (brand := p.brand_after.match(text[at:])):
            out.append(Company(brand.group(1), None, None, False, "body", text, offset + at + brand.start(1)))
    return _without_overlaps(out, legal or [])


def _without_overlaps(found: list[Company], taken: list[Company]) -> list[Company]:
    """The longest of names written at the same place, none inside a name with a legal form."""
    spans = [(c.start, c.start + len(c.name)) for c in taken]
    out: list[Company] = []
    for c in sorted(found, key=lambda c: (c.start, -len(c.name))):
        end = c.start + len(c.name)
        if any(s < end and c.start < e for s, e in spans):
            continue
        spans.append((c.start, end))
        out.append(c)
    return out
