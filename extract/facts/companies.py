"""Companies: the lists of an annex and the companies named with a legal form in running text.

A list is known by its shape, not by its words: five or more short body lines in a row, one name a
line, no sentence punctuation, mostly lower case or mostly capitalised names, and either a share of
names that end in a legal form ("aps", "a/s") or an intro line that says what follows ("Oversigt
over virksomheder …:"). Sidebar lines (margin role) and blank lines between list lines do not end
the list. A Word table arrives as tab-separated lines; the column whose header names companies
("Virksomhed") or whose cells end in legal forms is the list.

Each name is kept as written. Lists exported from a spreadsheet cut long names at a fixed width;
that width shows as a pile-up of lines of one length at the top of the list, and a name of exactly
that length that does not end in a whole legal form is flagged `truncated`.

In running text only names with an explicit legal form are companies ("Kredsløb A/S"); other
businesses named in the text ("en virksomhed (Fakta)") are organisations, see organizations.py.
Such a name counts in a margin line too (a signature's "Pemile ApS. Cvr 30694503"); a margin line
is never part of a list.
The words are data: `patterns/companies.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import facts_of, line_offsets
from foi.extract.model import BODY, MARGIN, Company
from foi.extract.pattern_data import load_patterns

MIN_LIST_LINES = 5
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 8
LEGAL_FORM_SHARE = 0.2  # the share of list lines ending in a legal form that makes a run a list by itself
SHAPE_SHARE = 0.8  # the share of lines that must be all lower case, or all capitalised names


@dataclass(frozen=True)
class _Patterns:
    forms: dict[str, str]
    cut_forms: dict[str, str]
    form_at_end: re.Pattern[str]
    form_in_text: re.Pattern[str]
    intro: re.Pattern[str]
    column: re.Pattern[str]
    bullet: re.Pattern[str]
    sentence: re.Pattern[str]
    not_name: frozenset[str]
    joiners: frozenset[str]
    name_end: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw: dict[str, Any] = load_patterns("companies")
    forms: dict[str, str] = raw["legal_forms"]
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return _Patterns(
        forms=forms,
        cut_forms=raw["cut_forms"],
        form_at_end=re.compile(rf"(?:^|(?<=[\s,]))({alternation})$", re.IGNORECASE),
        form_in_text=re.compile(rf"(?<![\w/.])({alternation})(?![\w/])", re.IGNORECASE),
        intro=_any(raw["list"]["intro"]),
        column=_any(raw["list"]["column"]),
        bullet=_any(raw["list"]["bullet"]),
        sentence=_any(raw["list"]["sentence"]),
        not_name=frozenset(raw["body"]["not_name"]),
        joiners=frozenset(raw["body"]["joiners"]),
        name_end=_any(raw["body"]["name_end"]),
    )


# -- one name ---------------------------------------------------------------------------------------
def legal_form(name: str) -> str | None:
    """The legal form a name ends in ("casa group a/s" -> "A/S"), before any "v/<owner>" part."""
    p = patterns()
    base = re.split(r"\s+v/", name.strip(), maxsplit=1)[0].strip()
    match = p.form_at_end.search(base)
    if match is None:
        return None
    return p.forms[match.group(1).lower()]


def cut_legal_form(name: str) -> str | None:
    """The legal form whose beginning a cut name ends in ("ingeniørfirmaet pro-consult a/" -> "A/S")."""
    for cut, form in sorted(patterns().cut_forms.items(), key=lambda kv: len(kv[0]), reverse=True):
        if name.lower().endswith(" " + cut):
            return form
    return None


def owner(name: str) -> str | None:
    """The person after "v/" ("airpower v/jeffrey voss" -> "jeffrey voss")."""
    parts = re.split(r"(?:^|\s)v/\s*", name, maxsplit=1)
    return (parts[1].strip() or None) if len(parts) == 2 else None


def company(name: str, line: str, start: int, width: int | None = None, source: str = "list") -> Company:
    """A Company for a name as written; `width` is the list's cut width, if it has one."""
    form = legal_form(name)
    truncated = width is not None and len(name) == width and form is None
    if truncated and form is None:
        form = cut_legal_form(name)
    return Company(name, form, owner(name), truncated, source, line, start)


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


# -- running text -----------------------------------------------------------------------------------
_NAME_WINDOW = 200  # characters before a legal form that may hold its name


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isalpha() for c in token))


def _name_before(text: str, end: int) -> int:
    """Where the capitalised name that ends at `end` begins (-1 if there is none)."""
    p = patterns()
    base = max(0, end - _NAME_WINDOW)
    tokens = list(re.finditer(r"\S+", text[base:end]))
    taken: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group(0)
        if word[-1] in ",;:()\"'»«”“." and not re.fullmatch(r"(?:\w\.)+", word):
            break
        if p.form_at_end.fullmatch(word) or (word == "og" and i and p.name_end.search(tokens[i - 1].group(0))):
            break  # the end of another name: "Group P/S og Fynsk Analyse ApS", "Aarhus Kommune og …"
        if _is_capitalised(word):
            taken = [tokens[i], *pending, *taken]
            pending = []
        elif word in p.joiners or word.isdigit():
            pending.insert(0, tokens[i])
        else:
            break
    while taken and taken[0].group(0) in p.not_name:  # "Også Dansk Supermarked A/S"
        taken = taken[1:]
        while taken and not _is_capitalised(taken[0].group(0)):
            taken = taken[1:]
    return base + taken[0].start() if taken else -1


def find_in_text(text: str, offset: int = 0) -> list[Company]:
    """Capitalised names that end in a legal form in one line of running text ("Kredsløb A/S")."""
    p = patterns()
    out: list[Company] = []
    matches = list(p.form_in_text.finditer(text))
    for i, match in enumerate(matches):
        written = match.group(1)
        if written.lower() == "holding" and not written[0].isupper():
            continue
        if i + 1 < len(matches) and not text[match.end() : matches[i + 1].start()].strip():
            continue  # "Nordvest Holding ApS": the form is the last one
        start = _name_before(text, match.start())
        if start >= 0:
            name = text[start : match.end()]
            out.append(Company(name, p.forms[written.lower()], owner(name), False, "body", text, offset + start))
    return out


# -- the component ----------------------------------------------------------------------------------
def find_companies_in(rows: list[tuple[int, str, str]]) -> list[Company]:
    """All companies of a document's lines: lists, tables, then named in the text, each name once."""
    listed = find_lists(rows) + find_tables(rows)
    offsets = [offset for offset, _, _ in rows]
    taken_lines = {offsets[bisect_right(offsets, c.start) - 1] for c in listed}  # the lines the lists are on
    found: list[Company] = list(listed)
    seen = {c.name.casefold() for c in listed}
    for offset, text, role in rows:
        if role not in (BODY, MARGIN) or offset in taken_lines or "\t" in text:
            continue
        for c in find_in_text(text, offset):
            if c.name.casefold() not in seen:
                seen.add(c.name.casefold())
                found.append(c)
    return found


@Language.component("companies")
def find_companies(doc: Doc) -> Doc:
    facts_of(doc).companies = find_companies_in(line_offsets(doc))
    return doc
