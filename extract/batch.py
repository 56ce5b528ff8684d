"""Bulk extraction: workers read and extract, one writer stores.

Each worker is a long-lived process that takes one path at a time over a pipe. A file that runs
past the time limit has its worker killed and replaced, and gets an error row; the batch goes on.
A worker lives under a memory limit and dies with its parent, even when the parent is killed with
`kill -9`. The per-file work is `process_file`, a plain function, so another engine can run it too.

Only regular files are read (`extract/walk.py`): a FIFO, a device, a broken symbolic link or a link
loop is reported as that path's failure, never opened and never followed.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing as mp
import os
import resource
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

import sqlite_utils

from foi.errors import UnreadableFile
from foi.extract.model import FileResult
from foi.extract.process import open_regular, process_file
from foi.extract.walk import Found, find_files, wanted
from foi.settings import Settings
from foi.store import failed_paths, is_current, open_db, store_result, store_totals
from foi.store.search_index import refresh_index

__all__ = ["Found", "Summary", "extract_paths", "find_files", "one_line", "run_files", "wanted"]


def one_line(text: str) -> str:
    """A reason as one line of valid UTF-8: line breaks become spaces, unencodable characters '?'."""
    return " ".join(text.encode("utf-8", "replace").decode("utf-8").split())


@dataclass
class Summary:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    documents: int = 0
    pages: int = 0
    # what the database holds after the run: files, stored (ok), failed, documents, pages
    in_store: dict[str, int] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + self.failed


def _worker(conn: Connection, settings: Settings, parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run and ends its workers, so a
    # worker does not die by it halfway through a file with a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _limit_memory(settings.max_memory)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            result = process_file(path, settings)
        except MemoryError:  # process_file's own error handling needed memory it did not get
            result = FileResult(path, "", 0, None, status="error", error="ran out of memory (--max-memory)")
        conn.send(result)


def _die_with_parent(parent: int) -> None:
    """End this worker when the parent ends, however it ends (a `kill -9` runs no clean-up)."""
    if sys.platform.startswith("linux"):
        try:  # the kernel sends SIGKILL to this process when its parent dies
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:  # elsewhere, or if prctl failed: the orphan is adopted by another process
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="foi-parent-watch", daemon=True).start()


def _limit_memory(limit: int) -> None:
    """Cap this worker's address space: a file that needs more gets MemoryError, not the machine."""
    if limit <= 0:
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (ValueError, OSError):  # a platform without RLIMIT_AS: the time limit still holds
        pass


class _Pool:
    def __init__(self, size: int, settings: Settings) -> None:
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self.ctx = mp.get_context(method)
        self.settings = settings
        self.workers: list[tuple[mp.process.BaseProcess, Connection]] = [self._start() for _ in range(size)]

    def _start(self) -> tuple[mp.process.BaseProcess, Connection]:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(  # type: ignore[attr-defined]
            target=_worker, args=(child, self.settings, os.getpid()), daemon=True
        )
        proc.start()
        child.close()
        return proc, parent

    def send(self, index: int, path: Path) -> None:
        try:
            self.workers[index][1].send(str(path))
        except OSError:  # the worker died while idle: a fresh one takes the file
            self.replace(index)
            self.workers[index][1].send(str(path))

    def replace(self, index: int) -> int | None:
        """Kill worker `index` and start a new one; returns the old one's exit code."""
        proc, conn = self.workers[index]
        proc.kill()
        proc.join(5)
        conn.close()
        self.workers[index] = self._start()
        return proc.exitcode

    def close(self) -> None:
        for proc, conn in self.workers:
            try:
                conn.send(None)
            except OSError:
                pass
            proc.join(2)
            if proc.is_alive():
                proc.kill()
                proc.join(2)
            conn.close()


def _crash_reason(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "the worker was killed, probably out of memory"
    if exitcode is not None and exitcode < 0:
        return f"the reader crashed on this file ({signal.Signals(-exitcode).name})"
    return "the reader crashed on this file"


def run_files(paths: list[Path], settings: Settings) -> Iterator[FileResult]:
    """Results for `paths` in completion order, each within the time and memory limits."""
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
                    pool.send(index, path)
                    busy[index] = (path, time.monotonic())
            deadline = min(start for _p, start in busy.values()) + settings.timeout
            ready = wait([pool.workers[i][1] for i in busy], timeout=max(0.0, deadline - time.monotonic()))
            for index in list(busy):
                path, started = busy[index]
                conn = pool.workers[index][1]
                if conn in ready:
                    try:
                        result = conn.recv()
                    except (EOFError, OSError):  # the worker died (out of memory, a crash in C code)
                        result = _error(path, _crash_reason(pool.replace(index)), settings)
                    else:
                        if result.error and "ran out of memory" in result.error:
                            pool.replace(index)  # its heap may stay too fragmented for the next file
                    del busy[index]
                    yield result
                elif time.monotonic() - started >= settings.timeout:
                    pool.replace(index)
                    del busy[index]
                    yield _error(path, f"gave up after {settings.timeout:g} s (--timeout)", settings)
    finally:
        pool.close()


def _fingerprint(path: Path, settings: Settings) -> tuple[str, int]:
    """SHA-256 and size of a regular file, read in blocks (see `open_regular`)."""
    with open_regular(path, settings.max_size) as handle:
        digest = hashlib.file_digest(handle, "sha256")
        return digest.hexdigest(), handle.tell()


def _error(path: Path, reason: str, settings: Settings) -> FileResult:
    try:
        digest, size = _fingerprint(path, settings)
    except (OSError, UnreadableFile):
        digest, size = "", 0
    return FileResult(str(path), digest, size, None, status="error", error=reason)


def _failure(path: Path, reason: str) -> FileResult:
    return FileResult(str(path), "", 0, None, status="error", error=reason)


def extract_paths(
    paths: list[str | Path],
    settings: Settings,
    on_result: Callable[[FileResult, str], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
    force: bool = False,
    retry_failed: bool = False,
) -> Summary:
    """Extract files and folders into the database of `settings`; unchanged files are skipped.

    `on_plan(n)` is told how many files will be extracted, once they are known; `on_result(result,
    state)` is called for every file with state "stored", "unchanged" or "failed". `force` extracts
    unchanged files again (after an upgrade of foi's rules); `retry_failed` adds every file whose
    last extraction failed, wherever it is, even if unchanged.
    """
    db = open_db(settings.db_path)
    summary = Summary()

    def record(result: FileResult) -> None:
        result.error = one_line(result.error) if result.error else result.error
        try:
            store_result(db, result)
        except (sqlite3.Error, UnicodeError, ValueError) as exc:  # one file's row must not end the batch
            result.status, result.error, result.documents = "error", one_line(f"not stored: {exc}"), []
        if result.status == "ok":
            summary.stored += 1
            summary.documents += len(result.documents)
            summary.pages += result.pages
        else:
            summary.failed += 1
        if on_result:
            on_result(result, "stored" if result.status == "ok" else "failed")

    todo: list[Path] = []
    for found in _unique(find_files([*paths, *(failed_paths(db) if retry_failed else [])])):
        path = found.path
        if found.problem is None and not wanted(path, found.named):
            continue
        try:
            if found.problem:
                raise UnreadableFile(str(path), found.problem)
            digest, _size = _fingerprint(path, settings)
        except UnreadableFile as exc:
            record(_failure(path, exc.reason))
            continue
        except OSError as exc:
            record(_failure(path, exc.strerror or str(exc)))
            continue
        if not force and _is_current(db, path, digest):
            summary.unchanged += 1
            if on_result:
                on_result(FileResult(str(path), digest, 0, None), "unchanged")
            continue
        todo.append(path)
    if on_plan:
        on_plan(len(todo))
    for result in run_files(todo, settings):
        record(result)
    refresh_index(db)  # the stemmed search index follows the documents just stored
    summary.in_store = store_totals(db)
    db.close()
    return summary


def _unique(found: Iterable[Found]) -> Iterator[Found]:
    """Each path once, though named twice or named and inside a folder named too."""
    seen: set[Path] = set()
    for item in found:
        if item.path not in seen:
            seen.add(item.path)
            yield item


def _is_current(db: sqlite_utils.Database, path: Path, digest: str) -> bool:
    try:
        return is_current(db, str(path), digest)
    except (sqlite3.Error, UnicodeError):  # a row the store cannot look up is extracted again
        return False
