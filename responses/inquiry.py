"""An inquiry read with the extraction readers: who asked, when, about what, and the numbered questions.

The file goes through `process_file`, as in `foi extract`, so a .txt, an .eml or a .docx inquiry
is read by the same readers. An e-mail's own headers come first; then the Outlook-style header
lines of a printed or forwarded e-mail ("Fra:", "Sendt:", "Emne:"); then the facts the fact
pipeline found; the signature under "Med venlig hilsen" names a sender nothing else names.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from pathlib import Path

from foi.danish.patterns import placeholders
from foi.errors import InquiryProblem
from foi.extract.model import FileResult, Question
from foi.extract.process import process_file
from foi.responses.addressee import Addressee, find_addressee
from foi.responses.danish import parse_date
from foi.responses.questions import prose_questions, split_questions
from foi.settings import Settings

_HEADER = re.compile(r"^(fra|from|sendt|dato|date|emne|subject|til|to|cc)\s*:\s*(.*)$", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^(?:vedr\.?|vedrørende|angående|ang\.)\s*:?\s+(.{3,})$", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*((sv|vs|re|fw|fwd|aw|wg)\s*:\s*)+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CLOSING = re.compile("^" + placeholders()["{CLOSING}"], re.IGNORECASE)
# a party after a name: "(DF)", "(A)", "(Ø)", "(Socialdemokratiet)", "(løsgænger)"
_PARTY = re.compile(r"\s*\((?:[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,3}|[A-Za-zÆØÅæøå]+(?:\s+[A-Za-zÆØÅæøå]+){0,3})\)\s*$")
_NAME = re.compile(r"^[A-ZÆØÅ][\w'’.-]+(?:\s+(?:[A-ZÆØÅ][\w'’.-]+|af|von|van|de))+$")
_CASE = re.compile(r"\b(?:sag(?:snr\.?|snummer|en)?|j\.?\s*nr\.?|journalnr\.?)\s*:?\s*(\d{2,4}\s*-\s*\d{2,}(?:-\d+)?)",
                   re.IGNORECASE)


@dataclass
class Inquiry:
    path: str
    format: str | None
    questions: list[Question]
    sender_name: str | None = None
    sender_email: str | None = None
    date: str | None = None  # YYYY-MM-DD
    subject: str | None = None
    text: str = ""
    case_numbers: list[str] = field(default_factory=list)  # cases the inquiry names (aktindsigt)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it was read
    addressee: Addressee = field(default_factory=Addressee)  # the administration it is written to


def read_inquiry(path: str | Path, settings: Settings | None = None, require_questions: bool = True) -> Inquiry:
    """Read an inquiry file; InquiryProblem if it cannot be read, or has no numbered questions when they
    are required (an answer needs them; a request for access to documents need not have any)."""
    path = Path(path)
    if not path.is_file():
        raise InquiryProblem(f"{path}: no such file")
    result = process_file(path, settings or Settings())
    if result.status != "ok":
        raise InquiryProblem(f"{path}: {result.error}")
    return inquiry_from_result(result, require_questions)


def inquiry_from_result(result: FileResult, require_questions: bool = True) -> Inquiry:
    text = "\n\n".join(doc.full_text for doc in result.documents)
    questions = split_questions(text)
    origin = "numbered list in the text"
    if not questions:
        questions = prose_questions(text)
        origin = "asking sentences of the prose (no numbered list)"
    if not questions:
        questions = next((d.facts.questions for d in result.documents if d.facts.questions), [])
        origin = "questions found by extraction"
    if not questions and require_questions:
        raise InquiryProblem(f"{result.path}: no questions found (no numbered list, no sentence that asks)")
    inquiry = Inquiry(result.path, result.format, list(questions), text=text)
    inquiry.sources["questions"] = origin
    inquiry.addressee = find_addressee(text, result.headers)
    _from_headers(inquiry, result.headers)
    _from_header_lines(inquiry, text)
    _from_facts(inquiry, result)
    _from_signature(inquiry, text)
    if not inquiry.sender_email:
        found = _EMAIL.search(text)
        if found:
            _set(inquiry, "sender_email", found.group(0), "first e-mail address in the text")
    inquiry.case_numbers = sorted({re.sub(r"\s+", "", m.group(1)) for m in _CASE.finditer(text)})
    return inquiry


def _set(inquiry: Inquiry, name: str, value: str | None, source: str) -> None:
    if value and name == "sender_name":
        value = _PARTY.sub("", value).strip()  # "Lise Brandt (DF)": the greeting names the person
    if value and name == "subject" and _CLOSING.match(value.strip()):
        return  # "Med venlig hilsen" is never what an inquiry is about
    if value and not getattr(inquiry, name):
        setattr(inquiry, name, value)
        inquiry.sources[name] = source


def _sender(inquiry: Inquiry, value: str, source: str) -> None:
    name, address = email.utils.parseaddr(value)
    if not address and _EMAIL.search(value):
        address = _EMAIL.search(value).group(0)  # type: ignore[union-attr]
    if not name and not address:
        name = value.strip()
    if name and "@" not in name:
        _set(inquiry, "sender_name", " ".join(name.strip("'\" ").split()), source)
    if address and "@" in address:
        _set(inquiry, "sender_email", address, source)


def _subject(inquiry: Inquiry, value: str, source: str) -> None:
    value = _REPLY_PREFIX.sub("", value).strip()
    _set(inquiry, "subject", value, source)


def _from_headers(inquiry: Inquiry, headers: dict[str, str]) -> None:
    if headers.get("from"):
        _sender(inquiry, headers["from"], "e-mail header From")
    if headers.get("date"):
        try:
            _set(inquiry, "date", dt.datetime.fromisoformat(headers["date"]).date().isoformat(), "e-mail header Date")
        except ValueError:
            _set(inquiry, "date", parse_date(headers["date"]), "e-mail header Date")
    if headers.get("subject"):
        _subject(inquiry, headers["subject"], "e-mail header Subject")


def _from_header_lines(inquiry: Inquiry, text: str) -> None:
    """Outlook's printed header block: the first one in the text, the inquiry's own."""
    for line in text.split("\n")[:40]:
        m = _HEADER.match(line.strip())
        if m:
            key, value = m.group(1).lower(), m.group(2).strip()
            if key in ("fra", "from"):
                _sender(inquiry, value, f"'{m.group(1)}:' line")
            elif key in ("sendt", "dato", "date"):
                _set(inquiry, "date", parse_date(value), f"'{m.group(1)}:' line")
            elif key in ("emne", "subject") and value:
                _subject(inquiry, value, f"'{m.group(1)}:' line")
            continue
        m = _SUBJECT_LINE.match(line.strip())
        if m:
            _subject(inquiry, m.group(1).strip(), "'Vedr.' line")


def _from_facts(inquiry: Inquiry, result: FileResult) -> None:
    for doc in result.documents:
        for person in doc.facts.people:
            if person.role == "sender":
                _set(inquiry, "sender_name", person.name, "extracted sender")
                _set(inquiry, "sender_email", person.email, "extracted sender")
        _set(inquiry, "date", doc.facts.date, "extracted document date")
        _set(inquiry, "subject", doc.facts.title, "extracted title")


def _from_signature(inquiry: Inquiry, text: str) -> None:
    lines = [line.strip() for line in text.split("\n")]
    for i, line in enumerate(lines):
        if _CLOSING.match(line):
            following = [x for x in lines[i + 1 : i + 4] if x]
            if following and _NAME.match(following[0]):
                _set(inquiry, "sender_name", following[0], "signature")
            return
