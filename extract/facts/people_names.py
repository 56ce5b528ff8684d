"""Is this a person's name? Names whole ("Sinem Demir, MB"), after a title ("Adm. direktør Tanja
Franck"), and at the edge of running text next to a cue ("… efter ønske fra Karina Adsbøl (DF)").

A name is 2-5 capitalised words (initials "E." and particles "af", "van" inside), none of them a
word that ends an organisation's name ("udvalget", "ApS"). Inside running text a run of capitalised
words counts as a name only where it is bounded: it opens with a known first name
(`foi/danish/data/first_names.txt`), or it stands between a cue and a lower-case word ("at Eea Haldan
Vestergaard indtræder"). The words are data: `patterns/people.toml`.
"""

from __future__ import annotations

import re
from functools import cache

from foi.danish.names import first_names
from foi.extract.pattern_data import load_patterns

EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_TOKEN = re.compile(r"(?:[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäèáíóúñç']+(?:-[A-ZÆØÅÉÜÖÄ][a-zæøåéüöäèáíóú']+)*|[A-ZÆØÅ]\.)")
_SHORT_SUFFIX = 6  # organisation suffixes shorter than this must match a whole word
_BRACKETS = re.compile(r"\(\s*([^()]{1,40}?)\s*\)")
_PARTY_MARK = re.compile(r"[A-ZÆØÅ][A-ZÆØÅa-zæøå]{0,2}")  # "A", "DF", "El"
_MAX_WORDS = 5


def raw() -> dict[str, dict[str, list[str]]]:
    return load_patterns("people")


@cache
def rx(group: str, name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in raw()[group][name]), re.IGNORECASE)


@cache
def words(group: str, name: str) -> frozenset[str]:
    return frozenset(raw()[group][name])


@cache
def places() -> frozenset[str]:
    """Danish towns, municipalities and regions ("Odense Letbane" is no person): the one list of them,
    kept with the organisations' words."""
    return frozenset(p.lower() for p in load_patterns("organizations")["not_organizations"]["places"])


def m(group: str, name: str, text: str) -> re.Match[str] | None:
    return rx(group, name).search(text.strip().strip("*").strip())


def rest(match: re.Match[str] | None) -> str:
    """The first group a pattern matched (the value after its label), stripped."""
    if not match:
        return ""
    return next((g for g in match.groups() if g is not None), "").strip()


def is_org_word(token: str) -> bool:
    low = token.lower().strip(".,")
    return any(low == s or (len(s) >= _SHORT_SUFFIX and low.endswith(s)) for s in words("name", "not_name_suffix"))


def is_party(text: str) -> bool:
    return bool(m("name", "party_name", text) or m("name", "party_letter", text))


def party_after(text: str) -> re.Match[str] | None:
    """The brackets that hold a party after a name: "(A)", "(DF)", "(El)", "(Socialdemokratiet)"."""
    for found in _BRACKETS.finditer(text):
        if _PARTY_MARK.fullmatch(found.group(1)) or is_party(found.group(1)):
            return found
    return None


def is_title(token: str) -> bool:
    return bool(rx("name", "title").fullmatch(token.lower().strip(".,:")))


def is_first_name(token: str) -> bool:
    """ "Anne-Sophie" counts by "anne-sophie" or "anne"."""
    low = token.lower()
    return low in first_names() or low.split("-")[0] in first_names()


def _is_common_noun(token: str) -> bool:
    """A capitalised word that is a noun, not a name: "Kommunikation", "Folketinget"."""
    low = token.lower()
    return (is_org_word(token) or low in words("name", "not_name_first")
            or any(low.endswith(e) for e in words("name", "noun_endings")))


def person_name(text: str, min_words: int = 2) -> str | None:
    """`text` as a person's name ("Sinem Demir, MB" → "Sinem Demir"), or None if it is no name."""
    s = rx("name", "prefix").sub("", text.strip().strip("*").strip())
    s = rx("name", "suffix").sub("", s).strip(" .,;:")
    tokens = s.split()
    if not (min_words <= len(tokens) <= _MAX_WORDS):
        return None
    particles = words("name", "particles")
    for i, token in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and token in particles:
            continue
        if not _TOKEN.fullmatch(token) or is_org_word(token):
            return None
    if tokens[0].lower() in words("name", "not_name_first") or tokens[0].lower() in places() or is_party(s):
        return None
    return " ".join(tokens)


def titled_name(text: str, min_words: int = 2) -> tuple[str, str | None] | None:
    """(name, title) from "Socialborgmester Jesper Christensen" or "Adm. direktør Tanja Franck"."""
    s = rx("name", "prefix").sub("", text.strip().strip("*").strip())
    s = rx("name", "suffix").sub("", s).strip(" .,;:")
    tokens = s.split()
    cut = 0
    for i, token in enumerate(tokens[:3]):
        if is_title(token):
            cut = i + 1
    name = person_name(" ".join(tokens[cut:]), min_words)
    if not name:
        return None
    lead = 0
    while lead < cut and tokens[lead].lower() in words("name", "not_title"):
        lead += 1  # "at stedfortræder Hans Vig": the conjunction is no part of the title
    return name, (" ".join(tokens[lead:cut]).rstrip(":") or None)


def whole_name(text: str) -> tuple[str, str | None] | None:
    """(name, title) when all of `text` is a (titled) name; nouns before a known first name are cut
    off: "Kommunikation Michael Bruhn Frederiksen" → "Michael Bruhn Frederiksen"."""
    found = titled_name(text)
    if not found:
        return None
    tokens = found[0].split()
    trimmed = _trim_nouns(tokens)
    if trimmed is not tokens and not _run_ok(trimmed):
        return None
    return (" ".join(trimmed) if trimmed is not tokens else found[0]), found[1]


def title_line(text: str) -> str | None:
    """`text` if it is a title on a line of its own ("Kontorchef", "Beskæftigelsesminister")."""
    s = text.strip().strip("*").strip()
    if not s or len(s.split()) > 6 or EMAIL.search(s) or re.search(r"\d", s):
        return None
    return s if rx("name", "title").search(s) else None


# --- names at the edge of running text ------------------------------------------------------------


def _name_token(token: str) -> bool:
    return bool(_TOKEN.fullmatch(token)) and not is_org_word(token)


def _run_ok(run: list[str]) -> str | None:
    """The run as a name: particles inside only, 2-5 words, no word that opens a sentence."""
    while run and run[-1] in words("name", "particles"):
        run = run[:-1]
    return person_name(" ".join(run)) if len(run) >= 2 else None  # noqa: PLR2004 - a name has two words


def _trim_nouns(run: list[str]) -> list[str]:
    """ "Kommunikation Michael Bruhn Frederiksen" → from the first known first name on, where the words
    before it are nouns ("Folketinget Trine Pertou Mach")."""
    for i, token in enumerate(run):
        if is_first_name(token):
            return run[i:] if all(_is_common_noun(t) or is_title(t) for t in run[:i]) else run
        if not _is_common_noun(token) and not is_title(token):
            return run
    return run


def split_run(text: str) -> list[str]:
    """Names written one after another without a separator (a table cell that held one name a line):
    "Hans Henrik H. Holm Preben Schou Ida Lund" → three names, split before each known first name
    that follows two or more words of a name."""
    tokens = text.split()
    if len(tokens) < 4 or not all(_name_token(t) or t in words("name", "particles") for t in tokens):  # noqa: PLR2004
        return [text]
    out: list[list[str]] = [[]]
    for token in tokens:
        if len(out[-1]) >= 2 and is_first_name(token) and not re.fullmatch(r"[A-ZÆØÅ]\.", out[-1][-1]):  # noqa: PLR2004
            out.append([])
        out[-1].append(token)
    return [" ".join(t) for t in out]


def leading_name(text: str, bounded: bool = False) -> tuple[str, str | None, str] | None:
    """(name, title, what follows) for the name that opens `text`: "faglig koordinator Birgit Elleby
    Jørgensen fra Center for Ejendomme" → ("Birgit Elleby Jørgensen", "faglig koordinator", "fra …").
    Without a known first name the run counts only when `bounded` (it follows a cue) and a lower-case
    word or the end follows it."""
    spans = [(t.start(), t.group(0)) for t in re.finditer(r"\S+", text)]
    cut = 0
    for i, (_at, token) in enumerate(spans[:4]):
        if is_title(token):
            cut = i + 1
        elif _name_token(token.rstrip(".,;:")):
            break  # the name has begun: a title after it is its title, not a prefix
    run: list[str] = []
    end = len(text)
    for at, token in spans[cut:]:
        bare = token if re.fullmatch(r"[A-ZÆØÅ]\.", token) else token.rstrip(".,;:")
        if (not _name_token(bare) or is_title(bare)) and not (run and token in words("name", "particles")):
            end = at
            break
        run.append(bare)
        end = at + len(bare)
        if len(run) >= _MAX_WORDS or bare != token:  # a comma or a full stop ends the name
            break
    run = _trim_nouns(run)
    name = _run_ok(run)
    if not name:
        return None
    after = text[end:].strip()
    known = is_first_name(run[0])
    if not known and not (bounded and (not after or after[0].islower() or after[0] in "(,.;:")):
        return None
    return name, " ".join(t for _a, t in spans[:cut]) or None, after


def trailing_name(text: str, bounded: bool = False) -> tuple[str, str | None] | None:
    """(name, title) for the name that ends `text`: "at 1. stedfortræder på Venstres liste, Simon Rømer"
    → "Simon Rømer"; "kontorchef Kåre Nygård Pedersen" → ("Kåre Nygård Pedersen", "kontorchef").
    Without a known first name the run counts only when `bounded` (a cue follows it) and a lower-case
    word or the start stands before it."""
    tokens = text.rstrip(" ,;:").split()
    run: list[str] = []
    for token in reversed(tokens):
        if (not _name_token(token) or is_title(token)) and not (run and token in words("name", "particles")):
            break
        run.insert(0, token)
    while run and run[0] in words("name", "particles"):
        run = run[1:]  # "… bestående af Anders Holm": the particle opens no name
    if len(run) > _MAX_WORDS:
        run = run[-_MAX_WORDS:]
    run = _trim_nouns(run)
    name = _run_ok(run)
    if not name:
        return None
    before = tokens[: len(tokens) - len(run)]
    known = is_first_name(run[0])
    if not known and not (bounded and (not before or before[-1][:1].islower())):
        return None
    title = before[-1] if before and is_title(before[-1]) else None
    return name, title
