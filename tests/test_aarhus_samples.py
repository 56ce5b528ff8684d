"""Real Aarhus documents (read in place from ../shared/samples/aarhus): case numbers and document dates.

For each row of the manifest, every listed case number must be found in some document of the file,
and the first document's date must be the listed document date. The figures are printed (pytest -s).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from foi.extract.model import FileResult
from foi.extract.process import process_file
from foi.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "aarhus"
MANIFEST = SAMPLES / "manifest.tsv"


def _rows() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = _rows()
needs_samples = pytest.mark.skipif(not ROWS, reason=f"Aarhus samples not found at {SAMPLES} (read in place)")
row_params = [pytest.param(row, id=row["file"][:2]) for row in ROWS] or [pytest.param({}, id="absent")]


@cache
def extracted(name: str) -> FileResult:
    result = process_file(SAMPLES / name, Settings())
    assert result.status == "ok", result.error
    return result


def listed(row: dict[str, str]) -> list[str]:
    return [c.strip() for c in row["case_numbers"].split(";") if c.strip()]


def found_numbers(result: FileResult) -> set[str]:
    return {c.value for d in result.documents for c in d.facts.case_numbers}


@needs_samples
@pytest.mark.parametrize("row", row_params)
def test_every_listed_case_number_is_found(row: dict[str, str]) -> None:
    missing = [c for c in listed(row) if c not in found_numbers(extracted(row["file"]))]
    assert missing == []


@needs_samples
@pytest.mark.parametrize("row", row_params)
def test_first_document_date(row: dict[str, str]) -> None:
    result = extracted(row["file"])
    assert result.documents[0].facts.date == row["doc_date"]


@needs_samples
def test_figures() -> None:
    numbers_found = numbers_total = dates_right = 0
    for row in ROWS:
        result = extracted(row["file"])
        numbers = listed(row)
        hits = sum(c in found_numbers(result) for c in numbers)
        date = result.documents[0].facts.date
        numbers_found += hits
        numbers_total += len(numbers)
        dates_right += date == row["doc_date"]
        print(f"{row['file']}: case numbers {hits}/{len(numbers)}, date {date} (listed {row['doc_date']})")
    print(f"Aarhus samples: case numbers {numbers_found}/{numbers_total}, document dates {dates_right}/{len(ROWS)}")
    assert (numbers_found, dates_right) == (numbers_total, len(ROWS))
