"""Lines, cues and cleaning shared by the readers of questions and answers (questions_answers.py,
answer_layouts.py): the cues are data in patterns/questions_answers.toml.

A transcript that lost its line breaks holds a whole letter on one line ("… for Højesteret.” Svar:
Justitsministeriet har …"); `split_inline` cuts such a line where a label starts a new part, so the
line-based readers see the labels at the start of a line, with offsets into the document text kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from foi.extract.facts.dates import day_month_pattern
from foi.extract.model import BODY, Facts
from foi.extract.pattern_data import load_patterns

_NUMS = r"\d{1,2}(?:\s*(?:,|og|samt|&|and)\s*\d{1,2})*"


@dataclass(frozen=True)
class QaLine:
    offset: int  # in doc.text
    text: str
    role: str


@dataclass
class Block:
    number: int
    offset: int
    lines: list[QaLine]


@lru_cache(maxsize=1)
def patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    raw = load_patterns("questions_answers")
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for group, entries in raw.items():
        out[group] = {}
        for name, value in entries.items():
            if isinstance(value, list):
                alternatives = "|".join(f"(?:{p.replace('{nums}', _NUMS)})" for p in value)
                out[group][name] = re.compile(alternatives, re.IGNORECASE)
    return out


@lru_cache(maxsize=1)
def _strings() -> dict[str, str]:
    raw = load_patterns("questions_answers")
    return {name: value for entries in raw.values() for name, value in entries.items() if isinstance(value, str)}


def quotes() -> str:
    return _strings()["quotes"]


def match(group: str, name: str, text: str) -> re.Match[str] | None:
    return patterns()[group][name].match(text.strip().strip("*").strip())


def groups(m: re.Match[str]) -> tuple[int, str]:
    """The (number, rest) of a match whose alternatives each hold a number group and a text group;
    number 0 where the label has none ("Spørgsmål:")."""
    found = [g for g in m.groups() if g is not None]
    number = int(found[0]) if found and found[0].isdigit() else 0
    rest = found[1] if len(found) > 1 else ""
    return number, rest.strip()


def is_end(text: str) -> bool:
    return bool(text.strip()) and match("answer", "end", text) is not None


def item(text: str) -> tuple[int, str] | None:
    """A numbered list item: "1. Hvor mange …", "2) Er der …", "Spørgsmål 3: Hvordan …"."""
    m = match("question", "item", text)
    return groups(m) if m else None


def clean_question(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(quotes() + " ")


def body(lines: list[QaLine]) -> list[QaLine]:
    return [line for line in lines if line.role == BODY]


# --- lines a transcript ran together -----------------------------------------------------------------


def split_inline(lines: list[QaLine]) -> list[QaLine]:
    """Each line cut before a label that follows the end of a sentence on the same line, and a
    numbered question list written as one paragraph ("1. …? 2. …?") cut into its items."""
    out: list[QaLine] = []
    for line in lines:
        for part in _cut_labels(line):
            out.extend(_cut_items(part))
    return out


def _cut_labels(line: QaLine) -> list[QaLine]:
    ends = _strings()["sentence_end"]
    cuts = [m.start() for m in patterns()["inline"]["label"].finditer(line.text)
            if m.start() > 0 and line.text[: m.start()].rstrip()[-1:] in ends]
    return _pieces(line, cuts)


def _cut_items(line: QaLine) -> list[QaLine]:
    first = item(line.text)
    if not first:
        return [line]
    cuts: list[int] = []
    expected = first[0] + 1
    for m in patterns()["inline"]["next_item"].finditer(line.text):
        if int(m.group(1)) == expected:
            cuts.append(m.start(1))
            expected += 1
    return _pieces(line, cuts)


def _pieces(line: QaLine, cuts: list[int]) -> list[QaLine]:
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line.text)]
    return [QaLine(line.offset + a, line.text[a:b].rstrip(), line.role)
            for a, b in zip(bounds, bounds[1:], strict=False) if line.text[a:b].strip()]


# --- sections and their ends -------------------------------------------------------------------------


def sections(lines: list[QaLine], heading: str, group: str = "answer") -> list[Block]:
    """Lines from each heading to the next heading, the closing or the enclosures."""
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        m = match(group, heading, line.text) if line.text.strip() else None
        if m:
            number, rest = groups(m)
            current = Block(number, line.offset, [QaLine(line.offset, rest, line.role)])
            blocks.append(current)
            continue
        if current is None:
            continue
        if is_end(line.text):
            current = None
            continue
        current.lines.append(line)
    return blocks


def trim_tail(lines: list[QaLine], facts: Facts, names: bool = True) -> list[QaLine]:
    """The lines without what follows the last answer when no closing formula marks its end: the letter's
    date, its case number and (with `names`) the signer's name alone on a line."""
    out = list(lines)
    while out:
        last = out[-1]
        text = last.text.strip()
        if not text or _furniture(last, facts) or (names and match("answer", "signature_name", text)):
            out.pop()
            continue
        break
    return out


def _furniture(line: QaLine, facts: Facts) -> bool:
    end = line.offset + len(line.text)
    text = line.text.strip()
    if len(text) > 60:
        return False
    if any(line.offset <= c.start < end for c in facts.case_numbers):
        return True
    if day_month_pattern().fullmatch(text.rstrip(".:")):
        return True  # the date heading of the next question time: "26. februar"
    for d in facts.dates:
        if line.offset <= d.start < end and len(text.replace(d.text, "").strip(" .,:")) <= 5:
            return True
    return False


def strip_asker(text: str) -> str:
    """A question without the asking parties' letters signed under it ("… konsekvenser? RV og DD")."""
    return patterns()["question"]["asker"].sub("", text).strip()


def number_mentioned(lines: list[QaLine]) -> int:
    """The question number a letter names before an unnumbered "Spørgsmål:" ("spørgsmål nr. 249"), or 1."""
    for line in lines:
        m = patterns()["question"]["number_mention"].search(line.text)
        if m:
            return int(next(g for g in m.groups() if g is not None))
    return 1
