"""The fields of one document explained: what was taken, from which line, and for the document date
why it won and why every other date written did not. See explain.py for what this is built from."""

from __future__ import annotations

import re
from dataclasses import asdict

from foi.extract.explain import COMPONENT_OF, Entry, FieldExplanation, LineIndex
from foi.extract.explain_candidates import (
    DATE_FIELD_KINDS,
    case_candidates,
    case_rule,
    date_field_candidates,
    people_candidates,
    qa_candidates,
    title_candidates,
    title_rule,
)
from foi.extract.model import FACT_KINDS, DateMention, Document, Table

# Why a date with this role is not the document's own date (roles: extract/facts/dates.py)
ROLE_REASON = {
    "inquiry": "the date of the inquiry or request the document answers",
    "meeting": "a meeting's date",
    "deadline": "a deadline",
    "received": "the date something was received",
    "cited": "cites another document, decision or law",
    "mentioned": "mentioned in the text, not where a document puts its own date "
                 "(a date field, a dated line, the head)",
}


def _why_not(d: DateMention, index: LineIndex) -> str:
    reason = ROLE_REASON.get(d.role, f"role {d.role}")
    before = index.before(d.start)
    if before and d.role != "mentioned":
        reason += f' (after "{before}")'
    if not d.plausible:
        reason += "; its year is far from the document's (implausible)"
    return reason


def _why_own(d: DateMention, index: LineIndex, document: Document) -> str:
    if d.start < 0:
        return "found by its place only (a running header or a header value glued to the next)"
    for f in index.fields:
        if f.value and f.kind in DATE_FIELD_KINDS and f.value_start <= d.start < f.value_start + len(f.value):
            return f"the '{f.label}' header field ({f.layout})"
    place = index.place(d.start)
    rest = (place.text if place else "").replace(d.text, " ")
    head = "in the head" if index.in_head(d.start) else "in the body"
    if len(re.findall(r"\w+", rest)) <= 3:
        return f"a dated line {head}"
    if index.in_head(d.start):
        return "a date in the head (letterhead, title or heading)"
    return "the strongest place among the dates written (extract/facts/document_date.py)"


def date_fields(document: Document, index: LineIndex) -> list[FieldExplanation]:
    """The document date and the inquiry date."""
    facts = document.facts
    own = [d for d in facts.dates if d.role == "document"]
    found = [Entry(d.date, index.place(d.start), f'written "{d.text}"', True, _why_own(d, index, document))
             for d in own]
    others = [Entry(d.date, index.place(d.start), f'role {d.role}, written "{d.text}"', False, _why_not(d, index))
              for d in facts.dates if d.role != "document"]
    date = FieldExplanation("date", COMPONENT_OF["date"], facts.date, found,
                            others + date_field_candidates(document, index))
    if not facts.date:
        date.note = ("no full date written in the document" if not facts.dates else
                     f"{len(facts.dates)} date(s) written, none where a document puts its own date "
                     "(a date field, a dated line, the head); see each one's reason")
    inquiry = [Entry(d.date, index.place(d.start), f'written "{d.text}"', True,
                     f'after "{index.before(d.start)}"') for d in facts.dates if d.role == "inquiry"]
    inquiry_field = FieldExplanation("inquiry_date", COMPONENT_OF["inquiry_date"], facts.inquiry_date, inquiry[:1])
    if not facts.inquiry_date:
        inquiry_field.note = "no date after an inquiry's words (henvendelse af, spørgsmål af …)"
    return [date, inquiry_field]


def fact_value(fact: object) -> str:
    """A fact in a few words: a table by its header, a numbered item as "N: title", else its name, text
    or value, with a legal form or currency beside it."""
    if isinstance(fact, Table):
        return " | ".join(fact.header) + f" ({len(fact.rows)} rows)"
    d = {k: v for k, v in asdict(fact).items() if k != "start" and v not in (None, "", (), [])}  # type: ignore[call-overload]
    main = next((str(d[k]) for k in ("name", "title", "text", "value") if k in d), str(fact))
    if "number" in d:
        return f"{d['number']}: {main}"
    extra = next((str(d[k]) for k in ("legal_form", "currency") if k in d), "")
    return f"{main} ({extra})" if extra else main


def _summary(values: list[str]) -> str | None:
    return ", ".join(values) if values else None


def field_explanations(document: Document, index: LineIndex) -> list[FieldExplanation]:
    """Every field but the dates, in the order of the report."""
    f = document.facts
    out: list[FieldExplanation] = []

    title = FieldExplanation("title", COMPONENT_OF["title"], f.title)
    if f.title:
        title.found = [Entry(f.title, index.find(f.title), title_rule(document, index))]
    title.candidates = title_candidates(document, index)
    if not f.title:
        title.note = "no subject line, bold heading or heading-like line in the head was taken"
    out.append(title)

    cases = FieldExplanation("case_numbers", COMPONENT_OF["case_numbers"],
                             _summary([f"{c.value} ({c.role})" for c in f.case_numbers]))
    cases.found = [Entry(f"{c.scheme} {c.value}", index.place(c.start), case_rule(c, index),
                         reason="cited: another case's number (the addressee's reference, or named in the text)"
                         if c.role == "cited" else "own: this document's number")
                   for c in f.case_numbers]
    cases.candidates = case_candidates(document, index)
    if not f.case_numbers:
        cases.note = ("no case-number label or records-system number in the document" if not cases.candidates
                      else "labels were written, but no value was taken (see the candidates)")
    out.append(cases)

    people = FieldExplanation("people", COMPONENT_OF["people"], _summary([f"{p.name} ({p.role})" for p in f.people]))
    for p in f.people:
        extra = ", ".join(x for x in (p.title, p.party, p.email) if x)
        people.found.append(Entry(p.name, index.place(p.start), f"role {p.role}" + (f" · {extra}" if extra else "")))
    people.candidates = people_candidates(document, index)
    if not f.people:
        people.note = "no name stands after a greeting, a closing, a From/To label or a role cue"
    out.append(people)

    for name, items in (("questions", f.questions), ("answers", f.answers)):
        explained = FieldExplanation(name, COMPONENT_OF[name], _summary([str(q.number) for q in items]))
        for q in items:
            refers = getattr(q, "refers_to", ())
            rule = f"refers to {', '.join(map(str, refers))}" if refers else ""
            explained.found.append(Entry(f"{q.number}: {q.text[:80]}", index.place(q.start), rule))
        explained.candidates = qa_candidates(document, index, name)
        if not items:
            explained.note = (f"no {name[:-1]} heading was taken" if explained.candidates
                              else f"no line shaped like {'an answer' if name == 'answers' else 'a question'} heading")
        out.append(explained)

    for name in ("municipality", "administration", "committee", "meeting_time", "meeting_place"):
        value = getattr(f, name)
        out.append(FieldExplanation(name, COMPONENT_OF[name], value,
                                    [Entry(value, index.find(value))] if value else []))
    explained_above = {"case_numbers", "dates", "people", "questions", "answers"}
    for kind in FACT_KINDS:  # every other kind of fact, new ones included: its value and its line
        if kind.attr in explained_above:
            continue
        facts = list(getattr(f, kind.attr, []))
        values = [fact_value(fact) for fact in facts]
        out.append(FieldExplanation(kind.attr, kind.component, _summary(values[:5]),
                                    [Entry(v, index.place(getattr(fact, "start", -1))) for v, fact in zip(
                                        values, facts, strict=True)]))
    return out
