"""Word documents (.docx, .docm): paragraphs and tables in body order, Word's list numbers kept.

The body's XML is walked directly (python-docx opens the package and resolves the parts) so that
tables stay where they stand between paragraphs, text boxes come out as margin lines next to the
paragraph that anchors them, tracked deletions and hidden text are left out, and numbered
paragraphs get the number Word would show ("1.", "a)", "Ad 2") computed from numbering.xml.
A .docx has no pages; only explicit page breaks (and section breaks that start a new page)
advance the page number. Section headers and footers come out once, as margin lines (page numbers
as noise). Layout tables (one row or column, a table inside, a cell of running text) are read cell
by cell as text; a paragraph's end is a blank line or a line end as `blocks` decides.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from foi.errors import UnreadableFile
from foi.extract.clean import is_noise
from foi.extract.model import MARGIN, NOISE, Line, Page, ReadResult, Table
from foi.extract.readers.blocks import Blanks
from foi.extract.readers.docx_numbering import Numbering, W, w_val
from foi.extract.readers.docx_package import check_package
from foi.extract.readers.pdf_layout import is_page_number
from foi.settings import Settings

FORMAT = "docx"

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (b"application/vnd.ms-word.document.macroEnabled.main+xml",
                b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "fldChar",
         W + "footnoteReference", W + "endnoteReference", W + "commentReference", MC_FALLBACK}
PAGE_BREAK = "\f"


def _on(el: Any, tag: str) -> bool:
    """Whether an on/off property (<w:vanish/>, <w:pageBreakBefore w:val="0"/>) is set."""
    found = el.find(W + tag) if el is not None else None
    return found is not None and found.get(W + "val") not in ("0", "false", "off")



class _Reader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.page = 1
        self.lines: list[Line] = []
        self.tables: list[Table] = []
        self.blanks = Blanks()
        self.depth = 0  # layout tables inside layout tables

    # -- text of one paragraph ------------------------------------------------------------------
    def _inline(self, el: Any, out: list[str], boxes: list[Any]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append(PAGE_BREAK if child.get(W + "type") == "page" else "\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "r" and _on(child.find(W + "rPr"), "vanish"):
                continue
            else:
                self._inline(child, out, boxes)

    def paragraph_text(self, p: Any, boxes: list[Any] | None = None) -> str:
        """The paragraph's text with its list number in front; form feeds where pages break."""
        out: list[str] = []
        self._inline(p, out, boxes if boxes is not None else [])
        text = "".join(out)
        label = self.numbering.label_for(p)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        return text

    # -- body -----------------------------------------------------------------------------------
    def _add(self, text: str, role: str = "body") -> None:
        self.lines.append(Line(text.rstrip(), self.page, role))

    def _blank(self) -> None:
        self.blanks.blank(self.lines, self.page)

    def block(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                self.block(child)

    def paragraph(self, p: Any) -> None:
        ppr = p.find(W + "pPr")
        if _on(ppr, "pageBreakBefore") and any(line.page == self.page and line.text for line in self.lines):
            self.page += 1
        boxes: list[Any] = []
        text = self.paragraph_text(p, boxes)
        count = len(self.lines)
        for n, chunk in enumerate(text.split(PAGE_BREAK)):
            if n:
                self.page += 1
            for raw in chunk.split("\n"):
                if raw.strip():
                    self._add(raw)
        for box in boxes:
            for inner in box.iter(W + "p"):
                box_text = self.paragraph_text(inner).replace(PAGE_BREAK, "")
                for raw in box_text.split("\n"):
                    if raw.strip():
                        self._add(raw.strip(), MARGIN)
        if len(self.lines) == count:
            self.blanks.empty_paragraph(self.lines, self.page)
        elif _is_heading(ppr):
            self._blank()
        else:
            self.blanks.paragraph_end(self.lines, self.page)
        sect = ppr.find(W + "sectPr") if ppr is not None else None
        if sect is not None:
            kind = sect.find(W + "type")
            if kind is None or kind.get(W + "val") not in ("continuous", "nextColumn"):
                self.page += 1  # a section break that starts a new page

    def cell_text(self, tc: Any) -> str:
        texts = [self.paragraph_text(p).replace(PAGE_BREAK, " ") for p in tc.iter(W + "p")]
        return " ".join(" ".join(t.split()) for t in texts if t.strip())

    def table_rows(self, tbl: Any) -> list[list[str]]:
        rows = []
        for tr in tbl.iter(W + "tr"):
            if _nearest(tr, W + "tbl") is not tbl:
                continue
            cells = [self.cell_text(tc) for tc in tr.iter(W + "tc") if _nearest(tc, W + "tr") is tr]
            rows.append(cells)
        return rows

    def table(self, tbl: Any) -> None:
        rows = [cells for cells in self.table_rows(tbl) if any(cells)]
        if not rows:
            return
        if self.depth < MAX_LAYOUT_DEPTH and _is_layout_table(tbl, rows):
            self.layout_table(tbl)
            return
        self.tables.append(Table(rows[0], rows[1:]))
        self._blank()
        for cells in rows:  # empty edge cells keep their tab, so every row has all its columns
            self.lines.append(Line("\t".join(cells), self.page))
        self._blank()

    def layout_table(self, tbl: Any) -> None:
        """A table that places blocks on the page: each cell read as body text, left to right and
        row by row, a blank line after each cell (a letterhead's name column, then its date column)."""
        self._blank()
        self.depth += 1
        for tr in _own(tbl, W + "tr", W + "tbl"):
            for tc in _own(tr, W + "tc", W + "tr"):
                self.block(tc)
                self._blank()
        self.depth -= 1


# A table is a layout table, as the HTML reader has it, when it has a single row or column, a table
# inside, or a cell of running text: such tables place a letterhead or a whole letter on the page.
MAX_LAYOUT_DEPTH = 10
LAYOUT_CELL = 600


def _own(el: Any, tag: str, parent_tag: str) -> list[Any]:
    return [child for child in el.iter(tag) if _nearest(child, parent_tag) is el]


def _is_layout_table(tbl: Any, rows: list[list[str]]) -> bool:
    if len(rows) < 2 or max(len(cells) for cells in rows) < 2:
        return True
    if any(len(cell) > LAYOUT_CELL for cells in rows for cell in cells):
        return True
    return any(inner is not tbl for inner in tbl.iter(W + "tbl"))


_HEADING_STYLES = ("heading", "overskrift", "title", "titel")


def _is_heading(ppr: Any) -> bool:
    """A heading stands apart from what follows whatever the writer's habit with empty paragraphs."""
    style = (w_val(ppr, "pStyle") or "").lower()
    return style.startswith(_HEADING_STYLES) or w_val(ppr, "outlineLvl") is not None


def _nearest(el: Any, tag: str) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _open(data: bytes, name: str) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError:
        pass  # a macro-enabled document or a template: the same XML under another content type
    except Exception as exc:
        raise UnreadableFile(name, f"not a readable Word document ({type(exc).__name__})") from None
    try:
        return docx.Document(io.BytesIO(_retyped(data)))
    except Exception as exc:
        raise UnreadableFile(name, f"not a readable Word document ({type(exc).__name__})") from None


def _retyped(data: bytes) -> bytes:
    """The package with its main part declared as a plain .docx document."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                for other in _OTHER_MAINS:
                    content = content.replace(other, _DOCX_MAIN)
            dst.writestr(item, content)
    return out.getvalue()


def _header_footer_lines(document: Any, reader: _Reader) -> tuple[list[str], list[str]]:
    """Texts of the sections' own headers and footers (linked ones are the previous section's)."""
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for attr, bucket in (("first_page_header", headers), ("header", headers), ("even_page_header", headers),
                             ("first_page_footer", footers), ("footer", footers),
                             ("even_page_footer", footers)):
            part = getattr(section, attr)
            if part.is_linked_to_previous:
                continue
            for p in part._element.iter(W + "p"):
                text = " ".join(reader.paragraph_text(p).replace(PAGE_BREAK, " ").split())
                if text and text not in bucket:
                    bucket.append(text)
    return headers, footers


def _band_role(text: str) -> str:
    """A header's or footer's line is margin, read once as a PDF's first running header is: the
    letterhead of a Word letter (name, address, date, case number) is often set in the header of its
    first page. Page numbers and footer boilerplate are noise."""
    return NOISE if is_page_number(text) or is_noise(text) else MARGIN


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    check_package(data, name)
    document = _open(data, name)
    try:
        reader = _Reader(Numbering.from_document(document))
        headers, footers = _header_footer_lines(document, _Reader(Numbering.empty()))
        reader.block(document.element.body)
    except UnreadableFile:
        raise
    except Exception as exc:
        raise UnreadableFile(name, f"broken Word document ({type(exc).__name__})") from None
    body = reader.blanks.settle(reader.lines)
    while body and not body[-1].text:
        body.pop()
    last = max((line.page for line in body), default=1)
    lines = [Line(text, 1, _band_role(text)) for text in headers] + body
    lines += [Line(text, last, _band_role(text)) for text in footers]
    pages = [Page(n, tuple(line for line in lines if line.page == n)) for n in range(1, last + 1)]
    return ReadResult(FORMAT, pages, tables=reader.tables)
