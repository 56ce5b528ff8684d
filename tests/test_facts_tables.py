"""Tables: tab-separated and Markdown rows, padding, what is not a table; the seed memo against its gold."""

from __future__ import annotations

from pathlib import Path

from conftest import SeedPair

from foi.extract.facts.context import attach, line_offsets
from foi.extract.facts.pipeline import load_pipeline
from foi.extract.facts.tables import cells, find
from foi.extract.model import BODY, MARGIN, NOISE, Document, Line
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings


def tables(*lines: str | tuple[str, str]) -> list[tuple[list[str], list[list[str]]]]:
    document = Document(1, "memo", [Line(x) if isinstance(x, str) else Line(x[0], role=x[1]) for x in lines])
    doc = attach(load_pipeline().make_doc(document.full_text), document)
    return [(t.header, t.rows) for t in find(line_offsets(doc))]


def test_tab_separated_rows_with_an_empty_corner_and_a_short_last_row() -> None:
    found = tables(
        "En gennemgang gav denne oversigt.",
        "",
        "\tNedlagte pladser\tÅbne pladser\tI alt",
        "Virksomhedspraktik\t108\t43\t151",
        "I alt\t108\t43",
        "",
        "De åbne pladser",
    )
    assert found == [
        (
            ["", "Nedlagte pladser", "Åbne pladser", "I alt"],
            [["Virksomhedspraktik", "108", "43", "151"], ["I alt", "108", "43", ""]],
        )
    ]


def test_a_trailing_tab_keeps_its_empty_cell() -> None:
    assert cells("I alt\t151\t26\t49\t") == ["I alt", "151", "26", "49", ""]


def test_markdown_rows() -> None:
    found = tables("| Skole | Elever |", "|---|---:|", "| Bakkeskolen | 412 |", "| Engskolen | 380 |")
    assert found == [(["Skole", "Elever"], [["Bakkeskolen", "412"], ["Engskolen", "380"]])]


def test_one_row_or_one_column_is_not_a_table() -> None:
    assert tables("Navn\tAlder", "", "Tekst uden tabulator") == []
    assert tables("Kun én celle", "Og en til") == []


def test_only_body_lines_make_tables() -> None:
    assert tables(("Mandag-onsdag\tKl. 09.00-15.00", NOISE), ("Torsdag\tKl. 10.00-16.30", NOISE)) == []
    assert tables(("Telefon\t3366 3366", MARGIN), ("E-mail\tpost@kk.dk", MARGIN)) == []
    assert tables(("Uge\tTimer", BODY), ("1\t37", BODY)) == [(["Uge", "Timer"], [["1", "37"]])]


def test_a_table_in_a_memo_written_here() -> None:
    memo = (
        "NOTAT\n\n1. marts 2024\n\nOm pladser\n\nOversigten:\n\n"
        "Skole\tPladser\tVenteliste\nBakkeskolen\t40\t3\nEngskolen\t35\t0\n"
    )
    facts = process_bytes(memo.encode("utf-8"), "notat.txt", Settings()).documents[0].facts
    assert [(t.header, t.rows) for t in facts.tables] == [
        (["Skole", "Pladser", "Venteliste"], [["Bakkeskolen", "40", "3"], ["Engskolen", "35", "0"]])
    ]


def test_opening_hours_in_the_seed_are_not_a_table(corpus_dir: Path) -> None:
    result = process_file(corpus_dir / "003_5eca514296d22fd1.txt", Settings())
    assert all(not d.facts.tables for d in result.documents)


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        if "tables" not in g:
            continue
        found = [{"header": t.header, "rows": t.rows} for t in doc.facts.tables] if doc else []
        if found != g["tables"]:
            misses.append((file, n, found, g["tables"]))
    assert misses == []
