"""A draft answer from an inquiry, the store and a profile: the letter's values, rendered by the templates.

    draft = build_draft("henvendelse.eml", db, DraftOptions(profile="koebenhavn-bif", sagsnr="2024-0012345"))
    warnings = check_draft(draft, db)            # foi.responses.consistency
    write_draft(draft, Path("svar.docx"), markdown=True)

Two families: "answer" (the questions numbered, "Ad N:" sections drafted by the rules in
`gather`) and "aktindsigt" (access to documents granted, with the aktliste from the store).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from foi.errors import OutputExists
from foi.responses.aktindsigt import decision_section
from foi.responses.askers import join_names
from foi.responses.danish import format_date
from foi.responses.gather import Annex, Provenance, Section, gather
from foi.responses.inquiry import Inquiry, read_inquiry
from foi.responses.profiles import Profile, disagreement, infer_profile, load_profile
from foi.responses.render import Templates
from foi.responses.topic import in_sentence, subject_topic
from foi.settings import Settings

FAMILIES = ("answer", "aktindsigt")
# The subject's lead ("Spørgsmål om …", "Svar på spørgsmål om …", "§20-spørgsmål om …") is taken off by
# responses/topic.py (SUBJECT_LEAD, subject_topic) before the subject stands in "… vedrørende <subject>".


@dataclass
class DraftOptions:
    profile: str | None = None  # None: inferred from the inquiry's addressee (or the generic profile)
    family: str = "answer"
    sagsnr: str | None = None
    dokumentnr: str | None = None
    date: str | None = None  # YYYY-MM-DD; today when not given
    template: Path | None = None
    cases: tuple[str, ...] = ()  # aktindsigt: the cases asked about (default: those the inquiry names)


@dataclass
class Draft:
    family: str
    profile: Profile
    inquiry: Inquiry
    date: str
    sagsnr: str | None
    dokumentnr: str | None
    templates: Templates
    title: str = ""
    intro: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the secretary must fill in
    profile_reason: str = ""  # which profile and why, for the one line on stderr
    warnings: list[str] = field(default_factory=list)  # found while drafting (the addressee is not the profile's)

    @property
    def provenance(self) -> list[Provenance]:
        return [p for s in self.sections for p in s.provenance]

    def context(self) -> dict[str, Any]:
        """Everything the layouts (Word and Markdown) may use: plain strings, numbers and lists."""
        base = self._base()
        base.update(
            title=self.title,
            intro=self.intro,
            questions=[{"number": q.number, "text": q.text, "line": f"{q.number}. {q.text}"}
                       for q in (self.inquiry.questions if self.family == "answer" else [])],
            answers_heading=self.profile.heading if self.family == "answer" else "",
            sections=[{"number": s.number, "question": s.question, "rule": s.rule, "paragraphs": s.paragraphs,
                       "heading": f"Ad {s.number}: {s.question}" if s.question else ""} for s in self.sections],
            closing=self.closing,
            annexes=[{"label": a.label, "title": a.title, "line": f"{a.label}: {a.title}", "header": a.header,
                      "rows": a.rows} for a in self.annexes],
        )
        return base

    def _base(self) -> dict[str, Any]:
        subject = subject_topic(self.inquiry.subject)
        if subject:
            subject = in_sentence(subject.rstrip("."), self.inquiry.text)
            if self.family == "aktindsigt" and "aktindsigt" in subject.lower():
                subject = None
        names = self.inquiry.sender_names or [n for n in [self.inquiry.sender_name] if n]
        return {
            "profile": self.profile.as_dict(),
            # every asker, joined as a letter greets them: "Lise Brandt og Peter Holm", "A, B og C"
            "recipient": {"name": join_names(names) if names else "[INDSÆT NAVN]", "names": names,
                          "several": len(names) > 1, "email": self.inquiry.sender_email or ""},
            "date": self.date,
            "date_text": format_date(self.date),
            "sagsnr": self.sagsnr or "[INDSÆT SAGSNR.]",
            "dokumentnr": self.dokumentnr or "[INDSÆT DOKUMENTNR.]",
            "inquiry_date": format_date(self.inquiry.date),
            "subject": subject or "",
        }

    def markdown(self) -> str:
        return self.templates.markdown(self.context())

    def docx(self) -> bytes:
        return self.templates.docx(self.context())


def build_draft(inquiry_path: str | Path, db: sqlite_utils.Database, options: DraftOptions,
                settings: Settings | None = None) -> Draft:
    settings = settings or Settings()
    templates = Templates(options.family, settings, options.template)
    inquiry = read_inquiry(inquiry_path, settings, require_questions=options.family == "answer")
    warnings: list[str] = []
    if options.profile:
        profile = load_profile(options.profile, settings)
        reason = f"{profile.name} (--profile)"
        warnings += [w for w in [disagreement(profile, inquiry.addressee)] if w]
    else:
        profile, reason = infer_profile(inquiry.addressee, settings)
    draft = Draft(options.family, profile, inquiry, options.date or dt.date.today().isoformat(),
                  options.sagsnr, options.dokumentnr, templates, profile_reason=reason, warnings=warnings)
    if options.family == "answer":
        draft.sections = gather(db, inquiry.questions, profile)
    else:
        cases = list(options.cases) or inquiry.case_numbers
        draft.sections = [decision_section(db, cases)]
        draft.title = templates.text("title.j2", draft._base())
    _render(draft)
    _notes(draft)
    return draft


def _render(draft: Draft) -> None:
    base = draft._base()
    base["questions"] = [{"number": q.number, "text": q.text} for q in draft.inquiry.questions]
    with_annex = [s for s in draft.sections if s.annex is not None]
    for n, section in enumerate(with_annex, start=1):
        assert section.annex is not None
        section.annex.label = "Bilag" if len(with_annex) == 1 else f"Bilag {n}"
    for section in draft.sections:
        values = {**base, **section.values, "number": section.number, "question": section.question,
                  "annex_label": section.annex.label if section.annex else ""}
        section.paragraphs = draft.templates.paragraphs(section.part, values)
        if section.annex is not None:
            title_part = "annex_companies.j2" if section.annex.kind == "companies" else "annex_aktliste.j2"
            section.annex.title = draft.templates.text(title_part, values)
            draft.annexes.append(section.annex)
    draft.intro = draft.templates.paragraphs("intro.j2", {**base, "cases": _cases(draft)})
    draft.closing = draft.templates.paragraphs("closing.j2", base)


def _cases(draft: Draft) -> list[str]:
    for section in draft.sections:
        if section.rule == "aktindsigt":
            return list(section.values.get("cases", []))
    return []


def _notes(draft: Draft) -> None:
    i = draft.inquiry
    for value, what in ((i.sender_name, "the sender's name"), (i.date, "the date of the inquiry"),
                        (draft.sagsnr, "the case number (--sagsnr)"), (draft.dokumentnr, "the document number "
                                                                        "(--dokumentnr)")):
        if not value:
            draft.notes.append(f"{what} is not known: the draft has a placeholder")
    for s in draft.sections:
        if s.rule == "placeholder":
            draft.notes.append(f"Ad {s.number}: nothing relevant stored; the answer is a placeholder")


def output_paths(out: Path, markdown: bool) -> list[Path]:
    return [out] + ([out.with_suffix(".md")] if markdown else [])


def write_draft(draft: Draft, out: Path, markdown: bool = False, force: bool = False) -> list[Path]:
    """Write the .docx (and the .md beside it); OutputExists unless --force. Returns the paths written."""
    paths = output_paths(out, markdown)
    for path in paths:
        if path.exists() and not force:
            raise OutputExists(str(path))
    contents = [draft.docx()] + ([draft.markdown().encode("utf-8")] if markdown else [])
    for path, data in zip(paths, contents, strict=True):
        _write_atomic(path, data)
    return paths


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
