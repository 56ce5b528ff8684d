"""Minutes: the meeting's committee, time and place, and its agenda items with their decisions.

Three item layouts are read: "1. Godkendelse af dagsorden" lines (Hvidovre's web minutes),
"Punkt 1: Godkendelse af dagsorden" (Aarhus' PDF minutes) and a number alone on a line above the
title (an agenda table flattened from a web page). The numbers of a meeting's items rise one by one;
a numbered line that breaks the sequence, an indented list line or a table-of-contents line is no
item. A decision is the text after a "Beslutning …" heading up to the next section heading.
Item numbers on their own line can look like page numbers to the cleaner, so items are read from
all lines, noise included; decision text is read from body lines only. The committee is read by
committee.py; time and place from the head's labels or the date line under the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.committee import find_committee
from foi.extract.facts.context import ASSIGNS, all_lines, document_of, facts_of
from foi.extract.model import BODY, AgendaItem
from foi.extract.paragraphs import join_lines, join_paragraphs
from foi.extract.pattern_data import compile_groups, load_patterns

_HEAD_LINES = 16  # non-blank lines at the top that may name the committee, time and place
_LOOKAHEAD = 6  # non-blank lines after a title in which an item shows its case number or a heading
_TITLE_LINES = 3  # lines a "Punkt N:" title may wrap onto
_STYLES = ("punkt", "numbered", "bare")
_CELL = re.compile(r"^[\s|*]+|[\s|*]+$")  # a table's pipes around a cell ("Sted: |"), emphasis, indentation
_RULE = re.compile(r"^[\s|:\-–]*$")  # a table's rule line "---|---|"


@dataclass(frozen=True)
class _Line:
    index: int
    offset: int  # in doc.text; -1 for a noise line, which doc.text leaves out
    text: str
    role: str


@dataclass
class _Item:
    number: int
    index: int  # of the heading line
    title: str
    title_end: int  # index of the title's last line
    offset: int
    lines: list[_Line] = field(default_factory=list)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    return compile_groups(load_patterns("agenda_items"))


def _match(group: str, name: str, text: str) -> re.Match[str] | None:
    return _patterns()[group][name].search(text.strip().strip("*").strip())


def _value(m: re.Match[str] | None) -> str | None:
    if not m:
        return None
    return next((g for g in m.groups() if g is not None), None)


def _lines(doc: Doc) -> list[_Line]:
    return [_Line(i, offset, text, role) for i, (offset, text, role) in enumerate(all_lines(doc))]


def _is_heading(text: str) -> bool:
    s = text.strip()
    return bool(
        _match("section", "heading", s)
        or _match("decision", "heading", s)
        or _match("decision", "inline", s)
        or _match("section", "capitals", s)
    )


# --- items -----------------------------------------------------------------------------------


def _candidate(style: str, lines: list[_Line], k: int) -> tuple[int, str, int] | None:
    """(number, title, index of the title's last line) if line k opens an item in this style."""
    raw = lines[k].text
    text = raw.strip()
    if not text or len(raw) - len(raw.lstrip()) >= 2 or _match("item", "toc", raw):
        return None
    m = _match("item", style, text)
    if not m:
        return None
    number = int(next(g for g in m.groups() if g is not None))
    if style == "bare":
        nxt = _next_nonblank(lines, k + 1)
        if nxt is None:
            return None
        title, end = lines[nxt].text.strip(), nxt
    else:
        title, end = _value_after_number(m), k
    if not title or not (title[0].isupper() or title[0].isdigit()) or _is_heading(title) or len(title) > 250:
        return None
    if _match("item", "enclosure", title):
        return None
    if style == "punkt":
        title, end = _wrapped_title(lines, k, title)
    return number, title, end


def _value_after_number(m: re.Match[str]) -> str:
    found = [g for g in m.groups() if g is not None]
    return found[1].strip() if len(found) > 1 else ""


def _wrapped_title(lines: list[_Line], k: int, title: str) -> tuple[str, int]:
    end = k
    for j in range(k + 1, min(k + 1 + _TITLE_LINES, len(lines))):
        text = lines[j].text.strip()
        if not text or _is_heading(text) or _match("case", "number", text) or _match("item", "punkt", text):
            break
        title, end = join_lines(title, text), j
    return title, end


def _next_nonblank(lines: list[_Line], start: int) -> int | None:
    return next((j for j in range(start, len(lines)) if lines[j].text.strip()), None)


def _announces_item(lines: list[_Line], end: int) -> bool:
    """After a would-be title: a case number, a decision or another part of an item comes soon."""
    seen = 0
    for line in lines[end + 1 :]:
        text = line.text.strip()
        if not text:
            continue
        if _is_heading(text) or _match("case", "number", text):
            return True
        seen += 1
        if seen >= _LOOKAHEAD:
            return False
    return False


def _chain(style: str, lines: list[_Line]) -> list[_Item]:
    items: list[_Item] = []
    for k in range(len(lines)):
        found = _candidate(style, lines, k)
        if not found:
            continue
        number, title, end = found
        if style != "punkt" and not _announces_item(lines, end):
            continue
        if items and number == items[-1].number + 1:
            pass
        elif items and number == items[0].number and not _decided(lines[items[0].index : k]):
            items = []  # the same numbers again: what came first was a table of contents
        elif items or (style != "punkt" and number > 2):
            continue
        offset = next((lines[j].offset for j in range(k, end + 1) if lines[j].offset >= 0), -1)
        items.append(_Item(number, k, title, end, offset))
    for n, item in enumerate(items):
        stop = items[n + 1].index if n + 1 < len(items) else len(lines)
        item.lines = lines[item.title_end + 1 : stop]
    return items


def _decided(lines: list[_Line]) -> bool:
    return any(_match("decision", "heading", t) or _match("decision", "inline", t) for t in (x.text for x in lines))


def _decision(lines: list[_Line], item: _Item) -> str:
    span = item.lines or lines[item.title_end + 1 :]
    body: list[str] = []
    started = False
    for line in span:
        text = line.text.strip()
        if not started:
            inline = _match("decision", "inline", text) if text else None
            if inline:
                started = True
                body.append(inline.group(1) or "")
            elif text and _match("decision", "heading", text):
                started = True
            continue
        if text and (_is_heading(text) or _match("item", "punkt", text)):
            break
        if line.role == BODY:
            body.append(line.text)
    return join_paragraphs(body)


def _case_number(item: _Item) -> str | None:
    seen = 0
    for line in item.lines:
        if not line.text.strip():
            continue
        m = _match("case", "number", line.text)
        if m:
            return m.group(0)
        seen += 1
        if seen >= _LOOKAHEAD:
            break
    return None


def _items(lines: list[_Line]) -> list[AgendaItem]:
    best: list[_Item] = []
    for style in _STYLES:
        chain = _chain(style, lines)
        if len(chain) > len(best):
            best = chain
    return [
        AgendaItem(it.number, re.sub(r"\s+", " ", it.title).strip(), _decision(lines, it), _case_number(it), it.offset)
        for it in best
    ]


# --- meeting ---------------------------------------------------------------------------------


def _head(lines: list[_Line]) -> list[str]:
    """The first non-blank lines, a label alone on its line joined with the value below it."""
    texts = [t for t in (_CELL.sub("", line.text) for line in lines) if t and not _RULE.match(t)][: _HEAD_LINES * 2]
    out: list[str] = []
    k = 0
    while k < len(texts) and len(out) < _HEAD_LINES:
        if _match("meeting", "label", texts[k]) and k + 1 < len(texts):
            out.append(texts[k].rstrip(":").strip() + ": " + texts[k + 1])
            k += 2
            continue
        out.append(texts[k])
        k += 1
    return out


def _time(head: list[str]) -> str | None:
    for text in head:
        value = _value(_match("meeting", "time", text))
        if value:
            hours, minutes = re.split(r"[:.]", value)
            return f"{int(hours):02d}:{minutes}"
    return None


def _place(head: list[str]) -> str | None:
    for text in head:
        value = _value(_match("meeting", "place", text))
        if value:
            return value.strip()
    # "den 26. april 2017 kl. 08:30" / "i Økonomiudvalgsværelset": the place follows the time, on its line or below
    for k, text in enumerate(head):
        if _match("meeting", "time", text):
            value = _value(_match("meeting", "place_after_time", text))
            value = value or _value(_match("meeting", "place_after_time", " ".join(head[k : k + 2])))
            if value:
                return value.strip(" ,.")
    return None


def _is_meeting(kind: str, lines: list[_Line]) -> bool:
    if kind == "minutes":
        return True
    head = [line.text for line in lines if line.text.strip()][:_HEAD_LINES]
    return any(_match("item", "agenda_head", t) for t in head)


@Language.component("agenda_items", assigns=ASSIGNS)
def find_agenda_items(doc: Doc) -> Doc:
    document = document_of(doc)
    lines = _lines(doc)
    if not _is_meeting(document.kind, lines):
        doc.spans["agenda_items"] = []
        return doc
    facts = facts_of(doc)
    head = _head(lines)
    facts.committee = facts.committee or find_committee([line.text for line in lines])
    facts.meeting_time = facts.meeting_time or _time(head)
    facts.meeting_place = facts.meeting_place or _place(head)
    items = _items(lines)
    facts.agenda_items.extend(items)
    spans = []
    for item in items:
        if item.start >= 0:
            end = doc.text.find("\n", item.start)
            span = doc.char_span(item.start, end if end > 0 else len(doc.text), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans["agenda_items"] = spans
    return doc
