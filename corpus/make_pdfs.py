#!/usr/bin/env python3
"""Render the seed text extractions `corpus/<stem>.txt` as municipal-letter PDFs `corpus/<stem>.pdf`.

Run `python corpus/make_pdfs.py`; the output is byte-stable (reportlab's invariant mode). The PDFs give
the PDF reader what real letters give it: a body column (128 mm) on the left and a sidebar (45 mm) on
the right of A4, running headers, page numbers, wrapped and hyphenated lines, a ruled table. Each
logical document starts on a new page; letters, memos and annexes carry date, case numbers, address
and contact lines in the sidebar of their first page, a small running header on later pages and
"Side N af M" (per document) at the foot. E-mails (an Outlook print) and web pages (a browser print,
title on top and "N/M" at the foot of every page) have one column. The rules, in order:

1. Documents: a run of three or more empty lines starts a new document; in the seeds these runs stand
   exactly before a "KØBENHAVNS KOMMUNE" letterhead, an e-mail header block or a dated memo head.
   Lines the extraction glued together ("2015-0186920Dokumentnr.", "Schimmell**Notat") are cut
   before a case-number label or an opening "**".
2. Kinds: an e-mail has "Fra:" and "Sendt:"/"Emne:" lines near its top; a web page print mentions
   cookies in its first block; anything else is a letter (memo, annex) with a sidebar.
3. Letterhead: a first line "<NAME> KOMMUNE" in capitals, and the short block after it (administration,
   unit), head the body column.
4. Sidebar lines, in letters only: a label alone (Sagsnr., Sagsnummer i F2, Dokumentnr., Dokumentnummer
   i ..., Sagsbehandler, Telefon, Direkte telefon, Telefax, E-mail, EAN nummer, CVR) and the value line
   after it; a label with its value on the line (Afdeling: ..., Direkte ..., Web ..., EAN ...); a line
   that is only a date ("23. oktober 2018", "10-03-2023"); a postal-code line ("1550 København V") and
   the street or building line above it; a web address alone ("www.kk.dk"). Whole blocks: a short unit
   name (Direktion, ... kontor, ...-stab) right before a sidebar block; a notice with a "<https://...>"
   link or about "Digital post"; an "Åbningstider" block and the tab-separated rows after it. The
   recipient block ("Til ...") and the contact lines right after it stay in the body.
5. Placement: sidebar lines before the first body paragraph (a line over 60 characters, or "Kære ...")
   go to the top of the document's first sidebar; sidebar lines met later (page-break debris in the
   extraction) go to the foot of the sidebar of the page where the body text before them ends. A block
   of administration names alone amid the body ("Direktionen / Beskæftigelses- og
   Integrationsforvaltningen") is a running header the extraction kept: dropped, it becomes the
   document's running header.
6. Body: a long line that stops mid-sentence and a next body block that starts in lower case are one
   paragraph cut by a page break, joined again. Lines wrap at the column width; a long lower-case word
   that would leave a sixth of a line empty is hyphenated at line end. Blocks of tab-separated lines
   become a ruled table; "**" marks bold text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
PAGE_W, PAGE_H = A4
LEFT, BODY_W = 18 * mm, 128 * mm
SIDE_X, SIDE_W = LEFT + BODY_W + 12 * mm, 45 * mm
TOP, BOTTOM, BAND = 28 * mm, 25 * mm, 12 * mm  # first text line, lowest text line, header/footer line
BODY_SIZE, BODY_LEAD, BLOCK_GAP = 10.0, 13.0, 7.0
SIDE_SIZE, SIDE_LEAD, SMALL = 7.5, 9.5, 7.5
TABLE_SIZE, TABLE_LEAD, PAD = 8.0, 10.0, 2.5
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")

MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
DATE = re.compile(rf"^\d{{1,2}}\. ?(?:{MONTHS}) \d{{4}}$|^\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{4}}$", re.I)
LABEL = re.compile(
    r"^(?:Sagsnr\.?|Sagsnummer(?: i [\w-]+)?|Dokumentnr\.?|Dokumentnummer(?: i [\w-]+)?|Sagsbehandler"
    r"|Telefon|Direkte telefon|Telefax|E-?mail|EAN(?: ?nummer)?|CVR(?: ?nr\.?)?)\s*:?$", re.I)
INLINE = re.compile(r"^(?:Afdeling|Direkte|Telefon|E-?mail|Mail|Web|EAN|CVR)\s*:?\s+\S", re.I)
CONTACT = re.compile(r"^(?:E-?mail|Mail|Telefon|Tlf\.?)\s*:\s*\S", re.I)
POSTAL = re.compile(r"^\d{4} [A-ZÆØÅ][\wæøå]+(?: [A-ZÆØÅ]\w*)?\.?$")
WEB = re.compile(r"^(?:www\.|https?://)\S+$")
UNIT = re.compile(r"direktion|kontor|stab\b|afdeling|sekretariat|center", re.I)
RUNNING = re.compile(r"^(?:Direktion(?:en)?|[\w -]*forvaltningen)(?: [\w -]*forvaltningen)?$")
NOTICE = re.compile(r"<https?://|Digital post", re.I)
LETTERHEAD = re.compile(r"^[A-ZÆØÅ ]+ KOMMUNE$")
GLUED = re.compile(r"(?<=\d)(?=Sagsnr\.|Dokumentnr\.|Sagsbehandler)|(?<=\w)(?=\*\*\w)")
MAIL_LABEL = re.compile(r"^(Fra|Sendt|Til|Cc|Emne|Vedhæftede filer):\s")
SENTENCE_END = re.compile(r"[.!?:;\"”»)]$")

Runs = list[tuple[str, bool]]  # (text, bold)


@dataclass
class Item:
    """One piece of a document's flow: a body block, a sidebar block, the letterhead."""

    kind: str  # letterhead | body | head-side | side
    lines: list[str]
    marks: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (line, char offset, sidebar)


@dataclass
class PageOps:
    doc: int
    header: str
    ops: list[tuple] = field(default_factory=list)
    side_top: list[list[str]] = field(default_factory=list)
    side_bottom: list[list[str]] = field(default_factory=list)


def setup_fonts() -> tuple[str, str, Callable[[str], str]]:
    """DejaVu Sans where installed (it has every character of the seeds), else Helvetica on cp1252."""
    for folder in FONT_DIRS:
        regular, bold = Path(folder, "DejaVuSans.ttf"), Path(folder, "DejaVuSans-Bold.ttf")
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("Body", str(regular)))
            pdfmetrics.registerFont(TTFont("Body-Bold", str(bold)))
            return "Body", "Body-Bold", lambda s: s
    return "Helvetica", "Helvetica-Bold", lambda s: s.encode("cp1252", "replace").decode("cp1252")


FONT, BOLD, CLEAN = setup_fonts()


def width(text: str, bold: bool, size: float) -> float:
    return pdfmetrics.stringWidth(text, BOLD if bold else FONT, size)


def split_documents(text: str) -> list[list[list[str]]]:
    """Documents as lists of blocks (runs of non-blank lines), by rule 1."""
    docs: list[list[list[str]]] = []
    blocks: list[list[str]] = []
    block: list[str] = []
    blanks = 0
    for raw in text.replace("\r\n", "\n").split("\n") + [""]:
        line = raw.rstrip()
        if not line.strip():
            if block:
                blocks.append(block)
                block = []
            blanks = blanks + 1 if not raw.strip(" \t") else 0  # a no-break space is not an empty line
            continue
        if blanks >= 3 and blocks and not block:
            docs.append(blocks)
            blocks = []
        blanks = 0
        block.extend(part for part in GLUED.split(line) if part)
    return docs + ([blocks] if blocks else [])


def line_sides(block: list[str]) -> list[bool]:
    """Which lines of a block are sidebar lines, by the line rules of rule 4."""
    side = [False] * len(block)
    for i, raw in enumerate(block):
        line = raw.strip()
        if LABEL.match(line):  # the label and its value below it
            side[i : i + 2] = [True] * len(side[i : i + 2])
        elif POSTAL.match(line):  # the postal code and the street above it
            side[max(i - 1, 0) : i + 1] = [True] * (2 if i else 1)
        elif INLINE.match(line) or DATE.match(line) or WEB.match(line):
            side[i] = True
    return side


def letter_flow(blocks: list[list[str]]) -> tuple[list[Item], str]:
    """A letter's blocks as a flow of items (rules 3-5) and its running header."""
    items: list[Item] = []
    running = ""
    i = 0
    if blocks and LETTERHEAD.match(blocks[0][0]):
        head = list(blocks[0])
        nxt = blocks[1] if len(blocks) > 1 else []
        if nxt and len(nxt) <= 3 and not any(line_sides(nxt)) and not nxt[0].startswith("Til"):
            head += nxt
        items.append(Item("letterhead", head))
        i = 2 if len(head) > len(blocks[0]) else 1
        running = " · ".join([head[0].title()] + head[1:2])
    in_head, recipient, debris_header = True, False, ""
    while i < len(blocks):
        block, nxt = blocks[i], (blocks[i + 1] if i + 1 < len(blocks) else [])
        where = "head-side" if in_head else "side"
        was_recipient, recipient = recipient, False
        if in_head and re.match(r"Til\b", block[0]):
            items.append(Item("body", block))
            recipient = True
        elif in_head and was_recipient and all(CONTACT.match(line) for line in block):
            items.append(Item("body", block))
        elif NOTICE.search(" ".join(block)):
            items.append(Item(where, block))
        elif block[0].startswith("Åbningstider"):
            items.append(Item(where, block))
            if nxt and all("\t" in line for line in nxt):
                items.append(Item(where, nxt))
                i += 1
        elif len(block) <= 2 and all(UNIT.search(x) and len(x) < 50 for x in block) and nxt and line_sides(nxt)[0]:
            items.append(Item(where, block))
            running = running or block[0]
        elif not in_head and all(RUNNING.match(line.strip()) for line in block):
            debris_header = debris_header or " ".join(block)
        else:
            for is_side, run in groupby(zip(line_sides(block), block, strict=True), key=lambda pair: pair[0]):
                lines = [line for _, line in run]
                if not is_side and (lines[0].startswith("Kære") or any(len(x) > 60 for x in lines)):
                    in_head = False
                items.append(Item(("head-side" if in_head else "side") if is_side else "body", lines))
        i += 1
    return join_cut_paragraphs(items), debris_header or running


def join_cut_paragraphs(items: list[Item]) -> list[Item]:
    """Rule 6: a body block cut mid-sentence (by a page break or sidebar debris) is joined again."""
    out: list[Item] = []
    last: Item | None = None
    pending: list[Item] = []  # sidebar debris met since the last body block
    for item in items:
        if item.kind == "side":
            pending.append(item)
            continue
        if item.kind == "body" and last is not None:
            tail = last.lines[-1]
            if len(tail) > 60 and not SENTENCE_END.search(tail) and item.lines[0][:1].islower():
                offset = len(tail) + 1
                last.lines[-1] = tail + " " + item.lines[0]
                last.lines += item.lines[1:]
                last.marks += [(len(last.lines) - len(item.lines), offset, p.lines) for p in pending]
                pending = []
                continue
        out += pending
        pending = []
        out.append(item)
        last = item if item.kind == "body" else last
    return out + pending


def parse_runs(block: list[str]) -> list[tuple[int, list[tuple[str, bool]]]]:
    """Each line as (indent, words with a bold flag); "**" toggles bold across the block."""
    bold, out = False, []
    for line in block:
        words: list[tuple[str, bool]] = []
        for j, seg in enumerate(line.split("**")):
            bold = bold if j == 0 else not bold
            words += [(CLEAN(w), bold) for w in seg.split()]
        out.append((1 if line[:1] == " " else 0, words))
    return out


def wrap(words: list[tuple[str, bool]], avail: float, size: float, hyphenate: bool) -> list[tuple[Runs, int]]:
    """Words as lines that fit `avail`, each with the character offset where it ends."""
    lines: list[tuple[Runs, int]] = []
    line: Runs = []
    used, offset = 0.0, 0
    queue = list(words)
    while queue:
        word, bold = queue.pop(0)
        need = width((" " if line else "") + word, bold, size)
        if not line or used + need <= avail:
            line.append((word, bold))
            used += need
            offset += len(word) + 1
            continue
        core = word.rstrip(".,;:")
        room = avail - used - width(" -", bold, size)
        if hyphenate and not bold and core.isalpha() and core.islower() and len(core) >= 12 and room > avail / 6:
            cut = max((k for k in range(6, len(core) - 4) if width(word[:k], False, size) <= room), default=0)
            if cut:
                line.append((word[:cut] + "-", False))
                queue.insert(0, (word[cut:], False))
                offset += cut
                lines.append((line, offset))
                line, used = [], 0.0
                continue
        lines.append((line, offset))
        line, used = [], 0.0
        queue.insert(0, (word, bold))
    if line:
        lines.append((line, offset))
    return lines


class Layout:
    """Lays documents out on pages; draws nothing until `render`."""

    def __init__(self) -> None:
        self.pages: list[PageOps] = []
        self.y = 0.0
        self.hyphenated = 0

    def new_page(self, doc: int, header: str) -> None:
        self.pages.append(PageOps(doc, header))
        self.y = TOP

    def room(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM:
            self.new_page(self.pages[-1].doc, self.pages[-1].header)

    def text_line(self, runs: Runs, x: float, size: float) -> None:
        self.room(size * 1.3)
        self.pages[-1].ops.append(("text", x, self.y + size, runs, size))
        self.y += size * 1.3

    def block(self, item: Item, size: float = BODY_SIZE, hyphenate: bool = True) -> None:
        if len(item.lines) > 1 and all("\t" in line for line in item.lines):
            self.table([line.split("\t") for line in item.lines])
        else:
            for index, (indent, words) in enumerate(parse_runs(item.lines)):
                marks = [m for m in item.marks if m[0] == index]
                for runs, end in wrap(words, BODY_W - indent * 6 * mm, size, hyphenate):
                    self.hyphenated += runs[-1][0].endswith("-") and runs[-1][0][-2:-1].isalpha()
                    self.text_line(runs, LEFT + indent * 6 * mm, size)
                    self.pages[-1].side_bottom += [m[2] for m in marks if m[1] <= end]
                    marks = [m for m in marks if m[1] > end]
                self.pages[-1].side_bottom += [m[2] for m in marks]
        self.y += BLOCK_GAP

    def table(self, rows: list[list[str]]) -> None:
        ncols = max(len(r) for r in rows)
        first = BODY_W * 0.28
        widths = [first] + [(BODY_W - first) / (ncols - 1)] * (ncols - 1)
        cells = [[wrap([(w, r == 0) for w in cell.split()], widths[c] - 2 * PAD, TABLE_SIZE, False)
                  for c, cell in enumerate(row + [""] * (ncols - len(row)))] for r, row in enumerate(rows)]
        heights = [max(1, *(len(c) for c in row)) * TABLE_LEAD + 2 * PAD for row in cells]
        self.room(sum(heights))
        for row, height in zip(cells, heights, strict=True):
            x = LEFT
            for cell, w in zip(row, widths, strict=True):
                self.pages[-1].ops.append(("rect", x, self.y, w, height))
                for k, (runs, _) in enumerate(cell):
                    self.pages[-1].ops.append(("text", x + PAD, self.y + PAD + TABLE_SIZE + k * TABLE_LEAD,
                                               runs, TABLE_SIZE))
                x += w
            self.y += height

    def document(self, index: int, blocks: list[list[str]]) -> None:
        kind = kind_of(blocks)
        if kind != "letter":  # one column: an Outlook print (mailbox owner ruled off) or a browser print
            title = next(line for b in blocks for line in b if "cookie" not in line.lower())
            self.new_page(index, "mail:" if kind == "email" else "web:" + title)
            if kind == "email" and len(blocks[0]) == 1:
                self.text_line([(CLEAN(blocks.pop(0)[0]), True)], LEFT, 12)
                self.pages[-1].ops.append(("rule", LEFT, self.y, LEFT + BODY_W, self.y))
                self.y += BLOCK_GAP
            for block in blocks:
                self.block(Item("body", [MAIL_LABEL.sub(r"**\1:** ", line) for line in block]))
            return
        items, running = letter_flow(blocks)
        self.new_page(index, running)
        for item in items:
            if item.kind == "letterhead":
                self.text_line([(CLEAN(item.lines[0]), True)], LEFT, 15)
                for line in item.lines[1:]:
                    self.text_line([(CLEAN(line), False)], LEFT, 9)
                self.y += 8 * mm
            elif item.kind == "head-side":
                first_page = next(p for p in self.pages if p.doc == index)
                first_page.side_top.append(item.lines)
            elif item.kind == "side":
                self.pages[-1].side_bottom.append(item.lines)
            else:
                self.block(item)


def kind_of(blocks: list[list[str]]) -> str:
    """Rule 2."""
    first = [line for block in blocks[:6] for line in block][:14]
    if any(x.startswith("Fra:") for x in first) and any(x.startswith(("Sendt:", "Emne:")) for x in first):
        return "email"
    return "web" if "cookie" in " ".join(blocks[0]).lower() else "letter"


def side_lines(block: list[str]) -> list[list[tuple[str, float]]]:
    """A sidebar block as (text, x) pieces per visual line; tab rows keep two columns."""
    out: list[list[tuple[str, float]]] = []

    def flush(words: list[str]) -> None:
        for runs, _ in wrap([(w, False) for w in words], SIDE_W, SIDE_SIZE, False):
            out.append([(" ".join(w for w, _ in runs), SIDE_X)])
        words.clear()

    for line in block:
        line = CLEAN(line.replace("**", "").strip())
        if "\t" in line:
            label, _, value = line.partition("\t")
            out.append([(label, SIDE_X), (value.strip(), SIDE_X + 26 * mm)])
            continue
        words: list[str] = []
        for word in line.split():
            if width(word, False, SIDE_SIZE) <= SIDE_W:
                words.append(word)
            else:  # a link wider than the sidebar: one piece a line, cut after "/"
                flush(words)
                out += [[(piece, SIDE_X)] for piece in re.findall(r"[^/]+/*", word)]
        flush(words)
    return out


def render(layout: Layout, path: Path) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(path.stem)
    counts = {doc: sum(1 for p in layout.pages if p.doc == doc) for doc in {p.doc for p in layout.pages}}
    seen: dict[int, int] = {}
    for page in layout.pages:
        seen[page.doc] = number = seen.get(page.doc, 0) + 1
        total = counts[page.doc]
        canvas.setLineWidth(0.6)
        for op in page.ops:
            kind, x, y, a, b = op
            if kind == "rect":
                canvas.rect(x, PAGE_H - y - b, a, b, stroke=1, fill=0)
            elif kind == "rule":
                canvas.line(x, PAGE_H - y, a, PAGE_H - y)
            for k, (is_bold, group) in enumerate(groupby(a if kind == "text" else [], key=lambda r: r[1])):
                text = (" " if k else "") + " ".join(w for w, _ in group)  # a run of one style
                canvas.setFont(BOLD if is_bold else FONT, b)
                canvas.drawString(x, PAGE_H - y, text)
                x += width(text, is_bold, b)
        height = sum((len(side_lines(b)) + 1) * SIDE_LEAD for b in page.side_bottom) - SIDE_LEAD
        stacks = [(TOP, page.side_top), (PAGE_H - BOTTOM - height, page.side_bottom)]
        canvas.setFont(FONT, SIDE_SIZE)
        for y, blocks in stacks:
            for block in blocks:
                for pieces in side_lines(block):
                    for text, x in pieces:
                        canvas.drawString(x, PAGE_H - y - SIDE_SIZE, text)
                    y += SIDE_LEAD
                y += SIDE_LEAD
        canvas.setFont(FONT, SMALL)
        if page.header.startswith("web:"):
            canvas.drawString(LEFT, PAGE_H - BAND, CLEAN(page.header[4:]))
            canvas.drawRightString(PAGE_W - LEFT, BAND, f"{number}/{total}")
        elif page.header == "mail:":
            canvas.drawCentredString(PAGE_W / 2, BAND, str(number))
        else:
            if number > 1 and page.header:
                canvas.drawString(LEFT, PAGE_H - BAND, CLEAN(page.header))
            canvas.drawString(LEFT, BAND, f"Side {number} af {total}")
        canvas.showPage()
    canvas.save()


def build(source: Path) -> tuple[Path, Layout]:
    layout = Layout()
    for index, blocks in enumerate(split_documents(source.read_text(encoding="utf-8"))):
        layout.document(index, blocks)
    target = source.with_suffix(".pdf")
    render(layout, target)
    return target, layout


def main() -> None:
    for source in sorted(HERE.glob("*.txt")):
        target, layout = build(source)
        pages = [sum(1 for p in layout.pages if p.doc == d) for d in sorted({p.doc for p in layout.pages})]
        print(f"{target.name}: {len(pages)} documents, pages {pages}, {layout.hyphenated} hyphenated words")


if __name__ == "__main__":
    main()
