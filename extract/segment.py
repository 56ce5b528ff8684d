"""Split a file's lines into its documents and name each document's kind.

A document can only begin where the layout allows it: at the top of a page or after a wide gap
(two or more blank lines, as text extracted from a PDF leaves between pages). It does begin there
when the next lines carry a document head: a municipal letterhead, an e-mail's From/Sent lines,
a date next to a case-number label, a NOTAT or a Referat heading. The cues are data in
`patterns/kinds.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from foi.extract.clean import clean
from foi.extract.model import BODY, NOISE, Document, Line, ReadResult
from foi.extract.pattern_data import any_of, compile_groups, load_patterns

_HEAD_WINDOW = 14  # non-blank lines after a boundary that may hold a document head
_MIN_BODY_LINES = 3  # a would-be document shorter than this stays with the one before it


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, re.Pattern[str]]]:
    return compile_groups(load_patterns("kinds", "foi.extract"))


def cue(group: str, name: str, text: str) -> bool:
    return _cues()[group][name].search(text.strip().strip("*").strip()) is not None


def _nonblank(lines: list[Line], start: int, count: int) -> list[str]:
    out: list[str] = []
    for line in lines[start:]:
        if line.text.strip() and line.role != NOISE:
            out.append(line.text.strip())
            if len(out) >= count:
                break
    return out


def has_head(window: list[str]) -> bool:
    """Do these first lines open a document?"""
    if any(cue("head", "letterhead", t) for t in window[:4]):
        return True
    first = window[:8]
    if any(cue("head", "email", t) for t in first[:3]) and sum(cue("head", "email_second", t) for t in first) >= 1:
        return True
    if any(cue("head", "date_line", t) for t in window) and any(cue("head", "case_label", t) for t in window):
        return True
    return any(cue("head", "memo", t) or cue("head", "minutes", t) for t in window[:4])


def _boundaries(lines: list[Line]) -> list[int]:
    """Indexes where the layout allows a new document: page starts and wide gaps."""
    allowed: list[int] = []
    blank_run = 0
    previous_page = lines[0].page if lines else 1
    for i, line in enumerate(lines):
        if line.page != previous_page:
            allowed.append(i)
            previous_page = line.page
            blank_run = 0
        if not line.text.strip():
            blank_run += 1
            continue
        if blank_run >= 2 and (not allowed or allowed[-1] < i - blank_run):
            allowed.append(i)
        blank_run = 0
    return allowed


def _page_key(text: str) -> str:
    """A page's first line as it repeats: a page counter ("side 2 af 4") varies, a date does not."""
    return re.sub(r"\bside\s*\d+(?:\s*(?:af|/)\s*\d+)?", "side #", text.strip().lower())


def _running_heads(lines: list[Line]) -> set[str]:
    """The first lines that open two or more pages: a running header ("5. maj 2024", "Notat om …,
    side 2"), which opens no new document."""
    firsts: dict[int, str] = {}
    for line in lines:
        if line.text.strip() and line.page not in firsts:
            # a letterhead opening pages opens documents: a letter and its annex both under "X KOMMUNE"
            firsts[line.page] = "" if cue("head", "letterhead", line.text) else _page_key(line.text)
    counts: dict[str, int] = {}
    for key in firsts.values():
        counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 2 and key}


def split_lines(lines: list[Line]) -> list[list[Line]]:
    """Lines to one list of lines per document."""
    starts = [0]
    allowed = _boundaries(lines)
    running = _running_heads(lines)
    for i, until in zip(allowed, [*allowed[1:], len(lines)], strict=False):
        if i <= starts[-1]:
            continue
        first = next((line.text for line in lines[i:until] if line.text.strip()), "")
        if _page_key(first) in running:
            continue
        body_so_far = sum(1 for line in lines[starts[-1] : i] if line.role == BODY and line.text.strip())
        # the head must stand before the next place a document could begin: on the same page
        if body_so_far >= _MIN_BODY_LINES and has_head(_nonblank(lines[:until], i, _HEAD_WINDOW)):
            starts.append(i)
    starts.append(len(lines))
    parts = [lines[a:b] for a, b in zip(starts, starts[1:], strict=False)]
    return [p for p in parts if any(line.text.strip() for line in p)]


@dataclass(frozen=True)
class Verdict:
    """A document's kind (one of DOCUMENT_KINDS), its finer kind (an answer, a ruling, an agenda …),
    how sure the signals are (0 to 1) and which signals decided."""

    kind: str
    subkind: str
    confidence: float
    signals: tuple[str, ...]


@dataclass(frozen=True)
class _Signal:
    name: str
    weights: dict[str, float]
    lines: int
    most: int
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _signals() -> tuple[tuple[_Signal, ...], dict[str, str], dict[str, float]]:
    raw = load_patterns("kinds", "foi.extract")
    signals = tuple(
        _Signal(s["name"], dict(s["weights"]), int(s.get("lines", 0)), int(s.get("max", 1)), any_of(s["patterns"]))
        for s in raw["signal"]
    )
    return signals, dict(raw["kinds"]), {k: float(v) for k, v in raw["threshold"].items()}


def weigh(lines: list[Line]) -> tuple[dict[str, float], list[str]]:
    """The score of every fine kind, and the signals that spoke (\"minutes: Referat heading +6\")."""
    texts = [line.text.strip().strip("*").strip() for line in lines if line.text.strip() and line.role != NOISE]
    signals, _kinds, _threshold = _signals()
    scores: dict[str, float] = {}
    spoke: list[str] = []
    for signal in signals:
        window = texts[: signal.lines] if signal.lines else texts
        hits = min(signal.most, sum(len(signal.pattern.findall(t)) for t in window))
        if not hits:
            continue
        for kind, weight in signal.weights.items():
            scores[kind] = scores.get(kind, 0.0) + weight * hits
        spoke.append(f"{signal.name} ({', '.join(f'{k} {w * hits:+g}' for k, w in signal.weights.items())})")
    return scores, spoke


def verdict(lines: list[Line]) -> Verdict:
    """The kind of one document, from the weighed signals of its head and body."""
    scores, spoke = weigh(lines)
    _signals_, kinds, threshold = _signals()
    order = list(kinds)  # the order of [kinds] breaks ties: email before minutes before … letter
    passed = sorted((k for k in kinds if scores.get(k, 0.0) >= threshold.get(k, 1.0)),
                    key=lambda k: (-scores[k], order.index(k)))
    forms = [k for k in passed if kinds[k] == k or k == "agenda"]
    topics = [k for k in passed if k not in forms]
    form = forms[0] if forms else None
    topic = topics[0] if topics else None
    kind = kinds[form] if form else "other"
    if topic and kinds[topic] != "form" and form != "email" and (form is None or scores[topic] > scores[form]):
        kind = kinds[topic]
    subkind = topic or form or "other"
    top = scores.get(subkind, 0.0)
    rivals = [scores[k] for k in forms if kinds[k] != kind]
    confidence = round(top / (top + max(rivals, default=0.0)), 2) if top > 0 else 0.0
    return Verdict(kind, subkind, confidence, tuple(spoke))


def classify(lines: list[Line]) -> str:
    """The kind of one document (letter annex email memo minutes other)."""
    return verdict(lines).kind


def segment(result: ReadResult) -> list[Document]:
    """All documents of a read file, its attachments' documents after its own, in reading order."""
    documents: list[Document] = []
    _collect(result, documents)
    return documents


def _collect(result: ReadResult, documents: list[Document]) -> None:
    lines = clean(result.lines)
    for part in split_lines(lines):
        found = verdict(part)
        document = Document(len(documents) + 1, found.kind, part)
        document.subkind, document.kind_confidence, document.kind_signals = (
            found.subkind, found.confidence, list(found.signals))
        documents.append(document)
    for _name, child in result.children:
        _collect(child, documents)
