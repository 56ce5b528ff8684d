"""`foi forget` through CliRunner on a database built by really extracting letters written here."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from foi.cli import main
from foi.store import FACT_TABLES

LETTER = """KØBENHAVNS KOMMUNE
Beskæftigelses- og Integrationsforvaltningen

Til
{name}

{day}. marts 2021

Sagsnr.
2021-000{day:04d}

Kære {name}

Tak for din henvendelse om {topic}.

Ad 1
Forvaltningen har i alt 12 borgere i ordningen hos Dansk Supermarked A/S.

Med venlig hilsen

Anne Berg
Direktør
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def build(tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "breve"
    folder.mkdir()
    names = []
    for day, (name, topic) in enumerate([("Karen Holm", "mentorstøtte"), ("Ole Hansen", "løntilskud")], 1):
        path = folder / f"svar_{day}.txt"
        path.write_text(LETTER.format(name=name, day=day, topic=topic), encoding="utf-8")
        names.append(str(path))
    with open(os.fsencode(folder) + b"/notat_\xe6.txt", "wb") as out:  # a name that is not UTF-8
        out.write(LETTER.format(name="Eva Lund", day=3, topic="jobrotation").encode())
    db = tmp_path / "foi.db"
    done = run("extract", str(folder), "--db", str(db), "--workers", "1", "-q")
    assert done.exit_code == 0, done.output
    return db, names


def found(db: Path, word: str) -> list[str]:
    done = run("search", word, "--db", str(db), "--format", "json")
    assert done.exit_code == 0, done.output
    return [hit["file"] for hit in json.loads(done.stdout)]


def test_a_forgotten_file_leaves_no_row_fact_or_search_hit(tmp_path: Path) -> None:
    db, (first, second) = build(tmp_path)
    assert found(db, "mentorstøtte") == [first]  # the stemmed index is built, then forgotten from
    with sqlite3.connect(db) as conn:
        doc_ids = [r[0] for r in conn.execute(
            "select d.id from documents d join files f on f.id = d.file_id where f.path = ?", [first])]
    assert doc_ids
    done = run("forget", first, "--db", str(db))
    assert done.exit_code == 0, done.output
    assert done.output == f"forgot {first} (1 document)\n"
    assert found(db, "mentorstøtte") == []
    assert found(db, "løntilskud") == [second]
    marks = ",".join("?" * len(doc_ids))
    with sqlite3.connect(db) as conn:
        def count(sql: str, *params: object) -> int:
            return int(conn.execute(sql, params).fetchone()[0])

        assert count("select count(*) from files where path = ?", first) == 0
        for table in [*FACT_TABLES, "documents"]:
            column = "id" if table == "documents" else "document_id"
            assert count(f"select count(*) from [{table}] where {column} in ({marks})", *doc_ids) == 0
        assert count("select count(*) from documents_fts where documents_fts match 'mentorstøtte'") == 0
        assert count(f"select count(*) from search_docs where id in ({marks})", *doc_ids) == 0
        assert count(f"select count(*) from search_fts where rowid in ({marks})", *doc_ids) == 0
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    again = run("extract", str(Path(first).parent), "--db", str(db), "--workers", "1", "-q")
    assert again.exit_code == 0, again.output  # the file is read again, as a new one
    assert found(db, "mentorstøtte") == [first]


def test_a_file_not_in_the_database_is_one_line_and_the_others_are_forgotten(tmp_path: Path) -> None:
    db, (first, second) = build(tmp_path)
    done = run("forget", str(tmp_path / "nowhere.txt"), second, "--db", str(db))
    assert done.exit_code == 1
    assert done.stderr == f"Error: {tmp_path / 'nowhere.txt'}: not in {db}\n"
    assert done.stdout == f"forgot {second} (1 document)\n"
    assert found(db, "løntilskud") == []
    assert found(db, "mentorstøtte") == [first]


def test_a_name_that_is_not_utf8_is_forgotten_by_its_bytes_or_as_shown(tmp_path: Path) -> None:
    db, _names = build(tmp_path)
    exact = os.fsdecode(os.fsencode(tmp_path / "breve") + b"/notat_\xe6.txt")
    shown = str(tmp_path / "breve" / "notat_\ufffd.txt")
    assert found(db, "jobrotation") == [shown]
    done = run("forget", exact, "--db", str(db))
    assert done.exit_code == 0, done.output
    assert done.output == f"forgot {shown} (1 document)\n"
    assert found(db, "jobrotation") == []
    run("extract", str(tmp_path / "breve"), "--db", str(db), "--workers", "1", "-q")
    assert run("forget", shown, "--db", str(db)).output == f"forgot {shown} (1 document)\n"  # copied from output


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    done = run("forget", "brev.txt", "--db", str(tmp_path / "none.db"))
    assert done.exit_code == 1
    assert len(done.output.strip().splitlines()) == 1 and "no such database" in done.output
    assert not (tmp_path / "none.db").exists()
