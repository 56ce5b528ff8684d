"""`foi extract` never loses a batch, never hangs and never leaves a process behind: odd names,
FIFOs, devices, symbolic link loops, files over the size or memory limit, a slow file under
`--json`, and a parent killed with `kill -9`. Real files, a real database, real processes."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner, Result

from foi.cli import main
from foi.extract.batch import run_files
from foi.extract.process import process_file
from foi.paths import display_path
from foi.settings import Settings, parse_size

GOOD = "003_5eca514296d22fd1.txt"
ODD_NAME = b"rapport_\xe6\xf8.txt"  # Latin-1 bytes in a name, as copied from an old Windows share


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """A read that blocks (a FIFO) or never ends (/dev/zero) fails the test instead of hanging the
    suite or taking the machine's memory: an alarm, and a cap on this process's address space."""

    def fire(_signum: int, _frame: object) -> None:
        raise TimeoutError("foi extract hung")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, 30)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + 2 * 1024**3, hard))
    yield
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)


def _extract(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["extract", *map(str, args)])


def _rows(db_path: Path) -> dict[str, tuple[str, str | None]]:
    db = sqlite_utils.Database(db_path)
    return {display_path(r["path"]): (r["status"], r["error"]) for r in db.query("select * from files")}


def _summary(output: str) -> dict[str, list[int]]:
    """The summary table: a row name and its numbers (this run, in the store)."""
    rows = [line.split() for line in output.splitlines() if line.startswith("  ")]
    return {row[0]: [int(n) for n in row[1:]] for row in rows if row[1:] and row[1].isdigit()}


def _slow_text(corpus_dir: Path, copies: int) -> str:
    return (corpus_dir / "001_8c8c1811718375a8.txt").read_text("utf-8") * copies


def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / GOOD).write_bytes((corpus_dir / GOOD).read_bytes())
    with open(os.path.join(os.fsencode(folder), ODD_NAME), "wb") as odd:
        odd.write((corpus_dir / GOOD).read_bytes())
    (folder / "brok\nen.pdf").write_bytes(b"oops")
    db_path = tmp_path / "foi.db"
    result = _extract(folder, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if "not a PDF" in line]
    assert errors == [f"{folder}/brok\\nen.pdf: not a PDF: the file has no %PDF header"]
    rows = _rows(db_path)
    assert rows[str(folder / GOOD)][0] == "ok"
    assert rows[f"{folder}/rapport_\ufffd\ufffd.txt"][0] == "ok"


def test_json_on_a_file_name_that_is_not_utf8_is_valid_json(tmp_path: Path, corpus_dir: Path) -> None:
    odd = os.path.join(os.fsencode(tmp_path), ODD_NAME)
    with open(odd, "wb") as out:
        out.write((corpus_dir / GOOD).read_bytes())
    result = CliRunner().invoke(main, ["extract", "--json", os.fsdecode(odd)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout_bytes.decode("utf-8"))
    assert data["file"] == display_path(os.fsdecode(odd)) == f"{tmp_path}/rapport_\ufffd\ufffd.txt"
    assert data["documents"]


def test_json_runs_under_the_time_limit(tmp_path: Path, corpus_dir: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(_slow_text(corpus_dir, 400), "utf-8")  # far more than a second's work
    result = _extract("--json", slow, "--timeout", "1")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "error" and "gave up after 1 s" in data["error"]
    assert result.stderr.splitlines() == [f"{slow}: gave up after 1 s (--timeout)"]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.update(int(n) for n in task.read_text().split())
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def _poll(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find child processes")
def test_workers_die_when_the_parent_is_killed(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("slow_a.txt", "slow_b.txt"):  # a minute's work each: the workers are busy when the parent dies
        (folder / name).write_text(_slow_text(corpus_dir, 3000), "utf-8")
    command = [sys.executable, "-c", "from foi.cli import main; main()", "extract", str(folder),
               "--db", str(tmp_path / "foi.db"), "--workers", "2", "-q"]
    parent = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        assert _poll(lambda: len(_children(parent.pid)) == 2, 60), "no workers started"
        workers = _children(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _poll(lambda: not any(_alive(pid) for pid in workers), 10), "workers outlived their parent"
    finally:
        for pid in [parent.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _address_space() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmSize:"))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc to size the limit")
def test_a_file_over_the_memory_limit_gets_an_error_and_the_rest_go_on(tmp_path: Path, corpus_dir: Path) -> None:
    process_file(corpus_dir / GOOD, Settings())  # the limit is measured with foi's modules loaded
    big = tmp_path / "big.txt"
    big.write_bytes(b"ab\n" * 10_000_000)  # 30 MB, ten million lines: far more than 400 MB as Python objects
    # room for an ordinary file (a worker's thread and libraries reserve some 200 MB of address space)
    settings = Settings(workers=1, max_memory=_address_space() + 400 * 1024 * 1024)
    results = {Path(r.path).name: r for r in run_files([big, corpus_dir / GOOD], settings)}
    assert results["big.txt"].status == "error"
    assert "ran out of memory" in (results["big.txt"].error or "")
    assert results[GOOD].status == "ok"


def test_a_fifo_or_a_device_named_on_the_command_line_is_reported_not_read(tmp_path: Path, hang_guard: None) -> None:
    fifo = tmp_path / "inbox.txt"
    os.mkfifo(fifo)
    db_path = tmp_path / "foi.db"
    result = _extract(fifo, "/dev/zero", "--db", db_path)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1  # nothing could be read
    assert result.stderr.splitlines()[:2] == [
        f"{fifo}: not a regular file (a FIFO)",
        "/dev/zero: not a regular file (a character device)",
    ]
    assert _rows(db_path) == {
        str(fifo): ("error", "not a regular file (a FIFO)"),
        "/dev/zero": ("error", "not a regular file (a character device)"),
    }


def test_json_on_a_fifo_is_one_line_and_valid_json(tmp_path: Path, hang_guard: None) -> None:
    fifo = tmp_path / "inbox.txt"
    os.mkfifo(fifo)
    result = _extract("--json", fifo)
    assert result.exit_code == 1, result.exception
    assert json.loads(result.stdout)["error"] == "not a regular file (a FIFO)"
    assert result.stderr.splitlines() == [f"{fifo}: not a regular file (a FIFO)"]


def test_fifos_and_link_loops_inside_a_folder_are_reported_and_never_followed(
    tmp_path: Path, corpus_dir: Path, hang_guard: None
) -> None:
    folder = tmp_path / "share"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / GOOD).write_bytes((corpus_dir / GOOD).read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "self").symlink_to("self")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    db_path = tmp_path / "foi.db"
    result = _extract(folder, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert sorted(result.stderr.splitlines()[:4]) == [
        f"{folder}/dangling.txt: a broken symbolic link (nothing at nowhere.txt)",
        f"{folder}/pipe.txt: not a regular file (a FIFO)",
        f"{folder}/self: a symbolic link loop",
        f"{folder}/sub/loop: a symbolic link loop (it leads back to {folder})",
    ]
    rows = _rows(db_path)
    assert rows.pop(str(folder / "sub" / GOOD))[0] == "ok"
    assert sorted(rows) == [str(folder / n) for n in ("dangling.txt", "pipe.txt", "self", "sub/loop")]
    assert all(status == "error" for status, _error in rows.values())
    assert _summary(result.stderr)["failed"][0] == 4


def test_a_file_over_max_size_is_skipped_with_one_line(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.txt").write_text("Kære Søren\n\nTak for dit brev af 3. oktober 2018.\n", "utf-8")
    (folder / GOOD).write_bytes((corpus_dir / GOOD).read_bytes())
    size = (folder / GOOD).stat().st_size
    result = _extract(folder, "--db", tmp_path / "foi.db", "--max-size", "1K")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"{folder / GOOD}: {size} bytes is over the limit of 1024 bytes (--max-size)"
    )
    assert _rows(tmp_path / "foi.db")[str(folder / "small.txt")][0] == "ok"


def test_sizes_are_read_with_units() -> None:
    assert [parse_size(s) for s in ("1024", "1K", "200M", "4G", "1.5k")] == [1024, 1024, 200 << 20, 4 << 30, 1536]
    with pytest.raises(ValueError):
        parse_size("lots")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_a_file_that_cannot_be_read_gets_an_error_row(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    locked = folder / "locked.txt"
    locked.write_bytes((corpus_dir / GOOD).read_bytes())
    locked.chmod(0)
    result = _extract(folder, "--db", tmp_path / "foi.db")
    assert result.stderr.splitlines()[0] == f"{locked}: Permission denied"
    assert _rows(tmp_path / "foi.db")[str(locked)] == ("error", "Permission denied")


def test_retry_failed_extracts_every_failed_file_again_without_naming_it(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD).write_bytes((corpus_dir / GOOD).read_bytes())
    db_path = tmp_path / "foi.db"
    first = _extract(folder, "--db", db_path, "--max-size", "100")
    assert _rows(db_path)[str(folder / GOOD)][0] == "error", first.output
    again = _extract("--retry-failed", "--db", db_path)
    assert again.exit_code == 0, again.output
    assert _rows(db_path)[str(folder / GOOD)][0] == "ok"
    assert _summary(again.stderr)["stored"][0] == 1


def test_paths_are_needed_without_retry_failed(tmp_path: Path) -> None:
    result = _extract("--db", tmp_path / "foi.db")
    assert result.exit_code == 2 and "--retry-failed" in result.output


def test_a_rerun_summary_shows_what_is_in_the_store(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD).write_bytes((corpus_dir / GOOD).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    db_path = tmp_path / "foi.db"
    first = _summary(_extract(folder, "--db", db_path).stderr)
    (folder / "second.txt").write_bytes((corpus_dir / "001_8c8c1811718375a8.txt").read_bytes())
    again = _extract(folder, "--db", db_path)
    summary = _summary(again.stderr)
    assert "this run" in again.stderr and "in the store" in again.stderr
    assert summary["files"] == [3, 3]
    assert summary["stored"] == [1, 2]
    assert summary["unchanged"] == [1]
    assert summary["failed"] == [1, 1]
    assert summary["documents"][1] == first["documents"][0] + summary["documents"][0]
    assert summary["pages"][1] == first["pages"][0] + summary["pages"][0]
