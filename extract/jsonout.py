"""A FileResult in the JSON format of the evaluation README: {"file": ..., "documents": [...]}."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from foi.extract.model import FACT_KINDS, Document, FileResult, fact_json
from foi.extract.personal_data import mask_value

PEOPLE_FIELDS = {
    "recipient": "recipients",
    "sender": "senders",
    "signer": "signers",
    "caseworker": "caseworkers",
    "member": "members",
}


# kinds whose JSON shape the evaluation format fixes otherwise: case numbers split into own and
# cited, people into one list per role, attachments as plain names
_SHAPED = {"case_numbers", "people", "attachments"}


def _person(p: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(p).items() if v not in (None, "") and k not in ("role", "start")}


def document_json(doc: Document) -> dict[str, Any]:
    f = doc.facts
    out: dict[str, Any] = {
        "sequence": doc.sequence,
        "kind": doc.kind,
        "title": f.title,
        "municipality": f.municipality,
        "administration": f.administration,
        "committee": f.committee,
        "date": f.date,
        "inquiry_date": f.inquiry_date,
        "meeting_time": f.meeting_time,
        "meeting_place": f.meeting_place,
        "subkind": doc.subkind,
        "kind_confidence": doc.kind_confidence,
        "kind_signals": doc.kind_signals,
        "pages": [doc.page_start, doc.page_end],
        "case_numbers": [{"scheme": c.scheme, "value": c.value, "raw": c.raw} for c in f.case_numbers
                         if c.role != "cited"],
        "cited_case_numbers": [{"scheme": c.scheme, "value": c.value, "raw": c.raw} for c in f.case_numbers
                               if c.role == "cited"],
    }
    for role, key in PEOPLE_FIELDS.items():
        out[key] = [_person(p) for p in f.people if p.role == role]
    out["attachments"] = [a.name for a in f.attachments]
    for kind in FACT_KINDS:  # every other kind: its fields as declared
        if kind.json_key not in out and kind.json_key not in _SHAPED:
            out[kind.json_key] = [fact_json(fact) for fact in getattr(f, kind.attr)]
    out["text"] = doc.text
    return out


def file_json(result: FileResult, show_personal_data: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "file": result.path,
        "format": result.format,
        "pages": result.pages,
        "status": result.status,
        "documents": [document_json(d) for d in result.documents],
    }
    if result.error:
        out["error"] = result.error
    return out if show_personal_data else mask_value(out)  # type: ignore[return-value]
