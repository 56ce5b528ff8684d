"""Case numbers and registry numbers: sagsnr, dokumentnr, F2 and eDoc numbers, journal numbers,
EAN and P-numbers, GetOrganized (EMN) numbers and KLE journal numbers, in the forms Danish
administrations write.

A number is read in one of four ways, each a part of the grammar in `patterns/case_numbers.toml`:

* after its label, on the same line ("Sagsnr. 19/04512", "Sagsid.: 14/40", "Dok.: KMA51207") or on
  the next ("J nr." / "2025 - 46"), also where text extraction glued the next label to it
  ("2015-0186920Dokumentnr.");
* by a shape that is a records system's own, anywhere (EMN-2025-003383, 00.01.00-G01-1-19,
  eDoc's 2018-0000088-148, Rigsrevisionen's RN B204/19);
* by a weaker shape in a slot where case numbers stand: alone on a line under an agenda item,
  opening an attachment line ("2021-184422 - Notat om trafik"), after an item status ("Åbent - ");
* in the column of a table whose header cell is a case label ("Sag nr." over nine-digit numbers).

Never case numbers: agenda item numbers ("Sag nr. 4"), dates, year ranges, plan numbers, and the
registry numbers that identify a party rather than a case (a CVR number; an EAN beside a CVR in a
registration footer). EAN and CVR numbers must pass their check digits. Values are normalised
without spaces ("2023 - 3701" -> "2023-3701"); each (scheme, value) is kept once per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from stdnum import ean as stdnum_ean
from stdnum.dk import cvr as stdnum_cvr

from foi.extract.facts.context import ASSIGNS, document_of, facts_of, first_of_each, line_offsets, set_spans
from foi.extract.facts.header_fields import header_fields
from foi.extract.model import BODY, NOISE, CaseNumber
from foi.extract.pattern_data import load_patterns

_LETTER_BEFORE = r"(?<![A-Za-zÆØÅæøåÉé])"
_LETTER_AFTER = r"(?![A-Za-zÆØÅæøåÉé])"
_CHECKED = {"ean": stdnum_ean.is_valid, "cvr": stdnum_cvr.is_valid}
_OWN_SHAPE = {"ean", "cvr", "p_nummer"}  # registry numbers: never re-filed by the shape of their value
_FOREIGN_SYSTEMS = {"f2_sagsnr", "f2_dokumentnr", "edoc_sagsnr"}
_SENTENCE_WORDS = 8  # a body line this long is running text, not a label line or a heading
_CELL = re.compile(r"[^\t ](?:[^\t ]| (?! ))*")  # a table cell: text up to a tab or a wide gap
_FIELD = re.compile(r":[ \t]*$")  # "Sagsnr.: " just before a value: a field, not a sentence

Span = tuple[int, int]


@dataclass(frozen=True)
class _Scheme:
    name: str
    label: re.Pattern[str]
    value: re.Pattern[str]
    report: bool


@dataclass(frozen=True)
class _Rules:
    schemes: tuple[_Scheme, ...]
    not_values: tuple[re.Pattern[str], ...]
    shapes: tuple[tuple[str, re.Pattern[str]], ...]
    unlabelled: tuple[tuple[str, re.Pattern[str], bool], ...]
    slots: tuple[tuple[str, str, re.Pattern[str]], ...]  # (scheme, role, pattern)
    not_shape: re.Pattern[str]
    not_after: re.Pattern[str]
    table_header: re.Pattern[str]
    table_value: re.Pattern[str]
    table_scheme: str
    footer_lines: int
    cited_before: re.Pattern[str]
    values: dict[str, re.Pattern[str]]
    field_kinds: dict[str, tuple[str, str, str]]  # header field kind -> (scheme, value shape, role)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_patterns("case_numbers")
    gap = raw["gap"]["pattern"]
    schemes = []
    for entry in raw["scheme"]:
        labels = "|".join(f"(?:{p})" for p in entry["labels"])
        value = raw["values"][entry["value"]]
        schemes.append(
            _Scheme(
                entry["name"],
                re.compile(f"{_LETTER_BEFORE}(?:{labels}){_LETTER_AFTER}", re.IGNORECASE),
                re.compile(f"{gap}(?P<value>{value})(?!\\d)", re.IGNORECASE),
                entry.get("report", True),
            )
        )
    slots = raw["slots"]
    table = raw["table"]
    return _Rules(
        schemes=tuple(schemes),
        not_values=tuple(re.compile(p, re.IGNORECASE) for p in raw["not_values"].values()),
        shapes=tuple((name, re.compile(f"(?:{p})$", re.IGNORECASE)) for name, p in raw["shapes"].items()),
        unlabelled=tuple((u["scheme"], re.compile(u["pattern"], re.IGNORECASE), u.get("ambiguous", False))
                         for u in raw["unlabelled"]),
        slots=tuple((slot["scheme"], slot.get("role", "own"),
                     re.compile(slot["pattern"].replace("{shape}", slots["shape"]), re.MULTILINE))
                    for slot in raw["slot"]),
        not_shape=re.compile(slots["not_shape"]),
        not_after=re.compile(slots["not_after"], re.IGNORECASE),
        table_header=re.compile(table["header"], re.IGNORECASE),
        table_value=re.compile(table["value"]),
        table_scheme=table["scheme"],
        footer_lines=raw["registry"]["footer_lines"],
        cited_before=re.compile(raw["cited"]["before"], re.IGNORECASE),
        values={k: re.compile(f"(?P<value>{v})(?!\\d)", re.IGNORECASE) for k, v in raw["values"].items()},
        field_kinds={kind: (v[0], v[1], v[2]) for kind, v in raw["header_fields"].items()},
    )


def normalise(value: str) -> str:
    """A case number without spaces and trailing punctuation: "2023 - 3701" -> "2023-3701"."""
    return re.sub(r"\s+", "", value).replace("–", "-").rstrip(".-/")


def _scheme_of_shape(scheme: str, value: str) -> str:
    """EMN and KLE numbers keep their own scheme whichever label stands before them."""
    if scheme in _OWN_SHAPE:
        return scheme
    for name, shape in _rules().shapes:
        if shape.match(value):
            return name
    return scheme


def _valid(scheme: str, value: str) -> bool:
    if not re.search(r"\d", value):
        return False
    check = _CHECKED.get(scheme)
    if check:
        return bool(check(value))
    return not any(p.fullmatch(value) for p in _rules().not_values)


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _labelled(text: str, taken: list[Span]) -> list[tuple[CaseNumber, bool]]:
    """(number, reported) for every value after a label."""
    found: list[tuple[CaseNumber, bool]] = []
    labels_taken: list[Span] = []
    for scheme in _rules().schemes:
        for label in scheme.label.finditer(text):
            if _overlaps(label.span(), labels_taken):
                continue
            labels_taken.append(label.span())
            m = scheme.value.match(text, label.end())
            if not m:
                continue
            raw = m.group("value").strip()
            value = normalise(raw)
            if not _valid(scheme.name, value):
                continue
            start = m.start("value")
            role = "cited" if _rules().cited_before.search(_before(text, label.start())) else "own"
            number = CaseNumber(_scheme_of_shape(scheme.name, value), value, raw, start, role)
            found.append((number, scheme.report))
            taken.append((start, m.end("value")))
    return found


def _scheme_of_label(label: str, default: str) -> _Scheme | None:
    """The scheme whose label `label` is ("Sagsnummer i F2" -> f2_sagsnr), else the `default` one."""
    schemes = _rules().schemes
    return next((s for s in schemes if s.label.fullmatch(label)), None) or next(
        (s for s in schemes if s.name == default), None)


def _fielded(text: str, taken: list[Span]) -> list[tuple[CaseNumber, bool]]:
    """(number, reported) for the values of header fields in layouts a label's neighbourhood does not
    show: labels in a column above their values, flattened rows. `header_fields` reads the layout;
    the value must still be a case number by this grammar."""
    rules = _rules()
    found: list[tuple[CaseNumber, bool]] = []
    # running text has no such layouts: blank it out (keeping every offset) and save the reading
    short = "\n".join(line if len(line.split()) < _SENTENCE_WORDS else " " * len(line) for line in text.split("\n"))
    for field in header_fields(short):
        kind = rules.field_kinds.get(field.kind)
        if kind is None or field.value_start < 0:
            continue
        default, shape, role = kind
        scheme = _scheme_of_label(field.label.strip(), default)
        m = rules.values[shape].match(text, field.value_start)
        if scheme is None or not m or _overlaps(m.span("value"), taken):
            continue
        raw = m.group("value").strip()
        value = normalise(raw)
        if _valid(scheme.name, value):
            found.append((CaseNumber(_scheme_of_shape(scheme.name, value), value, raw, m.start(), role), scheme.report))
            taken.append(m.span("value"))
    return found


def _before(text: str, start: int) -> str:
    """The text from the start of its line up to `start`."""
    return text[text.rfind("\n", 0, start) + 1 : start]


def _header_scheme(cell: str) -> str | None:
    """The scheme whose label a table's header cell is ("Sag nr.", "Dok.nr.:", "Sag"), or None."""
    rules = _rules()
    cell = cell.strip().rstrip(":").strip()
    if rules.table_header.match(cell):
        return rules.table_scheme
    for scheme in rules.schemes:
        if scheme.report and scheme.name != "ean" and scheme.label.fullmatch(cell):
            return scheme.name
    return None


def _leading_header(line: str) -> str | None:
    """The scheme of a case label that opens a line of headers run together, without a value of its
    own: the header of a column whose layout the text lost ("Sag nr. er tilknyttet ejendommen …")."""
    stripped = line.strip()
    for scheme in _rules().schemes:
        m = scheme.label.match(stripped)
        rest = stripped[m.end():].strip(" .:") if m else ""
        if m and rest and scheme.report and scheme.name != "ean" and not scheme.value.match(stripped, m.end()):
            return scheme.name
    return None


def _table_cells(text: str) -> list[tuple[str, int, int]]:
    """(scheme, start, end) of the cells under a case label: in tab-separated (or space-aligned) table
    rows, the cells of the label's column; under a label that opens a line of headers run together,
    the numbers that open the following lines, when two or more lines in a row open with one."""
    rules = _rules()
    cells: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []  # the rows under a run-together header, kept if two or more
    column: int | None = None  # -1: the first token of each line
    scheme = rules.table_scheme

    def fits(cell: str) -> bool:
        return bool(rules.table_value.match(cell)) and _valid(scheme, normalise(cell))

    def close_run() -> None:
        cells.extend(run if len(run) > 1 else [])
        run.clear()

    pos = 0
    for line in text.split("\n"):
        offset, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        parts = [(m.start(), m.group().strip()) for m in _CELL.finditer(line)]
        headers = [(i, s) for i, (_at, cell) in enumerate(parts) if len(parts) > 1 and (s := _header_scheme(cell))]
        lead = None if headers else _leading_header(line)
        if headers or lead:
            close_run()
            column, scheme = headers[0] if headers else (-1, str(lead))
        elif column == -1:
            first = re.match(r"\s*(\S+)", line)
            if first and fits(first.group(1)):
                run.append((scheme, offset + first.start(1), offset + first.end(1)))
            else:
                close_run()
                column = None
        elif column is not None and len(parts) > 1:
            at, cell = parts[column] if column < len(parts) else (0, "")
            if cell and fits(cell):
                cells.append((scheme, offset + at, offset + at + len(cell)))
        else:
            column = None
    close_run()
    return cells


def _unlabelled(text: str, taken: list[Span], found: list[CaseNumber]) -> list[CaseNumber]:
    """Numbers recognisable by shape anywhere, in a slot, or in a table column."""
    rules = _rules()
    out: list[CaseNumber] = []
    values = {c.value for c in found}

    def add(scheme: str, start: int, end: int, role: str = "own") -> None:
        raw = text[start:end]
        value = normalise(raw)
        if _overlaps((start, end), taken) or value in values:
            return
        out.append(CaseNumber(_scheme_of_shape(scheme, value), value, raw, start, role))
        values.add(value)
        taken.append((start, end))

    systems = {c.scheme for c in found}
    for scheme, pattern, ambiguous in rules.unlabelled:
        if ambiguous and systems & _FOREIGN_SYSTEMS:
            continue  # the document also uses F2/eDoc numbers of the same shape: an unlabelled one is ambiguous
        for m in pattern.finditer(text):
            add(scheme, m.start(), m.end())
    for scheme, start, end in _table_cells(text):
        add(scheme, start, end)
    for scheme, role, slot in rules.slots:
        for m in slot.finditer(text):
            start, end = m.span("value")
            look_alike = rules.not_shape.fullmatch(m.group("value").strip())
            if not look_alike and not rules.not_after.search(_before(text, start)):
                add(scheme, start, end, role)
    return out


def _footer_eans(text: str, numbers: list[CaseNumber], hidden: list[CaseNumber]) -> set[CaseNumber]:
    """EAN numbers that stand a few lines from a CVR number: a registration footer."""
    lines_of = [text.count("\n", 0, c.start) for c in hidden if c.scheme == "cvr"]
    near = _rules().footer_lines
    return {c for c in numbers if c.scheme == "ean"
            and any(abs(text.count("\n", 0, c.start) - n) <= near for n in lines_of)}


def find(text: str) -> list[CaseNumber]:
    """Every case number in a text, in reading order, each (scheme, value) once."""
    taken: list[Span] = []
    labelled = _labelled(text, taken)
    labelled += _fielded(text, taken)
    found = [c for c, reported in labelled if reported]
    hidden = [c for c, reported in labelled if not reported]
    found += _unlabelled(text, taken, [c for c, _ in labelled])
    footer = _footer_eans(text, found, hidden)
    found = [c for c in found if c not in footer]
    found.sort(key=lambda c: c.start)
    return _dedupe(found)


def _dedupe(found: list[CaseNumber]) -> list[CaseNumber]:
    return first_of_each(found, lambda c: (c.scheme, c.value))


def with_roles(found: list[CaseNumber], lines: list[tuple[int, str, str]]) -> list[CaseNumber]:
    """Mark as "cited" a number that stands inside a sentence of the body ("… i brev af 23. oktober
    2018 (sagsnr. 2018-0000088)") or in a table's cells, when the document has a number of its own
    elsewhere: in its letterhead, sidebar or on a short line. With none of its own, what the text
    names is its case (an e-mail asking about "sagsnr. 2023-1234"). A value after "Label:" is a
    field even on a long line (a letterhead flattened into one line); a number the grammar read as
    another's (the addressee's "jeres j.nr.", an attachment's) stays cited."""
    sentence = {offset: text for offset, text, role in lines
                if role == BODY and (len(text.split()) >= _SENTENCE_WORDS or "\t" in text)}

    def in_sentence(c: CaseNumber) -> bool:
        return c.start >= 0 and any(o <= c.start < o + len(t) and not _FIELD.search(t[: c.start - o])
                                    for o, t in sentence.items())

    cited = [c for c in found if c.scheme not in _OWN_SHAPE and (c.role == "cited" or in_sentence(c))]
    own_cases = [c for c in found if c.scheme not in _OWN_SHAPE and c not in cited]
    if not own_cases:
        return [c if c.role == "cited" or c not in cited else replace(c, role="own") for c in found]
    return [replace(c, role="cited") if c in cited else c for c in found]


@Language.component("case_numbers", assigns=ASSIGNS)
def find_case_numbers(doc: Doc) -> Doc:
    found = find(doc.text)
    # Running headers and footers are noise for the text but may carry the document's number;
    # found there, a number has no offset in the text.
    noise = "\n".join(line.text for line in document_of(doc).lines if line.role == NOISE)
    seen = {(c.scheme, c.value) for c in found}
    found += [replace(c, start=-1) for c in find(noise) if (c.scheme, c.value) not in seen]
    found = with_roles(found, line_offsets(doc))
    facts = facts_of(doc)
    known = {(c.scheme, c.value) for c in facts.case_numbers}
    facts.case_numbers.extend(c for c in found if (c.scheme, c.value) not in known)
    set_spans(doc, "case_numbers", ((c.start, c.start + len(c.raw), c.scheme) for c in found))
    return doc
