"""`foi.responses` and `foi.extract` are this project's, even beside PyPI's `responses` and `extract`."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_foi_subpackages_resolve_to_this_project() -> None:
    import foi.extract
    import foi.responses

    assert Path(foi.responses.__file__).resolve().parent == ROOT / "responses"
    assert Path(foi.extract.__file__).resolve().parent == ROOT / "extract"


def test_pypi_responses_is_untouched_when_installed() -> None:
    if importlib.util.find_spec("responses") is None:
        import pytest

        pytest.skip("PyPI's `responses` is not installed here (it is in the [test] extra)")
    # a fresh interpreter outside the repo, so the working directory cannot shadow anything
    code = "import responses, foi.responses; print(responses.__file__); print(foi.responses.__file__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True)
    theirs, ours = out.stdout.split()
    assert "site-packages" in theirs
    assert Path(ours).resolve().parent == ROOT / "responses"
