"""pypdfium2's fast text layer serves a PDF only where it gives pdfplumber's lines, word for word."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from foi.extract.readers import pdf
from foi.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FAST, CAREFUL = Settings(pdf_engine="auto"), Settings(pdf_engine="pdfplumber")


def lines(data: bytes, settings: Settings) -> list[tuple[int, str, str]]:
    return [(line.page, line.role, line.text) for line in pdf.read(data, "x.pdf", settings).lines]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.pdf")), ids=lambda p: p.stem)
def test_both_engines_give_the_same_lines_on_the_corpus(path: Path) -> None:
    data = path.read_bytes()
    assert lines(data, FAST) == lines(data, CAREFUL)


def test_the_fast_layer_serves_plain_text_pages() -> None:
    assert pdf.fast_layouts((CORPUS / "000_20e448a58bbb3448.pdf").read_bytes()) is not None


def test_a_page_with_drawn_lines_goes_to_pdfplumber_for_its_tables() -> None:
    data = (CORPUS / "002_670bcd0a51add0d1.pdf").read_bytes()  # the memo's ruled table
    assert pdf.fast_layouts(data) is None
    assert pdf.read(data, "memo.pdf", FAST).tables  # found by pdfplumber's table finder


def _pdf(draw: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_rotated_text_goes_to_pdfplumber() -> None:
    def draw(c: Canvas) -> None:
        c.drawString(72, 700, "Kære Anna, tak for dit brev om mentorstøtte.")
        c.saveState()
        c.rotate(90)
        c.drawString(100, -40, "Printet 12.10.2018")
        c.restoreState()

    data = _pdf(draw)
    assert pdf.fast_layouts(data) is None
    assert [t for _p, _r, t in lines(data, FAST) if t] == ["Kære Anna, tak for dit brev om mentorstøtte."]


def test_a_hyphen_at_line_end_is_kept_as_printed() -> None:
    def draw(c: Canvas) -> None:
        c.drawString(72, 700, "at realisere beskæftigelse-")
        c.drawString(72, 686, "planens mål")

    data = _pdf(draw)
    assert pdf.fast_layouts(data) is not None
    assert lines(data, FAST) == lines(data, CAREFUL)
