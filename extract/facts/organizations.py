"""Organisations named in a document's body lines (a letterhead in the margin is a sender, not a mention).

The rules, from the most to the least certain:
1. known names, news media and national bodies ("DR", "Avisen.dk", "KL"), also opening a compound
   ("DR-dokumentaren");
2. defined abbreviations: "Styrelsen for Arbejdsmarked og Rekruttering (STAR)" gives both when the
   name has a head word; one defined for a law or a thing ("lov om … (LAB)") is none;
3. head words: "Styrelsen for …", "Udlændinge- og Integrationsministeriet", "Bestseller Koncernen";
4. a word that says what follows: "en virksomhed (Fakta)", "revisionsfirmaet Deloitte";
5. capitals, two to six letters, alone ("BIU", "COOP"): not Roman numerals, party letters, emphasis
   ("ALTID" beside "altid") or a stop-list ("CPR", "MB");
6. one capitalised word mid-sentence, where Danish writes a noun in lower case, at least twice, never
   part of a longer name, not a place, a person's name, a title before a number or a definite noun.

Decided: the municipality, its administrations, committees and councils ("Københavns Kommune",
"Socialforvaltningen", "Arbejdsmarkedsudvalget") and regions are not reported; they have fields of
their own. Their abbreviations are ("BIU"): that is how the text names a body. Companies with a legal
form are companies. The words are data: `patterns/organizations.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.companies import patterns as company_patterns
from foi.extract.facts.context import facts_of, line_offsets
from foi.extract.model import BODY, Organization
from foi.extract.pattern_data import load_patterns

UPPER = "A-ZÆØÅ"
LOWER = "a-zæøåéüö"
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ACRONYM = re.compile(rf"(?<![\w\-/.@])([{UPPER}]{{2,6}})(?![\w\-/@]|\.\w)")
_WORD = re.compile(rf"(?<![\w.\-/@])([{UPPER}][{LOWER}]{{2,}})(?![\w\-/@]|\.\w)")
_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]{1,150}[\"“”«»]|(?<![\w])'[^']{1,150}'(?!\w)")
_NAME_WORD = rf"[{UPPER}][\w.&'’-]*"
_LOCATIVE = re.compile(r"(?:^|\s)(?:i|på|ved|nær|til|omkring|mellem|gennem|mod|over|langs)\s+$", re.IGNORECASE)
# a bare capitalised word is a name when it stands mid-sentence this often, or once and more often elsewhere
_MIN_MENTIONS = 2


@dataclass(frozen=True)
class _Patterns:
    known: dict[str, tuple[str, str]]  # a spelling in lower case -> (the name reported, the spelling)
    known_pattern: re.Pattern[str]
    stop_acronyms: frozenset[str]
    parties: frozenset[str]
    before_for: re.Pattern[str]
    suffix_word: re.Pattern[str]
    last_word: re.Pattern[str]
    parenthesis: re.Pattern[str]
    apposition: re.Pattern[str]
    law: re.Pattern[str]
    unit_suffixes: tuple[str, ...]
    head_words: frozenset[str]
    authority: re.Pattern[str]
    words: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw: dict[str, Any] = load_patterns("organizations")
    groups = raw["known"].values()
    known = {spelling.lower(): (name, spelling) for g in groups for name, sp in g.items() for spelling in sp}
    alternation = "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
    heads = raw["heads"]
    context = raw["context"]
    suspended = rf"(?:[{UPPER}][\w]*-\s*(?:og|eller)\s+)?"
    suffixes = "|".join(heads["suffixes"] + heads["authority_suffixes"])
    return _Patterns(
        known=known,
        known_pattern=re.compile(rf"(?<![\w.\-/@])(?:{alternation})(?![\w/@]|\.\w)", re.IGNORECASE),
        stop_acronyms=frozenset(raw["acronyms"]["not_organizations"]),
        parties=frozenset(raw["acronyms"]["parties"]),
        before_for=re.compile(
            rf"\b(?:{'|'.join(heads['before_for'])})\s+for\s+{_NAME_WORD}(?:(?:,\s+|\s+og\s+|\s+samt\s+|\s+)"
            rf"{_NAME_WORD})*"
        ),
        suffix_word=re.compile(rf"(?<![\w\-])({suspended}[{UPPER}][{LOWER}]{{2,}}(?:{suffixes}))(?![\w\-])"),
        last_word=re.compile(rf"((?:{_NAME_WORD}\s+){{1,3}}(?:{'|'.join(heads['last_words'])}))(?![\w\-])"),
        parenthesis=re.compile(
            rf"\b(?:{'|'.join(context['before_parenthesis'])})\s*\(({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\)",
            re.IGNORECASE,
        ),
        apposition=re.compile(
            rf"\b(?:{'|'.join(context['apposition'])})\s+({_NAME_WORD}(?:\s+(?:&\s+|og\s+)?{_NAME_WORD}){{0,3}})"
        ),
        law=re.compile("|".join(context["law"]), re.IGNORECASE),
        unit_suffixes=tuple(raw["not_organizations"]["unit_suffixes"] + raw["not_organizations"]["place_suffixes"]),
        head_words=frozenset(heads["before_for"] + heads["last_words"]),
        authority=re.compile(rf"(?:{'|'.join(heads['authority_suffixes'])})$"),
        words=frozenset(raw["not_organizations"]["words"]),
        places=frozenset(raw["not_organizations"]["places"]),
    )


# -- body text as paragraphs with offsets ------------------------------------------------------------
@dataclass
class Paragraph:
    text: str
    offsets: list[int]  # the document offset of every character (-1 for a joining space)

    def start(self, i: int) -> int:
        while i < len(self.offsets) and self.offsets[i] < 0:
            i += 1
        return self.offsets[i] if i < len(self.offsets) else -1


def paragraphs(rows: list[tuple[int, str, str]]) -> list[Paragraph]:
    """Consecutive body lines joined into paragraphs; blank lines, margin lines and table rows end one."""
    out: list[Paragraph] = []
    parts: list[tuple[int, str]] = []
    for offset, text, role in [*rows, (-1, "", BODY)]:
        if role == BODY and text.strip() and "\t" not in text:
            parts.append((offset, text))
        elif parts:
            offsets = [o for n, (at, t) in enumerate(parts) for o in [-1] * (n > 0) + list(range(at, at + len(t)))]
            out.append(Paragraph(" ".join(t for _, t in parts), offsets))
            parts = []
    return out


def sentence_initial(text: str, i: int) -> bool:
    """Does position i open a sentence or clause (where any word is capitalised)?"""
    window = text[max(0, i - 40) : i]
    before = window.rstrip()
    if not before or re.search(r"\S\s{2,}$", window):
        return True  # the start of a paragraph, or of a table cell set off by spaces
    if re.search(r"(?:^|\s)(?:\d{1,2}[.)]|[-•*–])$", before):
        return True
    return before[-1] in ".!?:;\"“”«»('’"


def _mask_quotes(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


# -- the rules --------------------------------------------------------------------------------------
Found = tuple[str, int]  # name, offset in the document


def is_unit(name: str) -> bool:
    """Part of the municipality (or the municipality or a region): not reported here."""
    words = name.split()
    return words[-1].lower().endswith(patterns().unit_suffixes) or words[0] in ("Region", "Jobcenter", "Center")


def known_names(para: Paragraph) -> list[Found]:
    """Known names; a short one ("DR") only as written, a longer one with its first letter as written."""
    p = patterns()
    out: list[Found] = []
    for m in p.known_pattern.finditer(para.text):
        name, spelling = p.known[m.group(0).lower()]
        if m.group(0) == spelling or (len(spelling) >= 5 and m.group(0)[0] == spelling[0]):
            out.append((name, para.start(m.start())))
    return out


def _phrase_before(text: str, end: int) -> tuple[str, int]:
    """The capitalised name that ends at `end` ("Styrelsen for Arbejdsmarked og Rekruttering"), and its start."""
    joiners = {"og", "for", "i", "af", "til", "under", "med", "ved", "samt", "eller", "&"}
    base = max(0, end - 200)
    tokens = list(re.finditer(r"\S+", text[base:end]))[-12:]
    taken: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        if word[-1] in ",;:.)(\"”":
            break
        if word[:1].isupper():
            taken = [token, *pending, *taken]
            pending = []
        elif word in joiners or word.endswith("-"):
            pending.insert(0, token)
        else:
            break
    not_name = company_patterns().not_name
    while taken and taken[0].group(0) in not_name:
        taken = taken[1:]
        while taken and not taken[0].group(0)[:1].isupper():
            taken = taken[1:]
    if not taken:
        return "", -1
    return text[base + taken[0].start() : base + taken[-1].end()], base + taken[0].start()


def defined_abbreviations(para: Paragraph) -> tuple[list[Found], set[str]]:
    """Organisations defined with an abbreviation, and abbreviations defined for laws and things."""
    p = patterns()
    out: list[Found] = []
    not_orgs: set[str] = set()
    for m in re.finditer(rf"\(([{UPPER}][{UPPER}0-9]{{1,5}})\)", para.text):
        abbreviation = m.group(1)
        before = para.text[max(0, m.start() - 100) : m.start()]
        sentence = re.split(r"[.!?]\s", before)[-1]
        if p.law.search(sentence):
            not_orgs.add(abbreviation)
            continue
        phrase, at = _phrase_before(para.text, m.start())
        if not phrase:
            words = re.findall(r"\w+", before)[-4:]
            if any(w[:1].lower() == abbreviation[:1].lower() for w in words):
                not_orgs.add(abbreviation)  # the abbreviation of a thing: "den grønne mobilitetsplan (GMP)"
                continue
        if phrase and len(phrase.split()) > 1 and not is_unit(phrase) and _has_head(phrase):
            out.append((phrase, para.start(at)))
        if abbreviation not in p.stop_acronyms and abbreviation not in p.parties and not _ROMAN.match(abbreviation):
            out.append((abbreviation, para.start(m.start(1))))
    return out, not_orgs


def _has_head(phrase: str) -> bool:
    p = patterns()
    return bool(p.before_for.match(phrase) or p.suffix_word.search(phrase) or p.last_word.search(phrase))


def head_names(para: Paragraph) -> list[Found]:
    """Names with an organisation's head word."""
    p = patterns()
    text = _mask_quotes(para.text)
    out: list[Found] = []
    for m in p.before_for.finditer(text):
        out.append((m.group(0), para.start(m.start())))
    for pattern in (p.suffix_word, p.last_word):
        for m in pattern.finditer(text):
            name = m.group(1)
            first = name.split()[0]
            if _stop_word(first):
                continue
            # a lone head word opening a sentence can be a common noun ("Boligforeningen har …"),
            # but not the name of an authority ("Sundhedsstyrelsen har …")
            if " " not in name and sentence_initial(text, m.start(1)) and not p.authority.search(name):
                continue
            if pattern is p.suffix_word:
                name += _second_word(text[m.end(1) :])
            out.append((name, para.start(m.start(1))))
    return out


def _second_word(after: str) -> str:
    """The one capitalised word that completes a name after its head: "Boligforeningen Lyset"."""
    m = re.match(rf"(\s+)([{UPPER}][{LOWER}]+)(?=[\s,.;:!?)]|$)(?!\s+[{UPPER}0-9])", after)
    word = m.group(2) if m else ""
    if not word or _is_place(word) or word.lower().endswith(patterns().unit_suffixes) or _stop_word(word):
        return ""
    return m.group(1) + word if m else ""


def named_by_context(para: Paragraph) -> list[Found]:
    """"en virksomhed (Fakta)", "revisionsfirmaet Deloitte"."""
    p = patterns()
    patterns_ = (p.parenthesis, p.apposition)
    return [(m.group(1), para.start(m.start(1))) for pat in patterns_ for m in pat.finditer(para.text)]


def _acronym_in_context(before: str, after: str) -> bool:
    """Does the text around a word in capitals let it be an organisation's abbreviation?"""
    if before.endswith("(") and after.startswith(")") and re.search(rf"[{UPPER}][{LOWER}]+\s*\($", before):
        return False  # a party after a member's name: "Gert Wahl (Ø)"
    if re.match(r" \d", after):
        return False  # the prefix of a number: "LP 854"
    if re.search(rf"[{UPPER}]{{2,}} $", before) or re.match(rf" [{UPPER}]{{2,}}\b", after):
        return False  # one word of a name in capitals: "PLAY WEST"
    neighbours = re.findall(r"(\S+)\s+(?:og\s+|,\s*)?$", before[-12:])
    neighbours += re.findall(r"^,?\s+(?:og\s+)?(\S+)", after[:12])
    return not any(n.strip(",.()") in patterns().parties for n in neighbours)  # "EL og VJ": listed with parties


def acronyms(para: Paragraph, document_words: set[str], not_orgs: set[str]) -> list[Found]:
    p = patterns()
    letters = [c for c in para.text if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []  # a heading in capitals
    out: list[Found] = []
    for m in _ACRONYM.finditer(para.text):
        word = m.group(1)
        if word in p.stop_acronyms or word in p.parties or word in not_orgs or _ROMAN.match(word):
            continue
        if len(word) >= 4 and word.lower() in document_words:
            continue  # a word in capitals for emphasis ("ALTID"), written in lower case elsewhere
        if _acronym_in_context(para.text[max(0, m.start() - 80) : m.start()], para.text[m.end() : m.end() + 80]):
            out.append((word, para.start(m.start())))
    return out


def _stop_word(word: str) -> bool:
    """A capitalised word that is no name: "Bilag", "Borgmester", or a word that opens a sentence ("Også")."""
    return word in patterns().words or word in company_patterns().not_name


def _is_place(word: str) -> bool:
    places = patterns().places
    return word in places or word.rstrip("s'’") in places or word[:-1] in places


def _standalone(text: str, start: int, end: int) -> bool:
    """Is the word at text[start:end] not one word of a longer name ("Anna Mee", "Sundhed og Omsorg")?"""
    before = text[max(0, start - 80) : start].rstrip()
    after = text[end : end + 80].lstrip()
    capital = rf"[{UPPER}0-9]"
    joiner = r"(?:og|&|for|ved|de|von|van|of|and|the)"
    if re.search(rf"(?:^|\s){capital}[\w’'-]*(?:\s+{joiner})?$", before):
        return False
    if re.match(r"\d", after):
        return False  # a title before a number: "Budget 2020"
    return not re.match(rf"(?:{joiner}\s+)?{capital}", after) or text[end : end + 1] in ".,;:!?"


def proper_names(paras: list[Paragraph], person_words: set[str]) -> list[Found]:
    """Single capitalised words that stand alone mid-sentence, written at least twice.

    Never part of a longer capitalised name anywhere in the document; a word after a preposition of
    place ("i Lisbjerg", "på Grenåvej") is no evidence, as places are named that way.
    """
    p = patterns()
    seen: dict[str, list[int]] = {}
    evidence: dict[str, int] = {}
    bound: set[str] = set()
    for para in paras:
        text = _mask_quotes(para.text)
        for m in _WORD.finditer(text):
            word = m.group(1)
            seen.setdefault(word, []).append(para.start(m.start()))
            if not _standalone(text, m.start(), m.end()):
                bound.add(word)
                continue
            at_line_start = m.start() == 0 or para.offsets[m.start() - 1] == -1
            locative = _LOCATIVE.search(text[max(0, m.start() - 20) : m.start()])
            if not at_line_start and not sentence_initial(text, m.start()) and not locative:
                evidence[word] = evidence.get(word, 0) + 1
    out: list[Found] = []
    for word, starts in seen.items():
        strong = evidence.get(word, 0)
        if word in bound or len(word) < 4 or not (strong >= _MIN_MENTIONS or (strong and len(starts) > _MIN_MENTIONS)):
            continue
        if _stop_word(word) or word in p.head_words or word in person_words:
            continue
        if _is_place(word) or re.search(r"(en|et|ne|ens|ets|nes)$", word) or word.lower().endswith(p.unit_suffixes):
            continue
        out.append((word, min(starts)))
    return out


def _outermost(found: list[Found]) -> list[Found]:
    """The names not written inside a longer name found at the same place: "TV 2" in "TV2 Lorry"."""
    ordered = sorted(set(found), key=lambda f: (f[1], -len(f[0])))
    out: list[Found] = []
    for name, start in ordered:
        if not any(s <= start and start + len(name) <= s + len(n) for n, s in out[-8:] if len(n) > len(name)):
            out.append((name, start))
    return out


# -- the component ----------------------------------------------------------------------------------
def find_organizations_in(
    rows: list[tuple[int, str, str]], person_names: list[str] | None = None, company_names: list[str] | None = None
) -> list[Organization]:
    """The organisations named in the body lines of a document ((offset, text, role) each)."""
    paras = paragraphs(rows)
    document_words = {w.lower() for para in paras for w in re.findall(rf"\b[{LOWER}]+\b", para.text)}
    person_words = {w for name in person_names or [] for w in name.split()}
    skip = {n.casefold() for n in company_names or []}
    found: list[Found] = []
    not_orgs: set[str] = set()
    for para in paras:
        defined, para_skips = defined_abbreviations(para)
        not_orgs |= para_skips
        found += known_names(para) + defined + head_names(para) + named_by_context(para)
    for para in paras:
        found += acronyms(para, document_words, not_orgs)
    found += proper_names(paras, person_words)
    out: dict[str, Organization] = {}
    for name, start in _outermost(found):
        name = name.strip(" ,.")
        key = re.sub(r"-\s+", "-", name).casefold()
        if key in out or key in skip or is_unit(name) or name in patterns().words:
            continue
        out[key] = Organization(name, start)
    return list(out.values())


@Language.component("organizations")
def find_organizations(doc: Doc) -> Doc:
    facts = facts_of(doc)
    companies = [c.name for c in facts.companies]
    companies += [company_patterns().form_at_end.sub("", c.name).strip() for c in facts.companies if c.legal_form]
    facts.organizations = find_organizations_in(line_offsets(doc), [p.name for p in facts.people], companies)
    return doc
