"""The Word reader keeps body order, tables, Word's list numbers and explicit page breaks."""

from __future__ import annotations

import copy
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from foi.errors import UnreadableFile
from foi.extract.model import BODY, MARGIN, NOISE
from foi.extract.readers import docx as docx_reader
from foi.extract.readers import read_bytes
from foi.extract.readers.docx_numbering import format_number
from foi.settings import Settings

SETTINGS = Settings()

TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>Sagsnr. 2018-0123</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def _restart_numbering(document: Document, like_num_id: str) -> str:
    """A new list instance of the same list definition that starts again at 1, as Word writes it."""
    numbering = document.part.numbering_part.element
    source = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == like_num_id)
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))) + 1)
    new = copy.deepcopy(source)
    new.set(qn("w:numId"), new_id)
    new.append(parse_xml(
        '<w:lvlOverride xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride>'))
    numbering.append(new)
    return new_id


def _set_num(paragraph: Paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _letter(path: Path) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Københavns Kommune · Socialforvaltningen"
    section.footer.paragraphs[0].text = "Side 1 af 2"
    document.add_heading("Svar på anmodning om aktindsigt", level=1)
    intro = document.add_paragraph("Kære Søren Ærø")
    intro._p.append(parse_xml(TEXT_BOX))
    document.add_paragraph("Du har spurgt om følgende:")
    document.add_paragraph("Hvor mange borgere får mentorstøtte?", style="List Number")
    document.add_paragraph("Hvad koster ordningen på Åbenrå?", style="List Number")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Ydelse", "Beløb"), ("Mentorstøtte", "1.200 kr."),
                                       ("Øvrigt", "")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Ad spørgsmålene svarer vi:")
    first = document.add_paragraph("Svar på spørgsmål 1.", style="List Number")
    restarted = _restart_numbering(document, _style_num_id(document))
    _set_num(first, restarted)
    second = document.add_paragraph("Svar på spørgsmål 2.", style="List Number")
    _set_num(second, restarted)
    breaking = document.add_paragraph("Med venlig hilsen")
    breaking.add_run().add_break(WD_BREAK.PAGE)
    breaking.add_run("Bilag: prisliste")
    document.save(str(path))
    return path.read_bytes()


def _style_num_id(document: Document) -> str:
    style = document.styles["List Number"].element
    return str(next(style.iter(qn("w:numId"))).get(qn("w:val")))


def test_letter_reads_in_body_order_with_numbers_and_tables(tmp_path: Path) -> None:
    result = read_bytes(_letter(tmp_path / "svar.docx"), "svar.docx", SETTINGS)
    assert result.format == "docx"
    body = [line.text for line in result.lines if line.role == BODY]
    assert body == [
        "Svar på anmodning om aktindsigt", "",
        "Kære Søren Ærø", "",
        "Du har spurgt om følgende:", "",
        "1. Hvor mange borgere får mentorstøtte?", "",
        "2. Hvad koster ordningen på Åbenrå?", "",
        "Ydelse\tBeløb", "Mentorstøtte\t1.200 kr.", "Øvrigt\t", "",
        "Ad spørgsmålene svarer vi:", "",
        "1. Svar på spørgsmål 1.", "",
        "2. Svar på spørgsmål 2.", "",
        "Med venlig hilsen",
        "Bilag: prisliste",
    ]
    assert [t.header for t in result.tables] == [["Ydelse", "Beløb"]]
    assert result.tables[0].rows == [["Mentorstøtte", "1.200 kr."], ["Øvrigt", ""]]
    # the header is read once as letterhead (margin); the page number is noise
    assert [line.text for line in result.lines if line.role == MARGIN] == [
        "Københavns Kommune · Socialforvaltningen", "Sagsnr. 2018-0123"]
    assert [line.text for line in result.lines if line.role == NOISE] == ["Side 1 af 2"]


def test_only_explicit_page_breaks_make_pages(tmp_path: Path) -> None:
    result = read_bytes(_letter(tmp_path / "svar.docx"), "svar.docx", SETTINGS)
    assert [page.number for page in result.pages] == [1, 2]
    assert [line.text for line in result.pages[1].lines if line.role == BODY] == ["Bilag: prisliste"]
    plain = docx.Document()
    plain.add_paragraph("Én side")
    out = io.BytesIO()
    plain.save(out)
    assert len(read_bytes(out.getvalue(), "en.docx", SETTINGS).pages) == 1


def test_macro_enabled_document_reads_like_docx(tmp_path: Path) -> None:
    data = _letter(tmp_path / "svar.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            dst.writestr(item, content)
    result = read_bytes(out.getvalue(), "svar.docm", SETTINGS)
    assert "1. Hvor mange borgere får mentorstøtte?" in [line.text for line in result.lines]


def test_random_bytes_named_docx_are_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_bytes(os.urandom(4096), "svar.docx", SETTINGS)


def test_broken_word_package_is_unreadable() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types")
        package.writestr("word/document.xml", "<w:document>not xml")
    with pytest.raises(UnreadableFile):
        read_bytes(out.getvalue(), "svar.docx", SETTINGS)
    with pytest.raises(UnreadableFile):
        docx_reader.read(b"PK\x03\x04" + os.urandom(2000), "svar.docx", SETTINGS)


def test_numbering_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(3, "decimalZero") == "03"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_text_files_in_other_encodings_read_right(encoding: str) -> None:
    text = "Kære borger\r\næøå Ærø\r\n"
    result = read_bytes(text.encode(encoding), "brev.txt", SETTINGS)
    assert [line.text for line in result.lines] == ["Kære borger", "æøå Ærø", ""]
