"""Legal forms of companies, kept once (`data/legal_forms.toml`): Danish forms in any case
("aps", "A/S"), foreign forms only as written ("AB", never the Danish word "ab"), forms that may
stand before the name ("I/S Vestforbrænding") and the beginnings of forms a column width cut
("pro-consult a/")."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class LegalForms:
    danish: dict[str, str]  # as written (lower case) -> as reported
    foreign: dict[str, str]  # as written (case matters) -> as reported
    form_first: frozenset[str]  # may stand before the name, in capitals
    cut: dict[str, str]  # the beginning of a cut form -> the form
    not_in_law: frozenset[str]  # written where a form stands, but none in law ("holding")
    lower_case_foreign: frozenset[str]  # foreign forms lists write in lower case ("ab", "gmbh")

    def in_law(self) -> list[str]:
        """Danish forms as written, longest first, without those that are no legal form in law."""
        return sorted((f for f in self.danish if f not in self.not_in_law), key=len, reverse=True)

    def pattern(self, lower_case_foreign: bool = False) -> str:
        """A regex alternation of the Danish forms in law (and the lower-case foreign ones)."""
        forms = self.in_law() + (sorted(self.lower_case_foreign, key=len, reverse=True) if lower_case_foreign else [])
        return "(?:" + "|".join(re.escape(f) for f in forms) + ")"

    def canonical(self) -> dict[str, str]:
        """A form's letters alone ("smba", "as", "gmbh") -> the form as reported."""
        out = {re.sub(r"[\s./]", "", written): reported for written, reported in self.danish.items()
               if written not in self.not_in_law}
        for written, reported in self.foreign.items():
            out.setdefault(re.sub(r"[\s./]", "", written.lower()), reported)
        return out


@cache
def legal_forms() -> LegalForms:
    raw = tomllib.loads(resources.files("foi.danish").joinpath("data/legal_forms.toml").read_text("utf-8"))
    return LegalForms(dict(raw["legal_forms"]), dict(raw["foreign_forms"]), frozenset(raw["form_first"]["forms"]),
                      dict(raw["cut_forms"]), frozenset(raw["not_in_law"]["forms"]),
                      frozenset(raw["lower_case_foreign"]["forms"]))
