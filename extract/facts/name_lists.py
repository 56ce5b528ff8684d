"""Names of organisations and companies that stand in a list, known by what the list is.

1. A list of parties, one a line, after an intro that says who they are ("Følgende høringsparter har
   fremsendt bemærkninger:"). Bullets alone on a line ("-") and blank lines are list furniture.
2. An enumeration after a cue in running text: after a cue that names parties ("høringssvar fra X og
   Y", "indstillet af X") each capitalised member; after a loose cue ("f.eks. X, Y og Z", "bl.a.") only
   a list with commas, and none where a member is a thing in lower case ("herunder TOPI, Sprog og
   leg"). An "og" inside a member that a comma follows binds the member ("Bricks, Kilden og Hindby,
   Bestseller Koncernen"); the last "og" parts two members.
3. Agenda items of the shape "<party> - <what about it>" ("6. Eltra - krav til ELSAM om …"), when
   the other items' parties are names found by other rules: the rest are parties too.
4. A name in the genitive before a word only an organisation has ("Blue Koldings bestyrelse").

A member that is a person's name, a place, the municipality's own unit or a word written in lower
case elsewhere in the document is left out. The words are data: `patterns/organizations.toml` [lists].
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from foi.extract.facts.legal_forms import patterns as form_patterns
from foi.extract.facts.organization_data import (
    NAME_WORD,
    UPPER,
    Found,
    Paragraph,
    is_place,
    is_unit,
    stop_word,
)
from foi.extract.model import BODY
from foi.extract.pattern_data import any_of, load_patterns

_BULLET_ONLY = re.compile(r"^\s*[-–•▪●◦*]\s*$")
_BULLET = re.compile(r"^\s*(?:[-–•▪●◦*]|\(?\d{1,3}[.)])\s+")
_MEMBER = re.compile(rf"{NAME_WORD}(?:\s+(?:&\s+|og\s+|af\s+|for\s+|i\s+)?{NAME_WORD}){{0,5}}")
_MAX_LINE = 70


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    raw: dict[str, Any] = load_patterns("organizations")["lists"]
    return {
        "intro": any_of(raw["intro"]),
        "enumeration": re.compile(rf"(?:{'|'.join(raw['enumeration'])})\s*:?\s+(?=[{UPPER}])", re.IGNORECASE),
        "parties": re.compile(rf"(?:{'|'.join(raw['parties'])})\s*:?\s+(?=[{UPPER}])", re.IGNORECASE),
        "tail": frozenset(raw["tail"]),
        "genitive": re.compile(
            rf"((?<![\w-]){NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})s\s+(?:{'|'.join(raw['genitive_of'])})\b"
        ),
        "item": re.compile(
            rf"^\s*\d{{1,3}}\.?\s+({NAME_WORD}(?:\s+(?:og\s+|af\s+|&\s+)?{NAME_WORD}){{0,4}})\s+[-–]\s+[a-zæøå]"
        ),
    }


def _no_name(name: str, person_words: set[str], lower_words: set[str]) -> bool:
    words = name.split()
    if not words or stop_word(words[0]) or is_unit(name) or any(is_place(w) for w in words if len(words) == 1):
        return True
    if any(w in person_words for w in words):
        return True
    return len(words) == 1 and name.lower() in lower_words  # a common noun written with a capital


# -- lists of parties, one a line ----------------------------------------------------------------------
def party_lists(rows: list[tuple[int, str, str]], person_words: set[str], lower_words: set[str]) -> list[Found]:
    """The names listed one a line after an intro that says they are parties ("høringsparter …:")."""
    w = _words()
    out: list[Found] = []
    in_list = False
    for i, (offset, text, role) in enumerate(rows):
        if not text.strip() or _BULLET_ONLY.match(text):
            continue
        line = text.strip()
        if role == BODY and line.endswith(":") and w["intro"].search(line):
            in_list = True
            continue
        if not in_list:
            continue
        name = _BULLET.sub("", line, count=1).strip()
        if role != BODY and not (_list_like(name) and _sandwiched(rows, i)):
            continue  # a sidebar line; but a name the cleaner took for one between two names counts ("HOFOR")
        if not _list_like(name):
            in_list = False
            continue
        if len(re.findall(r"\d+", name)) > 1:
            continue  # page furniture between the names: "L 148 - 2024-25 - Bilag 1"
        if name.isupper() or not _no_name(name, person_words, lower_words):  # "HOFOR", "SYNERGI" as written
            out.append((name, offset + text.index(name)))
    return out


def _list_like(name: str) -> bool:
    return len(name) <= _MAX_LINE and name[:1].isupper() and not re.search(r"[.:;!?]$", name) and len(name.split()) <= 8


def _sandwiched(rows: list[tuple[int, str, str]], i: int) -> bool:
    """Are the lines before and after row i body lines of a list?"""
    before = next((t for _, t, r in reversed(rows[:i]) if t.strip()), "")
    after = next(((t, r) for _, t, r in rows[i + 1 :] if t.strip()), ("", ""))
    return _list_like(before.strip()) and after[1] == BODY and _list_like(after[0].strip())


# -- enumerations in running text ----------------------------------------------------------------------
_CLAUSE = re.compile(r"\s*(?:som|der|hvor|men|hvilket|mens|idet|da|så|samt|og\s+(?:har|er|vil|skal|kan))\b")


def _members(text: str) -> list[tuple[str, int]]:
    """The names of an enumeration that opens `text`, with their offsets in it."""
    chunks = [(m.group(0), m.start()) for m in re.finditer(r"[^,]+", text)]
    out: list[tuple[str, int]] = []
    for i, (chunk, at) in enumerate(chunks):
        if not re.match(rf"\s*{NAME_WORD}", chunk):
            # a clause after the list ends it; a thing in lower case makes it a list of things
            return out if _CLAUSE.match(chunk) else []
        last = i == len(chunks) - 1 or _CLAUSE.match(chunks[i + 1][0]) is not None
        parts = re.split(r"(\s+(?:og|samt|eller)\s+)", chunk) if last else [chunk]
        pos = at
        for part in parts:
            if re.fullmatch(r"\s+(?:og|samt|eller)\s+", part):
                pos += len(part)
                continue
            m = _MEMBER.match(part, len(part) - len(part.lstrip()))
            if m is None:
                return []
            out.append((m.group(0), pos + m.start()))
            rest = part[m.end() :].strip()
            pos += len(part)
            if rest and rest.rstrip("?.!") not in _words()["tail"]:
                return out  # the sentence goes on after this member
        if last:
            break
    return out


def enumerations(para: Paragraph, person_words: set[str], lower_words: set[str]) -> list[Found]:
    """The capitalised members of an enumeration after a cue ("høringssvar fra X, Y og Z")."""
    out: list[Found] = []
    cues = [(m, 1) for m in _words()["parties"].finditer(para.text)]
    cues += [(m, 2) for m in _words()["enumeration"].finditer(para.text)]
    for cue, least in cues:
        rest = para.text[cue.end() : cue.end() + 300]
        rest = re.split(r"[.!?;:](?:\s|$)|\(", rest, maxsplit=1)[0]
        members = _members(rest)
        if len(members) < least or (least > 1 and "," not in rest[: members[-1][1]]):
            continue  # after a loose cue ("bl.a.") a list has commas: "X og Y" may be one name
        for name, at in members:
            name = name.rstrip(".")
            if not _no_name(name, person_words, lower_words) and form_patterns().form_at_end.search(name) is None:
                out.append((name, para.start(cue.end() + at)))
    return out


def genitive_owners(para: Paragraph, person_words: set[str]) -> list[Found]:
    """"Blue Koldings bestyrelse": a name in the genitive before a board, owners or shares."""
    out: list[Found] = []
    for m in _words()["genitive"].finditer(para.text):
        name = m.group(1)
        words = name.split()
        if len(words) < 2 and (is_place(name) or name.lower() in person_words):
            continue
        if not _no_name(name, person_words, set()) and not is_place(name):
            out.append((name, para.start(m.start(1))))
    return out


# -- agenda items of parties ---------------------------------------------------------------------------
def agenda_parties(rows: list[tuple[int, str, str]], known: set[str], lower_words: set[str]) -> list[Found]:
    """Parties of agenda items "N. <party> - <what>", when most items' parties are known names."""
    items: list[tuple[str, int]] = []
    for offset, text, role in rows:
        if role == BODY and (m := _words()["item"].match(text)):
            at = m.start(1)
            for name in re.split(r"\s+og\s+", m.group(1)):  # "Dania Elforsyning og ELRO - …": two parties
                at = text.index(name, at)
                items.append((name, offset + at))
    folded = {k.casefold() for k in known}
    hits = [n for n, _ in items if any(n.casefold() in k or k in n.casefold() for k in folded)]
    if len(items) < 3 or len(hits) < 0.5 * len(items):
        return []
    return [(n, at) for n, at in items if n not in hits and not _no_name(n, set(), lower_words)]
