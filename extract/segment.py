"""Split a file's lines into its documents and name each document's kind.

A document can only begin where the layout allows it: at the top of a page or after a wide gap
(two or more blank lines, as text extracted from a PDF leaves between pages). It does begin there
when the next lines carry a document head: a municipal letterhead, an e-mail's From/Sent lines,
a date next to a case-number label, a NOTAT or a Referat heading. The cues are data in
`patterns/kinds.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foi.extract.clean import clean
from foi.extract.model import BODY, NOISE, Document, Line, ReadResult
from foi.extract.pattern_data import compile_groups, load_patterns

_HEAD_WINDOW = 14  # non-blank lines after a boundary that may hold a document head
_MIN_BODY_LINES = 3  # a would-be document shorter than this stays with the one before it


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, re.Pattern[str]]]:
    return compile_groups(load_patterns("kinds", "foi.extract"))


def cue(group: str, name: str, text: str) -> bool:
    return _cues()[group][name].search(text.strip().strip("*").strip()) is not None


def _nonblank(lines: list[Line], start: int, count: int) -> list[str]:
    out: list[str] = []
    for line in lines[start:]:
        if line.text.strip() and line.role != NOISE:
            out.append(line.text.strip())
            if len(out) >= count:
                break
    return out


def has_head(window: list[str]) -> bool:
    """Do these first lines open a document?"""
    if any(cue("head", "letterhead", t) for t in window[:4]):
        return True
    first = window[:8]
    if any(cue("head", "email", t) for t in first[:3]) and sum(cue("head", "email_second", t) for t in first) >= 1:
        return True
    if any(cue("head", "date_line", t) for t in window) and any(cue("head", "case_label", t) for t in window):
        return True
    return any(cue("head", "memo", t) or cue("head", "minutes", t) for t in window[:4])


def _boundaries(lines: list[Line]) -> list[int]:
    """Indexes where the layout allows a new document: page starts and wide gaps."""
    allowed: list[int] = []
    blank_run = 0
    previous_page = lines[0].page if lines else 1
    for i, line in enumerate(lines):
        if line.page != previous_page:
            allowed.append(i)
            previous_page = line.page
            blank_run = 0
        if not line.text.strip():
            blank_run += 1
            continue
        if blank_run >= 2 and (not allowed or allowed[-1] < i - blank_run):
            allowed.append(i)
        blank_run = 0
    return allowed


def split_lines(lines: list[Line]) -> list[list[Line]]:
    """Lines to one list of lines per document."""
    starts = [0]
    allowed = _boundaries(lines)
    for i, until in zip(allowed, [*allowed[1:], len(lines)], strict=False):
        if i <= starts[-1]:
            continue
        body_so_far = sum(1 for line in lines[starts[-1] : i] if line.role == BODY and line.text.strip())
        # the head must stand before the next place a document could begin: on the same page
        if body_so_far >= _MIN_BODY_LINES and has_head(_nonblank(lines[:until], i, _HEAD_WINDOW)):
            starts.append(i)
    starts.append(len(lines))
    parts = [lines[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    return [p for p in parts if any(line.text.strip() for line in p)]


def classify(lines: list[Line]) -> str:
    """The kind of one document, from its head and its body."""
    texts = [line.text.strip() for line in lines if line.text.strip() and line.role != NOISE]
    head = texts[:_HEAD_WINDOW + 6]
    if any(cue("head", "email", t) for t in head[:3]) and any(cue("head", "email_second", t) for t in head[:8]):
        return "email"
    if any(cue("head", "agenda", t) for t in head[:6]) and not any(cue("head", "minutes", t) for t in head[:6]):
        return "other"
    if any(cue("head", "minutes", t) for t in head[:10]) or sum(cue("head", "minutes_body", t) for t in texts) >= 3:
        return "minutes"
    greeted = any(cue("body", "greeting", t) for t in head)
    if any(cue("head", "annex", t) for t in head) and not greeted:
        return "annex"
    if any(cue("head", "memo", t) for t in head):
        return "memo"
    if any(cue("body", name, t) for t in texts for name in ("greeting", "closing", "answer")):
        return "letter"
    if any(cue("head", "date_line", t) for t in head):
        return "memo"
    return "other"


def segment(result: ReadResult) -> list[Document]:
    """All documents of a read file, its attachments' documents after its own, in reading order."""
    documents: list[Document] = []
    _collect(result, documents)
    return documents


def _collect(result: ReadResult, documents: list[Document]) -> None:
    lines = clean(result.lines)
    for part in split_lines(lines):
        documents.append(Document(len(documents) + 1, classify(part), part))
    for _name, child in result.children:
        _collect(child, documents)
