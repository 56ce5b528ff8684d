"""Search queries as a person types them, turned into safe FTS5 expressions over Danish stems.

Syntax: words (all must occur), "exact phrases", prefix* (also "phrase pref"*), `OR` between two
items (either may occur; binds tighter than the implicit AND, as in web search engines), `-word`
or `NOT word` to exclude, `title:word` (also `text:`, `margin:`, before a word or a "phrase") to
look in one column of the index, and `a NEAR b`, `a NEAR/5 b` or `NEAR(a b c, 5)` for words at most
that many words apart (10 when not given; NEAR binds tightest). Parentheses are otherwise ignored,
and a word repeated (also in another form of it: `borger borgere`) counts once. Words are folded
(NFKC, case-folded; æ, ø, å stay letters of their own) and reduced to their Danish Snowball stem,
so `virksomhed` also finds `virksomheder` and `virksomhedens`. Every token goes into the FTS5
expression inside double quotes, so no input can produce an FTS5 syntax error: a query is either
understood or refused with one line that says what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

import snowballstemmer

from foi.errors import QueryError
from foi.extract.personal_data import mask_cpr

# Letters and digits; "_" and everything else separate words, as in SQLite's unicode61 tokenizer.
WORD = re.compile(r"[^\W_]+")
OPERATORS = ("OR", "AND", "NOT")
# What a user writes before ":" -> the column of the stemmed index (foi/store/search_index.py).
COLUMNS = {"title": "title_stems", "text": "text_stems", "margin": "margin_stems"}
_COLUMN = re.compile(r"([^\W\d_]+):")
_NEAR = re.compile(r"NEAR(?:/([0-9]{1,4}))?")
_NEAR_DISTANCE = re.compile(r",\s*([0-9]{1,4})\s*$")
NEAR_DEFAULT = 10  # FTS5's own default
_MOST_NEAR_FORMS = 64  # prefixes in a NEAR group multiply its FTS5 alternatives
NEAR_HELP = "write mentor NEAR støtte, mentor NEAR/5 støtte or NEAR(mentor støtte, 5)"

_stemmer = snowballstemmer.stemmer("danish")


def fold(text: str) -> str:
    """Case- and width-folded text: `ÆBLE` and `æble` are equal, `å` stays distinct from `a`."""
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Danish Snowball stem of a folded word (never empty)."""
    return _stemmer.stemWord(word) or word


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of `text`, offsets into `text` itself."""
    return [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]


def stem_text(text: str | None) -> str:
    """The text as space-separated stems: what the stemmed index stores."""
    if not text:
        return ""
    return " ".join([stem(word) for word in WORD.findall(fold(text))])


def _in_column(column: str | None, expression: str) -> str:
    return f"{COLUMNS[column]} : {expression}" if column else expression


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


@dataclass(frozen=True)
class Term:
    """One word or an exact phrase; `prefix` marks the last word as a prefix; `column` limits it
    to one column of the index (a key of COLUMNS)."""

    words: tuple[str, ...]
    prefix: bool = False
    column: str | None = None

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(w) for w in self.words)

    def phrases(self) -> list[str]:
        """FTS5 phrases of which one must match (no column)."""
        stems = self.stems
        if not self.prefix:
            return [_quote(" ".join(stems))]
        # The stem of a prefix ("virksomhed" -> "virksom") also reaches inflected forms whose own
        # stem is shorter than the prefix; the plain prefix is needed only when the stem is not a
        # prefix of the word (then it reaches longer compounds the stem does not).
        head, last = stems[:-1], stems[-1]
        options = [last] if self.words[-1].startswith(last) else sorted({last, self.words[-1]})
        return [_quote(" ".join((*head, o))) + "*" for o in options]

    def fts(self) -> str:
        return _in_column(self.column, _any(self.phrases()))

    @property
    def terms(self) -> tuple[Term, ...]:
        return (self,)

    def match_length(self, stems: list[str], folded: list[str], i: int) -> int:
        """How many words from index `i` on this term covers (0: no match there)."""
        if i + len(self.words) > len(stems):
            return 0
        last = len(self.words) - 1
        for k, (word, word_stem) in enumerate(zip(self.words, self.stems, strict=True)):
            have_stem, have_word = stems[i + k], folded[i + k]
            if k == last and self.prefix:
                if not (have_stem.startswith(word_stem) or have_stem.startswith(word) or have_word.startswith(word)):
                    return 0
            elif have_stem != word_stem:
                return 0
        return len(self.words)

    def __str__(self) -> str:
        text = " ".join(self.words)
        text = f'"{text}"' if len(self.words) > 1 else text
        return (f"{self.column}:" if self.column else "") + text + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Near:
    """Terms that must all occur at most `distance` words apart (FTS5 NEAR), in one column or any."""

    terms: tuple[Term, ...]
    distance: int = NEAR_DEFAULT
    column: str | None = None

    def fts(self) -> str:
        groups = [f"NEAR({' '.join(combination)}, {self.distance})"
                  for combination in product(*(term.phrases() for term in self.terms))]
        return _in_column(self.column, _any(groups))

    def __str__(self) -> str:
        inside = " ".join(str(term) for term in self.terms)
        return (f"{self.column}:" if self.column else "") + f"NEAR({inside}, {self.distance})"


Item = Term | Near


@dataclass
class Query:
    """Groups that must all match (each group: items of which one must match) and excluded items."""

    text: str
    groups: list[list[Item]] = field(default_factory=list)
    excluded: list[Item] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        """The terms a matching document contains: what snippets highlight."""
        return [term for group in self.groups for item in group for term in item.terms]

    def fts(self) -> str:
        expression = " AND ".join(_any([item.fts() for item in group]) for group in self.groups)
        if self.excluded:
            expression = f"({expression}) NOT ({' OR '.join(item.fts() for item in self.excluded)})"
        return expression

    def __str__(self) -> str:
        shown = [" OR ".join(str(t) for t in group) for group in self.groups]
        shown += [f"-{item}" for item in self.excluded]
        return " ".join(shown)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _shown(text: str) -> str:
    return repr(mask_cpr(text))


def phrase_query(text: str) -> Query:
    """All the words of `text` as one exact phrase (a company name, say)."""
    found = tuple(w for _s, _e, w in words(text))
    if not found:
        raise QueryError(f"nothing to search for in {_shown(text)}: it has no letters or digits")
    return Query(text, [[Term(found)]])


# A parsed piece of a query: ("", item, negated) or (operator, None, False); NEAR carries its distance.
Piece = tuple[str, Item | None, bool]


def parse_query(text: str) -> Query:
    """A query from what a user typed; raises QueryError with a one-line explanation if it cannot be used."""
    return _combine(text, _pieces(text))


def _pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace() or char in "()":
            i += 1
            continue
        negated = False
        if char == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
        column, i = _column(text, i)
        item, i, operator = _item(text, i, column, negated)
        if operator:
            pieces.append((operator, None, False))
        elif item is not None:
            pieces.append(("", item, negated))
    return pieces


def _column(text: str, i: int) -> tuple[str | None, int]:
    """A `name:` column filter at `i` (its column and where its word starts), or (None, i)."""
    match = _COLUMN.match(text, i)
    if not match:
        return None, i
    name, after = fold(match.group(1)), match.end()
    follows = text[after] if after < len(text) else ""
    if name in COLUMNS:
        if not follows or follows.isspace() or follows in "()":
            raise QueryError(f"{name}: needs a word or a \"phrase\" right after the colon, e.g. {name}:mentor "
                             f"(parentheses are ignored: write {name}:fakta OR {name}:coop)")
        return name, after
    if not follows or follows.isspace():  # "Bemærk: …": a colon ending a word is punctuation
        return None, i
    columns = ", ".join(f"{c}:" for c in COLUMNS)
    chunk = mask_cpr(text[i:].split(maxsplit=1)[0].replace('"', ""))
    example = _quote(chunk) if chunk.isprintable() else '"…"'
    raise QueryError(f"there is no column {match.group(1)!r} to search in; the columns are {columns} "
                     f"(e.g. title:mentor); or quote it ({example}) to search for the words")


def _item(text: str, i: int, column: str | None, negated: bool) -> tuple[Item | None, int, str]:
    """The word, phrase or NEAR(…) group at `i`, where the text goes on, and an operator if it is one."""
    n = len(text)
    if i < n and text[i] == '"':
        end = text.find('"', i + 1)
        end = n if end < 0 else end  # an unbalanced quote runs to the end of the query
        body, i = text[i + 1:end], end + 1
        prefix = i < n and text[i] == "*"
        found = tuple(w for _s, _e, w in words(body))
        return (Term(found, prefix, column) if found else None), i + (1 if prefix else 0), ""
    end = i
    while end < n and not text[end].isspace() and text[end] not in '"()':
        end += 1
    chunk = text[i:end]
    if chunk == "NEAR" and end < n and text[end] == "(":
        return _near_group(text, end, column), _closing(text, end) + 1, ""
    if not negated and column is None:
        if chunk in OPERATORS:
            return None, end, chunk
        near = _NEAR.fullmatch(chunk)
        if near:
            return None, end, f"NEAR/{near.group(1) or NEAR_DEFAULT}"
        if chunk.startswith("NEAR/"):
            raise QueryError(f"{_shown(chunk)} needs a distance in words after the slash; {NEAR_HELP}")
    found = tuple(w for _s, _e, w in words(chunk))
    return (Term(found, chunk.endswith("*"), column) if found else None), end, ""


def _closing(text: str, opening: int) -> int:
    """Where the ")" closing NEAR( at `opening` is, quotes skipped."""
    i = opening + 1
    while i < len(text):
        if text[i] == '"':
            quote = text.find('"', i + 1)
            i = len(text) if quote < 0 else quote + 1
        elif text[i] == ")":
            return i
        else:
            i += 1
    raise QueryError(f"NEAR( in {_shown(text)} has no closing parenthesis; {NEAR_HELP}")


def _near_group(text: str, opening: int, column: str | None) -> Near:
    body = text[opening + 1:_closing(text, opening)]
    distance = NEAR_DEFAULT
    found = _NEAR_DISTANCE.search(body)
    if found:
        distance, body = int(found.group(1)), body[:found.start()]
    elif "," in body:
        raise QueryError(f"NEAR(…) in {_shown(text)} takes a whole number of words after its comma; {NEAR_HELP}")
    inside = _pieces(body)
    if any(op or negated or not isinstance(item, Term) or item.column for op, item, negated in inside):
        raise QueryError(f"NEAR(…) in {_shown(text)} holds only words, \"phrases\" and prefix*; {NEAR_HELP}")
    return _near([item for _op, item, _n in inside if isinstance(item, Term)], distance, column, text)


def _near(items: list[Item], distance: int, column: str | None, text: str) -> Near:
    terms = tuple(term for item in items for term in item.terms)
    columns = {column} | {item.column for item in items}
    columns.discard(None)
    if len(terms) < 2:
        raise QueryError(f"NEAR in {_shown(text)} needs two or more words; {NEAR_HELP}")
    if len(columns) > 1:
        raise QueryError(f"NEAR in {_shown(text)} joins words of one column only; write the column once "
                         "before the group: title:NEAR(mentor støtte)")
    forms = 1
    for term in terms:
        forms *= len(term.phrases())
    if forms > _MOST_NEAR_FORMS:
        raise QueryError(f"NEAR in {_shown(text)} has too many prefixes; use fewer words ending in *")
    plain = tuple(Term(t.words, t.prefix) for t in terms)  # FTS5 filters a NEAR group as a whole
    return Near(plain, distance, next(iter(columns), None))


def _combine(text: str, pieces: list[Piece]) -> Query:
    query = Query(text)
    pending_or = pending_not = last_positive = False
    pending_near: int | None = None
    for operator, item, negated in pieces:
        if operator:
            if pending_near is not None or (operator.startswith("NEAR") and not last_positive):
                raise QueryError(f"NEAR in {_shown(text)} needs a word on each side; {NEAR_HELP}")
            if operator.startswith("NEAR"):
                pending_near = int(operator.split("/")[1])
                continue
            pending_or = operator == "OR" and last_positive
            pending_not = operator == "NOT"
            last_positive = last_positive and operator == "OR"
            continue
        assert item is not None
        if pending_near is not None:
            if negated or pending_not:
                raise QueryError(f"NEAR in {_shown(text)} joins words to search for, not excluded ones; {NEAR_HELP}")
            before = query.groups[-1][-1]
            distance = max(pending_near, before.distance) if isinstance(before, Near) else pending_near
            query.groups[-1][-1] = _near([before, item], distance, None, text)
            pending_near = None
        elif negated or pending_not:
            query.excluded.append(item)
            last_positive = False
        elif pending_or and query.groups:
            query.groups[-1].append(item)
            last_positive = True
        else:
            query.groups.append([item])
            last_positive = True
        pending_or = pending_not = False
    if pending_near is not None:
        raise QueryError(f"NEAR in {_shown(text)} needs a word on each side; {NEAR_HELP}")
    _deduplicate(query)
    if query.groups:
        return query
    if query.excluded:
        raise QueryError(f"{_shown(text)} only excludes words; add a word to search for, e.g. 'mentor -fakta'")
    operators = [op.split("/")[0] for op, _t, _n in pieces if op]
    if operators:
        raise QueryError(
            f"{_shown(text)} holds only the operator {' '.join(operators)}; put words around it, "
            f"or quote it (\"{operators[0].lower()}\") to search for the word"
        )
    raise QueryError(f"nothing to search for in {_shown(text)}: it has no letters or digits")


def _deduplicate(query: Query) -> None:
    """A word given twice (or in two forms with one stem) counts once; searched-for and excluded is refused."""
    seen: set[str] = set()
    groups: list[list[Item]] = []
    for group in query.groups:
        unique = list({item.fts(): item for item in group}.values())
        key = " OR ".join(sorted(item.fts() for item in unique))
        if key not in seen:
            seen.add(key)
            groups.append(unique)
    excluded = list({item.fts(): item for item in query.excluded}.values())
    dropped = {item.fts() for item in excluded}
    for group in groups:
        if all(item.fts() in dropped for item in group):
            raise QueryError(f"{_shown(query.text)} both searches for and excludes "
                             f"{mask_cpr(' OR '.join(map(str, group)))}; "
                             "drop one of them")
    query.groups, query.excluded = groups, excluded
