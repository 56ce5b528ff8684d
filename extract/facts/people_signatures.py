"""Letters and answers: the recipient in the address block or greeting, the signer under the closing,
the caseworker by label.

    Med venlig hilsen            signer "Karen Holm", title "Kontorchef"
    Karen Holm
    Kontorchef

    Med venlig hilsen            a grid of signers side by side (the PDF line holds the names
    Ib Terp⇥Eva Dam⇥Bo Ek        separated by tabs or wide gaps)

    Med venlig hilsen            a minister and, under the name, the official who drafted the answer
    Ellen Trane Nørby            (caseworker); "/ Kim Hansen" after the signer is one too
    Zelle Huma Sheikh

A minister's answer may end with the name alone and no closing, or put the header fields between
the closing and the name; a flattened page may carry "… Venlig hilsen Ane Holm Beskæftigelsesminister"
mid-line. All are read here; the labels are data in `patterns/people.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi.extract.facts.people_names import (
    EMAIL,
    is_first_name,
    is_title,
    leading_name,
    m,
    person_name,
    rest,
    rx,
    title_line,
    titled_name,
    whole_name,
)
from foi.extract.model import Person

_BLOCK_LINES = 5  # non-blank lines below "Til" that may hold the recipient
_BLOCK_WIDTH = 70  # a longer line is prose, not a line of an address block
_LABEL_WORDS = 6  # "Til Børne- og Ungdomsudvalget" is a label; a longer line after "Til" is a sentence
_SIGNATURE_LINES = 12  # lines below a signer's name that may hold the title and e-mail address
_LATE_NAME_LINES = 25  # lines below a closing that may hold a minister's name after the header fields
_END_LINES = 4  # the last non-blank lines that may hold a minister's name without a closing
_GRID_LINES = 8  # lines of a signature grid
_CELL = re.compile(r"\t+|\s{3,}")
_PARTY_TITLE = re.compile(r"\s*\((?-i:([A-ZÆØÅ]{1,3}))\)$")  # "Byrådsmedlem (B)"


@dataclass(frozen=True)
class TextLine:
    offset: int
    text: str


def nonblank(lines: list[TextLine], start: int, count: int) -> list[int]:
    found: list[int] = []
    for j in range(start, len(lines)):
        if lines[j].text.strip():
            found.append(j)
            if len(found) >= count:
                break
    return found


def email_near(lines: list[TextLine], start: int, count: int) -> str | None:
    for j in range(start, min(start + count, len(lines))):
        text = lines[j].text.strip()
        if j > start and (m("label", "closing", text) or m("label", "from", text) or len(text) > 80):
            break
        found = EMAIL.search(text)
        if found:
            return found.group(0)
    return None


# --- recipients --------------------------------------------------------------------------------


def recipients_block(lines: list[TextLine]) -> list[Person]:
    """The person in a letter's address block: "Til" + name (+ title) + e-mail, above the greeting."""
    for k, line in enumerate(lines):
        text = line.text.strip()
        if m("label", "greeting", text):
            break
        inline = m("label", "to_inline", text)
        if not (m("label", "to_alone", text) or inline) or len(rest(inline).split()) > _LABEL_WORDS:
            continue  # "Til brug for besvarelsen har …" opens a sentence, not an address block
        candidates = ([k] if inline else []) + nonblank(lines, k + 1, _BLOCK_LINES)
        for j in candidates:
            value = rest(inline) if j == k else lines[j].text.strip()
            if j != k and (m("label", "block_end", value) or len(value) > _BLOCK_WIDTH):
                break
            found = titled_name(value)
            if found:
                name, title = found
                email = email_near(lines, j, _BLOCK_LINES + 2)
                return [Person(name, "recipient", title, email, start=lines[j].offset)]
        return []
    return []


def greeted(lines: list[TextLine]) -> list[Person]:
    for line in lines:
        found_greeting = m("label", "greeting", line.text)
        if found_greeting:
            found = titled_name(rest(found_greeting), min_words=1)
            return [Person(found[0], "recipient", found[1], start=line.offset)] if found else []
    return []


# --- signers -----------------------------------------------------------------------------------


def _signed(text: str) -> tuple[str, str | None] | None:
    """The name on a signature line: "Karen Holm", "Adm. direktør Tanja Franck", "Kim Berg eDoc support",
    "/ Troels Holm"."""
    text = text.strip().lstrip("/").strip()
    found = titled_name(text)
    if found:
        return found
    led = leading_name(text.strip())
    return (led[0], led[1]) if led else None


def _grid(lines: list[TextLine], j: int, role: str) -> list[Person]:
    """Signers side by side: from the first row of two or more names, every name cell below."""
    cells = [c for c in _CELL.split(lines[j].text.strip()) if c.strip()]
    if len(cells) < 2 or sum(1 for c in cells if _cell_name(c)) < 2:  # noqa: PLR2004 - a grid has two
        return []
    out: list[Person] = []
    for k in range(j, min(j + _GRID_LINES, len(lines))):
        row = [c for c in _CELL.split(lines[k].text.strip()) if c.strip()]
        names = [n for n in (_cell_name(c) for c in row) if n]
        if k > j and len(row) < 2 and names:  # noqa: PLR2004 - a line of prose ends the grid
            break
        if len(names) >= 2 or any(is_first_name(n.split()[0]) for n in names):  # noqa: PLR2004
            out += [Person(n, role, start=lines[k].offset) for n in names]
    return out


def _cell_name(cell: str) -> str | None:
    found = titled_name(cell.split(",")[0])  # "Borgmester Brøndby" is a title and a town
    return found[0] if found else None


def _below(lines: list[TextLine], j: int, name: str, role: str) -> list[Person]:
    """A second name right under the signer's, or after "/", is the official who drafted the letter."""
    out: list[Person] = []
    for k in nonblank(lines, j + 1, 3):
        text = lines[k].text.strip()
        slash = m("label", "slash_name", text)
        found = _signed(rest(slash)) if slash else (whole_name(text) if k <= j + 2 else None)  # noqa: PLR2004
        if found and found[0] != name:
            out.append(Person(found[0], "caseworker", found[1], start=lines[k].offset))
        elif not slash:
            break
    return out


def _signer_at(lines: list[TextLine], j: int, text: str, role: str) -> list[Person]:
    found = _signed(text)
    if not found:
        return []
    name, title = found
    below = nonblank(lines, j + 1, 1)
    if title is None and "," in text:  # "Tanja Franck, Adm. direktør"
        title = title_line(text.rsplit(",", 1)[1])
    if title is None and below and below[0] == j + 1:
        title = title_line(lines[below[0]].text)
    party = _PARTY_TITLE.search(title or "")
    if title and party:
        title = title[: party.start()].strip() or None
    email = email_near(lines, j + 1, _SIGNATURE_LINES)
    signer = Person(name, role, title, email, party.group(1) if party else None, start=lines[j].offset)
    return [signer] + (_below(lines, j, name, role) if title is None and role == "signer" else [])


def _late_name(lines: list[TextLine], k: int, role: str) -> list[Person]:
    """A minister's name some lines under the closing, after the header fields ("Dato:", "Sagsnr.:")."""
    for j in range(k + 1, min(k + _LATE_NAME_LINES, len(lines))):
        text = lines[j].text.strip()
        name = person_name(text)
        if name and is_first_name(name.split()[0]) and not m("label", "closing", text):
            return [Person(name, role, start=lines[j].offset)]
    return []


def signature(lines: list[TextLine], role: str) -> list[Person]:
    """The name under the first closing that has one, with the title and e-mail address below it."""
    for k, line in enumerate(lines):
        closing = m("label", "closing", line.text)
        if not closing:
            continue
        if rest(closing):
            found = _signer_at(lines, k, rest(closing), role)
            if found:
                return found
            continue
        at = nonblank(lines, k + 1, 1)
        if not at:
            continue
        found = _grid(lines, at[0], role) or _signer_at(lines, at[0], lines[at[0]].text, role)
        if found:
            return found
        if role == "signer" and (late := _late_name(lines, k, role)):
            return late
    return _closing_mid_line(lines, role)


def _closing_mid_line(lines: list[TextLine], role: str) -> list[Person]:
    """ "… Det talte ord gælder. Venlig hilsen Ane Holm Beskæftigelsesminister …" on a flattened page."""
    for line in lines:
        closing = rx("label", "closing_inline").search(line.text)
        if not closing:
            continue
        led = leading_name(line.text[closing.end():])
        if led:
            after = led[2].split()
            title = after[0] if after and is_title(after[0]) else None
            return [Person(led[0], role, led[1] or title, start=line.offset)]
    return []


def name_at_end(lines: list[TextLine], role: str) -> list[Person]:
    """A minister's answer that ends with the name alone, without a closing: the last lines hold a
    name and at most a title, a date or a document number. Or, below the first sentence, a name alone
    above the title of an office that signs ("Troels Holm⏎Forsvarsminister")."""
    answered = any(m("label", "answer_heading", line.text) for line in lines)
    tail = [j for j in range(len(lines) - 1, -1, -1) if lines[j].text.strip()][:_END_LINES]
    prose = next((k for k, line in enumerate(lines) if len(line.text.strip()) > _BLOCK_WIDTH // 2
                  and line.text.strip()[-1:] in ".?!"), len(lines))
    for j in range(prose + 1, len(lines)):  # below the first sentence: an address block is above it
        found = whole_name(lines[j].text.strip())
        below = nonblank(lines, j + 1, 1)
        if found and found[1] is None and is_first_name(found[0].split()[0]) and below and below[0] == j + 1:
            office = m("name", "signing_office", lines[below[0]].text)
            if office and title_line(lines[below[0]].text):
                return [Person(found[0], role, lines[below[0]].text.strip(), start=lines[j].offset)]
    for j in (j for j in tail if j > prose):
        text = lines[j].text.strip()
        found = whole_name(text)
        if found and found[1] is None and (answered or is_first_name(found[0].split()[0])):
            below = nonblank(lines, j + 1, 1)
            title = title_line(lines[below[0]].text) if below else None
            return [Person(found[0], role, title, start=lines[j].offset)]
    return []


# --- caseworkers -------------------------------------------------------------------------------


def caseworkers(lines: list[TextLine]) -> list[Person]:
    """The name after a "Sagsbehandler", "Sekretær" or "… gennemført af:" label, or on the line below."""
    out: list[Person] = []
    for k, line in enumerate(lines):
        label = m("label", "caseworker", line.text)
        if not label:
            continue
        at = [k] if rest(label) else nonblank(lines, k + 1, 1)
        for j in at:
            found = titled_name(rest(label) if j == k else lines[j].text)
            if found:
                out.append(Person(found[0], "caseworker", found[1], start=lines[j].offset))
    return out
