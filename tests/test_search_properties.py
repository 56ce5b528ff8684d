"""Property-based tests: random Unicode queries, heavy in quotes, parentheses, *, -, :, ^ and the
operators, through the query parser (its FTS5 expression run by a real SQLite) and through `foi
search` on a small real database. Whatever is typed, the answer is results or one line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from foi.cli import main
from foi.errors import QueryError
from foi.extract.personal_data import mask_cpr
from foi.store.search_query import COLUMNS, parse_query, stem_text

PIECES = ['"', "(", ")", "*", "-", ":", "^", "+", ",", "/", " ", "  ", "\t", "\n", "NEAR", "NEAR(", "NEAR/",
          "NEAR/3", "AND", "OR", "NOT", "near", "title:", "text:", "margin:", "x:", "TITLE:", "mentor",
          "virksomhed", "borger", "æble", "ærø", "120356-1234", "2019-0012345", "5", "\u200b", "🙂", "ß", "İ"]
QUERIES = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=12).map(" ".join),
)
OPTION_LIKE = re.compile(r"--[A-Za-z][A-Za-z0-9-]*(=.*)?", re.DOTALL)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    """An FTS5 table with the columns of the stemmed index, holding a few stemmed lines."""
    conn = sqlite3.connect(":memory:")
    columns = ", ".join(COLUMNS.values())
    conn.execute(f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, tokenize = 'unicode61 remove_diacritics 0')")
    for title, text in [("Mentorordning", "Mentoren mødes med borgeren; ingen virksomhed, men et æble"),
                        ("Svar", "Virksomheder på Ærø og dansk supermarked a/s")]:
        conn.execute("INSERT INTO search_fts VALUES (?, ?, ?)", (stem_text(title), stem_text(text), ""))
    return conn


@SETTINGS
@given(QUERIES)
def test_the_parser_gives_a_valid_fts5_expression_or_one_line(fts: sqlite3.Connection, text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as exc:
        message = str(exc)
        assert message and len(message.splitlines()) == 1, message
        assert mask_cpr(message) == message, message  # no CPR number in it
        return
    assert query.groups
    fts.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", [query.fts()]).fetchone()
    parse_query(str(query))  # what `foi search` shows back ("N documents match …") can be typed again


@SETTINGS
@given(QUERIES)
def test_foi_search_answers_or_says_one_line(small_db: Path, text: str) -> None:
    assume(not OPTION_LIKE.fullmatch(text))  # `--knd`: a mistyped option is a usage error (exit 2), by design
    result = CliRunner().invoke(main, ["search", "--db", str(small_db), "--", text])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    else:
        assert result.stdout.strip() and result.stderr == ""
    assert mask_cpr(result.output) == result.output, result.output
