"""Checks on a .docx package before python-docx opens it: a zip, with a main document, not a zip bomb.

python-docx inflates a package's parts whole, so a document.xml that inflates to gigabytes takes
gigabytes of memory before anything can fail. Python's zipfile never inflates a member past the size
its directory declares, so the declared sizes are checked first: a package over `MAX_UNPACKED` in all,
or a member over `BOMB_MEMBER` that inflates more than `BOMB_RATIO` times, is refused as a zip bomb.
"""

from __future__ import annotations

import io
import re
import zipfile

from foi.errors import UnreadableFile

MAX_UNPACKED = 500 * 1024 * 1024
BOMB_MEMBER = 10 * 1024 * 1024
BOMB_RATIO = 100
MAIN_DOCUMENT = "word/document.xml"
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _mb(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):,.0f} MB"


def main_part(rels: bytes) -> str:
    """The main document's part name as the package relationships (_rels/.rels) give it."""
    for tag in _RELATIONSHIP.findall(rels):
        attributes = {key: a or b for key, a, b in _ATTRIBUTE.findall(tag)}
        if attributes.get(b"Type", b"").endswith(b"/officeDocument") and attributes.get(b"Target"):
            return attributes[b"Target"].decode("utf-8", "replace").lstrip("/")
    return MAIN_DOCUMENT


def check_package(data: bytes, name: str, max_unpacked: int = MAX_UNPACKED) -> None:
    """Refuse, with the reason, a package that is not a zip, is a zip bomb, or has no main document."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except Exception:
        raise UnreadableFile(name, "not a Word document: the zip package is damaged") from None
    with package:
        members = package.infolist()
        for member in members:
            if member.file_size > BOMB_MEMBER and member.file_size > BOMB_RATIO * max(member.compress_size, 1):
                raise UnreadableFile(name, f"looks like a zip bomb: {_shown(member.filename)} inflates to "
                                           f"{_mb(member.file_size)} from {_mb(member.compress_size)}")
        total = sum(member.file_size for member in members)
        if total > max_unpacked:
            largest = max(members, key=lambda member: member.file_size)
            raise UnreadableFile(name, f"looks like a zip bomb: {_shown(largest.filename)} inflates to "
                                       f"{_mb(largest.file_size)}, the package to {_mb(total)} "
                                       f"(limit {_mb(max_unpacked)})")
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names:
            raise UnreadableFile(name, "not a Word document: the package has no [Content_Types].xml")
        main = MAIN_DOCUMENT
        if "_rels/.rels" in names:
            try:
                main = main_part(package.read("_rels/.rels"))
            except Exception:
                raise UnreadableFile(name, "not a Word document: the zip package is damaged") from None
        if main not in names:
            raise UnreadableFile(name, f"not a Word document: the package has no main document ({_shown(main)})")


def _shown(member: str) -> str:
    """A member name on one line and of a sane length (it is the package's text, not ours)."""
    text = " ".join(member.split())
    return text if len(text) <= 100 else text[:97] + "..."
