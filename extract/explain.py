"""Why a document's facts are what they are: for each fact, the component that found it and the line
it was read from; for a field left empty, the candidates a reader would look at and why none was taken.

Everything is worked out from what the pipeline records, without running a component again:

* every fact's `start` (its offset in `Document.full_text`) gives its line: the line's number among the
  document's lines (noise lines counted, so for a plain-text file's first document it is the file's
  line number), its page and an excerpt of the line around the fact;
* the document's kind comes from the segmenter's weighed signals (`Document.kind_signals`), each shown
  with the first lines its patterns match (`patterns/kinds.toml`, read through its loader);
* the document date is the date with role "document"; every other date written is shown with its role,
  which says why it is not the document's own (an inquiry's date, a cited decision's, a deadline …);
* candidates for case numbers, dates, the title, answers and people come from the same pattern data
  the components read (`explain_candidates.py`).

The reasons given for a candidate describe the text (a label without a value, a short number, no
year), not a trace of the component's decisions: the components record no trace.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from foi.extract.facts.header_fields import HeaderField, header_fields
from foi.extract.model import FACT_KINDS, NOISE, Document, FileResult
from foi.extract.pattern_data import any_of, load_patterns

# The component that finds each field: the fact lists' from extract/model.py FACT_KINDS (so that a
# new kind of fact is explained without a change here), the single values' and the kind's below.
COMPONENT_OF = {
    "kind": "segmenter",
    "date": "dates",
    "inquiry_date": "dates",
    "title": "letterhead",
    "municipality": "letterhead",
    "administration": "letterhead",
    "committee": "agenda_items",
    "meeting_time": "agenda_items",
    "meeting_place": "agenda_items",
    **{kind.attr: kind.component for kind in FACT_KINDS},
}
_EXCERPT = 160  # characters of a long line shown around a fact


@dataclass(frozen=True)
class Place:
    """Where a fact was read: `line` counts the document's lines from 1 (noise lines included), `page`
    is the file's page, `text` the line (or, for a long line, an excerpt around the fact)."""

    line: int
    page: int
    text: str


@dataclass(frozen=True)
class Entry:
    """A fact found (`taken`) or a candidate not taken, with the line it stands on (None: no place
    recorded, as for a date read from a running header), how it was found where known (`rule`), and
    why it won or was not taken (`reason`)."""

    value: str
    place: Place | None
    rule: str = ""
    taken: bool = True
    reason: str = ""


@dataclass
class FieldExplanation:
    """One field of a document: its value in short (None: empty), the component that fills it, the
    facts found, the candidates not taken and a note (why the field is empty, where that is known)."""

    name: str
    component: str
    value: str | None
    found: list[Entry] = field(default_factory=list)
    candidates: list[Entry] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Signal:
    """A kind signal that spoke: its name and weights (as `kind_signals` reports it) and the lines that
    match its patterns."""

    text: str
    places: tuple[Place, ...] = ()


@dataclass
class KindExplanation:
    kind: str
    subkind: str
    confidence: float
    signals: list[Signal]
    scores: dict[str, float]  # every fine kind a signal spoke for
    thresholds: dict[str, float]  # the score each fine kind needs
    note: str = ""


@dataclass
class DocumentExplanation:
    sequence: int
    pages: tuple[int, int]
    kind: KindExplanation
    fields: list[FieldExplanation]


class LineIndex:
    """A document's lines with their offsets in `full_text`: a fact's offset to its line."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.rows: list[tuple[int, int, int, str]] = []  # (offset in full_text, line number, page, text)
        offset = 0
        for number, line in enumerate(document.lines, 1):
            if line.role == NOISE:
                continue
            self.rows.append((offset, number, line.page, line.text))
            offset += len(line.text) + 1
        self._offsets = [row[0] for row in self.rows]

    @cached_property
    def fields(self) -> list[HeaderField]:
        """The document's header fields (header_fields.py), read once for every field explained."""
        return header_fields(self.document.full_text)

    def row_at(self, start: int) -> int:
        """The index in `rows` of the line holding offset `start`."""
        return max(0, bisect.bisect_right(self._offsets, start) - 1)

    def place(self, start: int) -> Place | None:
        if start < 0 or not self.rows:
            return None
        offset, number, page, text = self.rows[self.row_at(start)]
        return Place(number, page, excerpt(text, start - offset))

    def place_of_row(self, row: int, column: int = 0) -> Place:
        _offset, number, page, text = self.rows[row]
        return Place(number, page, excerpt(text, column))

    def before(self, start: int, width: int = 30) -> str:
        """The words before offset `start` on its line (at most `width` characters)."""
        if start < 0 or not self.rows:
            return ""
        offset, _number, _page, text = self.rows[self.row_at(start)]
        cut = max(0, start - offset - width)
        words = text[cut : start - offset].split()
        if cut > 0 and text[cut - 1].strip() and words:  # the window began inside a word
            words = words[1:]
        return " ".join(words)

    def in_head(self, start: int, lines: int = 25) -> bool:
        """Does offset `start` stand among the first `lines` non-blank lines (the letterhead, the head)?"""
        row = self.row_at(start)
        return sum(1 for r in self.rows[:row] if r[3].strip()) < lines

    def find(self, value: str) -> Place | None:
        """The line where `value` is first written (for facts that record no offset: the title …)."""
        if not value:
            return None
        for offset, _number, _page, text in self.rows:
            at = text.find(value)
            if at < 0:
                at = text.find(value[:40])  # a value joined from a wrapped line begins on its first line
            if at >= 0:
                return self.place(offset + at)
        return None


def excerpt(text: str, column: int = 0) -> str:
    """The line, stripped; a long line (a flattened PDF page) cut to a window around `column`."""
    if len(text) <= _EXCERPT:
        return text.strip()
    start = max(0, min(column - _EXCERPT // 3, len(text) - _EXCERPT))
    cut = text[start : start + _EXCERPT].strip()
    return ("…" if start > 0 else "") + cut + ("…" if start + _EXCERPT < len(text) else "")


# --- the kind ---------------------------------------------------------------------------------


def _kind(document: Document, index: LineIndex) -> KindExplanation:
    from foi.extract.segment import weigh

    raw = load_patterns("kinds", "foi.extract")
    thresholds = {k: float(v) for k, v in raw.get("threshold", {}).items()}
    scores, _spoke = weigh(document.lines)
    specs = {str(s["name"]): s for s in raw.get("signal", [])}
    texts = [(i, text.strip().strip("*").strip()) for i, (_o, _n, _p, text) in enumerate(index.rows) if text.strip()]
    signals = []
    for spoken in document.kind_signals:
        name = spoken.split(" (")[0]
        spec = specs.get(name)
        places: list[Place] = []
        if spec is not None:
            pattern = any_of(list(spec["patterns"]))
            window = texts[: int(spec.get("lines", 0))] if spec.get("lines") else texts
            hits = [(i, m.start()) for i, text in window if (m := pattern.search(text))]
            places = [index.place_of_row(i, column) for i, column in hits[: max(1, int(spec.get("max", 1)))][:3]]
        signals.append(Signal(spoken, tuple(places)))
    note = ""
    if document.subkind == "other" or not document.kind_signals:
        below = [f"{k} {scores[k]:g} < {thresholds.get(k, 1.0):g}" for k in sorted(scores, key=lambda k: -scores[k])]
        note = ("no signal spoke" if not scores else "no kind reached its threshold: " + ", ".join(below))
    return KindExplanation(document.kind, document.subkind, document.kind_confidence, signals,
                           {k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])},
                           {k: thresholds.get(k, 1.0) for k in scores}, note)


# --- one document -----------------------------------------------------------------------------


def explain_document(document: Document) -> DocumentExplanation:
    from foi.extract.explain_fields import date_fields, field_explanations

    index = LineIndex(document)
    fields = date_fields(document, index) + field_explanations(document, index)
    return DocumentExplanation(document.sequence, (document.page_start, document.page_end),
                               _kind(document, index), fields)


def explain(result: FileResult) -> list[DocumentExplanation]:
    """One explanation per document of an extracted file (none for a file that could not be read)."""
    return [explain_document(document) for document in result.documents]


def explanation_json(result: FileResult, explanations: list[DocumentExplanation]) -> dict[str, Any]:
    """The explanations as JSON-ready data: {"file", "status", "error"?, "documents": [...]}."""
    from dataclasses import asdict

    out: dict[str, Any] = {"file": result.path, "format": result.format, "status": result.status,
                           "documents": [asdict(e) for e in explanations]}
    if result.error:
        out["error"] = result.error
    return out
