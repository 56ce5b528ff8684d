"""Before a draft is written: do its numbers, dates and company names agree with its annex and the store?

Each disagreement is one warning line; nothing is changed. The checks read the rendered text (what
the secretary will see), not the values the templates were given, so a template that words a
number or a date wrongly is caught too.
"""

from __future__ import annotations

import re

import sqlite_utils

from foi.responses.danish import find_dates, format_date
from foi.responses.draft import Draft
from foi.responses.gather import Section
from foi.store.queries import case_documents, company_names, document

_COUNT = re.compile(r"\b(\d{1,3}(?:\.\d{3})*|\d+)\s+(?:\w+\s+){0,2}?virksomheder\b", re.IGNORECASE)
_CITED_CASE = re.compile(r"\bsagsnr\.\s*([0-9][0-9\-]{3,})", re.IGNORECASE)
_LETTER_OF = re.compile(r"\b(?:brev(?:et)?|svar(?:et)?)\s+af\s+(\d{1,2}\.\s+\w+\s+\d{4})", re.IGNORECASE)
_SEE_ANSWER = re.compile(r"svar på spørgsmål (\d{1,2})", re.IGNORECASE)
_PUBLIC_BODY = re.compile(r"\b(kommune|region|styrelse|ministerium)\b", re.IGNORECASE)


def _text(section: Section) -> str:
    return "\n".join(section.paragraphs)


def check_draft(draft: Draft, db: sqlite_utils.Database) -> list[str]:
    """Warnings, one line each; [] when the draft agrees with itself, its annexes and the store."""
    warnings: list[str] = []
    warnings += _numbering(draft)
    for section in draft.sections:
        where = f"Ad {section.number}" if section.number else "Decision"
        warnings += [f"{where}: {w}" for w in _counts(section, db)]
        warnings += [f"{where}: {w}" for w in _cited(section, db)]
    warnings += _dates(draft)
    warnings += _company_mentions(draft, db)
    return list(dict.fromkeys(warnings))


def _numbering(draft: Draft) -> list[str]:
    out = []
    numbers = [s.number for s in draft.sections if s.question]
    first = numbers[0] if numbers else 1  # "Spørgsmål nr. 412" is numbered as asked
    if numbers and numbers != list(range(first, first + len(numbers))):
        out.append(f"the questions are numbered {numbers}, not {first} to {first + len(numbers) - 1}: "
                   "check the inquiry")
    asked = {q.number for q in draft.inquiry.questions}
    for section in draft.sections:
        for m in _SEE_ANSWER.finditer(_text(section)):
            n = int(m.group(1))
            if section.rule == "repeat" and (n not in asked or n >= section.number):
                out.append(f"Ad {section.number}: refers to question {n}, which is not an earlier question")
    return out


def _counts(section: Section, db: sqlite_utils.Database) -> list[str]:
    annex = section.annex
    if annex is None or annex.kind != "companies":
        return []
    out = []
    rows = len(annex.rows)
    for m in _COUNT.finditer(_text(section)):
        said = int(m.group(1).replace(".", ""))
        if said != rows:
            out.append(f"the text says {said} companies, the annex lists {rows}")
    if annex.source is not None:
        stored = company_names(db, annex.source.id)
        listed = {row[1] for row in annex.rows}
        if len(stored) != rows:
            out.append(f"the annex lists {rows} companies, the store has {len(stored)} for document {annex.source.id}")
        for name in sorted(listed - stored)[:5]:
            out.append(f"annex company {name!r} is not in the store")
        cases = {row[3] for row in annex.rows}
        if annex.source.case_number and cases != {annex.source.case_number}:
            out.append(f"annex source case numbers {sorted(cases)} differ from {annex.source.case_number}")
    return out


def _cited(section: Section, db: sqlite_utils.Database) -> list[str]:
    out = []
    text = _text(section)
    for m in _CITED_CASE.finditer(text):
        if not case_documents(db, m.group(1)):
            out.append(f"cites case {m.group(1)}, which is not in the store")
    for p in section.provenance:
        if section.rule != "reuse":
            continue
        source = document(db, p.document_id)
        said = {m.group(1) for m in _LETTER_OF.finditer(text)}
        if source.date and said != {format_date(source.date)}:
            shown = ", ".join(sorted(said)) or "no date"
            out.append(f"the text dates the source letter {shown}; it is dated {format_date(source.date)} in the store")
        cited = {m.group(1) for m in _CITED_CASE.finditer(text)}
        if source.case_number and cited != {source.case_number}:
            shown = ", ".join(sorted(cited)) or "no case"
            out.append(f"the text cites {shown}; the source letter's case is {source.case_number}")
    return out


def _dates(draft: Draft) -> list[str]:
    out = []
    letter = draft.date
    inquiry = draft.inquiry.date
    if inquiry and inquiry > letter:
        out.append(f"the letter is dated {format_date(letter)}, before the inquiry of {format_date(inquiry)}")
    intro = "\n".join(draft.intro)
    if inquiry and format_date(inquiry) not in intro:
        out.append(f"the introduction does not give the inquiry's date {format_date(inquiry)}")
    for section in draft.sections:
        for _, iso in find_dates(_text(section)):
            if iso > letter:
                where = f"Ad {section.number}" if section.number else "Decision"
                out.append(f"{where}: mentions {format_date(iso)}, after the letter's date {format_date(letter)}")
    for annex in draft.annexes:
        for row in annex.rows:
            for _, iso in find_dates(" ".join(row)):
                if iso > letter:
                    out.append(f"{annex.label}: row {row[0]} is dated {format_date(iso)}, after the letter")
    return out


def _company_mentions(draft: Draft, db: sqlite_utils.Database) -> list[str]:
    """Company names of the store that the text names but no annex lists."""
    listed = {row[1].lower() for annex in draft.annexes if annex.kind == "companies" for row in annex.rows}
    text = " ".join(p for s in draft.sections for p in s.paragraphs).lower()
    out = []
    for name in sorted(company_names(db)):
        lowered = name.lower()
        if len(lowered) < 5 or lowered in listed or _PUBLIC_BODY.search(lowered):
            continue
        if re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text):
            out.append(f"the text names {name!r}, a stored company that no annex lists")
    return out
