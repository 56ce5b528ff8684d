"""E-mails: the sender and recipients of the header block, Cc recipients too, and the senders of the
messages quoted below it.

    Fra: Henny Holm                      sender (the signature's name and title where it has one,
    Sendt: 28. november 2013 11:50       or where the From is a shared mailbox)
    Til: Teknik og Miljø                 recipients as written, mailboxes too
    Cc: Karen Lund; Mette Bro; Sophie    a Cc list that wraps mid-name ("Sophie⏎Westergaard")
    Westergaard; Vivi Berg
    …
    -----Oprindelig meddelelse-----      a quoted message: its sender, or the name it is signed with
    Fra: Support [mailto:…]
"""

from __future__ import annotations

import re
from dataclasses import replace

from foi.extract.facts.people_names import EMAIL, is_first_name, m, person_name, rest
from foi.extract.facts.people_signatures import TextLine, greeted, name_at_end, signature
from foi.extract.model import Person

_HEAD_LINES = 20  # the top header block starts within these lines
_QUOTED_REACH = 4  # lines below a quoted "Fra:" that must hold its "Sendt:"


def split_addresses(value: str) -> list[str]:
    return [part.strip() for part in re.split(r";|,(?=[^<>]*(?:<|$))(?![^<]*>)", value) if part.strip()]


def addressee(part: str, role: str, start: int) -> Person:
    found = EMAIL.search(part)
    email = found.group(0) if found else None
    name = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*@[^)]*\)", "", part).strip().strip("'\"").strip()
    if not name and email:
        name = email
    return Person(name, role, None, email, start=start)


def _block(lines: list[TextLine], start: int) -> tuple[dict[str, tuple[str, int]], int]:
    """{field: (value, offset)} of the header block that opens at line `start`, and the line after it.
    A To or Cc value that wraps goes on in the next line that holds no label."""
    values: dict[str, tuple[str, int]] = {}
    last = ""
    k = start
    while k < len(lines):
        text = lines[k].text.strip()
        if not text:
            break
        for field in ("from", "to", "cc"):
            found = m("label", field, text)
            if found:
                last = field
                if field not in values:
                    values[field] = (rest(found), lines[k].offset)
                break
        else:
            if m("label", "header_any", text):
                last = "other"
            elif last in ("to", "cc"):
                value, offset = values[last]
                values[last] = (f"{value} {text}".strip(), offset)
            elif last != "other":
                break
        k += 1
    return values, k


def _people(values: dict[str, tuple[str, int]]) -> tuple[list[Person], list[Person]]:
    senders = [addressee(p, "sender", values["from"][1]) for p in split_addresses(values["from"][0])] \
        if "from" in values else []
    recipients = [addressee(p, "recipient", values[f][1]) for f in ("to", "cc") if f in values
                  for p in split_addresses(values[f][0])]
    return [p for p in senders if p.name], [p for p in recipients if p.name]


def header_people(lines: list[TextLine]) -> tuple[list[Person], list[Person]]:
    """(senders, recipients) from the first e-mail header block."""
    for k, line in enumerate(lines[:_HEAD_LINES]):
        if m("label", "from", line.text):
            values, _end = _block(lines, k)
            if "to" in values or "cc" in values or len(values) == 1:
                return _people(values)
    return [], []


def _personal(person: Person) -> bool:
    """A From that names one person: a name with a known first name ("Byggesager Teknik" is a shared
    mailbox) and no shared address ("info@…")."""
    name = person_name(person.name)
    return bool(name) and is_first_name(str(name).split()[0]) \
        and not (person.email and m("label", "generic_mailbox", person.email))


def _quoted_starts(lines: list[TextLine], after: int) -> list[int]:
    """Lines that open a quoted message below the top one: a "Fra:" with its "Sendt:" just below."""
    out = []
    for k in range(after, len(lines)):
        if not m("label", "from", lines[k].text):
            continue
        below = range(k + 1, min(k + _QUOTED_REACH, len(lines)))
        if any(m("label", "sent", lines[j].text) for j in below):
            out.append(k)
    return out


def email_people(lines: list[TextLine]) -> list[Person]:
    """The top message's sender (with its signature's title and e-mail address) and recipients, To and
    Cc; the sender of each quoted message below it."""
    senders, recipients = header_people(lines)
    top = next((k for k, line in enumerate(lines[:_HEAD_LINES]) if m("label", "from", line.text)), -1)
    quoted = _quoted_starts(lines, _block(lines, top)[1] if top >= 0 else 0)
    segment = lines[: quoted[0]] if quoted else lines
    signed = signature(segment, "sender")
    if not signed and not any(_personal(p) for p in senders):
        signed = name_at_end(segment, "sender")  # a minister's answer sent from a shared mailbox
    people: list[Person] = []
    if senders:
        sender = senders[0]
        if signed and (not _personal(sender) or signed[0].name == sender.name):
            people.append(replace(signed[0], email=signed[0].email or sender.email))
            people += [p for p in signature(segment, "signer") if p.role == "caseworker"]
        else:
            people.append(sender)
    elif signed:
        people.extend(signed[:1])
    if not any(person_name(p.name) for p in recipients):
        recipients += greeted(segment)  # the To names a mailbox only; the letter in the body greets
    for n, k in enumerate(quoted):
        values, end = _block(lines, k)
        quoted_senders, _ = _people(values)
        personal = [p for p in quoted_senders if _personal(p)]
        if personal:
            people += personal[:1]
            continue
        stop = quoted[n + 1] if n + 1 < len(quoted) else len(lines)
        people += signature(lines[end:stop], "sender")[:1]
    return people + recipients
