"""PDF: the text layer read with pdfplumber, laid out into body, margin and noise by `pdf_layout`.

With `Settings.pdf_engine == "auto"` (the default) pypdfium2 reads the words of files whose pages
it serves as well (`pdf_pdfium`: no drawn paths, no rotated text) fifty times faster; everything
else, and every error, goes the pdfplumber way described here.

pdfplumber (pdfminer.six underneath) gives each page's words with their positions and finds ruled
tables; `pdf_layout.layout_page` does the rest from plain word dicts, so another engine could feed it.
Ruled tables go to `ReadResult.tables` and stay in the body as tab-separated lines, one row a line.

Failures: an encrypted PDF that opens with no password raises `EncryptedFile`; anything pdfminer or
pdfplumber raises on a broken file becomes `UnreadableFile` with a short reason. A page that fails is
skipped as long as another page reads; a file where none does is unreadable. Text set at an angle
(stamps, vertical print references) is left out: it would only give noise lines.

Scans: a file none of whose pages has text is `NeedsOcr` ("needs OCR: N pages without a text layer");
with `Settings.ocr` (`foi extract --ocr`) `foi.extract.ocr` adds a text layer first, and that is read.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from foi.errors import EncryptedFile, NeedsOcr, OcrFailed, UnreadableFile
from foi.extract.model import ReadResult, Table
from foi.extract.ocr import ocr_pdf
from foi.extract.readers.pdf_layout import PageLayout, TableBox, assemble, layout_page
from foi.extract.readers.pdf_pdfium import NotForPdfium, read_pages
from foi.settings import Settings

FORMAT = "pdf"

# pdfminer reports every oddity of a broken file as a logging warning; the reader reports the file.
for _name in ("pdfminer", "pdfplumber"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.ERROR)


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    """The text layer; a scan (no page has one) is an error, or with `settings.ocr` is read after OCR."""
    result = read_text_layer(data, name, settings)
    if has_text(result):
        return result  # pages without text beside pages with it: a blank or a drawing as often as a scan
    if not settings.ocr:
        raise NeedsOcr(name, len(result.pages))
    result = read_text_layer(ocr_pdf(data, name, settings), name, settings)
    if not has_text(result):
        raise OcrFailed(name, "Tesseract recognised no text")
    return result


def read_text_layer(data: bytes, name: str, settings: Settings) -> ReadResult:
    if settings.pdf_engine == "auto":
        layouts = fast_layouts(data)
        if layouts is not None:
            return ReadResult(FORMAT, assemble(layouts))
    layouts, tables = page_layouts(data, name)
    return ReadResult(FORMAT, assemble(layouts), tables=tables)


def has_text(result: ReadResult) -> bool:
    return any(line.text.strip() for line in result.lines)


def fast_layouts(data: bytes) -> list[PageLayout] | None:
    """Every page laid out from pypdfium2's text layer, or None where any page needs pdfplumber
    (drawn paths that may rule a table, rotated text) or the file is one pdfium cannot open."""
    try:
        pages = read_pages(data)
    except NotForPdfium:
        return None
    if not pages or any(page is None for page in pages) or not any(page.words for page in pages if page):
        return None
    return [layout_page(p.number, p.words, p.width, p.height) for p in pages if p is not None]


def page_layouts(data: bytes, name: str) -> tuple[list[PageLayout], list[Table]]:
    """Every readable page laid out, and the ruled tables found on them."""
    layouts: list[PageLayout] = []
    tables: list[Table] = []
    failure: BaseException | None = None
    pdf = open_pdf(data, name)  # not closed with `with`: PDF.close() would walk the whole page tree
    pages = open_pages(pdf)
    while True:
        try:
            number, page_obj = next(pages)
        except StopIteration:
            break
        except Exception as exc:  # a broken page tree: keep the pages read so far
            failure = exc
            break
        try:
            page = PlumberPage(pdf, page_obj, page_number=number, initial_doctop=0)
            layout, found = read_page(page)
            page.close()
        except Exception as exc:  # one broken page must not cost the file
            failure = failure or exc
            continue
        layouts.append(layout)
        tables += found
    if not layouts:
        if failure is not None:
            _raise_for(failure, name, data)
        raise UnreadableFile(name, f"{_kind(data)}: no page could be read")
    return layouts, tables


def open_pdf(data: bytes, name: str) -> pdfplumber.PDF:
    """The opened PDF, or the error a user should see."""
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        _raise_for(exc, name, data)
        raise  # unreachable: _raise_for always raises


def open_pages(pdf: pdfplumber.PDF) -> Iterator[tuple[int, PDFPage]]:
    """(number, page object) one at a time, so that a page tree that breaks halfway keeps its first
    pages; `pdfplumber.page.Page(pdf, page_object, page_number=number)` opens one."""
    yield from enumerate(PDFPage.create_pages(pdf.doc), start=1)


def read_page(page: PlumberPage) -> tuple[PageLayout, list[Table]]:
    """One page's words and ruled tables, laid out."""
    words = [w for w in page.extract_words(extra_attrs=["size"]) if w.get("upright", True)]
    ruled = page.find_tables() if page.rects or page.lines else []  # no rulings, no ruled table
    boxes = [box for box in (_table_box(t) for t in ruled) if box is not None]
    x0, top = float(page.bbox[0]), float(page.bbox[1])
    shifted = [
        TableBox((b.bbox[0] - x0, b.bbox[1] - top, b.bbox[2] - x0, b.bbox[3] - top), b.rows,
                 [(s - top, e - top) for s, e in b.spans])
        for b in boxes
    ]
    layout = layout_page(page.page_number, words, float(page.width), float(page.height), shifted, (x0, top))
    return layout, [Table(box.rows[0], box.rows[1:]) for box in boxes]


def _table_box(table: Any) -> TableBox | None:
    """A pdfplumber table with at least two rows and two columns; a framed box is not a table."""
    rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return None
    spans = [(float(r.bbox[1]), float(r.bbox[3])) for r in table.rows]
    return TableBox(tuple(float(v) for v in table.bbox), rows, spans)  # type: ignore[arg-type]


def _kind(data: bytes) -> str:
    return "damaged PDF" if b"%PDF-" in data[:1024] else "not a PDF"


def _raise_for(exc: BaseException, name: str, data: bytes) -> None:
    """Raise the user-facing error for whatever pdfminer or pdfplumber raised."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        raise EncryptedFile(name) from None
    if isinstance(cause, PDFEncryptionError):
        raise UnreadableFile(name, "encrypted in a way that cannot be read") from None
    raise UnreadableFile(name, f"{_kind(data)}: {_reason(cause)}") from None


def _reason(cause: object) -> str:
    """A short reason: pdfminer's own message without the object dump, else the kind of failure."""
    if isinstance(cause, RecursionError):
        return "its objects refer to each other in a loop"
    if isinstance(cause, MemoryError):
        return "too large to read"
    if not isinstance(cause, PSException):
        return f"its structure could not be parsed ({type(cause).__name__})"
    text = re.split(r":\s*[\[{<(/]", " ".join(str(cause).split()), maxsplit=1)[0]
    return text[:80] or type(cause).__name__
