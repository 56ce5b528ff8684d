"""Who asked: the persons an inquiry is from, as its answer must greet them.

    Med venlig hilsen                                  -> ["Lise Brandt", "Peter Holm"]
    Lise Brandt (DF) og Peter Holm (DF)
    Medlemmer af Kommunalbestyrelsen

    Anna Mortensen (Ø) / Klaus Riis (Ø) / Sofie Bech (Ø), one a line        -> three names
    Mvh. Bent og Grethe Lassen                                               -> ["Bent", "Grethe Lassen"]
    … efter ønske fra Anne Holm (S) og Jens Berg (V).                        -> ["Anne Holm", "Jens Berg"]
    Regionsrådsmedlem Pia Kofoed (F) har stillet følgende spørgsmål          -> ["Pia Kofoed"]

A party tag goes with each name; a title after a comma ("Jens Munk, byrådsmedlem (SF)"), a party,
a council, a newspaper or "På vegne af …" on the lines around the names is no asker. A name of one
word is a person only when it is a Danish first name ("Hilsen / Poul").
"""

from __future__ import annotations

import re

from foi.danish.names import first_names
from foi.danish.patterns import placeholders

CLOSING = re.compile("^" + placeholders()["{CLOSING}"] + r"[.,!]?\s*", re.IGNORECASE)
# a party after a name: "(DF)", "(A)", "(Ø)", "(Socialdemokratiet)", "(løsgænger)"
PARTY = re.compile(r"\s*\((?:[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,3}|[A-Za-zÆØÅæøå]+(?:\s+[A-Za-zÆØÅæøå]+){0,3})\)")
_TOKEN = re.compile(r"^(?:[A-ZÆØÅÉ][a-zæøåéüöäA-ZÆØÅ'’]+(?:-[A-ZÆØÅ][a-zæøåéüöä'’]+)?|[A-ZÆØÅ]\.)$")
_PARTICLES = frozenset({"af", "von", "van", "de", "la", "le", "der", "den", "da", "di"})
# capitalised words of a signature block that are no person's name: parties, bodies, titles, papers
_NOT_NAMES = frozenset("""
venstre venstres socialdemokratiet socialdemokraterne folkeparti folkepartiet konservative konservatives radikale
enhedslisten alternativet liberal alliance moderaterne danmarksdemokraterne nye borgerlige kristendemokraterne
dansk socialistisk sf løsgænger partiet gruppe byrådsgruppe kommune kommunes kommunen region regionen regionsrådet
byråd byrådet kommunalbestyrelsen kommunalbestyrelse udvalg udvalget forvaltningen forvaltning sekretariatet
byrådssekretariatet borgmester borgmesteren rådmand medlem medlemmer formand næstformand journalist redaktør
dagbladet avisen avis tlf telefon mobil mail e-mail www på vegne hilsen venlig med kære til fra emne sendt
afdeling center direktør chef leder konsulent sagsbehandler ministeriet ministeren folketinget folketingets
""".split())
# a title before or after a name: "Regionsrådsmedlem Pia Kofoed", "Udvalgsformand", "Gruppeformand"
# and the word that ends an organisation's name: "Danmarks Naturfredningsforening", "Lokalafdeling Vejle"
_TITLE = re.compile(r"(?:medlem|medlemmer|formand|rådmand|borgmester|ordfører|sekretær|direktør|chef|leder|udvalg|"
                    r"udvalget|ministeren|gruppen|gruppe|forening(?:en)?|afdeling(?:en)?|selskab(?:et)?|råd(?:et)?|"
                    r"parti(?:et)?|cent(?:er|ret|eret)|forbund(?:et)?|organisation(?:en)?|klub(?:ben)?|fond(?:en)?|"
                    r"styrelse(?:n)?|avis(?:en)?|tidende|bladet|skole(?:n)?|kommune|region(?:en)?)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:og|&|and)\s+")
# who asked, in the text: "efter ønske fra …", "Spørgsmål fra …:", "stillet af …", "… har stillet følgende"
_ASKED_BY = re.compile(
    r"(?:efter\s+ønske\s+fra|spørgsmål(?:et|ene)?\s+(?:til\s+skriftlig\s+besvarelse\s+)?(?:er\s+)?(?:stillet\s+)?"
    r"(?:af|fra)|stillet\s+af|^(?:af|spørger|stillet\s+af)\s*:)\s+(?P<names>(?:[^.:\n]|(?<=\s[A-ZÆØÅ])\.)+)"
    r"|^(?P<before>[^.:\n]{3,80}?)\s+har\s+(?:den\s+[^.\n]{3,20}\s+)?stillet\s+(?:følgende|dette|disse)",
    re.IGNORECASE | re.MULTILINE)


def person(text: str) -> str | None:
    """The person's name in a piece of a signature or a phrase, or None: party tags and a title
    after a comma go, leading title words too ("Regionsrådsmedlem Pia Kofoed")."""
    text = PARTY.sub("", text).strip(" \t.,;:'\"")
    tokens = text.split()
    while tokens and (not _TOKEN.match(tokens[0]) or tokens[0].lower() in _NOT_NAMES or _TITLE.search(tokens[0])):
        tokens = tokens[1:]  # "byrådsmedlem Hans Lorentzen", "Regionsrådsmedlem Pia Kofoed"
    if not 1 <= len(tokens) <= 5 or tokens[-1].lower() in _PARTICLES:
        return None
    for token in tokens:
        if token.lower() in _NOT_NAMES or _TITLE.search(token) or not (_TOKEN.match(token) or token in _PARTICLES):
            return None
    if len(tokens) == 1 and tokens[0].lower() not in first_names():
        return None
    return " ".join(tokens)


def names_in(line: str) -> list[str]:
    """The persons of one line, "A (V), B (V) og C (K)", "Bent og Grethe Lassen"; [] unless every part
    is a person (a title after a comma is dropped: "Henrik Aagaard, byrådsmedlem (Løsgænger)")."""
    line = PARTY.sub("", line).strip(" \t.,;")
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    while len(parts) > 1 and not person(parts[-1]):
        parts.pop()  # ", byrådsmedlem", ", Byrådsmedlem"
    names = [person(p) for p in parts]
    return [n for n in names if n] if names and all(names) else []


def asked_by(text: str) -> list[str]:
    """The askers a phrase names ("efter ønske fra …", "Spørgsmål fra …:", "Af: …")."""
    for m in _ASKED_BY.finditer(text):
        if m.group("names"):
            found = names_in(m.group("names"))
        else:  # "Regionsrådsmedlem Pia Kofoed (F) har stillet følgende"
            found = names_in(m.group("before").split(",")[-1])
        if found:
            return found
    return []


def signature(lines: list[str]) -> list[str]:
    """The persons who signed: the names under (or on the line of) the first closing formula, one a
    line or joined by "og" and commas; titles, parties and "På vegne af …" around them are skipped."""
    for i, line in enumerate(lines):
        m = CLOSING.match(line.strip())
        if not m:
            continue
        same_line = line.strip()[m.end():].strip()
        following = ([same_line] if same_line else []) + [x.strip() for x in lines[i + 1: i + 8] if x.strip()]
        names: list[str] = []
        for n, candidate in enumerate(following[:6]):
            found = names_in(candidate)
            if found and (not names or len(found) > 1 or _likely_person(candidate, found[0])):
                names += found
            elif names or n >= 2 or "@" in candidate or re.search(r"\d{2}", candidate):
                break
        return names
    return []


def _likely_person(line: str, name: str) -> bool:
    """A second signature line is another asker when it carries a party tag or starts with a first name."""
    return bool(PARTY.search(line)) or name.split()[0].lower() in first_names()


def join_names(names: list[str]) -> str:
    """As a letter greets them: "A", "A og B", "A, B og C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
