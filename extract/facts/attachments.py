"""Attachments a document names: "Bilag: ...", "Vedhæftede filer: a.pdf; b.pdf", and the lists under
a "Bilag" heading in minutes and agendas ("  1. Tv2 Lorry - artikel om intrgration (pdf)").

An attachment's name is kept as written, without its list number, its "Bilag N:" label and a file
type in brackets; a wrapped name (a next line that starts in lower case) is joined. The words are
data: `patterns/attachments.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import ASSIGNS, facts_of, first_of_each, line_offsets, set_spans
from foi.extract.model import AttachmentName
from foi.extract.pattern_data import any_of, load_patterns

_WRAPPED_WORDS = 6  # the most words a wrapped end of a name on the next line may have
_FILE_NAME = re.compile(r"\.\w{2,4}$")  # "brev.pdf": a whole name, not the start of a wrapped one


@dataclass(frozen=True)
class _Rules:
    inline: re.Pattern[str]
    heading: re.Pattern[str]
    number: re.Pattern[str]
    file_type: re.Pattern[str]
    skip: re.Pattern[str]
    stop: re.Pattern[str]
    max_item_words: int
    max_items: int




@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_patterns("attachments")
    return _Rules(
        re.compile(raw["inline"], re.IGNORECASE),
        re.compile(raw["heading"], re.IGNORECASE),
        re.compile(raw["number"]),
        re.compile(raw["file_type"], re.IGNORECASE),
        any_of(raw["skip"]),
        any_of(raw["stop"]),
        raw["max_item_words"],
        raw["max_items"],
    )


def _clean(line: str) -> str:
    return line.replace("\f", "").strip().strip("*").strip()


def _names(line: str, start: int) -> list[AttachmentName]:
    """The attachments one line names, with their offsets: a labelled line may name several."""
    rules = _rules()
    text = _clean(line)
    offset = start + max(0, line.find(text[:1])) if text else start
    inline = rules.inline.match(text)
    if inline:
        names = inline.group("names")
        offset += inline.start("names")
        out = []
        for part in names.split(";"):
            name = rules.file_type.sub("", part).strip()
            if name:
                out.append(AttachmentName(name, offset + part.find(name[:1])))
            offset += len(part) + 1
        return out
    number = rules.number.match(text)
    if number:
        text, offset = text[number.end() :], offset + number.end()
    name = rules.file_type.sub("", text).strip()
    return [AttachmentName(name, offset)] if name else []


def _list_under(lines: list[tuple[int, str, str]], first: int) -> list[AttachmentName]:
    """The attachments listed on the lines after a heading, until a blank line or a stop line."""
    rules = _rules()
    found: list[AttachmentName] = []
    previous = ""
    for offset, line, _role in lines[first:]:
        text = _clean(line)
        if not text:
            if found:
                break
            continue
        if rules.skip.match(text):
            continue
        if rules.stop.match(text) or rules.heading.match(text) or len(found) >= rules.max_items:
            break
        words = len(text.split())
        if words > rules.max_item_words or (not found and text.endswith(":")):
            break  # prose under the heading (an annex's own "Bilag" title), not a list
        if found and _continues(previous, text) and not rules.number.match(text):
            last = found[-1]
            found[-1] = AttachmentName(f"{last.name} {rules.file_type.sub('', text).strip()}", last.start)
        else:
            found.extend(_names(line, offset))
        previous = text
    return found


def _continues(line: str, following: str) -> bool:
    """Is the next line the wrapped end of this one's last name ("... Hasselager-Kolt med" / "tillæg 1")?"""
    return (
        bool(following)
        and following[:1].islower()
        and len(following.split()) <= _WRAPPED_WORDS
        and not line.rstrip().endswith((".", ":", ";"))
        and not any(_FILE_NAME.search(x) for x in (line, following))
    )


def find(lines: list[tuple[int, str, str]]) -> list[AttachmentName]:
    """The attachments named in a document's lines ((offset, text, role) each), each name once."""
    rules = _rules()
    found: list[AttachmentName] = []
    i = 0
    while i < len(lines):
        offset, line, _role = lines[i]
        text = _clean(line)
        if rules.heading.match(text):
            listed = _list_under(lines, i + 1)
            found.extend(listed)
            last = max((n.start for n in listed), default=offset)
            while i + 1 < len(lines) and lines[i + 1][0] <= last:
                i += 1
        elif rules.inline.match(text):
            names = _names(line, offset)
            following = _clean(lines[i + 1][1]) if i + 1 < len(lines) else ""
            if names and _continues(text, following):
                last = names[-1]
                names[-1] = AttachmentName(f"{last.name} {rules.file_type.sub('', following).strip()}", last.start)
                i += 1
            found.extend(names)
        i += 1
    return first_of_each(found, lambda a: a.name.casefold())


@Language.component("attachments", assigns=ASSIGNS)
def find_attachments(doc: Doc) -> Doc:
    found = find(line_offsets(doc))
    facts_of(doc).attachments = found
    set_spans(doc, "attachments", ((a.start, a.start + len(a.name), None) for a in found))
    return doc
