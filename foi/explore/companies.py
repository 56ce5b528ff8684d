"""Companies as entities: every mention in company lists and organization facts, folded across spellings.

Folding, in order:
1. Exact: names are compared by a key that is case-folded, has the legal form (A/S, ApS, I/S, IVS,
   K/S, P/S, S.M.B.A., A.M.B.A., ...) and the owner after `v/` taken off, `&` read as `og`, and
   punctuation and spaces dropped: `dansk supermarked a/s` = `Dansk Supermarked A/S`,
   `Network Communication A/S` = `networkcommunication a/s`. The legal form does not separate.
2. Cut-off names: a name that was cut at a list's fixed width (the store's `truncated` flag, a
   dangling `a/`, or the most common long length in one list) joins the one longer name it is the
   start of; with two or more candidates it stays alone.
3. Fuzzy: keys with a rapidfuzz `fuzz.ratio` of at least FOLD_THRESHOLD (92) fold, if they hold the
   same numbers. 92 lets one wrong letter in a name of 13 or more letters fold
   (`dansk supermarket` ~ `dansk supermarked`: 93.8) and keeps short or different names apart
   (`dahl a/s` / `dagrofa aps`: 36; `salon prana` / `salon piana`: 90; `mholding 5` / `mholding 6`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import sqlite_utils
from rapidfuzz import fuzz

from foi.danish.legal_forms import legal_forms
from foi.danish.names import business_words, first_names
from foi.extract.personal_data import mask_cpr
from foi.store.listings import company_facts, document_body, document_dates, document_full_text, organization_facts
from foi.store.search_index import matched_text, matching_lines, search
from foi.store.search_query import fold, phrase_query

FOLD_THRESHOLD = 92.0  # fuzz.ratio between two keys for them to be one company
QUERY_THRESHOLD = 85.0  # fuzz.ratio between a typed name and a key for the company to match it

LEGAL_FORMS = legal_forms().canonical()
_FORM = re.compile(r"[\s,]+(" + legal_forms().pattern(lower_case_foreign=True) + r")\s*$", re.IGNORECASE)
_FORM_FIRST = re.compile(  # "I/S Reno Syd"
    r"^(" + "|".join(re.escape(f) for f in sorted(legal_forms().form_first)) + r")\s+(?=\S)", re.IGNORECASE
)
# foreign forms only as written ("Statkraft AS"; "as" in lower case is the Danish "a/s" of a list)
_FOREIGN_FORM = re.compile(
    r"[\s,]+(" + "|".join(re.escape(f) for f in sorted(legal_forms().foreign, key=len, reverse=True)) + r")\s*$"
)
_DANGLING_FORM = re.compile(r"\s+[a-zA-Z]{1,2}/$")  # "pro-consult a/": a legal form cut off
_OWNER = re.compile(r"\s+v/\s*", re.IGNORECASE)
_ADDRESS_TAIL = re.compile(
    r",\s*(?:\d.*|.*(?:vej|gade|allé|alle|plads|vænge|stræde|torv|boulevard|park)\b.*)$", re.IGNORECASE
)
_PUNCT = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class Mention:
    document_id: int
    name: str  # as written
    source: str  # list | body (companies table) | organization | text (found by full-text search)
    line: str = ""
    legal_form: str | None = None
    owner: str | None = None
    truncated: bool = False


@dataclass(frozen=True)
class ParsedName:
    core: str  # the name without legal form and owner, as written
    legal_form: str | None
    owner: str | None
    cut: bool  # ends in a cut-off legal form


@dataclass
class Company:
    name: str
    key: str
    legal_forms: list[str]
    owners: list[str]
    variants: list[str]
    mentions: list[Mention]
    document_ids: list[int]
    first_date: str | None
    last_date: str | None
    possible_sole_proprietorship: bool
    sources: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.document_ids)


def parse_name(name: str, legal_form: str | None = None, owner: str | None = None) -> ParsedName:
    """Split `airpower v/jeffrey voss` or `Dansk Supermarked A/S` into name, legal form and owner."""
    text = " ".join(name.split())
    parts = _OWNER.split(text, maxsplit=1)
    text, found_owner = parts[0], (parts[1].strip() if len(parts) > 1 else None)
    text = _ADDRESS_TAIL.sub("", text)
    form = None
    match = _FOREIGN_FORM.search(text) or _FORM.search(text) or _FORM_FIRST.search(text)
    if match:
        form = match.group(1)
        text = text[match.end() :] if match.re is _FORM_FIRST else text[: match.start()]
    cut = bool(_DANGLING_FORM.search(text))
    text = _DANGLING_FORM.sub("", text).strip(" ,-")
    form = legal_form or form
    return ParsedName(text or name.strip(), canonical_form(form), owner or found_owner or None, cut)


def canonical_form(form: str | None) -> str | None:
    if not form:
        return None
    if form in foreign_forms():
        return foreign_forms()[form]  # "AS" is Norwegian, not "A/S"
    return LEGAL_FORMS.get(re.sub(r"[\s./]", "", fold(form)), form)


def foreign_forms() -> dict[str, str]:
    """Foreign legal forms as written -> as reported ("Ltd" -> "Ltd."), from the companies patterns."""
    return legal_forms().foreign


def name_key(core: str) -> str:
    """The folded comparison key of a name without legal form: words separated by single spaces."""
    text = fold(core).replace("&", " og ")
    return " ".join(_PUNCT.sub(" ", text).split())


def _compact(key: str) -> str:
    return key.replace(" ", "")


def looks_like_person(core: str) -> bool:
    """A name that is only a person's name (`anne friis klindt`): 2-4 words, one of the first two a
    known first name, no word that marks a business."""
    tokens = [t for t in re.split(r"[\s.]+", fold(core)) if t]
    if not 2 <= len(tokens) <= 4 or not all(t.replace("-", "").isalpha() for t in tokens):
        return False
    if not any(t in first_names() for t in tokens[:2]):
        return False
    parts = business_words()
    return not any(p in t if len(p) >= 6 else t.startswith(p) for t in tokens for p in parts)


def fixed_width_cuts(mentions: list[Mention]) -> set[int]:
    """Indexes of list mentions as long as their list's fixed width: possibly cut off there."""
    by_doc: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.source == "list":
            by_doc.setdefault(mention.document_id, []).append(index)
    cut: set[int] = set()
    for indexes in by_doc.values():
        lengths = Counter(len(_written(mentions[i])) for i in indexes)
        long = [(count, length) for length, count in lengths.items() if length >= 20]
        if not long:
            continue
        count, width = max(long)
        # a spike: clearly more names of exactly this length than of the lengths around it
        around = max(lengths.get(width + d, 0) for d in (-2, -1, 1, 2))
        if count >= 3 and count >= 1.5 * around:
            cut.update(i for i in indexes if len(_written(mentions[i])) == width)
    return cut


def _written(mention: Mention) -> str:
    return (mention.line or mention.name).strip()


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def same_company(a: str, b: str) -> bool:
    """Whether two names as written fold into one company (by key, or fuzzily; not by cut-off)."""
    ka, kb = _compact(name_key(parse_name(a).core)), _compact(name_key(parse_name(b).core))
    return ka == kb or _fuzzy_equal(ka, kb)


def _fuzzy_equal(a: str, b: str) -> bool:
    return re.findall(r"\d+", a) == re.findall(r"\d+", b) and fuzz.ratio(a, b) >= FOLD_THRESHOLD


def fold_companies(mentions: list[Mention], dates: dict[int, str | None]) -> list[Company]:
    """Mentions grouped into companies, most documents first."""
    parsed = [parse_name(m.name, m.legal_form, m.owner) for m in mentions]
    cuts = fixed_width_cuts(mentions)
    keys: dict[str, list[int]] = {}
    for index, p in enumerate(parsed):
        key = _compact(name_key(p.core))
        if key:
            keys.setdefault(key, []).append(index)
    names = sorted(keys)
    union = _Union(len(names))
    for a, key in enumerate(names):
        members = keys[key]
        if len(key) >= 8 and any(mentions[i].truncated or parsed[i].cut or i in cuts for i in members):
            longer = [b for b, other in enumerate(names) if other != key and other.startswith(key)]
            if len(longer) == 1:
                union.join(a, longer[0])
    by_start: dict[str, list[int]] = {}
    for a, key in enumerate(names):
        by_start.setdefault(key[0], []).append(a)
    for block in by_start.values():
        for x, a in enumerate(block):
            for b in block[x + 1:]:
                if _fuzzy_equal(names[a], names[b]):
                    union.join(a, b)
    groups: dict[int, list[int]] = {}
    for a, key in enumerate(names):
        groups.setdefault(union.find(a), []).extend(keys[key])
    companies = [_company(sorted(members), mentions, parsed, cuts, dates) for members in groups.values()]
    return sorted(companies, key=lambda c: (-c.documents, c.key))


def _company(
    members: list[int], mentions: list[Mention], parsed: list[ParsedName], cuts: set[int], dates: dict[int, str | None]
) -> Company:
    whole = [i for i in members if not (mentions[i].truncated or parsed[i].cut or i in cuts)] or members
    cores = Counter(parsed[i].core for i in whole)
    core = max(cores, key=lambda c: (c != c.lower(), cores[c], len(c)))
    forms = Counter(form for i in members if (form := parsed[i].legal_form))
    owners = list(dict.fromkeys(parsed[i].owner for i in members if parsed[i].owner))
    form = forms.most_common(1)[0][0] if forms else None
    doc_ids = sorted({mentions[i].document_id for i in members})
    known = sorted(d for d in (dates.get(i) for i in doc_ids) if d)
    return Company(
        name=f"{core} {form}" if form else core,
        key=name_key(core),
        legal_forms=sorted(forms),
        owners=[o for o in owners if o],
        variants=list(dict.fromkeys(mentions[i].name for i in members)),
        mentions=[mentions[i] for i in members],
        document_ids=doc_ids,
        first_date=known[0] if known else None,
        last_date=known[-1] if known else None,
        possible_sole_proprietorship=not forms and not owners and looks_like_person(core),
        sources=sorted({mentions[i].source for i in members}),
    )


def load_mentions(db: sqlite_utils.Database, show_personal_data: bool = False) -> list[Mention]:
    """Every company-list entry, and every organization the extraction stored that is no public body or
    association (those are organisations, not companies: see facts/public_bodies.py)."""
    show = (lambda s: s) if show_personal_data else mask_cpr
    found = [
        Mention(r["document_id"], show(r["name"]), r["source"] or "list", show(r["line"] or r["name"]),
                r["legal_form"], show(r["owner"]) if r["owner"] else None, bool(r["truncated"]))
        for r in company_facts(db)
    ]
    texts: dict[int, str] = {}
    for row in organization_facts(db):
        doc_id = row["document_id"]
        if row.get("public"):
            continue  # an administration ("BIF"), an authority or an association is an organisation, no company
        if doc_id not in texts:
            texts[doc_id] = document_full_text(db, doc_id)
        found.append(Mention(doc_id, show(row["name"]), "organization",
                             show(_line_at(texts[doc_id], row["start"], row["name"]))))
    return found


def _line_at(text: str, start: int | None, name: str) -> str:
    if start is None or not 0 <= start < len(text):
        start = fold(text).find(fold(name))
        if start < 0:
            return name
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return text[line_start: line_end if line_end >= 0 else len(text)].strip()


def all_companies(db: sqlite_utils.Database, show_personal_data: bool = False) -> list[Company]:
    return fold_companies(load_mentions(db, show_personal_data), document_dates(db))


def find_companies(companies: list[Company], name: str) -> list[Company]:
    """Companies a typed name refers to: same key, a key with the name at a word start, or a close
    spelling (QUERY_THRESHOLD); best first."""
    key = name_key(parse_name(name).core)
    if not key:
        return []
    compact, start = _compact(key), re.compile(r"(?<!\w)" + re.escape(key))
    scored = []
    for company in companies:
        keys = {company.key} | {name_key(parse_name(v).core) for v in company.variants}
        if key in keys:
            score = 300.0
        elif any(start.search(k) for k in keys):
            score = 200.0
        else:
            score = max(fuzz.ratio(compact, _compact(k)) for k in keys)
            if score < QUERY_THRESHOLD:
                continue
        scored.append((score, company))
    return [c for _s, c in sorted(scored, key=lambda sc: (-sc[0], -sc[1].documents, sc[1].key))]


def named_in_text(db: sqlite_utils.Database, name: str, show_personal_data: bool = False) -> Company | None:
    """A company found only by full-text search for `name` as a phrase: each document and line."""
    query = phrase_query(name)
    result = search(db, query, limit=10_000, show_personal_data=show_personal_data)
    if not result.hits:
        return None
    show = (lambda s: s) if show_personal_data else mask_cpr
    mentions, written = [], Counter[str]()
    for hit in result.hits:
        text = show(document_body(db, hit.document_id))
        lines = matching_lines(text, query) or [hit.snippet]
        for line in lines:
            as_written = matched_text(line, query) or name
            written[as_written] += 1
            mentions.append(Mention(hit.document_id, as_written, "text", line))
    dates = {h.document_id: h.date for h in result.hits}
    company = fold_companies(mentions, dates)[0] if mentions else None
    if company is None:
        return None
    # one company for the typed name, however its spellings fold
    company.mentions, company.document_ids = mentions, sorted(dates)
    known = sorted(d for d in dates.values() if d)
    company.first_date, company.last_date = (known[0], known[-1]) if known else (None, None)
    company.name = max(written, key=lambda w: (written[w], w != w.lower()))
    company.variants = list(written)
    return company
