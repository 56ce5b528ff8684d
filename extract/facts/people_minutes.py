"""Minutes and agendas: the members a list names, and the members named in what was recorded.

    Medlemmer                                  a heading, then one member a line
      • Benthe Viola Holm (A)
      • Karim Said (A), formand                the chair: title "formand"
    Solveig Munk, Enhedslisten                 name and party
    Jakob Søgaard Clausen                      name, and the office on the line below
    Byrådsmedlem, Danmarksdemokraterne.
    Jens Ravn og Rådmand Ib Lund kunne tiltræde indstillingen.     what members did
    På vegne af Radikale Venstre Mahad Yussuf og Rabih Azad-Ahmad  proposers
    Forslag fra EL og Viggo Jonasen, UFP, om …

Lists after a label on the same line ("Fraværende: Peter Muhl (A).", "Deltagere: …") and in running
text ("Til stede fra tilsynet var …") are read by the cues of `people_cues`.
"""

from __future__ import annotations

import re

from foi.extract.facts.people_names import is_party, m, person_name, rest, rx, titled_name
from foi.extract.facts.people_signatures import TextLine, nonblank
from foi.extract.model import Person

_INLINE_NAME = re.compile(
    r"(?<![\wÆØÅæøå-])((?:[A-ZÆØÅÉÜÖ][a-zæøåéüöä]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?)"
    r"(?:\s+(?:[A-ZÆØÅÉÜÖ][a-zæøåéüöä]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?)){1,3})"
)
_PARTY_LINE = re.compile(r"^(.+?)\s*\(([A-ZÆØÅ]{1,3})\)\s*(?:[,\-–]\s*(.*))?$")  # "Karim Said (A), formand"
_COMMA_LINE = re.compile(r"^(.+?),\s*(.+?)\.?$")  # "Solveig Munk, Enhedslisten"

Named = tuple[str, str | None, str | None]  # name, title, party


def member_names(text: str) -> list[Named]:
    """(name, title, party) for each name in a list like "Rådmand Nicolaj Bang og Jesper Kjeldsen"."""
    out: list[Named] = []
    for part in re.split(r",\s*|\s+og\s+|\s*&\s*", text.strip().rstrip(".")):
        party = re.search(r"\((?-i:([A-ZÆØÅ]{1,3}))\)", part)
        found = titled_name(part) or _after_party(part)
        if found:
            out.append((found[0], found[1], party.group(1) if party else None))
    anywhere = re.findall(r"\((?-i:([A-ZÆØÅ]{1,3}))\)", text)
    if len(out) == 1 and out[0][2] is None and len(anywhere) == 1:  # "Polly Bak Dutschke, byrådsmedlem (M)"
        out[0] = (out[0][0], out[0][1], anywhere[0])
    return out


def _after_party(part: str) -> tuple[str, str | None] | None:
    """ "Radikale Venstre Mahad Yussuf" → the name after a party's name."""
    tokens = part.split()
    for cut in range(1, len(tokens) - 1):
        if is_party(" ".join(tokens[:cut])):
            return titled_name(" ".join(tokens[cut:]))
    return None


def _member_line(lines: list[TextLine], k: int, text: str, listing: bool) -> list[Named]:
    """(name, title, party) of the members one line of minutes names."""
    if "\t" in text:
        return []  # a table row: its cells are read by the cues ("Deltagere⇥Ida Lund (A) …")
    party_m, comma_m = _PARTY_LINE.match(text), _COMMA_LINE.match(text)
    acts, behalf = rx("member", "acts").search(text), m("member", "on_behalf", text)
    below = nonblank(lines, k + 1, 1)
    if party_m and (found := titled_name(party_m.group(1))):
        return [(found[0], found[1] or (party_m.group(3) or "").strip(" .") or None, party_m.group(2))]
    if comma_m and (name := person_name(comma_m.group(1))) and is_party(comma_m.group(2)):
        return [(name, None, comma_m.group(2))]
    if acts:  # the names open the sentence that tells what they did
        return member_names(re.split(r"[.!?:]\s+", text[: acts.start()])[-1])
    if behalf:  # "På vegne af Det Konservative Folkeparti og Moderaterne" / the names on the next line
        return member_names(rest(behalf)) or (member_names(lines[below[0]].text) if below else [])
    if listing and (found := titled_name(text)):
        return [(found[0], found[1], None)]
    office = m("member", "office", lines[below[0]].text) if below else None
    if office and (name := person_name(text)):  # "Jakob Søgaard Clausen" / "Byrådsmedlem, Danmarksdemokraterne."
        return [(name, None, rest(office).strip(" ,.") or None)]
    return []


def members(lines: list[TextLine]) -> list[Person]:
    out: list[Person] = []
    listing = False
    for k, line in enumerate(lines):
        text = line.text.strip().lstrip("•-*·▪– ").strip()
        if not text:
            continue
        if m("member", "heading", text):
            listing = True
            continue
        named = _member_line(lines, k, text, listing)
        listing = listing and bool(named)
        out += [Person(name, "member", title, party=party, start=line.offset) for name, title, party in named]
        out += _proposers(text, line.offset)
    return out


def _proposers(text: str, start: int) -> list[Person]:
    """ "Forslag fra EL og Viggo Jonasen, UFP, om …": a name followed by party letters."""
    out: list[Person] = []
    for found in re.finditer(_INLINE_NAME.pattern + r",\s+((?-i:[A-ZÆØÅ]{1,4}))\b(?!\.\w)", text):
        name = person_name(found.group(1))
        if name:
            out.append(Person(name, "member", party=found.group(2), start=start))
    return out
