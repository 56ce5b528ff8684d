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


def split_paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs: wrapped lines joined, list items and short headings kept on their own."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            text = current[0]
            for line in current[1:]:
                text = join_lines(text, line)
            paragraphs.append(text.strip())
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


def join_paragraphs(lines: list[str]) -> str:
    """Body lines as clean text: one paragraph a line, paragraphs separated by a blank line."""
    return "\n\n".join(split_paragraphs(lines))
