"""The explanations of one file as a report to read: per document its kind and signals, then every
field with what was taken (+) and the candidates not taken (-), each with its line."""

from __future__ import annotations

from foi.extract.explain import DocumentExplanation, Entry, FieldExplanation, KindExplanation, Place

# Fields shown even when empty: the ones users most often find missing
CORE = ("date", "inquiry_date", "title", "case_numbers", "people", "questions", "answers")
_SHOWN = 10  # entries of one field in the report; --json has them all


def _place(place: Place | None) -> str:
    if place is None:  # a municipality named by its e-mail domain, a date in a running header
        return "      (no line: not written as such in the text, or read from a running header)"
    page = f"page {place.page}, " if place.page > 1 else ""
    return f"      {page}line {place.line}: {place.text}"


def _entry(entry: Entry) -> list[str]:
    mark = "+" if entry.taken else "-"
    words = [entry.value]
    if entry.rule:
        words.append(f"[{entry.rule}]")
    head = f"  {mark} " + " ".join(words)
    if entry.reason:
        head += f" — {entry.reason}"
    return [head, _place(entry.place)]


def _kind(kind: KindExplanation) -> list[str]:
    lines = [f"kind: {kind.kind} · {kind.subkind} (confidence {kind.confidence:g})   [segmenter, patterns/kinds.toml]"]
    for signal in kind.signals:
        lines.append(f"  signal {signal.text}")
        lines.extend(_place(p) for p in signal.places)
    if kind.scores:
        lines.append("  scores: " + ", ".join(f"{k} {v:g} (needs {kind.thresholds.get(k, 1.0):g})"
                                             for k, v in kind.scores.items()))
    if kind.note:
        lines.append(f"  {kind.note}")
    return lines


def _field(field: FieldExplanation) -> list[str]:
    lines = [f"{field.name}: {field.value if field.value else '(empty)'}   [{field.component}]"]
    for group in (field.found, field.candidates):
        for entry in group[:_SHOWN]:
            lines.extend(_entry(entry))
        if len(group) > _SHOWN:
            lines.append(f"  … and {len(group) - _SHOWN} more (--json lists them all)")
    if field.note:
        lines.append(f"  why empty: {field.note}" if not field.value else f"  {field.note}")
    return lines


def render(path: str, explanations: list[DocumentExplanation]) -> str:
    """The report of one file: a block per document."""
    out = [f"{path}: {len(explanations)} document{'s' if len(explanations) != 1 else ''}",
           "(+ taken, - considered and not taken; line numbers count the document's lines from 1)"]
    for e in explanations:
        out.append("")
        pages = f"page {e.pages[0]}" if e.pages[0] == e.pages[1] else f"pages {e.pages[0]}-{e.pages[1]}"
        out.append(f"== document {e.sequence} of {len(explanations)} · {pages} ==")
        out.extend(_kind(e.kind))
        empty = []
        for field in e.fields:
            if field.name in CORE or field.found or field.candidates:
                out.extend(_field(field))
            else:
                empty.append(field.name)
        if empty:
            out.append("empty: " + ", ".join(empty))
    return "\n".join(out)
