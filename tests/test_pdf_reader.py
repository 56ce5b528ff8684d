"""The PDF reader on small PDFs drawn here with reportlab: columns, noise, paragraphs, tables, failures."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from foi.errors import EncryptedFile, UnreadableFile
from foi.extract.model import BODY, MARGIN, NOISE, Document, ReadResult
from foi.extract.readers import pdf as reader
from foi.extract.readers import read_bytes
from foi.extract.readers.pdf_layout import assemble, column_split, layout_page
from foi.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAGE_H = A4[1]

Item = tuple[float, float, str, float]  # x in mm, y in mm from the top, text, font size
Drawing = Sequence[Sequence[Item]]  # one sequence of items per page


def draw(pages: Drawing, rects: Sequence[tuple[float, float, float, float]] = (), **canvas_args: Any) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, **canvas_args)
    for number, items in enumerate(pages):
        for x, y, text, size in items:
            canvas.setFont("Helvetica", size)
            canvas.drawString(x * mm, PAGE_H - y * mm, text)
        if number == 0:
            for x, y, w, h in rects:
                canvas.rect(x * mm, PAGE_H - (y + h) * mm, w * mm, h * mm, stroke=1, fill=0)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def read(data: bytes, name: str = "test.pdf", engine: str = "auto") -> ReadResult:
    return reader.read(data, name, Settings(pdf_engine=engine))


def texts(result: ReadResult, role: str) -> list[str]:
    return [line.text for line in result.lines if line.role == role and line.text]


BODY_LINES = [
    "Forvaltningen har modtaget din henvendelse om",
    "mentorstøtte og svarer hermed på dine spørgsmål.",
    "Det følger af loven, at støtten gives efter en",
    "konkret og individuel vurdering af borgerens behov.",
]
SIDEBAR = ["12. marts 2021", "Sagsnr.", "2021-0012345", "Rådhuspladsen 1", "1599 København V"]


@pytest.mark.parametrize(
    ("body_x", "side_x"),
    [(20, 140), (15, 160), (30, 125)],
    ids=["gutter-at-130mm", "gutter-at-150mm", "gutter-at-118mm"],
)
def test_sidebar_is_found_from_the_layout_not_from_fixed_millimetres(body_x: float, side_x: float) -> None:
    # sidebar lines share baselines with body lines: only the white band tells them apart
    items: list[Item] = [(body_x, 40 + 5 * i, text, 10) for i, text in enumerate(BODY_LINES)]
    items += [(side_x, 40 + 5 * i, text, 7.5) for i, text in enumerate(SIDEBAR)]
    result = read(draw([items]))
    assert texts(result, BODY) == [" ".join(BODY_LINES)]  # lines wrapped by the layout are one paragraph
    assert texts(result, MARGIN) == SIDEBAR
    roles = [line.role for line in result.lines if line.text]
    assert roles == [MARGIN] * len(SIDEBAR) + [BODY]  # margin first, then body


def test_one_column_page_is_all_body() -> None:
    items: list[Item] = [(20, 40 + 5 * i, text, 10) for i, text in enumerate(BODY_LINES)]
    items.append((20, 70, "Med venlig hilsen", 10))
    result = read(draw([items]))
    assert texts(result, MARGIN) == []
    assert texts(result, BODY) == [" ".join(BODY_LINES), "Med venlig hilsen"]


def test_column_split_needs_a_wide_white_band_and_a_narrower_right_column() -> None:
    body = [(50.0, 300.0), (50.0, 280.0), (50.0, 310.0)]
    assert column_split(body + [(350.0, 450.0)]) == pytest.approx(330.0)
    assert column_split(body + [(318.0, 400.0)]) is None  # 8 pt: a word space, not a gutter
    assert column_split([(50.0, 120.0), (200.0, 500.0)]) is None  # the right part is the wider one
    assert column_split(body) is None


def test_layout_takes_plain_word_dicts_from_any_engine() -> None:
    words = [
        {"text": "Kære", "x0": 60.0, "x1": 85.0, "top": 100.0, "bottom": 110.0},
        {"text": "Anna", "x0": 88.0, "x1": 110.0, "top": 100.0, "bottom": 110.0},
        {"text": "Sagsnr.", "x0": 420.0, "x1": 450.0, "top": 101.0, "bottom": 108.0},
        {"text": "og", "x0": 60.0, "x1": 70.0, "top": 300.0, "bottom": 310.0},
        {"text": "farvel", "x0": 73.0, "x1": 350.0, "top": 300.0, "bottom": 310.0},
    ]
    layout = layout_page(1, words, 595.0, 842.0)
    assert [line.text for line in layout.margin] == ["Sagsnr."]
    assert [line.text for line in layout.body] == ["Kære Anna", "og farvel"]
    lines = assemble([layout])[0].lines
    assert [(line.text, line.role) for line in lines] == [
        ("Sagsnr.", MARGIN), ("Kære Anna", BODY), ("", BODY), ("og farvel", BODY), ("", BODY),
    ]


def test_hyphenated_word_at_line_end_comes_back_whole() -> None:
    lines = [
        "Det følger af lov om en aktiv beskæftigel-",
        "sesindsats, at kommunen kan bevilge støtte til en",
        "mentor, når borgeren har behov for det.",
    ]
    result = read(draw([[(20, 40 + 5 * i, text, 10) for i, text in enumerate(lines)]]))
    assert texts(result, BODY)[0].startswith("Det følger af lov om en aktiv beskæftigelsesindsats, at")
    text = Document(1, "letter", result.lines).text
    assert "en aktiv beskæftigelsesindsats, at kommunen" in text
    assert "beskæftigel-" not in text


def test_short_lines_of_a_list_are_not_joined() -> None:
    items: list[Item] = [(20, 40, "Oversigt over virksomheder, der har haft borgere i virksomhedspraktik i 2017:", 10)]
    names = ["accent design aps", "dahl a/s", "dagrofa aps", "elgiganten a/s"]
    items += [(20, 50 + 5 * i, name, 10) for i, name in enumerate(names)]
    assert texts(read(draw([items])), BODY)[1:] == names


def test_paragraphs_are_kept_apart_by_their_vertical_gap() -> None:
    first = "Første afsnit begynder her og fortsætter over hele spaltens bredde, indtil linjen brydes og"
    items: list[Item] = [(20, 40, first, 10), (20, 45, "slutter her.", 10),
                         (20, 55, "Andet afsnit står for sig.", 10)]
    text = Document(1, "letter", read(draw([items])).lines).text
    assert text == f"{first} slutter her.\n\nAndet afsnit står for sig."


def test_short_lines_keep_their_line_breaks_in_the_text() -> None:
    items: list[Item] = [(20, 40, "Med venlig hilsen", 10), (20, 55, "Tanja Franck", 10), (20, 60, "Adm. direktør", 10)]
    text = Document(1, "letter", read(draw([items])).lines).text
    assert text == "Med venlig hilsen\n\nTanja Franck\nAdm. direktør"


def test_running_headers_and_page_numbers_are_noise() -> None:
    pages: list[list[Item]] = []
    for n in (1, 2, 3):
        items: list[Item] = [(20, 40, f"Tekst på side {n} i brevet.", 10), (20, 283, f"Side {n} af 3", 7.5)]
        if n > 1:
            items.append((20, 12, "Beskæftigelses- og Integrationsforvaltningen", 7.5))
        if n == 3:
            items.append((180, 285, "3", 8))
        pages.append(items)
    pages[0].append((20, 12, "Journalnummer 2021-77", 7.5))  # band text seen once: kept, as margin
    result = read(draw(pages))
    noise = texts(result, NOISE)
    assert "Side 2 af 3" in noise and "3" in noise
    assert noise.count("Beskæftigelses- og Integrationsforvaltningen") == 2
    assert texts(result, MARGIN) == ["Journalnummer 2021-77"]
    assert texts(result, BODY) == [f"Tekst på side {n} i brevet." for n in (1, 2, 3)]
    assert [page.number for page in result.pages] == [1, 2, 3]


def test_ruled_table_is_a_table_and_tab_separated_body_lines() -> None:
    cells = [["Ordning", "Pladser", "Besatte"], ["Seniorjob", "29", "0"], ["Nytteindsats", "14", "5"]]
    items: list[Item] = [(20, 30, "Oversigt over pladserne:", 10)]
    rects: list[tuple[float, float, float, float]] = []
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            rects.append((20 + 40 * c, 35 + 8 * r, 40, 8))
            items.append((22 + 40 * c, 40.5 + 8 * r, cell, 9))
    items.append((20, 70, "Tabellen viser status.", 10))
    result = read(draw([items], rects))
    assert len(result.tables) == 1
    assert result.tables[0].header == ["Ordning", "Pladser", "Besatte"]
    assert result.tables[0].rows == [["Seniorjob", "29", "0"], ["Nytteindsats", "14", "5"]]
    assert texts(result, BODY) == ["Oversigt over pladserne:", "Ordning\tPladser\tBesatte", "Seniorjob\t29\t0",
                                   "Nytteindsats\t14\t5", "Tabellen viser status."]


def test_encrypted_pdf_raises_encrypted_file() -> None:
    data = draw([[(20, 40, "Fortroligt", 10)]], encrypt=StandardEncryption("hemmelig", ownerPassword="ejer"))
    with pytest.raises(EncryptedFile):
        read(data, "locked.pdf")
    with pytest.raises(EncryptedFile):
        read_bytes(data, "locked.pdf", Settings())  # the same through the reader registry


def test_encryption_with_an_empty_user_password_is_read() -> None:
    data = draw([[(20, 40, "Kun skrivebeskyttet", 10)]], encrypt=StandardEncryption("", ownerPassword="ejer"))
    assert texts(read(data), BODY) == ["Kun skrivebeskyttet"]


def test_truncated_pdf_is_unreadable() -> None:
    data = (CORPUS / "000_20e448a58bbb3448.pdf").read_bytes()
    with pytest.raises(UnreadableFile) as caught:
        read(data[: int(len(data) * 0.4)], "cut.pdf")
    assert caught.type is UnreadableFile
    assert caught.value.reason.startswith("damaged PDF")


@pytest.mark.parametrize("data", [os.urandom(4096), b"", b"%PDF-1.4\n%%EOF\n"], ids=["random", "empty", "bare"])
def test_garbage_is_unreadable_with_a_short_reason(data: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read(data, "junk.pdf")
    assert caught.value.reason.startswith(("not a PDF", "damaged PDF"))
    assert len(caught.value.reason) < 100 and "\n" not in caught.value.reason


def _three_pages_with(bad_mediabox: bytes) -> bytes:
    data = draw([[(20, 40, f"Side {word} tekst", 10)] for word in ("et", "to", "tre")], pageCompression=0)
    box = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    second = data.index(box, data.index(box) + 1)
    return data[:second] + bad_mediabox.ljust(len(box)) + data[second + len(box):]  # offsets unchanged


def test_a_broken_page_is_skipped_and_the_others_are_read() -> None:
    result = read(_three_pages_with(b"/MediaBox (x)"), engine="pdfplumber")
    assert [(page.number, [line.text for line in page.lines if line.text]) for page in result.pages] == [
        (1, ["Side et tekst"]), (3, ["Side tre tekst"])]
    # pdfium falls back to a default page box and reads all three
    fast = read(_three_pages_with(b"/MediaBox (x)"))
    assert texts(fast, BODY) == ["Side et tekst", "Side to tekst", "Side tre tekst"]


def test_a_page_tree_that_breaks_halfway_keeps_the_pages_before() -> None:
    result = read(_three_pages_with(b"/MediaBox [ /a /b /c /d ]"), engine="pdfplumber")
    assert texts(result, BODY) == ["Side et tekst"]
