"""The worker pool: a file over the time limit gets an error and its worker is replaced."""

from __future__ import annotations

from pathlib import Path

from foi.extract.batch import find_files, run_files, wanted
from foi.settings import Settings


def test_a_file_over_the_time_limit_gets_an_error_and_the_rest_go_on(tmp_path: Path, corpus_dir: Path) -> None:
    huge = tmp_path / "huge.txt"
    paragraph = (corpus_dir / "001_8c8c1811718375a8.txt").read_text("utf-8")
    huge.write_text(paragraph * 400, "utf-8")  # far more than a second's work
    small = [corpus_dir / "003_5eca514296d22fd1.txt", corpus_dir / "001_8c8c1811718375a8.txt"]
    results = {Path(r.path).name: r for r in run_files([huge, *small], Settings(workers=2, timeout=1.0))}
    assert results["huge.txt"].status == "error"
    assert "gave up after 1 s" in (results["huge.txt"].error or "")
    assert results["003_5eca514296d22fd1.txt"].status == "ok"
    assert results["001_8c8c1811718375a8.txt"].status == "ok"


def test_folders_are_walked_recursively_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "brev.txt").write_text("x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    (tmp_path / "a" / "picture.png").write_bytes(b"\x89PNG")
    found = [f.path for f in find_files([tmp_path]) if wanted(f.path, named_directly=False)]
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/b/brev.txt"]
    assert wanted(tmp_path / "a" / "picture.png", named_directly=True)
