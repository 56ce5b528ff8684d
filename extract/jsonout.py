"""A FileResult in the JSON format of the evaluation README: {"file": ..., "documents": [...]}."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from foi.extract.model import Document, FileResult
from foi.extract.personal_data import mask_value

PEOPLE_FIELDS = {
    "recipient": "recipients",
    "sender": "senders",
    "signer": "signers",
    "caseworker": "caseworkers",
    "member": "members",
}


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
        "pages": [doc.page_start, doc.page_end],
        "case_numbers": [{"scheme": c.scheme, "value": c.value, "raw": c.raw} for c in f.case_numbers
                         if c.role != "cited"],
        "cited_case_numbers": [{"scheme": c.scheme, "value": c.value, "raw": c.raw} for c in f.case_numbers
                               if c.role == "cited"],
    }
    for role, key in PEOPLE_FIELDS.items():
        out[key] = [_person(p) for p in f.people if p.role == role]
    out["dates"] = [{"date": d.date, "text": d.text, "role": d.role, "plausible": d.plausible} for d in f.dates]
    out["questions"] = [{"number": q.number, "text": q.text} for q in f.questions]
    out["answers"] = [{"number": a.number, "text": a.text, "refers_to": list(a.refers_to)} for a in f.answers]
    out["agenda_items"] = [
        {"number": a.number, "title": a.title, "decision": a.decision, "case_number": a.case_number}
        for a in f.agenda_items
    ]
    out["companies"] = [
        {k: v for k, v in asdict(c).items() if k not in ("start",) and v not in (None, "")} for c in f.companies
    ]
    out["organizations"] = [{"name": o.name} for o in f.organizations]
    out["attachments"] = [a.name for a in f.attachments]
    out["legal_refs"] = [{"text": r.text} for r in f.legal_refs]
    out["amounts"] = [{"value": a.value, "currency": a.currency, "text": a.text} for a in f.amounts]
    out["tables"] = [{"header": t.header, "rows": t.rows} for t in f.tables]
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
