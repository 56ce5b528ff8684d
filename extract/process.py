"""One file, start to finish: read, clean, split, find facts. A plain function of a path and settings
that returns plain data, so that a process pool (or a distributed engine) can run it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from foi.errors import FileTooLarge, FoiError, UnreadableFile
from foi.extract.facts.pipeline import extract_facts, load_pipeline
from foi.extract.model import FileResult
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
    except Exception as exc:  # noqa: BLE001 - a library's surprise on a broken file is that file's error
        result.status, result.error, result.documents = "error", f"{type(exc).__name__}: {exc}"[:300], []
    return result


def _reason(exc: FoiError) -> str:
    return exc.reason if isinstance(exc, UnreadableFile) else str(exc)


def process_file(path: str | Path, settings: Settings) -> FileResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(str(path), "", 0, None, status="error", error=exc.strerror or str(exc))
    return process_bytes(data, str(path), settings)
