"""Placeholders that pattern files use for Danish knowledge kept once: `{MONTH}`, `{MONTH_NAME}`,
`{WEEKDAY}` (the calendar), `{CLOSING}` (the closing formula, `data/cues.toml`), `{LEGAL_FORM}`
(a Danish legal form, `data/legal_forms.toml`) and `{NUMERAL}` (a number in words, `data/numerals.toml`)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from foi.danish.calendar import placeholders as calendar_placeholders
from foi.danish.legal_forms import legal_forms
from foi.danish.numerals import numeral_pattern


@cache
def cues() -> dict[str, str]:
    """The shared cue patterns of `data/cues.toml`: name -> regular expression."""
    raw = tomllib.loads(resources.files("foi.danish").joinpath("data/cues.toml").read_text("utf-8"))
    return {name: value for name, value in raw.items() if isinstance(value, str)}


@cache
def placeholders() -> dict[str, str]:
    """Every placeholder a pattern file may write -> the regular expression it stands for."""
    return {**calendar_placeholders(), **{"{" + name.upper() + "}": value for name, value in cues().items()},
            "{LEGAL_FORM}": legal_forms().pattern(), "{NUMERAL}": numeral_pattern()}
