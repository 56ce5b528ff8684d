"""Danish CPR numbers: found, validated and masked before anything reaches a user."""

from __future__ import annotations

import re

from stdnum.dk import cpr

# ddmmyy-xxxx, also with a space or no separator; not inside a longer number or a hex hash
# ("001_8c8c1811718375a8"), but a file name may join it with "_" ("aktindsigt_070761-4285.txt")
_CPR = re.compile(r"(?<![0-9A-Za-zÆØÅæøå-])(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})(?![0-9A-Za-zÆØÅæøå-])")
MASK = "XXXXXX-XXXX"


def is_cpr(candidate: str) -> bool:
    """A real CPR number: a valid birth date (python-stdnum checks it, not the old modulus-11 rule)."""
    try:
        cpr.validate(candidate.replace(" ", "-"))
        cpr.get_birth_date(candidate.replace(" ", "-"))
    except Exception:  # noqa: BLE001 - stdnum raises several ValidationError subclasses
        return False
    return True


def find_cpr(text: str) -> list[str]:
    return [m.group(0) for m in _CPR.finditer(text) if is_cpr(m.group(0))]


def mask_cpr(text: str) -> str:
    """`text` with every CPR number replaced by XXXXXX-XXXX."""
    if not text:
        return text
    return _CPR.sub(lambda m: MASK if is_cpr(m.group(0)) else m.group(0), text)


def mask_value(value: object) -> object:
    """Mask every string inside nested lists and dicts (JSON-ready data)."""
    if isinstance(value, str):
        return mask_cpr(value)
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(mask_value(v) for v in value)
    if isinstance(value, dict):
        return {k: mask_value(v) for k, v in value.items()}
    return value
