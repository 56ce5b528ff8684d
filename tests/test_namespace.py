"""`foi.responses` and `foi.extract` are this project's, even beside another top-level `responses`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_foi_subpackages_resolve_to_this_project() -> None:
    import foi.extract
    import foi.responses

    assert Path(foi.responses.__file__).resolve().parent == ROOT / "responses"
    assert Path(foi.extract.__file__).resolve().parent == ROOT / "extract"


def test_a_top_level_responses_package_beside_foi_is_left_alone(tmp_path: Path) -> None:
    """A package named `responses` (PyPI has one) on the path does not shadow `foi.responses`."""
    (tmp_path / "responses").mkdir()
    (tmp_path / "responses" / "__init__.py").write_text("WHO = 'someone else'\n")
    code = "import responses, foi.responses; print(responses.WHO); print(foi.responses.__file__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd="/", env={**os.environ, "PYTHONPATH": str(tmp_path)})
    theirs, ours = out.stdout.strip().split("\n")
    assert theirs == "someone else"
    assert Path(ours).resolve().parent == ROOT / "responses"
