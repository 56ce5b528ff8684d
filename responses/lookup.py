"""Fact look-ups: questions the store answers directly, each answer with its source.

    "Hvad er sagsnummeret på forvaltningens brev af 23. oktober 2018 …, og hvem underskrev det?"
        -> the letter of that date: its case number and its signer
    "Hvornår holdt Arbejdsmarkedsudvalget møde i august 2017?"       -> the stored minutes of that month
    "Hvilken dato behandlede udvalget sagen om flygtningebonus?"     -> the meeting whose agenda has it
    "Hvor stor var beskæftigelsesbonussen i 2017?"                   -> a stored amount, its sentence quoted

`parse` reads what a question refers to (a kind of document, a date, a month or year, a committee,
an administration it names, its other words) and what it asks for; the cues are data
(responses/patterns/lookup.toml). `lookup_section` finds it in the store (foi.store.lookups).

Precision first: a document must be the only one that matches best, and hold the question's words;
an amount must stand in a sentence that holds every word of the question. Several equal matches are
listed for the secretary instead of guessed; nothing found is a placeholder. A document of another
administration is named as that administration's, never as "forvaltningens".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlite_utils

from foi.danish.calendar import month_number
from foi.extract.facts.dates import find as find_full_dates
from foi.extract.model import Question
from foi.extract.pattern_data import any_of, load_patterns
from foi.extract.personal_data import mask_cpr
from foi.responses.danish import format_date, lower_first
from foi.responses.profiles import Profile
from foi.store.lookups import Candidate, StoredAmount, agenda_items, amounts, find_documents, meetings, people_of
from foi.store.queries import administration_of, stem_terms

if TYPE_CHECKING:  # gather runs this rule and builds on it: its names are imported where used, not at load time
    from foi.responses.gather import Section

_DATA = load_patterns("lookup", "foi.responses")
_ASKS = {name: any_of(patterns) for name, patterns in _DATA["asks"].items()}
_KINDS = {name: any_of(patterns) for name, patterns in _DATA["kinds"].items()}
_STORED: dict[str, list[str]] = _DATA["stored"]
_MONTH = any_of(_DATA["refers"]["month"])
_YEAR = any_of(_DATA["refers"]["year"])
_COMMITTEE = any_of(_DATA["refers"]["committee"])
_OWN = any_of(_DATA["refers"]["own"])
_ADMINISTRATION = tuple(any_of([p]) for p in _DATA["refers"]["administration"])  # each has its group "name"
_GENERIC = frozenset(stem_terms(_DATA["generic"]["words"], keep_stopwords=True))
_ABBREVIATIONS = tuple(_DATA["sentence"]["abbreviations"])
LIMITS: dict[str, float] = _DATA["limits"]

DOCUMENT_FACTS = ("case_number", "document_number", "signer", "sender", "recipient")
_ANSWERS = {"document": (*DOCUMENT_FACTS, "date"), "meeting": ("meeting", "treated", "date"), "amount": ("amount",)}
_WORD = re.compile(r"[0-9a-zæøåäöüé]+", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:](?=\s)|\s(?:og|men|heraf|hvoraf)\s")  # "1,3" is a number, not a clause's end
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"»“(]?[A-ZÆØÅ0-9])")


@dataclass(frozen=True)
class Reference:
    """What a question asks for and what it refers to."""

    asks: tuple[str, ...]  # in the order asked: case_number, document_number, date, signer, sender, recipient,
    #                        meeting (a committee's), treated (the meeting of a matter), amount
    kind: str | None = None  # the kind of document it names: letter, memo, minutes, agenda, email, ruling
    date: str | None = None  # a full date it names, ISO
    period: str | None = None  # a month ("2017-08") or a year ("2017") it names
    committee: str | None = None  # as written: "Arbejdsmarkedsudvalget"
    administration: str | None = None  # an administration it names: "Svendborg"
    own: bool = False  # it calls the document the administration's own: "forvaltningens brev"
    terms: tuple[str, ...] = ()  # the stems of its other words: what it is about

    @property
    def family(self) -> str | None:
        """Which look-up answers it: "document", "meeting", "amount", or None."""
        if "meeting" in self.asks or "treated" in self.asks:
            return "meeting"
        if any(a in DOCUMENT_FACTS for a in self.asks) or ("date" in self.asks and self.kind):
            return "document"
        if "amount" in self.asks:
            return "amount"
        if "date" in self.asks and self.committee:
            return "meeting"
        return None


def parse(question: str) -> Reference:
    """What a Danish question asks for and refers to; the words that said so are not its terms."""
    text = " ".join(question.split())
    spans: list[tuple[int, int]] = []

    def taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in spans)

    # the words of what is asked are left to [generic]: a cue's filler ("hvornår blev mailen fra
    # borgmesteren sendt") holds what the question is about
    first = {name: m.start() for name, pattern in _ASKS.items() if (m := pattern.search(text))}
    kinds = sorted((m.start(), name) for name, p in _KINDS.items() for m in p.finditer(text))
    spans += [m.span() for p in _KINDS.values() for m in p.finditer(text)]
    dates = find_full_dates(text)
    spans += [(d.start, d.end) for d in dates]
    period = None
    for m in _MONTH.finditer(text):
        number = month_number(m["month"])
        if number and not taken(*m.span()):
            period = period or f"{m['year']}-{number:02d}"
            spans.append(m.span())
    for m in _YEAR.finditer(text):
        if not taken(*m.span()):
            period = period or m["year"]
            spans.append(m.span())
    committee = _COMMITTEE.search(text)
    if committee:
        spans.append(committee.span())
    named = next((m for p in _ADMINISTRATION if (m := p.search(text))), None)
    if named:
        spans.append(named.span())
    rest = "".join(" " if taken(i, i + 1) else ch for i, ch in enumerate(text))
    terms = tuple(t for t in dict.fromkeys(stem_terms(rest)) if t not in _GENERIC and not t.isdigit())
    asks = sorted(first, key=first.__getitem__)
    if dates and "date" in asks and "treated" not in asks:
        asks.remove("date")  # "brevet af 23. oktober 2018": the date is given, not asked
    return Reference(tuple(asks), kinds[0][1] if kinds else None, dates[0].date.isoformat() if dates else None,
                     period, committee.group(0) if committee else None, named["name"] if named else None,
                     _OWN.search(text) is not None, terms)


# -- matching ----------------------------------------------------------------------------------------
def covers(terms: tuple[str, ...] | list[str], text: str) -> float:
    """The share of `terms` (stems) that `text` holds: as a word's start, inside a compound word
    ("bonus" in "beskæftigelsesbonus"), or across two words written apart ("flygtninge bonus")."""
    if not terms:
        return 1.0
    words = [w.casefold() for w in _WORD.findall(text)]
    pairs = {a + b for a, b in zip(words, words[1:], strict=False)}
    singles = set(words)

    def held(term: str) -> bool:
        if len(term) < 4:
            return any(w.startswith(term) for w in singles)
        return any(term in w for w in singles) or any(term in p for p in pairs)

    return sum(held(t) for t in terms) / len(terms)


def _base(name: str) -> str:
    """A committee's name without its definite ending: "Arbejdsmarkedsudvalgets" -> "arbejdsmarkedsudvalg"."""
    words = " ".join(name.casefold().split()).split(" ")
    return " ".join(re.sub(r"(?:ets|ens|et|en|s)$", "", w) if len(w) > 4 else w for w in words)


def committee_of(meeting: Candidate) -> str | None:
    """The committee a meeting document is of: the first committee named in its stored committee,
    title or heading."""
    for text in (meeting.committee, meeting.document.title, meeting.head):
        m = _COMMITTEE.search(text or "")
        if m:
            return m.group(0)
    return None


def _named(db: sqlite_utils.Database, candidate: Candidate, ref: Reference) -> bool:
    """Whether a candidate is of the administration the question names (true when it names none)."""
    if not ref.administration:
        return True
    return ref.administration.casefold() in (administration_of(db, candidate.document.id) or "").casefold()


def _best(found: Sequence[tuple[tuple[float, ...], Any]]) -> list[Any]:
    """The items of the highest score (several when they tie)."""
    top = max((score for score, _ in found), default=None)
    return [item for score, item in found if score == top]


# -- the values a template words -------------------------------------------------------------------
def _source(db: sqlite_utils.Database, candidate: Candidate, profile: Profile | None, **extra: Any) -> dict[str, Any]:
    from foi.responses.gather import is_own

    doc = candidate.document
    own, administration = is_own(db, doc, profile)
    return {"kind": candidate.subkind if candidate.subkind in ("agenda", "ruling") else doc.kind, "own": own,
            "administration": administration or "", "date": format_date(doc.date) if doc.date else None,
            "case": doc.case_number, "document_number": doc.document_number, "file": doc.path,
            "title": doc.title or "", **extra}


def _person(name: str, title: str | None) -> str:
    return f"{lower_first(title)} {name}" if title and len(title.split()) <= 4 else name


def _people(db: sqlite_utils.Database, candidate: Candidate, ask: str) -> str | None:
    roles = {"signer": ("signer",), "sender": ("signer", "sender"), "recipient": ("recipient",)}[ask]
    if candidate.document.kind == "email":
        roles = {"signer": ("signer", "sender"), "sender": ("sender",), "recipient": ("recipient",)}[ask]
    for role in roles:
        people = people_of(db, candidate.document.id, [role])
        if people:
            named = [_person(mask_cpr(p.name), p.title) for p in people]
            return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " og " + named[-1]
    return None


def _part(db: sqlite_utils.Database, candidate: Candidate | None, ask: str) -> dict[str, Any]:
    """One asked fact of a document: {"ask": "case_number", "value": "2018-0000088"}; None when not known."""
    value = None
    if candidate is not None and ask in ("signer", "sender", "recipient"):
        value = _people(db, candidate, ask)
    elif candidate is not None:
        doc = candidate.document
        value = {"case_number": doc.case_number, "document_number": doc.document_number,
                 "date": format_date(doc.date) if doc.date else None}[ask]
    return {"ask": ask, "value": value}


def _groups(parts: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The parts of an answer as sentences: the numbers together, each other part on its own."""
    numbers = [p for p in parts if p["ask"] in ("case_number", "document_number")]
    others = [[p] for p in parts if p["ask"] not in ("case_number", "document_number")]
    return ([numbers] if numbers else []) + others


# -- the rule ----------------------------------------------------------------------------------------
def lookup_section(db: sqlite_utils.Database, q: Question, profile: Profile | None = None) -> Section | None:
    """A `Section` answering the question from the store, a placeholder section when it asks a stored
    document's or meeting's fact that the store does not have, or None when it asks none."""
    ref = parse(q.text)
    rule = {"document": _document, "meeting": _meeting, "amount": _amount}.get(ref.family or "")
    section = rule(db, q, ref, profile) if rule else None
    if section is not None and section.rule == "lookup":  # "… og hvad kostede det?": the part not looked up
        section.values["rest"] = any(a not in _ANSWERS[ref.family or ""] for a in ref.asks)
    return section


def _section(q: Question, rule: str, values: dict[str, Any], sources: list[tuple[str, Candidate]]) -> Section:
    from foi.responses.gather import Provenance, Section

    part = "answer_placeholder.j2" if rule == "placeholder" else "answer_lookup.j2"
    section = Section(q.number, q.text, rule, part, values)
    section.provenance += [Provenance.of(q.number, fact, c.document) for fact, c in sources]
    return section


def _ambiguous(db: sqlite_utils.Database, q: Question, values: dict[str, Any], found: list[Candidate],
               profile: Profile | None, details: list[str] | None = None) -> Section:
    if len(found) > LIMITS["max_candidates"]:
        return _section(q, "placeholder", {}, [])
    listed = [_source(db, c, profile, detail=(details or [""] * len(found))[i]) for i, c in enumerate(found)]
    return _section(q, "lookup", {"meetings": [], "items": [], **values, "source": None, "candidates": listed}, [])


def _document(db: sqlite_utils.Database, q: Question, ref: Reference, profile: Profile | None) -> Section | None:
    if not (ref.date or ref.terms or (ref.period and ref.kind)):
        return None  # nothing says which document
    kinds = _STORED.get(ref.kind or "", [])
    words = ref.terms if not (ref.date or ref.period) else ()
    found = [c for c in find_documents(db, kinds, ref.date, ref.period, words) if _named(db, c, ref)]
    if not ref.date and ref.terms:  # found by its words: they must say what the document is about, in its head
        if len(ref.terms) < 2 and not ref.kind:
            return None  # "sagsnummeret på min klage": one word of no kind says too little
        found = [c for c in found if covers(ref.terms, f"{c.document.title or ''} {c.head}") >= 0.5]
    limit = LIMITS["dated_coverage"] if ref.date else LIMITS["undated_coverage"]
    # the words in the body, then in the title ("Notat om ubesatte pladser") tell equal dates apart
    scored = [((s, covers(ref.terms, c.document.title or "")), c) for c in found
              if (s := covers(ref.terms, c.text)) >= limit]
    asks = [a for a in ref.asks if a in (*DOCUMENT_FACTS, "date")]
    values: dict[str, Any] = {"mode": "document", "asked_kind": ref.kind or "",
                              "asked_date": format_date(ref.date) if ref.date else None}
    best = _best(scored)
    if len(best) > 1 and ref.own:  # "forvaltningens brev": of equal matches the administration's own one
        best = [c for c in best if _source(db, c, profile)["own"]] or best
    if not best:  # a dated document the store lacks is a gap; one named by words only may be another rule's
        return _section(q, "placeholder", {}, []) if ref.date else None
    if len(best) > 1:
        values["groups"] = _groups([_part(db, None, a) for a in asks])
        return _ambiguous(db, q, values, best, profile)
    doc = best[0]
    values.update(source=_source(db, doc, profile), candidates=[],
                  groups=_groups([_part(db, doc, a) for a in asks]))
    return _section(q, "lookup", values, [(f"{', '.join(asks)} of the document (look-up)", doc)])


def _meeting(db: sqlite_utils.Database, q: Question, ref: Reference, profile: Profile | None) -> Section | None:
    wanted = _base(ref.committee) if ref.committee else None

    def same(meeting: Candidate) -> bool:  # "byrådet" is "Aarhus Byråd"; "Økonomiudvalget" is not "Socialudvalget"
        named = _base(committee_of(meeting) or "")
        return wanted is None or (bool(named) and (named == wanted or f" {named}".endswith(f" {wanted}")
                                                   or f" {wanted}".endswith(f" {named}")))

    values: dict[str, Any] = {"mode": "meeting", "committee": ref.committee or ""}
    if "treated" in ref.asks and ref.terms:  # "sagen om …": the agenda items whose titles hold its words
        items = [i for i in agenda_items(db, ref.terms, ref.date, ref.period)
                 if same(i.meeting) and _named(db, i.meeting, ref) and covers(ref.terms, i.title) >= 1.0]
        held: dict[int, list[Any]] = {}
        for item in items:
            held.setdefault(item.meeting.document.id, []).append(item)
        found = [group[0].meeting for group in held.values()]
        if not found:
            return _section(q, "placeholder", {}, [])
        if len(found) > 1:
            details = [" / ".join(i.title for i in held[m.document.id]) for m in found]
            return _ambiguous(db, q, values, found, profile, details)
        meeting, titles = found[0], [i.title for i in held[found[0].document.id]]
        values.update(items=[" ".join(t.split()).rstrip(".") for t in titles], meetings=[
            _source(db, meeting, profile, committee=committee_of(meeting) or ref.committee or "")], candidates=[])
        return _section(q, "lookup", values, [("agenda item and meeting date (look-up)", meeting)])
    if not wanted:
        return None  # "Hvornår holdt I møde med borgerne?": no committee named, nothing to look up
    found = [m for m in meetings(db, ref.date, ref.period) if same(m) and _named(db, m, ref)]
    if not found:
        return _section(q, "placeholder", {}, [])
    if not (ref.date or ref.period) and len(found) > 1:
        return _ambiguous(db, q, values, found, profile)
    if len(found) > LIMITS["max_candidates"]:
        return _section(q, "placeholder", {}, [])
    values.update(items=[], candidates=[],
                  meetings=[_source(db, m, profile, committee=committee_of(m) or ref.committee) for m in found])
    return _section(q, "lookup", values, [("meeting date (look-up)", m) for m in found])


def _sentence_span(paragraph: str, offset: int) -> tuple[int, int]:
    stops = [m.end() for m in _SENTENCE_END.finditer(paragraph)
             if not paragraph[: m.start()].casefold().endswith(tuple(f" {a}" for a in _ABBREVIATIONS))]
    start = max((e for e in stops if e <= offset), default=0)
    return start, min((e for e in stops if e > offset), default=len(paragraph))


def _one_line(text: str) -> str:
    return " ".join(re.sub(r"(?<=[a-zæøå])-\n\s*(?=[a-zæøå])", "", text).split())


def sentence(paragraph: str, offset: int) -> str:
    """The sentence of `paragraph` that the character at `offset` stands in, on one line."""
    start, end = _sentence_span(paragraph, offset)
    return _one_line(paragraph[start:end])


def _scope(a: StoredAmount, neighbours: list[StoredAmount]) -> str:
    """What an amount's sentence says of it: the whole sentence when it names one amount, else the
    clause around it ("driftstilskuddet udgør 2.018.000 kr., heraf er huslejen 1,3 mio. kr.": the rent
    is not the grant)."""
    start, end = _sentence_span(a.paragraph, a.offset)
    if not any(start <= n.offset < end and n.offset != a.offset for n in neighbours):
        return _one_line(a.paragraph[start:end])
    cuts = [m.end() for m in _CLAUSE.finditer(a.paragraph, start, end)]
    cuts += [n.offset + len(n.text) for n in neighbours if start <= n.offset < a.offset]
    ends = [m.start() for m in _CLAUSE.finditer(a.paragraph, a.offset + len(a.text), end)]
    ends += [n.offset for n in neighbours if a.offset < n.offset < end]
    return _one_line(a.paragraph[max((c for c in cuts if c <= a.offset), default=start):min(ends, default=end)])


def _quote(text: str, amount: str) -> str:
    """At most `quote_words` words of a sentence, those around the amount."""
    words, limit = text.split(), int(LIMITS["quote_words"])
    if len(words) <= limit:
        return text
    at = next((i for i, w in enumerate(words) if amount.split()[0] in w), 0)
    start = max(0, min(at - limit // 2, len(words) - limit))
    cut = " ".join(words[start:start + limit])
    return ("… " if start else "") + cut + (" …" if start + limit < len(words) else "")


def _amount(db: sqlite_utils.Database, q: Question, ref: Reference, profile: Profile | None) -> Section | None:
    year = (ref.date or ref.period or "")[:4]
    if len(ref.terms) < (1 if year else LIMITS["amount_terms"]):
        return None  # "Hvad var det samlede tilskud?" says too little to find an amount by
    found: list[tuple[StoredAmount, str]] = []
    stored = amounts(db, ref.terms, _STORED.get(ref.kind or "", []), ref.date)
    for a in stored:
        scope = _scope(a, [n for n in stored if n.source == a.source and n.paragraph == a.paragraph])
        said = sentence(a.paragraph, a.offset)
        if len(said.split()) > LIMITS["amount_sentence_words"] or covers(ref.terms, scope) < 1.0:
            continue
        if not _named(db, a.source, ref):
            continue
        years = set(_YEAR.findall(scope)) or set(_YEAR.findall(said))
        if year and year not in years and (years or not (a.source.document.date or "").startswith(year)):
            continue  # the sentence is about other years, or the document is of another year
        found.append((a, said))
    values: set[tuple[float, str]] = {(a.value, a.currency) for a, _ in found}
    if not values:
        return None  # no stored amount answers: another rule may, else a placeholder
    mode: dict[str, Any] = {"mode": "amount"}
    if len(values) > 1:
        details = [f"{a.text}: »{_quote(s, a.text)}«" for a, s in found]
        return _ambiguous(db, q, mode, [a.source for a, _ in found], profile, details)
    a, said = found[0]
    mode.update(amount=a.text, quote=mask_cpr(_quote(said, a.text)), source=_source(db, a.source, profile),
                candidates=[])
    return _section(q, "lookup", mode, [(f"amount {a.text} with its sentence (look-up)", a.source)])
