"""Legal forms: how a company's form is written ("A/S", "aps", "I/S") and the names that carry one.

A name with a legal form is a company wherever it stands: in a list, a table, a sentence or a margin
line (a signature's "Pemile ApS. Cvr 30694503"). In running text the name is the capitalised words
before the form ("Kredsløb A/S"). The words are data: `patterns/companies.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foi.danish.legal_forms import legal_forms
from foi.extract.model import Company
from foi.extract.pattern_data import load_patterns


@dataclass(frozen=True)
class _Patterns:
    forms: dict[str, str]
    foreign: dict[str, str]
    form_first: frozenset[str]
    cut_forms: dict[str, str]
    form_at_end: re.Pattern[str]
    form_in_text: re.Pattern[str]
    intro: re.Pattern[str]
    column: re.Pattern[str]
    bullet: re.Pattern[str]
    sentence: re.Pattern[str]
    not_name: frozenset[str]
    joiners: frozenset[str]
    name_end: re.Pattern[str]
    title_word: re.Pattern[str]


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    raw: dict[str, Any] = load_patterns("companies")
    known = legal_forms()
    forms, foreign = known.danish, known.foreign
    # Danish forms in any case ("aps", "A/S"); foreign ones only as written ("AB", never the word "ab")
    alternation = "|".join(
        [re.escape(f) for f in sorted(forms, key=len, reverse=True)]
        + [f"(?-i:{re.escape(f)})" for f in sorted(foreign, key=len, reverse=True)]
    )
    return _Patterns(
        forms=forms,
        foreign=foreign,
        form_first=known.form_first,
        cut_forms=known.cut,
        form_at_end=re.compile(rf"(?:^|(?<=[\s,]))({alternation})$", re.IGNORECASE),
        form_in_text=re.compile(rf"(?<![\w/.])({alternation})(?![\w/]|-\w)", re.IGNORECASE),
        intro=_any(raw["list"]["intro"]),
        column=_any(raw["list"]["column"]),
        bullet=_any(raw["list"]["bullet"]),
        sentence=_any(raw["list"]["sentence"]),
        not_name=frozenset(raw["body"]["not_name"]),
        joiners=frozenset(raw["body"]["joiners"]),
        name_end=_any(raw["body"]["name_end"]),
        title_word=_any(raw["body"]["title_words"]),
    )


# -- one name ---------------------------------------------------------------------------------------
def legal_form(name: str) -> str | None:
    """The legal form a name ends in ("casa group a/s" -> "A/S"), before any "v/<owner>" part."""
    p = patterns()
    base = re.split(r"\s+v/", name.strip(), maxsplit=1)[0].strip()
    match = p.form_at_end.search(base)
    return None if match is None else form_of(match.group(1))


def form_of(written: str) -> str:
    """The form as reported for a form as written ("aps" -> "ApS", "GmbH" -> "GmbH")."""
    p = patterns()
    return p.foreign.get(written) or p.forms[written.lower()]


def cut_legal_form(name: str) -> str | None:
    """The legal form whose beginning a cut name ends in ("ingeniørfirmaet pro-consult a/" -> "A/S")."""
    for cut, form in sorted(patterns().cut_forms.items(), key=lambda kv: len(kv[0]), reverse=True):
        if name.lower().endswith(" " + cut):
            return form
    return None


def owner(name: str) -> str | None:
    """The person after "v/" ("airpower v/jeffrey voss" -> "jeffrey voss")."""
    parts = re.split(r"(?:^|\s)v/\s*", name, maxsplit=1)
    return (parts[1].strip() or None) if len(parts) == 2 else None


def company(name: str, line: str, start: int, width: int | None = None, source: str = "list") -> Company:
    """A Company for a name as written; `width` is the list's cut width, if it has one."""
    form = legal_form(name)
    truncated = width is not None and len(name) == width and form is None
    if truncated and form is None:
        form = cut_legal_form(name)
    return Company(name, form, owner(name), truncated, source, line, start)


# -- running text -----------------------------------------------------------------------------------
_NAME_WINDOW = 200  # characters before a legal form that may hold its name


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isalpha() for c in token))


def _name_before(text: str, end: int) -> int:
    """Where the capitalised name that ends at `end` begins (-1 if there is none)."""
    p = patterns()
    base = max(0, end - _NAME_WINDOW)
    tokens = list(re.finditer(r"\S+", text[base:end]))
    taken: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group(0)
        if word[-1] in ",;:()\"'»«”“." and not re.fullmatch(r"(?:\w\.)+", word):
            break
        if p.form_at_end.fullmatch(word) or (word == "og" and i and p.name_end.search(tokens[i - 1].group(0))):
            break  # the end of another name: "Group P/S og Fynsk Analyse ApS", "Aarhus Kommune og …"
        if _is_capitalised(word):
            taken = [tokens[i], *pending, *taken]
            pending = []
        elif word in p.joiners or word.isdigit():
            pending.insert(0, tokens[i])
        else:
            break
    while taken and (taken[0].group(0) in p.not_name or _title_then_joiner(taken)):  # "Også Dansk Supermarked A/S"
        taken = taken[1:]
        while taken and not _is_capitalised(taken[0].group(0)):
            taken = taken[1:]
    return base + taken[0].start() if taken else -1


def _title_then_joiner(taken: list[re.Match[str]]) -> bool:
    """A document's title before the name: "Betalingsvedtægt for Gentofte Spildevand A/S"."""
    return len(taken) > 2 and taken[1].group(0) in ("for", "til", "med") and bool(
        patterns().title_word.search(taken[0].group(0))
    )


def _name_after(text: str, start: int) -> int:
    """Where the capitalised name that begins at `start` ends (-1 if there is none): "I/S Vestforbrænding"."""
    end = -1
    for m in re.finditer(r"\S+", text[start : start + _NAME_WINDOW]):
        word = m.group(0).rstrip(",;:.)")
        if not _is_capitalised(word) or word in patterns().not_name:
            break
        end = start + m.start() + len(word)
        if word != m.group(0):
            break
    return end


def find_in_text(text: str, offset: int = 0) -> list[Company]:
    """Capitalised names that end in a legal form in one line of running text ("Kredsløb A/S")."""
    p = patterns()
    out: list[Company] = []
    matches = list(p.form_in_text.finditer(text))
    for i, match in enumerate(matches):
        written = match.group(1)
        if written.lower() == "holding" and not written[0].isupper():
            continue
        if i + 1 < len(matches) and not text[match.end() : matches[i + 1].start()].strip():
            continue  # "Nordvest Holding ApS": the form is the last one
        start = _name_before(text, match.start())
        if start >= 0:
            name = text[start : match.end()]
            out.append(Company(name, form_of(written), owner(name), False, "body", text, offset + start))
        elif written.lower() in p.form_first and written.isupper():
            end = _name_after(text, match.end())
            if end > 0:
                name = text[match.start() : end]
                out.append(Company(name, form_of(written), None, False, "body", text, offset + match.start()))
    return out


