"""Legal references: law names, sections and numbered acts, each as written.

A law name is a title ("lov om en aktiv beskæftigelsesindsats", "bekendtgørelse om ...") or a one-word
name ("serviceloven", "Integrationsloven"); a spaCy Matcher finds where one starts and the title runs
on over the tokens after "om" until a verb, a punctuation mark or a number ends it. A section is
"§ 31", "§ 31 b-f", "§ 85, stk. 2", "§§ 2-4". A name directly followed by its section is one citation
("Integrationsloven § 45 b", "serviceloven § 85"); otherwise names and sections are separate entries,
so "§ 31 i lov om en aktiv beskæftigelsesindsats" gives "§ 31" and "lov om en aktiv
beskæftigelsesindsats". A bare name that a citation already holds is not repeated. Sections are
written with one space after "§" ("§4" -> "§ 4"). The words are data: `patterns/legal_refs.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from foi.extract.facts.context import ASSIGNS, facts_of
from foi.extract.facts.dates import date_pattern
from foi.extract.model import LegalRef
from foi.extract.pattern_data import load_patterns


def _raw() -> dict[str, Any]:
    return load_patterns("legal_refs")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    raw = _raw()
    return {
        "section": re.compile(raw["section"], re.IGNORECASE),
        "numbered": re.compile(f"{raw['numbered']}(?:{date_pattern().pattern})", re.IGNORECASE),
        "not_named": re.compile(raw["not_named"], re.IGNORECASE),
        "abbreviation": re.compile(
            "(?<![\\w-])(?:" + "|".join(re.escape(a) for a in raw["abbreviations"]) + ")$"
        ),
    }


_MATCHERS: dict[int, Matcher] = {}
_DIGIT = re.compile(r"\d")


def _matcher(vocab: Vocab) -> Matcher:
    """Where law names start: a title opener and "om", or a word like "serviceloven"."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        raw = _raw()
        matcher = Matcher(vocab)
        matcher.add("TITLE", [[{"LOWER": {"IN": raw["title_openers"]}}, {"LOWER": "om"}]])
        matcher.add("NAMED", [[{"LOWER": {"REGEX": raw["named"]}}]])
        _MATCHERS[id(vocab)] = matcher
    return matcher


@lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from spacy.lang.da.stop_words import STOP_WORDS

    raw = _raw()
    connectors = frozenset(raw["connectors"])
    stops = (frozenset(STOP_WORDS) - connectors) | frozenset(raw["title_stop"])
    return connectors, stops, frozenset(raw["title_end"])


def _title_end(doc: Doc, start: int) -> int:
    """Where a title that starts at token `start` ("lov om ...") ends: the token index after it."""
    connectors, stops, enders = _title_words()
    end = start + 2  # past the opener and "om"
    last = start + 2 + _raw()["max_title_words"]
    i = end
    after_break = False
    while i < min(len(doc), last):
        tok = doc[i]
        if tok.is_space:
            if tok.text.count("\n") > 1:
                break
            after_break = after_break or "\n" in tok.text
            i += 1
            continue
        low = tok.lower_
        if low in enders:
            end = i + 1
            break
        if tok.is_punct or _DIGIT.search(tok.text) or low in stops or (after_break and tok.text[:1].isupper()):
            break
        after_break = False
        i += 1
        if low not in connectors:
            end = i
    return end


def _names(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of law names in the Doc, in reading order, none inside another."""
    not_named = _regexes()["not_named"]
    spans: list[tuple[int, int]] = []
    for match_id, start, _end in sorted(_matcher(doc.vocab)(doc), key=lambda m: m[1]):
        label = doc.vocab.strings[match_id]
        if label == "TITLE":
            end = _title_end(doc, start)
            if end <= start + 2:
                continue
        else:
            if not_named.search(doc[start].text):
                continue
            end = start + 1
        span = doc[start:end]
        if spans and span.start_char < spans[-1][1]:
            continue
        spans.append((span.start_char, span.end_char))
    return spans


def normalise(text: str) -> str:
    """A reference with single spaces and one space after "§": "§4" -> "§ 4"."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(§+)\s*(?=\d)", r"\1 ", text)


def _spaces_before(text: str, pos: int) -> int:
    """The start of the spaces (not line breaks) that end at `pos`, and of a bracket they close:
    a name ends there if its section follows ("Lov om social service (serviceloven) § 85")."""
    while pos > 0 and text[pos - 1] in " \t\u00a0":
        pos -= 1
    if pos > 0 and text[pos - 1] == ")":
        pos -= 1
    return pos


def find_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, text) of every legal reference of a Doc, in reading order, each once."""
    text = doc.text
    regexes = _regexes()
    names = _names(doc)
    name_before = {end: start for start, end in names}  # a name that ends where a section's spaces begin
    refs: list[tuple[int, int, str]] = []
    cited: set[int] = set()
    for m in regexes["section"].finditer(text):
        section = normalise(m.group())
        gap = _spaces_before(text, m.start())
        if gap in name_before:
            start = name_before[gap]
            cited.add(start)
            refs.append((start, m.end(), normalise(text[start:gap]) + " " + section))
            continue
        short = regexes["abbreviation"].search(text, max(0, gap - 12), gap) if gap < m.start() else None
        if short and short.end() == gap:
            refs.append((short.start(), m.end(), short.group() + " " + section))
            continue
        refs.append((m.start(), m.end(), section))
    refs += [(start, end, normalise(text[start:end])) for start, end in names if start not in cited]
    refs += [(m.start(), m.end(), normalise(m.group())) for m in regexes["numbered"].finditer(text)]
    refs.sort()
    return _dedupe(refs)


def _dedupe(refs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each reference once; a bare name that a longer reference holds is dropped."""
    keys = [ref[2].casefold() for ref in refs]
    out: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for ref, key in zip(refs, keys, strict=True):
        if key in seen or ("§" not in key and any(key in other and key != other for other in keys)):
            continue
        seen.add(key)
        out.append(ref)
    return out


@Language.component("legal_refs", assigns=ASSIGNS)
def find_legal_refs(doc: Doc) -> Doc:
    found = find_spans(doc)
    facts_of(doc).legal_refs = [LegalRef(text, start) for start, _end, text in found]
    spans: list[Span] = []
    for start, end, _text in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["legal_refs"] = spans
    return doc
