#!/usr/bin/env python3
"""Do the same documents give the same facts in every format foi reads?

    .venv/bin/python bench/format_variants.py [FOLDER] [-v] [--keep DIR] [--only NAME ...]

FOLDER (default ../shared/samples/realworld) holds .txt files and the manifest.tsv that
`../shared/eval/score_manifest.py` scores. Each .txt is written, in a temporary folder, as:

  docx         one Word paragraph per line, an empty paragraph for a blank line
  docx-breaks  one Word paragraph per block, its lines parted by line breaks (Shift+Enter)
  docx-table   the letterhead lines (the short lines before the first long one) in a two-cell table
               at the top of the body, the rest as paragraphs, as Word letter templates are made
  docx-header  the same letterhead table in the first page's header (Word's "different first page")
  html         a municipality web page: <nav>, breadcrumb and <footer> debris around
               <div class="content"> with a <p> per block and <br> between its lines
  eml          the text as the text/plain body of an e-mail with From, To, Subject and Date headers
  eml-html     the text as an HTML-only e-mail body in Outlook's markup (<p class=MsoNormal> per line)
  eml-docx     a short covering e-mail with the docx-table document attached
  pdf          A4, one column flowing over pages, 10 pt, long lines wrapped (reportlab; skipped with a
               message where it is not installed)
  pdf-justified  the same with justified lines (spaces widened to fill the column)
  pdf-letter   the same with the letterhead lines in a sidebar on the first page, a running header on
               the later ones and "Side N af M" at the foot

The e-mails are sent on the document's own date (a letter goes out the day it is dated; an e-mail's
date is the date it was sent, so another day would rightly be its date).

Every variant is extracted in-process (`process_bytes` and `file_json`, what `foi extract --json`
prints) and scored with the scorer's own `score_file`, loaded by path. The table gives each format's
figures per fact kind; below it, the files whose score drops compared with their .txt, and the files
whose facts differ from the .txt's own (kind, date, case numbers, answers, signers), gold or not.
The writers are plain functions of the text, so tests/test_format_variants.py writes its letters
with them too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import importlib.util
import io
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_manifest.py"
FIELDS = ("case", "date", "answers", "companies", "people")
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
def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_manifest", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(path: Path) -> list[dict[str, Any]]:
    """What `foi extract --json PATH` prints as "documents", computed in this process."""
    from foi.extract.jsonout import file_json
    from foi.extract.process import process_file
    from foi.settings import Settings

    result = process_file(path, Settings())
    if result.status != "ok":
        print(f"  {path.name}: {result.error}", file=sys.stderr)
    documents: list[dict[str, Any]] = file_json(result)["documents"]
    return documents


def field_score(result: dict[str, Any], name: str) -> float | None:
    value = result.get(name)
    if value is None:
        return None
    if name == "case":
        tp, fp, fn = value
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    hit, total = value
    return hit / total if total else None


def own_facts(docs: Sequence[dict[str, Any]], norm: Callable[[str], str]) -> dict[str, object]:
    """The facts the contract says every format must give alike, as comparable values. An e-mail's
    own header document is left out: the other formats have no e-mail around the text."""
    docs = [d for d in docs if not (d.get("kind") == "email" and len(docs) > 1)] or list(docs)
    return {
        "kind": tuple(d.get("kind") for d in docs),
        "date": tuple(sorted({d["date"] for d in docs if d.get("date")})),
        "case": tuple(sorted({norm(c["value"]) for d in docs for k in ("case_numbers", "cited_case_numbers")
                              for c in d.get(k, [])})),
        "answers": max((len(d.get("answers", [])) for d in docs), default=0),
        "signers": tuple(sorted({norm(p["name"]) for d in docs for p in d.get("signers", [])})),
        "sent_by": {norm(p["name"]) for d in docs for k in ("signers", "senders") for p in d.get(k, [])},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, nargs="?", default=SHARED / "samples" / "realworld")
    ap.add_argument("-v", "--verbose", action="store_true", help="every miss, file by file")
    ap.add_argument("--keep", type=Path, help="write the variants here (outside the project) and keep them")
    ap.add_argument("--only", nargs="*", default=[], help="only files whose name contains one of these")
    a = ap.parse_args()
    scorer = load_scorer()
    rows = list(csv.DictReader(open(a.folder / "manifest.tsv", encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if not a.only or any(o in r["file"] for o in a.only)]
    why_no_pdf = pdf_available()
    if why_no_pdf:
        print(f"PDF variants skipped: {why_no_pdf}")
    formats = ["txt", *(f for f in WRITERS if not (why_no_pdf and f.startswith("pdf")))]
    started = time.perf_counter()
    results: dict[str, list[dict[str, Any]]] = {f: [] for f in formats}
    facts: dict[str, list[dict[str, object]]] = {f: [] for f in formats}
    with tempfile.TemporaryDirectory(prefix="foi-variants-") as tmp:
        folder = a.keep or Path(tmp)
        if folder.resolve().is_relative_to(ROOT) or folder.resolve().is_relative_to(SHARED):
            raise SystemExit("--keep must be outside the project and ../shared")
        folder.mkdir(parents=True, exist_ok=True)
        for row in rows:
            source = a.folder / row["file"]
            text = source.read_text(encoding="utf-8")
            made = {"txt": (".txt", source.read_bytes())} | variants(text, row.get("doc_date", ""), not why_no_pdf)
            for fmt in formats:
                suffix, data = made[fmt]
                path = folder / fmt / (Path(row["file"]).stem + suffix)
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                docs = extract(path)
                results[fmt].append(scorer.score_file(row, docs))
                facts[fmt].append(own_facts(docs, scorer.norm))
    report(rows, formats, results, facts, a.verbose)
    print(f"\n{len(rows)} files x {len(formats)} formats in {time.perf_counter() - started:.0f} s")
    return 0


def report(rows: list[dict[str, str]], formats: list[str], results: dict[str, list[dict[str, Any]]],
           facts: dict[str, list[dict[str, object]]], verbose: bool) -> None:
    print(f"{'format':<14}" + "".join(f"{f:>11}" for f in ("case F1", "date", "answers", "companies", "people"))
          + f"{'drops':>7}{'differ':>8}")
    for fmt in formats:
        res = results[fmt]
        tp, fp, fn = (sum(r["case"][i] for r in res) for i in range(3))
        cells = [f"{2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0:.2f}"]
        for name in FIELDS[1:]:
            hit, total = (sum(r[name][i] for r in res if name in r) for i in (0, 1))
            cells.append(f"{hit / total if total else 1.0:.2f}/{total}")
        drops = sum(1 for i in range(len(rows)) if _drops(results["txt"][i], res[i]))
        differ = sum(1 for i in range(len(rows)) if _differs(facts["txt"][i], facts[fmt][i], fmt))
        print(f"{fmt:<14}" + "".join(f"{c:>11}" for c in cells) + f"{drops:>7}{differ:>8}")
    for fmt in formats[1:]:
        lines = []
        for i, row in enumerate(rows):
            dropped = _drops(results["txt"][i], results[fmt][i])
            if dropped:
                lines.append(f"  {row['file']}: {', '.join(dropped)}")
                if verbose:
                    lines += [f"      {m}" for m in results[fmt][i]["miss"] if m not in results["txt"][i]["miss"]]
            differs = _differs(facts["txt"][i], facts[fmt][i], fmt)
            if differs and (verbose or not dropped):
                lines.append(f"  {row['file']}: differs from .txt in {', '.join(differs)}")
                if verbose:
                    lines += [f"      {k}: txt {facts['txt'][i][k]} / {fmt} {facts[fmt][i][k]}" for k in differs]
        print(f"\n{fmt}: {'nothing drops or differs' if not lines else ''}")
        print("\n".join(lines)) if lines else None


def _drops(base: dict[str, Any], other: dict[str, Any]) -> list[str]:
    out = []
    for name in FIELDS:
        a, b = field_score(base, name), field_score(other, name)
        if a is not None and b is not None and b < a - 1e-9:
            out.append(f"{name} {a:.2f}->{b:.2f}")
    return out


def _differs(base: dict[str, object], other: dict[str, object], fmt: str) -> list[str]:
    """The facts that differ. An e-mail is of kind email whatever its body, its date is the date it was
    sent where the text has none, and the name it is signed with is its sender: for e-mails, kind is
    not compared, the date only where the text has one, and a signer is found as signer or sender."""
    skip = {"sent_by"}
    if fmt.startswith("eml"):
        skip |= {"kind"} | ({"date"} if not base["date"] else set())
        if set(base["signers"]) <= other["sent_by"]:  # type: ignore[operator, call-overload]
            skip.add("signers")
    return [key for key in base if key not in skip and base[key] != other[key]]


if __name__ == "__main__":
    sys.exit(main())
