"""The document's own date: the strongest of the places a Danish document puts it.

Every date is weighed by where it stands (the scale is data: `[strength]` in patterns/dates.toml):

    Dato: 3. marts 2019 · Sendt: … · Udgave: …  a header field, on one line, stacked or flattened
    Mødedato: 3. april 2019                     the meeting date, the document's date for minutes and agendas
    Statsforvaltningens brev af 21. august 2008 til …   the title names the document itself
    København, den 3. marts 2019                a dated line in the head (or just above the closing)
    23. oktober 2023 - referat fra byrådet      a short heading that carries the date
    2. maj 2024 (running header, every page)    a date in the running header
    27. januar  (under "Spørgsmål og svar 2014")        a day and month, the year from the heading
    … Ankestyrelsen 21. august 2018 Klage …     a date between capitalised words where a line break was lost

A date the words around it cite ("brev af …", "dom af …", "senest den …") is never the document's
date, unless a header label says so. The strongest wins; between equals, the earliest.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from foi.extract.facts.context import all_lines, document_of
from foi.extract.facts.dates import Mention, cues, find, find_glued, find_yearless, raw_patterns, role
from foi.extract.facts.header_fields import HeaderField, header_fields
from foi.extract.model import MARGIN, NOISE

_NOT_OWN = {"inquiry", "cited", "deadline", "received"}
_UPPER_NEXT = re.compile(r"^[\s,.]*(?:$|[A-ZÆØÅ\d\"“”(])")
_WORDS_OF_HEADING = 12
_WORDS_BEFORE_IN_HEADING = 6


@dataclass
class Chosen:
    """The document's date (None if none), dates found only by their place (a running header, a glued
    header value) with their role, roles set by header labels, and why the date was chosen."""

    own: Mention | None = None
    extra: list[tuple[Mention, str]] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True)
class _Candidate:
    strength: int
    position: int
    mention: Mention
    reason: str
    extra: bool = False


def _strength(name: str) -> int:
    return int(raw_patterns()["strength"][name])


def _from_fields(doc: Doc, head_end: int, meeting_kind: bool, by_start: dict[int, Mention]) -> tuple[
        list[_Candidate], dict[int, str]]:
    """Candidates from header fields ("Dato:", "Mødedato:", "Sendt:") and the roles their labels give."""
    config: dict[str, Any] = raw_patterns()["fields"]
    out: list[_Candidate] = []
    roles: dict[int, str] = {}
    sent_seen = False
    for f in header_fields(doc.text):
        rule = config.get(f.kind)
        if rule is None or not f.value:
            continue
        mention = _value_date(f, by_start)
        if mention is None:
            continue
        roles[mention.start] = str(rule["role"])
        strength = int(rule.get("minutes_strength", rule["strength"]) if meeting_kind else rule["strength"])
        if f.kind == "sent":  # a quoted reply's Sendt: below the top header is not this e-mail's date
            strength, sent_seen = (0 if sent_seen else strength), True
        if strength and f.start >= head_end:
            strength -= 1
        if strength:
            extra = mention.start not in by_start
            out.append(_Candidate(strength, mention.start, mention, f"{f.label}: field", extra))
    return out, roles


def _value_date(f: HeaderField, by_start: dict[int, Mention]) -> Mention | None:
    found = find(f.value)
    if found:
        m = found[0]
        at = f.value_start + m.start
        return by_start.get(at, Mention(at, at + len(m.text), m.date, m.text))
    return find_glued(f.value, f.value_start)


def _line_of(offsets: list[int], start: int) -> int:
    return max(0, bisect.bisect_right(offsets, start) - 1)


def _is_label(cue: re.Pattern[str], line: str) -> bool:
    """Is this line nothing but the cue's label ("Mødedato:", "Dato")?"""
    m = cue.match(line)
    return m is not None and m.end() >= len(line.rstrip(":").rstrip())


def _labels(cue: re.Pattern[str], before: str, title: bool) -> bool:
    """Does the cue label the date: "Dato: Mandag den …", or (a title) "Referat fra Byrådet den …"?"""
    m = cue.match(before)
    return m is not None and (title or bool(cues()["before_only"].match(before[m.end() :].strip(" :"))))


def _strip(text: str) -> str:
    return text.strip().strip("*").strip()


def _from_lines(doc: Doc, mentions: list[Mention], head_end: int, meeting_kind: bool, answer: bool
                ) -> list[_Candidate]:
    """Candidates from the place of each date written in the text."""
    c = cues()
    s = raw_patterns()["strength"]
    lines = [(o, t, r) for o, t, r in all_lines(doc) if o >= 0]
    offsets = [o for o, _t, _r in lines]
    text = doc.text
    out: list[_Candidate] = []
    decisions: list[Mention] = []
    for m in mentions:
        i = _line_of(offsets, m.start)
        offset, line, line_role = lines[i]
        before = _strip(line[: m.start - offset])
        after = line[m.end - offset :].strip()
        in_head = m.start < head_end
        if m.start < s["free_chars"] and c["own_title"].match(before):
            out.append(_Candidate(_strength("own_title"), m.start, m, "title names the document"))
            continue
        this_role = role(text, m)
        if this_role in _NOT_OWN:
            continue
        alone = bool(c["before_only"].match(before)) and bool(c["after_only"].match(after))
        previous = next((_strip(t) for _o, t, _r in reversed(lines[:i]) if t.strip()), "")
        for name, score in (("meeting", 6), ("label", 5), ("decided", 5), ("dated", 4), ("title", 4)):
            if in_head and (_labels(c[name], before, name == "title") or (alone and _is_label(c[name], previous))):
                out.append(_Candidate(score, m.start, m, f"{name} cue"))
        if alone:
            if in_head:
                out.append(_Candidate(_strength("alone"), m.start, m, "dated line in the head"))
            elif _closing_below(lines, i):
                out.append(_Candidate(_strength("alone_late"), m.start, m, "dated line above the closing"))
            else:
                out.append(_Candidate(_strength("alone_body"), m.start, m, "dated line"))
            continue
        if in_head and _heading(line, before) and (this_role != "meeting" or meeting_kind):
            name = "heading_kind" if c["kind"].search(line) else "heading"
            out.append(_Candidate(_strength(name), m.start, m, "heading with a date"))
        if line_role == MARGIN:
            out.append(_Candidate(_strength("margin"), m.start, m, "date in the letterhead"))
        if meeting_kind and c["decision"].match(before):
            decisions.append(m)
        if this_role == "meeting" and in_head and (meeting_kind or answer):
            name = "meeting_minutes" if meeting_kind else "meeting_answer"
            out.append(_Candidate(_strength(name), m.start, m, "the meeting's date"))
        if m.start < s["free_chars"] and _free_standing(text, m):
            out.append(_Candidate(_strength("free_standing"), m.start, m, "date standing between capitalised words"))
    if decisions:  # the date most decisions carry is the meeting's; others are earlier meetings
        common = Counter(m.date for m in decisions).most_common(1)[0][0]
        out += [_Candidate(_strength("decision" if m.date == common else "decision_other"), m.start, m,
                           "the decisions' date") for m in decisions]
    return out


def _closing_below(lines: list[tuple[int, str, str]], i: int) -> bool:
    below = [t for _o, t, _r in lines[i + 1 :] if t.strip()][: int(raw_patterns()["strength"]["late_lines"])]
    return any(cues()["closing"].match(_strip(t)) for t in below)


def _heading(line: str, before: str) -> bool:
    """A short heading line with a date in it, not a sentence."""
    return (len(line.split()) <= _WORDS_OF_HEADING and len(before.split()) <= _WORDS_BEFORE_IN_HEADING
            and not line.rstrip().endswith((".", ",", ";", ":")) and not cues()["heading_stop"].search(before))


def _free_standing(text: str, m: Mention) -> bool:
    """A date between two capitalised words or numbers, where a transcript lost the line breaks."""
    before = text[max(0, m.start - 40) : m.start]
    return not cues()["sentence_word"].search(before) and bool(_UPPER_NEXT.match(text[m.end : m.end + 3]))


def _from_running_headers(doc: Doc, today: dt.date) -> list[_Candidate]:
    out: list[_Candidate] = []
    for _o, line, line_role in all_lines(doc):
        if line_role != NOISE:
            continue
        for m in find(line, today):
            placed = Mention(-1, -1, m.date, m.text)
            out.append(_Candidate(_strength("running_header"), sys.maxsize, placed, "running header", True))
            return out  # the first is enough: it is printed on every page
    return out


def _yearless(doc: Doc, head_end: int) -> list[_Candidate]:
    """ "27. januar" alone in the head, the year from a heading above it ("Spørgsmål og svar 2014")."""
    c = cues()
    year: int | None = None
    for offset, line, _r in all_lines(doc):
        if offset < 0 or not line.strip():
            continue
        if offset >= head_end:
            break
        heading = c["year_heading"].match(_strip(line))
        if heading:
            year = int(heading.group(1))
            continue
        m = find_yearless(line, year) if year else None
        if m and c["before_only"].match(_strip(line[: m.start])) and c["after_only"].match(line[m.end :].strip()):
            placed = Mention(offset + m.start, offset + m.end, m.date, m.text)
            return [_Candidate(_strength("yearless"), placed.start, placed, "day and month under a dated heading",
                               True)]
    return []


def choose(doc: Doc, mentions: list[Mention], today: dt.date) -> Chosen:
    """The document's own date among `mentions` (or found by its place)."""
    document = document_of(doc)
    meeting_kind = document.kind == "minutes" or document.subkind == "agenda"
    nonblank = [o for o, t, _r in all_lines(doc) if o >= 0 and t.strip()]
    head_lines = int(raw_patterns()["strength"]["head_lines"])
    head_end = nonblank[head_lines] if len(nonblank) > head_lines else sys.maxsize
    by_start = {m.start: m for m in mentions}
    candidates, roles = _from_fields(doc, head_end, meeting_kind, by_start)
    candidates += _from_lines(doc, mentions, head_end, meeting_kind, document.subkind == "answer")
    candidates += _from_running_headers(doc, today)
    if not candidates:
        candidates += _yearless(doc, head_end)
    chosen = Chosen(roles=roles)
    extras = {id(c.mention): c.mention for c in candidates if c.extra and c.mention.start not in by_start}
    if candidates:
        best = max(candidates, key=lambda c: (c.strength, -c.position))
        chosen.own, chosen.reason = best.mention, best.reason
        if id(best.mention) in extras:
            chosen.extra.append((best.mention, "document"))
    for mention in extras.values():
        if mention is not chosen.own and mention.start >= 0:
            chosen.extra.append((mention, roles.get(mention.start, "mentioned")))
    return chosen
