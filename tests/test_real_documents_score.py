"""Real documents from any Danish administration, scored by the shared scorer, read in place.

`../shared/eval/score_manifest.py` runs `foi extract --json` on every document of a sample folder
and compares with the facts read off it by hand. These are the floors foi must stay above; a
change that helps one folder and costs another fails here. Skipped where ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score_manifest.py"

# folder -> field -> the lowest acceptable figure
FLOORS: dict[str, dict[str, float]] = {
    "realworld": {"case_f1": 0.90, "date": 0.90, "answers": 0.85, "companies_recall": 0.85, "people_recall": 0.75},
    "aarhus": {"case_f1": 0.90, "date": 0.90, "answers": 0.85, "companies_recall": 0.85, "people_recall": 0.75},
    "realpdf": {"case_f1": 0.85, "date": 0.80, "people_recall": 0.70},
}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_real_documents_score_above_the_floors(folder: str) -> None:
    if not (SCORER.is_file() and (SHARED / "samples" / folder / "manifest.tsv").is_file()):
        pytest.skip(f"{SHARED} (the shared samples and scorer) is not beside the project")
    foi = Path(sys.executable).parent / "foi"
    if not foi.exists():
        pytest.skip(f"the foi command is not installed beside {sys.executable}")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(SHARED / "samples" / folder), "--foi", str(foi), "--json"],
        capture_output=True, text=True, timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    scores = json.loads(done.stdout)
    assert scores["failed"] == []
    below = {field: round(scores[field], 3) for field, floor in FLOORS[folder].items() if scores[field] < floor}
    assert below == {}, f"{folder}: below the floor: {below}"
