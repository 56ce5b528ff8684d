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

from foi.errors import InquiryProblem
from foi.extract.facts.dates import find as find_dates
from foi.extract.model import FileResult, Question
from foi.extract.process import process_file
from foi.responses.addressee import Addressee, find_addressee
from foi.responses.askers import CLOSING, PARTY, asked_by, join_names, names_in, person, signature
from foi.responses.questions import prose_questions, split_questions
from foi.responses.topic import question_topic, subject_topic
from foi.settings import Settings

_HEADER = re.compile(r"^(fra|from|sendt|sent|dato|date|emne|subject|til|to|cc)\s*:\s*(.*)$", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^(?:vedr\.?|vedrørende|angående|ang\.)\s*:?\s+(.{3,})$", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*((sv|vs|re|fw|fwd|aw|wg)\s*:\s*)+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:vedr\.?|vedrørende|angående|ang\.)\s*:?\s+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CASE = re.compile(r"\b(?:sag(?:snr\.?|snummer|en)?|j\.?\s*nr\.?|journalnr\.?)\s*:?\s*(\d{2,4}\s*-\s*\d{2,}(?:-\d+)?)",
                   re.IGNORECASE)
# where a forwarded or quoted e-mail begins: "-----Oprindelig meddelelse-----", "Den 3. marts 2025 skrev X:"
_QUOTED = re.compile(r"^(?:-{2,}\s*(?:oprindelig\s+meddelelse|original\s+message|videresendt\s+(?:meddelelse|besked)|"
                     r"forwarded\s+message)\s*-{2,}|(?:begin\s+forwarded\s+message|start\s+på\s+videresendt\s+"
                     r"(?:meddelelse|besked))\s*:?|(?:den|on)\s.{4,100}\s(?:skrev|wrote)\b.{0,100}:)$", re.IGNORECASE)
_GREETING_LINE = re.compile(r"^(?:kære|hej|goddag)\b", re.IGNORECASE)


@dataclass
class Inquiry:
    path: str
    format: str | None
    questions: list[Question]
    sender_name: str | None = None  # as the greeting names the askers: "Lise Brandt og Peter Holm"
    sender_email: str | None = None
    date: str | None = None  # YYYY-MM-DD
    subject: str | None = None
    text: str = ""
    case_numbers: list[str] = field(default_factory=list)  # cases the inquiry names (aktindsigt)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it was read
    addressee: Addressee = field(default_factory=Addressee)  # the administration it is written to
    sender_names: list[str] = field(default_factory=list)  # every asker, party tags removed


def parse_date(text: str) -> str | None:
    """The first date of a header line, as ISO."""
    return next((m.date.isoformat() for m in find_dates(text)), None)


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


def mail_blocks(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each e-mail in a printed or forwarded thread: a block ends where a quoted or
    forwarded message begins, or where a second "Fra:" header block follows text."""
    lines = text.split("\n")
    cuts, body = [0], False
    for i, line in enumerate(lines):
        stripped = line.strip()
        header = _HEADER.match(stripped)
        if _QUOTED.match(stripped):
            cuts += [i] if i > cuts[-1] else []
            body = False
        elif header and header.group(1).lower() in ("fra", "from"):
            if body and any(_HEADER.match(x.strip()) for x in lines[i + 1: i + 4]):
                cuts.append(i)
                body = False
        elif stripped and not header:
            body = True
    cuts.append(len(lines))
    offsets = [sum(len(x) + 1 for x in lines[:c]) for c in cuts]
    return [(offsets[k], "\n".join(lines[cuts[k]:cuts[k + 1]])) for k in range(len(cuts) - 1)]


def _questions(text: str) -> tuple[list[Question], str, int]:
    """The questions of the first e-mail of a thread that asks any (a reply's own, not those quoted
    under it; a forwarded inquiry's, not the forwarding note's), with how they were found and which block."""
    blocks = mail_blocks(text)
    for index, (offset, block) in enumerate(blocks):
        for finder, origin in ((split_questions, "numbered list in the text"),
                               (prose_questions, "asking sentences of the prose (no numbered list)")):
            found = finder(block)
            if found:
                where = origin if len(blocks) == 1 else f"{origin}, e-mail {index + 1} of {len(blocks)}"
                return [Question(q.number, q.text, q.start + offset if q.start >= 0 else q.start)
                        for q in found], where, index
    return [], "", 0


def inquiry_from_result(result: FileResult, require_questions: bool = True) -> Inquiry:
    text = "\n\n".join(doc.full_text for doc in result.documents)
    questions, origin, index = _questions(text)
    if not questions:
        questions = next((d.facts.questions for d in result.documents if d.facts.questions), [])
        origin = "questions found by extraction"
    if not questions and require_questions:
        raise InquiryProblem(f"{result.path}: no questions found (no numbered list, no sentence that asks)")
    inquiry = Inquiry(result.path, result.format, list(questions), text=text)
    inquiry.sources["questions"] = origin
    inquiry.addressee = find_addressee(text, result.headers)
    block = mail_blocks(text)[index]
    found = _Found()
    if index:  # a forwarded inquiry: the original e-mail's header lines come before the forwarding one's
        _from_header_lines(inquiry, block[1], found)
    _from_headers(inquiry, result.headers, found)
    _from_header_lines(inquiry, text, found)
    _askers(inquiry, text, block, found, result)
    _subjects(inquiry, result, found)
    for doc in result.documents:
        _set(inquiry, "date", doc.facts.date, "extracted document date")
    if not inquiry.sender_email:
        address = _EMAIL.search(block[1]) or _EMAIL.search(text)
        if address:
            _set(inquiry, "sender_email", address.group(0), "first e-mail address in the text")
    inquiry.case_numbers = sorted({re.sub(r"\s+", "", m.group(1)) for m in _CASE.finditer(text)})
    return inquiry


def _set(inquiry: Inquiry, name: str, value: str | None, source: str) -> None:
    if value and not getattr(inquiry, name):
        setattr(inquiry, name, value)
        inquiry.sources[name] = source


@dataclass
class _Found:
    """What the headers offer, in order of trust; chosen from once all is read."""
    senders: list[tuple[str, str]] = field(default_factory=list)  # (name, where)
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (subject line, where)


def _sender(inquiry: Inquiry, value: str, source: str, found: _Found) -> None:
    unquoted = re.fullmatch(r"\s*([^,<@\"]+),\s*([^,<@\"]+?)\s*<([^>]+)>\s*", value)
    if unquoted:  # Outlook's "Holm, Peter <…>" without quotes, which parseaddr cannot read
        value = f'"{unquoted.group(1)}, {unquoted.group(2)}" <{unquoted.group(3)}>'
    name, address = email.utils.parseaddr(value)
    if not address and _EMAIL.search(value):
        address = _EMAIL.search(value).group(0)  # type: ignore[union-attr]
    if not name and not address:
        name = value.strip()
    last_first = re.fullmatch(r"([^,]+),\s*([^,]+)", name.strip())
    if last_first:  # Outlook's "Holm, Peter"
        name = f"{last_first.group(2)} {last_first.group(1)}"
    if name and "@" not in name:
        found.senders.append((" ".join(PARTY.sub("", name).strip("'\" ").split()), source))
    if address and "@" in address:
        _set(inquiry, "sender_email", address, source)


def _from_headers(inquiry: Inquiry, headers: dict[str, str], found: _Found) -> None:
    if headers.get("from"):
        _sender(inquiry, headers["from"], "e-mail header From", found)
    if headers.get("date"):
        try:
            _set(inquiry, "date", dt.datetime.fromisoformat(headers["date"]).date().isoformat(), "e-mail header Date")
        except ValueError:
            _set(inquiry, "date", parse_date(headers["date"]), "e-mail header Date")
    if headers.get("subject"):
        found.subjects.append((headers["subject"], "e-mail header Subject"))


def _from_header_lines(inquiry: Inquiry, text: str, found: _Found) -> None:
    """Outlook's printed header block: the first one in the text, the inquiry's own."""
    for line in text.split("\n")[:40]:
        m = _HEADER.match(line.strip())
        if m:
            key, value = m.group(1).lower(), m.group(2).strip()
            if key in ("fra", "from"):
                _sender(inquiry, value, f"'{m.group(1)}:' line", found)
            elif key in ("sendt", "sent", "dato", "date"):
                _set(inquiry, "date", parse_date(value), f"'{m.group(1)}:' line")
            elif key in ("emne", "subject") and value:
                found.subjects.append((value, f"'{m.group(1)}:' line"))
            continue
        m = _SUBJECT_LINE.match(line.strip())
        if m:
            found.subjects.append((m.group(1).strip(), "'Vedr.' line"))


def _askers(inquiry: Inquiry, text: str, block: tuple[int, str], found: _Found, result: FileResult) -> None:
    """Who asked, most trusted first: a phrase that says so ("efter ønske fra …"), the signature under
    the questions, the e-mail's sender, the sender the fact pipeline found."""
    offset, body = block
    first = min((q.start - offset for q in inquiry.questions if q.start >= offset), default=0)
    senders = [(n, where) for n, where in found.senders if person(n)]
    extracted = [p.name for d in result.documents for p in d.facts.people if p.role == "sender"]
    for names, where in ((asked_by(body) or asked_by(text), "a phrase naming the asker"),
                         (signature(body[first:].split("\n")) or signature(body.split("\n")), "signature"),
                         ([senders[0][0]] if senders else [], senders[0][1] if senders else ""),
                         (extracted[:1], "extracted sender")):
        names = [n for part in names for n in (names_in(part) or [part]) if person(n)]
        if not names:
            continue
        if senders and len(names) == 1 and senders[0][0].startswith(names[0]):
            names, where = [senders[0][0]], senders[0][1]  # "Hilsen / Lise" from "Fra: Lise Brandt"
        elif senders and names == [senders[0][0]]:
            where = senders[0][1]  # the signature agrees with the sender: the header said it first
        inquiry.sender_names = names
        _set(inquiry, "sender_name", join_names(names), where)
        return


# a heading the layout put first that is no subject: "Tlf. nr.: 32 92 50 00", "Dok. nr.: 669610",
# "Forsvarsudvalget 2022-23 (2. samling)", "TrafikudvalgChristiansborg1240 København K", an address, a file name
_NOT_A_TITLE = re.compile(r":|\d{5,}|\d{2}\s\d{2}\s\d{2}|[a-zæøå]\d|\d[a-zæøåA-ZÆØÅ]{2}|\bsamling\b|\bmetadata\b"
                          r"|\b\d{4}\s+[A-ZÆØÅ]|\.[a-z]{3,4}$", re.IGNORECASE)
# a line cut in the middle of a sentence: "… som bl.a. er sendt til"
_CUT = re.compile(r"\b(?:til|af|og|at|som|der|i|på|for|med|om|eller|fra|ved|er|en|et|den|det)$", re.IGNORECASE)


def _usable_subject(value: str, names: list[str], source: str) -> str | None:
    """A subject line without "SV:" or "Vedr.", or None when it is a closing, a greeting, a date line,
    the askers' names, a cut sentence, or says only that it is a question ("Spørgsmål til borgmesteren")."""
    value = _LEAD.sub("", _REPLY_PREFIX.sub("", value).strip()).strip(" :")
    if not value or CLOSING.match(value) or _GREETING_LINE.match(value) or find_dates(value) or _CUT.search(value):
        return None
    if source == "extracted title" and _NOT_A_TITLE.search(value):
        return None
    if any(name.lower() in value.lower() for name in names) or not subject_topic(value):
        return None
    return value


def _subjects(inquiry: Inquiry, result: FileResult, found: _Found) -> None:
    candidates = found.subjects + [(d.facts.title, "extracted title") for d in result.documents if d.facts.title]
    for value, where in candidates:
        usable = _usable_subject(value, inquiry.sender_names, where)
        if usable:
            _set(inquiry, "subject", usable, where)
            return
    topic = question_topic(inquiry.questions[0].text) if inquiry.questions else None
    if topic and not any(name.lower() in topic.lower() for name in inquiry.sender_names):
        _set(inquiry, "subject", topic, "the first question's topic")
