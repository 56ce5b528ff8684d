"""The parsed HTML page walked without recursion and in linear time, for the HTML reader.

Hostile and broken pages nest elements thousands deep, leave tags unclosed and repeat them by the
hundred thousand. Every pass here keeps its own stack; nothing climbs to a parent or searches a
subtree once per element; elements deeper than `MAX_DEPTH` are read as plain lines; and markup
Python's HTMLParser would take quadratic time over is made text first (`defuse`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, PageElement, PreformattedString

from foi.extract.model import Table

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
# Elements nested deeper than this are read as plain lines (hostile or broken pages nest thousands deep).
MAX_DEPTH = 500
LAYOUT_CELL = 600  # characters: a cell longer than this holds running text, not a value
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACE = re.compile(r"\s+")
BREAK, PARAGRAPH, ITEM = "\x00line", "\x00para", "\x00item"  # markers in the fragment stream
# a <p>'s ends, and an empty <p> (Outlook's "<p class=MsoNormal>&nbsp;</p>"): see readers.blocks
SOFT_PARAGRAPH, EMPTY_PARAGRAPH = "\x00soft", "\x00empty"


# Where Python's HTMLParser (before 3.13.4) meets a construct it cannot close, it looks for the end to the
# end of the input and then steps one character on: quadratic on "<a<a<a...". A "<" whose construct has
# no end anywhere after it is text, so it is written as "&lt;" before parsing. So is a marked section
# other than CDATA or Word's conditional ones ("<![if !supportLists]>"): the parser refuses the page.
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"]\s*>")
_OPENERS = re.compile(r"<(?:!--|!\[|[a-zA-Z/?!])")
_KNOWN_SECTION = re.compile(r"(?:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9])", re.IGNORECASE)


def defuse(html: str) -> str:
    """The markup with every "<" that opens a tag, comment or section never closed (or a section the
    parser does not know) written as "&lt;"."""
    last_gt = html.rfind(">")
    last_comment_end = max((m.start() for m in _COMMENT_END.finditer(html)), default=-1)
    last_section_end = max((m.start() for m in _SECTION_END.finditer(html)), default=-1)
    parts: list[str] = []
    done = 0
    for found in _OPENERS.finditer(html):
        at, opener = found.start(), found.group()
        if opener == "<!--":
            closed = last_comment_end >= at + 4
        elif opener == "<![":
            closed = last_section_end >= at + 3 and _KNOWN_SECTION.match(html, at + 3) is not None
        else:
            closed = last_gt > at
        if not closed:
            parts.append(html[done:at])
            parts.append("&lt;")
            done = at + 1
    if not parts:
        return html
    parts.append(html[done:])
    return "".join(parts)


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


# The tree is never changed: a dropped element is only marked (a set of ids). bs4's decompose() finds an
# element's place among its siblings by a linear search, so dropping many siblings one by one would be
# quadratic, and `tag.decomposed` on a live tag searches its whole subtree for a <_decomposed> child.
class ParsedPage:
    """The parsed page with its dropped elements; every pass below is iterative and linear."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.dropped: set[int] = set()
        self.sizes: dict[int, int] = {}
        self._prune()

    def tags(self, node: Tag, match: frozenset[str] | None = None, stop: frozenset[str] = frozenset(),
             ) -> Iterator[Tag]:
        """Kept tags under `node` named in `match` (all when None), in document order; the search does
        not go into tags named in `stop`."""
        stack = list(reversed(node.contents))
        while stack:
            child = stack.pop()
            if not isinstance(child, Tag) or id(child) in self.dropped:
                continue
            if match is None or child.name in match:
                yield child
            if child.name not in stop:
                stack.extend(reversed(child.contents))

    def _prune(self) -> None:
        # scripts, navigation, hidden elements; an article's own header and footer hold its title
        stack: list[tuple[Tag, bool]] = [(self.soup, False)]
        while stack:
            node, in_article = stack.pop()
            for child in node.contents:
                if not isinstance(child, Tag):
                    continue
                if not (child.name in ("header", "footer") and in_article) and (
                        child.name in DROP_TAGS or _is_hidden(child)):
                    self.dropped.add(id(child))
                else:
                    stack.append((child, in_article or child.name in ("article", "main")))
        # banners, menus, consent dialogs by their class, unless they wrap most of the page's text
        sizes = self.sizes = self._text_sizes()
        total = sizes.get(id(self.soup), 0)
        todo: list[Tag] = [self.soup]
        while todo:
            for child in todo.pop().contents:
                if not isinstance(child, Tag) or id(child) in self.dropped:
                    continue
                size = sizes.get(id(child), 0)
                if _is_noise(child) and not (size > 200 and size > total / 2):
                    self.dropped.add(id(child))
                else:
                    todo.append(child)

    def _text_sizes(self) -> dict[int, int]:
        """len(tag.get_text(" ", strip=True)) of every kept tag, counted bottom-up in one pass."""
        order: list[PageElement] = []
        stack: list[PageElement] = [self.soup]
        while stack:
            node = stack.pop()
            order.append(node)
            if isinstance(node, Tag):
                stack.extend(c for c in node.contents if not (isinstance(c, Tag) and id(c) in self.dropped))
        chars: dict[int, int] = {}
        strings: dict[int, int] = {}
        for node in reversed(order):  # every element comes after its descendants
            parent = node.parent
            if parent is None:
                continue
            key = id(parent)
            if isinstance(node, Tag):
                chars[key] = chars.get(key, 0) + chars.get(id(node), 0)
                strings[key] = strings.get(key, 0) + strings.get(id(node), 0)
            elif type(node) in (NavigableString, CData) and str(node).strip():
                chars[key] = chars.get(key, 0) + len(str(node).strip())
                strings[key] = strings.get(key, 0) + 1
        return {key: chars[key] + strings[key] - 1 for key in chars if strings.get(key)}

    def text(self, node: Tag, stop: frozenset[str] = frozenset()) -> str:
        """The kept text under `node`, not entering tags named in `stop`, spaces collapsed."""
        parts: list[str] = []
        stack: list[PageElement] = list(reversed(node.contents))
        while stack:
            child = stack.pop()
            if isinstance(child, Tag):
                if id(child) not in self.dropped and child.name not in stop:
                    stack.extend(reversed(child.contents))
            elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                parts.append(str(child))
        return SPACE.sub(" ", " ".join(parts)).strip()

    def flat_lines(self, node: Tag) -> list[str]:
        """Everything under `node` as plain lines, broken where block elements begin and end."""
        parts: list[str] = []
        stack: list[PageElement | str] = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, str) and not isinstance(item, NavigableString):
                parts.append(item)
            elif isinstance(item, Tag):
                if id(item) in self.dropped:
                    continue
                block = item.name in PARAGRAPH_TAGS or item.name in LINE_TAGS or item.name in ("td", "th")
                if block:
                    parts.append("\n")
                    stack.append("\n")
                stack.extend(reversed(item.contents))
            elif isinstance(item, NavigableString) and not isinstance(item, PreformattedString):
                parts.append(SPACE.sub(" ", str(item)))
        return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


def _rows(page: ParsedPage, table: Tag) -> list[list[str]]:
    """The cell texts of the table's own rows (not those of tables inside it). A cell that an unclosed
    <td> left nested in another is a cell of its own; its text is not repeated in the outer one."""
    return [[page.text(cell, stop=_NESTED_CELL) for cell in page.tags(tr, _CELLS, stop=_ROW)]
            for tr in page.tags(table, _ROW, stop=_TABLE)]


_TABLE, _ROW, _CELLS = frozenset({"table"}), frozenset({"tr"}), frozenset({"td", "th"})
_NESTED_CELL = frozenset({"td", "th", "tr"})
_NOT_DATA = frozenset({"table", "h1", "h2", "h3", "h4"})
_LISTS = frozenset({"ul", "ol"})


def _is_layout_table(page: ParsedPage, table: Tag) -> bool:
    """A table that places blocks on the page rather than holding data.

    Paragraphs inside cells do not make a layout table (Word's HTML puts a <p> in every cell); a
    table inside, a heading, a cell of running text, or a single row or column does.
    """
    if table.get("role") == "presentation":
        return True
    if next(page.tags(table, _NOT_DATA), None) is not None:
        return True
    rows = _rows(page, table)
    return len(rows) < 2 or max(len(cells) for cells in rows) < 2 or any(
        len(cell) > LAYOUT_CELL for cells in rows for cell in cells)


def _table(page: ParsedPage, table: Tag, tables: list[Table], out: list[str]) -> None:
    rows = [cells for cells in _rows(page, table) if any(cells)]
    if not rows:
        return
    # the first row is the header whether it is marked up as one (<th>, <thead>) or not
    tables.append(Table(rows[0], rows[1:]))
    out.append(PARAGRAPH)
    for cells in rows:
        out.append("\t".join(cells))
        out.append(BREAK)
    out.append(PARAGRAPH)


# A task of the walk: a string to put out, or (kind, element, pre, compact, list, depth) where kind is
# "walk" (the element's children), "item" (a list item with its bullet) or "table" (a data table), and
# list is the enclosing list's [ordered, next number].
_Task = str | tuple[str, Tag, bool, bool, list[Any] | None, int]


def walk(page: ParsedPage, out: list[str], tables: list[Table]) -> None:
    """The page's text and break markers in document order, with an explicit stack (no recursion limit)."""
    stack: list[_Task] = [("walk", page.soup, False, False, None, 0)]
    while stack:
        task = stack.pop()
        if isinstance(task, str):
            out.append(task)
            continue
        kind, node, pre, compact, items, depth = task
        if kind == "table":
            _table(page, node, tables, out)
            continue
        if kind == "item":
            assert items is not None
            out.append(BREAK)
            out.append(ITEM + (f"{items[1]}. " if items[0] else "• "))
            items[1] += 1
            stack.append(BREAK)
        if depth >= MAX_DEPTH:  # deeper content is read as plain lines
            for line in page.flat_lines(node):
                out.extend((BREAK, line))
            out.append(BREAK)
            continue
        stack.extend(reversed(_children(page, node, pre, compact, items, depth + 1)))


def _children(page: ParsedPage, node: Tag, pre: bool, compact: bool, items: list[Any] | None, depth: int,
              ) -> list[_Task]:
    """The tasks for `node`'s children in document order; `compact` (inside a list item) breaks lines only."""
    todo: list[_Task] = []
    for child in node.contents:
        if isinstance(child, PreformattedString):
            continue  # doctype, comment, processing instruction, CDATA
        if isinstance(child, NavigableString):
            todo.append(str(child) if pre else SPACE.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag) or id(child) in page.dropped:
            continue
        name = child.name
        if name == "br":
            todo.append(BREAK)
        elif name == "table" and not _is_layout_table(page, child):
            todo.append(("table", child, pre, compact, items, depth))
        elif name in _LISTS:
            mark = BREAK if compact else PARAGRAPH
            numbers = [name == "ol", _start(child)]
            todo.append(mark)
            todo.extend(("item", li, False, True, numbers, depth)
                        for li in page.tags(child, _ITEM_TAG, stop=_ITEM_STOP))
            todo.append(mark)
        elif name == "li" and items is not None:  # an unclosed <li> left nested in the previous item
            todo.append(("item", child, False, True, items, depth))
        elif name == "p" and not compact and not pre:
            if not page.sizes.get(id(child)):
                todo.append(EMPTY_PARAGRAPH)
            else:
                todo.extend((SOFT_PARAGRAPH, ("walk", child, pre, compact, items, depth), SOFT_PARAGRAPH))
        elif name in PARAGRAPH_TAGS or name in LINE_TAGS:
            mark = PARAGRAPH if name in PARAGRAPH_TAGS and not compact else BREAK
            todo.extend((mark, ("walk", child, pre or name == "pre", compact, items, depth), mark))
        elif name in ("td", "th"):
            todo.extend((("walk", child, pre, compact, items, depth), BREAK))
        else:
            todo.append(("walk", child, pre, compact, items, depth))
    return todo


_ITEM_TAG, _ITEM_STOP = frozenset({"li"}), frozenset({"li", "ul", "ol"})


def _start(node: Tag) -> int:
    try:
        return int(str(node.get("start") or 1))
    except ValueError:
        return 1
