"""Header fields: the labelled values of a document's head, whatever the layout.

    Sagsnr.: 2019-1234                      label and value on one line
    Dato                                    label above its value (stacked)
    02-09-2019
    Mødedato: 3. april 2019 Tid: 16.00 Sted: Rådhuset     several labels flattened into one line
    Dato:  Enhed:  Sagsnr.:                 labels in a column, their values in the next lines
    … J.nr. 2025 - 3060 11. juni 2025       a distinctive label mid-line, without ":"

A label is followed by ":", ".:" or nothing; without ":" it must stand alone on its line, at the start
of a line, or be a distinctive label ("J.nr.", "Sagsnr."), and its value must have the shape of its kind
(a case number holds a digit, a place begins with a capital). An ordinary word used as a label ("Fra",
"Til", "Om") counts mid-line only after another field of the same line: "Fra: A Sendt: B Til: C".

The labels and the kind each stands for are data: `patterns/header_labels.toml`. Other components
(case numbers, dates, people) read the fields they need by kind:

    >>> [(f.kind, f.value) for f in header_fields("Sagsnr.: 19/04512  Dato: 3. marts 2019")]
    [('case', '19/04512'), ('date', '3. marts 2019')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from foi.extract.pattern_data import load_patterns

_SEP = re.compile(r"[ \t\u00a0]*(?:\.[ \t\u00a0]*)?:[ \t\u00a0]*")
_LEAD = re.compile(r"^[\s*•·\-–|>]*$")  # what may stand before a label that opens its line
_TRIM = " \t\u00a0,;|·•*"
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{2,}|\t|[ \t\u00a0]+[|·•][ \t\u00a0]+")
_GAP_END = re.compile(r"(?:[ \t\u00a0]{2,}|\t)$")  # a label after a wide gap opens a column of its own
_STACK_REACH = 2  # blank-free lines a stacked value may stand below the last label of its column


@dataclass(frozen=True)
class HeaderField:
    """One labelled value: `label` as written (without its ":"), the `kind` of value it stands for,
    the `value` (trimmed, possibly empty), `start` the label's offset in the text, `value_start` the
    value's (-1 if empty), and `layout`: inline, stacked or column."""

    label: str
    kind: str
    value: str
    start: int
    value_start: int = -1
    layout: str = "inline"


@dataclass(frozen=True)
class _Rules:
    label: re.Pattern[str]
    kinds: tuple[str, ...]  # the kind of each label alternative, by group index
    shapes: dict[str, re.Pattern[str]]
    strong: frozenset[str]
    bare: frozenset[str]
    weak: re.Pattern[str]
    ordinary: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_patterns("header_labels")
    alternatives = [(p, kind) for kind, patterns in raw["labels"].items() for p in patterns]
    alternatives.sort(key=lambda a: len(a[0]), reverse=True)  # the longest label first
    groups = _by_first_letter([p for p, _kind in alternatives])
    # a label begins after a non-letter, or glued to the end of a value: "5474/10Dato: 18. januar 2010"
    before = r"(?:(?<![\w])|(?<=(?-i:[\da-zæøå)\]]))(?=(?-i:[A-ZÆØÅ])))"
    # ... and ends before a non-letter, or where the next label is glued to it: "DatoDok.idJ. nr."
    after = r"(?:(?![\w])|(?<=(?-i:[a-zæøå.]))(?=(?-i:[A-ZÆØÅ])))"
    label = re.compile(rf"{before}(?:{groups}){after}", re.IGNORECASE)

    def whole(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")$", re.IGNORECASE)

    return _Rules(
        label=label,
        kinds=tuple(kind for _p, kind in alternatives),
        shapes={kind: re.compile(p, re.IGNORECASE) for kind, p in raw["shape"].items()},
        strong=frozenset(raw["strong"]["kinds"]),
        bare=frozenset(raw["bare"]["kinds"]),
        weak=whole(raw["strong"]["weak_labels"]),
        ordinary=whole(raw["ordinary"]["labels"]),
    )


def _by_first_letter(patterns: list[str]) -> str:
    """The alternatives grouped by their first letter ("s(?:agsnr|ag)|d(?:ato|ok)…"), one named group
    each: a regex tries a few branches at each position instead of every label (ten times faster)."""
    branches: dict[str, list[str]] = {}
    for i, p in enumerate(patterns):
        if p[:1].isalpha() and p[1:2] not in ("?", "*", "+", "{"):
            branches.setdefault(p[0].lower(), []).append(f"(?P<g{i}>{p[1:]})")
        else:  # a pattern that does not open with a plain letter stays whole
            branches.setdefault("", []).append(f"(?P<g{i}>{p})")
    return "|".join(f"{re.escape(first)}(?:{'|'.join(alts)})" for first, alts in branches.items())


@dataclass
class _Label:
    kind: str
    text: str
    start: int  # in the line
    end: int  # after the label and its ":"
    colon: bool
    at_start: bool


def _kind(m: re.Match[str]) -> str:
    return _rules().kinds[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]


def _fits(kind: str, value: str) -> bool:
    shape = _rules().shapes.get(kind)
    return shape is not None and shape.search(value) is not None


def _line_labels(line: str) -> list[_Label]:
    """The labels of one line that are labels here, not words of a sentence."""
    rules = _rules()
    found: list[_Label] = []
    for m in rules.label.finditer(line):
        before = line[: m.start()]
        at_start = bool(_LEAD.match(before) or _GAP_END.search(before))
        sep = _SEP.match(line, m.end())
        label = _Label(_kind(m), m.group().strip(), m.start(), sep.end() if sep else m.end(), sep is not None, at_start)
        strong = label.kind in rules.strong and not rules.weak.match(label.text)
        in_row = bool(found) and not line[found[-1].end : label.start].strip()  # "Sagsnr.   Dato"
        if label.colon:
            plausible = at_start or bool(found) or not rules.ordinary.match(label.text)
        else:
            plausible = at_start or strong or in_row
        if plausible:
            found.append(label)
    # a label's value runs to the next label; a label whose value does not fit goes, and its
    # neighbour's value grows over it, so look again until nothing changes
    while True:
        kept = [
            label for i, label in enumerate(found)
            if _accept(label, line[label.end : found[i + 1].start if i + 1 < len(found) else len(line)].strip(_TRIM))
        ]
        if len(kept) == len(found):
            return kept
        found = kept


def _accept(label: _Label, value: str) -> bool:
    rules = _rules()
    if not value:  # alone on its line or in a row of labels: the value stands below
        return label.colon or label.kind in rules.shapes
    if not label.colon and label.kind not in rules.bare:
        return False
    return label.kind not in rules.shapes or _fits(label.kind, value)


def _fields_of_line(line: str, offset: int, labels: list[_Label]) -> list[HeaderField]:
    out = []
    for i, label in enumerate(labels):
        upto = labels[i + 1].start if i + 1 < len(labels) else len(line)
        raw = line[label.end : upto]
        value = raw.strip(_TRIM)
        at = offset + label.end + (raw.find(value) if value else 0)
        out.append(HeaderField(label.text, label.kind, value, offset + label.start, at if value else -1))
    return out


def header_fields(text: str) -> list[HeaderField]:
    """Every labelled value in `text`, in reading order of the labels. A label whose value is missing
    ("Dato:" left empty) is kept with an empty value."""
    out: list[HeaderField] = []
    pending: list[HeaderField] = []  # labels waiting for their values on the lines below
    waited = reach = 0
    offset = 0
    for line in text.split("\n"):
        at, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        fields = _fields_of_line(line, at, _line_labels(line))
        if fields and all(not f.value for f in fields):
            pending.extend(fields)
            waited, reach = 0, len(pending) + _STACK_REACH
            continue
        if pending and not fields and waited < reach:
            waited += 1
            out.extend(_fill(pending, line, at))
            continue
        out.extend(pending)  # labels left without a value
        pending = []
        out.extend(fields)
    out.extend(pending)  # labels left without a value
    return sorted(out, key=lambda f: f.start)


def _fill(pending: list[HeaderField], line: str, offset: int) -> list[HeaderField]:
    """Values for waiting labels from one line: one cell each where the line splits into as many
    cells as labels wait ("15. juni 2009    847164"), else the whole line for the first label."""
    cells = _cells(line)
    if len(pending) > 1 and len(cells) == len(pending):
        filled = [_stacked(label, value, offset + at) for label, (at, value) in zip(pending, cells, strict=True)]
        pending.clear()
        return [f for f in filled if f is not None]
    value = line.strip(_TRIM)
    field = _stacked(pending.pop(0), value, offset + line.find(value))
    return [field] if field is not None else []


def _cells(line: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for part in _COLUMN_GAP.split(line):
        at = line.find(part, pos)
        pos = at + len(part)
        value = part.strip(_TRIM)
        if value:
            out.append((at + part.find(value), value))
    return out


def _stacked(label: HeaderField, value: str, at: int) -> HeaderField | None:
    if not _fits(label.kind, value):
        return None
    return HeaderField(label.label, label.kind, value, label.start, at, "stacked")
