"""Dates: every full date written in a document, the document's own date and the inquiry's date.

A full date has a day, a month and a year, in any of the forms Danish documents use:
"23. oktober 2018", "Mandag den 28. august 2017", "6. oktober 2015 17:31", "10-03-2023", "22.3.2023",
"d. 1/3 2023", "den 25.09.17" (a two-digit year is 20xx), ISO "2025-08-27" and the English of e-mail
headers ("October 6, 2015", "6 Oct 2015"). A day and month without a year ("25. juni") is not a date;
a year is kept as written, and a year far from the document's own is marked implausible.

Each date gets a role: "document" (the letter's dated line, an e-mail's Sendt:, the minutes' Dato: or
Mødedato), "inquiry" (henvendelse af ...), "meeting" (mødet den ...) or "mentioned". The words are data:
`patterns/dates.toml`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import statistics
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import facts_of, line_offsets, set_spans
from foi.extract.model import MARGIN, DateMention
from foi.extract.pattern_data import load_patterns

_HEAD_LINES = 25  # non-blank lines at the top of a document that hold its own date
_CONTEXT = 80  # characters before a date that may give it its role
_ROLE_RANK = {"document": 0, "inquiry": 1, "meeting": 2, "mentioned": 3}
_SPACE = r"[ \t\u00a0]"


@dataclass(frozen=True)
class Mention:
    """One date as written: where it stands and what it says."""

    start: int
    end: int
    date: dt.date
    text: str


def _raw() -> dict[str, Any]:
    return load_patterns("dates")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """One regex for every written form of a full date, with a named group per part and form."""
    months = _raw()["months"]
    month = _alternation(list(months))
    english = _alternation([m for m in months if m.isascii()])
    end = r"(?![\w/-]|[.,]\d)"
    forms = [
        # 23. oktober 2018 | 6 Oct 2015 | 27. aug. 2025
        rf"(?<!\d)(?<!\d[.,/-])(?P<ld>\d{{1,2}})\.?{_SPACE}*(?P<lm>{month})(?![a-zæøå])\.?,?{_SPACE}+(?P<ly>\d{{4}})(?!\d|[-/.]\d)",
        # October 6, 2015
        rf"(?<!\w)(?P<um>{english})\.?{_SPACE}+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,{_SPACE}*(?P<uy>\d{{4}})(?!\d)",
        # 2025-08-27
        r"(?<![\w./-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d/-]|[.,]\d)",
        # 10-03-2023 | 22.3.2023 | 25.09.17 | 1/3/2023
        rf"(?<![\w/-])(?<!\d\.)(?P<nd>\d{{1,2}})(?P<sep>[-./])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}}|\d{{2}}){end}",
        # 1/3 2023 | 1/3-2023
        rf"(?<![\w/.-])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:{_SPACE}+|-)(?P<sy>\d{{4}}){end}",
    ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def _year(text: str, today: dt.date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)  # two digits: 20xx, unless that lies decades ahead (then 19xx)
    return year if year <= today.year + 20 else year - 100


def find(text: str, today: dt.date | None = None) -> list[Mention]:
    """Every full date written in `text`, in reading order."""
    today = today or dt.date.today()
    months = _raw()["months"]
    out: list[Mention] = []
    for m in date_pattern().finditer(text):
        g = m.groupdict()
        if g["ld"]:
            day, month, year = g["ld"], months[g["lm"].lower()], g["ly"]
        elif g["ud"]:
            day, month, year = g["ud"], months[g["um"].lower()], g["uy"]
        elif g["iy"]:
            day, month, year = g["id"], int(g["im"]), g["iy"]
        elif g["nd"]:
            day, month, year = g["nd"], int(g["nm"]), g["ny"]
            if len(year) == 2 and (len(day) < 2 or len(g["nm"]) < 2):
                continue  # "5.2.21" is a section number more often than a date
        else:
            day, month, year = g["sd"], int(g["sm"]), g["sy"]
        try:
            date = dt.date(_year(year, today), int(month), int(day))
        except ValueError:
            continue
        out.append(Mention(m.start(), m.end(), date, m.group()))
    return out


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    raw = _raw()
    w = raw["words"]
    cues = {name: _any(plist) for name, plist in raw["document"].items()}
    cues.update({f"role_{name}": _any(plist) for name, plist in raw["roles"].items()})
    cues["before_only"] = re.compile(
        rf"^(?:{w['case']}\s*)?(?:{w['place']}\s*)?(?:{w['weekday']}\s+)?(?:{w['article']}\s*)?$", re.I
    )
    cues["after_only"] = re.compile(rf"^{w['time']}?[\s.]*$", re.I)
    return cues


def _strip(text: str) -> str:
    return text.strip().strip("*").strip()


def _is_label(cue: re.Pattern[str], line: str) -> bool:
    """Is this line nothing but the cue's label ("Mødedato:", "Dato")?"""
    m = cue.match(line)
    return m is not None and m.end() >= len(line.rstrip(":").rstrip())


def _document_strength(lines: list[tuple[int, str, str]], i: int, m: Mention) -> tuple[int, bool]:
    """How surely a date is the document's own date (0: not at all), and whether it stands alone on its line."""
    cues = _cues()
    offset, text, role = lines[i]
    before = _strip(text[: m.start - offset])
    after = text[m.end - offset :].strip()
    alone = bool(cues["before_only"].match(before)) and bool(cues["after_only"].match(after))
    previous = next((_strip(t) for _o, t, _r in reversed(lines[:i]) if t.strip()), "") if alone else ""
    strength = 4 if alone else 2 if role == MARGIN else 0
    for name, score in (("meeting", 6), ("label", 5), ("dated", 4), ("title", 4)):
        if cues[name].match(before) or (previous and _is_label(cues[name], previous)):
            strength = max(strength, score)
    return strength, alone


def _document_mention(lines: list[tuple[int, str, str]], mentions: list[Mention]) -> Mention | None:
    """The mention that dates the document: the strongest in its head, else the first dated line."""
    nonblank = [offset for offset, text, _role in lines if text.strip()]
    head_end = nonblank[_HEAD_LINES] if len(nonblank) > _HEAD_LINES else sys.maxsize
    offsets = [offset for offset, _text, _role in lines]
    best: tuple[int, Mention] | None = None
    fallback: Mention | None = None
    for m in mentions:
        line = max(0, bisect.bisect_right(offsets, m.start) - 1)
        strength, alone = _document_strength(lines, line, m)
        if m.start < head_end and strength and (best is None or strength > best[0]):
            best = (strength, m)
        if fallback is None and alone:
            fallback = m
    return best[1] if best else fallback


def _role(text: str, m: Mention) -> str:
    before = text[max(0, m.start - _CONTEXT) : m.start].replace("\n", " ")
    cues = _cues()
    if cues["role_inquiry"].search(before):
        return "inquiry"
    if cues["role_meeting"].search(before):
        return "meeting"
    return "mentioned"


def _plausible(year: int, reference: int, today: dt.date) -> bool:
    limits = _raw()["plausible"]
    if year > today.year + limits["years_ahead"] or year > reference + limits["years_ahead"]:
        return False
    return year >= reference - limits["years_back"]


def date_mentions(doc: Doc, today: dt.date | None = None) -> tuple[list[DateMention], DateMention | None]:
    """The dates of a document, each date once with its strongest role, and the document's own date."""
    today = today or dt.date.today()
    text = doc.text
    mentions = find(text, today)
    own = _document_mention(line_offsets(doc), mentions)
    median = int(statistics.median_low([m.date.year for m in mentions])) if mentions else today.year
    reference = own.date.year if own and _plausible(own.date.year, median, today) else median
    best: dict[dt.date, DateMention] = {}
    for m in mentions:
        role = "document" if m is own else _role(text, m)
        mention = DateMention(m.date.isoformat(), m.text, role, _plausible(m.date.year, reference, today), m.start)
        kept = best.get(m.date)
        if kept is None or _ROLE_RANK[role] < _ROLE_RANK[kept.role]:
            best[m.date] = mention
    ordered = sorted(best.values(), key=lambda d: d.start)
    document = next((d for d in ordered if d.role == "document"), None)
    return ordered, document


@Language.component("dates")
def find_dates(doc: Doc) -> Doc:
    mentions, own = date_mentions(doc)
    facts = facts_of(doc)
    facts.dates = mentions
    if own is not None:
        facts.date = own.date
    inquiry = next((d for d in mentions if d.role == "inquiry"), None)
    if inquiry is not None:
        facts.inquiry_date = inquiry.date
    set_spans(doc, "dates", ((d.start, d.start + len(d.text), d.role) for d in mentions))
    return doc
