"""Patterns are data: a TOML file beside the component that uses them, read once per process.

`extract/patterns/<name>.toml` holds the cleaner's and the segmenter's cues, and
`extract/facts/patterns/<name>.toml` each fact component's. A group of alternatives (a TOML list
of regular expressions) compiles to one regex.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from foi.danish.patterns import placeholders


@cache
def load_patterns(name: str, package: str = "foi.extract.facts") -> dict[str, Any]:
    """The parsed `patterns/<name>.toml` of `package`, with `{MONTH}`, `{MONTH_NAME}` and `{WEEKDAY}`
    in its strings filled in from the one Danish calendar (foi.danish.calendar)."""
    raw = tomllib.loads(resources.files(package).joinpath(f"patterns/{name}.toml").read_text("utf-8"))
    return _filled(raw, placeholders())


def _filled(value: Any, words: dict[str, str]) -> Any:
    if isinstance(value, str):
        for token, pattern in words.items():
            value = value.replace(token, pattern)
        return value
    if isinstance(value, list):
        return [_filled(v, words) for v in value]
    if isinstance(value, dict):
        return {k: _filled(v, words) for k, v in value.items()}
    return value


def any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of the alternatives."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def compile_groups(
    raw: Mapping[str, Mapping[str, Any]], flags: int = re.IGNORECASE
) -> dict[str, dict[str, re.Pattern[str]]]:
    """{group: {name: regex}} for every list of alternatives in a two-level TOML table."""
    return {
        group: {name: any_of(value, flags) for name, value in entries.items() if isinstance(value, list)}
        for group, entries in raw.items()
        if isinstance(entries, Mapping)
    }
