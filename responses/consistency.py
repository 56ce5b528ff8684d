"""Before a draft is written: does it answer each question once, and do its numbers, dates, company
names and sources agree with the inquiry, its annex and the store?

Each disagreement is one warning line that names where it is ("Ad 3: …", "Introduction: …",
"Closing: …"); nothing is changed. The checks read the rendered text (what the secretary will see,
after any edit), not the values the templates were given, so a template or an edit that words a
number, a date or a source wrongly is caught too. Dates and case numbers are read by the
extraction's own finders (foi.extract.facts.dates, .case_numbers); the Danish cues are data
(patterns/consistency.toml).

    questions  every question of the inquiry has one section, under its number and with its text
    counts     a count of an annex's companies, in any words and in any part, is the annex's count
    annex      the annex agrees with the stored list it was taken from
    sources    a reused letter is cited with its date and case; another administration's document
               is named as theirs (attribution.py)
    dates      no date cited after the letter's own (a deadline may lie ahead); the inquiry's date in
               the introduction
    companies  a stored company the text names is in an annex
"""

from __future__ import annotations

import re
from functools import cache

import sqlite_utils

from foi.danish.numerals import numeral_value
from foi.extract.facts.dates import find as find_dates
from foi.extract.facts.dates import role as date_role
from foi.extract.pattern_data import load_patterns
from foi.responses.attribution import attribution, cited_cases, letter_text
from foi.responses.danish import format_date
from foi.responses.draft import Draft
from foi.responses.gather import Annex, Section
from foi.store.queries import CASE_SCHEMES, case_documents, company_names, document

_CUES = load_patterns("consistency", "foi.responses")
_SEE_ANSWER = re.compile(r"svar på spørgsmål (\d{1,4})", re.IGNORECASE)
_PUBLIC_BODY = re.compile(r"\b(kommune|region|styrelse|ministerium)\b", re.IGNORECASE)
_LETTER_OF = re.compile(r"\b(?:brev(?:et)?|svar(?:et)?|skrivelse[n]?)\s+af\s+", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9\"“»])|\n")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:i|år|siden|fra|til|primo|ultimo|medio)\s+$", re.IGNORECASE)


def _where(section: Section) -> str:
    return f"Ad {section.number}" if section.number else "Decision"


def _text(section: Section) -> str:
    return "\n".join(section.paragraphs)


def check_draft(draft: Draft, db: sqlite_utils.Database) -> list[str]:
    """Warnings, one line each; [] when the draft agrees with itself, the inquiry, its annexes and the store."""
    labelled = [(_where(s), s) for s in draft.sections]
    others = [("Introduction", draft.intro), ("Closing", draft.closing)]
    warnings = _questions(draft)
    warnings += _counts(draft, labelled, others)
    for where, section in labelled:
        warnings += [f"{where}: {w}" for w in _annex(section, db)]
        warnings += [f"{where}: {w}" for w in _cited(section, db)]
    if draft.family == "answer":  # an aktliste lists each document as what it is, whoever wrote it
        warnings += attribution(labelled, others, draft.profile, db)
    warnings += _dates(draft, labelled)
    warnings += _company_mentions(draft, db)
    return list(dict.fromkeys(warnings))


# -- questions ------------------------------------------------------------------------------------
def _same_question(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.split()).strip(" .?!:\"“”»«'").lower()
    return norm(a) == norm(b)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57].rsplit(" ", 1)[0] + " …"


def _span(numbers: list[int]) -> str:
    if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{numbers[0]} to {numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    return ", ".join(map(str, numbers)) or "no question"


def _questions(draft: Draft) -> list[str]:
    """Each question of the inquiry answered once, by a section with its number and its text, in its order
    (numbered as the inquiry numbers them: "Spørgsmål nr. 412" is Ad 412)."""
    if draft.family != "answer":
        return []
    asked = {q.number: q.text for q in draft.inquiry.questions}
    numbers = [s.number for s in draft.sections]
    out = [f"Ad {n}: question {n} of the inquiry has no section" for n in asked if n not in numbers]
    for n in dict.fromkeys(numbers):
        section = next(s for s in draft.sections if s.number == n)
        if numbers.count(n) > 1:
            out.append(f"Ad {n}: {numbers.count(n)} sections answer question {n}")
        if n not in asked:
            out.append(f"Ad {n}: the inquiry has no question {n} (it asks {_span(list(asked))})")
        elif not _same_question(section.question, asked[n]):
            out.append(f"Ad {n}: the section's question '{_short(section.question)}' is not the inquiry's "
                       f"question {n} '{_short(asked[n])}'")
    order = [n for n in dict.fromkeys(numbers) if n in asked]
    if order != [n for n in asked if n in order]:
        out.append(f"the sections answer the questions in the order {order}, the inquiry asks them in the order "
                   f"{list(asked)}")
    for section in draft.sections:
        for m in _SEE_ANSWER.finditer(_text(section)):
            n = int(m.group(1))
            if section.rule == "repeat" and (n not in asked or n >= section.number):
                out.append(f"Ad {section.number}: refers to question {n}, which is not an earlier question")
    return out


# -- counts of an annex's companies ----------------------------------------------------------------
@cache
def _count_patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]], re.Pattern[str]]:
    """(count before what it counts: "141 virksomheder", "tre firmaer"; a total: "omfatter 141", "i alt 141",
    "141 i alt"; a sentence that speaks of an annex)"""
    c = _CUES["counts"]
    number = c["number"]  # "en", "et" are articles, "ingen virksomheder" no count of a list
    items = "|".join(c["items"])
    between = rf"(?:(?!(?:{'|'.join(c['not_between'])})\b)[^\W\d]+\s+){{0,2}}?"
    counted = re.compile(rf"{number}\s+{between}(?:(?P<many>{items})|(?P<one>{'|'.join(c['item'])}))\b",
                         re.IGNORECASE)
    whole = rf"(?=\s*(?:[.,;:!?)]|$)|\s+{between}(?:{items})\b)"
    totals = [rf"(?:{before}){number}{whole}" for before in c["total_before"]]
    totals += [rf"{number}(?:{after})" for after in c["total_after"]]
    annex = re.compile("|".join(c["annex"]), re.IGNORECASE)
    return counted, [re.compile(t, re.IGNORECASE) for t in totals], annex


def said_counts(sentence: str) -> list[int]:
    """Every count of companies (or of a whole list) a sentence states, in reading order."""
    counted, totals, _ = _count_patterns()
    found: dict[int, int] = {}
    for m in counted.finditer(sentence):
        value = numeral_value(m["n"]) or 0
        gap = sentence[m.end("n"):m.start("many") if m["many"] else m.start("one")].strip()
        year = _YEAR.fullmatch(m["n"]) and (gap or _YEAR_BEFORE.search(sentence[: m.start("n")]))
        if (m["one"] and value != 1) or year:
            continue  # "en virksomhed" is not a count; "i 2017 har virksomheder" is a year
        found[m.start("n")] = value
    for pattern in totals:
        for m in pattern.finditer(sentence):
            found.setdefault(m.start("n"), numeral_value(m["n"]) or 0)
    return [found[k] for k in sorted(found)]


def _against(sentence: str, own: Annex | None, annexes: list[Annex]) -> list[Annex]:
    if own is not None:
        return [own]
    named = [a for a in annexes if re.search(rf"\b{re.escape(a.label)}\b(?!\s*\d)", sentence, re.IGNORECASE)]
    return named or annexes


def _counts(draft: Draft, labelled: list[tuple[str, Section]], others: list[tuple[str, list[str]]]) -> list[str]:
    """A count of an annex's companies anywhere in the letter: in the section that has the annex every count
    of companies; elsewhere (another section, the introduction, the closing) a count in a sentence that
    speaks of the annex ("listen", "vedlagte bilag")."""
    annexes = [s.annex for s in draft.sections if s.annex is not None and s.annex.kind == "companies"]
    if not annexes:
        return []
    parts = [(where, s.paragraphs, s.annex if s.annex in annexes else None) for where, s in labelled]
    parts += [(where, paragraphs, None) for where, paragraphs in others]
    out = []
    for where, paragraphs, own in parts:
        for sentence in _SENTENCE.split(letter_text(paragraphs)):
            if own is None and not _count_patterns()[2].search(sentence):
                continue
            against = _against(sentence, own, annexes)
            listed = [len(a.rows) for a in against]
            for said in said_counts(sentence):
                if said in listed:
                    continue
                if len(against) == 1:
                    out.append(f"{where}: the text says {said} companies, the annex lists {listed[0]}")
                else:
                    lists = " and ".join(f"{len(a.rows)} ({a.label})" for a in against)
                    out.append(f"{where}: the text says {said} companies, the annexes list {lists}")
    return out


def _annex(section: Section, db: sqlite_utils.Database) -> list[str]:
    """The annex against the stored list it was taken from."""
    annex = section.annex
    if annex is None or annex.kind != "companies" or annex.source is None:
        return []
    out = []
    rows = len(annex.rows)
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


# -- sources --------------------------------------------------------------------------------------
def _letters_dated(text: str) -> set[str]:
    """The dates a text gives a letter or an answer ("brev af 23. oktober 2018", "svaret af 1/3 2023")."""
    out = set()
    for m in _LETTER_OF.finditer(text):
        dates = find_dates(text[m.end() : m.end() + 30])
        if dates and dates[0].start == 0:
            out.add(dates[0].date.isoformat())
    return out


def _cited(section: Section, db: sqlite_utils.Database) -> list[str]:
    """Cases the store does not have; a source letter cited with another date or case than its own.
    A reused answer must cite its letter's date and case; another rule's text, if it dates a letter,
    must date it as one of its sources."""
    out = []
    text = letter_text(section.paragraphs)
    cited = cited_cases(text)
    for case in cited:
        if not case_documents(db, case.value):
            out.append(f"cites case {case.value}, which is not in the store")
    said = _letters_dated(text)
    sources = [document(db, i) for i in dict.fromkeys(p.document_id for p in section.provenance)]
    if section.rule == "reuse":
        for source in sources:
            if source.date and said != {source.date}:
                shown = ", ".join(format_date(d) for d in sorted(said)) or "no date"
                out.append(f"the text dates the source letter {shown}; it is dated {format_date(source.date)} "
                           "in the store")
            cases = {c.value for c in cited if c.scheme in CASE_SCHEMES}
            if source.case_number and source.case_number not in cases:
                shown = ", ".join(sorted(cases)) or "no case"
                out.append(f"the text cites {shown}; the source letter's case is {source.case_number}")
    elif sources and said:
        dated = {s.date for s in sources if s.date}
        for iso in sorted(said - dated):
            out.append(f"the text dates a letter {format_date(iso)}; its source is dated "
                       f"{', '.join(format_date(d) for d in sorted(dated)) or 'no date'} in the store")
    return out


# -- dates ----------------------------------------------------------------------------------------
def _dates(draft: Draft, labelled: list[tuple[str, Section]]) -> list[str]:
    out = []
    letter = draft.date
    inquiry = draft.inquiry.date
    if inquiry and inquiry > letter:
        out.append(f"the letter is dated {format_date(letter)}, before the inquiry of {format_date(inquiry)}")
    intro = "\n".join(draft.intro)
    if inquiry and format_date(inquiry) not in intro:
        out.append(f"the introduction does not give the inquiry's date {format_date(inquiry)}")
    parts = [(where, _text(s)) for where, s in labelled]
    parts += [("Introduction", intro), ("Closing", "\n".join(draft.closing))]
    for where, text in parts:
        for mention in find_dates(text):
            iso = mention.date.isoformat()
            if iso <= letter or (where == "Introduction" and iso == inquiry):  # a late inquiry: reported above
                continue
            if date_role(text, mention) != "deadline":  # "svar senest den …" may lie ahead; a cited date not
                out.append(f"{where}: mentions {format_date(iso)}, after the letter's date {format_date(letter)}")
    for annex in draft.annexes:
        for row in annex.rows:
            for mention in find_dates(" ".join(row)):
                if mention.date.isoformat() > letter:
                    out.append(f"{annex.label}: row {row[0]} is dated {format_date(mention.date)}, after the letter")
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
