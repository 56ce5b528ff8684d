"""No CPR number, in any written form, reaches the database, a search result, an export, `--json`, a
draft or the web UI by default: Danish letters, a memo, an e-mail and an inquiry holding CPR numbers
in every form are extracted by the real CLI into a real SQLite file, and every table (the FTS index's
terms and shadow tables included) and every output is searched for them.

`--keep-personal-data` at extraction stores them as written; `--show-personal-data` shows them.
The one place a default store keeps one is the path of a file named with a CPR number: the path is
the file's key, and it is masked in every output.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from foi.cli import main
from foi.explore.web import build_site, make_datasette

# (as written, what must not appear anywhere): the date part and the serial differ from number to number
FORMS = [
    ("010190-4711", ["010190", "0101904711"]),
    ("020291\u20134722", ["020291", "0202914722"]),  # en dash
    ("030392\u20144733", ["030392", "0303924733"]),  # em dash
    ("040493\u20114744", ["040493", "0404934744"]),  # non-breaking hyphen
    ("050594\u22124755", ["050594", "0505944755"]),  # minus sign
    ("060695 4766", ["060695", "0606954766"]),
    ("070796\u00a04777", ["070796", "0707964777"]),  # NBSP
    ("0808974788", ["080897", "0808974788"]),  # after "CPR"
    ("0909984799", ["090998", "0909984799"]),  # no cue
    ("10.10.99-4811", ["10.10.99", "1010994811"]),
    ("11 11 80-4822", ["11 11 80", "1111804822"]),
    ("12 12 81 4833", ["12 12 81", "1212814833"]),  # after "personnummer"
    ("131282\n4844", ["131282", "1312824844"]),  # wrapped over two lines, after "CPR-nr."
    ("140383 - 4855", ["140383", "1403834855"]),
]
IN_NAME = ("150484-4866", ["150484", "1504844866"])  # a file name
IN_EMAIL = ("160585-4877", ["160585", "1605854877"])  # an e-mail's subject and body
IN_INQUIRY = ("170686-4888", ["170686", "1706864888"])  # the inquiry a draft answers
EVERY = [*FORMS, IN_NAME, IN_EMAIL, IN_INQUIRY]
NEEDLES = sorted({n for written, needles in EVERY for n in [written, *needles]})
KEYS = {"files.path", "files.path_bytes"}  # a file named with a CPR number: its key, masked on output
SERIALS = {re.sub(r"\D", "", written)[-4:] for written, _ in EVERY}  # as FTS terms of their own

LETTER = f"""SVENDBORG KOMMUNE
Jobcenter Svendborg

Til: Jonas Frederik Madsen
CPR-nr.: {FORMS[0][0]}

Dato: 2. september 2021

Sagsnr. 2019-0000777
Dokumentnr. 2019-0000777-2

Afgørelse om mentorstøtte til borger {FORMS[1][0]}

Kære Jonas Frederik Madsen

Vi har behandlet din ansøgning om mentorstøtte (borger {FORMS[2][0]}), som vi modtog den 16. august 2021.
Din ægtefælle, borger {FORMS[3][0]}, og dit barn, borger {FORMS[4][0]}, er også nævnt i sagen.

Jobcentret bevilger dig mentorstøtte på 3.500 kr. om måneden. Borgeren {FORMS[5][0]} har samme mentor,
og det har borger {FORMS[6][0]} også. CPR {FORMS[7][0]} er din tidligere sagsbehandlers fejl.

Mentoren skal støtte dig i virksomhedspraktik hos Svendborg Tømrer og Snedker ApS (P-nr. 1003388394,
EAN 5798009710178). Sagen hører sammen med Gentoftes sag, sagsnr. 041277-2022.

Med venlig hilsen

Louise Kragh Andersen
Jobkonsulent
"""

MEMO = f"""KØBENHAVNS KOMMUNE

Beskæftigelses- og Integrationsforvaltningen

NOTAT

12. marts 2019

Sagsnr.
2019-0000777

Dokumentnr.
2019-0000777-3

Notat om borger {FORMS[8][0]} i virksomhedspraktik hos Øens Bageri

Borgeren er født {FORMS[9][0]}; hans bror er født {FORMS[10][0]} og har personnummer {FORMS[11][0]}.
Borgerens mor har CPR-nr. {FORMS[12][0]} og far {FORMS[13][0]}.
"""

EMAIL = f"""From: Bo Ek <bo@eksempel.dk>
To: jobcenter@svendborg.dk
Subject: Borger {IN_EMAIL[0]}
Date: Mon, 4 Nov 2024 09:14:00 +0100
Content-Type: text/plain; charset=utf-8

Kære Jobcenter

Borgeren med cpr {IN_EMAIL[1][1]} har spurgt til sin mentor.

Med venlig hilsen
Bo Ek
"""

INQUIRY = f"""Fra: Mette Holm Sørensen <mette@eksempel.dk>
Sendt: 4. november 2024 09:14
Til: Jobcenter Svendborg
Emne: Spørgsmål om borger {IN_INQUIRY[0]}

Kære Jobcenter

Jeg skriver om min nabo, CPR-nr. {IN_INQUIRY[0]}, og beder om svar på følgende spørgsmål:

1. Hvilke virksomheder har haft borger {IN_INQUIRY[1][1]} i virksomhedspraktik med mentorstøtte?

2. Hvorfor fik borger {IN_INQUIRY[0].replace("-", " ")} mentorstøtte?

Med venlig hilsen
Mette Holm Sørensen
"""

ACCESS = "Fra: Bo Ek <bo@eksempel.dk>\nSendt: 1. april 2019\nEmne: Aktindsigt\n\n" \
         "Jeg beder om aktindsigt i sag 2019-0000777.\n\nMed venlig hilsen\nBo Ek\n"


def cli(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def leaked(text: str) -> list[str]:
    return [n for n in NEEDLES if n in text]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cpr") / "files"
    folder.mkdir()
    (folder / "afgoerelse.txt").write_text(LETTER, "utf-8")
    (folder / "notat.txt").write_text(MEMO, "utf-8")
    (folder / f"aktindsigt_{IN_NAME[0]}.txt").write_text("Jeg beder om aktindsigt i sag 2019-0000777.\n", "utf-8")
    (folder / "mail.eml").write_text(EMAIL, "utf-8")
    return folder


def extracted(files: Path, db: Path, *options: str) -> Path:
    out = cli("extract", str(files), "--db", str(db), "--workers", "1", *options)
    assert leaked(out.output) == []
    return db


@pytest.fixture(scope="module")
def db(files: Path) -> Path:
    return extracted(files, files.parent / "foi.db")


@pytest.fixture(scope="module")
def kept_db(files: Path) -> Path:
    return extracted(files, files.parent / "kept.db", "--keep-personal-data")


def found_in_store(db: Path) -> dict[str, list[str]]:
    """Where each CPR number is in the database: every column of every table (text, and blobs as bytes:
    FTS shadow tables, path keys), and every term of every FTS index."""
    where: dict[str, list[str]] = {}
    with sqlite3.connect(db) as conn:
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        for table, sql in tables:
            if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
                if "fts5" in sql.lower():
                    conn.execute(f"CREATE VIRTUAL TABLE temp.[v_{table}] USING fts5vocab(main, [{table}], 'row')")
                    terms = {r[0] for r in conn.execute(f"SELECT term FROM temp.[v_{table}]")}
                    for needle in [*NEEDLES, *SERIALS]:
                        if any(needle.lower() in term for term in terms):
                            where.setdefault(needle, []).append(f"{table} (term)")
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
            for row in conn.execute(f"SELECT * FROM [{table}]"):
                for column, value in zip(columns, row, strict=True):
                    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                    for needle in leaked(text):
                        where.setdefault(needle, []).append(f"{table}.{column}")
    return where


def test_the_store_holds_no_cpr_number(db: Path) -> None:
    where = found_in_store(db)
    assert {n: places for n, places in where.items() if set(places) - KEYS} == {}
    assert set(where) <= {IN_NAME[0], *IN_NAME[1]}
    with sqlite3.connect(db) as conn:
        text = "\n".join(r[0] for r in conn.execute("SELECT full_text FROM documents"))
        values = {r[0] for r in conn.execute("SELECT value FROM case_numbers")}
        amounts = {r[0] for r in conn.execute("SELECT text FROM amounts")}
    assert "CPR-nr.: XXXXXX-XXXX" in text and "født XX.XX.XX-XXXX" in text and "borger XXXXXXXXXX" in text
    assert {"2019-0000777", "2019-0000777-2", "2019-0000777-3", "1003388394", "5798009710178"} <= values
    assert "sagsnr. 041277-2022" in text and "3.500 kr." in amounts  # a Gentofte case number is no CPR number


def test_search_results_hold_no_cpr_number(db: Path) -> None:
    for query in ("mentorstøtte", "borger", "aktindsigt", "cpr", "født", FORMS[0][0], FORMS[8][0], "xxxxxx"):
        for fmt in ("table", "json", "csv"):
            result = cli("search", "--db", str(db), "--format", fmt, "--", query)
            assert leaked(result.output) == [], (query, fmt)
    assert "mail.eml" in cli("search", "--db", str(db), "mentor").output
    assert all(set(places) <= KEYS for places in found_in_store(db).values())  # the search index too


def test_exports_hold_no_cpr_number(db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "json"):
        out = tmp_path / fmt
        assert leaked(cli("export", "--db", str(db), "--out", str(out), "--format", fmt).output) == []
        written = sorted(out.iterdir())
        assert written
        for path in written:
            assert leaked(path.read_text("utf-8-sig")) == [], path.name


def test_json_output_holds_no_cpr_number(files: Path) -> None:
    for path in sorted(files.iterdir()):
        out = cli("extract", "--json", str(path)).output
        assert json.loads(out)["documents"] and leaked(out) == [], path.name


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return "\n".join(docx.read(name).decode("utf-8", "replace") for name in docx.namelist())


def test_a_draft_holds_no_cpr_number(db: Path, tmp_path: Path) -> None:
    inquiry = tmp_path / f"henvendelse_{IN_INQUIRY[0]}.txt"
    inquiry.write_text(INQUIRY, "utf-8")
    out = tmp_path / "svar.docx"
    result = cli("draft", str(inquiry), "--db", str(db), "--profile", "koebenhavn-bif", "--sagsnr", "2024-0123456",
                 "--date", "2024-11-18", "--out", str(out), "--markdown")
    assert leaked(result.output) == []
    markdown = out.with_suffix(".md").read_text("utf-8")
    assert "Ad 1" in markdown and "Ad 2" in markdown
    assert leaked(markdown) == [] and leaked(docx_text(out)) == []


def test_an_aktindsigt_draft_holds_no_cpr_number_and_says_they_are_masked(db: Path, tmp_path: Path) -> None:
    request = tmp_path / "anmodning.txt"
    request.write_text(ACCESS, "utf-8")
    out = tmp_path / "afgoerelse.docx"
    result = cli("draft", str(request), "--db", str(db), "--family", "aktindsigt", "--case", "2019-0000777",
                 "--profile", "svendborg-ac", "--date", "2019-04-08", "--sagsnr", "2019-0000900", "--out", str(out),
                 "--markdown")
    markdown = out.with_suffix(".md").read_text("utf-8")
    assert "erstattet af X'er" in markdown and "overstreget" not in markdown
    assert "XXXXXX" in markdown  # the titles in the aktliste
    assert leaked(result.output) == [] and leaked(markdown) == [] and leaked(docx_text(out)) == []


def test_the_web_ui_holds_no_cpr_number(db: Path, tmp_path: Path) -> None:
    site = build_site(db, tmp_path)
    assert set(found_in_store(site)) == set()  # the copy served masks the path key too
    ds = make_datasette(site)
    paths = ["/foi/documents.json?_shape=array&_size=max", "/foi/files.json?_shape=array",
             "/foi?sql=select+group_concat(full_text)+from+documents", "/foi/documents?_search=borger"]

    async def fetch() -> list[str]:
        return [(await ds.client.get(p)).text for p in paths]

    for path, body in zip(paths, asyncio.run(fetch()), strict=True):
        assert "XXXXXX" in body or "borger" in body, path
        assert leaked(body) == [], path


def test_keep_personal_data_stores_them_and_show_personal_data_shows_them(kept_db: Path) -> None:
    where = found_in_store(kept_db)
    assert {needles[0] for _, needles in FORMS} <= set(where)  # (an NBSP may be read as a space)
    assert any(place.startswith("documents.") for place in where[FORMS[0][0]])
    hidden = cli("search", "--db", str(kept_db), "--format", "json", "født").output
    assert leaked(hidden) == []
    shown = cli("search", "--db", str(kept_db), "--format", "json", "--show-personal-data", "født").output
    assert FORMS[9][0] in shown
