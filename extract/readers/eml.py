"""E-mails (.eml, RFC 5322 / MIME) as the Danish header block, the body and the attachments.

The text starts with the header lines Outlook prints ("Fra:", "Sendt:", "Til:", "Cc:", "Emne:",
"Vedhæftede filer:"), then an empty line and the body: the text/plain part when there is one,
otherwise the text/html part's visible text. Attachments (and forwarded messages, as .eml bytes)
go into `ReadResult.attachments`; `read_bytes` reads them in turn. Broken headers, unknown or wrong
charsets and broken transfer encodings are survived, never raised; parts nested deeper than
`MAX_NESTING` are left out before parsing, and what is shallower is read.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.header import decode_header, make_header
from email.message import Message
from typing import Any

from foi.errors import UnreadableFile
from foi.extract.model import Attachment, Line, Page, ReadResult, Table
from foi.extract.readers.email_headers import header_lines, headers_dict, parse_date
from foi.extract.readers.html import decode_declared, html_to_lines
from foi.extract.readers.txt import decode
from foi.settings import Settings

FORMAT = "eml"

_SURROGATES = re.compile("[\udc80-\udcff]")

# Parts inside parts (multipart levels and enclosed messages). The stdlib parser and generator recurse
# once per level and check each line against every open boundary: 5,000 levels end in RecursionError.
MAX_NESTING = 50
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;"]+))""", re.IGNORECASE)
_MESSAGE_PART = re.compile(rb"content-type:\s*message/", re.IGNORECASE)
_NESTING_HINT = re.compile(rb"boundary\s*=|content-type:\s*message/", re.IGNORECASE)


def _raw_header(msg: Message, key: str) -> str:
    """A header's value without the policy's parsing: for values the parser chokes on."""
    for name, value in msg.raw_items():
        if name.lower() == key:
            text = _unescape(str(value))
            try:
                text = str(make_header(decode_header(text)))
            except Exception:  # a broken encoded word or 8-bit text beside one: keep the text as it is
                pass
            return " ".join(text.split())
    return ""


def _unescape(text: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates by the parser) decoded by the txt rules."""
    if not _SURROGATES.search(text):
        return text
    raw = text.encode("utf-8", errors="surrogateescape")
    try:
        return decode(raw)
    except UnreadableFile:
        return raw.decode("cp1252", errors="replace")


def header_text(msg: Message, key: str) -> str:
    """A header as text; address headers as `Name <addr>` joined by "; " as Outlook shows them."""
    try:
        value: Any = msg[key]
    except Exception:
        return _raw_header(msg, key)
    if value is None:
        return ""
    try:
        addresses = getattr(value, "addresses", None)
        if addresses and not getattr(value, "defects", None):
            shown = []
            for addr in addresses:
                name, spec = _unescape(addr.display_name or ""), _unescape(addr.addr_spec or "")
                shown.append(f"{name} <{spec}>" if name and spec and name != spec else name or spec)
            text = "; ".join(s for s in shown if s)
        else:
            text = _unescape(str(value))
    except Exception:
        return _raw_header(msg, key)
    if "\ufffd" in text or getattr(value, "defects", None):
        # raw 8-bit bytes or a malformed value: the raw header decoded by the txt rules reads better
        raw = _raw_header(msg, key)
        if raw and "\ufffd" not in raw:
            return raw
    return text


def part_text(part: Message) -> str:
    """A text part's content decoded by its declared charset, or by the txt rules when that fails."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        payload = raw.encode("utf-8", errors="surrogateescape") if isinstance(raw, str) else b""
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    return decode_declared(payload, charset)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    return _unescape(" ".join(str(name).split())) if name else ""


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


class _Parts:
    """The message's parts sorted into body candidates, extra inline text and attachments."""

    def __init__(self) -> None:
        self.plain: list[Message] = []
        self.html: list[Message] = []
        self.attachments: list[Attachment] = []

    def walk(self, part: Message, parent_type: str = "") -> None:
        ctype = part.get_content_type()
        if ctype == "message/rfc822" or (ctype.startswith("message/") and _filename(part)):
            self._message(part)
            return
        if part.is_multipart():
            payload = part.get_payload()
            for child in payload if isinstance(payload, list) else []:
                if isinstance(child, Message):
                    self.walk(child, ctype)
            return
        name = _filename(part)
        disposition = _disposition(part)
        if not name and disposition != "attachment" and ctype in ("text/plain", "text/html"):
            (self.plain if ctype == "text/plain" else self.html).append(part)
            return
        if not name and disposition != "attachment":
            return  # an unnamed inline part: a signature image, a calendar stub
        if ctype.startswith("image/") and part.get("content-id") and disposition != "attachment":
            return  # an image shown inside the HTML body, not an enclosure
        try:
            data = part.get_payload(decode=True)
        except Exception:
            data = None
        if isinstance(data, bytes):
            self.attachments.append(Attachment(name or f"vedhæftet-{len(self.attachments) + 1}", data))

    def _message(self, part: Message) -> None:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            try:
                data = inner.as_bytes()
            except Exception:
                return
            name = _filename(part) or header_text(inner, "subject").strip() or "videresendt"
        elif isinstance(payload, str | bytes):  # a message part the parser left as text
            data = payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogateescape")
            name = _filename(part) or "videresendt"
        else:
            return
        if not name.lower().endswith((".eml", ".msg")):
            name += ".eml"
        self.attachments.append(Attachment(name, data))


def _body(parts: _Parts) -> tuple[list[str], list[Table]]:
    """Body lines: all plain-text parts in order, or the HTML parts' text when no plain text has words."""
    plain = [part_text(p) for p in parts.plain]
    if any(text.strip() for text in plain):
        return [line.rstrip() for text in plain for line in text.split("\n")], []
    lines: list[str] = []
    tables: list[Table] = []
    for part in parts.html:
        found, found_tables = html_to_lines(part_text(part))
        lines.extend(line.text for line in found)
        tables.extend(found_tables)
    return lines, tables


def within_nesting(data: bytes, limit: int = MAX_NESTING) -> bytes:
    """The message with the parts nested deeper than `limit` left out; what is shallower is kept.

    One pass over the lines follows the MIME structure as the parser will: a header block that
    declares a boundary (or encloses a message) opens a level, a delimiter line closes every level
    opened inside it. Lines of a level past the limit are dropped up to the next delimiter of a
    level that is kept.
    """
    hints = _NESTING_HINT.finditer(data)
    if sum(1 for _, _ in zip(range(limit + 1), hints, strict=False)) <= limit:
        return data  # too few boundaries and enclosed messages to nest that deep
    stack: list[bytes | None] = []  # open levels: a boundary, or None for an enclosed message
    open_count: dict[bytes, int] = {}
    kept: list[bytes] = []
    in_headers, encloses, skipping = True, False, False
    for line in data.splitlines(keepends=True):
        bare = line.rstrip()
        if bare.startswith(b"--") and open_count:
            closes = bare[2:-2] if bare.endswith(b"--") and open_count.get(bare[2:-2]) else None
            delimiter = closes if closes is not None else bare[2:]
            if open_count.get(delimiter):
                while stack and stack[-1] != delimiter:
                    _pop(stack, open_count)
                if closes is not None:
                    _pop(stack, open_count)
                in_headers, encloses, skipping = True, False, False
                kept.append(line)
                continue
        if skipping:
            continue
        if in_headers and not bare:
            in_headers, encloses = encloses, False  # an enclosed message's own headers follow
        elif in_headers:
            found = _BOUNDARY.search(line)
            level: list[bytes | None] = [found.group(1) or found.group(2)] if found else []
            if not found and _MESSAGE_PART.match(line):
                level, encloses = [None], True
            if level and len(stack) >= limit:
                skipping = True
                continue
            for opened in level:
                stack.append(opened)
                if opened is not None:
                    open_count[opened] = open_count.get(opened, 0) + 1
        kept.append(line)
    return b"".join(kept)


def _pop(stack: list[bytes | None], open_count: dict[bytes, int]) -> None:
    closed = stack.pop()
    if closed is not None:
        open_count[closed] -= 1


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    try:
        msg = email.message_from_bytes(within_nesting(data), policy=email.policy.default)
        parts = _Parts()
        parts.walk(msg)
        body, tables = _body(parts)
        sender, to, cc = header_text(msg, "from"), header_text(msg, "to"), header_text(msg, "cc")
        # an e-mail printed from Outlook and saved as text says "Sent:" (or "Sendt:") where MIME says "Date:"
        raw_date = header_text(msg, "date") or header_text(msg, "sent") or header_text(msg, "sendt")
        subject = header_text(msg, "subject")
    except Exception as exc:  # the parser is lenient; what it still raises means broken input
        raise UnreadableFile(name, f"broken e-mail ({type(exc).__name__})") from None
    date = parse_date(raw_date)
    if not (sender or to or subject or raw_date or any(line.strip() for line in body)):
        raise UnreadableFile(name, "no e-mail headers or text")
    texts = header_lines(sender, date, to, cc, subject, [a.name for a in parts.attachments], raw_date)
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    lines = [Line(text) for text in texts] + [Line("")] + [Line(text) for text in body]
    return ReadResult(
        FORMAT, [Page(1, tuple(lines))], headers=headers_dict(sender, to, cc, date, subject, raw_date),
        attachments=parts.attachments, tables=tables,
    )
