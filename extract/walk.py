"""Which files a run reads: the files named and the files under the folders named.

Only regular files are read. A FIFO (reading it blocks), a device (/dev/zero never ends), a broken
symbolic link or a link loop is yielded with its problem, to be reported as one line and a failed
row, never opened and never followed; the walk is iterative, so no depth of folders ends it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from foi.extract.process import file_kind
from foi.extract.readers import SUFFIXES

_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class Found:
    """A path to extract, or (`problem`) why the path met cannot be read."""

    path: Path
    named: bool = False  # named on the command line, not met inside a folder
    problem: str | None = None


def find_files(paths: Iterable[str | Path]) -> Iterator[Found]:
    """Files named and files under folders named, recursively, hidden ones left out, in sorted order.

    A link to a folder is followed unless it leads back to a folder being walked (a loop) or to one
    walked already; a link loop, a broken link, a FIFO or a device is yielded with its problem."""
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as exc:
            yield Found(path, True, _stat_problem(path, exc))
            continue
        if file_kind(info.st_mode) == "a folder":
            yield from _walk(path, info)
        else:
            kind = file_kind(info.st_mode)
            yield Found(path, True, f"not a regular file ({kind})" if kind else None)


def _walk(top: Path, info: os.stat_result) -> Iterator[Found]:
    walked: set[tuple[int, int]] = {(info.st_dev, info.st_ino)}
    # a stack of (folder, its identity, its sorted entries still to visit): no recursion, any depth
    stack: list[tuple[Path, tuple[int, int], Iterator[os.DirEntry[str]]]] = []
    ancestors: dict[tuple[int, int], Path] = {}

    def enter(folder: Path, key: tuple[int, int]) -> Found | None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            return Found(folder, False, f"cannot list the folder: {exc.strerror or exc}")
        stack.append((folder, key, iter(entries)))
        ancestors[key] = folder
        return None

    problem = enter(top, (info.st_dev, info.st_ino))
    if problem:
        yield problem
    while stack:
        folder, key, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            del ancestors[key]
            continue
        if entry.name.startswith(".") or entry.name in _SKIP_NAMES:
            continue
        path = folder / entry.name
        try:
            target = entry.stat(follow_symlinks=True)
        except OSError as exc:
            yield Found(path, False, _stat_problem(path, exc))
            continue
        kind = file_kind(target.st_mode)
        if kind is None:
            yield Found(path)
        elif kind != "a folder":
            yield Found(path, False, f"not a regular file ({kind})")
        else:
            ident = (target.st_dev, target.st_ino)
            if ident in ancestors:
                yield Found(path, False, f"a symbolic link loop (it leads back to {ancestors[ident]})")
            elif ident in walked:
                yield Found(path, False, "a link to a folder read already")
            else:
                walked.add(ident)
                problem = enter(path, ident)
                if problem:
                    yield problem


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"a broken symbolic link (nothing at {os.readlink(path)})"
    return exc.strerror or str(exc)


def wanted(path: Path, named_directly: bool) -> bool:
    """Inside folders only known suffixes are taken; a file named on the command line is always tried."""
    return named_directly or path.suffix.lower() in SUFFIXES
