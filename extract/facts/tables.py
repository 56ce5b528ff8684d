"""Tables: runs of body lines whose cells are separated by tabs (or Markdown pipes) -> Table(header, rows).

The first line of a run is the header; short rows are padded with empty cells to the widest row, so
"I alt\t151\t26\t49\t" keeps its empty last cell. A run needs two lines and two columns to be a table.
Only body lines count: a tab-separated opening-hours block the cleaner marked as noise is not a table,
nor is a letterhead's margin. The separators are data: `patterns/tables.toml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import ASSIGNS, facts_of, line_offsets
from foi.extract.model import BODY, Table
from foi.extract.pattern_data import load_patterns


def _raw() -> dict[str, Any]:
    return load_patterns("tables")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    raw = _raw()
    return {name: re.compile(raw[name]) for name in ("tab", "pipe_row", "pipe_rule")}


def cells(line: str) -> list[str] | None:
    """The cells of a table row, or None if the line is not one."""
    r = _regexes()
    if r["pipe_row"].match(line.strip()):
        row = [c.strip() for c in line.strip().strip("|").split("|")]
    elif r["tab"].search(line):
        row = [c.strip() for c in r["tab"].split(line)]
    else:
        return None
    return row if any(row) else None  # a line of bare separators is layout, not a row


def _table(rows: list[list[str]], start: int) -> Table | None:
    raw = _raw()
    width = max(len(r) for r in rows)
    if len(rows) < raw["min_rows"] or width < raw["min_columns"]:
        return None
    padded = [r + [""] * (width - len(r)) for r in rows]
    return Table(padded[0], padded[1:], start)


def find_spans(lines: list[tuple[int, str, str]]) -> list[tuple[Table, int]]:
    """The tables in a document's lines ((offset, text, role) each) with the offset where each ends."""
    rule = _regexes()["pipe_rule"]
    found: list[tuple[Table, int]] = []
    run: list[list[str]] = []
    start = end = -1
    for offset, text, role in [*lines, (-1, "", BODY)]:
        is_rule = bool(rule.match(text.strip())) and role == BODY
        row = cells(text) if role == BODY and not is_rule else None
        if row is not None or (is_rule and run):
            if row is not None:
                start = offset if not run else start
                run.append(row)
            end = offset + len(text)
            continue
        if run:
            table = _table(run, start)
            if table:
                found.append((table, end))
            run = []
    return found


def find(lines: list[tuple[int, str, str]]) -> list[Table]:
    """The tables in a document's lines, in reading order."""
    return [table for table, _end in find_spans(lines)]


@Language.component("tables", assigns=ASSIGNS)
def find_tables(doc: Doc) -> Doc:
    facts = facts_of(doc)
    found = find_spans(line_offsets(doc))
    known = {(tuple(t.header), tuple(map(tuple, t.rows))) for t in facts.tables}
    spans = []
    for table, end in found:
        if (tuple(table.header), tuple(map(tuple, table.rows))) not in known:
            facts.tables.append(table)
        span = doc.char_span(table.start, end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["tables"] = spans
    return doc
