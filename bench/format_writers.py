"""The writers of bench/format_variants.py: one document's text as each format foi reads (Word in four
layouts, a web page, e-mails in three forms, PDF in three layouts), as bytes. Plain functions of the
text, so tests/test_format_variants.py writes its own letters with them too.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import io
import re
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

LETTERHEAD_MAX = 60  # characters: a longer line is running text, and the letterhead ends before it
LETTERHEAD_LINES = 14
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


# -- the text, as blocks and letterhead --------------------------------------------------------------
def text_lines(text: str) -> list[str]:
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\f", "\n"))  # XML allows none of them
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def blocks(lines: Sequence[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


_MATTER = re.compile(r"\s*(?:Kære|Spørgsmål|Svar|Ad\s+\d|\d{1,2}[.)]\s|Med venlig)")


def split_letterhead(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """The short lines before the first long line or the first that opens the letter's matter (a
    greeting, a question, an answer; at most LETTERHEAD_LINES) and the rest."""
    head: list[str] = []
    for n, line in enumerate(lines):
        if len(line.strip()) > LETTERHEAD_MAX or _MATTER.match(line) or len(head) >= LETTERHEAD_LINES:
            return [h for h in head if h.strip()], list(lines[n:])
        head.append(line)
    return [], list(lines)  # all short: no body to set apart


def letterhead_cells(head: Sequence[str]) -> tuple[list[str], list[str]]:
    """Left cell: the lines before the first one with a digit (names, units); right cell: the rest
    (dates, numbers, addresses). Reading left then right keeps the order of the text."""
    cut = next((i for i, line in enumerate(head) if any(c.isdigit() for c in line)), len(head))
    if cut == 0 or cut == len(head):
        cut = (len(head) + 1) // 2
    return list(head[:cut]), list(head[cut:])


# -- writers: text -> bytes of each format -----------------------------------------------------------
def to_docx(text: str, breaks: bool = False) -> bytes:
    """A paragraph per line and an empty one per blank line; or, with `breaks`, a paragraph per block
    with its lines parted by line breaks (Shift+Enter)."""
    import docx

    document = docx.Document()
    if breaks:
        for block in blocks(text_lines(text)):
            paragraph = document.add_paragraph(block[0])
            for line in block[1:]:
                paragraph.add_run().add_break()
                paragraph.add_run(line)
    else:
        _docx_paragraphs(document, text_lines(text))
    return _saved(document)


def _docx_paragraphs(document: Any, lines: Sequence[str]) -> None:
    for line in lines:
        document.add_paragraph(line)


def _fill_table(table: Any, cells: Sequence[Sequence[str]]) -> None:
    for cell, texts in zip(table.rows[0].cells, cells, strict=True):
        cell.paragraphs[0].text = texts[0] if texts else ""
        for line in texts[1:]:
            cell.add_paragraph(line)


def to_docx_table(text: str, in_header: bool = False) -> bytes:
    """The letterhead in a two-cell table atop the body, or in the first page's header."""
    import docx
    from docx.shared import Cm

    head, rest = split_letterhead(text_lines(text))
    document = docx.Document()
    if head:
        if in_header:
            section = document.sections[0]
            section.different_first_page_header_footer = True
            table = section.first_page_header.add_table(1, 2, Cm(16))
        else:
            table = document.add_table(1, 2)
        _fill_table(table, letterhead_cells(head))
    _docx_paragraphs(document, rest)
    return _saved(document)


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NAV = """<header class="site-header"><a class="logo" href="/">{site}</a>
<nav class="main-menu"><ul><li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li>
<li><a href="/politik">Politik</a></li><li><a href="/kontakt">Kontakt</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Forside</a> › <a href="/politik">Politik</a> › Spørgsmål og svar</div>
"""
_FOOTER = """<footer class="site-footer"><p>{site}<br>Rådhuspladsen 1<br>9999 Byen<br>Telefon 99 99 99 99<br>
CVR 12345678 · EAN 5798000000000</p><p><a href="/cookies">Cookies</a> · <a href="/tilgaengelighed">
Tilgængelighedserklæring</a></p></footer>"""


def _html_paragraphs(lines: Sequence[str]) -> str:
    return "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in block) + "</p>" for block in blocks(lines))


def to_html(text: str, site: str = "Byen Kommune") -> bytes:
    """A municipality web page with the text in its content column, amid menus and a footer."""
    page = (f'<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><title>{html.escape(site)}</title>'
            f'</head>\n<body>\n{_NAV.format(site=html.escape(site))}<main><div class="content">\n'
            f'{_html_paragraphs(text_lines(text))}\n</div></main>\n{_FOOTER.format(site=html.escape(site))}\n'
            "</body></html>\n")
    return page.encode("utf-8")


def _outlook_html(lines: Sequence[str]) -> str:
    """Outlook's markup: every line a <p class=MsoNormal>, a blank line one holding only &nbsp;."""
    paragraphs = [f'<p class="MsoNormal">{html.escape(line) if line.strip() else "<o:p>&nbsp;</o:p>"}</p>'
                  for line in lines]
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            '<body lang="DA"><div class="WordSection1">\n' + "\n".join(paragraphs) + "\n</div></body></html>")


def to_eml(text: str, sent: dt.datetime, as_html: bool = False, attached: bytes = b"") -> bytes:
    """The text as the body of an e-mail sent at `sent`: text/plain, or HTML only as Outlook writes it;
    or, given `attached`, a short covering note with the text attached as a Word document."""
    lines = text_lines(text)
    message = EmailMessage()
    message["From"] = "Sekretariatet <sekretariat@byen.example.dk>"
    message["To"] = "Modtager <modtager@example.dk>"
    subject = next((line.strip() for line in lines if line.strip()), "")
    message["Subject"] = subject[:100]
    message["Date"] = format_datetime(sent)
    if attached:
        message.set_content("Hermed svar, se vedhæftede brev.\n\nMed venlig hilsen\nSekretariatet\n")
        message.add_attachment(attached, maintype="application", filename="svar.docx",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document")
    elif as_html:
        message.set_content(_outlook_html(lines), subtype="html", cte="quoted-printable")
    else:
        message.set_content("\n".join(lines) + "\n", cte="quoted-printable")
    return message.as_bytes()


def pdf_available() -> str:
    """'' where reportlab can be imported, else why not."""
    return "" if importlib.util.find_spec("reportlab") else "reportlab is not installed (pip install reportlab)"


def to_pdf(text: str, letter: bool = False, justify: bool = False) -> bytes:
    """A4, one column over as many pages as it takes, 10 pt, long lines wrapped, a blank line as space.

    With `letter`, as a municipality prints a letter: the letterhead lines in a 7.5 pt sidebar right
    of the body on the first page, the first of them as a running header on the later pages, and
    "Side N af M" at the foot of every page. With `justify`, a wrapped line's spaces are widened to
    fill the column (each word drawn at its place, as justified text is set)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    font, clean = _pdf_font()
    size, lead = 10.0, 12.5
    width, height = A4
    left, top, bottom = 25 * mm, 25 * mm, 25 * mm
    right = width - (80 if letter else 25) * mm
    head, lines = split_letterhead(text_lines(text)) if letter else ([], text_lines(text))
    pages: list[list[tuple[float, str, bool]]] = [[]]
    y = height - top
    for line in lines:
        pieces = _wrap(clean(line.replace("\t", "    ")), font, size, right - left) or [""]
        for n, piece in enumerate(pieces):
            if y < bottom:
                pages.append([])
                y = height - top
            if piece:
                pages[-1].append((y, piece, justify and n < len(pieces) - 1))
            y -= lead
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    for number, placed in enumerate(pages, start=1):
        canvas.setFont(font, size)
        for y, piece, stretch in placed:
            if stretch:
                _justified(canvas, piece, left, right, y, font, size)
            else:
                canvas.drawString(left, y, piece)
        if letter:
            canvas.setFont(font, 7.5)
            side = head if number == 1 else []
            for n, piece in enumerate(p for line in side for p in _wrap(clean(line), font, 7.5, 55 * mm)):
                canvas.drawString(width - 68 * mm, height - top - n * 9.5, piece)
            if number > 1 and head:
                canvas.drawString(left, height - 12 * mm, clean(head[0]))
            canvas.drawString(width - 45 * mm, 12 * mm, f"Side {number} af {len(pages)}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _justified(canvas: Any, line: str, left: float, right: float, y: float, font: str, size: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = line.split(" ")
    if len(words) < 2:
        canvas.drawString(left, y, line)
        return
    gap = (right - left - sum(stringWidth(w, font, size) for w in words)) / (len(words) - 1)
    x = left
    for word in words:
        canvas.drawString(x, y, word)
        x += stringWidth(word, font, size) + gap


def _wrap(line: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    if current.strip():
        out.append(current)
    return out


def _pdf_font() -> tuple[str, Callable[[str], str]]:
    """DejaVu Sans where installed (every character of the samples), else Helvetica on cp1252."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for folder in FONT_DIRS:
        regular = Path(folder, "DejaVuSans.ttf")
        if regular.exists():
            if "Variant" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("Variant", str(regular)))
            return "Variant", lambda s: s
    return "Helvetica", lambda s: s.encode("cp1252", "replace").decode("cp1252")


def sent_date(doc_date: str) -> dt.datetime:
    """An e-mail's send time: the document's own day (a letter goes out the day it is dated, and an
    e-mail's date is its document date), or a fixed day when the document has none."""
    tz = dt.timezone(dt.timedelta(hours=1))
    try:
        day = dt.date.fromisoformat(doc_date.strip())
    except ValueError:
        day = dt.date(2024, 1, 15)
    return dt.datetime(day.year, day.month, day.day, 10, 15, tzinfo=tz)


WRITERS: dict[str, tuple[str, Callable[[str, dt.datetime], bytes]]] = {
    "docx": (".docx", lambda text, sent: to_docx(text)),
    "docx-breaks": (".docx", lambda text, sent: to_docx(text, breaks=True)),
    "docx-table": (".docx", lambda text, sent: to_docx_table(text)),
    "docx-header": (".docx", lambda text, sent: to_docx_table(text, in_header=True)),
    "html": (".html", lambda text, sent: to_html(text)),
    "eml": (".eml", lambda text, sent: to_eml(text, sent)),
    "eml-html": (".eml", lambda text, sent: to_eml(text, sent, as_html=True)),
    "eml-docx": (".eml", lambda text, sent: to_eml(text, sent, attached=to_docx_table(text))),
    "pdf": (".pdf", lambda text, sent: to_pdf(text)),
    "pdf-justified": (".pdf", lambda text, sent: to_pdf(text, justify=True)),
    "pdf-letter": (".pdf", lambda text, sent: to_pdf(text, letter=True)),
}


def write(fmt: str, text: str, doc_date: str = "") -> tuple[str, bytes]:
    """One variant of `text`: (file suffix, bytes)."""
    suffix, writer = WRITERS[fmt]
    return suffix, writer(text, sent_date(doc_date))


def variants(text: str, doc_date: str = "", with_pdf: bool = True) -> dict[str, tuple[str, bytes]]:
    """format name -> (file suffix, bytes) for one text."""
    return {fmt: write(fmt, text, doc_date) for fmt in WRITERS if with_pdf or not fmt.startswith("pdf")}


# -- extraction and scoring --------------------------------------------------------------------------
