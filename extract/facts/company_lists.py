"""Company lists: the one-name-a-line lists of an annex and the name column of a table.

A list is known by its shape, not by its words: five or more short body lines in a row, one name a
line, no sentence punctuation, mostly lower case or mostly capitalised names, and either a share of
names that end in a legal form ("aps", "a/s") or an intro line that says what follows ("Oversigt
over virksomheder …:"). Sidebar lines (margin role) and blank lines between list lines do not end
the list. A Word table arrives as tab-separated lines; the column whose header names companies
("Virksomhed") or whose cells end in legal forms is the list.

Each name is kept as written. Lists exported from a spreadsheet cut long names at a fixed width;
that width shows as a pile-up of lines of one length at the top of the list, and a name of exactly
that length that does not end in a whole legal form is flagged `truncated`.
"""

from __future__ import annotations

import re
from collections import Counter

from foi.extract.facts.legal_forms import company, legal_form, patterns
from foi.extract.model import BODY, MARGIN, Company

MIN_LIST_LINES = 5
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 8
LEGAL_FORM_SHARE = 0.2  # the share of list lines ending in a legal form that makes a run a list by itself
SHAPE_SHARE = 0.8  # the share of lines that must be all lower case, or all capitalised names


# -- lists ------------------------------------------------------------------------------------------
def list_name(text: str) -> str:
    """A list line without its bullet or number."""
    return patterns().bullet.sub("", text.strip(), count=1).strip()


def is_list_line(text: str) -> bool:
    """Could this line be one entry of a list of names?"""
    if "\t" in text:
        return False
    name = list_name(text)
    if not (2 <= len(name) <= MAX_NAME_CHARS) or len(name.split()) > MAX_NAME_WORDS:
        return False
    if not any(c.isalpha() for c in name):
        return False
    if legal_form(name):
        return True
    return patterns().sentence.search(name) is None


def _shape(name: str) -> str:
    if name[:1].islower():
        return "lower"
    words = [w for w in name.split() if w[:1].isalpha() and w not in patterns().joiners]
    return "names" if words and all(w[:1].isupper() for w in words) else "other"


def cut_width(names: list[str]) -> int | None:
    """The fixed width a list's names were cut at: a pile-up of one length at the top of the list."""
    counts = Counter(len(n) for n in names)
    for width, count in counts.most_common():
        if count < 3 or width < 15:
            continue
        neighbours = max(counts.get(width - 1, 0), counts.get(width + 1, 0))
        longer = sum(c for n, c in counts.items() if n > width)
        if count >= 2 * neighbours and longer <= 0.15 * len(names):
            return width
    return None


def is_company_list(names: list[str], intro: str) -> bool:
    """Does a run of short lines hold companies?"""
    if len(names) < MIN_LIST_LINES:
        return False
    shapes = Counter(_shape(n) for n in names)
    if max(shapes["lower"], shapes["names"]) < SHAPE_SHARE * len(names):
        return False
    with_form = sum(1 for n in names if legal_form(n))
    if with_form >= LEGAL_FORM_SHARE * len(names):
        return True
    return bool(intro) and intro.rstrip().endswith(":") and patterns().intro.search(intro) is not None


def _runs(rows: list[tuple[int, str, str]]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Runs of list-like body lines with the body line before each (its intro)."""
    runs: list[tuple[str, list[tuple[int, str]]]] = []
    intro = ""
    current: list[tuple[int, str]] = []
    for offset, text, role in rows:
        if role == MARGIN or not text.strip():
            continue  # a sidebar or a gap does not end a list
        if role == BODY and is_list_line(text):
            current.append((offset, text))
            continue
        if current:
            runs.append((intro, current))
            current = []
        intro = text.strip() if role == BODY else intro
    if current:
        runs.append((intro, current))
    return runs


def find_lists(rows: list[tuple[int, str, str]]) -> list[Company]:
    """Companies in the one-name-a-line lists of a document's lines ((offset, text, role) each)."""
    out: list[Company] = []
    for intro, run in _runs(rows):
        names = [list_name(text) for _, text in run]
        if len(names) > MIN_LIST_LINES and not legal_form(names[0]) and patterns().intro.search(names[0]):
            intro, run, names = names[0], run[1:], names[1:]  # a heading line ("Virksomheder") above the list
        if not is_company_list(names, intro):
            continue
        width = cut_width(names)
        for (offset, text), name in zip(run, names, strict=True):
            out.append(company(name, text, offset + text.index(name), width))
    return out


# -- tables -----------------------------------------------------------------------------------------
_TOTAL = re.compile(r"^(i\s+alt|total|sum|samlet)\b", re.IGNORECASE)


def _name_column(header: list[str], rows: list[list[str]]) -> int | None:
    for i, cell in enumerate(header):
        if patterns().column.match(cell.strip()) and cell.strip().lower() != "navn":
            return i
    width = max(len(header), *(len(r) for r in rows))
    for i in range(width):
        cells = [r[i].strip() for r in rows if i < len(r) and r[i].strip()]
        if cells and sum(1 for c in cells if legal_form(c)) >= 0.5 * len(cells):
            return i
    return None


def find_tables(rows: list[tuple[int, str, str]]) -> list[Company]:
    """Companies in the name column of tab-separated table lines."""
    out: list[Company] = []
    block: list[tuple[int, str]] = []
    for offset, text, role in [*rows, (-1, "", BODY)]:
        if role == BODY and "\t" in text:
            block.append((offset, text))
            continue
        cells = [line.split("\t") for _, line in block]
        column = _name_column(cells[0], cells[1:]) if len(block) >= 2 else None
        if column is not None:
            for (offset_, line), row in zip(block[1:], cells[1:], strict=True):
                name = row[column].strip() if column < len(row) else ""
                if name and not _TOTAL.match(name) and any(c.isalpha() for c in name):
                    start = offset_ + sum(len(c) + 1 for c in row[:column]) + row[column].index(name)
                    out.append(company(name, line, start))
        block = []
    return out
