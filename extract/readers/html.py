"""HTML pages (minutes, agendas published on a municipality's site): the visible text only.

Scripts, styles, navigation, page headers and footers, hidden elements and consent or cookie
banners are dropped; block elements break lines, paragraphs and tables are set apart by an empty
line, list items keep a bullet ("• ") or their number, and data tables come out both as
`Table`s and as tab-separated lines. A cookie banner that is plain text without a telling class is
found by its words (`COOKIE_PATTERNS`) among the first and last lines of the page.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PreformattedString

from foi.errors import UnreadableFile
from foi.extract.model import Line, Page, ReadResult, Table
from foi.extract.readers.txt import decode
from foi.settings import Settings

FORMAT = "html"

# A line that says it is a cookie or consent banner (Danish and English wording).
COOKIE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\b(vi|siden|hjemmesiden|websitet|denne (hjemme)?side) (bruger|anvender|benytter) cookies\b",
    r"\bnej tak til cookies\b",
    r"\bcookie-?\s?politik",
    r"\bcookies? (indstillinger|samtykke|erklæring)\b",
    r"^(accepter|acceptér|tillad|afvis|godkend|accept|allow|reject|decline)\b.{0,30}\bcookies?\b",
    r"\bwe use cookies\b",
    r"\bcookie (settings|policy|consent)\b",
))
# Buttons and links that only make sense next to a banner line.
BANNER_BUTTONS = re.compile(
    r"^(ok|okay|ja|nej|nej tak|ja tak|jeg accepterer|accepter|acceptér|afvis|luk|læs mere|accept|"
    r"reject|close|read more|indstillinger|settings)[.!]?$", re.IGNORECASE)
BANNER_ZONE = 12  # banner lines are looked for among this many non-empty lines at either end

DROP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "head",
             "title", "meta", "link", "button", "select", "option", "input", "textarea", "iframe",
             "object", "embed", "canvas", "map", "dialog"}
NOISE_WORDS = re.compile(r"cookie|consent|banner|gdpr|popup|modal|dialog|breadcrumb|menu|skip", re.IGNORECASE)
# never dropped by their class: a wrapper class like "page--with-menu" must not cost the whole page
KEEP_TAGS = {"html", "body", "main", "article"}
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "section",
                  "article", "main", "figure", "address", "hr", "table", "fieldset", "details"}
LINE_TAGS = {"div", "li", "dt", "dd", "tr", "caption", "figcaption", "legend", "summary", "form", "center",
             "tbody", "thead", "tfoot", "br", "label"}
LAYOUT_CELL = 600  # characters: a cell longer than this holds running text, not a value
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BREAK, _PARAGRAPH, _ITEM = "\x00line", "\x00para", "\x00item"  # markers in the fragment stream


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> element declares in the first 4 KB."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace").lower() if found else None


_WESTERN = {"us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "iso8859-1", "windows-1252", "cp1252",
            "iso-8859-15", "utf-8", "utf8"}


def decode_declared(data: bytes, charset: str | None, name: str = "<bytes>") -> str:
    """Bytes in a declared charset; a missing, unknown or wrong declaration falls back to txt.decode.

    For the Western charsets and UTF-8 the txt rules are better than the declaration: mail and pages
    that say "iso-8859-1" while holding UTF-8 (or the reverse) are common.
    """
    charset = (charset or "").strip().strip("\"'").lower()
    if not charset or charset in _WESTERN or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                               codecs.BOM_UTF16_BE)):
        try:
            return decode(data, name)
        except UnreadableFile:
            return _normalise(data.decode("cp1252", errors="replace"))
    try:
        return _normalise(data.decode(charset))
    except (LookupError, UnicodeDecodeError):
        try:
            return decode(data, name)
        except UnreadableFile:
            return _normalise(data.decode(charset if _known(charset) else "cp1252", errors="replace"))


def _known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    return bool(HIDDEN_STYLE.search(str(tag.get("style") or "")))


def _is_noise(tag: Tag) -> bool:
    if tag.name in KEEP_TAGS:
        return False
    values = [tag.get("id"), tag.get("class"), tag.get("aria-label"), tag.get("role")]
    words = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in values if v)
    return bool(words) and bool(NOISE_WORDS.search(words))


def _prune(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in list(soup.find_all(True)):
        if tag.decomposed:
            continue
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]) is not None:
            continue  # an article's own header holds its title
        if tag.name in DROP_TAGS or _is_hidden(tag):
            tag.decompose()
    total = len(soup.get_text(" ", strip=True))
    for tag in list(soup.find_all(True)):
        if tag.decomposed:
            continue
        if _is_noise(tag):
            text = len(tag.get_text(" ", strip=True))
            if text > 200 and text > total / 2:
                continue  # a wrapper around the page's content, not a banner
            tag.decompose()


def _cell_text(cell: Tag) -> str:
    return _SPACE.sub(" ", cell.get_text(" ")).strip()


def _rows(table: Tag) -> list[list[str]]:
    """The cell texts of the table's own rows (not those of tables inside it)."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            rows.append([_cell_text(c) for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr])
    return rows


def _is_layout_table(table: Tag) -> bool:
    """A table that places blocks on the page rather than holding data.

    Paragraphs inside cells do not make a layout table (Word's HTML puts a <p> in every cell); a
    table inside, a heading, a cell of running text, or a single row or column does.
    """
    if table.get("role") == "presentation" or table.find(["table", "h1", "h2", "h3", "h4"]) is not None:
        return True
    rows = _rows(table)
    return len(rows) < 2 or max(len(cells) for cells in rows) < 2 or any(
        len(cell) > LAYOUT_CELL for cells in rows for cell in cells)


def _table(table: Tag, tables: list[Table], out: list[str]) -> None:
    rows = [cells for cells in _rows(table) if any(cells)]
    if not rows:
        return
    # the first row is the header whether it is marked up as one (<th>, <thead>) or not
    tables.append(Table(rows[0], rows[1:]))
    out.append(_PARAGRAPH)
    for cells in rows:
        out.append("\t".join(cells))
        out.append(_BREAK)
    out.append(_PARAGRAPH)


def _walk(node: Tag, out: list[str], tables: list[Table], pre: bool = False, compact: bool = False) -> None:
    """Text and break markers in document order; `compact` (inside a list item) breaks lines only."""
    for child in node.children:
        if isinstance(child, PreformattedString):
            continue  # doctype, comment, processing instruction, CDATA
        if isinstance(child, NavigableString):
            text = str(child)
            out.append(text if pre else _SPACE.sub(" ", text))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            out.append(_BREAK)
        elif name == "table" and not _is_layout_table(child):
            _table(child, tables, out)
        elif name in ("ul", "ol"):
            out.append(_BREAK if compact else _PARAGRAPH)
            _list(child, out, tables)
            out.append(_BREAK if compact else _PARAGRAPH)
        elif name in PARAGRAPH_TAGS or name in LINE_TAGS:
            mark = _PARAGRAPH if name in PARAGRAPH_TAGS and not compact else _BREAK
            out.append(mark)
            _walk(child, out, tables, pre or name == "pre", compact)
            out.append(mark)
        elif name in ("td", "th"):
            _walk(child, out, tables, pre, compact)
            out.append(_BREAK)
        else:
            _walk(child, out, tables, pre, compact)


def _list(node: Tag, out: list[str], tables: list[Table]) -> None:
    ordered = node.name == "ol"
    try:
        number = int(str(node.get("start") or 1))
    except ValueError:
        number = 1
    for item in node.find_all("li"):
        if item.find_parent(["ul", "ol"]) is not node:
            continue
        out.append(_BREAK)
        out.append(_ITEM + (f"{number}. " if ordered else "• "))
        number += 1
        _walk(item, out, tables, compact=True)
        out.append(_BREAK)


def _assemble(fragments: list[str]) -> list[str]:
    """The fragment stream as lines: one empty line where a paragraph ends, none doubled.

    A list item's bullet waits for the item's first line of text, however deep in the item it is.
    """
    lines: list[str] = []
    current = ""
    bullet = ""
    blank_pending = False

    def flush() -> None:
        nonlocal current, blank_pending, bullet
        for part in current.split("\n"):
            # a table row keeps its tabs, empty edge cells included
            text = part.strip(" ") if "\t" in part else _SPACE.sub(" ", part).strip()
            if not text.strip():
                continue
            if blank_pending and lines:
                lines.append("")
            blank_pending = False
            lines.append(bullet + text)
            bullet = ""
        current = ""

    for fragment in fragments:
        if fragment == _BREAK:
            flush()
        elif fragment == _PARAGRAPH:
            flush()
            blank_pending = True
        elif fragment.startswith(_ITEM):
            flush()
            bullet = fragment[len(_ITEM):]
        else:
            current += fragment
    flush()
    return lines


def _is_banner(line: str) -> bool:
    return any(p.search(line) for p in COOKIE_PATTERNS)


def drop_cookie_banner(lines: list[str]) -> list[str]:
    """Lines without a plain-text cookie banner near the start or the end of the page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    zone = set(filled[:BANNER_ZONE]) | set(filled[-BANNER_ZONE:])
    drop = {i for i in zone if len(lines[i]) < 600 and _is_banner(lines[i])}
    changed = True
    while changed:  # "OK", "Nej tak", "Læs mere" right next to a banner line go with it
        changed = False
        for pos, i in enumerate(filled):
            if i in drop or i not in zone or not BANNER_BUTTONS.match(lines[i].strip()):
                continue
            neighbours = filled[max(pos - 1, 0): pos + 2]
            if any(n in drop for n in neighbours):
                drop.add(i)
                changed = True
    kept = [line for i, line in enumerate(lines) if i not in drop]
    while kept and not kept[0].strip():
        kept.pop(0)
    cleaned: list[str] = []
    for line in kept:
        if not line.strip() and (not cleaned or not cleaned[-1].strip()):
            continue
        cleaned.append(line)
    while cleaned and not cleaned[-1].strip():
        cleaned.pop()
    return cleaned


def html_to_lines(html: str) -> tuple[list[Line], list[Table]]:
    """The visible text of an HTML document as lines (page 1) and its data tables."""
    soup = BeautifulSoup(html, "html.parser")
    _prune(soup)
    fragments: list[str] = []
    tables: list[Table] = []
    _walk(soup, fragments, tables)
    texts = drop_cookie_banner(_assemble(fragments))
    return [Line(unicodedata.normalize("NFC", text)) for text in texts], tables


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    text = decode_declared(data, declared_charset(data), name)
    try:
        lines, tables = html_to_lines(text)
    except Exception as exc:  # the parser is lenient; anything it still raises means broken input
        raise UnreadableFile(name, f"broken HTML ({type(exc).__name__})") from None
    return ReadResult(FORMAT, [Page(1, tuple(lines))], tables=tables)
