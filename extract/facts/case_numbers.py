"""Case numbers and registry numbers: sagsnr, dokumentnr, F2 and eDoc numbers, journal numbers,
EAN, CVR and P-numbers, Aarhus' EMN numbers and KLE journal numbers.

A number is read after its label, on the same line ("Sagsnr. 19/04512", "J.nr.: 2019-123") or on the
next ("Sagsnr." / "2018-0000088"), also where text extraction glued the next label to it
("2015-0186920Dokumentnr."). A few shapes are recognisable without a label (EMN-2025-003383,
00.01.00-G01-1-19, Copenhagen's 2018-0000088-148). EAN and CVR numbers must pass their check digits.
Values are normalised without spaces ("2023 - 3701" -> "2023-3701"); each (scheme, value) is kept
once per document. The labels and shapes are data: `patterns/case_numbers.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from stdnum import ean as stdnum_ean
from stdnum.dk import cvr as stdnum_cvr

from foi.extract.facts.context import document_of, facts_of, first_of_each, line_offsets, set_spans
from foi.extract.model import BODY, NOISE, CaseNumber
from foi.extract.pattern_data import load_patterns

_LETTER_BEFORE = r"(?<![A-Za-zÆØÅæøåÉé])"
_LETTER_AFTER = r"(?![A-Za-zÆØÅæøåÉé])"
_CHECKED = {"ean": stdnum_ean.is_valid, "cvr": stdnum_cvr.is_valid}
_OWN_SHAPE = {"ean", "cvr", "p_nummer"}  # registry numbers: never re-filed by the shape of their value
_FOREIGN_SYSTEMS = {"f2_sagsnr", "f2_dokumentnr", "edoc_sagsnr"}
_SENTENCE_WORDS = 8  # a body line this long is running text, not a label line or a heading


@dataclass(frozen=True)
class _Scheme:
    name: str
    label: re.Pattern[str]
    value: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    schemes: tuple[_Scheme, ...]
    shapes: tuple[tuple[str, re.Pattern[str]], ...]
    unlabelled: tuple[tuple[str, re.Pattern[str]], ...]




@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_patterns("case_numbers")
    gap = raw["gap"]["pattern"]
    schemes = []
    for entry in raw["scheme"]:
        labels = "|".join(f"(?:{p})" for p in entry["labels"])
        value = raw["values"][entry["value"]]
        schemes.append(
            _Scheme(
                entry["name"],
                re.compile(f"{_LETTER_BEFORE}(?:{labels}){_LETTER_AFTER}", re.IGNORECASE),
                re.compile(f"{gap}(?P<value>{value})(?!\\d)", re.IGNORECASE),
            )
        )
    shapes = tuple((name, re.compile(f"(?:{p})$", re.IGNORECASE)) for name, p in raw["shapes"].items())
    unlabelled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in raw["unlabelled"].items())
    return _Rules(tuple(schemes), shapes, unlabelled)


def normalise(value: str) -> str:
    """A case number without spaces and trailing punctuation: "2023 - 3701" -> "2023-3701"."""
    return re.sub(r"\s+", "", value).rstrip(".-/")


def _scheme_of_shape(scheme: str, value: str) -> str:
    """EMN and KLE numbers keep their own scheme whichever label stands before them."""
    if scheme in _OWN_SHAPE:
        return scheme
    for name, shape in _rules().shapes:
        if shape.match(value):
            return name
    return scheme


def _valid(scheme: str, value: str) -> bool:
    check = _CHECKED.get(scheme)
    return check(value) if check else True


def find(text: str) -> list[CaseNumber]:
    """Every case number in a text, in reading order, each (scheme, value) once."""
    rules = _rules()
    found: list[CaseNumber] = []
    labels_taken: list[tuple[int, int]] = []
    values_taken: list[tuple[int, int]] = []
    for scheme in rules.schemes:
        for label in scheme.label.finditer(text):
            if any(a < label.end() and label.start() < b for a, b in labels_taken):
                continue
            labels_taken.append(label.span())
            m = scheme.value.match(text, label.end())
            if not m:
                continue
            raw = m.group("value").strip()
            value = normalise(raw)
            if not re.search(r"\d", value) or not _valid(scheme.name, value):
                continue
            start = m.start("value")
            found.append(CaseNumber(_scheme_of_shape(scheme.name, value), value, raw, start))
            values_taken.append((start, m.end("value")))
    systems = {c.scheme for c in found}
    for name, pattern in rules.unlabelled:
        if name in ("sagsnr", "dokumentnr") and systems & _FOREIGN_SYSTEMS:
            continue  # the document also uses F2/eDoc numbers of the same shape: an unlabelled one is ambiguous
        for m in pattern.finditer(text):
            overlaps = any(a < m.end() and m.start() < b for a, b in values_taken)
            if overlaps or normalise(m.group()) in {c.value for c in found}:
                continue
            found.append(CaseNumber(name, normalise(m.group()), m.group(), m.start()))
            values_taken.append(m.span())
    found.sort(key=lambda c: c.start)
    return _dedupe(found)


def _dedupe(found: list[CaseNumber]) -> list[CaseNumber]:
    return first_of_each(found, lambda c: (c.scheme, c.value))


def with_roles(found: list[CaseNumber], lines: list[tuple[int, str, str]]) -> list[CaseNumber]:
    """Mark as "cited" a number that stands inside a sentence of the body ("… i brev af 23. oktober
    2018 (sagsnr. 2018-0000088)") or in a table's cells, when the document has a number of its own
    elsewhere: in its letterhead, sidebar or on a short line. With none of its own, what the text
    names is its case (an e-mail asking about "sagsnr. 2023-1234")."""
    sentence = {offset: text for offset, text, role in lines
                if role == BODY and (len(text.split()) >= _SENTENCE_WORDS or "\t" in text)}

    def in_sentence(c: CaseNumber) -> bool:
        return c.start >= 0 and any(o <= c.start < o + len(t) for o, t in sentence.items())

    cited = [c for c in found if c.scheme not in _OWN_SHAPE and in_sentence(c)]
    own_cases = [c for c in found if c.scheme not in _OWN_SHAPE and c not in cited]
    if not own_cases:
        return found
    return [replace(c, role="cited") if c in cited else c for c in found]


@Language.component("case_numbers")
def find_case_numbers(doc: Doc) -> Doc:
    found = find(doc.text)
    # Running headers and footers are noise for the text but may carry the document's number;
    # found there, a number has no offset in the text.
    noise = "\n".join(line.text for line in document_of(doc).lines if line.role == NOISE)
    seen = {(c.scheme, c.value) for c in found}
    found += [replace(c, start=-1) for c in find(noise) if (c.scheme, c.value) not in seen]
    found = with_roles(found, line_offsets(doc))
    facts = facts_of(doc)
    known = {(c.scheme, c.value) for c in facts.case_numbers}
    facts.case_numbers.extend(c for c in found if (c.scheme, c.value) not in known)
    set_spans(doc, "case_numbers", ((c.start, c.start + len(c.raw), c.scheme) for c in found))
    return doc
