"""Read-only questions to the store, for drafting answers: earlier answers close to a question,
companies listed for a year and a programme, a document's case numbers and date, a case's documents.

Everything comes from the fact tables that extraction filled, so a draft reuses exactly what
`foi extract` found and stored, and each result carries the stored document it came from.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import snowballstemmer
import sqlite_utils
from rapidfuzz import fuzz

from foi.danish.legal_forms import legal_forms
from foi.extract.model import CaseNumber, Company

# Words that say nothing about what a question is about: function words and the administration's own
STOPWORDS = frozenset("""
af alle alt andet andre at bare blev bliver blive bl da de dem den denne der deres det dette din dit du efter
eller en end er et for fra få fik går ham han har havde have hele hende her hos hun hvad hvem hver hvilke
hvilken hvilket hvis hvor hvordan hvornår hvorfor hvor i ikke ind ingen jeg jer kan kommer kunne man mange med
meget men mig min mine mit mod må ned noget nogle nu når og også om op os over på sig sin sine sit skal skulle
som sådan til ud under var vi vil ville vores være været vedr vedrørende ved jf fx mv ca følgende samt blandt
kommune kommunen kommunens københavns forvaltning forvaltningen forvaltningens venligst gerne oplyse spørgsmål
får fået rent faktisk egentlig evt nok hvilket hvilke
""".split())

CASE_SCHEMES = ("sagsnr", "edoc_sagsnr", "f2_sagsnr", "journalnr")
DOCUMENT_SCHEMES = ("dokumentnr", "f2_dokumentnr")

_WORD = re.compile(r"[0-9a-zæøåäöüé]+(?:[-/][0-9a-zæøåäöüé]+)*", re.IGNORECASE)
_REFERS = re.compile(r"svar(?:et)?\s+på\s+spørgsmål\s+(\d{1,2})", re.IGNORECASE)
_LEGAL_FORM = re.compile(r"(?:^|\s)(" + legal_forms().pattern() + r")$", re.IGNORECASE)


# -- terms ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def stem_terms(text: str, keep_stopwords: bool = False) -> list[str]:
    """The Danish Snowball stems of a text's words, stopwords left out unless asked for."""
    return [_stem(w) for w in words(text) if keep_stopwords or (w not in STOPWORDS and len(w) > 1)]


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # the pure-Python Snowball stemmer is most of a draft's time; a corpus repeats its words
    return str(_stemmer().stemWord(word))


def term_match(a: str, b: str) -> float:
    """How well two stems match: 1 for the same stem; less for a shared compound head or a near spelling."""
    if a == b:
        return 1.0
    common = len(_common_prefix(a, b))
    if common >= 6 and common >= 0.6 * min(len(a), len(b)):
        return 0.7
    return 0.8 if min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 88 else 0.0


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# -- documents ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredDocument:
    id: int
    path: str
    sequence: int
    kind: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    case_numbers: tuple[CaseNumber, ...] = ()

    def number(self, schemes: Sequence[str]) -> str | None:
        for scheme in schemes:
            for case in self.case_numbers:
                if case.scheme == scheme:
                    return case.value
        return None

    @property
    def case_number(self) -> str | None:
        return self.number(CASE_SCHEMES)

    @property
    def document_number(self) -> str | None:
        return self.number(DOCUMENT_SCHEMES)


def document(db: sqlite_utils.Database, document_id: int) -> StoredDocument:
    """One stored document with its date and case numbers."""
    row = next(db.query(
        "select d.id, d.sequence, d.kind, d.title, d.date, d.full_text, f.path from documents d "
        "join files f on f.id = d.file_id where d.id = ?", [document_id]), None)
    if row is None:
        raise KeyError(document_id)
    rows = db.query("select * from case_numbers where document_id = ? and coalesce(role, 'own') = 'own' order by id",
                    [document_id])
    cases = tuple(CaseNumber(r["scheme"], r["value"], r["raw"] or r["value"], -1 if r["start"] is None else r["start"])
                  for r in rows)
    return StoredDocument(row["id"], row["path"], row["sequence"], row["kind"], row["title"], row["date"], cases)


def case_documents(db: sqlite_utils.Database, case: str) -> list[StoredDocument]:
    """The documents filed under a case number (their own or a document number in it), by date."""
    case = re.sub(r"\s+", "", case)
    ids = [r["document_id"] for r in db.query(
        "select distinct document_id from case_numbers where (value = ? or value like ?) "
        "and coalesce(role, 'own') = 'own'", [case, f"{case}-%"])]
    docs = [document(db, i) for i in ids]
    docs = [d for d in docs if d.case_number == case or (d.document_number or "").startswith(case)
            or any(c.value == case for c in d.case_numbers)]
    # a document stored in two renderings: the text one first (a PDF's lines went through layout analysis)
    return sorted(docs, key=lambda d: (d.date or "9999", d.path.lower().endswith(".pdf"), d.path, d.sequence))


def document_title(db: sqlite_utils.Database, document_id: int) -> str:
    """A title for a list of documents: "Brev til <recipient>" for a letter, an annex's own heading,
    else the stored title or the first sentence-like paragraph of the body."""
    row = next(db.query("select kind, title, text from documents where id = ?", [document_id]))
    if row["kind"] == "letter":
        person = next(db.query("select name from people where document_id = ? and role = 'recipient' order by id",
                               [document_id]), None)
        if person:
            return f"Brev til {person['name']}"
    if row["title"] and row["kind"] != "annex":
        return str(row["title"])
    for para in (row["text"] or "").split("\n\n"):
        para = " ".join(para.split())
        if len(para.split()) >= 3 and not re.match(r"^(kære|hej)\b", para, re.IGNORECASE):
            para = para.strip("*").strip()
            return para if len(para) <= 90 else para[:87].rsplit(" ", 1)[0] + " …"
    return str(row["title"] or "")


# -- earlier answers --------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredAnswer:
    document: StoredDocument
    number: int
    question: str
    answer: str  # as written: may be only "Se venligst svar på spørgsmål 2."
    refers_to: tuple[int, ...] = ()
    resolved: str = ""  # the answer with references to other answers of the letter followed
    resolved_number: int = 0
    bm25: float = 0.0
    similarity: float = 0.0  # rapidfuzz token_set_ratio of the stemmed questions, 0..100
    coverage: float = 0.0  # IDF-weighted share of the asked question's terms found in the stored one


def stored_answers(db: sqlite_utils.Database) -> list[StoredAnswer]:
    """Every stored answer with the question it answers, references followed within its letter."""
    by_doc: dict[int, list[StoredAnswer]] = {}
    rows = db.query(
        "select a.document_id, a.number, a.text, a.refers_to, q.text as question from answers a "
        "left join questions q on q.document_id = a.document_id and q.number = a.number order by a.document_id, a.id")
    for r in rows:
        refers = tuple(json.loads(r["refers_to"])) if r["refers_to"] else ()
        doc = document(db, r["document_id"])
        by_doc.setdefault(r["document_id"], []).append(
            StoredAnswer(doc, r["number"], r["question"] or "", r["text"] or "", refers))
    out: list[StoredAnswer] = []
    for answers in by_doc.values():
        numbered = {a.number: a for a in answers}
        for a in answers:
            target = a
            for _ in range(3):  # "Se svar på spørgsmål 2", possibly in a chain
                refs = target.refers_to or tuple(int(n) for n in _REFERS.findall(target.answer))
                if not refs or len(target.answer) > 200 or refs[0] not in numbered or refs[0] == target.number:
                    break
                target = numbered[refs[0]]
            out.append(replace(a, resolved=target.answer, resolved_number=target.number))
    return out


def _idf(units: Sequence[Iterable[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for unit in units:
        for term in set(unit):
            df[term] = df.get(term, 0) + 1
    n = len(units)
    return {t: math.log(1 + n / c) for t, c in df.items()}


def coverage(asked: Sequence[str], stored: Sequence[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the asked terms that the stored terms hold (compound heads count in part)."""
    terms = set(asked)
    if not terms:
        return 0.0
    default = max(idf.values(), default=1.0)
    total = sum(idf.get(t, default) for t in terms)
    got = sum(idf.get(t, default) * max((term_match(t, s) for s in set(stored)), default=0.0) for t in terms)
    return got / total


def similar_answers(db: sqlite_utils.Database, text: str, limit: int = 5) -> list[StoredAnswer]:
    """Stored answers whose questions are close to `text`, best first.

    FTS5 (bm25 over stemmed questions and answers, in a temporary table of this connection only)
    picks candidates; rapidfuzz and an IDF-weighted term coverage of the stored question re-rank them.
    """
    answers = stored_answers(db)
    asked = stem_terms(text)
    if not answers or not asked:
        return []
    units = [stem_terms(a.question) + stem_terms(a.resolved) for a in answers]
    idf = _idf(units)
    db.execute("drop table if exists temp.foi_qa")
    db.execute("create virtual table temp.foi_qa using fts5(question, answer, "
               "tokenize='unicode61 remove_diacritics 0')")
    try:
        for i, a in enumerate(answers):
            db.execute("insert into temp.foi_qa(rowid, question, answer) values (?, ?, ?)",
                       [i, " ".join(stem_terms(a.question)), " ".join(stem_terms(a.resolved))])
        query = " OR ".join(f'"{t}"*' for t in sorted(set(asked)))
        hits = {r[0]: r[1] for r in db.execute(
            "select rowid, bm25(foi_qa, 3.0, 1.0) from temp.foi_qa where foi_qa match ? order by 2 limit 50",
            [query]).fetchall()}
    finally:
        db.execute("drop table if exists temp.foi_qa")
    ranked = []
    for i, score in hits.items():
        a = answers[i]
        q_terms = stem_terms(a.question) or units[i]
        sim = fuzz.token_set_ratio(" ".join(sorted(set(asked))), " ".join(sorted(set(q_terms))))
        cov = coverage(asked, q_terms, idf)
        ranked.append(replace(a, bm25=-score, similarity=float(sim), coverage=cov))
    ranked.sort(key=lambda a: (a.coverage * 100 + a.similarity * 0.5 + min(a.bm25, 20.0)), reverse=True)
    unique: dict[tuple[object, ...], StoredAnswer] = {}
    for a in ranked:  # one letter stored twice (a .txt and its .pdf) gives the same answer twice
        unique.setdefault((a.document.case_number or a.document.path, a.document.document_number, a.number), a)
    return list(unique.values())[:limit]


# -- companies ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CompanyList:
    document: StoredDocument
    companies: tuple[Company, ...]
    matched: tuple[str, ...]  # the optional terms the list's document holds


def legal_form(name: str) -> str | None:
    """The legal form at the end of a company name, as written ("aps", "A/S", "s.m.b.a.")."""
    m = _LEGAL_FORM.search(name.strip())
    return m.group(1) if m else None


def find_companies(db: sqlite_utils.Database, year: int | None, required: Sequence[str],
                   optional: Sequence[str] = ()) -> list[CompanyList]:
    """Company lists whose document names the year and every required term (stems, as prefixes), best first.

    The document is found with FTS5 over the stored documents; its companies are the list entries of
    the companies table.
    """
    parts = [f'"{year}"'] if year else []
    parts += [f'"{t}"*' for t in required]
    if not parts:
        return []
    rows = list(db.query(
        "select d.id, d.kind, d.text, d.full_text, bm25(documents_fts) as rank from documents_fts "
        "join documents d on d.id = documents_fts.rowid where documents_fts match ? order by rank",
        [" AND ".join(parts)]))
    out = []
    seen: set[tuple[object, ...]] = set()
    for r in rows:
        companies = [Company(c["name"], c["legal_form"], c["owner"], bool(c["truncated"]), c["source"] or "list",
                             c["line"] or "", c["start"] if c["start"] is not None else -1)
                     for c in db.query("select * from companies where document_id = ? and coalesce(source, 'list') = "
                                       "'list' order by id", [r["id"]])]
        if not companies:
            continue
        stored = document(db, r["id"])
        key = (stored.case_number or stored.path, stored.document_number, tuple(c.name for c in companies))
        if key in seen:
            continue  # the same list read from another rendering of the same document (a .txt and its .pdf)
        seen.add(key)
        doc_terms = set(stem_terms(r["text"] or ""))
        matched = tuple(t for t in optional if any(term_match(t, d) for d in doc_terms))
        out.append(CompanyList(stored, tuple(companies), matched))
    out.sort(key=lambda c: -len(c.matched))
    return out


def company_names(db: sqlite_utils.Database, document_id: int | None = None) -> set[str]:
    """Names of stored companies (of one document, or all), for checking a draft against the store."""
    if document_id is None:
        return {r["name"] for r in db.query("select name from companies")}
    return {r["name"] for r in db.query("select name from companies where document_id = ?", [document_id])}


# -- administrations and look-ups (drafting) -------------------------------------------------------
def administration_of(db: sqlite_utils.Database, document_id: int) -> str | None:
    """Who wrote a document: "Københavns Kommune, Socialforvaltningen", or the one of the two stored."""
    row = next(db.query("select municipality, administration from documents where id = ?", [document_id]), None)
    if row is None:
        return None
    parts = [p for p in (row["municipality"], row["administration"]) if p]
    return ", ".join(parts) or None
