"""Public bodies and associations: organisations that are never companies.

The journalists' company index (`foi companies`) lists companies and the businesses among the
organisations; an organisation that is a public body or an association is not one of them:
- the municipality, its administrations, committees and units ("Socialforvaltningen",
  "Beskæftigelses- og Integrationsudvalget"), a region, a place;
- an authority by its head word ("Ankestyrelsen", "Styrelsen for …", "Forsyningstilsynet",
  "Udlændinge- og Integrationsministeriet") and the national bodies known by name ("KL");
- an association ("Dansk Industri", "Hjerneskadeforeningen", "Landbrug & Fødevarer" is not known);
- an institution ("Ejbyskolen", "Plejecenter Bredebo");
- the abbreviation of an administration or a committee: defined in the document after such a name
  ("Beskæftigelses- og Integrationsforvaltningen (BIF)") or of the form administrations use ("SOF",
  "BIU": a forvaltning ends in F, an udvalg in U).
The words are data: `patterns/organizations.toml` [public].
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from foi.extract.facts.legal_forms import legal_form
from foi.extract.facts.organization_data import is_unit, patterns
from foi.extract.pattern_data import any_of, load_patterns


@lru_cache(maxsize=1)
def _public() -> dict[str, Any]:
    raw: dict[str, Any] = load_patterns("organizations")["public"]
    return {
        "name": any_of(raw["name"]),
        "abbreviation": re.compile("|".join(f"(?:{p})" for p in raw["abbreviation"])),
        "known": frozenset(n.lower() for n in raw["known"]),
    }


def is_public_name(name: str) -> bool:
    """Is the name, as written, that of a public body, an institution or an association?"""
    name = " ".join(name.split())
    if not name or legal_form(name):
        return False  # "Dansk Supermarked A/S", "Aalborg Vand A/S": a legal form makes a company
    p = _public()
    if is_unit(name) or p["name"].search(name) or p["abbreviation"].fullmatch(name):
        return True
    known = patterns().known.get(name.lower())
    return known is not None and known[0].lower() in p["known"]


def is_public_body(name: str, text: str = "") -> bool:
    """A public body, an institution or an association, also by an abbreviation the text defines."""
    if is_public_name(name):
        return True
    if name.isupper() and text:
        for m in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", text):
            before = re.split(r"[.!?\n]\s", text[max(0, m.start() - 120) : m.start()])[-1]
            words = before.split()
            if any(is_public_name(" ".join(words[i:])) for i in range(max(0, len(words) - 8), len(words))):
                return True
    return False
