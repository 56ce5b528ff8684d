"""Read-only look-ups of single stored facts, for drafting answers that the store can give directly:
documents by date, kind and words; the people of a document by role; meetings (minutes, agendas)
and their agenda items; amounts with the paragraph they stand in.

The store answers what is stored and nothing more: which of several candidates a question means,
and whether a candidate's words cover the question, is decided by the drafting rule
(`foi.responses.lookup`). The same document read from two renderings (a .txt and its .pdf) is
returned once, the text rendering first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import sqlite_utils

from foi.store.queries import StoredDocument, document

_HEAD = 400  # characters of a document's full text that hold its letterhead or meeting heading
_MEETING_KINDS = ("minutes", "agenda")
_LIMIT = 300  # candidates read per look-up: a question that matches more is not specific enough


@dataclass(frozen=True)
class Candidate:
    """A stored document with what a look-up matches it on."""

    document: StoredDocument
    subkind: str | None
    committee: str | None  # as stored (minutes); may carry words around the name
    head: str  # the first lines of the full text: letterhead, meeting heading
    text: str  # title and body, for matching the question's words


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    title: str | None


@dataclass(frozen=True)
class AgendaItem:
    meeting: Candidate
    number: int | None
    title: str
    decision: str


@dataclass(frozen=True)
class StoredAmount:
    source: Candidate
    value: float
    currency: str
    text: str  # as written: "350.000 kr."
    paragraph: str  # the paragraph of the full text the amount stands in
    offset: int  # where the amount starts in `paragraph`


def _fts_any(words: Iterable[str]) -> str:
    """An FTS5 query for documents holding a word that starts with any of `words`."""
    return " OR ".join(f'"{w.replace(chr(34), "")}"*' for w in sorted(set(words)) if w.strip('"'))


def _candidates(db: sqlite_utils.Database, where: list[str], params: list[object],
                words: Sequence[str] = ()) -> list[Candidate]:
    query = _fts_any(words)
    sql = ("select d.id, d.subkind, d.committee, d.title, d.text, d.full_text from documents d "
           "join files f on f.id = d.file_id")
    if query:  # the documents that match best first, so that a long list loses the least relevant ones
        sql += " join documents_fts on documents_fts.rowid = d.id and documents_fts match ?"
        params = [query, *params]
    sql += " where coalesce(f.status, 'ok') = 'ok'" + "".join(f" and {clause}" for clause in where)
    sql += f" order by {'bm25(documents_fts), ' if query else ''}d.date, d.id limit {_LIMIT}"
    out = []
    for row in db.query(sql, params):
        full = row["full_text"] or row["text"] or ""
        text = "\n\n".join(p for p in (row["title"], row["text"]) if p)
        out.append(Candidate(document(db, row["id"]), row["subkind"], row["committee"], full[:_HEAD], text))
    return distinct(out)


def _same(doc: StoredDocument) -> tuple[object, ...]:
    """What two renderings of one document share: its numbers, else its file name without suffix."""
    if doc.case_number or doc.document_number:
        return doc.kind, doc.date, doc.case_number, doc.document_number
    return doc.kind, doc.date, str(PurePath(doc.path).with_suffix("")), doc.sequence


def distinct(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Each document once: of two renderings the text one (a PDF's lines went through layout analysis)."""
    best: dict[tuple[object, ...], Candidate] = {}
    for c in candidates:
        key = _same(c.document)
        kept = best.get(key)
        if kept is None or (_pdf(kept) and not _pdf(c)):
            best[key] = c
    return sorted(best.values(), key=lambda c: (c.document.date or "9999", c.document.path, c.document.sequence))


def _pdf(c: Candidate) -> bool:
    return c.document.path.lower().endswith(".pdf")


def _kind_clause(kinds: Sequence[str]) -> tuple[list[str], list[object]]:
    if not kinds:
        return [], []
    marks = ", ".join("?" for _ in kinds)
    return [f"(d.kind in ({marks}) or d.subkind in ({marks}))"], [*kinds, *kinds]


def _date_clause(date: str | None, period: str | None) -> tuple[list[str], list[object]]:
    if date:
        return ["d.date = ?"], [date]
    if period:
        return ["d.date like ?"], [f"{period}%"]
    return [], []


def find_documents(db: sqlite_utils.Database, kinds: Sequence[str] = (), date: str | None = None,
                   period: str | None = None, words: Sequence[str] = ()) -> list[Candidate]:
    """Stored documents of one of `kinds` (a kind or finer kind; any when empty) dated `date`
    (YYYY-MM-DD) or within `period` ("2017-08", "2017"), holding a word that starts with one of
    `words` (any when empty). Without a date, a period or words nothing is looked up."""
    if not (date or period or words):
        return []
    where, params = _kind_clause(kinds)
    w, p = _date_clause(date, period)
    return _candidates(db, where + w, params + p, words)


def people_of(db: sqlite_utils.Database, document_id: int, roles: Sequence[str]) -> list[Person]:
    """The people stored in one of `roles` for a document, in the order written, each name once."""
    marks = ", ".join("?" for _ in roles)
    rows = db.query(f"select name, role, title from people where document_id = ? and role in ({marks}) "
                    "order by start, id", [document_id, *roles])
    seen: dict[tuple[str, str], Person] = {}
    for r in rows:
        if r["name"]:
            seen.setdefault((r["role"], r["name"]), Person(r["name"], r["role"], r["title"] or None))
    return list(seen.values())


def meetings(db: sqlite_utils.Database, date: str | None = None, period: str | None = None,
             words: Sequence[str] = ()) -> list[Candidate]:
    """Stored minutes and agendas on a date or within a period (every one when neither is given)."""
    where, params = _kind_clause(_MEETING_KINDS)
    w, p = _date_clause(date, period)
    return _candidates(db, where + w, params + p, words)


def agenda_items(db: sqlite_utils.Database, words: Sequence[str], date: str | None = None,
                 period: str | None = None) -> list[AgendaItem]:
    """The agenda items of stored minutes and agendas whose documents hold one of `words`."""
    if not words:
        return []
    out = []
    for meeting in meetings(db, date, period, words):
        for r in db.query("select number, title, decision from agenda_items where document_id = ? order by start, id",
                          [meeting.document.id]):
            if r["title"]:
                out.append(AgendaItem(meeting, r["number"], r["title"], r["decision"] or ""))
    return out


def amounts(db: sqlite_utils.Database, words: Sequence[str], kinds: Sequence[str] = (), date: str | None = None,
            period: str | None = None) -> list[StoredAmount]:
    """Stored amounts of documents that hold one of `words`, each with the paragraph around it."""
    if not words:
        return []
    where, params = _kind_clause(kinds)
    w, p = _date_clause(date, period)
    out = []
    for source in _candidates(db, where + w, params + p, words):
        full = next(db.query("select full_text from documents where id = ?", [source.document.id]))["full_text"] or ""
        for r in db.query("select value, currency, text, start from amounts where document_id = ? order by start",
                          [source.document.id]):
            if r["start"] is None or r["value"] is None:
                continue
            paragraph, offset = _paragraph(full, int(r["start"]))
            out.append(StoredAmount(source, float(r["value"]), r["currency"] or "", r["text"] or "", paragraph, offset))
    return out


_BLANK = re.compile(r"\n[ \t]*\n")


def _paragraph(text: str, at: int) -> tuple[str, int]:
    """The paragraph (between blank lines) around offset `at`, and `at`'s place in it."""
    starts = [m.end() for m in _BLANK.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end_match = _BLANK.search(text, at)
    end = end_match.start() if end_match else len(text)
    return text[start:end], at - start
