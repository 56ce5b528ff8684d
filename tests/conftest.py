"""Shared fixtures: the project's corpus, the shared seeds and gold (when present), a built database."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    from foi.settings import Settings

    db_path = tmp_path_factory.mktemp("corpus") / "foi.db"
    extract_paths([CORPUS], Settings(db_path=db_path, workers=2))
    return db_path
