"""Legal forms of companies, kept once (`data/legal_forms.toml`): Danish forms in any case
("aps", "A/S"), foreign forms only as written ("AB", never the Danish word "ab"), forms that may
stand before the name ("I/S Vestforbrænding") and the beginnings of forms a column width cut
("pro-consult a/")."""

from __future__ import annotations

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


@cache
def legal_forms() -> LegalForms:
    raw = tomllib.loads(resources.files("foi.danish").joinpath("data/legal_forms.toml").read_text("utf-8"))
    return LegalForms(dict(raw["legal_forms"]), dict(raw["foreign_forms"]), frozenset(raw["form_first"]["forms"]),
                      dict(raw["cut_forms"]))
