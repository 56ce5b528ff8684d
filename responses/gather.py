"""Facts for each question, by the drafting rules, first that applies:

1. repeat: a question that repeats an earlier one of the same inquiry is referred to it
   ("Se venligst svar på spørgsmål N.");
2. companies: "Hvilke virksomheder …" gets the company list of the store that matches the
   question's year and programme, as a sentence with their number and an annex;
3. look-up: a question the store answers directly (a stored letter's case number, date and signer, a
   meeting's date, an amount with its sentence) gets the fact with its source (responses/lookup.py);
4. reuse: a question close to one answered before gets that answer, its letter cited;
5. placeholder: otherwise a visible "[INDSÆT SVAR: …]" for the secretary; no text is invented.

A rule yields a `Section`: the name of the template part that words it, the values for that part,
and the provenance of every reused fact. The wording itself is in the templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz

from foi.extract.model import Question
from foi.extract.pattern_data import any_of, load_patterns
from foi.extract.personal_data import mask_cpr
from foi.responses.danish import format_date, sort_key
from foi.responses.lookup import lookup_section
from foi.responses.profiles import Profile
from foi.responses.reuse import decide
from foi.store.listings import document_full_text
from foi.store.queries import (
    StoredDocument,
    administration_of,
    coverage,
    find_companies,
    legal_form,
    similar_answers,
    stem_terms,
    term_match,
)

_CUES = load_patterns("drafting", "foi.responses")
PROGRAMMES: dict[str, str] = _CUES["programmes"]  # programme -> the stem that finds it in stored text
_COMPANIES_QUESTION = any_of(_CUES["questions"]["companies"])
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_GENERIC = set(_CUES["questions"]["generic_stems"])

# how close is close enough (responses/patterns/drafting.toml [thresholds]; a profile may override them)
THRESHOLDS: dict[str, float] = _CUES["thresholds"]


@dataclass(frozen=True)
class Provenance:
    section: int  # the Ad number the fact went into (0: the decision of an aktindsigt letter)
    fact: str
    source_file: str
    document_id: int
    document: str  # "document 2 (annex)": its place in the source file
    case_number: str | None
    date: str | None

    @classmethod
    def of(cls, section: int, fact: str, doc: StoredDocument) -> Provenance:
        return cls(section, fact, doc.path, doc.id, f"document {doc.sequence} ({doc.kind})", doc.case_number,
                   doc.date)

    def line(self) -> str:
        where = f"Ad {self.section}" if self.section else "Aktliste"
        return (f"{where}: {self.fact} <- {self.source_file}, {self.document}, "
                f"sagsnr. {self.case_number or '-'}, {self.date or 'no date'}")


@dataclass
class Annex:
    title: str
    header: list[str]
    rows: list[list[str]]
    kind: str = "companies"  # companies | aktliste
    source: StoredDocument | None = None
    label: str = "Bilag"


@dataclass
class Section:
    number: int
    question: str
    rule: str  # repeat | companies | reuse | placeholder | text
    part: str  # template part that words the answer
    values: dict[str, Any] = field(default_factory=dict)
    provenance: list[Provenance] = field(default_factory=list)
    annex: Annex | None = None
    paragraphs: list[str] = field(default_factory=list)  # filled when the part is rendered


def is_repeat(question: str, earlier: str, thresholds: dict[str, float] | None = None) -> bool:
    a, b = stem_terms(question), stem_terms(earlier)
    if not a or not b or set(_YEAR.findall(question)) != set(_YEAR.findall(earlier)):
        return False  # the same question of another year ("… i 2017?", "… i 2018?") is a question of its own
    idf: dict[str, float] = {}
    similarity = fuzz.token_set_ratio(" ".join(sorted(set(a))), " ".join(sorted(set(b))))
    both = min(coverage(a, b, idf), coverage(b, a, idf))
    limits = thresholds or THRESHOLDS
    return similarity >= limits["repeat_similarity"] and both >= limits["repeat_coverage"]


def is_companies_question(question: str) -> bool:
    return _COMPANIES_QUESTION.search(question) is not None


def programmes_in(question: str, vocabulary: dict[str, str] | None = None) -> list[str]:
    terms = stem_terms(question)
    return [name for name, stem in (vocabulary or PROGRAMMES).items() if any(t.startswith(stem) for t in terms)]


def companies_section(db: sqlite_utils.Database, q: Question, vocabulary: dict[str, str] | None = None,
                      profile: Profile | None = None) -> Section | None:
    vocabulary = vocabulary or PROGRAMMES
    years = _YEAR.findall(q.text)
    year = int(years[0]) if years else None
    programmes = programmes_in(q.text, vocabulary)
    required = [vocabulary[p] for p in programmes]
    optional = [t for t in stem_terms(q.text) if t not in _GENERIC and not _YEAR.fullmatch(t)
                and not any(term_match(t, r) for r in required)]
    lists = find_companies(db, year, required, optional)
    if not lists:
        return None
    best = lists[0]
    doc = best.document
    unique = {c.name: c for c in best.companies}
    companies = sorted(unique.values(), key=lambda c: sort_key(c.name))
    source = doc.case_number or doc.path
    # the legal form as the list writes it ("aps"); the extracted, normalised one ("ApS") where the name has none
    rows = [[str(i), mask_cpr(c.name), legal_form(c.name) or c.legal_form or "", source]
            for i, c in enumerate(companies, start=1)]
    # the list is restated as what it is (its own heading's programmes), not as what was asked: a list of
    # companies with virksomhedspraktik *and* mentorstøtte is not "the companies with virksomhedspraktik"
    heading = _list_heading(document_full_text(db, doc.id), companies[0].name if companies else "")
    listed = sorted(programmes_in(heading, vocabulary), key=lambda p: heading.lower().find(vocabulary[p]))
    values = {
        "count": len(rows), "year": year, "programmes": listed or programmes,
        "source_administration": is_own(db, doc, profile)[1] or "", "own": is_own(db, doc, profile)[0],
        "source_file": doc.path,
        "source_date": format_date(doc.date) if doc.date else None, "source_case": doc.case_number,
        "source_document": doc.document_number,
    }
    section = Section(q.number, q.text, "companies", "answer_companies.j2", values)
    section.annex = Annex("", ["Nr.", "Virksomhed", "Selskabsform", "Kilde (sagsnr.)"], rows, source=doc)
    section.provenance.append(Provenance.of(q.number, f"{len(rows)} companies (annex)", doc))
    return section


def _list_heading(text: str, first_company: str) -> str:
    """The sentence nearest above a list of companies ("Oversigt over virksomheder som …:")."""
    at = text.lower().find(first_company.lower()) if first_company else -1
    above = text[:at] if at > 0 else text
    found = [" ".join(p.split()) for p in above.split("\n\n")
             if re.search(r"\b(oversigt|liste)\b", p, re.IGNORECASE) and len(p.split()) >= 4]
    return found[-1] if found else " ".join(above[-300:].split())


def is_own(db: sqlite_utils.Database, doc: StoredDocument, profile: Profile | None) -> tuple[bool, str | None]:
    """Whether a stored document is the profile's administration's own, and who wrote it."""
    source = administration_of(db, doc.id)
    if profile is None:
        return True, source  # nothing to tell them apart by (rules run without a profile)
    if source is None:
        return False, None  # no letterhead says who wrote it: quoted as a letter's, never as the administration's own
    lowered = source.lower()
    own = profile.municipality.lower() in lowered and (
        "," not in source or any(n in lowered for n in profile.names() if n != profile.municipality.lower()))
    return own, source


def _whose(own: bool, administration: str | None) -> str:
    return "" if own else ", another administration" if administration else ", writer not known"


def reuse_section(db: sqlite_utils.Database, q: Question, thresholds: dict[str, float] | None = None,
                  profile: Profile | None = None) -> Section | None:
    """The closest earlier answer that answers (`responses.reuse.decide`); None when none does."""
    limits = thresholds or THRESHOLDS
    best = None
    candidates = similar_answers(db, q.text, limit=5)
    for candidate in candidates:
        if candidate.similarity < limits["reuse_similarity"] or candidate.coverage < limits["reuse_coverage"]:
            continue
        # the question the reused text answered first (a "se svar på spørgsmål 2" is followed to 2)
        target = [c.question for c in candidates if c.document.id == candidate.document.id
                  and c.number == candidate.resolved_number]
        decision = decide(q.text, candidate.resolved, " ".join([candidate.question, *target]))
        if decision.reuse:
            best = candidate
            break
    if best is None:
        return None
    doc = best.document
    own, administration = is_own(db, doc, profile)
    paragraphs = [mask_cpr(p.strip()) for p in best.resolved.split("\n\n") if p.strip()]
    values = {
        "paragraphs": paragraphs, "source_date": format_date(doc.date) if doc.date else None,
        "source_case": doc.case_number, "source_document": doc.document_number,
        "source_question": best.number, "answered_by": best.resolved_number,
        "earlier_question": best.question, "own": own, "source_administration": administration or "",
        "source_file": doc.path,
    }
    section = Section(q.number, q.text, "reuse", "answer_reuse.j2", values)
    via = f" (via its reference to answer {best.resolved_number})" if best.resolved_number != best.number else ""
    section.provenance.append(Provenance.of(
        q.number, f"answer to question {best.number}{via}, similarity {best.similarity:.0f}, "
        f"coverage {best.coverage:.2f}{_whose(own, administration)}", doc))
    return section


def gather(db: sqlite_utils.Database, questions: list[Question], profile: Profile | None = None) -> list[Section]:
    """One section per question, by the first drafting rule that applies; thresholds and the programme
    vocabulary are the profile's (default: responses/patterns/drafting.toml)."""
    thresholds = profile.thresholds if profile else THRESHOLDS
    vocabulary = profile.programmes if profile else PROGRAMMES
    sections: list[Section] = []
    for i, q in enumerate(questions):
        twin = next((p for p in questions[:i] if is_repeat(q.text, p.text, thresholds)), None)
        if twin is not None:
            sections.append(Section(q.number, q.text, "repeat", "answer_repeat.j2", {"twin": twin.number}))
            continue
        section = companies_section(db, q, vocabulary, profile) if is_companies_question(q.text) else None
        section = section or lookup_section(db, q, profile)
        section = section or reuse_section(db, q, thresholds, profile)
        sections.append(section or Section(q.number, q.text, "placeholder", "answer_placeholder.j2", {}))
    return sections
