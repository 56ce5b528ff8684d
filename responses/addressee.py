"""Who an inquiry is addressed to: the administration named in its "Til:" line, its greeting, its
first lines, or the domain of the address it was sent to.

    Til: Beskæftigelses- og Integrationsforvaltningen      -> "Beskæftigelses- og Integrationsforvaltningen"
    Kære Frederiksberg Kommune                              -> "Frederiksberg Kommune"
    Til Morsø kommune                                       -> "Morsø Kommune"
    Til: Bornholms Regionskommune                           -> "Bornholms Regionskommune"
    Til social- og boligministeren                          -> "Social- og Boligministeriet" (a minister's ministry)
    To: borgmester@ltk.dk                                   -> domain "ltk.dk"

The result picks a profile (`profiles.infer_profile`) and fills the generic one with a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_TO_LINE = re.compile(r"^\s*(?:til|to|modtager)\s*:\s*(.+)$", re.IGNORECASE)
_GREETING = re.compile(r"^\s*(?:kære|til)\s+(.+?)[,!]?\s*$", re.IGNORECASE)
_NAME = r"[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[A-ZÆØÅ][\wæøåÆØÅ]*)*"
# "Lyngby-Taarbæk Kommune", "Københavns Kommune", "Region Hovedstaden", "Socialforvaltningen",
# "Beskæftigelses- og Integrationsforvaltningen", "Teknik- og Miljøforvaltningen"
ADMINISTRATION = re.compile(
    rf"\b(?:{_NAME}\s+(?:Regionsk|K|k)ommune|Region\s+{_NAME}"
    r"|(?:[A-ZÆØÅ][\wæøå]*-,?\s+(?:[A-ZÆØÅ][\wæøå]*-,?\s+)*og\s+)?[A-ZÆØÅ][\wæøå]*forvaltning(?:en)?"
    r"|(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]+ministeriet)\b")
# "Til beskæftigelsesministeren", "Til: Transportministeren": the minister's ministry answers
_MINISTER = re.compile(r"\b((?:[A-Za-zÆØÅæøå]+-,?\s+)*)(?:og\s+)?([A-Za-zÆØÅæøå]+)ministeren\b")
# in a Folketing question's first lines: "… stillet … til klima-, energi- og forsyningsministeren"
_TO_MINISTER = re.compile(r"\btil\s+((?:[A-Za-zÆØÅæøå]+-,?\s+)*(?:og\s+)?[A-Za-zÆØÅæøå]+ministeren)\b")
# capitalised words before a lower-case "kommune" that name no municipality: "Den kommune", "Hver kommune"
_NOT_A_PLACE = frozenset("den denne det hver hvilken vores min jeres din deres enhver anden samme en én næste "
                         "egen vor nabo hjem første kære til fra hele og i".split())
# mail hosts of everybody: their domain says nothing about the administration
PUBLIC_MAIL = frozenset({"gmail.com", "hotmail.com", "hotmail.dk", "outlook.com", "outlook.dk", "live.dk",
                         "yahoo.com", "yahoo.dk", "icloud.com", "mail.dk", "jubii.dk", "eksempel.dk", "example.com",
                         "ft.dk"})


@dataclass
class Addressee:
    names: list[str] = field(default_factory=list)  # administrations named, most specific first
    domains: list[str] = field(default_factory=list)  # domains of the addresses it went to (and from)
    source: str = ""

    @property
    def name(self) -> str | None:
        return self.names[0] if self.names else None

    def municipality(self) -> str | None:
        """The municipality, region or ministry (what the letterhead names)."""
        return next((n for n in self.names if n.lower().endswith("kommune") or n.startswith("Region ")
                     or n.endswith("ministeriet")), None)

    def forvaltning(self) -> str | None:
        return next((n for n in self.names if "forvaltning" in n.lower()), None)


def _names(text: str, ministers: bool = False) -> list[str]:
    """The administrations a text names; with `ministers`, a minister named stands for the ministry."""
    out = []
    for m in ADMINISTRATION.finditer(text):
        name = " ".join(m.group(0).split())
        if name.endswith(" kommune"):
            if name.split()[0].lower() in _NOT_A_PLACE:
                continue
            name = name[: -len("kommune")] + "Kommune"  # "Morsø kommune"
        out.append(name)
    for m in _MINISTER.finditer(text) if ministers else ():
        parts = [p.rstrip(",") for p in m.group(1).split()] + [m.group(2)]  # "klima-", "energi-", "forsynings"
        parts = [p[:1].upper() + p[1:] for p in parts]
        ministry = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
        out.append(ministry + "ministeriet")
    return out


def find_addressee(text: str, headers: dict[str, str] | None = None) -> Addressee:
    """The administration an inquiry is written to; empty when nothing names one."""
    headers = headers or {}
    found = Addressee()
    lines = [line.strip() for line in text.split("\n")[:40]]
    candidates: list[tuple[str, str]] = []
    if headers.get("to"):
        candidates.append((headers["to"], "e-mail header To"))
    for line in lines:
        m = _TO_LINE.match(line)
        if m:
            candidates.append((m.group(1), f"'{line.split(':')[0]}:' line"))
    for line in lines:
        m = _GREETING.match(line)
        if m and not line.lower().startswith("til:"):
            candidates.append((m.group(1), "greeting"))
    # the opening lines (above the first question) often say "… til Frederiksberg Kommune"
    candidates.append(("\n".join(lines[:15]), "first lines"))
    candidates += [(m.group(1), "first lines, 'til' a minister") for m in _TO_MINISTER.finditer("\n".join(lines[:15]))]
    for value, source in candidates:
        names = [n for n in dict.fromkeys(_names(value, ministers=source != "first lines")) if n not in found.names]
        if names and not found.source:
            found.source = source
        found.names += names
        for domain in _EMAIL_DOMAIN.findall(value):
            if domain.lower() not in PUBLIC_MAIL and domain.lower() not in found.domains:
                found.domains.append(domain.lower())
    # the specific unit first: a forvaltning names the administration better than its municipality
    found.names.sort(key=lambda n: 0 if "forvaltning" in n.lower() else 1)
    return found

