"""Whose words a draft prints: a fact of another administration is named as that administration's.

A section that carries text or facts of a stored document (its provenance: a reused answer, a
look-up, a company list) written by another administration than the draft's profile must name that
administration, and must not word the source as the writer's own ("Forvaltningen har tidligere …",
"forvaltningens oversigt", "kommunens brev"). A case number that in the store belongs only to
another administration's documents must not be cited without naming it either, in any section, nor
a sentence quoted word for word from one (text pasted into a section without provenance).

Words the source itself uses are the source's: a quoted answer of another administration that says
"Forvaltningen har udarbejdet …" is a quote, not a claim. The cues are data
(patterns/consistency.toml [own]); who wrote a document is `gather.is_own`'s answer, as in drafting.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

import sqlite_utils

from foi.errors import QueryError
from foi.extract.facts.case_numbers import find as find_case_numbers
from foi.extract.model import CaseNumber
from foi.extract.pattern_data import load_patterns
from foi.responses.gather import Section, is_own
from foi.responses.profiles import Profile
from foi.store.listings import document_full_text
from foi.store.queries import StoredDocument, case_documents, document
from foi.store.search_index import search
from foi.store.search_query import Query, phrase_query

_CUES = load_patterns("consistency", "foi.responses")
_REGISTRY = {"ean", "cvr", "p_nummer"}  # numbers of a party, not of a case
_NOTE = re.compile(r"\[TJEK\b[^\]]*\]")
_WINDOW = 3  # words after a cue that must stand in the source too for the cue to be the source's own
_QUOTE = 5  # words a sentence needs to be told a quote of its source
_PASTED = 10  # words a sentence without a known source needs to be looked for in the store as a quote
_HITS = 20  # documents read for the quotes of one section
_SENTENCE = re.compile(r"(?<=[.!?:])\s+|\n")


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@cache
def _own_cues(municipal: bool) -> re.Pattern[str]:
    """Wording of the writer as the source's author; with `municipal`, the municipality's too."""
    own = _CUES["own"]
    subjects = own["subjects"] + (own["municipal_subjects"] if municipal else [])
    genitives = own["genitives"] + (own["municipal_genitives"] if municipal else [])
    claims = _alternation(own["claims"])
    sources = _alternation(own["sources"])
    return re.compile(rf"\b{_alternation(subjects)}\s+{claims}|\b{_alternation(genitives)}\s+(?:\w+\s+)?{sources}\w*",
                      re.IGNORECASE)


def own_wording(text: str, municipal: bool = True) -> list[str]:
    """The wordings of a text that speak of a source as the writer's own ("Forvaltningen har tidligere",
    "kommunens brev"); without `municipal`, only those of the forvaltning (the source is of the same
    municipality, another forvaltning)."""
    return [" ".join(m.group(0).split()) for m in _own_cues(municipal).finditer(text)]


def letter_text(paragraphs: list[str]) -> str:
    """What the letter will say once the secretary has deleted the [TJEK] notes."""
    return "\n".join(_NOTE.sub("", p).strip() for p in paragraphs)


def cited_cases(text: str) -> list[CaseNumber]:
    """Case and document numbers cited in a draft's text, read by the extraction's own grammar."""
    return [c for c in find_case_numbers(text) if c.scheme not in _REGISTRY]


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text).lower())


def _name_words(administration: str, profile: Profile | None) -> list[str]:
    """The words that name an administration in a text: "Københavns Kommune, Socialforvaltningen" ->
    ["københavn", "socialforvaltning"]; a part that is the profile's own name does not tell them apart."""
    own = set(profile.names()) if profile else set()
    generic = set(_CUES["names"]["generic"])
    out = []
    for part in (p.strip() for p in administration.split(",")):
        if not part or part.lower() in own:
            continue
        core = " ".join(w for w in part.lower().split() if w not in generic)
        for ending in ("ens", "en", "s"):
            if core.endswith(ending) and len(core) - len(ending) >= 4:
                core = core[: -len(ending)]
                break
        if len(core) >= 3:
            out.append(core)
    return out


def names(text: str, administration: str, profile: Profile | None) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _name_words(administration, profile))


def _same_municipality(administration: str, profile: Profile | None) -> bool:
    return profile is not None and profile.municipality.lower() in administration.lower()


def _said(db: sqlite_utils.Database, source: StoredDocument) -> str:
    """The source's words, one space between, for finding a draft's words in it."""
    return " " + " ".join(_tokens(document_full_text(db, source.id))) + " "


def _in(words: list[str], said: str) -> bool:
    return " " + " ".join(words) + " " in said


def _own_words(text: str, said: str) -> str:
    """The sentences of a text that are not quoted from the source (a quote names whoever it names)."""
    sentences = _SENTENCE.split(text)
    return " ".join(s for s in sentences if len(_tokens(s)) < _QUOTE or not _in(_tokens(s), said))


def _own_cue(text: str, said: str, administration: str, profile: Profile | None) -> str | None:
    """The first wording that claims the source as the writer's own, unless the source says it itself."""
    for m in _own_cues(not _same_municipality(administration, profile)).finditer(text):
        window = _tokens(text[m.start():])[: len(_tokens(m.group(0))) + _WINDOW]
        if not _in(window, said):
            return " ".join(m.group(0).split())
    return None


def _from_another(db: sqlite_utils.Database, doc: StoredDocument, profile: Profile | None) -> str | None:
    own, administration = is_own(db, doc, profile)
    return None if own or not administration else administration


def section_sources(where: str, section: Section, profile: Profile | None, db: sqlite_utils.Database,
                    ) -> tuple[list[str], set[int]]:
    """Warnings for the section's sources of another administration, and those sources' document ids."""
    text = letter_text(section.paragraphs)
    out: list[str] = []
    foreign: set[int] = set()
    for doc_id in dict.fromkeys(p.document_id for p in section.provenance):
        doc = document(db, doc_id)
        own, administration = is_own(db, doc, profile)
        if not own and administration is None and profile is not None:
            # the store does not say who wrote it: it may be quoted, never claimed as the writer's own
            cue = _own_cue(text, _said(db, doc), "", profile)
            if cue:
                out.append(f"{where}: '{cue}' presents a document as the administration's own, but the store does "
                           f"not say who wrote it ({doc.path})")
            continue
        if own or administration is None:
            continue
        foreign.add(doc_id)
        said = _said(db, doc)
        cue = _own_cue(text, said, administration, profile)
        if cue:
            out.append(f"{where}: '{cue}' presents a document of {administration} as the administration's own "
                       f"({doc.path})")
        elif not names(_own_words(text, said), administration, profile):
            out.append(f"{where}: uses a document of {administration} without naming {administration} ({doc.path})")
    return out, foreign


def foreign_cases(where: str, text: str, profile: Profile | None, db: sqlite_utils.Database,
                  known: Collection[int] = ()) -> list[str]:
    """Case numbers in `text` that belong only to another administration's documents, cited without
    naming it (`known`: documents already reported as the section's sources)."""
    out = []
    for case in cited_cases(text):
        docs = case_documents(db, case.value)
        if not docs or any(d.id in known for d in docs):
            continue
        owners = [_from_another(db, d, profile) for d in docs]
        if any(o is None for o in owners):
            continue  # the profile's own administration files it too (or a document says not whose it is)
        administrations = sorted({o for o in owners if o})
        if not any(names(text, a, profile) for a in administrations):
            out.append(f"{where}: cites case {case.value} of {administrations[0]} without naming it "
                       f"({docs[0].path})")
    return out


def pasted_quotes(where: str, section: Section, known: Collection[int], profile: Profile | None,
                  db: sqlite_utils.Database) -> list[str]:
    """Sentences of a section that stand word for word in a stored document of another administration
    (and in none of the profile's own), quoted without naming it: text pasted into a section that does not
    say where it comes from. Sentences of the section's own sources (`known`) are not looked for."""
    text = letter_text(section.paragraphs)
    known_said = [_said(db, document(db, i)) for i in known]
    sentences = [s for s in _SENTENCE.split(text) if len(_tokens(s)) >= _PASTED and "[INDSÆT" not in s
                 and not any(_in(_tokens(s), said) for said in known_said)]
    if not sentences:
        return []
    try:
        query = Query("quotes", [[term for s in sentences for term in phrase_query(s).groups[0]]])
        hits = search(db, query, limit=_HITS).hits
    except QueryError:
        return []  # a sentence the index cannot look for is no quote it can find
    quoted: dict[str, list[tuple[StoredDocument, str | None]]] = {}
    for hit in hits:
        doc = document(db, hit.document_id)
        said = _said(db, doc)
        for sentence in sentences:
            if _in(_tokens(sentence), said):
                quoted.setdefault(sentence, []).append((doc, _from_another(db, doc, profile)))
    out = []
    for docs in quoted.values():
        if any(administration is None for _, administration in docs):
            continue  # the profile's own documents say it too (or one whose writer is unknown)
        doc, administration = docs[0]
        assert administration is not None
        if not names(_own_words(text, _said(db, doc)), administration, profile):
            out.append(f"{where}: quotes a document of {administration} without naming {administration} ({doc.path})")
    return list(dict.fromkeys(out))


def attribution(sections: list[tuple[str, Section]], others: list[tuple[str, list[str]]], profile: Profile | None,
                db: sqlite_utils.Database) -> list[str]:
    """Every warning on whose words: the sections (with their labels) and other parts (intro, closing)."""
    out: list[str] = []
    for where, section in sections:
        found, foreign = section_sources(where, section, profile, db)
        out += found
        out += foreign_cases(where, letter_text(section.paragraphs), profile, db, foreign)
        out += pasted_quotes(where, section, {p.document_id for p in section.provenance}, profile, db)
    for where, paragraphs in others:
        out += foreign_cases(where, letter_text(paragraphs), profile, db)
    return out
