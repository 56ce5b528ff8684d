"""`foi search` through CliRunner on databases built by really extracting files: the corpus and a
small set of letters written here (Danish word forms, æøå, a CPR number, a company list)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from foi.cli import main
from foi.store.search_query import parse_query

CPR = "120356-1234"
CPR_IN_NAME = "070761-4285"
CPR_FORMS = (CPR, CPR.replace("-", ""), CPR_IN_NAME, CPR_IN_NAME.replace("-", ""))

LETTER = f"""KØBENHAVNS KOMMUNE

Beskæftigelses- og Integrationsforvaltningen

Til
Karen Holm

4. marts 2019

Sagsnr.
2019-0012345

Kære Karen Holm

Tak for din henvendelse om virksomheder på Ærø. Virksomhedens svar kommer senere; VIRKSOMHEDEN er orienteret.

Borgeren med CPR-nr. {CPR} har været i praktik hos Dansk Supermarked A/S.

Med venlig hilsen

Jens Ågård
"""

ANNEX = f"""KØBENHAVNS KOMMUNE

NOTAT

5. marts 2019

Sagsnr.
2019-0012345

Bilag

Oversigt over virksomheder som i 2018 har haft borgere i virksomhedspraktik:

dansk supermarked a/s
dahl a/s
dagrofa aps
anne friis klindt
hemen joan saleh
airpower v/jeffrey voss
tømrerfirma holm v/jens holm {CPR}
networkcommunication a/s
salon prana
"""

MEMO = """Svendborg Kommune

Notat

8. juni 2016

Om mentorordningen. Mentoren mødes med borgeren hver uge. Der er ingen virksomhed involveret, men et æble om dagen.
"""

PLEA = """Til Svendborg Kommune

2. februar 2017

Jeg beder om aktindsigt i sagen om min mentor og om Fakta.
"""


def write_small_corpus(folder: Path) -> Path:
    """Four small documents: a letter, its company-list annex, a memo and a file named with a CPR number."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brev_2019.txt").write_text(LETTER, encoding="utf-8")
    (folder / "bilag_2019.txt").write_text(ANNEX, encoding="utf-8")
    (folder / "notat_2016.txt").write_text(MEMO, encoding="utf-8")
    (folder / f"aktindsigt_{CPR_IN_NAME}.txt").write_text(PLEA, encoding="utf-8")
    return folder


def extract(folder: Path, db: Path, *options: str) -> None:
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db), "--workers", "1", "-q", *options])
    assert result.exit_code == 0, result.output


def small_db_keeping_cpr(base: Path) -> Path:
    """The small corpus extracted with --keep-personal-data: CPR numbers stored as written, so that
    only the masking of each output stands between them and the user."""
    db = base / "kept.db"
    extract(write_small_corpus(base / "files"), db, "--keep-personal-data")
    return db


@pytest.fixture(scope="module")
def kept_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_db_keeping_cpr(tmp_path_factory.mktemp("kept"))


def copy_db(source: Path, target: Path) -> Path:
    """A copy, so that tests which add the search index leave the shared database alone."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="module")
def corpus_copy(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_db(corpus_db, tmp_path_factory.mktemp("corpus_copy") / "foi.db")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def hits(db: Path, *args: str) -> list[dict]:
    result = run("search", "--db", str(db), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- the "done when" on the corpus


def test_dansk_supermarked_finds_the_annex_of_the_2018_letter(corpus_copy: Path) -> None:
    found = hits(corpus_copy, "dansk supermarked")
    assert found, "no hit for dansk supermarked"
    assert found[0]["kind"] == "annex"
    assert "000_20e448a58bbb3448" in found[0]["file"]
    assert "«dansk» «supermarked»" in found[0]["snippet"].lower()


def test_mentorstoette_ranks_the_2018_letter_first(corpus_copy: Path) -> None:
    found = hits(corpus_copy, "mentorstøtte", "--kind", "letter")
    assert found[0]["kind"] == "letter"
    assert found[0]["date"] == "2018-10-23"
    assert "000_20e448a58bbb3448" in found[0]["file"]
    assert all(hit["kind"] == "letter" for hit in found)


def test_table_output_shows_kind_date_case_numbers_file_and_page(corpus_copy: Path) -> None:
    result = run("search", "--db", str(corpus_copy), "mentorstøtte", "--kind", "letter", "--limit", "1")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[2]
    assert first.startswith(" 1. letter · 2018-10-23 · ")
    assert "2018-0000088" in first and "000_20e448a58bbb3448" in first and "p. 1" in first
    assert "[mentorstøtte]" in result.stdout.lower()


HOSTILE = ['"unbalanced', "AND", "NEAR(", "OR", "NOT", '"', "-", "*", "(", ")", "mentor AND", "OR mentor",
           "-mentor", "'", 'mentor"', '""', "title:mentor", "^mentor", "mentor + støtte", "\\", "%", "_",
           "NEAR(mentor støtte, 3)", "ø*", "*ø", "a" * 500, "mentor* OR", '"dansk super"*', "x:y:z", "{}",
           "mentor NOT", "NOT NOT", "--", "'; DROP TABLE documents; --", "\u200b", "🙂", "AND OR NOT"]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_gives_results_or_one_line(corpus_copy: Path, query: str) -> None:
    result = run("search", "--db", str(corpus_copy), "--", query)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "sqlite" not in result.output.lower()
    if result.exit_code:
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    else:
        assert result.stdout.strip()


def test_unbalanced_quote_searches_the_rest_as_a_phrase(corpus_copy: Path) -> None:
    assert hits(corpus_copy, '"dansk supermarked')[0]["kind"] == "annex"
    result = run("search", "--db", str(corpus_copy), "AND")
    assert result.exit_code == 1
    assert "operator" in result.stderr


# --- Danish matching on documents written here


def test_danish_word_forms_match_and_keep_the_original_words(small_db: Path) -> None:
    found = hits(small_db, "virksomhed")
    snippets = " ".join(hit["snippet"] for hit in found)
    for written in ("«virksomheder»", "«Virksomhedens»", "«VIRKSOMHEDEN»", "«virksomhed»"):
        assert written in snippets
    assert {Path(hit["file"]).name for hit in found} >= {"brev_2019.txt", "notat_2016.txt"}


def test_case_and_danish_letters_fold(small_db: Path) -> None:
    assert [Path(h["file"]).name for h in hits(small_db, "ærø")] == ["brev_2019.txt"]
    assert [Path(h["file"]).name for h in hits(small_db, "ÆBLE")] == ["notat_2016.txt"]
    assert hits(small_db, "aero") == [] and hits(small_db, "able") == []  # æ and ø are letters of their own


def test_phrases_prefixes_or_and_exclusion(small_db: Path) -> None:
    assert [Path(h["file"]).name for h in hits(small_db, '"supermarked a/s"')] != []
    assert hits(small_db, '"supermarked dansk"') == []
    masked_name = "aktindsigt_XXXXXX-XXXX.txt"
    assert {Path(h["file"]).name for h in hits(small_db, "mentor*")} == {"notat_2016.txt", masked_name}
    names = {Path(h["file"]).name for h in hits(small_db, "æble OR ærø")}
    assert names == {"notat_2016.txt", "brev_2019.txt"}
    assert {Path(h["file"]).name for h in hits(small_db, "virksomhed -ærø")} == {"notat_2016.txt", "bilag_2019.txt"}


def test_filters_kind_and_dates(small_db: Path) -> None:
    assert {h["kind"] for h in hits(small_db, "virksomhed", "--kind", "annex")} == {"annex"}
    assert sorted(h["date"] for h in hits(small_db, "virksomhed", "--from", "2019")) == ["2019-03-04", "2019-03-05"]
    assert [h["date"] for h in hits(small_db, "virksomhed", "--to", "31-12-2016")] == ["2016-06-08"]
    window = ("--from", "2019-03-05", "--to", "2019-03")
    assert [h["date"] for h in hits(small_db, "virksomhed", *window)] == ["2019-03-05"]
    bad = run("search", "--db", str(small_db), "virksomhed", "--from", "sidste år")
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_csv_and_json_formats(small_db: Path) -> None:
    result = run("search", "--db", str(small_db), "ærø", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["kind"] == "letter" and rows[0]["case_numbers"] == "2019-0012345"
    assert "«Ærø»" in rows[0]["snippet"]
    assert hits(small_db, "ingenting_her") == []


def test_cpr_numbers_are_masked_unless_asked(kept_db: Path) -> None:
    outputs = [run("search", "--db", str(kept_db), query, "--format", fmt).output
               for query in ("praktik", "supermarked", "aktindsigt", CPR, "mentor") for fmt in ("table", "json", "csv")]
    for output in outputs:
        assert not any(form in output for form in CPR_FORMS)
    assert "XXXXXX-XXXX" in "".join(outputs)
    shown = run("search", "--db", str(kept_db), "praktik", "--show-personal-data").output
    assert CPR in shown


def test_index_follows_changed_and_removed_files(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "a.txt").write_text("Kære Ole\n\nVi taler om cykelstier i kommunen.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Kære Bo\n\nVi taler om skolebusser.\n", encoding="utf-8")
    db = tmp_path / "foi.db"
    extract(folder, db)
    assert len(hits(db, "cykelsti")) == 1
    (folder / "a.txt").write_text("Kære Ole\n\nVi taler nu om parkering.\n", encoding="utf-8")
    extract(folder, db)
    assert hits(db, "cykelsti") == [] and len(hits(db, "parkering")) == 1
    with sqlite3.connect(db) as conn:  # a document removed from the store leaves the index too
        doc_id = conn.execute("SELECT id FROM documents WHERE text LIKE '%skolebus%'").fetchone()[0]
        conn.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    assert hits(db, "skolebusser") == []


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    result = run("search", "--db", str(tmp_path / "none.db"), "mentor")
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "foi extract" in result.stderr


def test_parser_builds_quoted_fts_expressions() -> None:
    assert parse_query("virksomhed").fts() == '"virksom"'
    assert parse_query('"dansk supermarked" OR fakta -coop').fts() == '(("dansk supermarked" OR "fakta")) NOT ("coop")'
    assert parse_query("virksomhed*").fts() == '"virksom"*'  # the stem prefix covers the word prefix
    assert parse_query("2018-0000088").fts() == '"2018 0000088"'
    assert str(parse_query('mentor "unbalanced')) == 'mentor unbalanced'


def test_exclusion_and_options_on_the_command_line(small_db: Path) -> None:
    result = run("search", "--db", str(small_db), "virksomhed", "-ærø", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "brev_2019.txt" not in result.stdout and "notat_2016.txt" in result.stdout
    typo = run("search", "--db", str(small_db), "virksomhed", "--knd", "letter")
    assert typo.exit_code == 2 and "no such option: --knd" in typo.output


def test_municipality_filter_folds_case(corpus_copy: Path) -> None:  # needs the letterhead component
    found = hits(corpus_copy, "mentor*", "--municipality", "KØBENHAVN")
    assert found and all("københavn" in (h["municipality"] or "").lower() for h in found)
    assert not any("003_5eca514296d22fd1" in h["file"] for h in found)  # the Svendborg memo


# --- columns, NEAR and repeated words: understood or refused with one line, never plain words


def refused(db: Path, query: str) -> str:
    """The one-line error of a query foi refuses."""
    result = run("search", "--db", str(db), "--", query)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def test_title_searches_the_title_column(corpus_copy: Path) -> None:
    anywhere = hits(corpus_copy, "beskæftigelse", "--limit", "100")
    in_title = hits(corpus_copy, "title:beskæftigelse", "--limit", "100")
    assert in_title and len(in_title) < len(anywhere)
    assert all("beskæftigelse" in (h["title"] or "").lower() for h in in_title)
    phrase = hits(corpus_copy, 'TITLE:"støttet beskæftigelse"')
    assert phrase and all("støttet beskæftigelse" in h["title"].lower() for h in phrase)
    excluded = hits(corpus_copy, "beskæftigelse -title:beskæftigelse", "--limit", "100")
    assert len(excluded) == len(anywhere) - len(in_title)


def test_text_and_margin_columns(small_db: Path) -> None:
    # the case number stands in the letterhead (margin), not in the body text
    assert {Path(h["file"]).name for h in hits(small_db, "margin:2019-0012345")} == {"brev_2019.txt", "bilag_2019.txt"}
    assert hits(small_db, "text:2019-0012345") == []
    assert [Path(h["file"]).name for h in hits(small_db, "text:æble")] == ["notat_2016.txt"]


@pytest.mark.parametrize("query", ["x:y:z", "forfatter:holm", "http://kk.dk", "mentor emne:fakta"])
def test_an_unknown_column_names_the_columns(small_db: Path, query: str) -> None:
    message = refused(small_db, query)
    assert "no column" in message and "title:, text:, margin:" in message


def test_a_column_needs_its_word_right_after_the_colon(small_db: Path) -> None:
    assert "right after the colon" in refused(small_db, "title: mentor")
    assert "right after the colon" in refused(small_db, "title:(fakta OR coop)")
    # a colon after an ordinary word, as in pasted text, is punctuation
    assert [Path(h["file"]).name for h in hits(small_db, "Mentoren: æble")] == ["notat_2016.txt"]


def test_near_finds_words_close_to_each_other(small_db: Path) -> None:
    # "… ingen virksomhed involveret, men et æble …": three words between them
    assert [Path(h["file"]).name for h in hits(small_db, "virksomhed æble")] == ["notat_2016.txt"]
    for near in ("virksomhed NEAR æble", "virksomhed NEAR/3 æble", "NEAR(virksomhed æble, 3)", "NEAR(virksomhed æble)"):
        found = hits(small_db, near)
        assert [Path(h["file"]).name for h in found] == ["notat_2016.txt"], near
        assert "«virksomhed»" in found[0]["snippet"] and "«æble»" in found[0]["snippet"]
    assert hits(small_db, "virksomhed NEAR/2 æble") == [] and hits(small_db, "NEAR(virksomhed æble, 2)") == []
    assert {Path(h["file"]).name for h in hits(small_db, "ærø OR virksomhed NEAR/3 æble")} == {
        "brev_2019.txt", "notat_2016.txt"}


@pytest.mark.parametrize("query", ["mentor NEAR", "NEAR mentor", "NEAR(mentor)", "NEAR(mentor støtte", "NEAR/x mentor",
                                   "NEAR(mentor støtte, tre)", "mentor NEAR -støtte"])
def test_a_near_that_cannot_be_used_says_how_to_write_it(small_db: Path, query: str) -> None:
    assert "NEAR(mentor støtte, 5)" in refused(small_db, query)


def test_a_repeated_word_counts_once(small_db: Path) -> None:
    result = run("search", "--db", str(small_db), "borger", "borger", "borgere")
    assert result.exit_code == 0, result.output
    assert "3 documents match 'borger':" in result.stdout
    assert hits(small_db, "borger borger") == hits(small_db, "borger")
    assert hits(small_db, '"borger borger"') == []  # quoted, it is a phrase: the word twice in a row
    assert "both searches for and excludes" in refused(small_db, "borger -borgere")


def test_the_parser_writes_columns_and_near_for_fts5() -> None:
    assert parse_query("title:virksomhed").fts() == 'title_stems : "virksom"'
    assert parse_query("-margin:mentor* fakta").fts() == '("fakta") NOT (margin_stems : "mentor"*)'
    assert parse_query("mentor NEAR/5 støtte").fts() == 'NEAR("mentor" "støt", 5)'
    assert parse_query('title:NEAR(mentor "dansk supermarked")').fts() == \
        'title_stems : NEAR("mentor" "dansk supermarked", 10)'
    assert str(parse_query("fakta OR a NEAR b NEAR/20 c")) == "fakta OR NEAR(a b c, 20)"
    assert str(parse_query("borger borgere Borger")) == "borger"
