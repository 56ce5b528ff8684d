"""HTML pages (minutes, agendas published on a municipality's site): the visible text only.

Scripts, styles, navigation, page headers and footers, hidden elements and consent or cookie
banners are dropped; block elements break lines, paragraphs and tables are set apart by an empty
line, list items keep a bullet ("• ") or their number, and data tables come out both as
`Table`s and as tab-separated lines. A cookie banner that is plain text without a telling class is
found by its words (`COOKIE_PATTERNS`) among the first and last lines of the page. The parsed tree
is pruned and walked in `html_tree`, without recursion and in linear time, whatever the nesting.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bs4 import BeautifulSoup

from foi.errors import UnreadableFile
from foi.extract.model import Line, Page, ReadResult, Table
from foi.extract.readers.blocks import Blanks
from foi.extract.readers.html_tree import (
    BREAK,
    EMPTY_PARAGRAPH,
    ITEM,
    PARAGRAPH,
    SOFT_PARAGRAPH,
    SPACE,
    ParsedPage,
    defuse,
    walk,
)
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

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


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


def _assemble(fragments: list[str]) -> list[str]:
    """The fragment stream as lines: one empty line where a paragraph ends, none doubled.

    A list item's bullet waits for the item's first line of text, however deep in the item it is.
    A <p>'s end is a blank line or a line end as `blocks.Blanks` decides: a message in Outlook's
    markup (a <p> per line, an empty <p> where a blank line is) keeps the text's blocks.
    """
    lines: list[Line] = []
    blanks = Blanks()
    current: list[str] = []
    bullet = ""
    pending = ""  # the blank line owed before the next text: "", "soft" (a <p>'s end) or "hard"

    def flush() -> None:
        nonlocal pending, bullet
        for part in "".join(current).split("\n"):
            # a table row keeps its tabs, empty edge cells included
            text = part.strip(" ") if "\t" in part else SPACE.sub(" ", part).strip()
            if not text.strip():
                continue
            if pending == "soft":
                blanks.paragraph_end(lines, 1)
            elif pending:
                blanks.blank(lines, 1)
            pending = ""
            lines.append(Line(bullet + text))
            bullet = ""
        current.clear()

    for fragment in fragments:
        if fragment == BREAK:
            flush()
        elif fragment == PARAGRAPH:
            flush()
            pending = "hard"
        elif fragment == SOFT_PARAGRAPH:
            flush()
            pending = pending or "soft"
        elif fragment == EMPTY_PARAGRAPH:
            flush()
            blanks.empty_paragraph(lines, 1)
            pending = ""
        elif fragment.startswith(ITEM):
            flush()
            bullet = fragment[len(ITEM):]
        else:
            current.append(fragment)
    flush()
    return [line.text for line in blanks.settle(lines)]


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
    page = ParsedPage(BeautifulSoup(defuse(html), "html.parser"))
    fragments: list[str] = []
    tables: list[Table] = []
    walk(page, fragments, tables)
    texts = drop_cookie_banner(_assemble(fragments))
    return [Line(unicodedata.normalize("NFC", text)) for text in texts], tables


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    text = decode_declared(data, declared_charset(data), name)
    try:
        lines, tables = html_to_lines(text)
    except Exception as exc:  # the parser is lenient; anything it still raises means broken input
        raise UnreadableFile(name, f"broken HTML ({type(exc).__name__})") from None
    return ReadResult(FORMAT, [Page(1, tuple(lines))], tables=tables)
