"""Search queries as a person types them, turned into safe FTS5 expressions over Danish stems.

Syntax: words (all must occur), "exact phrases", prefix* (also "phrase pref"*), `OR` between two
items (either may occur; binds tighter than the implicit AND, as in web search engines), `-word`
or `NOT word` to exclude, parentheses are ignored. Words are folded (NFKC, case-folded; æ, ø, å
stay letters of their own) and reduced to their Danish Snowball stem, so `virksomhed` also finds
`virksomheder` and `virksomhedens`. Every token goes into the FTS5 expression inside double quotes,
so no input can produce an FTS5 syntax error: a query is either understood or refused with one line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from foi.errors import QueryError

# Letters and digits; "_" and everything else separate words, as in SQLite's unicode61 tokenizer.
WORD = re.compile(r"[^\W_]+")
OPERATORS = ("OR", "AND", "NOT")

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


@dataclass(frozen=True)
class Term:
    """One word or an exact phrase; `prefix` marks the last word as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(w) for w in self.words)

    def fts(self) -> str:
        stems = self.stems
        if not self.prefix:
            return _quote(" ".join(stems))
        # The stem of a prefix ("virksomhed" -> "virksom") also reaches inflected forms whose own
        # stem is shorter than the prefix; the plain prefix reaches longer compounds.
        head = stems[:-1]
        options = {" ".join((*head, stems[-1])), " ".join((*head, self.words[-1]))}
        parts = [_quote(o) + "*" for o in sorted(options)]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

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
        return text + ("*" if self.prefix else "")


@dataclass
class Query:
    """Groups that must all match (each group: terms of which one must match) and excluded terms."""

    text: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        """The terms a matching document contains: what snippets highlight."""
        return [term for group in self.groups for term in group]

    def fts(self) -> str:
        parts = []
        for group in self.groups:
            alternatives = [term.fts() for term in group]
            parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
        expression = " AND ".join(parts)
        if self.excluded:
            expression = f"({expression}) NOT ({' OR '.join(term.fts() for term in self.excluded)})"
        return expression

    def __str__(self) -> str:
        shown = [" OR ".join(str(t) for t in group) for group in self.groups]
        shown += [f"-{term}" for term in self.excluded]
        return " ".join(shown)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def phrase_query(text: str) -> Query:
    """All the words of `text` as one exact phrase (a company name, say)."""
    found = tuple(w for _s, _e, w in words(text))
    if not found:
        raise QueryError(f"nothing to search for in {text!r}: it has no letters or digits")
    return Query(text, [[Term(found)]])


def parse_query(text: str) -> Query:
    """A query from what a user typed; raises QueryError with a one-line explanation if it has no words."""
    items: list[tuple[str, Term | None, bool]] = []  # (operator or "", term, negated)
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace() or char in "()":
            i += 1
            continue
        negated = False
        if char == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
            char = text[i]
        if char == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end  # an unbalanced quote runs to the end of the query
            body, i = text[i + 1:end], end + 1
            prefix = i < n and text[i] == "*"
            i += 1 if prefix else 0
            found = tuple(w for _s, _e, w in words(body))
            if found:
                items.append(("", Term(found, prefix), negated))
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] not in '"()':
            end += 1
        chunk, i = text[i:end], end
        if not negated and chunk in OPERATORS:
            items.append((chunk, None, False))
            continue
        found = tuple(w for _s, _e, w in words(chunk))
        if found:
            items.append(("", Term(found, chunk.endswith("*")), negated))
    return _combine(text, items)


def _combine(text: str, items: list[tuple[str, Term | None, bool]]) -> Query:
    query = Query(text)
    pending_or = pending_not = last_positive = False
    for operator, term, negated in items:
        if operator:
            pending_or = operator == "OR" and last_positive
            pending_not = operator == "NOT"
            last_positive = last_positive and operator == "OR"
            continue
        assert term is not None
        if negated or pending_not:
            query.excluded.append(term)
            last_positive = False
        elif pending_or and query.groups:
            query.groups[-1].append(term)
            last_positive = True
        else:
            query.groups.append([term])
            last_positive = True
        pending_or = pending_not = False
    if query.groups:
        return query
    if query.excluded:
        raise QueryError(f"{text!r} only excludes words; add a word to search for, e.g. 'mentor -fakta'")
    operators = [op for op, _t, _n in items if op]
    if operators:
        raise QueryError(
            f"{text!r} holds only the operator {' '.join(operators)}; put words around it, "
            f"or quote it (\"{operators[0].lower()}\") to search for the word"
        )
    raise QueryError(f"nothing to search for in {text!r}: it has no letters or digits")
