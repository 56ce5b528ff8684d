"""Build the Word layouts `answer/letter.docx` and `aktindsigt/letter.docx` (docxtpl templates).

    python templates/make_word_templates.py          # writes both next to this script
    python templates/make_word_templates.py --check  # exit 1 if a committed file differs

The layout is made here, with python-docx, so that it can be reviewed as code and rebuilt byte for
byte: fixed document properties and fixed dates inside the zip. All text that varies is a Jinja2
tag; free text goes through `|rich`, which highlights "[INDSÆT …]" and "[TJEK …]" for the secretary.
Numbers ("1.", "Ad 1:") are literal text, not Word list numbering, so that they restart with each
letter and read back the same from the file.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FAMILIES = ("answer", "aktindsigt")
_FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, bold, before in (("Brevhoved", 13, True, 0), ("Afsnitsoverskrift", 10.5, True, 12),
                                     ("Bilagstitel", 12, True, 12), ("Etiket", 8.5, False, 6)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.keep_with_next = True
    tight = doc.styles.add_style("Tæt", WD_STYLE_TYPE.PARAGRAPH)
    tight.base_style = normal
    tight.paragraph_format.space_after = Pt(0)


def _p(doc: Any, *runs: str, style: str | None = None, page_break: bool = False) -> Any:
    paragraph = doc.add_paragraph(style=style)
    for text in runs:
        paragraph.add_run(text)
    if page_break:
        paragraph.paragraph_format.page_break_before = True
    return paragraph


def _letterhead(doc: Any, page_break: bool = False) -> None:
    _p(doc, "{{ profile.letterhead }}", style="Brevhoved", page_break=page_break)
    _p(doc, "{{ profile.forvaltning }}", style="Tæt")
    _p(doc, "{{ profile.unit }}")


def _numbers(doc: Any, with_document: bool = True) -> None:
    _p(doc, "{{ date_text }}")
    _p(doc, "Sagsnr.", style="Etiket")
    _p(doc, "{{r sagsnr|rich }}")
    if with_document:
        _p(doc, "Dokumentnr.", style="Etiket")
        _p(doc, "{{r dokumentnr|rich }}")


def _head(doc: Any) -> None:
    _letterhead(doc)
    # one paragraph, lines broken: "Til / name / E-mail: …" reads back as consecutive lines
    block = _p(doc, "Til")
    block.add_run().add_break()
    block.add_run("{{r recipient.name|rich }}")
    block.add_run("{% if recipient.email %}")
    block.add_run().add_break()
    block.add_run("E-mail: {{ recipient.email }}{% endif %}")
    block.paragraph_format.space_before = Pt(18)
    block.paragraph_format.space_after = Pt(18)
    _numbers(doc)
    _p(doc, "{%p if title %}")
    _p(doc, "{{ title }}", style="Afsnitsoverskrift")
    _p(doc, "{%p endif %}")
    _p(doc, "Kære ", "{{r recipient.name|rich }}")
    _p(doc, "{%p for para in intro %}")
    _p(doc, "{{r para|rich }}")
    _p(doc, "{%p endfor %}")


def _closing(doc: Any) -> None:
    _p(doc, "{%p for para in closing %}")
    _p(doc, "{{r para|rich }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "Med venlig hilsen").paragraph_format.space_after = Pt(24)
    signature = _p(doc, "{{ profile.signer }}")
    signature.add_run().add_break()
    signature.add_run("{{ profile.signer_title }}")
    _p(doc, "{%p for annex in annexes %}")
    _p(doc, "{{ annex.line }}")
    _p(doc, "{%p endfor %}")


def _annexes(doc: Any) -> None:
    _p(doc, "{%p for annex in annexes %}")
    _letterhead(doc, page_break=True)
    _numbers(doc, with_document=False)
    _p(doc, "{{ annex.label }}", style="Afsnitsoverskrift")
    _p(doc, "{{ annex.title }}", style="Bilagstitel")
    table = doc.add_table(rows=4, cols=4)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = (Cm(1.2), Cm(7.9), Cm(3.4), Cm(3.4))
    for col, width in enumerate(widths):
        table.columns[col].width = width  # the grid, which LibreOffice and Word lay out by
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))  # the header row repeats on every page of a long list
    for row_index, cells in enumerate((
        [f"{{{{ annex.header[{i}] }}}}" for i in range(4)],
        ["{%tr for row in annex.rows %}", "", "", ""],
        [f"{{{{ row[{i}] }}}}" for i in range(4)],
        ["{%tr endfor %}", "", "", ""],
    )):
        for col, text in enumerate(cells):
            cell = table.rows[row_index].cells[col]
            cell.width = widths[col]
            cell.paragraphs[0].style = doc.styles["Tæt"]
            if text:
                run = cell.paragraphs[0].add_run(text)
                run.bold = row_index == 0
    _p(doc, "{%p endfor %}")


def _footer(doc: Any) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["Etiket"]
    paragraph.add_run("{{ profile.forvaltning }} · {{ profile.address|join(', ') }} · Telefon {{ profile.phone }}"
                      " · {{ profile.web }}")


def build(family: str) -> bytes:
    """The Word template of one family, the same bytes on every run."""
    doc = Document()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.5)
    _styles(doc)
    _head(doc)
    if family == "answer":
        _p(doc, "{%p for q in questions %}")
        _p(doc, "{{r q.line|rich }}")
        _p(doc, "{%p endfor %}")
        _p(doc, "{{ profile.heading }}", style="Afsnitsoverskrift")
    _p(doc, "{%p for s in sections %}")
    _p(doc, "{%p if s.heading %}")
    _p(doc, "{{r s.heading|rich }}", style="Afsnitsoverskrift")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p for para in s.paragraphs %}")
    _p(doc, "{{r para|rich }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p endfor %}")
    _closing(doc)
    _annexes(doc)
    _footer(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = "foi"
    props.title = "{{ title or profile.heading }}"
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    return _deterministic(doc)


def _deterministic(doc: Any) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for family in FAMILIES:
        target = HERE / family / "letter.docx"
        data = build(family)
        if check:
            if not target.is_file() or target.read_bytes() != data:
                print(f"{target} is out of date; run python {Path(__file__).name}")
                status = 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
