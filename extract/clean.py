"""Mark page furniture: which lines are body text, which are margin (letterhead, sidebar) and which noise.

Readers that know the layout (PDF) set roles already; text that arrives as plain lines (a .txt made
from a PDF, a .docx, an e-mail) carries its sidebar and letterhead inline, so the cleaner finds them
by what they look like. The patterns are data: `patterns/furniture.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from foi.danish.calendar import placeholders
from foi.extract.model import BODY, MARGIN, NOISE, Line
from foi.extract.pattern_data import compile_groups, load_patterns
from foi.extract.text_repair import repair_line

# Labels that text extraction glues to the value before them: "2015-0186920Dokumentnr."
_GLUED_LABEL = re.compile(
    r"(?<=[\w.)])(?=(?:Sagsnr\.|Sagsnummer|Dokumentnr\.|Dokumentnummer|Sagsbehandler|J\.nr\.)(?:\W|$))"
)
_GLUED_BOLD = re.compile(r"(?<=\S)(?=\*\*[A-ZÆØÅ])")
_DATE_ONLY = re.compile(
    r"^(?:d(?:en)?\.?\s*)?(?:\d{1,2}\.\s*" + placeholders()["{MONTH_NAME}"]
    + r"\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$",
    re.IGNORECASE,
)
_SHORT_WORDS = 7


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    return compile_groups(load_patterns("furniture", "foi.extract"))


def _matches(group: str, name: str, text: str) -> bool:
    return _patterns()[group][name].search(text) is not None


def is_noise(text: str) -> bool:
    """Noise wherever it stands: cookie banners, "Side 2 af 4", footer boilerplate."""
    s = text.strip()
    return bool(s) and any(p.search(s) for p in _patterns()["noise"].values())


def looks_like_furniture(text: str, next_text: str = "") -> bool:
    """Does this line look like letterhead or sidebar material (an address, a phone number, a unit)?"""
    return _line_kind(text, "", next_text) is not None


def unglue(lines: list[Line]) -> list[Line]:
    """Split lines where text extraction glued a label or a bold title to the value before it."""
    out: list[Line] = []
    for line in lines:
        parts = _GLUED_BOLD.split(_GLUED_LABEL.sub("\n", line.text).replace("\n", "\0"))
        pieces = [p for chunk in parts for p in chunk.split("\0")]
        if len(pieces) == 1:
            out.append(line)
        else:
            out.extend(replace(line, text=p) for p in pieces if p.strip())
    return out


def _line_kind(text: str, prev: str, next_: str) -> str | None:
    """Why a single line is margin material, or None if it is not."""
    s = text.strip().strip("*").strip()
    if not s or _matches("keep", "company", s):
        return None
    if _matches("margin", "label", s):
        return "label"
    if prev and _matches("margin", "label", prev.strip()) and len(s.split()) <= 6 and not s.endswith("."):
        return "value"
    for name in ("labelled", "postal", "web", "phone", "unit", "capitals"):
        if _matches("margin", name, s):
            return name
    if _matches("margin", "street", s) and _matches("margin", "postal", next_.strip()):
        return "street"
    if _DATE_ONLY.match(s):
        return "date"
    return None


def _blocks(lines: list[Line]) -> list[list[int]]:
    """Runs of non-blank lines; a change of the role the reader gave (PDF margin to body) also ends one."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.text.strip():
            if current and lines[current[-1]].role != line.role:
                blocks.append(current)
                current = []
            current.append(i)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_short(text: str) -> bool:
    s = text.strip()
    if _matches("keep", "company", s):
        return False
    return len(s.split()) <= _SHORT_WORDS and not re.search(r"[.:?!]$", s) and not s.startswith(("Ad ", "•", "-"))


def _edge_key(text: str) -> str:
    """Page counters vary from page to page ("Side 2", "Side 3"); a case number is not a counter."""
    s = text.strip()
    return re.sub(r"\d+", "#", s) if sum(c.isdigit() for c in s) <= 4 else s


def _page_edges(lines: list[Line]) -> tuple[set[int], set[str]]:
    """Indexes of the first and last two lines of each page, and the short edge lines that repeat
    on three or more pages: running headers and footers."""
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.text.strip():
            pages.setdefault(line.page, []).append(i)
    if len(pages) < 2:
        return set(), set()
    edges = {i for idxs in pages.values() for i in idxs[:2] + idxs[-2:]}
    counts: Counter[str] = Counter()
    for idxs in pages.values():
        edge = {_edge_key(lines[i].text) for i in idxs[:2] + idxs[-2:] if len(lines[i].text.split()) <= 10}
        counts.update(edge)
    return edges, ({t for t, n in counts.items() if n >= 3} if len(pages) >= 3 else set())


def repair(lines: list[Line]) -> list[Line]:
    """The lines with text debris repaired (mojibake, letter spacing, soft hyphens, odd spaces)."""
    out = []
    for line in lines:
        fixed = repair_line(line.text)
        out.append(line if fixed == line.text else replace(line, text=fixed))
    return out


def clean(lines: list[Line]) -> list[Line]:
    """The same lines with roles set: NOISE for page furniture, MARGIN for letterhead and sidebars.

    A running header or footer repeated on every page is read once: its first appearance is MARGIN,
    so the date or case number it carries is a fact of the document, and the repeats are NOISE.
    """
    lines = unglue(repair(lines))
    edges, repeated = _page_edges(lines)
    roles = [line.role for line in lines]
    texts = [line.text for line in lines]
    seen_edges: set[str] = set()
    for i, text in enumerate(texts):
        if roles[i] != BODY or not text.strip():
            continue
        at_edge = i in edges
        if at_edge and _edge_key(text) in repeated and not is_noise(text):
            key = _edge_key(text)
            roles[i] = NOISE if key in seen_edges or key != text.strip() else MARGIN
            seen_edges.add(key)
            continue
        if is_noise(text) or (at_edge and _matches("edge_noise", "bare_page_number", text)):
            roles[i] = NOISE
            continue
        prev = next((texts[j] for j in range(i - 1, max(i - 2, -1), -1)), "")
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if _line_kind(text, prev, nxt):
            roles[i] = MARGIN
    # A short heading-like block right before a sidebar or letterhead block belongs to it
    # ("Direktion" above the address; the unit name above "NOTAT").
    blocks = _blocks(lines)
    by_pattern = list(roles)  # the block rule must not feed on its own results
    for b in range(len(blocks) - 2, -1, -1):
        block, after = blocks[b], blocks[b + 1]
        if all(by_pattern[i] != BODY for i in after) and len(block) <= 3:
            body = [i for i in block if roles[i] == BODY]
            if body and all(_is_short(texts[i]) for i in body):
                for i in body:
                    roles[i] = MARGIN
    return [replace(line, role=role) if role != line.role else line for line, role in zip(lines, roles, strict=True)]
