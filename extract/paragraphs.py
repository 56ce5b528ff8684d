"""Rejoin body lines into paragraphs: undo layout wrapping and end-of-line hyphenation.

An empty line ends a paragraph. A paragraph that stops mid-sentence and a next one that starts in
lower case are one paragraph that a sidebar or a page break cut in two.
"""

from __future__ import annotations

import re

# "Beskæftigelses- og Integrationsforvaltningen": a hyphen that stands for a shared word part, kept
_SUSPENDED_HYPHEN_NEXT = re.compile(r"^(og|eller|samt|til|&)\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-•▪●◦*–]\s|\(?\d{1,2}[.)]\s|[a-zæøå][.)]\s|Ad\s+\d)")
_SENTENCE_END = re.compile(r"[.!?:;\"”»)]$")


def join_lines(left: str, right: str) -> str:
    """Two wrapped lines of one paragraph as one string."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        if right[:1].islower() and not _SUSPENDED_HYPHEN_NEXT.match(right):
            return left[:-1] + right
        return left + " " + right if _SUSPENDED_HYPHEN_NEXT.match(right) else left + right
    if left.endswith("\u00ad"):
        return left[:-1] + right
    return left + " " + right


def split_paragraphs(lines: list[str], keep_line_breaks: bool = False) -> list[str]:
    """Lines to paragraphs: wrapped lines joined, list items and short headings kept on their own.

    With `keep_line_breaks`, a line that was not wrapped by the layout keeps its line break inside
    the paragraph: the lines of a company list, an address or an e-mail's header block stay lines,
    while prose that a PDF text extraction wrapped without blank lines is joined again.
    """
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(_join_block(current, keep_line_breaks).strip())
            current.clear()

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if current and (_LIST_ITEM.match(line) or "\t" in line or "\t" in current[-1]):
            flush()
        current.append(line)
    flush()
    return _mend_cut_sentences(paragraphs)


_MIN_WRAP_WIDTH = 50  # a block whose longest line is shorter was not wrapped by a layout: a list


def _join_block(block: list[str], keep_line_breaks: bool) -> str:
    text = block[0]
    width = max(len(line) for line in block)
    for prev, line in zip(block, block[1:], strict=False):
        if not keep_line_breaks or _wrapped(prev, line, width):
            text = join_lines(text, line)
        else:
            text = text.rstrip() + "\n" + line.strip()
    return text


def _wrapped(prev: str, line: str, width: int) -> bool:
    """Did a layout break the line here? The next line's first word would not have fit after it,
    or a sentence runs on in lower case from a line that fills most of the width."""
    if width < _MIN_WRAP_WIDTH:
        return False
    first_word = line.split(" ", 1)[0]
    if len(prev) + 1 + len(first_word) > 0.9 * width:
        return True
    return line[:1].islower() and not _SENTENCE_END.search(prev) and len(prev) >= 0.6 * width


def _mend_cut_sentences(paragraphs: list[str]) -> list[str]:
    mended: list[str] = []
    for para in paragraphs:
        if (
            mended
            and para[:1].islower()
            and not _SENTENCE_END.search(mended[-1])
            and not _LIST_ITEM.match(para)
            and len(mended[-1]) > 60
        ):
            mended[-1] = join_lines(mended[-1], para)
        else:
            mended.append(para)
    return mended


def join_paragraphs(lines: list[str], keep_line_breaks: bool = False) -> str:
    """Body lines as clean text: one paragraph a line, paragraphs separated by a blank line."""
    return "\n\n".join(split_paragraphs(lines, keep_line_breaks))
