"""`foi serve`: the Datasette site built from a database made by really extracting files, checked
in-process with Datasette's own client, and once over HTTP on 127.0.0.1 in a subprocess."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_search import CPR, CPR_FORMS, small_db_keeping_cpr

from foi.cli import main
from foi.explore.web import QUERIES, build_site, make_datasette, metadata

# CPR numbers as people write them besides 120356-1234: an en dash, a space, no separator
OTHER_FORMS = ("120356\u20131234", "120356 1234", "1203561234")
FORMS_LETTER = f"""Til Svendborg Kommune

3. april 2019

Borger med CPR {OTHER_FORMS[0]} og hendes søn, CPR-nr. {OTHER_FORMS[1]}, søger om støtte.
Faderen har personnummer {OTHER_FORMS[2]}.
"""


@pytest.fixture(scope="module")
def site(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(small_db, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def kept_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small corpus and a letter with CPR numbers in other forms, extracted keeping them as written."""
    base = tmp_path_factory.mktemp("kept")
    (base / "files").mkdir()
    (base / "files" / "cpr_former.txt").write_text(FORMS_LETTER, encoding="utf-8")
    return small_db_keeping_cpr(base)


@pytest.fixture(scope="module")
def kept_site(kept_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(kept_db, tmp_path_factory.mktemp("kept_site"))


def get(site: Path, *paths: str) -> list[Any]:
    """Responses of the Datasette serving `site`, one per path."""
    ds = make_datasette(site)

    async def fetch() -> list[Any]:
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(fetch())


def rows(site: Path, path: str) -> list[dict[str, Any]]:
    (response,) = get(site, path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text
    return json.loads(response.text)


def test_every_table_has_a_title_and_a_description(site: Path) -> None:
    tables = metadata(site)["databases"]["small"]["tables"]
    with sqlite3.connect(site) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    plain = {n for n in names if not any(n.startswith(f"{fts}_") for fts in ("documents_fts", "search_fts",
                                                                               "company_entities_fts"))}
    assert plain <= set(tables)
    assert all(t["title"] and t["description"] for t in tables.values())
    (page,) = get(site, "/small/company_entities")
    assert "Companies folded across spelling variants" in page.text


def test_the_database_is_served_immutable(site: Path) -> None:
    ds = make_datasette(site)
    assert ds.databases["small"].is_mutable is False


def test_canned_queries_are_there_and_answer(site: Path) -> None:
    (page,) = get(site, "/small.json")
    names = {q["name"] for q in json.loads(page.text)["queries"]}
    assert names == set(QUERIES)
    companies = rows(site, "/small/companies_by_documents.json")
    assert companies[0]["name"] == "Dansk Supermarked A/S" and companies[0]["documents"] == 2
    by_case = rows(site, "/small/documents_by_case_number.json?case_number=2019-0012345")
    assert {Path(r["file"]).name for r in by_case} == {"brev_2019.txt", "bilag_2019.txt"}
    found = rows(site, "/small/danish_search.json?q=virksomhed")
    assert any("«Virksomhedens»" in (r["snippet"] or "") for r in found)
    named = rows(site, "/small/company_documents.json?company=dansk+supermarked")
    assert {r["source"] for r in named} == {"list", "body"}
    text_only = rows(site, "/small/company_documents.json?company=Fakta")
    assert [r["source"] for r in text_only] == ["text"] and "«Fakta»" in text_only[0]["line"]
    assert rows(site, "/small/answers_mentioning.json?term=mentor") == []


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "NEAR(", "", "-", "*", "x:y:z", "title:", "NEAR/x a", "a -a"])
def test_hostile_search_in_the_web_ui_matches_nothing_quietly(site: Path, query: str) -> None:
    assert rows(site, "/small/danish_search.json?q=" + urllib.parse.quote(query)) == []


def test_columns_and_near_in_the_web_ui(site: Path) -> None:
    near = rows(site, "/small/danish_search.json?q=" + urllib.parse.quote("virksomhed NEAR/3 æble"))
    assert [Path(r["file"]).name for r in near] == ["notat_2016.txt"] and "«æble»" in near[0]["snippet"]
    assert rows(site, "/small/danish_search.json?q=" + urllib.parse.quote("NEAR(virksomhed æble, 2)")) == []
    assert rows(site, "/small/danish_search.json?q=" + urllib.parse.quote("text:2019-0012345")) == []
    margin = rows(site, "/small/danish_search.json?q=" + urllib.parse.quote("margin:2019-0012345"))
    assert {Path(r["file"]).name for r in margin} == {"brev_2019.txt", "bilag_2019.txt"}


def test_full_text_search_on_the_tables(site: Path) -> None:
    found = rows(site, "/small/documents.json?_search=virksomheder")
    assert len(found) == 2
    assert rows(site, "/small/company_entities.json?_search=supermarked")[0]["name"] == "Dansk Supermarked A/S"


def test_no_cpr_number_on_any_page_or_in_the_served_file(kept_site: Path, kept_db: Path) -> None:
    site = kept_site  # built from a store that holds the numbers as written (--keep-personal-data)
    with sqlite3.connect(kept_db) as conn:
        assert conn.execute("SELECT count(*) FROM documents WHERE instr(text, ?)", [CPR]).fetchone()[0]
    forms = CPR_FORMS + OTHER_FORMS
    with sqlite3.connect(site) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '120356'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '120356'").fetchone()[0] == 0
    paths = ["/", "/kept", "/kept.json", "/kept/documents?_search=praktik", "/kept/files.json?_shape=array",
             f"/kept/danish_search.json?_shape=array&q={CPR}", "/kept/company_documents?company=holm", "/kept.db",
             "/kept?sql=select+group_concat(text)+from+documents", "/kept/danish_search?q=personnummer",
             "/kept/documents.json?_search=CPR&_shape=array"]
    paths += [f"/kept/{t}?_size=max" for t in tables] + [f"/kept/{t}.json?_size=max&_shape=array" for t in tables]
    for response in get(site, *paths):
        assert response.status_code == 200, response.url
        body = response.content.decode("utf-8", "replace")
        assert not any(form in body for form in forms), (response.url, body[:200])
    raw = site.read_bytes()
    assert not any(form.encode() in raw for form in forms)
    assert b"XXXXXX-XXXX" in raw


def test_show_personal_data_serves_numbers_as_written(kept_db: Path, tmp_path: Path) -> None:
    site = build_site(kept_db, tmp_path, show_personal_data=True)
    assert any(CPR in (r["text"] or "") for r in rows(site, "/kept/documents.json"))


def test_serve_without_a_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "foi extract" in result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, temp: Path | None = None) -> subprocess.Popen[bytes]:
    """`foi serve` in a subprocess (its temporary files under `temp`), waited for until it answers (60 s)."""
    env = {**os.environ, "TMPDIR": str(temp)} if temp else None
    process = subprocess.Popen(
        [sys.executable, "-c", "from foi.cli import main; main()", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"foi serve stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError("foi serve did not answer within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


# --- a missing page is a 404 and one log line, never a (rich) traceback

MISSING = {"/nonexistent": "Database not found", "/small/no_such_table": "Table not found",
           "/small/no_such_table.json": "Table not found", "/small/documents/99999": "Record not found",
           f"/small/{CPR}": "Table not found"}


def test_a_missing_page_is_datasettes_404_page_and_one_log_record(
        site: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    with caplog.at_level(logging.INFO, logger="foi.serve"):
        responses = get(site, *MISSING)
    assert [r.status_code for r in responses] == [404] * len(MISSING)
    assert "Database not found" in responses[0].text and "<html" in responses[0].text.lower()
    assert json.loads(responses[2].text) == {"ok": False, "error": "Table not found", "status": 404, "title": None}
    assert [r.getMessage() for r in caplog.records] == [
        f"404 GET {path.replace(CPR, 'XXXXXX-XXXX')}: {message}" for path, message in MISSING.items()]
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err and "│" not in printed.out + printed.err


def test_foi_serve_answers_over_http_logs_a_missing_page_in_one_line_and_removes_its_copy(
        small_db: Path, tmp_path: Path) -> None:
    port = free_port()
    process = start_server(small_db, port, tmp_path)
    assert [p.name for p in tmp_path.glob("foi-serve-*/*.db")] == ["small.db"]
    statuses = []
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/small/company_documents.json?company=dansk+supermarked"
                                    "&_shape=array", timeout=10) as response:
            found = json.loads(response.read())
        assert {Path(r["file"]).name for r in found} == {"brev_2019.txt", "bilag_2019.txt"}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/small/documents?_size=max", timeout=10) as response:
            page = response.read().decode()
        assert "XXXXXX-XXXX" in page and not any(form in page for form in CPR_FORMS)
        for path in MISSING:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10).read()
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                error.read()
    finally:
        stop_server(process)
    assert process.returncode == 0
    assert list(tmp_path.glob("foi-serve-*")) == []  # the served copy is gone after SIGTERM
    assert statuses == [404] * len(MISSING)
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    for printed in (out, err):
        assert "Traceback" not in printed and not any(box in printed for box in "╭│╰"), printed[:2000]
    lines = err.splitlines()  # "Serving …", then one line per missing page
    assert lines[0].startswith("Serving ") and len(lines) == 1 + len(MISSING), err
    for line, (path, message) in zip(lines[1:], MISSING.items(), strict=True):
        assert line == f"404 GET {path.replace(CPR, 'XXXXXX-XXXX')}: {message}"
