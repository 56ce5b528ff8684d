"""E-mail header lines in the Danish form Outlook prints, shared by the .eml and .msg readers.

The rest of the pipeline reads an e-mail as text that starts like a printed Outlook message:

    Fra: Pia Jacobsen <f181@bif.kk.dk>
    Sendt: 6. oktober 2015 17:31
    Til: Borgmesteren SOF
    Emne: Mål for støttet i beskæftigelse
    Vedhæftede filer: Brev.pdf; Status.pdf
"""

from __future__ import annotations

import datetime as dt
import email.utils
import unicodedata
from collections.abc import Sequence

from foi.danish.calendar import month_names

# MSG files keep times in UTC; Danish readers expect Danish local time
LOCAL_ZONE = "Europe/Copenhagen"


def danish_datetime(value: dt.datetime) -> str:
    """`6. oktober 2015 17:31`: the wall-clock time as the datetime holds it."""
    return f"{value.day}. {month_names()[value.month - 1]} {value.year} {value.hour:02d}:{value.minute:02d}"


def parse_date(value: str | None) -> dt.datetime | None:
    """An RFC 5322 date as a datetime in the sender's own offset; None when it does not parse."""
    if not value or not value.strip():
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def to_local(value: dt.datetime) -> dt.datetime:
    """A UTC (or naive UTC) time as Danish local time; unchanged if the zone database is missing."""
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(LOCAL_ZONE)
    except Exception:  # no zone database on this system: keep the time as stored
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone(dt.timedelta(0)))  # UTC
    return value.astimezone(zone)


def clean(value: str | None) -> str:
    """A header value on one line, NFC, without control characters."""
    if not value:
        return ""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in value)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def headers_dict(
    sender: str, to: str, cc: str, date: dt.datetime | None, subject: str, raw_date: str = ""
) -> dict[str, str]:
    """ReadResult.headers: lower-case keys, only those with a value; the date as ISO 8601."""
    values = {
        "from": clean(sender),
        "to": clean(to),
        "cc": clean(cc),
        "date": date.isoformat() if date else clean(raw_date),
        "subject": clean(subject),
    }
    return {key: value for key, value in values.items() if value}


def header_lines(
    sender: str, date: dt.datetime | None, to: str, cc: str, subject: str,
    attachment_names: Sequence[str] = (), raw_date: str = "",
) -> list[str]:
    """The Danish header block; a line is left out when its header is empty."""
    lines = []
    if clean(sender):
        lines.append(f"Fra: {clean(sender)}")
    sent = danish_datetime(date) if date else clean(raw_date)
    if sent:
        lines.append(f"Sendt: {sent}")
    if clean(to):
        lines.append(f"Til: {clean(to)}")
    if clean(cc):
        lines.append(f"Cc: {clean(cc)}")
    lines.append(f"Emne: {clean(subject)}")
    names = [clean(name) for name in attachment_names if clean(name)]
    if names:
        lines.append("Vedhæftede filer: " + "; ".join(names))
    return lines
