"""What a rule component can see besides the spaCy Doc: the document's lines, kind and facts so far.

The Doc's text is the document's full text (body and margin lines, one per line, noise dropped), so
character offsets of spans are offsets into `Document.full_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from spacy.tokens import Doc

from foi.extract.model import NOISE, Document, Facts

T = TypeVar("T")

_DOCUMENT_KEY = "foi_document"
_FACTS_KEY = "foi_facts"

# What every rule component writes: its facts on `doc._.facts` (the Document's Facts, declared once
# here) and their character spans in `doc.spans[<component>]`. spaCy's analyze_pipes reports it.
ASSIGNS = ["doc._.facts", "doc.spans"]

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", getter=lambda doc: doc.user_data.get(_FACTS_KEY))


def attach(doc: Doc, document: Document) -> Doc:
    doc.user_data[_DOCUMENT_KEY] = document
    doc.user_data[_FACTS_KEY] = document.facts
    return doc


def document_of(doc: Doc) -> Document:
    document = doc.user_data.get(_DOCUMENT_KEY)
    if document is None:
        # a Doc made from a bare string (as in the unit tests): one body document of kind "other"
        from foi.extract.model import Line

        document = Document(0, "other", [Line(t) for t in doc.text.split("\n")])
        attach(doc, document)
    return document


def facts_of(doc: Doc) -> Facts:
    return document_of(doc).facts


def all_lines(doc: Doc) -> list[tuple[int, str, str]]:
    """(offset in doc.text, text, role) for every line of the document; noise lines, which the
    full text leaves out, have offset -1 (running headers may still carry a case number)."""
    out: list[tuple[int, str, str]] = []
    pos = 0
    for line in document_of(doc).lines:
        if line.role == NOISE:
            out.append((-1, line.text, line.role))
            continue
        out.append((pos, line.text, line.role))
        pos += len(line.text) + 1
    return out


def line_offsets(doc: Doc) -> list[tuple[int, str, str]]:
    """(offset in doc.text, line text, role) for every line of the full text."""
    return [entry for entry in all_lines(doc) if entry[0] >= 0]


def set_spans(doc: Doc, name: str, ranges: Iterable[tuple[int, int, str | None]]) -> None:
    """doc.spans[name] from (start, end, label) character ranges, widened to whole tokens."""
    spans = []
    for start, end, label in ranges:
        if start < 0:
            continue
        span = doc.char_span(start, end, label=label or name, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[name] = spans


def first_of_each(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The items in order, each key kept once (the first mention wins)."""
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
