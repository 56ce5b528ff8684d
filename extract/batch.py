"""Bulk extraction: workers read and extract, one writer stores.

Each worker is a long-lived process that takes one path at a time over a pipe. A file that runs
past the time limit has its worker killed and replaced, and gets an error row; the batch goes on.
The per-file work is `process_file`, a plain function, so another engine can run it too.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from foi.extract.model import FileResult
from foi.extract.process import file_digest, process_file
from foi.extract.readers import SUFFIXES
from foi.extract.search_index import refresh_index
from foi.extract.store import is_current, open_db, store_result
from foi.settings import Settings

_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


def find_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named and files under folders named, recursively, hidden ones left out, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                rel = found.relative_to(path).parts
                if found.is_file() and not any(p.startswith(".") for p in rel) and found.name not in _SKIP_NAMES:
                    yield found
        else:
            yield path


def wanted(path: Path, named_directly: bool) -> bool:
    """Inside folders only known suffixes are taken; a file named on the command line is always tried."""
    return named_directly or path.suffix.lower() in SUFFIXES


@dataclass
class Summary:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: int = 0
    pages: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + self.failed


def _worker(conn: Connection, settings: Settings) -> None:
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(process_file(path, settings))


class _Pool:
    def __init__(self, size: int, settings: Settings) -> None:
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(method)
        self.settings = settings
        self.workers: list[tuple[mp.process.BaseProcess, Connection]] = [self._start() for _ in range(size)]

    def _start(self) -> tuple[mp.process.BaseProcess, Connection]:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(child, self.settings), daemon=True)  # type: ignore[attr-defined]
        proc.start()
        child.close()
        return proc, parent

    def replace(self, index: int) -> None:
        proc, conn = self.workers[index]
        proc.kill()
        proc.join(5)
        conn.close()
        self.workers[index] = self._start()

    def close(self) -> None:
        for proc, conn in self.workers:
            try:
                conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            proc.join(2)
            if proc.is_alive():
                proc.kill()
            conn.close()


def run_files(paths: list[Path], settings: Settings) -> Iterator[FileResult]:
    """Results for `paths` in completion order, each within the time limit."""
    if not paths:
        return
    from foi.extract.facts.pipeline import load_pipeline

    load_pipeline(settings.pipeline)  # loaded once here, inherited by forked workers
    pool = _Pool(max(1, min(settings.workers, len(paths))), settings)
    queue = list(reversed(paths))
    busy: dict[int, tuple[Path, float]] = {}
    try:
        while queue or busy:
            for index in range(len(pool.workers)):
                if index not in busy and queue:
                    path = queue.pop()
                    pool.workers[index][1].send(str(path))
                    busy[index] = (path, time.monotonic())
            deadline = min(start for _p, start in busy.values()) + settings.timeout
            ready = wait([pool.workers[i][1] for i in busy], timeout=max(0.0, deadline - time.monotonic()))
            for index in list(busy):
                path, started = busy[index]
                conn = pool.workers[index][1]
                if conn in ready:
                    try:
                        yield conn.recv()
                    except (EOFError, OSError):  # the worker died (out of memory, a crash in C code)
                        pool.replace(index)
                        yield _error(path, "the reader crashed on this file")
                    del busy[index]
                elif time.monotonic() - started >= settings.timeout:
                    pool.replace(index)
                    del busy[index]
                    yield _error(path, f"gave up after {settings.timeout:g} s (--timeout)")
    finally:
        pool.close()


def _error(path: Path, reason: str) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    return FileResult(str(path), file_digest(data), len(data), None, status="error", error=reason)


def extract_paths(
    paths: list[str | Path],
    settings: Settings,
    on_result: Callable[[FileResult, str], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    force: bool = False,
) -> Summary:
    """Extract files and folders into the database of `settings`; unchanged files are skipped.

    `on_plan(n)` is told how many files will be extracted, once they are known; `on_result(result,
    state)` is called for every file with state "stored", "unchanged" or "failed". `force` extracts
    unchanged files again (after an upgrade of foi's rules).
    """
    db = open_db(settings.db_path)
    summary = Summary()
    named = {Path(p) for p in paths}
    todo: list[Path] = []
    for path in find_files(paths):
        if not wanted(path, path in named):
            continue
        try:
            digest = file_digest(path.read_bytes())
        except OSError as exc:
            result = FileResult(str(path), "", 0, None, status="error", error=exc.strerror or str(exc))
            summary.failed += 1
            summary.errors.append((str(path), result.error or ""))
            if on_result:
                on_result(result, "failed")
            continue
        if not force and is_current(db, str(path), digest):
            summary.unchanged += 1
            if on_result:
                on_result(FileResult(str(path), digest, 0, None), "unchanged")
            continue
        todo.append(path)
    if on_plan:
        on_plan(len(todo))
    for result in run_files(todo, settings):
        store_result(db, result)
        if result.status == "ok":
            summary.stored += 1
            summary.documents += len(result.documents)
            summary.pages += result.pages
            state = "stored"
        else:
            summary.failed += 1
            summary.errors.append((result.path, result.error or ""))
            state = "failed"
        if on_result:
            on_result(result, state)
    refresh_index(db)  # the stemmed search index follows the documents just stored
    db.close()
    return summary

