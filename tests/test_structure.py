"""The shape of the project: dependencies point one way, every command's help has an example, and a
missing extra is one line."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foi.cli import main

ROOT = Path(__file__).resolve().parent.parent
# package folder -> the foi packages its modules may import (beside themselves)
BASE = {"foi.errors", "foi.settings", "foi.paths", "foi.extract.model", "foi.extract.personal_data",
        "foi.extract.pattern_data", "foi.danish"}
ALLOWED = {
    "foi/store": BASE | {"foi.store"},
    "foi/explore": BASE | {"foi.explore", "foi.store"},
    "extract": BASE | {"foi.extract", "foi.store"},
    "responses": BASE | {"foi.responses", "foi.store", "foi.extract", "foi.templates"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "foi" or name.startswith("foi.")}


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_dependencies_point_one_way(folder: str) -> None:
    allowed = ALLOWED[folder]
    wrong = {}
    for path in (ROOT / folder).rglob("*.py"):
        bad = {name for name in _imports(path)
               if not any(name == a or name.startswith(a + ".") for a in allowed)}
        if bad:
            wrong[path.relative_to(ROOT).as_posix()] = sorted(bad)
    assert wrong == {}


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    done = CliRunner().invoke(main, [command, "--help"])
    assert done.exit_code == 0
    assert "Example" in done.output and f"foi {command}" in done.output


def test_serve_without_its_extra_is_one_line(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['datasette'] = None\n"  # as if the [serve] extra were not installed
            "from foi.cli import main; main(['serve', '--db', sys.argv[1]])")
    db = tmp_path / "foi.db"
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == "Error: foi serve needs the 'serve' extra: pip install 'foi[serve]'"


def test_an_outlook_message_without_the_msg_extra_is_that_files_error(tmp_path: Path) -> None:
    msg = tmp_path / "besked.msg"
    msg.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    code = ("import sys; sys.modules['extract_msg'] = None\n"  # as if the [msg] extra were not installed
            "from foi.extract.process import process_file; from foi.settings import Settings\n"
            "print(process_file(sys.argv[1], Settings()).error)")
    done = subprocess.run([sys.executable, "-c", code, str(msg)], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "reading Outlook .msg files needs the 'msg' extra: pip install 'foi[msg]'"
