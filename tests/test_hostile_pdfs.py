"""Broken and odd PDFs from public test suites (read in place from ../shared/hostile-fixtures/).

Each must give a ReadResult or an UnreadableFile (EncryptedFile is one) with a short reason: never
another exception, never a traceback on stderr, never more than a few seconds. No file has hung so
far, so the reader runs without a timeout guard here; the elapsed time is asserted instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from foi.errors import UnreadableFile
from foi.extract.model import ReadResult
from foi.extract.readers import pdf as reader
from foi.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "hostile-fixtures"
FILES = sorted(FIXTURES.glob("*.pdf")) if FIXTURES.is_dir() else []
SECONDS = 5.0


@pytest.mark.skipif(not FILES, reason=f"hostile fixtures not found at {FIXTURES} (read in place, not copied)")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_hostile_pdf_is_read_or_refused_cleanly(path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    try:
        outcome: ReadResult | UnreadableFile = reader.read(path.read_bytes(), path.name, Settings())
    except UnreadableFile as refused:
        outcome = refused
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS, f"{path.name} took {elapsed:.1f} s"
    if isinstance(outcome, UnreadableFile):
        assert outcome.path == path.name
        assert outcome.reason and len(outcome.reason) <= 100 and "\n" not in outcome.reason
    else:
        assert outcome.format == "pdf" and outcome.pages
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.skipif(not FILES, reason=f"hostile fixtures not found at {FIXTURES}")
def test_some_hostile_pdfs_are_recovered() -> None:
    recovered = {}
    for path in FILES:
        try:
            recovered[path.name] = [line.text for line in reader.read(path.read_bytes(), path.name, Settings()).lines]
        except UnreadableFile:
            continue
    # a missing cross-reference table or a page-tree loop must not cost a readable page
    assert "Hello, world!" in recovered["pdfjs-helloworld-bad.pdf"]
    assert "Potato" in recovered["qpdf-pages-loop.pdf"]
    assert "Potato" in recovered["qpdf-bad-xref.pdf"]
