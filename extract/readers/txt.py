"""Plain text: UTF-8 (with or without BOM), UTF-16, or cp1252/latin-1, detected and NFC-normalised.

Detection is by rule, not by statistics: a byte-order mark decides; otherwise text that decodes as
UTF-8 is UTF-8 (Danish cp1252 text practically never does); otherwise it is cp1252, with latin-1 for
the five bytes cp1252 leaves undefined. A statistical guesser can mistake short Danish text for
another code page and turn æøå into something else.
"""

from __future__ import annotations

import codecs
import unicodedata

from foi.errors import UnreadableFile
from foi.extract.model import Line, Page, ReadResult
from foi.settings import Settings

FORMAT = "txt"


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Bytes of a text file as NFC text with Unix line ends."""
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data:
        raise UnreadableFile(name, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _control_ratio(data) > 0.05:
        raise UnreadableFile(name, "binary data, not text")
    return "".join(
        data[i : i + 1].decode("cp1252", errors="strict") if data[i] not in _CP1252_UNDEFINED else chr(data[i])
        for i in range(len(data))
    )


_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL on every other byte for Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _control_ratio(data: bytes) -> float:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def text_to_pages(text: str) -> list[Page]:
    """Form feeds (as text extracted from PDFs keeps them) separate pages."""
    pages = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(number, tuple(Line(raw.rstrip(), number) for raw in chunk.split("\n"))))
    return pages


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    return ReadResult(FORMAT, text_to_pages(decode(data, name)))
