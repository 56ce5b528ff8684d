"""Plain text: UTF-8 (with or without BOM), UTF-16, or cp1252/latin-1, detected and NFC-normalised.

Detection is by rule, not by statistics: a byte-order mark decides; otherwise text that decodes as
UTF-8 is UTF-8 (Danish cp1252 text practically never does); otherwise it is cp1252, with latin-1 for
the five bytes cp1252 leaves undefined, or Mac Roman (old Mac files) when that reads as more Danish.
A general statistical guesser can mistake short Danish text for another code page and turn æøå into
something else; the choice here is between the two code pages Danish files come in, by their letters.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

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
    if _danish_score(data, _MAC_WEIGHTS) > _danish_score(data, _CP1252_WEIGHTS):
        return data.decode("mac_roman")
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


# cp1252 leaves five bytes undefined; they are read as latin-1 (C1 controls) rather than refused
_LATIN1_FALLBACK = "foi-latin1"


def _latin1(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        return exc.object[exc.start : exc.end].decode("latin-1"), exc.end
    raise exc


codecs.register_error(_LATIN1_FALLBACK, _latin1)

# How Danish a decoded character looks: æøå +3; other letters 0; the punctuation and signs Danish
# administrative text uses +1; any other sign or control -1. In Mac Roman æøåÆØÅ are the bytes cp1252
# reads as ¾ ¿ Œ ® ¯ and an undefined byte; cp1252's æøå read as Mac Roman are Ê ¯ Â.
_DANISH_LETTERS = "æøåÆØÅ"
_DANISH_SIGNS = "éÉ§–—‘’“”„…«»°½¼€•´"


def _weight(char: str) -> int:
    if char in _DANISH_LETTERS:
        return 3
    if char in _DANISH_SIGNS:
        return 1
    return 0 if unicodedata.category(char).startswith("L") else -1


_CP1252_WEIGHTS = {b: _weight(bytes([b]).decode("cp1252", errors=_LATIN1_FALLBACK)) for b in range(0x80, 0x100)}
_MAC_WEIGHTS = {b: _weight(bytes([b]).decode("mac_roman")) for b in range(0x80, 0x100)}
_ASCII = bytes(range(0x80))


def _danish_score(data: bytes, weights: dict[int, int]) -> int:
    """The weights of the first megabyte of non-ASCII bytes as one code page reads them."""
    counts = Counter(data.translate(None, _ASCII)[: 1 << 20])
    return sum(weights[byte] * count for byte, count in counts.items())


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
