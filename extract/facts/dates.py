"""Dates: every full date written in a document, the document's own date and the inquiry's date.

A full date has a day, a month and a year, in any of the forms Danish documents use:
"23. oktober 2018", "Mandag den 28. august 2017", "6. oktober 2015 17:31", "10-03-2023", "22.3.2023",
"d. 1/3 2023", "den 25.09.17" (a two-digit year is 20xx), ISO "2025-08-27" and "2022-10-4",
"22-juni-2020", the archaic "År 2003, den 26. maj" and the English of e-mail headers ("October 6,
2015", "6 Oct 2015"). A day and month without a year ("25. juni") is not a date, unless it stands
alone under a heading that gives the year; a year is kept as written, and a year far from the
document's own is marked implausible.

Each date gets a role from the words around it: "inquiry" (henvendelse af ...), "meeting" (mødet den
...), "deadline" (senest den ...), "received" (modtaget den ...), "cited" (dom af ..., lov nr. 5 af
...) or "mentioned"; the document's own date is "document" (see document_date.py for how it is
chosen). The words are data: `patterns/dates.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.danish.calendar import months
from foi.extract.facts.context import facts_of, set_spans
from foi.extract.model import DateMention
from foi.extract.pattern_data import load_patterns

_CONTEXT = 80  # characters before a date that may give it its role
_ROLE_RANK = {"document": 0, "inquiry": 1, "meeting": 2, "received": 3, "deadline": 4, "cited": 5, "mentioned": 6}
_SPACE = r"[ \t\u00a0]"


@dataclass(frozen=True)
class Mention:
    """One date as written: where it stands and what it says."""

    start: int
    end: int
    date: dt.date
    text: str


def raw_patterns() -> dict[str, Any]:
    return load_patterns("dates")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """One regex for every written form of a full date, with a named group per part and form."""
    names = months()
    month = _alternation(list(names))
    english = _alternation([m for m in names if m.isascii()])
    end = r"(?![\w/-]|[.,]\d)"
    forms = [
        # År 2003, den 26. maj (minutes of old)
        rf"(?<!\w)år{_SPACE}+(?P<ay>\d{{4}}),?{_SPACE}+(?:den|d\.){_SPACE}*(?P<ad>\d{{1,2}})\.{_SPACE}*"
        rf"(?P<am>{month})(?![a-zæøå])",
        # 23. oktober 2018 | 6 Oct 2015 | 27. aug. 2025 | 22-juni-2020 | 2. maj2024 (a lost space)
        rf"(?<!\d)(?<!\d[.,/-])(?P<ld>\d{{1,2}})(?:\.?{_SPACE}*|-)(?P<lm>{month})(?![a-zæøå])"
        rf"(?:\.?,?{_SPACE}*|-)(?P<ly>\d{{4}})(?!\d|[-/.]\d)",
        # October 6, 2015
        rf"(?<!\w)(?P<um>{english})\.?{_SPACE}+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,{_SPACE}*(?P<uy>\d{{4}})(?!\d)",
        # 2025-08-27 | 2022-10-4
        r"(?<![\w./-])(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d/-]|[.,]\d)",
        # 10-03-2023 | 22.3.2023 | 25.09.17 | 1/3/2023
        rf"(?<![\w/-])(?<!\d\.)(?P<nd>\d{{1,2}})(?P<sep>[-./])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}}|\d{{2}}){end}",
        # 1/3 2023 | 1/3-2023
        rf"(?<![\w/.-])(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:{_SPACE}+|-)(?P<sy>\d{{4}}){end}",
    ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


@lru_cache(maxsize=1)
def day_month_pattern() -> re.Pattern[str]:
    """A day and a month without a year: "27. januar"."""
    month = _alternation([m for m in months() if len(m) > 3])
    return re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.{_SPACE}*(?P<m>{month})(?![a-zæøå])(?!\.?,?{_SPACE}*\d)", re.I)


@lru_cache(maxsize=1)
def glued_pattern() -> re.Pattern[str]:
    """A date at the start of a header value whose next value was glued to it: "15. juni 2009847164"."""
    month = _alternation(list(months()))
    return re.compile(rf"^(?P<d>\d{{1,2}})\.?{_SPACE}*(?P<m>{month})\.?{_SPACE}*(?P<y>(?:19|20)\d{{2}})", re.I)


def _year(text: str, today: dt.date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)  # two digits: 20xx, unless that lies decades ahead (then 19xx)
    return year if year <= today.year + 20 else year - 100


def _parts(g: dict[str, str | None]) -> tuple[str, int, str] | None:
    names = months()
    if g["ad"]:
        return str(g["ad"]), names[str(g["am"]).lower()], str(g["ay"])
    if g["ld"]:
        return str(g["ld"]), names[str(g["lm"]).lower()], str(g["ly"])
    if g["ud"]:
        return str(g["ud"]), names[str(g["um"]).lower()], str(g["uy"])
    if g["iy"]:
        return str(g["id"]), int(str(g["im"])), str(g["iy"])
    if g["nd"]:
        if len(str(g["ny"])) == 2 and (len(str(g["nd"])) < 2 or len(str(g["nm"])) < 2):
            return None  # "5.2.21" is a section number more often than a date
        return str(g["nd"]), int(str(g["nm"])), str(g["ny"])
    return str(g["sd"]), int(str(g["sm"])), str(g["sy"])


def find(text: str, today: dt.date | None = None) -> list[Mention]:
    """Every full date written in `text`, in reading order."""
    today = today or dt.date.today()
    out: list[Mention] = []
    for m in date_pattern().finditer(text):
        parts = _parts(m.groupdict())
        if parts is None:
            continue
        day, month, year = parts
        try:
            date = dt.date(_year(year, today), int(month), int(day))
        except ValueError:
            continue
        out.append(Mention(m.start(), m.end(), date, m.group()))
    return out


def find_glued(value: str, offset: int) -> Mention | None:
    """The date that opens a header value although another value was glued to its year."""
    m = glued_pattern().match(value)
    if not m:
        return None
    try:
        date = dt.date(int(m["y"]), months()[m["m"].lower()], int(m["d"]))
    except ValueError:
        return None
    return Mention(offset, offset + m.end(), date, m.group())


def find_yearless(text: str, year: int) -> Mention | None:
    """ "27. januar" in `text` as a date of `year`."""
    m = day_month_pattern().search(text)
    if not m:
        return None
    try:
        date = dt.date(year, months()[m["m"].lower()], int(m["d"]))
    except ValueError:
        return None
    return Mention(m.start(), m.end(), date, m.group())


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    raw = raw_patterns()
    w = raw["words"]
    out = {name: _any(plist) for name, plist in raw["document"].items()}
    out.update({f"role_{name}": _any(plist) for name, plist in raw["roles"].items()})
    out.update({name: re.compile(p, re.IGNORECASE) for name, p in raw["heading"].items()})
    out["before_only"] = re.compile(
        rf"^(?:{w['case']}\s*)?(?:{w['place']}\s*)?(?:{w['weekday']}\s+)?(?:{w['article']}\s*)?$", re.I
    )
    out["after_only"] = re.compile(rf"^{w['time']}?[\s.]*$", re.I)
    return out


def role(text: str, m: Mention) -> str:
    """The role the words around a date give it (not "document": that is the document date's choice)."""
    before = text[max(0, m.start - _CONTEXT) : m.start].replace("\n", " ")
    after = text[m.end : m.end + _CONTEXT]
    c = cues()
    if c["role_inquiry"].search(before):
        return "inquiry"
    if c["role_inquiry_opening"].search(before) and c["role_inquiry_after"].match(after):
        return "inquiry"
    if c["role_meeting"].search(before) or c["role_meeting_after"].match(after):
        return "meeting"
    for name in ("deadline", "received", "cited"):
        if c[f"role_{name}"].search(before):
            return name
    return "mentioned"


def _plausible(year: int, reference: int, today: dt.date) -> bool:
    limits = raw_patterns()["plausible"]
    if year > today.year + limits["years_ahead"] or year > reference + limits["years_ahead"]:
        return False
    return year >= reference - limits["years_back"]


def date_mentions(doc: Doc, today: dt.date | None = None) -> tuple[list[DateMention], DateMention | None]:
    """The dates of a document, each date once with its strongest role, and the document's own date."""
    from foi.extract.facts.document_date import choose

    today = today or dt.date.today()
    text = doc.text
    mentions = find(text, today)
    chosen = choose(doc, mentions, today)
    # a header label gives its date a role ("Offentliggjort:", "Frist:"); the document's date is chosen once
    labelled = {start: r for start, r in chosen.roles.items() if r != "document"}
    roles = {id(m): labelled.get(m.start) or role(text, m) for m in mentions}
    for m, fixed in chosen.extra:  # dates found only by their place: a running header, a header field
        mentions.append(m)
        roles[id(m)] = fixed
    own = chosen.own
    median = int(statistics.median_low([m.date.year for m in mentions])) if mentions else today.year
    reference = own.date.year if own and _plausible(own.date.year, median, today) else median
    best: dict[dt.date, DateMention] = {}
    for m in mentions:
        this_role = "document" if own is not None and m.start == own.start and m.date == own.date else roles[id(m)]
        mention = DateMention(m.date.isoformat(), m.text, this_role, _plausible(m.date.year, reference, today), m.start)
        kept = best.get(m.date)
        if kept is None or _ROLE_RANK[this_role] < _ROLE_RANK[kept.role]:
            best[m.date] = mention
    ordered = sorted(best.values(), key=lambda d: (d.start < 0, d.start))
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
