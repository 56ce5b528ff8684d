"""Candidates a reader would look at for a field: labelled lines whose value was not taken, with a
reason read from the text. The labels and shapes are the components' own pattern data, read through
`load_patterns` (case_numbers.toml, header_labels.toml via header_fields, people.toml,
questions_answers.toml); nothing here is a second copy of a Danish pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from foi.extract.explain import Entry, LineIndex
from foi.extract.facts.header_fields import HeaderField, header_fields
from foi.extract.facts.people_names import person_name
from foi.extract.model import CaseNumber, Document
from foi.extract.pattern_data import any_of, load_patterns

# header_labels.toml kinds whose value is a date, and those whose value is a case or document number
DATE_FIELD_KINDS = frozenset({"date", "meeting_date", "decision_date", "sent", "edition", "updated", "published",
                              "received", "deadline"})
_CASE_FIELD_KINDS = frozenset({"case", "journal", "document_number", "our_reference", "their_reference"})
_MOST = 12  # candidates shown per field: a long minutes file would otherwise list every "Sag nr."
_HEAD_LINES = 25
_SENTENCE_WORDS = 8  # a line this long is running text, as case_numbers.py counts it
_LETTER = "A-Za-zÆØÅæøåÉé"
# what each look-alike of case_numbers.toml [not_values] is, in words
_LOOK_ALIKE = {"short_integer": "a short number (an agenda item, a page or a count)", "date": "a date"}


# --- case numbers ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _case_grammar() -> dict[str, Any]:
    raw = load_patterns("case_numbers")
    values = raw.get("values", {})
    schemes = []
    for s in raw.get("scheme", []):
        if not s.get("report", True):  # a CVR number is read but never reported: no candidate either
            continue
        labels = "|".join(f"(?:{p})" for p in s["labels"])
        schemes.append((s["name"], re.compile(rf"(?<![{_LETTER}])(?:{labels})(?![{_LETTER}])", re.IGNORECASE),
                        re.compile(values.get(s.get("value"), r"\S+"), re.IGNORECASE)))
    return {
        "schemes": schemes,
        "not_values": {name: re.compile(f"(?:{p})$", re.IGNORECASE) for name, p in raw.get("not_values", {}).items()},
        "unlabelled": [re.compile(p, re.IGNORECASE) for p in _strings(raw.get("unlabelled", []))],
    }


def _strings(node: object) -> list[str]:
    """Every pattern in a TOML node, whether a list of tables with a `pattern`, a table of named
    patterns or a list of strings: the shape of the data may change without this breaking."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return _strings(node["pattern"]) if "pattern" in node else [p for v in node.values() for p in _strings(v)]
    if isinstance(node, list):
        return [p for v in node for p in _strings(v)]
    return []


def case_rule(c: CaseNumber, index: LineIndex) -> str:
    """How a case number was most likely read: after a label on its line or above it, by a records
    system's shape, or in a slot (alone on a line, an attachment line, a table column)."""
    grammar = _case_grammar()
    if c.start < 0:
        return "in a running header"
    row = index.row_at(c.start)
    offset, _number, _page, text = index.rows[row]
    before = text[: c.start - offset]
    for _scheme, label, _value in grammar["schemes"]:
        hits = [m for m in label.finditer(before) if not before[m.end() :].strip(" \t.:")]
        if hits:
            return f"after its label '{hits[-1].group()}'"
    above = [r[3].strip() for r in index.rows[max(0, row - 3) : row] if r[3].strip()][-2:]
    for line in reversed(above):
        for _scheme, label, _value in grammar["schemes"]:
            m = label.search(line)
            if m and not line[m.end() :].strip(" \t.:"):
                return f"below its label '{m.group()}'"
    if any(p.search(c.raw) for p in grammar["unlabelled"]):
        return "by its shape (a records system's own)"
    return "in a slot: alone on its line, opening an attachment line, after an item status, or in a table"


def _label_hits(document: Document, index: LineIndex) -> Iterator[tuple[int, re.Match[str], str, int, re.Pattern[str]]]:
    """(row, label, value, value offset, value shape) for every case-number label of the document; a
    label alone on its line takes the next non-blank line as its value."""
    for row, (offset, _number, _page, text) in enumerate(index.rows):
        claimed: list[tuple[int, int]] = []  # a label inside an earlier scheme's ("Sagsnummer" in "Sagsnummer i F2")
        for _scheme, label, shape in _case_grammar()["schemes"]:
            for m in label.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in claimed):
                    continue
                claimed.append(m.span())
                rest = text[m.end() :]
                value = rest.lstrip(" \t.:")
                at = offset + m.end() + len(rest) - len(value)
                if not value.strip():
                    below = next((r for r in index.rows[row + 1 : row + 3] if r[3].strip()), None)
                    if below is not None and not header_fields(below[3]):  # not the next label's line
                        value, at = below[3].strip(), below[0] + len(below[3]) - len(below[3].lstrip())
                yield row, m, value.strip(), at, shape


def _case_reason(value: str, shape: re.Pattern[str]) -> tuple[str, str]:
    """The value shown and why it was not taken."""
    if not value:
        return "(no value)", "the label has no value beside or below it"
    m = shape.match(value)
    if not m or not m.group():
        return value[:40], "no case-number shape after the label"
    token = m.group()
    for name, look_alike in _case_grammar()["not_values"].items():
        if look_alike.match(token):
            return token, f"looks like {_LOOK_ALIKE.get(name, name)}, not a case number"
    return token, "a case-number shape after a label, not taken by case_numbers (a label in running text?)"


def case_candidates(document: Document, index: LineIndex) -> list[Entry]:
    taken = [c.start for c in document.facts.case_numbers if c.start >= 0]
    out: list[Entry] = []
    seen: set[int] = set()
    for row, label, value, at, shape in _label_hits(document, index):
        if row in seen or any(at <= s < at + max(1, len(value)) for s in taken):
            continue
        seen.add(row)
        shown, reason = _case_reason(value, shape)
        text = index.rows[row][3]
        at_start = not text[: label.start()].strip(" \t*•-|")
        if reason.startswith("no case-number shape") and not at_start and len(text.split()) > _SENTENCE_WORDS:
            continue  # a label word in running text with no number after it: nothing a reader would miss
        out.append(Entry(shown, index.place_of_row(row, label.start()), f"label '{label.group()}'", False, reason))
    for f in _fields(index, _CASE_FIELD_KINDS):  # labels in a row with their values below ("Dato  Sagsnr.")
        row = index.row_at(f.start)
        if row in seen or (f.value and any(f.value_start <= s < f.value_start + len(f.value) for s in taken)):
            continue
        seen.add(row)
        reason = "the label has no value" if not f.value else "a labelled value not taken by case_numbers"
        out.append(Entry(f.value or "(no value)", index.place(f.start), f"header field '{f.label}' ({f.layout})",
                         False, reason))
    return out[:_MOST]


# --- dates ----------------------------------------------------------------------------------------


def _fields(index: LineIndex, kinds: frozenset[str]) -> list[HeaderField]:
    return [f for f in index.fields if f.kind in kinds]


def date_field_candidates(document: Document, index: LineIndex) -> list[Entry]:
    """Date labels ("Dato:", "Mødedato:") from whose value no full date was read."""
    starts = [d.start for d in document.facts.dates if d.start >= 0]
    out = []
    for f in _fields(index, DATE_FIELD_KINDS):
        if f.value and any(f.value_start <= s < f.value_start + len(f.value) for s in starts):
            continue
        if not f.value:
            reason = "the label has no value"
        elif not re.search(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}", f.value):
            reason = "no year written: a day and month alone is not a full date"
        else:
            reason = "not a full date in a form the dates component reads"
        out.append(Entry(f.value or "(no value)", index.place(f.start), f"header field '{f.label}' ({f.kind})",
                         False, reason))
    return out[:_MOST]


# --- title --------------------------------------------------------------------------------------------


def _title_shape(text: str) -> str:
    words = text.split()
    if text.endswith((".", ",", ";")):
        return "ends like a sentence"
    if len(words) > 20:
        return "longer than a title (over 20 words)"
    if text.isupper():
        return "all capitals (a letterhead line?)"
    if not text[:1].isupper():
        return "does not begin with a capital"
    return "a subject line the letterhead component did not take"


def title_rule(document: Document, index: LineIndex) -> str:
    """Where the letterhead component most likely took the title from (the order of letterhead.py)."""
    title = document.facts.title or ""
    for f in _fields(index, frozenset({"subject"})):
        if f.value and f.value.strip("* ").startswith(title[:40]):
            return f"the '{f.label}' field"
    place = index.find(title)
    if place is not None and place.text.startswith("**"):
        return "a bold line in the head"
    return {"email": "the e-mail's subject", "minutes": "the minutes' heading",
            "letter": "the last heading-like line above the greeting"}.get(document.kind,
                                                                          "a heading among the first body lines")


def title_candidates(document: Document, index: LineIndex) -> list[Entry]:
    """Subject fields ("Emne:", "Vedr.:") and bold lines in the head that are not the title."""
    title = document.facts.title or ""
    out = []
    for f in _fields(index, frozenset({"subject"})):
        if f.value and f.value.strip("* ") != title and index.in_head(f.start, _HEAD_LINES):
            out.append(Entry(f.value, index.place(f.start), f"header field '{f.label}'", False,
                             _title_shape(f.value.strip("* "))))
    for row, (_offset, _n, _p, text) in enumerate(index.rows[:_HEAD_LINES * 2]):
        s = text.strip()
        if len(s) > 4 and s.startswith("**") and s.endswith("**") and s.strip("* ") != title:
            out.append(Entry(s.strip("* "), index.place_of_row(row), "bold line", False, _title_shape(s.strip("* "))))
    return out[:_MOST] if not title else out[:3]


# --- people ---------------------------------------------------------------------------------------


def _group(m: re.Match[str]) -> str:
    return next((g for g in m.groups() if g is not None), "").strip()


def people_candidates(document: Document, index: LineIndex) -> list[Entry]:
    """Names after a greeting, a closing or a From/To/caseworker label that no person was made of."""
    labels = load_patterns("people").get("label", {})
    cues = {name: any_of(labels[name]) for name in ("greeting", "closing", "from", "to", "cc", "caseworker")
            if name in labels}
    taken = [p.name.lower() for p in document.facts.people]
    person_rows = {index.row_at(p.start) for p in document.facts.people if p.start >= 0}
    texts = [(row, r[3].strip()) for row, r in enumerate(index.rows) if r[3].strip()]
    out: list[Entry] = []
    for k, (row, text) in enumerate(texts):
        for cue, pattern in cues.items():
            m = pattern.match(text)
            if not m:
                continue
            names = [_group(m)] if _group(m) else []
            if cue == "closing" and not names:  # the signer stands on the lines below the closing
                below = texts[k + 1 : k + 3]
                names = [] if any(r in person_rows for r, _t in below) else [t for _r, t in below]
            if row in person_rows:
                names = []
            for name in names:
                if not name or any(t in name.lower() for t in taken):
                    continue
                reason = (f'"{name[:40]}" does not read as a person\'s name' if person_name(name) is None
                          else "reads as a name, but the people component gave it no role here")
                out.append(Entry(name[:80], index.place_of_row(row), f"after a {cue} line", False, reason))
            break
    return out[:_MOST]


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


# --- questions and answers ------------------------------------------------------------------------


def qa_candidates(document: Document, index: LineIndex, name: str) -> list[Entry]:
    """Lines shaped like an answer heading ("Ad 1", "Svar:") or a question heading ("Spørgsmål 2:")
    where no answer or question of the document begins."""
    raw = load_patterns("questions_answers")
    answer, question = raw.get("answer", {}), raw.get("question", {})
    items: list[Any] = document.facts.answers if name == "answers" else document.facts.questions
    if name == "answers":  # the heading over all the answers ("Forvaltningens svar") only when none was taken
        patterns = answer.get("heading", []) + answer.get("pair_answer", []) + (
            [] if items else answer.get("answers_follow", []))
    else:
        patterns = answer.get("pair_question", []) + ([] if items else question.get("intro", []))
    if not patterns:
        return []
    pattern = any_of(patterns)
    used = {index.row_at(i.start) for i in items if i.start >= 0}
    out = []
    for row, (_offset, _n, _p, text) in enumerate(index.rows):
        if row in used or (row - 1) in used:  # an item's heading may stand on the line above its text
            continue
        if not re.search(r"\d", text) and used & {row + 1, row + 2}:  # "Spørgsmål" over the first question
            continue
        if pattern.match(text.strip().strip("*").strip()):
            out.append(Entry(text.strip()[:80], index.place_of_row(row), f"shaped like {_a(name[:-1])} heading",
                             False, f"no {name[:-1]} was taken from it by questions_answers"))
    return out[:_MOST]
