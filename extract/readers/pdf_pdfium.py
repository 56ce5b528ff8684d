"""The fast text layer: pypdfium2 (which pdfplumber installs) gives a page's characters and their
boxes about fifty times faster than pdfminer. It serves the pages where it gives the same words:
pages without drawn paths (a ruled table needs pdfplumber's table finder) and without text set at
an angle. The words go to the same `pdf_layout.layout_page` as pdfplumber's, so the layout rules
are one. `benchmarks/extract_speed.py` prints both engines' times; `tests/test_pdf_engines.py`
checks that they give the same lines on the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# characters that end a word: space, tab, line breaks, NUL
_BREAKS = {0, 9, 10, 13, 32, 160, 0xFFFE}
_SOFT_HYPHEN = 2  # pdfium's code for a hyphen it found at the end of a line: a "-" as printed
_WORD_GAP = 3.0  # points between two glyphs that start a new word (pdfplumber's x_tolerance)
_LINE_SHIFT = 0.5  # a baseline that moves by more than this many font sizes starts a new word


@dataclass
class PdfiumPage:
    number: int
    words: list[dict[str, Any]]
    width: float
    height: float


class NotForPdfium(Exception):
    """The document is one pdfium should not read (broken, encrypted): pdfplumber's path decides."""


def read_pages(data: bytes) -> list[PdfiumPage | None]:
    """Each page's words, or None for a page that pdfplumber must read (paths, rotated text)."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise NotForPdfium(str(exc)) from None
    try:
        pages: list[PdfiumPage | None] = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                pages.append(_read_page(index + 1, page))
            finally:
                page.close()
        return pages
    except pdfium.PdfiumError as exc:  # a page that does not load: the careful reader takes the file
        raise NotForPdfium(str(exc)) from None
    finally:
        doc.close()


def _read_page(number: int, page: pdfium.PdfPage) -> PdfiumPage | None:
    if page.get_rotation() or next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3), None):
        return None
    left, bottom, _right, _top = page.get_mediabox()
    if left or bottom:
        return None  # an offset page box: pdfplumber's coordinates handle it
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        words = _words(textpage, height)
    finally:
        textpage.close()
    if words is None:
        return None
    return PdfiumPage(number, words, page.get_width(), height)


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[dict[str, Any]] | None:
    """Glyphs grouped into words with pdfplumber's keys: text, x0, x1, top, bottom, size."""
    raw = textpage.raw
    words: list[dict[str, Any]] = []
    chars: list[str] = []
    box: list[float] = []  # x0, x1, top, bottom
    size = 0.0
    baseline = 0.0

    def flush() -> None:
        if chars:
            words.append({"text": "".join(chars), "x0": box[0], "x1": box[1], "top": box[2], "bottom": box[3],
                          "size": size})
            chars.clear()

    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in _BREAKS or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            flush()
            continue
        if abs(pdfium_c.FPDFText_GetCharAngle(raw, i)) > 0.01:
            return None  # text at an angle: pdfplumber's reader leaves it out
        x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
        glyph_size = pdfium_c.FPDFText_GetFontSize(raw, i)
        top, bottom = height - y1, height - y0
        if chars and (x0 - box[1] > _WORD_GAP or abs(bottom - baseline) > _LINE_SHIFT * size or x0 < box[0]):
            flush()
        if not chars:
            box = [x0, x1, top, bottom]
            size, baseline = glyph_size, bottom
        else:
            box = [min(box[0], x0), max(box[1], x1), min(box[2], top), max(box[3], bottom)]
        if code == _SOFT_HYPHEN:
            code = ord("-")
        chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")
    flush()
    return words
