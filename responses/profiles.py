"""Profiles: one small TOML file per administration with everything its letters print about it.

    templates/profiles/koebenhavn-bif.toml     (name = the file's stem; --profile NAME)

Required keys: municipality, forvaltning, unit, address (lines), phone, web, signer, signer_title.
Optional: postal_address (lines), email, ean, answer_heading ("<forvaltning>s svar" by default).
A path to a .toml file works as --profile too, for a profile kept outside the templates folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from foi.errors import ProfileNotFound, TemplateProblem
from foi.responses.danish import genitive
from foi.settings import Settings

REQUIRED = ("municipality", "forvaltning", "unit", "address", "phone", "web", "signer", "signer_title")


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

    @property
    def heading(self) -> str:
        """The heading above the answers: "Beskæftigelses- og Integrationsforvaltningens svar"."""
        return self.answer_heading or f"{genitive(self.forvaltning)} svar"

    @property
    def letterhead(self) -> str:
        return self.municipality.upper()

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "municipality": self.municipality, "letterhead": self.letterhead,
            "forvaltning": self.forvaltning, "unit": self.unit, "address": list(self.address),
            "postal_address": list(self.postal_address), "phone": self.phone, "web": self.web,
            "email": self.email, "ean": self.ean, "signer": self.signer, "signer_title": self.signer_title,
            "heading": self.heading,
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

    def lines(key: str) -> tuple[str, ...]:
        value = data.get(key, ())
        return (value,) if isinstance(value, str) else tuple(str(v) for v in value)

    return Profile(
        name=str(data.get("name", path.stem)), municipality=str(data["municipality"]),
        forvaltning=str(data["forvaltning"]), unit=str(data["unit"]), address=lines("address"),
        phone=str(data["phone"]), web=str(data["web"]), signer=str(data["signer"]),
        signer_title=str(data["signer_title"]), postal_address=lines("postal_address"),
        email=str(data.get("email", "")), ean=str(data.get("ean", "")),
        answer_heading=str(data.get("answer_heading", "")), path=str(path),
    )
