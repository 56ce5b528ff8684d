"""Shared fixtures: the project's corpus, the shared seeds and gold (when present), a built database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from foi.extract.model import Document, Facts, Line
from foi.extract.process import process_file
from foi.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (gold, seeds, samples are read in place)")
    return SHARED


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built by really extracting corpus/ (texts and PDFs), once per test session."""
    from foi.extract.batch import extract_paths

    db_path = tmp_path_factory.mktemp("corpus") / "foi.db"
    extract_paths([CORPUS], Settings(db_path=db_path, workers=2))
    return db_path


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the small corpus of test_search.py (company lists, a CPR number in a letter),
    built afresh for each test module that asks for it. It keeps the CPR numbers as written
    (--keep-personal-data), so that the tests show every output masks them by itself."""
    from test_search import write_small_corpus

    from foi.extract.batch import extract_paths

    base = tmp_path_factory.mktemp("small")
    db = base / "small.db"
    summary = extract_paths([write_small_corpus(base / "files")], Settings(db_path=db, workers=1,
                                                                        keep_personal_data=True))
    assert summary.failed == 0
    return db


SeedPair = tuple[str, int, dict[str, Any], Document | None]


@pytest.fixture(scope="session")
def seed_pairs(shared_dir: Path) -> list[SeedPair]:
    """(seed file, document number, gold document, extracted document) for every gold document;
    each seed is extracted once per test session, from corpus/ (the same texts as the shared seeds)."""
    pairs: list[SeedPair] = []
    for gold_path in sorted((shared_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        docs = process_file(CORPUS / gold["file"], Settings()).documents
        for i, g in enumerate(gold["documents"]):
            pairs.append((gold["file"], i + 1, g, docs[i] if i < len(docs) else None))
    return pairs


def run_components(text: str | Document, *names: str, kind: str = "letter", preset: Facts | None = None) -> Doc:
    """Run the named rule components, alone and in that order, on a document: given as text, it is
    cleaned as a plain-text file is. The Doc's `._.facts` holds what they found."""
    import foi.extract.facts.pipeline  # noqa: F401 - imports the components, which registers them
    from foi.extract.clean import clean
    from foi.extract.facts.context import attach
    from foi.extract.facts.pipeline import load_pipeline

    if isinstance(text, str):
        document = Document(1, kind, clean([Line(t) for t in text.split("\n")]), preset or Facts())
    else:
        document = text
    nlp = load_pipeline("blank:da")
    doc = attach(nlp.make_doc(document.full_text), document)
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    return doc


def install_if_missing(missing: Callable[[], str | None], script: Path) -> str | None:
    """What is still missing after running the project's install `script` (as root, where apt-get is);
    None when nothing is. Tests that need a Debian package (Chromium, Tesseract) skip with the reason."""
    reason = missing()
    if reason and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        done = subprocess.run(["bash", str(script)], env={**os.environ, "PYTHON": sys.executable},
                              capture_output=True, text=True, timeout=1200)
        reason = missing()
        if reason:
            reason += f" (after {script.relative_to(ROOT)}: {(done.stderr or done.stdout).strip()[-300:]})"
    return reason
