"""`foi serve`: the Datasette site built from a database made by really extracting files, checked
in-process with Datasette's own client, and once over HTTP on 127.0.0.1 in a subprocess."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_search import CPR, CPR_FORMS

from foi.cli import main
from foi.extract.web import QUERIES, build_site, make_datasette, metadata


@pytest.fixture(scope="module")
def site(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(small_db, tmp_path_factory.mktemp("site"))


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


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "NEAR(", "", "-", "*"])
def test_hostile_search_in_the_web_ui_matches_nothing_quietly(site: Path, query: str) -> None:
    assert rows(site, "/small/danish_search.json?q=" + urllib.parse.quote(query)) == []


def test_full_text_search_on_the_tables(site: Path) -> None:
    found = rows(site, "/small/documents.json?_search=virksomheder")
    assert len(found) == 2
    assert rows(site, "/small/company_entities.json?_search=supermarked")[0]["name"] == "Dansk Supermarked A/S"


def test_no_cpr_number_on_any_page_or_in_the_served_file(site: Path, small_db: Path) -> None:
    with sqlite3.connect(site) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '120356'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '120356'").fetchone()[0] == 0
    paths = ["/", "/small", "/small.json", "/small/documents?_search=praktik", "/small/files.json?_shape=array",
             f"/small/danish_search.json?_shape=array&q={CPR}", "/small/company_documents?company=holm", "/small.db",
             "/small?sql=select+group_concat(text)+from+documents"]
    paths += [f"/small/{t}?_size=max" for t in tables] + [f"/small/{t}.json?_size=max&_shape=array" for t in tables]
    for response in get(site, *paths):
        body = response.content.decode("utf-8", "replace")
        assert not any(form in body for form in CPR_FORMS), (response.url, body[:200])
    raw = site.read_bytes()
    assert not any(form.encode() in raw for form in CPR_FORMS)
    assert b"XXXXXX-XXXX" in raw


def test_show_personal_data_serves_numbers_as_written(small_db: Path, tmp_path: Path) -> None:
    site = build_site(small_db, tmp_path, show_personal_data=True)
    assert any(CPR in (r["text"] or "") for r in rows(site, "/small/documents.json"))


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


def test_foi_serve_answers_over_http_and_removes_its_copy(small_db: Path, tmp_path: Path) -> None:
    port = free_port()
    process = start_server(small_db, port, tmp_path)
    assert [p.name for p in tmp_path.glob("foi-serve-*/*.db")] == ["small.db"]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/small/company_documents.json?company=dansk+supermarked"
                                    "&_shape=array", timeout=10) as response:
            found = json.loads(response.read())
        assert {Path(r["file"]).name for r in found} == {"brev_2019.txt", "bilag_2019.txt"}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/small/documents?_size=max", timeout=10) as response:
            page = response.read().decode()
        assert "XXXXXX-XXXX" in page and not any(form in page for form in CPR_FORMS)
    finally:
        stop_server(process)
    assert process.returncode == 0
    assert list(tmp_path.glob("foi-serve-*")) == []  # the served copy is gone after SIGTERM
