"""Where a paragraph's end is a blank line, for readers of formats built from paragraphs (Word, HTML).

Plain text shows its blocks by blank lines: the lines of an address, a signature or a list of askers
stand together, and a blank line sets the next block apart. A Word document or an Outlook message
has paragraphs instead, and writers use them in two ways:

* a paragraph per paragraph, set apart by the style's spacing: every paragraph's end is a blank line;
* a paragraph per line, with an empty paragraph typed where a blank line should be (Word templates
  whose Normal style has no spacing, Outlook's HTML, text pasted into Word): there the empty
  paragraphs are the blank lines, and the other paragraph ends are line ends, as in the text.

A reader marks each paragraph's end as a soft blank line and each empty paragraph as a hard one, and
`settle` decides: where the empty paragraphs are many (`SEPARATOR_SHARE` of the paragraphs), soft
blanks are dropped. Whatever the writer's habit, a paragraph that stops mid-sentence and a next one
that goes on in lower case are one paragraph broken at each line (a PDF converted to Word): the soft
blank between them is dropped too, so that "stillet efter ønske / fra Nikolaj Villumsen" stays one
block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi.extract.model import Line

SEPARATOR_SHARE = 0.2  # empty paragraphs per paragraph with text from which empty ones are the blanks
MIN_SEPARATORS = 2
CUT_MIN = 40  # characters: a shorter paragraph without a full stop is a heading or a label, not a cut line
_SENTENCE_END = re.compile(r"[.!?:;\"”»)]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•▪●◦*–]\s|\(?\d{1,2}[.)]\s|[a-zæøå][.)]\s)")


class Blanks:
    """The soft blank lines of a reader's output and the counts `settle` decides by."""

    def __init__(self) -> None:
        self.soft: set[int] = set()  # indexes of blank lines that end a paragraph with text
        self.separators = 0  # empty paragraphs right after a paragraph with text
        self.paragraphs = 0  # paragraphs with text

    def blank(self, lines: list[Line], page: int, soft: bool = False) -> None:
        """End a block (or, if `soft`, a paragraph) with one blank line; never two in a row."""
        if not lines:
            return
        if lines[-1].text:
            if soft:
                self.soft.add(len(lines))
            lines.append(Line("", page))
        elif not soft:
            self.soft.discard(len(lines) - 1)

    def empty_paragraph(self, lines: list[Line], page: int) -> None:
        """An empty paragraph: a blank line typed by the writer."""
        if lines and (lines[-1].text or len(lines) - 1 in self.soft):
            self.separators += 1
        self.blank(lines, page)

    def paragraph_end(self, lines: list[Line], page: int) -> None:
        self.paragraphs += 1
        self.blank(lines, page, soft=True)

    def spaced_by_empty_paragraphs(self) -> bool:
        return self.separators >= MIN_SEPARATORS and self.separators >= SEPARATOR_SHARE * self.paragraphs

    def settle(self, lines: Sequence[Line]) -> list[Line]:
        """The lines without the soft blanks that are line ends (see the module's docstring)."""
        spaced = self.spaced_by_empty_paragraphs()
        out: list[Line] = []
        for i, line in enumerate(lines):
            if i in self.soft and 0 < i < len(lines) - 1:
                if spaced or cut_mid_sentence(lines[i - 1].text, lines[i + 1].text):
                    continue
            out.append(line)
        return out


def cut_mid_sentence(before: str, after: str) -> bool:
    """Does `after` go on with the sentence `before` stops in (a line break made a paragraph end)?"""
    before, after = before.rstrip(), after.lstrip()
    return (len(before) >= CUT_MIN and not _SENTENCE_END.search(before) and after[:1].islower()
            and not _LIST_ITEM.match(after))
