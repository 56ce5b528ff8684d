"""People named by a cue in running text, in any kind of document.

    Spørgsmålet er stillet efter ønske fra Karina Adsbøl (DF).        asker (stored as sender)
    Hanne Agersnap har den 01-12-2020 stillet følgende spørgsmål:      asker
    Til stede fra tilsynet var: Ole Berg, Eva Dam og Bo Ek.            members
    Helle Frederiksen og Jan Rose var fraværende.                       members
    … med sagsbehandler Peter Kaalund, da …                             caseworker
    Svar(udkast) ved formanden for Teknikudvalget Jan E. Jørgensen:     signer

A cue stands before its names (`*_after` in `patterns/people.toml`) or after them (`*_before`). The
names are a list, "A, B og C", each with an optional title before it ("kontorchef Kåre Holm") and
party after it ("(V)", ", Venstre,"). Lines of a paragraph broken by the layout ("… efter ønske" ⏎
"fra Nikolaj Villumsen (EL)") are joined before the cues are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi.extract.facts.people_names import (
    is_first_name,
    is_party,
    is_title,
    leading_name,
    party_after,
    rx,
    split_run,
    trailing_name,
    whole_name,
)
from foi.extract.model import Person

# cue key → (role, title given to the names)
_CUES = {
    "asker_after": ("sender", None), "asker_before": ("sender", None),
    "member_after": ("member", None), "member_before": ("member", None),
    "chair_after": ("member", "formand"), "caseworker_after": ("caseworker", None),
    "signer_after": ("signer", None),
}
# between the names of a list: ", ", " og ", " & ", " - ", and after a party's brackets ("(A) Mia Borg")
_SEP = re.compile(r"\s*[,;]\s*(?:og\s+|samt\s+)?|(?<!-)\s+(?:og|samt|&)\s+|\s+[-–]\s+|(?<=\))\s+(?=[A-ZÆØÅ])")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|:(?=\s|$)")
_ABBREVIATIONS = frozenset({"nr", "pkt", "jf", "bl.a", "f.eks", "ca", "kl", "stk", "mv", "m.v", "evt", "dvs", "vedr",
                            "hhv", "inkl", "ekskl", "mht", "iflg", "pga", "d"})
_MAX_CLAUSE = 400  # characters after a cue that may hold its list
_WRAPPED = 60  # a line at least this long that ends without a stop was wrapped by the layout
_BLOCK_LINES = 8  # lines below a cue that ends its line ("Spørgsmål fra:") that may hold the names

Named = tuple[str, str | None, str | None]  # name, title, party


@dataclass(frozen=True)
class Paragraph:
    text: str
    parts: tuple[tuple[int, int], ...]  # (position in text, offset in the document) of each joined line
    first_line: int  # index of its first line
    last_line: int


def paragraphs(lines: list[tuple[int, str]]) -> list[Paragraph]:
    """Lines joined where the layout broke a sentence: the next line opens in lower case or with "(",
    the line ends with a hyphen ("Spørgs-" ⏎ "målet" → "Spørgsmålet"), or a line of wrapped prose
    ends without a stop ("… faglig koordinator Birgit" ⏎ "Elleby Jørgensen fra …")."""
    out: list[Paragraph] = []
    text, parts, first = "", [], -1
    previous = ""
    for i, (offset, line) in enumerate(lines):
        s = line.strip()
        wrapped = len(previous) >= _WRAPPED and not previous.endswith((":", ".", ";", "!", "?"))
        previous = s
        if text and s and (s[0].islower() or s[0] == "(" or wrapped) and not text.endswith((":", ".")):
            if text.endswith("-") and s[0].islower() and not text.endswith(" -"):
                text = text[:-1]
            else:
                text += " "
            parts.append((len(text), offset + len(line) - len(line.lstrip())))
            text += s
            continue
        if text:
            out.append(Paragraph(text, tuple(parts), first, i - 1))
        text, parts, first = s, [(0, offset + len(line) - len(line.lstrip()))], i
        if not s:
            text, parts = "", []
    if text:
        out.append(Paragraph(text, tuple(parts), first, len(lines) - 1))
    return out


def _offset(paragraph: Paragraph, at: int) -> int:
    """The document offset of the line that holds position `at` of a paragraph."""
    best = paragraph.parts[0][1]
    for position, offset in paragraph.parts:
        if position <= at:
            best = offset
    return best


def _ends(text: str, start: int, stop: int) -> list[int]:
    """Where sentences (or a label's colon) end between `start` and `stop`."""
    out = []
    for m in _SENTENCE_END.finditer(text, start, stop):
        word = re.search(r"([\w.]+)$", text[start:m.start()])
        token = word.group(1) if word else ""
        if m.group(0) == "." and (re.fullmatch(r"[A-ZÆØÅ]", token) or token.lower() in _ABBREVIATIONS):
            continue  # an initial ("Jan E. Jørgensen") or an abbreviation, not the end
        out.append(m.start())
    return out


def _clause_end(text: str, start: int) -> int:
    ends = _ends(text, start, len(text))
    return ends[0] if ends else len(text)


def _item(part: str, edge: str, bounded: bool) -> tuple[Named, str] | None:
    """(name, title, party) of one list item, and the running text after it."""
    s = part.strip(" .")
    party = party_after(s)
    if party:
        head, tail = s[: party.start()].strip(" ,"), s[party.end():].strip(" ,")
        found = whole_name(head) or trailing_name(head, bounded=True)
        return ((found[0], found[1], party.group(1)), tail) if found else None
    found = whole_name(s)
    if found:
        return (found[0], found[1], None), ""
    if edge == "lead":
        led = leading_name(s, bounded)
        if led:
            return (led[0], led[1], None), led[2]
    if edge == "trail" or edge == "lead":
        trailed = trailing_name(s, bounded)
        if trailed and (edge == "trail" or trailed[0].split()[0] != s.split()[0]):
            return (trailed[0], trailed[1], None), ""
    return None


def names_after(clause: str) -> list[Named]:
    """The names of a list that opens `clause`: "Ole Berg (V), kontorchef Eva Dam og Bo Ek kom."."""
    out: list[Named] = []
    parts = [run for p in _SEP.split(clause) if p is not None for run in split_run(p.strip(" ."))]
    for i, part in enumerate(parts):
        s = part.strip(" .")
        if not s:
            continue
        if is_party(s) and out:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] or s)
            continue
        found = _item(s, "lead" if i == 0 else "whole", bounded=True)
        if found is None and i > 0:
            found = _item(s, "lead", bounded=False)
        if found is None:
            if s[0].islower() and out:  # an apposition: ", medlem af Randers Byråd,"
                if out[-1][1] is None and is_title(s.split()[0]):
                    out[-1] = (out[-1][0], s, out[-1][2])
                continue
            if len(s.split()) == 1 and is_first_name(s):  # "Lillian og Mogens Kyst": a shared surname
                continue
            break
        name, title, party = found[0]
        if title and title[0].islower() and out and out[-1][2] and out[-1][1] is None:
            out[-1], title = (out[-1][0], title, out[-1][2]), None  # "Ida Lund (A), formand Ole Brix (V)"
        out.append((name, title, party))
        after = found[1]
        if after and not after.startswith("("):
            break  # the list ran into a sentence: "… og Pernille Bendixen bytter plads"
    return out


def names_before(clause: str) -> list[Named]:
    """The names of a list that ends `clause`: "Byrådsmedlem Ib Lund, Venstre," (before "anmoder")."""
    out: list[Named] = []
    party: str | None = None
    last = True
    for part in reversed(_SEP.split(clause)):
        s = (part or "").strip(" .")
        if not s:
            continue
        if is_party(s):
            party = s
            continue
        found = _item(s, "trail" if last else "whole", bounded=last)
        if found is None and not last:  # "Et flertal bestående af Anders Holm, Eva Dam og …"
            trailed = trailing_name(s)
            found = ((trailed[0], trailed[1], None), "") if trailed else None
            if found:
                out.insert(0, (found[0][0], found[0][1], party))
            break
        last = False
        if found is None:
            break
        name, title, own_party = found[0]
        out.insert(0, (name, title, own_party or party))
        party = None
    return out


def _block(lines: list[tuple[int, str]], after_line: int) -> list[tuple[Named, int]]:
    """Names listed on the lines below a cue that ends its line: one line each, or a list per line."""
    out: list[tuple[Named, int]] = []
    j = after_line + 1
    if j < len(lines) and not lines[j][1].strip():
        j += 1  # one blank line may stand between the cue and its list
    for k in range(j, min(j + _BLOCK_LINES, len(lines))):
        offset, text = lines[k]
        if not text.strip():
            break
        named = names_after(text.strip().lstrip("•-*·▪– ").strip())
        if not named:
            break
        out += [(n, offset) for n in named]
    return out


def _board(lines: list[tuple[int, str]]) -> list[Person]:
    """A ruling's board under its name: a line that is a bracketed list of names only,
    "(Ida Kock, Søren Bach, Marie Lund)"; a lawyer's "(advokat Jens Holm, Aarhus)" is no board."""
    out: list[Person] = []
    for offset, text in lines:
        s = text.strip()
        if not (s.startswith("(") and s.endswith(")")):
            continue
        parts = [p.strip() for p in _SEP.split(s[1:-1]) if p and p.strip()]
        names = [whole_name(p) for p in parts]
        if len(parts) >= 2 and all(n and n[1] is None for n in names):  # noqa: PLR2004 - a board of two or more
            out += [Person(n[0], "member", start=offset) for n in names if n]
    return out


def cue_people(lines: list[tuple[int, str]]) -> list[Person]:
    """Everyone a cue names, in the order of the text. `lines` are (offset, text) pairs."""
    out: list[Person] = _board(lines)
    for paragraph in paragraphs(lines):
        text = paragraph.text
        hits = sorted((mt.start(), mt.end(), key) for key in _CUES for mt in rx("cue", key).finditer(text))
        previous_end = 0
        for start, end, key in hits:
            role, title = _CUES[key]
            found: list[tuple[Named, int]] = []
            if key.endswith("_after"):
                stop = _clause_end(text, end)
                ends = rx("cue", "list_end").search(text, end, end + _MAX_CLAUSE)
                clause = text[end: min(stop, ends.start() if ends else stop, end + _MAX_CLAUSE)]
                found = [(n, _offset(paragraph, end)) for n in names_after(clause)]
                if not found and not clause.strip() and end >= len(text.rstrip(" :")):
                    found = _block(lines, paragraph.last_line)
            else:
                bound = max([previous_end] + [e + 1 for e in _ends(text, 0, start)])
                clause = text[bound:start]
                found = [(n, _offset(paragraph, bound)) for n in names_before(clause)]
            previous_end = max(previous_end, end)
            for (name, own_title, party), offset in found:
                out.append(Person(name, role, own_title or title, party=party, start=offset))
    return out
