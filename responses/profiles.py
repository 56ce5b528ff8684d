"""Profiles: one small TOML file per administration with everything its letters print about it,
the names and mail domains that recognise it in an inquiry, and its drafting data.

    templates/profiles/koebenhavn-bif.toml     (name = the file's stem; --profile NAME)
    templates/profiles/default.toml            the generic profile for any municipality or region

Required keys: municipality, forvaltning, unit, address (lines), phone, web, signer, signer_title.
Optional: postal_address (lines), email, ean, answer_heading ("<forvaltning>s svar" by default),
addressees (other names an inquiry may use), domains (mail domains), deadline_days,
aktindsigt_days, [thresholds] and [programmes] (default: responses/patterns/drafting.toml).
A path to a .toml file works as --profile too, for a profile kept outside the templates folder.
Without --profile the profile is inferred from the inquiry's addressee (`infer_profile`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from foi.errors import ProfileNotFound, TemplateProblem
from foi.extract.pattern_data import load_patterns
from foi.responses.addressee import Addressee
from foi.responses.danish import genitive
from foi.settings import Settings

REQUIRED = ("municipality", "forvaltning", "unit", "address", "phone", "web", "signer", "signer_title")
DEFAULT = "default"
_DRAFTING = load_patterns("drafting", "foi.responses")


@dataclass(frozen=True)
class Profile:
    name: str
    municipality: str
    forvaltning: str
    unit: str
    address: tuple[str, ...]
    phone: str
    web: str
    signer: str
    signer_title: str
    postal_address: tuple[str, ...] = ()
    email: str = ""
    ean: str = ""
    answer_heading: str = ""
    path: str = ""
    addressees: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    deadline_days: int = 10
    aktindsigt_days: int = 7
    thresholds: dict[str, float] = field(default_factory=lambda: dict(_DRAFTING["thresholds"]))
    programmes: dict[str, str] = field(default_factory=lambda: dict(_DRAFTING["programmes"]))

    @property
    def heading(self) -> str:
        """The heading above the answers: "Beskæftigelses- og Integrationsforvaltningens svar"."""
        if self.answer_heading:
            return self.answer_heading
        return "Forvaltningens svar" if self.forvaltning.startswith("[") else f"{genitive(self.forvaltning)} svar"

    @property
    def letterhead(self) -> str:
        return self.municipality.upper()

    @property
    def generic(self) -> bool:
        return Path(self.path).stem == DEFAULT

    def names(self) -> list[str]:
        """Every name that recognises this administration in an inquiry, lower-cased."""
        out = [self.municipality, self.forvaltning, *self.addressees]
        return [n.lower() for n in out if n and not n.startswith("[")]

    def matches(self, addressee: Addressee) -> int:
        """How well an addressee names this profile: 2 its forvaltning, 1 its municipality or mail
        domain, 0 not, or another municipality or forvaltning named ("Arbejdsmarkedsforvaltningen"
        is a name many municipalities use, so the municipality must agree too)."""
        named = [n.lower() for n in addressee.names]
        own = {self.forvaltning.lower(), *(a.lower() for a in self.addressees)}
        municipality, forvaltning = addressee.municipality(), addressee.forvaltning()
        if municipality and municipality.lower() != self.municipality.lower():
            return 0
        if forvaltning and forvaltning.lower() not in own:
            return 0
        if any(n in own for n in named):
            return 2
        same_place = self.municipality.lower() in named or any(d in self.domains for d in addressee.domains)
        return 1 if same_place else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "municipality": self.municipality, "letterhead": self.letterhead,
            "forvaltning": self.forvaltning, "unit": self.unit, "address": list(self.address),
            "postal_address": list(self.postal_address), "phone": self.phone, "web": self.web,
            "email": self.email, "ean": self.ean, "signer": self.signer, "signer_title": self.signer_title,
            "heading": self.heading, "deadline_days": self.deadline_days, "aktindsigt_days": self.aktindsigt_days,
        }


def profiles_dir(settings: Settings) -> Path:
    return settings.templates_dir / "profiles"


def known_profiles(settings: Settings) -> list[str]:
    folder = profiles_dir(settings)
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def load_profile(name: str, settings: Settings | None = None) -> Profile:
    """The profile of that name (or at that path); ProfileNotFound or TemplateProblem otherwise."""
    settings = settings or Settings()
    candidate = Path(name)
    path = candidate if candidate.suffix == ".toml" and candidate.is_file() else profiles_dir(settings) / f"{name}.toml"
    if not path.is_file():
        raise ProfileNotFound(name, known_profiles(settings))
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateProblem(f"{path}: not valid TOML ({exc})") from None
    missing = [key for key in REQUIRED if not data.get(key)]
    if missing:
        raise TemplateProblem(f"{path}: profile lacks {', '.join(missing)}")
    return _profile(data, path)


def _profile(data: dict[str, Any], path: Path) -> Profile:
    def lines(key: str) -> tuple[str, ...]:
        value = data.get(key, ())
        return (value,) if isinstance(value, str) else tuple(str(v) for v in value)

    try:
        thresholds = {**_DRAFTING["thresholds"], **{k: float(v) for k, v in data.get("thresholds", {}).items()}}
        programmes = {str(k): str(v) for k, v in data.get("programmes", _DRAFTING["programmes"]).items()}
        days = int(data.get("deadline_days", 10)), int(data.get("aktindsigt_days", 7))
    except (TypeError, ValueError, AttributeError) as exc:
        raise TemplateProblem(f"{path}: thresholds, programmes or deadlines are not valid ({exc})") from None
    return Profile(
        name=str(data.get("name", path.stem)), municipality=str(data["municipality"]),
        forvaltning=str(data["forvaltning"]), unit=str(data["unit"]), address=lines("address"),
        phone=str(data["phone"]), web=str(data["web"]), signer=str(data["signer"]),
        signer_title=str(data["signer_title"]), postal_address=lines("postal_address"),
        email=str(data.get("email", "")), ean=str(data.get("ean", "")),
        answer_heading=str(data.get("answer_heading", "")), path=str(path),
        addressees=lines("addressees"), domains=tuple(d.lower() for d in lines("domains")),
        deadline_days=days[0], aktindsigt_days=days[1], thresholds=thresholds, programmes=programmes,
    )


def infer_profile(addressee: Addressee, settings: Settings | None = None) -> tuple[Profile, str]:
    """The stored profile the addressee names (best match), else the generic one filled with the
    addressee's names; with a one-line reason saying which and why."""
    settings = settings or Settings()
    scored = []
    for name in known_profiles(settings):
        if name == DEFAULT:
            continue
        profile = load_profile(name, settings)
        score = profile.matches(addressee)
        if score:
            scored.append((score, name, profile))
    if scored:
        scored.sort(key=lambda s: (-s[0], s[1]))
        best = scored[0]
        if len(scored) == 1 or scored[1][0] < best[0]:
            return best[2], f"{best[1]} (the inquiry is addressed to {addressee.name or addressee.domains[0]})"
    generic = load_profile(DEFAULT, settings)
    municipality, forvaltning = addressee.municipality(), addressee.forvaltning()
    filled = replace(generic, municipality=municipality or generic.municipality,
                     forvaltning=forvaltning or municipality or generic.forvaltning, name=DEFAULT)
    if addressee.name:
        return filled, f"{DEFAULT} (generic, filled with the addressee {addressee.name})"
    return filled, f"{DEFAULT} (generic: the inquiry names no administration; fill in the letterhead)"


def disagreement(profile: Profile, addressee: Addressee) -> str | None:
    """A warning when an explicitly chosen profile is not the administration the inquiry is written to."""
    if not addressee.names and not addressee.domains or profile.generic or profile.matches(addressee):
        return None
    if not addressee.names:
        return None  # a domain alone (a council member's own mail) is too weak to contradict --profile
    return (f"the inquiry is addressed to {addressee.name}, but the profile is {profile.name} "
            f"({profile.municipality}, {profile.forvaltning})")
