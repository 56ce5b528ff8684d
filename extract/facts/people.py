"""People named in a document and the role each plays there.

recipient  the letter's address block ("Til" + name + e-mail), else the greeting ("Kære Anna");
           an e-mail's "Til:"/"To:" and "Cc:" headers, as written
sender     an e-mail's "Fra:"/"From:" (the signature's name when the From is a shared mailbox), and
           the senders of the messages quoted below it; whoever asked the question an answer answers
           ("Spørgsmål fra …", "stillet af …", "efter ønske fra … (DF)", "Klagere: …")
signer     the name under a letter's or memo's closing ("Med venlig hilsen"), with the title below it;
           every name of a signature grid; a minister's name alone at the end of an answer
caseworker the name after a "Sagsbehandler"/"Sekretær" label or "sagsbehandler" in a sentence; the
           official whose name stands under a minister's
member     in minutes: the members listed ("Medlemmer:", "Til stede …", "Fraværende: …"), the chair
           (title "formand"), and the members named in what was recorded ("… deltog ikke i sagens
           behandling", "… var fraværende", "i stedet for …"); board members of a ruling

Each finder lives in the module named by what it reads: people_signatures (letters), people_email,
people_minutes, people_cues (running text); people_names decides what a name is.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from foi.extract.facts.context import ASSIGNS, document_of, facts_of, line_offsets
from foi.extract.facts.people_cues import cue_people
from foi.extract.facts.people_email import email_people, header_people
from foi.extract.facts.people_minutes import members
from foi.extract.facts.people_names import person_name, titled_name
from foi.extract.facts.people_signatures import (
    TextLine,
    caseworkers,
    greeted,
    name_at_end,
    recipients_block,
    signature,
)
from foi.extract.model import Person

__all__ = ["find_people", "person_name", "titled_name"]


def _unique(people: list[Person]) -> list[Person]:
    """One entry per role and name; a later mention adds what an earlier one lacked."""
    merged: dict[tuple[str, str], Person] = {}
    for p in people:
        key = (p.role, p.name.casefold())
        if key in merged:
            old = merged[key]
            merged[key] = Person(old.name, old.role, old.title or p.title, old.email or p.email,
                                 old.party or p.party, old.start)
        else:
            merged[key] = p
    return list(merged.values())


def people_of(lines: list[TextLine], kind: str, has_agenda: bool) -> list[Person]:
    """Everyone named in a document of `kind`, by role, in the order found."""
    people: list[Person] = []
    if kind == "email":
        people += email_people(lines)
    elif kind == "minutes" or has_agenda:
        people += members(lines)
    else:
        senders, _ = header_people(lines)
        people += [p for p in senders if person_name(p.name)]
        people += recipients_block(lines) or greeted(lines)
        signed = signature(lines, "signer")
        people += signed or (name_at_end(lines, "signer") if kind != "annex" else [])
    people += caseworkers(lines)
    people += cue_people([(line.offset, line.text) for line in lines])
    return _unique(people)


@Language.component("people", assigns=ASSIGNS)
def find_people(doc: Doc) -> Doc:
    document = document_of(doc)
    lines = [TextLine(offset, text) for offset, text, _role in line_offsets(doc)]
    people = people_of(lines, document.kind, bool(facts_of(doc).agenda_items))
    facts_of(doc).people.extend(people)
    spans = []
    for p in people:
        if p.start >= 0:
            at = doc.text.find(p.name, p.start)
            if at >= 0:
                span = doc.char_span(at, at + len(p.name), alignment_mode="expand")
                if span is not None:
                    spans.append(span)
    doc.spans["people"] = spans
    return doc
