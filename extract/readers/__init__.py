"""One reader per file format behind one interface.

A reader is a module with `FORMAT` (its name) and `read(data: bytes, name: str, settings) -> ReadResult`.
It works on bytes, not paths, so that an e-mail's attachments go back through the same readers.
The format is known by the content first and by the suffix only where the content does not say.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

from foi.errors import EmptyFile, UnreadableFile, UnsupportedFormat
from foi.extract.model import ReadResult
from foi.settings import Settings

# format -> module (imported lazily: pdfplumber and extract-msg are slow to import)
READERS = {
    "txt": "foi.extract.readers.txt",
    "pdf": "foi.extract.readers.pdf",
    "docx": "foi.extract.readers.docx",
    "eml": "foi.extract.readers.eml",
    "msg": "foi.extract.readers.msg",
    "html": "foi.extract.readers.html",
}

SUFFIXES = {
    ".txt": "txt", ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx", ".docm": "docx",
    ".eml": "eml",
    ".msg": "msg",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

_EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"mime-version:", b"message-id:",
                  b"return-path:", b"delivered-to:", b"content-type:")


def sniff(data: bytes, name: str) -> str | None:
    """The format of `data`, from its first bytes; the suffix of `name` decides only plain text cases."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            return "docx"
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "msg" if name.lower().endswith(".msg") or b"_\x00_\x00s\x00u\x00b\x00s\x00t\x00g" in data else None
    # before markup: a MIME message's HTML part is often within its first kilobyte
    if _is_email(data[:_HEADER_BLOCK]):
        return "eml"
    lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if lowered.startswith((b"<!doctype html", b"<html")) or (b"<html" in lowered[:1024] and b"</" in lowered):
        return "html"
    suffix = Path(name).suffix.lower()
    by_suffix = SUFFIXES.get(suffix)
    if by_suffix in ("pdf", "docx", "msg"):
        return None  # the suffix promises a binary format the content does not have
    return by_suffix or "txt"


_MISMATCH = {
    ".pdf": "not a PDF: the file has no %PDF header",
    ".docx": "not a Word document: the file is not a .docx package",
    ".docm": "not a Word document: the file is not a .docx package",
    ".msg": "not an Outlook message: the file is not an OLE .msg file",
}


_HEADER_BLOCK = 65536  # bytes: Received and DKIM lines can fill many kilobytes before From:
_FIELD = re.compile(rb"[!-9;-~]+:")  # an RFC 5322 field name and its colon


def _is_email(head: bytes) -> bool:
    """Whether the bytes open with a header block (an mbox "From " line may come first) holding at least
    two of the headers every e-mail has. Only the block counts: a text that quotes "From:" further
    down is not an e-mail."""
    lines = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n")
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    if len(head) >= _HEADER_BLOCK:
        lines = lines[:-1]  # cut off by the head's end
    found: set[bytes] = set()
    for number, line in enumerate(lines):
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and number:
            continue  # a folded header's next line
        field = _FIELD.match(line)
        if field is None:
            break
        if field.group().lower() in _EMAIL_HEADERS:
            found.add(field.group().lower())
    return len(found) >= 2


def reader_for(fmt: str) -> ModuleType:
    return importlib.import_module(READERS[fmt])


def read_bytes(data: bytes, name: str, settings: Settings, depth: int = 0) -> ReadResult:
    """Read one file's bytes with the reader its content calls for."""
    if not data.strip():
        raise EmptyFile(name)
    fmt = sniff(data, name)
    if fmt is None:
        raise UnsupportedFormat(name, _MISMATCH.get(Path(name).suffix.lower(), "not a format foi reads"))
    result: ReadResult = reader_for(fmt).read(data, name, settings)
    if depth < settings.max_depth:
        for attachment in result.attachments:
            try:
                result.children.append(
                    (attachment.name, read_bytes(attachment.data, attachment.name, settings, depth + 1))
                )
            except UnreadableFile:
                # an unreadable enclosure is named in the e-mail; it must not cost us the e-mail itself
                continue
    return result
