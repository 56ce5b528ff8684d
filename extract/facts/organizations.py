"""Organisations named in a document's body lines (a letterhead in the margin is a sender, not a mention).

The rules live in modules named by what they find, from the most to the least certain:
1. `organization_names`: known names ("DR", "KL"), head words ("Styrelsen for …", "Ankestyrelsen",
   "Bestseller Koncernen"), a word that says what follows ("en virksomhed (Fakta)",
   "redningsvirksomheden Falck");
2. `abbreviations`: defined abbreviations ("… Rekruttering (STAR)") and capitals standing alone ("BIU");
3. `name_lists`: parties listed one a line after an intro ("høringsparter:"), enumerations after a cue
   ("høringssvar fra X og Y"), agenda items "<party> - <what>", a genitive before a board;
4. `proper_names`: one capitalised word mid-sentence, at least twice, and names of several capitalised
   words mid-sentence three times or more ("Havnens Perle").

Decided: the municipality, its administrations, committees and councils ("Københavns Kommune",
"Socialforvaltningen", "Arbejdsmarkedsudvalget") and regions are not reported; they have fields of
their own. Their abbreviations are ("BIU"): that is how the text names a body; `public_bodies` keeps
them, and every authority and association, out of the journalists' company index. Companies found
before (with a legal form or a business word) are not repeated here. The words are data:
`patterns/organizations.toml`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from foi.danish.names import first_names
from foi.extract.facts.abbreviations import acronyms, defined_abbreviations
from foi.extract.facts.context import ASSIGNS, facts_of, line_offsets
from foi.extract.facts.legal_forms import patterns as company_patterns
from foi.extract.facts.name_lists import agenda_parties, enumerations, genitive_owners, party_lists
from foi.extract.facts.organization_data import LOWER, Found, is_unit, paragraphs, patterns
from foi.extract.facts.organization_names import head_names, known_names, named_by_context
from foi.extract.facts.proper_names import proper_names, repeated_names
from foi.extract.facts.public_bodies import is_public_body
from foi.extract.model import Organization


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
        found += enumerations(para, person_words, document_words) + genitive_owners(para, person_words)
    found += party_lists(rows, person_words, document_words)
    for para in paras:
        found += acronyms(para, document_words, not_orgs)
    found += proper_names(paras, person_words) + repeated_names(paras, person_words, first_names(), document_words)
    found += agenda_parties(rows, {n for n, _ in found} | skip, document_words)
    out: dict[str, Organization] = {}
    for name, start in _outermost(found):
        name = name.strip(" ,.")
        key = re.sub(r"-\s+", "-", name).casefold()
        if key in out or key in skip or is_unit(name) or name in patterns().words:
            continue
        out[key] = Organization(name, start)
    return list(out.values())


@Language.component("organizations", assigns=ASSIGNS)
def find_organizations(doc: Doc) -> Doc:
    facts = facts_of(doc)
    companies = [c.name for c in facts.companies]
    companies += [company_patterns().form_at_end.sub("", c.name).strip() for c in facts.companies if c.legal_form]
    found = find_organizations_in(line_offsets(doc), [p.name for p in facts.people], companies)
    # whether each is a public body is decided here, once, so that readers of the store need no rules
    facts.organizations = [replace(o, public=is_public_body(o.name, doc.text)) for o in found]
    return doc
