"""The README's session is run as written, so it cannot go stale.

Every `    $ command` line of the README's "A session" section runs in a copy of the project's
corpus and test documents (nothing is written into tracked folders). Each output line the README
shows must appear in what the command printed, in any order (workers finish in any order); a
block abbreviated with "..." is checked for its complete lines only. `foi serve` is not started.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _session() -> list[tuple[str, list[str]]]:
    """(command line with its comment, the output lines shown under it)."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## A session", 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if line.startswith("    $ "):
            steps.append((line[6:].strip(), []))
        elif line.startswith("    ") and steps:
            steps[-1][1].append(line[4:])
        elif not line.strip() and steps and steps[-1][1]:
            steps.append(("", []))  # an empty line ends the shown output
    return [(command, shown) for command, shown in steps if command]


def _comparable(shown: list[str]) -> list[str]:
    """The shown lines that must appear verbatim: not abbreviated ones, not JSON fragments."""
    return [line.strip() for line in shown
            if line.strip() and "..." not in line and "…" not in line and not line.lstrip().startswith(("{", "[", '"'))]


def test_the_readme_session_runs_as_written(tmp_path: Path) -> None:
    steps = _session()
    assert len(steps) >= 8
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus", ignore=shutil.ignore_patterns("*.py"))
    shutil.copytree(ROOT / "tests" / "documents", tmp_path / "tests" / "documents")
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "foi").exists():
        pytest.skip(f"the foi command is not installed beside {sys.executable}")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "FOI_WORKERS": "2"}
    env.pop("FOI_DB", None)
    for step, shown in steps:
        command, _, comment = step.partition("  #")
        if command.startswith("foi serve"):
            continue
        expected = 1 if "exit 1" in comment else 0
        done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300, stdin=subprocess.DEVNULL)
        printed = [re.sub(r"\s+", " ", line.strip()) for line in (done.stdout + done.stderr).splitlines()]
        assert done.returncode == expected, (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr, command
        for line in _comparable(shown):
            assert re.sub(r"\s+", " ", line) in printed, (command, line, printed)
