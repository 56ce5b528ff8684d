"""Outlook messages (.msg, an OLE compound file) read with extract-msg, shaped like the .eml reader's.

The text starts with the same Danish header block as an .eml ("Fra:", "Sendt:", "Til:", "Cc:",
"Emne:", "Vedhæftede filer:"), then an empty line and the plain-text body, or the HTML body's
visible text when there is no plain text. Attachments, embedded messages included (as .msg
bytes), go into `ReadResult.attachments`. An OLE file that is not a message (a .doc, an .xls) and
any error the library raises become `UnreadableFile`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from email.parser import HeaderParser
from typing import Any

from foi.errors import UnreadableFile
from foi.extract.model import Attachment, Line, Page, ReadResult, Table
from foi.extract.readers.email_headers import header_lines, headers_dict, parse_date, to_local
from foi.extract.readers.html import declared_charset, decode_declared, html_to_lines
from foi.settings import Settings

FORMAT = "msg"

def _text(value: Any) -> str:
    if value is None:
        return ""
    text = decode_declared(value, None) if isinstance(value, bytes) else str(value)
    return unicodedata.normalize("NFC", text)


def _get(msg: Any, attr: str) -> Any:
    """An attribute of the message; a property the file holds badly counts as missing."""
    try:
        return getattr(msg, attr, None)
    except Exception:
        return None


def _open(data: bytes, name: str) -> Any:
    try:
        import extract_msg
        from extract_msg.enums import ErrorBehavior
    except ModuleNotFoundError:  # the [msg] extra: a file's error, not the batch's
        raise UnreadableFile(name, "reading Outlook .msg files needs the 'msg' extra: pip install 'foi[msg]'") from None

    # Attachments are opened when they are asked for: opened at once, every enclosed message down to the
    # deepest is parsed, and extract-msg's lookups make that quadratic in the depth.
    try:
        return extract_msg.openMsg(data, errorBehavior=ErrorBehavior.SUPPRESS_ALL, delayAttachments=True)
    except RecursionError:
        raise UnreadableFile(name, _TOO_DEEP) from None
    except Exception as exc:
        reason = "not an Outlook message" if type(exc).__name__ == "InvalidFileFormatError" else (
            f"unreadable Outlook message ({type(exc).__name__})")
        raise UnreadableFile(name, reason) from None


# olefile builds the storage tree recursively: a few hundred storages inside each other exhaust the stack
_TOO_DEEP = "unreadable Outlook message: its storages are nested too deep"


def _date(msg: Any) -> tuple[dt.datetime | None, str]:
    """The send time: the transport header's Date as written, else the stored UTC time made Danish."""
    raw = ""
    header_text = _get(msg, "headerText")  # the transport headers, when the message came by SMTP
    if isinstance(header_text, str) and header_text.strip():
        try:
            raw = str(HeaderParser().parsestr(header_text).get("date") or "")
        except Exception:
            raw = ""
    parsed = parse_date(raw)
    if parsed is not None:
        return parsed, raw
    stored = _get(msg, "date")
    if isinstance(stored, dt.datetime):
        return to_local(stored), raw
    return None, raw


def _attachments(msg: Any) -> list[Attachment]:
    from extract_msg.enums import AttachmentType

    found: list[Attachment] = []
    for number, att in enumerate(_get(msg, "attachments") or [], start=1):
        try:
            if _get(att, "hidden") and _get(att, "contentId"):
                continue  # an image shown inside the HTML body, not an enclosure
            name = " ".join(str(_get(att, "longFilename") or _get(att, "shortFilename")
                                 or _get(att, "displayName") or "").split())
            kind = _get(att, "type")
            if kind == AttachmentType.MSG:
                data = att.data.exportBytes(allowBadEmbed=True)
                name = name or _text(_get(att.data, "subject")) or "videresendt"
                if not name.lower().endswith((".msg", ".eml")):
                    name += ".msg"
            else:
                data = _get(att, "data")
            if isinstance(data, bytes):
                found.append(Attachment(name or f"vedhæftet-{number}", data))
        except Exception:  # one broken enclosure must not cost the message
            continue
    return found


def _body(msg: Any) -> tuple[list[str], list[Table]]:
    body = _text(_get(msg, "body"))
    if body.strip():
        return [line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")], []
    html = _get(msg, "htmlBody")
    if isinstance(html, bytes) and html.strip():
        found, tables = html_to_lines(decode_declared(html, declared_charset(html)))
        return [line.text for line in found], tables
    return [], []


def read(data: bytes, name: str, settings: Settings) -> ReadResult:
    msg = _open(data, name)
    try:
        sender, to, cc = _text(_get(msg, "sender")), _text(_get(msg, "to")), _text(_get(msg, "cc"))
        subject = _text(_get(msg, "subject"))
        date, raw_date = _date(msg)
        body, tables = _body(msg)
        attachments = _attachments(msg)
    except RecursionError:
        raise UnreadableFile(name, _TOO_DEEP) from None
    except Exception as exc:
        raise UnreadableFile(name, f"broken Outlook message ({type(exc).__name__})") from None
    finally:
        try:
            msg.close()
        except Exception:
            pass
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    texts = header_lines(sender, date, to, cc, subject, [a.name for a in attachments], raw_date)
    lines = [Line(text) for text in texts] + [Line("")] + [Line(text) for text in body]
    return ReadResult(
        FORMAT, [Page(1, tuple(lines))], headers=headers_dict(sender, to, cc, date, subject, raw_date),
        attachments=attachments, tables=tables,
    )
