"""The store never loses a file: two `foi extract` runs on one database at once, and a run killed
with `kill -9` halfway and run again. Real processes on a real SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FOI = [sys.executable, "-c", "from foi.cli import main; main()"]


def write_letters(folder: Path, count: int) -> list[Path]:
    """`count` short Danish answer letters, each with its own recipient, date, case number and topic."""
    folder.mkdir(parents=True, exist_ok=True)
    topics = ["mentorstøtte", "virksomhedspraktik", "løntilskud", "jobrotation", "fleksjob"]
    paths = []
    for i in range(count):
        path = folder / f"svar_{i:03d}.txt"
        path.write_text(
            "KØBENHAVNS KOMMUNE\nBeskæftigelses- og Integrationsforvaltningen\n\n"
            f"Til\nMedlem {i} af Borgerrepræsentationen\n\n"
            f"{i % 28 + 1}. marts 2021\n\nSagsnr.\n2021-{i:07d}\n\nKære rådmand\n\n"
            f"Tak for din henvendelse om {topics[i % len(topics)]} (sag {i}).\n\n"
            "Ad 1\nForvaltningen har i alt 12 borgere i ordningen.\n\n"
            "Med venlig hilsen\n\nAnne Berg\nDirektør\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def extract(folder: Path, db: Path) -> subprocess.Popen[str]:
    # a session of its own, so a test can kill the run with its worker processes
    return subprocess.Popen([*FOI, "extract", str(folder), "--db", str(db), "--workers", "1", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def stored(db: Path) -> list[tuple[bytes, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select path_bytes, status from files order by path_bytes").fetchall()


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("pragma integrity_check").fetchone()[0])


def assert_each_file_once(db: Path, files: list[Path]) -> None:
    rows = stored(db)
    assert sorted(os.fsdecode(key) for key, _status in rows) == sorted(str(p) for p in files)
    assert {status for _key, status in rows} == {"ok"}
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone()[0] == len(files)
        orphans = conn.execute("select count(*) from documents where file_id not in (select id from files)")
        assert orphans.fetchone()[0] == 0


def has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has the file `path` open (Linux: /proc/PID/fd)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path.resolve()) for fd in fds.iterdir())
    except OSError:  # a descriptor closed while looking
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc to see who opened the database")
def test_two_runs_at_once_on_one_new_database_both_succeed_and_store_each_file_once(tmp_path: Path) -> None:
    files = write_letters(tmp_path / "breve", 20)
    db = tmp_path / "foi.db"
    # Both runs are held at the door: a third writer has the new, empty database locked until both
    # have opened it, so they make its tables and store their files at the same moment.
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("pragma journal_mode=wal")
    holder.execute("begin immediate")
    runs = [extract(tmp_path / "breve", db), extract(tmp_path / "breve", db)]
    try:
        while not all(has_open(run.pid, db) or run.poll() is not None for run in runs):
            time.sleep(0.01)
        time.sleep(0.3)  # a moment to reach the lock; correctness does not depend on it
    finally:
        holder.execute("rollback")
        holder.close()
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    assert_each_file_once(db, files)
    assert integrity(db) == "ok"


def test_a_run_killed_halfway_leaves_a_sound_database_and_the_next_run_completes_it(tmp_path: Path) -> None:
    files = write_letters(tmp_path / "breve", 30)
    db = tmp_path / "foi.db"
    run = extract(tmp_path / "breve", db)
    try:
        while run.poll() is None:  # until the first file is committed
            if db.exists():
                try:
                    if stored(db):
                        break
                except sqlite3.OperationalError:  # the tables are being made right now
                    pass
            time.sleep(0.01)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        run.communicate(timeout=60)
    assert integrity(db) == "ok"
    assert 0 < len(stored(db)) <= len(files)
    again = extract(tmp_path / "breve", db)
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert integrity(db) == "ok"
    assert_each_file_once(db, files)
