"""Page geometry to lines: words from any PDF engine sorted into body, margin and noise.

The input is plain word dicts (`text`, `x0`, `x1`, `top`, `bottom`, optionally `size`, in points from
the page's top-left corner), so pdfplumber feeds it today and a faster text layer (pypdfium2) could
feed it later. Per page:

- Words in the top and bottom band (`BAND` of the page height) are header and footer lines.
- The other words are split into a body column and a right margin column at a vertical white band:
  the widest stretch of x that no word (and no table) covers, at least `MIN_GUTTER` wide, with a
  narrower column to its right. No such band: everything is body. Nothing here knows millimetres of
  a particular letterhead.
- Words of a column are grouped into lines by vertical overlap; a wide gap inside a line is a tab.

Over all pages (`assemble`): header and footer lines that repeat on two or more pages (digits
ignored) and page numbers ("Side 2 af 3", "2/8", a lone number) are NOISE; other band lines are
MARGIN, never body. A vertical gap clearly wider than the usual line gap ends a paragraph: an empty
line is emitted there, and at each page end, so paragraphs stay apart and `paragraphs.join_paragraphs`
rejoins only what belongs together. Each page lists its margin lines before its body lines.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from foi.extract.model import BODY, MARGIN, NOISE, Line, Page
from foi.extract.paragraphs import join_lines

BAND = 0.07  # share of the page height at the top and the bottom where running headers/footers sit
MIN_GUTTER = 14.0  # points (5 mm): the narrowest white band that separates two columns
MAX_MARGIN_SHARE = 0.75  # the margin column is at most this wide compared with the body column
TAB_GAP = 1.5  # a gap inside a line wider than this many font sizes separates table cells
MAX_LINE_GAP = 0.6  # line heights: more white space than this between two lines is never one paragraph
PARAGRAPH_GAP = 0.45  # extra space, in font sizes, above the usual line gap that ends a paragraph

PAGE_NUMBER = re.compile(r"^(?:side|page|s\.)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:af|of|/)\s*\d{1,4})?$", re.I)
SIDE_N_OF_M = re.compile(r"^side\s+\d{1,4}\s+af\s+\d{1,4}$", re.I)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @classmethod
    def from_dict(cls, word: Mapping[str, Any], dx: float = 0.0, dy: float = 0.0) -> Word:
        top, bottom = float(word["top"]) - dy, float(word["bottom"]) - dy
        size = float(word.get("size") or 0.0) or max(bottom - top, 1.0)
        return cls(str(word["text"]), float(word["x0"]) - dx, float(word["x1"]) - dx, top, bottom, size)


@dataclass
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    table: bool = False  # one row of a ruled table, cells joined by tabs


@dataclass(frozen=True)
class TableBox:
    """A ruled table found on the page: its box, its cell texts and each row's vertical span."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]
    spans: list[tuple[float, float]]


@dataclass
class PageLayout:
    number: int
    header: list[TextLine] = field(default_factory=list)
    footer: list[TextLine] = field(default_factory=list)
    margin: list[TextLine] = field(default_factory=list)
    body: list[TextLine] = field(default_factory=list)
    split: float | None = None  # x of the gutter between body and margin, if there is one


def layout_page(
    number: int,
    words: Iterable[Mapping[str, Any]],
    width: float,
    height: float,
    tables: Sequence[TableBox] = (),
    origin: tuple[float, float] = (0.0, 0.0),
) -> PageLayout:
    """One page's words (and ruled tables) as header, footer, margin and body lines."""
    items = _unique([Word.from_dict(w, *origin) for w in words if str(w.get("text", "")).strip()])
    items = [w for w in items if not any(_inside(w, t.bbox) for t in tables)]
    top_band, bottom_band = height * BAND, height * (1 - BAND)
    header = [w for w in items if w.bottom <= top_band]
    footer = [w for w in items if w.top >= bottom_band]
    rest = [w for w in items if top_band < w.bottom and w.top < bottom_band]
    split = column_split([(w.x0, w.x1) for w in rest] + [(t.bbox[0], t.bbox[2]) for t in tables])
    layout = PageLayout(number, group_lines(header), group_lines(footer), split=split)
    if split is None:
        layout.body = group_lines(rest)
    else:
        layout.body = group_lines([w for w in rest if w.x1 <= split])
        layout.margin = group_lines([w for w in rest if w.x1 > split])
    for table in tables:
        column = layout.margin if split is not None and table.bbox[0] >= split else layout.body
        column += _table_lines(table, rest)
    layout.body.sort(key=lambda line: line.top)
    layout.margin.sort(key=lambda line: line.top)
    return layout


def column_split(spans: Sequence[tuple[float, float]], min_gutter: float = MIN_GUTTER) -> float | None:
    """The x in the middle of the white band between a body column and a narrower right column."""
    if len(spans) < 2:
        return None
    covered: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if covered and x0 <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], x1)
        else:
            covered.append([x0, x1])
    left_edge, right_edge = covered[0][0], max(end for _, end in covered)
    gaps = sorted(((b[0] - a[1], a[1], b[0]) for a, b in pairwise(covered)), reverse=True)
    for gap, start, end in gaps:
        if gap < min_gutter:
            break
        if right_edge - end <= MAX_MARGIN_SHARE * (start - left_edge):
            return (start + end) / 2
    return None


def group_lines(words: Sequence[Word]) -> list[TextLine]:
    """Words as lines: a word joins the line it overlaps vertically by more than half its height."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for row in reversed(rows[-3:]):
            top, bottom = min(w.top for w in row), max(w.bottom for w in row)
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.5 * min(bottom - top, word.bottom - word.top):
                row.append(word)
                break
        else:
            rows.append([word])
    return [_line(sorted(row, key=lambda w: w.x0)) for row in rows]


def _line(row: list[Word]) -> TextLine:
    size = statistics.median(w.size for w in row)
    text = row[0].text
    for prev, word in pairwise(row):
        text += ("\t" if word.x0 - prev.x1 > TAB_GAP * size else " ") + word.text
    return TextLine(text, row[0].x0, max(w.x1 for w in row), min(w.top for w in row),
                    max(w.bottom for w in row), size)


def _unique(words: list[Word]) -> list[Word]:
    """Words printed twice at (nearly) the same place, as fake bold does, once."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for word in words:
        key = (word.text, round(word.x0), round(word.top))
        if key not in seen:
            seen.add(key)
            out.append(word)
    return out


def _inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _table_lines(table: TableBox, words: Sequence[Word]) -> list[TextLine]:
    size = statistics.median([w.size for w in words]) if words else 10.0
    return [
        TextLine("\t".join(cells), table.bbox[0], table.bbox[2], top, bottom, size, table=True)
        for cells, (top, bottom) in zip(table.rows, table.spans, strict=False)
        if any(cells)
    ]


def band_key(text: str) -> str:
    """A header or footer line with digits and spacing ignored, to find it on other pages."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


LABEL_START = re.compile(r"^[A-ZÆØÅ][\w ]{0,24}:\s")  # "Vedhæftede filer: …", "Emne: …"
DASH_START = re.compile(r"^\s*[-–]\s")
_SENTENCE_END = re.compile(r"[.!?:;\"”»]\s*$")
LIST_START = re.compile(r"^\s*(?:[-•▪●◦*–]\s|\(?\d{1,2}[.)]\s|[a-zæøå][.)]\s|Ad\s+\d)")


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER.match(text.strip()) is not None


def line_gap(layouts: Sequence[PageLayout], column: str) -> float:
    """The usual white space between two lines of one paragraph in a column, over the whole file.

    The lower quartile of the gaps between neighbouring lines (most neighbours share a paragraph),
    never more than `MAX_LINE_GAP` line heights, which also covers files with too few lines to tell.
    """
    gaps, heights = [], []
    for layout in layouts:
        lines: list[TextLine] = getattr(layout, column)
        gaps += [b.top - a.bottom for a, b in pairwise(lines) if not (a.table and b.table)]
        heights += [line.bottom - line.top for line in lines if not line.table]
    gaps = [g for g in gaps if g > -2]
    if not gaps:
        return 2.0
    usual = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 4 else min(gaps)
    return max(min(usual, MAX_LINE_GAP * statistics.median(heights or [10.0])), 0.0)


def with_breaks(
    lines: Sequence[TextLine], usual_gap: float, role: str, page: int, column: tuple[float, float] | None = None
) -> list[Line]:
    """Lines with an empty line wherever the gap above a line is wider than a line gap.

    A line that runs to the column's right edge was wrapped by the layout: the next line of the
    same paragraph is joined to it (undoing end-of-line hyphenation), so that a paragraph is one
    line, as in text extracted from the same letter, and a date or a law's name cut by the wrap is
    whole again. Short lines (list items, company lists, headings) stay lines of their own.
    """
    out: list[Line] = []
    left, right = column or (0.0, 0.0)
    for prev, line in zip([None, *lines], lines, strict=False):
        if prev is not None and line.top - prev.bottom > usual_gap + PARAGRAPH_GAP * min(prev.size, line.size):
            out.append(Line("", page, role))
        elif prev is not None and out and _wrapped(prev, line, left, right, out[-1].text):
            out[-1] = Line(join_lines(out[-1].text, line.text), page, role)
            continue
        out.append(Line(line.text, page, role))
    return out


def _wrapped(prev: TextLine, line: TextLine, left: float, right: float, paragraph: str = "") -> bool:
    """Did the layout break this line? Yes if the next line's first word would not have fit after it.

    A line that opens like a list item is one, except a dash after a line that stops mid-sentence
    outside a list: "J.nr. 2025" wrapped before "- 3060" is a number cut, not a bullet."""
    listed = LIST_START.match(line.text) and not (
        DASH_START.match(line.text) and not _SENTENCE_END.search(prev.text) and not LIST_START.match(paragraph))
    if prev.table or line.table or listed or LABEL_START.match(line.text):
        return False
    if right - left < 20 * prev.size or not prev.text or not line.text or abs(prev.size - line.size) > 0.5:
        return False  # too narrow a column to tell wrapping from a list; or a heading in another size
    char = (line.x1 - line.x0) / len(line.text)
    first_word = line.text.split(" ", 1)[0]
    return prev.x1 + char * (len(first_word) + 1) >= right - char


def assemble(layouts: Sequence[PageLayout]) -> list[Page]:
    """Pages of lines: noise recognised across pages, margin before body, paragraphs kept apart,
    and a paragraph that a page break cut joined again (see `_carry_over`)."""
    seen: Counter[str] = Counter()
    for layout in layouts:
        seen.update({band_key(line.text) for line in layout.header + layout.footer})
    body_gap, margin_gap = line_gap(layouts, "body"), line_gap(layouts, "margin")
    prose = [x for layout in layouts for x in layout.body if not x.table]
    column = (min((x.x0 for x in prose), default=0.0), max((x.x1 for x in prose), default=0.0))
    bodies = [[x for x in layout.body if not SIDE_N_OF_M.match(x.text.strip())] for layout in layouts]
    texts = [with_breaks(body, body_gap, BODY, layout.number, column) for body, layout in zip(bodies, layouts,
                                                                                               strict=True)]
    carried = _carry_over(bodies, texts, column)
    pages = []
    for index, layout in enumerate(layouts):
        n = layout.number

        def is_noise(line: TextLine) -> bool:
            return is_page_number(line.text) or seen[band_key(line.text)] >= 2

        noise_top = [Line(x.text, n, NOISE) for x in layout.header if is_noise(x)]
        noise_bottom = [Line(x.text, n, NOISE) for x in layout.footer if is_noise(x)]
        margin = [x for x in layout.margin if not SIDE_N_OF_M.match(x.text.strip())]
        body = bodies[index]
        noise_top += [Line(x.text, n, NOISE) for x in layout.margin + layout.body if x not in margin + body]
        lines = noise_top + [Line(x.text, n, MARGIN) for x in layout.header if not is_noise(x)]
        lines += with_breaks(margin, margin_gap, MARGIN, n)
        lines += [Line(x.text, n, MARGIN) for x in layout.footer if not is_noise(x)]
        if texts[index]:
            lines += texts[index] + ([] if index in carried else [Line("", n, BODY)])
        pages.append(Page(n, tuple(lines + noise_bottom)))
    return pages


def _carry_over(bodies: list[list[TextLine]], texts: list[list[Line]], column: tuple[float, float]) -> set[int]:
    """Join the first line of a page to the last of the page before where the layout wrapped it
    there ("… mod f.eks. Bricks," ⏎ page break ⏎ "Kilden og Hindby, …"); the indexes of the pages
    whose last paragraph goes on. A page's last line that ends a sentence is taken to end its
    paragraph: across a page break there is no white space to tell."""
    carried: set[int] = set()
    for index in range(len(bodies) - 1):
        before, after = bodies[index], bodies[index + 1]
        last, first = texts[index], texts[index + 1]
        if not (before and after and last and first and last[-1].text and first[0].text):
            continue
        if _SENTENCE_END.search(before[-1].text) or not _wrapped(before[-1], after[0], *column, last[-1].text):
            continue
        last[-1] = replace(last[-1], text=join_lines(last[-1].text, first[0].text))
        del first[0]
        while first and not first[0].text:
            del first[0]
        carried.add(index)
    return carried
