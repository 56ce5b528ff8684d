"""People named in a document and the role each plays there.

recipient  the letter's address block ("Til" + name + e-mail), else the greeting ("Kære Anna");
           an e-mail's "Til:"/"To:" header, as written
sender     an e-mail's "Fra:"/"From:" (the signature's name when the From is a shared mailbox);
           title and address from the signature block
signer     the name under a letter's or memo's closing ("Med venlig hilsen"), with the title below it
caseworker the name after a "Sagsbehandler" label
member     in minutes: "• Benthe Viola Holm (A)", "Solveig Munk, Enhedslisten", and the members named
           in what a committee recorded ("Jesper Kjeldsen deltog ikke i sagens behandling.")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import document_of, facts_of, line_offsets
from foi.extract.model import Person
from foi.extract.pattern_data import load_patterns

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TOKEN = re.compile(r"(?:[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäèáíóúñç']+(?:-[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäèáíóú']+)*|[A-ZÆØÅ]\.)")
_INLINE_NAME = re.compile(
    r"(?<![\wÆØÅæøå-])((?:[A-ZÆØÅÉÜÖ][a-zæøåéüöä]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?)"
    r"(?:\s+(?:[A-ZÆØÅÉÜÖ][a-zæøåéüöä]+(?:-[A-ZÆØÅ][a-zæøåéüöä]+)?)){1,3})"
)
_BLOCK_LINES = 5  # non-blank lines below "Til" that may hold the recipient
_SIGNATURE_LINES = 12  # lines below a signer's name that may hold the title and e-mail address
_SHORT_SUFFIX = 6  # organisation suffixes shorter than this must match a whole word


@dataclass(frozen=True)
class _Line:
    offset: int
    text: str


def _raw() -> dict[str, dict[str, list[str]]]:
    return load_patterns("people")


@cache
def _rx(group: str, name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _raw()[group][name]), re.IGNORECASE)


def _words(name: str) -> frozenset[str]:
    return frozenset(_raw()["name"][name])


def _m(group: str, name: str, text: str) -> re.Match[str] | None:
    return _rx(group, name).search(text.strip().strip("*").strip())


def _rest(m: re.Match[str] | None) -> str:
    if not m:
        return ""
    return next((g for g in m.groups() if g is not None), "").strip()


# --- names -----------------------------------------------------------------------------------


def _is_org_word(token: str) -> bool:
    low = token.lower().strip(".,")
    return any(low == s or (len(s) >= _SHORT_SUFFIX and low.endswith(s)) for s in _words("not_name_suffix"))


def _is_party(text: str) -> bool:
    return bool(_m("name", "party_name", text) or _m("name", "party_letter", text))


def person_name(text: str, min_words: int = 2) -> str | None:
    """`text` as a person's name ("Sinem Demir, MB" → "Sinem Demir"), or None if it is no name."""
    s = _rx("name", "prefix").sub("", text.strip().strip("*").strip())
    s = _rx("name", "suffix").sub("", s).strip(" .,;:")
    tokens = s.split()
    if not (min_words <= len(tokens) <= 5):
        return None
    particles = _words("particles")
    for i, token in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and token in particles:
            continue
        if not _TOKEN.fullmatch(token) or _is_org_word(token):
            return None
    if tokens[0].lower() in _words("not_name_first") or _is_party(s):
        return None
    return " ".join(tokens)


def titled_name(text: str, min_words: int = 2) -> tuple[str, str | None] | None:
    """(name, title) from "Socialborgmester Jesper Christensen" or "Adm. direktør Tanja Franck"."""
    s = _rx("name", "prefix").sub("", text.strip().strip("*").strip())
    s = _rx("name", "suffix").sub("", s).strip(" .,;:")
    tokens = s.split()
    cut = 0
    for i, token in enumerate(tokens[:3]):
        if _rx("name", "title").fullmatch(token.lower().strip(".,")):
            cut = i + 1
    name = person_name(" ".join(tokens[cut:]), min_words)
    if not name:
        return None
    return name, (" ".join(tokens[:cut]) or None)


def _title_line(text: str) -> str | None:
    s = text.strip().strip("*").strip()
    if not s or len(s.split()) > 6 or _EMAIL.search(s) or re.search(r"\d", s):
        return None
    return s if _rx("name", "title").search(s) else None


# --- lines -----------------------------------------------------------------------------------


def _lines(doc: Doc) -> list[_Line]:
    return [_Line(offset, text) for offset, text, _role in line_offsets(doc)]


def _nonblank(lines: list[_Line], start: int, count: int) -> list[int]:
    found: list[int] = []
    for j in range(start, len(lines)):
        if lines[j].text.strip():
            found.append(j)
            if len(found) >= count:
                break
    return found


def _email_near(lines: list[_Line], start: int, count: int) -> str | None:
    for j in range(start, min(start + count, len(lines))):
        text = lines[j].text.strip()
        if j > start and (_m("label", "closing", text) or _m("label", "from", text) or len(text) > 80):
            break
        m = _EMAIL.search(text)
        if m:
            return m.group(0)
    return None


# --- roles -----------------------------------------------------------------------------------


def _recipients_block(lines: list[_Line]) -> list[Person]:
    """The person in a letter's address block: "Til" + name (+ title) + e-mail, above the greeting."""
    for k, line in enumerate(lines):
        text = line.text.strip()
        if _m("label", "greeting", text):
            break
        inline = _m("label", "to_inline", text)
        if not (_m("label", "to_alone", text) or inline):
            continue
        candidates = ([k] if inline else []) + _nonblank(lines, k + 1, _BLOCK_LINES)
        for j in candidates:
            value = _rest(inline) if j == k else lines[j].text.strip()
            if j != k and _m("label", "block_end", value):
                break
            found = titled_name(value)
            if found:
                name, title = found
                email = _email_near(lines, j, _BLOCK_LINES + 2)
                return [Person(name, "recipient", title, email, start=lines[j].offset)]
        return []
    return []


def _greeted(lines: list[_Line]) -> list[Person]:
    for line in lines:
        m = _m("label", "greeting", line.text)
        if m:
            found = titled_name(_rest(m), min_words=1)
            return [Person(found[0], "recipient", found[1], start=line.offset)] if found else []
    return []


def _signature(lines: list[_Line], role: str) -> list[Person]:
    """The name under the first closing that has one, with the title and e-mail address below it."""
    for k, line in enumerate(lines):
        m = _m("label", "closing", line.text)
        if not m:
            continue
        at = [k] if _rest(m) else _nonblank(lines, k + 1, 1)
        if not at:
            continue
        j = at[0]
        found = titled_name(_rest(m) if j == k else lines[j].text)
        if not found:
            continue
        name, title = found
        below = _nonblank(lines, j + 1, 1)
        if title is None and "," in lines[j].text:  # "Tanja Franck, Adm. direktør"
            title = _title_line(lines[j].text.rsplit(",", 1)[1])
        if title is None and below and below[0] == j + 1:
            title = _title_line(lines[below[0]].text)
        party = re.search(r"\s*\((?-i:([A-ZÆØÅ]{1,3}))\)$", title or "")  # "Byrådsmedlem (B)"
        if title and party:
            title = title[: party.start()].strip() or None
        email = _email_near(lines, j + 1, _SIGNATURE_LINES)
        return [Person(name, role, title, email, party.group(1) if party else None, start=lines[j].offset)]
    return []


def _caseworkers(lines: list[_Line]) -> list[Person]:
    out: list[Person] = []
    for k, line in enumerate(lines):
        m = _m("label", "caseworker", line.text)
        if not m:
            continue
        at = [k] if _rest(m) else _nonblank(lines, k + 1, 1)
        for j in at:
            found = titled_name(_rest(m) if j == k else lines[j].text)
            if found:
                out.append(Person(found[0], "caseworker", found[1], start=lines[j].offset))
    return out


def _header_people(lines: list[_Line]) -> tuple[list[Person], list[Person]]:
    """(senders, recipients) from the first e-mail header block."""
    senders: list[Person] = []
    recipients: list[Person] = []
    for k, line in enumerate(lines[:20]):
        text = line.text.strip()
        if not senders and _m("label", "from", text):
            value = _rest(_m("label", "from", text))
            senders = [_addressee(part, "sender", line.offset) for part in _split_addresses(value)]
        elif senders and not recipients and _m("label", "to", text):
            value = _rest(_m("label", "to", text))
            recipients = [_addressee(part, "recipient", line.offset) for part in _split_addresses(value)]
            break
        elif senders and not text and k > 0:
            break
    return [p for p in senders if p.name], [p for p in recipients if p.name]


def _split_addresses(value: str) -> list[str]:
    return [part.strip() for part in re.split(r";|,(?=[^<>]*(?:<|$))(?![^<]*>)", value) if part.strip()]


def _addressee(part: str, role: str, start: int) -> Person:
    m = _EMAIL.search(part)
    email = m.group(0) if m else None
    name = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*@[^)]*\)", "", part).strip().strip("'\"").strip()
    if not name and email:
        name = email
    return Person(name, role, None, email, start=start)


def _email_people(lines: list[_Line]) -> list[Person]:
    senders, recipients = _header_people(lines)
    signed = _signature(lines, "sender")
    people: list[Person] = []
    if senders:
        sender = senders[0]
        personal = person_name(sender.name) and not (
            sender.email and _m("label", "generic_mailbox", sender.email)
        )
        if signed and (not personal or signed[0].name == sender.name):
            s = signed[0]
            people.append(replace(s, email=s.email or sender.email))
        else:
            people.append(sender)
    elif signed:
        people.extend(signed)
    return people + recipients


# --- members ---------------------------------------------------------------------------------


def _member_names(text: str) -> list[tuple[str, str | None, str | None]]:
    """(name, title, party) for each name in a list like "Rådmand Nicolaj Bang og Jesper Kjeldsen"."""
    out: list[tuple[str, str | None, str | None]] = []
    for part in re.split(r",\s*|\s+og\s+|\s*&\s*", text.strip().rstrip(".")):
        party = re.search(r"\((?-i:([A-ZÆØÅ]{1,3}))\)", part)
        found = titled_name(part)
        if not found:
            found = _after_party(part)
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
        if _is_party(" ".join(tokens[:cut])):
            return titled_name(" ".join(tokens[cut:]))
    return None


_PARTY_LINE = re.compile(r"^(.+?)\s*\(([A-ZÆØÅ]{1,3})\)\s*(?:[,\-–]\s*(.*))?$")  # "Karim Said (A), formand"
_COMMA_LINE = re.compile(r"^(.+?),\s*(.+?)\.?$")  # "Solveig Munk, Enhedslisten"


def _member_line(lines: list[_Line], k: int, text: str, listing: bool) -> list[tuple[str, str | None, str | None]]:
    """(name, title, party) of the members one line of minutes names."""
    party_m, comma_m = _PARTY_LINE.match(text), _COMMA_LINE.match(text)
    acts, behalf = _rx("member", "acts").search(text), _m("member", "on_behalf", text)
    below = _nonblank(lines, k + 1, 1)
    if party_m and (found := titled_name(party_m.group(1))):
        return [(found[0], found[1] or (party_m.group(3) or "").strip(" .") or None, party_m.group(2))]
    if comma_m and (name := person_name(comma_m.group(1))) and _is_party(comma_m.group(2)):
        return [(name, None, comma_m.group(2))]
    if acts:  # the names open the sentence that tells what they did
        return _member_names(re.split(r"[.!?:]\s+", text[: acts.start()])[-1])
    if behalf:  # "På vegne af Det Konservative Folkeparti og Moderaterne" / the names on the next line
        return _member_names(_rest(behalf)) or (_member_names(lines[below[0]].text) if below else [])
    if listing and (found := titled_name(text)):
        return [(found[0], found[1], None)]
    office = _m("member", "office", lines[below[0]].text) if below else None
    if office and (name := person_name(text)):  # "Jakob Søgaard Clausen" / "Byrådsmedlem, Danmarksdemokraterne."
        return [(name, None, _rest(office).strip(" ,.") or None)]
    return []


def _members(lines: list[_Line]) -> list[Person]:
    out: list[Person] = []
    listing = False
    for k, line in enumerate(lines):
        text = line.text.strip().lstrip("•-*·▪– ").strip()
        if not text:
            continue
        if _m("member", "heading", text):
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
    for m in re.finditer(_INLINE_NAME.pattern + r",\s+((?-i:[A-ZÆØÅ]{1,4}))\b(?!\.\w)", text):
        name = person_name(m.group(1))
        if name:
            out.append(Person(name, "member", party=m.group(2), start=start))
    return out


def _unique(people: list[Person]) -> list[Person]:
    """One entry per role and name; a later mention adds what an earlier one lacked."""
    merged: dict[tuple[str, str], Person] = {}
    for p in people:
        key = (p.role, p.name.casefold())
        if key in merged:
            old = merged[key]
            merged[key] = Person(old.name, old.role, old.title or p.title, old.email or p.email,
                                 old.party or p.party, old.start)
        else:
            merged[key] = p
    return list(merged.values())


@Language.component("people")
def find_people(doc: Doc) -> Doc:
    document = document_of(doc)
    lines = _lines(doc)
    people: list[Person] = []
    if document.kind == "email":
        people += _email_people(lines)
    elif document.kind == "minutes" or facts_of(doc).agenda_items:
        people += _members(lines)
    else:
        senders, _ = _header_people(lines)
        people += [p for p in senders if person_name(p.name)]
        people += _recipients_block(lines) or _greeted(lines)
        people += _signature(lines, "signer")
    people += _caseworkers(lines)
    people = _unique(people)
    facts_of(doc).people.extend(people)
    spans = []
    for p in people:
        if p.start >= 0:
            at = doc.text.find(p.name, p.start)
            if at >= 0:
                span = doc.char_span(at, at + len(p.name), alignment_mode="expand")
                if span is not None:
                    spans.append(span)
    doc.spans["people"] = spans
    return doc
