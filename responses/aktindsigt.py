"""Access to documents (aktindsigt under offentlighedsloven): the list of a case's documents.

The aktliste is read from the store: every document filed under the case number (its own
sagsnr. or a dokumentnr. in the case), by date, with its title and document number. CPR numbers
are masked in everything the list shows, and the decision says so when any document held one.
"""

from __future__ import annotations

import sqlite_utils

from foi.extract.personal_data import holds_cpr, mask_cpr
from foi.responses.danish import format_date
from foi.responses.gather import Annex, Provenance, Section
from foi.store.listings import document_full_text
from foi.store.queries import case_documents, document_title

KIND_NAMES = {"letter": "Brev", "annex": "Bilag", "email": "E-mail", "memo": "Notat", "minutes": "Referat",
              "other": "Dokument"}


def aktliste(db: sqlite_utils.Database, cases: list[str]) -> tuple[Annex, list[Provenance], bool]:
    """The list of documents of the cases, the provenance of each row, and whether a CPR number was masked."""
    rows: list[list[str]] = []
    provenance: list[Provenance] = []
    masked = False
    seen: set[object] = set()
    for case in cases:
        for doc in case_documents(db, case):
            title = document_title(db, doc.id)
            key = doc.document_number or (doc.kind, doc.date, title)
            if doc.id in seen or key in seen:
                continue  # one document stored twice (a .txt and its .pdf) is listed once
            seen.update((doc.id, key))
            full_text = document_full_text(db, doc.id)
            masked = masked or holds_cpr(full_text) or holds_cpr(title)  # masked at rest, or kept as written
            kind = KIND_NAMES.get(doc.kind, "Dokument")
            shown = title if title.startswith(kind) else f"{kind}: {title}" if title else kind
            shown = mask_cpr(shown)
            rows.append([str(len(rows) + 1), format_date(doc.date) if doc.date else "", shown,
                         doc.document_number or ""])
            provenance.append(Provenance.of(0, f"aktliste row {len(rows)}", doc))
    annex = Annex("", ["Nr.", "Dato", "Dokument", "Dokumentnr."], rows, kind="aktliste", label="Bilag")
    return annex, provenance, masked


def decision_section(db: sqlite_utils.Database, cases: list[str]) -> Section:
    """The one section of an aktindsigt letter: the decision, its annex the aktliste."""
    annex, provenance, masked = aktliste(db, cases)
    section = Section(0, "", "aktindsigt", "decision.j2",
                      {"count": len(annex.rows), "cases": cases, "cpr_masked": masked}, provenance)
    section.annex = annex if annex.rows else None
    return section
