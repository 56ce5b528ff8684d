"""The committee whose meeting minutes or an agenda record, as its name is written.

Administrations write it in many places (DANISH-DOCUMENTS.md §3.1); the first that names one wins:

1. a label in the head: "Udvalg: Økonomiudvalget", also a table row "Udvalg: | Økonomiudvalget |"
   or the value on the line below the label;
2. the heading, also broken over lines: "Referat / til / mødet i Økonomiudvalget / den 26. april
   2017", "Referat fra Økonomiudvalget Mødedato: …", "REFERAT Aarhus Byråd d. 27-08-2025",
   "23. oktober 2023 - referat fra byrådet", an e-mail's "Emne: Dagsorden til mødet i …";
3. the name before the kind of record: "Forretningsudvalget - referat 05-12-2007";
4. the name with the meeting's date alone on a line: "Byrådet 23. oktober 2023";
5. a head line that is the name alone: "Kommunalbestyrelsen i Odder", "Teknisk Udvalg";
6. over the whole document, the name said most often in the running item header ("Kultur- og
   Idrætsudvalget, 03-04-2019, pkt. 42"), in decision headings ("Beslutning i Byrådet den …",
   "Økonomiudvalgets beslutning den …") or in prose minutes ("afholdt Energitilsynet møde").

A name is kept as written without the words around it ("til mødet i", the date, "referat"). It must
have a name's shape (patterns/committee.toml [name] shape): a word ending in a council's or a
committee's noun, with capitalised words or "Kultur- og …" before it and at most "i <place>" or
"for <field>" after it ("Byrådsmedlem Anne Hansen" and "Økonomiudvalget anbefaler sagen" are none).
A name found in lower case inside a sentence ("referat fra byrådet") gets its capital back, and one
in capitals ("ØKONOMIUDVALGET") is written as a name. The head ends where an item's history
("Sagsforløb", whose "Udvalg:" names an earlier meeting) begins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from foi.extract.pattern_data import any_of, load_patterns

_HEAD_LINES = 16  # non-blank lines at the top that may name the committee
_MAX_WORDS = 8  # "Udvalget for Klima, Miljø og Teknik i Region Hovedstaden" is about as long as they get
_HEAD_ORDER = ("label", "heading", "before_kind", "dated", "alone")
_BODY_ORDER = ("running", "decision", "held")
_CELL = re.compile(r"^[\s|*•#>]+|[\s|*]+$")  # table pipes, bullets, Markdown emphasis around a line
_RULE = re.compile(r"^[\s|:\-–]*$")  # a table's rule line "---|---|", or a lone pipe
_SMALL_WORDS = {"og", "for", "i", "af"}
_GENITIVE = re.compile(r"^(.+?(?:et|en))s\s+(?:(?:ordinære|ekstraordinære)\s+)?møde(?:\s+nr\.?)?$", re.IGNORECASE)


@cache
def _patterns(group: str, name: str) -> tuple[re.Pattern[str], ...]:
    """Each alternative on its own, so that one that fails does not hide a later one on the same line."""
    flags = re.IGNORECASE | re.MULTILINE
    return tuple(re.compile(p, flags) for p in load_patterns("committee")[group][name])


@cache
def _any(group: str, name: str) -> re.Pattern[str]:
    return any_of(load_patterns("committee")[group][name])


def _cell(text: str) -> str:
    return _CELL.sub("", text.replace("\u00a0", " "))


def clean_name(raw: str) -> str | None:
    """The committee's name in `raw`, cut where its date, time, place or the next label begins; None
    where what is left is no committee's name."""
    text = re.sub(r"\s+", " ", raw).strip()
    end = _any("name", "end").search(text)
    if end:
        text = text[: end.start()]
    text = text.strip(" \t-–:;,.|*\"'»«")
    genitive = _GENITIVE.match(text)
    if genitive:
        text = genitive.group(1)
    if not text or len(text.split()) > _MAX_WORDS:
        return None
    if not _any("name", "shape").search(text) or _any("name", "not_name").search(text):
        return None
    if _any("name", "generic").search(text):
        return None
    if text.isupper():  # "ØKONOMIUDVALGET", "UDVALGET FOR TEKNIK OG MILJØ": written as a name
        return " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in text.lower().split())
    return text[0].upper() + text[1:]


def _head(texts: Iterable[str]) -> str:
    lines: list[str] = []
    for text in texts:
        cell = _cell(text)
        if _any("head", "stop").search(cell):
            break
        if cell and not _RULE.match(cell):
            lines.append(cell)
            if len(lines) >= _HEAD_LINES:
                break
    return "\n".join(lines)


def in_head(head: str, order: tuple[str, ...] = _HEAD_ORDER) -> str | None:
    """The committee named in a document's first lines (joined with newlines), by the head rules in order."""
    for name in order:
        for pattern in _patterns("head", name):
            for m in pattern.finditer(head):
                found = clean_name(m.group(1) or "")
                if found:
                    return found
    return None


def in_heading(title: str | None) -> str | None:
    """The committee named in a heading alone ("Referat - Socialudvalget den 3. maj 2021")."""
    return in_head(_cell(title or ""), ("heading", "before_kind", "dated")) if title else None


def in_body(texts: Iterable[str]) -> str | None:
    """The committee said most often in the document's running item headers, decision headings and
    prose; of two said as often, the one named later (a council's decision follows its committee's)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        line = _cell(text)
        for name in _BODY_ORDER:
            for pattern in _patterns("body", name):
                m = pattern.search(line)
                found = clean_name(m.group(1)) if m else None
                if found:
                    counts[found] += 1
                    first.setdefault(found, k)
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], first[name]))


def find_committee(texts: list[str]) -> str | None:
    """The committee of a meeting document, from its lines (letterhead, running headers and body)."""
    return in_head(_head(texts)) or in_body(texts)
