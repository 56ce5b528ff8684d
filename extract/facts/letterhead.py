"""The document's head: its title, municipality, administration and (for minutes) committee.

title           an e-mail's subject; a letter's subject line (labelled "Vedr.:", in bold, or standing
                alone in the letterhead, also among the case-number labels); a memo's heading;
                the "Referat …" heading of minutes
municipality    a "… Kommune" letterhead line, else the municipality an e-mail address or web address
                belongs to, a council ("Aarhus Byråd"), the town of the letterhead's postal line, and
                last the municipality the text names most
administration  a forvaltning on a line of its own (letterhead, sidebar, signature), else the one a
                Copenhagen e-mail sub-domain stands for (bif.kk.dk)

Facts that earlier components set are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.clean import looks_like_furniture
from foi.extract.facts.committee import in_heading
from foi.extract.facts.context import all_lines, document_of, facts_of
from foi.extract.facts.header_fields import header_fields
from foi.extract.facts.people import person_name
from foi.extract.model import BODY, MARGIN, NOISE, Facts
from foi.extract.pattern_data import load_patterns

_HEAD_LINES = 25  # non-blank lines at the top that may hold the letterhead
_MEMO_HEADING_LINES = 3  # body lines after the head in which a memo's heading may stand
_MAX_TITLE_WORDS = 20
_PROSE_WORDS = 12
_MAX_UNIT_WORDS = 7
_EMAIL_OR_WEB = re.compile(r"(?:[\w.+\-]+@|https?://|www\.)((?:[\w\-]+\.)+[a-z]{2,})", re.IGNORECASE)
_MENTION = re.compile(r"\b([A-ZÆØÅ][\w\-]+)\s+[Kk]ommunes?\b")
_TIME = re.compile(r"(?:kl\.?\s*)?(?P<h>\d{1,2})[:.](?P<m>\d{2})", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    offset: int
    text: str
    role: str


def _raw() -> dict[str, Any]:
    return load_patterns("letterhead")


@cache
def _rx(group: str, name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _raw()[group][name]), re.IGNORECASE)


def _m(group: str, name: str, text: str) -> re.Match[str] | None:
    return _rx(group, name).search(text.strip().strip("*").strip())


def _value(m: re.Match[str] | None) -> str | None:
    if not m:
        return None
    return next((g for g in m.groups() if g is not None), m.group(0)).strip()


def _slugs(word: str) -> set[str]:
    low = word.lower().replace(" ", "")
    base = low.replace("æ", "ae").replace("å", "aa")
    return {base.replace("ø", "oe"), base.replace("ø", "o")}


@lru_cache(maxsize=1)
def _municipalities() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Lookups to the official name: by name (lower case), by town (lower case), by domain."""
    by_name: dict[str, str] = {}
    by_town: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for row in _raw()["municipality"]["table"]:
        name, town, *domains = row
        by_name[name.lower()] = name
        by_name[f"{town} kommune".lower()] = name
        by_town[town.lower()] = name
        for slug in _slugs(town):
            by_domain[f"{slug}.dk"] = name
            by_domain[f"{slug}kommune.dk"] = name
        for domain in domains:
            by_domain[domain.lower()] = name
    return by_name, by_town, by_domain


def _lines(doc: Doc) -> list[_Line]:
    return [_Line(offset, text, role) for offset, text, role in all_lines(doc)]


def _head(lines: list[_Line]) -> list[_Line]:
    """The non-blank, non-noise lines before the greeting (at most the first few dozen)."""
    out: list[_Line] = []
    for line in lines:
        text = line.text.strip()
        if not text or line.role == NOISE:
            continue
        if re.match(r"^(?:kære|hej|dear)\b", text, re.IGNORECASE) or len(out) >= _HEAD_LINES:
            break
        out.append(line)
    return out


def _strip(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip("*").strip())


# --- title -----------------------------------------------------------------------------------


def _heading_like(text: str, min_words: int) -> bool:
    s = _strip(text)
    words = s.split()
    return (
        min_words <= len(words) <= _MAX_TITLE_WORDS
        and s[:1].isupper()
        and any(ch.islower() for ch in s)
        and not s.endswith((".", ",", ";", "?"))
        and not _m("title", "not_title", s)
    )


def _is_prose(text: str, following: str) -> bool:
    """A paragraph of running text: a long line that ends a sentence or goes on in lower case below."""
    s = _strip(text)
    if len(s.split()) < _PROSE_WORDS:
        return False
    return s.endswith((".", "?", "!", ":")) or following.strip()[:1].islower()


def _recipient_block(head: list[_Line]) -> set[int]:
    """Offsets of the address block's lines: "Til" and the lines below it up to a blank line."""
    block: set[int] = set()
    for k, line in enumerate(head):
        if re.match(r"^til\b", line.text.strip(), re.IGNORECASE):
            block.add(line.offset)
            expected = line.offset + len(line.text) + 1
            for nxt in head[k + 1 :]:
                if nxt.offset != expected:  # a blank line between
                    break
                block.add(nxt.offset)
                expected = nxt.offset + len(nxt.text) + 1
    return block


def _title(kind: str, lines: list[_Line]) -> str | None:
    texts = [line for line in lines if line.text.strip() and line.role != NOISE]
    if kind == "email":  # the top header's Emne:, also where the header is flattened into one line
        top = "\n".join(t.text for t in texts[:20])
        subject = next((f.value for f in header_fields(top) if f.kind == "subject" and f.value), None)
        subject = subject or next((_value(m) for t in texts[:20] if (m := _m("title", "subject", t.text))), None)
        return _rx("title", "subject_end").split(subject)[0].strip() if subject else None
    if kind in ("minutes", "agenda"):  # the heading, or the running header that repeats it on every page
        running = [line for line in lines if line.role == NOISE and line.text.strip()]
        found = next((_strip(t.text) for t in texts[:12] + running if _m("title", "minutes", t.text)), None)
        if found:
            return found
    head = _head(lines)
    for line in head:
        labelled = _value(_m("title", "labelled", line.text))
        if labelled:
            return _strip(labelled)
    for line in texts[:_HEAD_LINES]:
        s = line.text.strip()
        if s.startswith("**") and s.endswith("**") and _heading_like(s, 1):
            return _strip(s)
    if kind == "letter":  # the subject stands below the letterhead: the last candidate above the greeting
        after = [b.text for b in head[1:]] + [""]
        prose = next((k for k, line in enumerate(head) if _is_prose(line.text, after[k])), len(head))
        head = head[:prose]  # … and above the first paragraph, where no greeting opens the letter
        block = _recipient_block(head)
        following = {a.offset: b.text for a, b in zip(head, head[1:], strict=False)}
        candidates = [
            _strip(line.text) for line in head
            if line.offset not in block and not _strip(line.text).isupper() and not person_name(_strip(line.text))
            and _heading_like(line.text, 2) and not looks_like_furniture(line.text, following.get(line.offset, ""))
        ]
        return candidates[-1] if candidates else None
    body = [line for line in texts if line.role == BODY][:_MEMO_HEADING_LINES]
    return next((_strip(line.text) for line in body if _heading_like(line.text, 1)), None)


# --- municipality ----------------------------------------------------------------------------


def _domain_owner(host: str) -> str | None:
    labels = host.lower().strip(".").split(".")
    return _municipalities()[2].get(".".join(labels[-2:])) if len(labels) >= 2 else None


def _municipality(lines: list[_Line]) -> str | None:
    by_name, by_town, _ = _municipalities()
    head = _head(lines)
    for line in head + [line for line in lines if line.role == MARGIN]:
        s = _strip(line.text).lower()
        if s in by_name:
            return by_name[s]
    owners = Counter(
        owner for line in lines for host in _EMAIL_OR_WEB.findall(line.text) if (owner := _domain_owner(host))
    )
    if owners:
        return owners.most_common(1)[0][0]
    for line in lines:
        for m in _rx("municipality", "council").finditer(line.text):
            town = (_value(m) or "").lower()
            if town in by_town:
                return by_town[town]
        for council, owner in _raw()["municipality"]["council_of"].items():
            if council.lower() in line.text.lower():
                return str(owner)
    state = _state_head(head)
    for line in head + [line for line in lines if line.role == MARGIN]:
        town = (_value(_m("municipality", "postal", line.text)) or "").lower()
        if town in by_town and not state:
            return by_town[town]
    mentions = Counter(
        by_name[f"{m.group(1)} kommune".lower()]
        for line in lines
        for m in _MENTION.finditer(line.text)
        if f"{m.group(1)} kommune".lower() in by_name
    )
    if mentions:
        return mentions.most_common(1)[0][0]
    return _by_inhabitants(lines)


def _state_head(head: list[_Line]) -> bool:
    """Whether the head is the state's (a ministry, an agency, the Folketing): its postal town is no municipality."""
    return any(_m("municipality", "state", line.text) for line in head)


def _town_named_most(lines: list[_Line]) -> str | None:
    """A committee's minutes that name no "… Kommune" name their town ("Odense Letbane", "i Odense."):
    the municipality's town named at least twice, and more often than any other."""
    by_town = _municipalities()[1]
    counts = Counter(m.group(0).lower() for line in lines for m in re.finditer(r"\b[A-ZÆØÅ][\wæøå-]+", line.text)
                     if m.group(0).lower() in by_town)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return by_town[ranked[0][0]]
    return None


def _by_inhabitants(lines: list[_Line]) -> str | None:
    demonyms: dict[str, str] = _raw()["municipality"]["demonyms"]
    counts: Counter[str] = Counter()
    for line in lines:
        for word in re.findall(r"\w+", line.text.lower()):
            stem = re.sub(r"(?:ne|e)$", "", word)
            if stem in demonyms:
                counts[demonyms[stem]] += 1
    return counts.most_common(1)[0][0] if counts else None


# --- administration --------------------------------------------------------------------------


def _administration(lines: list[_Line], facts: Facts) -> str | None:
    # letterhead and sidebar first, then running headers ("Københavns Kommune · Socialforvaltningen")
    candidates = _head(lines) + [line for line in lines if line.role == MARGIN]
    candidates += [line for line in lines if line.role == NOISE]
    for line in candidates:
        for part in re.split(r"\s+[·|•–]\s+", _strip(line.text)):
            if len(part.split()) <= _MAX_UNIT_WORDS:
                found = _value(_m("administration", "line", part))
                if found:
                    return found
    if _state_head(_head(lines)):
        for line in _head(lines):
            found = _value(_m("administration", "state_line", _strip(line.text)))
            if found:
                return found
    domains: dict[str, str] = _raw()["administration"]["domains"]
    own = [p.email for p in facts.people if p.email and p.role in ("sender", "signer", "caseworker")]
    others = [m.group(0) for line in lines for m in _EMAIL_OR_WEB.finditer(line.text)]
    for address in own + others:
        host = address.split("@")[-1].lower()
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", host)
        if host in domains:
            return domains[host]
    return None


def _meeting_time_and_place(text: str, facts: Facts) -> None:
    """Time and place from the head's fields ("Tid: 16.00", "Sted: Rådhuset", "Mødedato: … kl. 15:00"),
    where the agenda component found none."""
    fields = [f for f in header_fields(text[: _head_end(text)]) if f.value]
    if facts.meeting_time is None:
        for f in fields:
            m = _TIME.search(f.value) if f.kind in ("time", "time_place", "meeting_date") else None
            if m and (f.kind != "meeting_date" or m.group(0).lower().startswith("kl")):
                facts.meeting_time = f"{int(m['h']):02d}:{m['m']}"
                break
    if facts.meeting_place is None:
        facts.meeting_place = next((f.value for f in fields if f.kind == "place"), None)


def _head_end(text: str) -> int:
    offset = 0
    for n, line in enumerate(text.split("\n")):
        if n >= _HEAD_LINES * 2:
            return offset
        offset += len(line) + 1
    return offset


def _committee(title: str | None) -> str | None:
    """For minutes whose lines named no committee (the agenda component reads them first): the one in the title."""
    return in_heading(title)


@Language.component("letterhead")
def find_letterhead(doc: Doc) -> Doc:
    document = document_of(doc)
    facts = facts_of(doc)
    lines = _lines(doc)
    meeting = document.kind == "minutes" or document.subkind == "agenda"
    facts.title = facts.title or _title("agenda" if document.subkind == "agenda" else document.kind, lines)
    facts.municipality = facts.municipality or _municipality(lines) or (_town_named_most(lines) if meeting else None)
    facts.administration = facts.administration or _administration(lines, facts)
    if meeting:
        facts.committee = facts.committee or _committee(facts.title)
    _meeting_time_and_place(doc.text, facts)
    spans = []
    for value in (facts.title, facts.municipality, facts.administration):
        at = doc.text.find(value) if value else -1
        if value and at >= 0:
            span = doc.char_span(at, at + len(value), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans["letterhead"] = spans
    return doc
