"""Companies: the lists of an annex, the names with a legal form, and names a business word marks.

The rules live in modules named by what they find: `company_lists` (lists and table columns),
`legal_forms` (a name with "A/S", "ApS", "I/S" …). In running text only a name with a legal form
or another certain mark of a business is a company; other businesses named in the text ("en
virksomhed (Fakta)") are organisations, see organizations.py. A margin line is never part of a
list, but a name with a legal form counts there too.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.company_lists import cut_width, find_lists, find_tables, is_company_list
from foi.extract.facts.company_names import find_named
from foi.extract.facts.context import facts_of, line_offsets
from foi.extract.facts.legal_forms import company, find_in_text, legal_form, owner, patterns
from foi.extract.model import BODY, MARGIN, Company

__all__ = ["company", "cut_width", "find_companies", "find_companies_in", "find_in_text", "is_company_list",
           "legal_form", "owner", "patterns"]


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
        legal = find_in_text(text, offset)
        named = find_named(text, offset, legal) if role == BODY else []
        for c in legal + named:
            if c.name.casefold() not in seen:
                seen.add(c.name.casefold())
                found.append(c)
    return found


@Language.component("companies")
def find_companies(doc: Doc) -> Doc:
    facts_of(doc).companies = find_companies_in(line_offsets(doc))
    return doc
