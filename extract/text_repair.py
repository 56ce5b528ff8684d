"""Repair the text debris that defeats every rule, before any rule sees a line.

Real files arrive with text damaged on its way out of a PDF, a web page or an old mail system:
mojibake from UTF-8 decoded twice ("KÃ¸benhavn"), letter-spaced headings ("R e f e r a t"),
soft hyphens, non-breaking and zero-width spaces, typographic ligatures ("ﬁ"). Each repair is
small and safe on text that is not damaged, so every line goes through all of them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that only appear in Danish text when UTF-8 was decoded as cp1252/latin-1 ("Ã¸" for ø).
# The second character is a UTF-8 continuation byte read as latin-1 or cp1252.
_MOJIBAKE_HINT = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u3000": " "}
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
# A run of four or more single letters, each followed by one space: "R e f e r a t". Digits are left
# alone: a flattened table row "1 2 3 4" is four cells, not a number.
_SPACED_RUN = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_WORD_GAP = re.compile(r" {2,}")


@lru_cache(maxsize=1)
def _ftfy() -> object | None:
    try:
        import ftfy
    except ImportError:  # ftfy is a dependency; a stripped install still reads undamaged text
        return None
    return ftfy


def fix_mojibake(text: str) -> str:
    """'KÃ¸benhavn' → 'København': only where the tell-tale pairs appear, so clean text is untouched."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    ftfy = _ftfy()
    if ftfy is None:
        return text
    fixed: str = ftfy.fix_encoding(text)  # type: ignore[attr-defined]
    return fixed


def unspace_letters(text: str) -> str:
    """'R e f e r a t' → 'Referat'; a letter-spaced line whose words stand two spaces apart
    ('M ø d e  d e n  3 .  m a j') keeps its word breaks ('Møde den 3. maj')."""
    stripped = text.strip()
    tokens = stripped.split(" ")
    words = [t for t in tokens if t]
    singles = [t for t in words if len(t) == 1]
    if (len(words) >= 4 and len(singles) >= 0.8 * len(words) and _WORD_GAP.search(stripped)
            and sum(t.isalpha() for t in singles) >= 0.6 * len(singles)):
        lead = text[: len(text) - len(text.lstrip())]
        return lead + " ".join(w.replace(" ", "") for w in _WORD_GAP.split(stripped))
    return _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", ""), text)


def repair_line(text: str) -> str:
    """One line with every repair applied: mojibake, odd spaces, invisible characters, ligatures,
    letter spacing. A soft hyphen at the end of a line stays (it marks a word broken across lines
    and is joined later); inside a line it is removed."""
    if text.isascii():
        return unspace_letters(text) if " " in text else text
    text = fix_mojibake(text)
    for odd, plain in _SPACES.items():
        text = text.replace(odd, plain)
    text = _INVISIBLE.sub("", text)
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if "\u00ad" in text:
        body, end = (text[:-1], "\u00ad") if text.endswith("\u00ad") else (text, "")
        text = body.replace("\u00ad", "") + end
    return unspace_letters(text)
