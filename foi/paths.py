"""File paths as foi keeps and shows them.

A file name on a share copied from an old Windows or Mac system may hold bytes that are not UTF-8
(`b"rapport_\\xe6\\xf8.txt"`). Python reads such a name as a `str` with surrogate escapes
(`os.fsdecode`); that `str` cannot be written to SQLite, JSON or a terminal as UTF-8. foi keeps the
exact bytes (`path_bytes`) as the key and shows the name with U+FFFD in their place
(`display_path`), so every output stays valid UTF-8 and no two files are confused.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def path_bytes(path: str | Path) -> bytes:
    """The file name's exact bytes, as the operating system has them."""
    return os.fsencode(path)


def display_path(path: str | Path) -> str:
    """Valid UTF-8 text for `path`: bytes that are not UTF-8 become U+FFFD, and a newline or another
    control character is written as an escape (`\\n`) so that one message stays one line."""
    text = os.fsencode(path).decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
