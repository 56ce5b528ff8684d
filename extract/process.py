"""One file, start to finish: read, clean, split, find facts. A plain function of a path and settings
that returns plain data, so that a process pool (or a distributed engine) can run it."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from foi.errors import FileTooLarge, FoiError, NotRegularFile, UnreadableFile
from foi.extract.facts.pipeline import extract_facts, load_pipeline
from foi.extract.model import FileResult
from foi.extract.personal_data import mask_result
from foi.extract.readers import read_bytes, sniff
from foi.extract.segment import segment
from foi.settings import Settings


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process_bytes(data: bytes, name: str, settings: Settings) -> FileResult:
    """Extract one file's documents and facts; a bad file gives a FileResult with status "error"."""
    result = FileResult(path=name, sha256=file_digest(data), size=len(data), format=sniff(data, name) if data else None)
    try:
        if len(data) > settings.max_size:
            raise FileTooLarge(name, len(data), settings.max_size)
        read = read_bytes(data, name, settings)
        result.format = read.format
        result.pages = len(read.pages)
        result.headers = dict(read.headers)
        nlp = load_pipeline(settings.pipeline)
        result.documents = segment(read)
        for document in result.documents:
            extract_facts(document, nlp)
        if not result.documents:
            raise UnreadableFile(name, "no text found (a scanned image without a text layer?)")
    except FoiError as exc:
        result.status, result.error, result.documents = "error", _reason(exc), []
    except MemoryError:
        limit = f"limit {settings.max_memory / 2**20:.0f} MiB, " if settings.max_memory else ""
        result.status, result.error, result.documents = "error", f"ran out of memory ({limit}--max-memory)", []
    except Exception as exc:  # noqa: BLE001 - a library's surprise on a broken file is that file's error
        result.status, result.error, result.documents = "error", f"{type(exc).__name__}: {exc}"[:300], []
    if not settings.keep_personal_data:
        mask_result(result)  # CPR numbers are masked at rest: never stored unless asked
    return result


def _reason(exc: FoiError) -> str:
    return exc.reason if isinstance(exc, UnreadableFile) else str(exc)


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def file_kind(mode: int) -> str | None:
    """None for a regular file, else what it is ("a FIFO", "a character device", ...)."""
    return None if stat.S_ISREG(mode) else _KINDS.get(stat.S_IFMT(mode), "not a file")


def open_regular(path: str | Path, max_size: int) -> BinaryIO:
    """A regular file opened for reading, checked before a byte is read: a FIFO or a device is never
    opened (a FIFO blocks, /dev/zero never ends), a file over `max_size` is refused by its size."""
    name = str(path)
    kind = file_kind(os.stat(path).st_mode)
    if kind:
        raise NotRegularFile(name, kind)
    # O_NONBLOCK: if the name became a FIFO since the stat above, opening it cannot block either
    handle = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)), "rb")
    info = os.fstat(handle.fileno())
    kind = file_kind(info.st_mode)
    if kind or info.st_size > max_size:
        handle.close()
        raise NotRegularFile(name, kind) if kind else FileTooLarge(name, info.st_size, max_size)
    return handle


def read_regular(path: str | Path, max_size: int) -> bytes:
    """The bytes of a regular file of at most `max_size` bytes (see `open_regular`)."""
    with open_regular(path, max_size) as handle:
        data = handle.read(max_size + 1)  # + 1: a file that grew since the check is still caught
    if len(data) > max_size:
        raise FileTooLarge(str(path), len(data), max_size)
    return data


def process_file(path: str | Path, settings: Settings) -> FileResult:
    path = Path(path)
    try:
        data = read_regular(path, settings.max_size)
    except UnreadableFile as exc:
        return FileResult(str(path), "", 0, None, status="error", error=exc.reason)
    except OSError as exc:
        return FileResult(str(path), "", 0, None, status="error", error=exc.strerror or str(exc))
    return process_bytes(data, str(path), settings)
