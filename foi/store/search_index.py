"""A Danish-stemmed full-text index beside `documents`, ranked search over it, and snippets.

`search_fts` (FTS5, rowid = document id) holds each document's title, body text and the margin
lines that are not in the body (letterhead: case numbers, dates, recipients) as Danish stems;
`search_docs` remembers what was indexed, so `refresh_index` only touches documents that are new,
changed or gone. Snippets are cut from the ORIGINAL text by matching the query's stems against the
stems of the text's words, and CPR numbers are masked in them unless asked otherwise.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import sqlite_utils

from foi.errors import DatabaseError, QueryError
from foi.extract.personal_data import mask_cpr
from foi.store.search_query import Query, fold, parse_query, stem, stem_text, words

INDEX_VERSION = "1"
# bm25 weights of the columns title_stems, text_stems, margin_stems
WEIGHTS = (4.0, 1.0, 0.5)
SNIPPET_WORDS = 32

_SIGNATURE = (
    f"'{INDEX_VERSION}:' || f.sha256 || ':' || coalesce(f.extracted_at, '') || ':' || d.sequence || ':'"
    " || length(coalesce(d.title, '')) || ':' || length(coalesce(d.text, '')) || ':'"
    " || length(coalesce(d.full_text, ''))"
)


def ensure_index(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "title_stems, text_stems, margin_stems, tokenize = 'unicode61 remove_diacritics 0')"
    )
    db.execute("CREATE TABLE IF NOT EXISTS search_docs (id INTEGER PRIMARY KEY, signature TEXT NOT NULL)")
    register_functions(db.conn)


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions foi's queries use: foi_fold(text) for case-folded comparisons."""
    conn.create_function("foi_fold", 1, lambda v: fold(v) if isinstance(v, str) else v, deterministic=True)


def margin_text(text: str | None, full_text: str | None) -> str:
    """The lines of `full_text` that the body `text` does not contain: letterhead and sidebar."""
    body = text or ""
    return "\n".join(
        line for line in (full_text or "").splitlines() if line.strip() and line.strip() not in body
    )


def refresh_index(db: sqlite_utils.Database) -> int:
    """Index documents that are new or changed since the last call, drop gone ones; returns how many changed."""
    try:
        ensure_index(db)
        stale = list(db.query(
            f"SELECT d.id, d.title, d.text, d.full_text, {_SIGNATURE} AS signature FROM documents d "
            "JOIN files f ON f.id = d.file_id LEFT JOIN search_docs s ON s.id = d.id "
            f"WHERE s.signature IS NULL OR s.signature != {_SIGNATURE}"
        ))
        gone = [r["id"] for r in db.query(
            "SELECT s.id FROM search_docs s LEFT JOIN documents d ON d.id = s.id WHERE d.id IS NULL"
        )]
        if not stale and not gone:
            return 0
        indexed = [
            (row["id"], stem_text(row["title"]), stem_text(row["text"]),
             stem_text(margin_text(row["text"], row["full_text"])))
            for row in stale
        ]
        with db.atomic():  # one transaction: sqlite-utils would commit each statement on its own
            dropped = [(doc_id,) for doc_id in gone + [r["id"] for r in stale]]
            db.conn.executemany("DELETE FROM search_fts WHERE rowid = ?", dropped)
            db.conn.executemany("DELETE FROM search_docs WHERE id = ?", dropped)
            db.conn.executemany(
                "INSERT INTO search_fts (rowid, title_stems, text_stems, margin_stems) VALUES (?, ?, ?, ?)", indexed
            )
            db.conn.executemany(
                "INSERT INTO search_docs (id, signature) VALUES (?, ?)", [(r["id"], r["signature"]) for r in stale]
            )
    except sqlite3.OperationalError as exc:
        raise DatabaseError(f"cannot update the search index: {exc}") from None
    return len(stale) + len(gone)


@dataclass
class Hit:
    rank: int
    document_id: int
    score: float
    kind: str
    date: str | None
    title: str | None
    municipality: str | None
    file: str
    page_start: int
    page_end: int
    case_numbers: list[str]
    snippet: str


@dataclass
class SearchResult:
    query: Query
    total: int
    hits: list[Hit] = field(default_factory=list)


def search(
    db: sqlite_utils.Database,
    text: str | Query,
    *,
    kind: str | None = None,
    municipality: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    show_personal_data: bool = False,
    marks: tuple[str, str] = ("[", "]"),
) -> SearchResult:
    """Documents matching the query, best first (bm25), with a highlighted snippet each.

    `date_from`/`date_to` are ISO dates or their prefixes (`2018`, `2018-10`); documents without a
    date are left out when either is given.
    """
    query = parse_query(text) if isinstance(text, str) else text
    refresh_index(db)
    where, params = ["search_fts MATCH ?"], [query.fts()]
    if kind:
        where.append("d.kind = ?")
        params.append(kind)
    if municipality:
        where.append("instr(foi_fold(coalesce(d.municipality, '')), ?) > 0")
        params.append(fold(municipality))
    if date_from:
        where.append("d.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("substr(d.date, 1, length(?)) <= ?")
        params += [date_to, date_to]
    sql_from = (
        "FROM search_fts JOIN documents d ON d.id = search_fts.rowid JOIN files f ON f.id = d.file_id "
        "WHERE " + " AND ".join(where)
    )
    weights = ", ".join(str(w) for w in WEIGHTS)
    try:
        total = db.execute(f"SELECT count(*) {sql_from}", params).fetchone()[0]
        rows = list(db.query(
            f"SELECT d.id, d.kind, d.date, d.title, d.municipality, d.page_start, d.page_end, d.text, "
            f"d.full_text, f.path, bm25(search_fts, {weights}) AS score {sql_from} "
            "ORDER BY score, d.id LIMIT ?",
            [*params, limit],
        ))
    except sqlite3.OperationalError as exc:  # a safety net: parse_query quotes every token
        raise QueryError(f"cannot search for {mask_cpr(query.text)!r}: {exc}") from None
    result = SearchResult(query, total)
    numbers = case_numbers(db, [r["id"] for r in rows])
    for rank, row in enumerate(rows, 1):
        show = (lambda s: s) if show_personal_data else mask_cpr
        body = show(row["text"] or "")
        cut = snippet(body, query, marks) or snippet(show(margin_text(row["text"], row["full_text"])), query, marks)
        if cut is None:
            cut = snippet(show(row["title"] or ""), query, marks) or _lead(body)
        result.hits.append(Hit(
            rank=rank, document_id=row["id"], score=round(row["score"], 3), kind=row["kind"], date=row["date"],
            title=show(row["title"]) if row["title"] else None, municipality=row["municipality"],
            file=show(row["path"]), page_start=row["page_start"], page_end=row["page_end"],
            case_numbers=[show(n) for n in numbers.get(row["id"], [])], snippet=cut,
        ))
    return result


def case_numbers(db: sqlite_utils.Database, document_ids: list[int]) -> dict[int, list[str]]:
    """Distinct case numbers of each document, in the order they were found."""
    found: dict[int, list[str]] = {}
    if not document_ids:
        return found
    marks = ",".join("?" * len(document_ids))
    for row in db.query(
        f"SELECT document_id, value FROM case_numbers WHERE document_id IN ({marks}) "
        "AND coalesce(role, 'own') = 'own' ORDER BY document_id, start, id",
        document_ids,
    ):
        values = found.setdefault(row["document_id"], [])
        if row["value"] and row["value"] not in values:
            values.append(row["value"])
    return found


def _matches(text: str, query: Query) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, int]]]:
    """The words of `text` and the query's matches in it as (first word, word count, term index)."""
    found = words(text)
    folded = [w for _s, _e, w in found]
    stems = [stem(w) for w in folded]
    hits: list[tuple[int, int, int]] = []
    i = 0
    while i < len(found):
        for index, term in enumerate(query.terms):
            length = term.match_length(stems, folded, i)
            if length:
                hits.append((i, length, index))
                i += length - 1
                break
        i += 1
    return found, hits


def snippet(text: str, query: Query, marks: tuple[str, str] = ("[", "]"), size: int = SNIPPET_WORDS) -> str | None:
    """About `size` words of `text` around the densest cluster of matches, matches marked; None if none."""
    found, hits = _matches(text, query)
    if not hits:
        return None
    best, best_score = 0, (-1, -1)
    for first, _length, _term in hits:
        start = max(0, first - size // 4)
        inside = [h for h in hits if start <= h[0] < start + size]
        score = (len({h[2] for h in inside}), len(inside))
        if score > best_score:
            best, best_score = start, score
    end = min(len(found), best + size)
    pieces, cursor = [], found[best][0]
    for first, length, _term in hits:
        if best <= first and first + length <= end:
            a, b = found[first][0], found[first + length - 1][1]
            pieces += [text[cursor:a], marks[0], text[a:b], marks[1]]
            cursor = b
    pieces.append(text[cursor:found[end - 1][1]])
    cut = " ".join("".join(pieces).split())
    return ("…" if best > 0 else "") + cut + ("…" if end < len(found) else "")


def matching_lines(text: str, query: Query) -> list[str]:
    """The lines of `text` that hold a match of the query, stripped, in order."""
    lines = []
    for line in text.splitlines():
        if line.strip() and _matches(line, query)[1]:
            lines.append(line.strip())
    return lines


def matched_text(text: str, query: Query) -> str | None:
    """The first match of the query in `text`, as written there."""
    found, hits = _matches(text, query)
    if not hits:
        return None
    first, length, _term = hits[0]
    return text[found[first][0]:found[first + length - 1][1]]


def _lead(text: str, size: int = SNIPPET_WORDS) -> str:
    found = words(text)
    if not found:
        return ""
    end = min(len(found), size)
    return " ".join(text[: found[end - 1][1]].split()) + ("…" if end < len(found) else "")
