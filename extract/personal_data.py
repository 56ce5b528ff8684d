"""Danish CPR numbers: found in every written form, validated and masked before anything reaches a user.

Forms recognised, each checked for a real, past birth date with python-stdnum (modulus 11 is not
required since 2007):

* `010190-1234`, the dash also an en dash, em dash, non-breaking hyphen, hyphen or minus sign, with
  or without spaces around it, or ending a line (`010190-` / `1234`);
* `010190 1234`, with one to three spaces, NBSPs or thin spaces;
* `0101901234`, no separator;
* `01.01.90-1234`, `01 01 90-1234`, `01/01/90-1234`: the date in parts, then a dash;
* after a cue ("CPR", "cpr-nr.", "CPR-nummer", "personnummer", "pers.nr." within 30 characters
  before, or on the line above), also `01 01 90 1234` and a number wrapped at its space.

A match is never part of a longer number or word (`001_8c8c1811718375a8`, `2018-0000088-148`,
`00.01.00-G01-1-19`, `45 0101901234`), but a file name may join it with "_"
(`aktindsigt_070761-4285.txt`).

Ten digits without a separator are masked on their own too (no cue needed) when their date is
valid, because case files often write a CPR number so. The numbers that share a shape are spared:
EAN numbers have 13 digits, CVR and phone numbers 8, Copenhagen case numbers are `yyyy-nnnnnnn`;
ten digits right after the label of another number (P-nr., EAN, CVR, sagsnr., dokumentnr., j.nr.,
tlf., kontonr., fakturanr.) are that number. Gentofte writes case numbers `NNNNNN-YYYY`
(`041277-2022`): six digits and a year after such a label, or alone on their line, are kept. A cue
nearer than the label always wins.

Masking keeps the length: every digit becomes X and the separators stay (`XXXXXX-XXXX`,
`XXXXXXXXXX`, `XX.XX.XX-XXXX`), so the character offsets (`start`) of the facts in a masked
document stay right. `mask_result` masks a whole extraction result, so that the store never holds
a CPR number unless `--keep-personal-data` is given (file paths are keys and are masked on output
only); `mask_cpr` masks each output again, for stores written with that option or by an earlier
version.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from stdnum.dk import cpr

from foi.extract.model import BODY, NOISE, Document, FileResult, Line

MASK = "XXXXXX-XXXX"  # what the usual written form becomes

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # -, hyphen, non-breaking hyphen, figure dash, en, em, minus
_SPACES = " \t\u00a0\u2007\u2009\u202f"  # space, tab, NBSP, figure space, thin space, narrow NBSP

_CPR = re.compile(
    rf"""
    (?<![^\W_])                                # not after a letter or digit ("_" may join a file name)
    (?<!\d[{_DASHES}/.,:])                     # nor the tail of a longer number ("2018-0101901234")
    (?:
        (?P<date>\d{{6}})
      | (?P<dd>\d{{2}})(?P<ds>[./{_SPACES}{_DASHES}])(?P<mm>\d{{2}})(?P=ds)(?P<yy>\d{{2}})
    )
    (?P<sep>[{_SPACES}\n]{{0,2}}[{_DASHES}][{_SPACES}\n]{{0,2}}|[{_SPACES}\n]{{1,3}}|)  # "\n": wrapped
    (?P<serial>\d{{4}})
    (?![^\W_])                                 # not before a letter or digit
    (?![{_DASHES}/.,]\d)                       # nor the head of a longer number ("0101901234-5")
    """,
    re.VERBOSE,
)
_DASH_RE = re.compile(f"[{_DASHES}]")
_DIGIT = re.compile(r"\d")
_SPACED_BEFORE = re.compile(rf"\d[{_SPACES}]\Z")
_SPACED_AFTER = re.compile(rf"[{_SPACES}]\d")
_LOOK_BACK = 30  # characters before a number in which a cue or another number's label counts

# A cue that the number is a CPR number, and labels of the other numbers a case file writes with ten
# digits or as `NNNNNN-YYYY` (Gentofte's case numbers: `041277-2022`)
_CUE = re.compile(r"cpr|person\s?n(?:umme)?r|pers\.\s?nr", re.IGNORECASE)
_NR = r"[\s.-]?(?:n(?:umme)?r|id)"
_OTHER_LABEL = re.compile(
    rf"(?<![^\W\d_])(?:p-?n(?:umme)?r|p\.\s?nr|ean|cvr|se-?n(?:umme)?r|sags?{_NR}|dok(?:ument)?{_NR}|j\.\s?nr|jnr|"
    rf"journal{_NR}|tlf|telefon|mobil|fax|konto{_NR}|reg\.?\s?nr|faktura{_NR}|ordre{_NR})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"199\d|20[0-3]\d")  # a serial that reads as a year, as in a `NNNNNN-YYYY` case number

def is_cpr(candidate: str) -> bool:
    """A real CPR number: ten digits (separators aside) holding a valid, past birth date (python-stdnum
    checks it, not the old modulus-11 rule)."""
    digits = "".join(_DIGIT.findall(candidate))
    if len(digits) != 10:
        return False
    try:
        cpr.validate(digits)
    except Exception:  # noqa: BLE001 - stdnum raises several ValidationError subclasses
        return False
    return True


def _label_window(text: str, at: int) -> str:
    """The text in which a label of the number at `at` may stand: the line before it, or the line
    above when the number starts its line ("Sagsnr.:" / "041277-2022")."""
    lines = text[max(0, at - 200):at].split("\n")
    window = lines[-1]
    if not window.strip():
        above = [line for line in lines[:-1] if line.strip()]
        window = (above[-1] if above else "") + "\n" + window
    return window[-_LOOK_BACK:]


def _nearest_label(window: str) -> str | None:
    """"cue", "other" or None: which kind of label stands last in the text just before a number."""
    last: tuple[int, str] | None = None
    for pattern, kind in ((_CUE, "cue"), (_OTHER_LABEL, "other")):
        for m in pattern.finditer(window):
            if last is None or m.start() >= last[0]:
                last = (m.start(), kind)
    return last[1] if last else None


def _alone_on_line(text: str, m: re.Match[str]) -> bool:
    line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    return not text[line_start:m.start()].strip() and not text[m.end():None if line_end < 0 else line_end].strip()


def _accepted(text: str, m: re.Match[str]) -> bool:
    """Whether a match of `_CPR` is a CPR number, by its form, its neighbours and its date."""
    label = _nearest_label(_label_window(text, m.start()))
    if label == "cue":
        return is_cpr(m.group(0))
    sep, compact, dashed = m.group("sep"), m.group("date") is not None, bool(_DASH_RE.search(m.group("sep")))
    if not dashed and (_SPACED_BEFORE.search(text, max(0, m.start() - 2), m.start()) or
                       _SPACED_AFTER.match(text, m.end())):
        return False  # spaced or bare digits that go on a run of spaced digits ("45 0101901234", "... 5")
    if not compact and not (dashed and len(sep) == 1):
        return False  # "01 01 90 1234" and "01.01.19 - 2020" (a period) need a cue; "01.01.90-1234" does not
    if "\n" in sep and not dashed:
        return False  # six digits ending a line and four starting the next need a cue
    if compact and not sep and label == "other":
        return False  # ten digits after "P-nr." or "Sagsnr." are that number
    if compact and _YEAR.fullmatch(m.group("serial")) and (label == "other" or _alone_on_line(text, m)):
        return False  # "Sagsnr. 041277-2022", or such a number on its own line: a Gentofte case number
    return is_cpr(m.group(0))


def find_cpr(text: str) -> list[str]:
    """The CPR numbers in `text`, as written."""
    return [m.group(0) for m in _CPR.finditer(text or "") if _accepted(text, m)]


def holds_cpr(text: str | None) -> bool:
    """Whether `text` holds a CPR number, as written or as masked by foi (`XXXXXX-XXXX`)."""
    return bool(text) and (bool(find_cpr(text or "")) or bool(_MASKED.search(text or "")))


_MASKED = re.compile(
    rf"(?<![^\W_])(?:X{{6}}|XX[./{_SPACES}{_DASHES}]XX[./{_SPACES}{_DASHES}]XX)"
    rf"(?:[{_SPACES}\n]{{0,2}}[{_DASHES}][{_SPACES}\n]{{0,2}}|[{_SPACES}\n]{{1,3}}|)X{{4}}(?![^\W_])"
)


def _masked(m: re.Match[str]) -> str:
    return _DIGIT.sub("X", m.group(0))


def mask_cpr(text: str) -> str:
    """`text` with the digits of every CPR number replaced by X (`XXXXXX-XXXX`); same length."""
    if not text:
        return text
    return _CPR.sub(lambda m: _masked(m) if _accepted(text, m) else m.group(0), text)


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


def _mask_fields(obj: Any) -> Any:
    """A copy of a dataclass (or nested lists of them) with every string masked, other values kept."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _mask_fields(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return mask_value(obj) if not isinstance(obj, (list, tuple)) else type(obj)(_mask_fields(v) for v in obj)


def _mask_lines(lines: list[Line], which: list[int]) -> None:
    """Mask the lines at the indices `which` as one text joined by line breaks, so that a number
    wrapped over two lines is found; the mask keeps lengths, so each line gets its own part back."""
    texts = [lines[i].text for i in which]
    masked, at = mask_cpr("\n".join(texts)), 0
    for i, text in zip(which, texts, strict=True):
        lines[i] = dataclasses.replace(lines[i], text=masked[at:at + len(text)])
        at += len(text) + 1


def mask_document(document: Document) -> None:
    """Mask a document in place: its lines (from which `text` and `full_text` are made, so their
    offsets stay) and every string of its facts."""
    lines = list(document.lines)
    # full_text joins the lines but noise; text joins the body lines: a number may span either join
    _mask_lines(lines, [i for i, line in enumerate(lines) if line.role != NOISE])
    _mask_lines(lines, [i for i, line in enumerate(lines) if line.role == BODY])
    _mask_lines(lines, [i for i, line in enumerate(lines) if line.role == NOISE])
    document.lines = lines
    document.facts = _mask_fields(document.facts)


# Fields of a FileResult that are keys or digests, not text: the path is how a re-run finds the file
# (two files whose names differ only in a CPR number must stay apart), so it is masked on output only.
_KEYS = {"path", "sha256", "documents"}


def mask_result(result: FileResult) -> None:
    """Mask every CPR number in one file's extraction result, in place, before it is stored or printed."""
    for document in result.documents:
        mask_document(document)
    for f in dataclasses.fields(result):
        if f.name not in _KEYS:
            setattr(result, f.name, mask_value(getattr(result, f.name)))
