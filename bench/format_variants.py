#!/usr/bin/env python3
"""Do the same documents give the same facts in every format foi reads?

    .venv/bin/python bench/format_variants.py [FOLDER] [-v] [--keep DIR] [--only NAME ...]

FOLDER (default ../shared/samples/realworld) holds .txt files and the manifest.tsv that
`../shared/eval/score_manifest.py` scores. Each .txt is written, in a temporary folder, as:

  docx         one Word paragraph per line, an empty paragraph for a blank line
  docx-breaks  one Word paragraph per block, its lines parted by line breaks (Shift+Enter)
  docx-table   the letterhead lines (the short lines before the first long one) in a two-cell table
               at the top of the body, the rest as paragraphs, as Word letter templates are made
  docx-header  the same letterhead table in the first page's header (Word's "different first page")
  html         a municipality web page: <nav>, breadcrumb and <footer> debris around
               <div class="content"> with a <p> per block and <br> between its lines
  eml          the text as the text/plain body of an e-mail with From, To, Subject and Date headers
  eml-html     the text as an HTML-only e-mail body in Outlook's markup (<p class=MsoNormal> per line)
  eml-docx     a short covering e-mail with the docx-table document attached
  pdf          A4, one column flowing over pages, 10 pt, long lines wrapped (reportlab; skipped with a
               message where it is not installed)
  pdf-justified  the same with justified lines (spaces widened to fill the column)
  pdf-letter   the same with the letterhead lines in a sidebar on the first page, a running header on
               the later ones and "Side N af M" at the foot

The e-mails are sent on the document's own date (a letter goes out the day it is dated; an e-mail's
date is the date it was sent, so another day would rightly be its date).

Every variant is extracted in-process (`process_bytes` and `file_json`, what `foi extract --json`
prints) and scored with the scorer's own `score_file`, loaded by path. The table gives each format's
figures per fact kind; below it, the files whose score drops compared with their .txt, and the files
whose facts differ from the .txt's own (kind, date, case numbers, answers, signers), gold or not.
The writers are plain functions of the text, so tests/test_format_variants.py writes its letters
with them too.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_manifest.py"
FIELDS = ("case", "date", "answers", "companies", "people")

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script from anywhere
from format_writers import WRITERS, pdf_available, variants  # noqa: E402


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_manifest", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(path: Path) -> list[dict[str, Any]]:
    """What `foi extract --json PATH` prints as "documents", computed in this process."""
    from foi.extract.jsonout import file_json
    from foi.extract.process import process_file
    from foi.settings import Settings

    result = process_file(path, Settings())
    if result.status != "ok":
        print(f"  {path.name}: {result.error}", file=sys.stderr)
    documents: list[dict[str, Any]] = file_json(result)["documents"]
    return documents


def field_score(result: dict[str, Any], name: str) -> float | None:
    value = result.get(name)
    if value is None:
        return None
    if name == "case":
        tp, fp, fn = value
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    hit, total = value
    return hit / total if total else None


def own_facts(docs: Sequence[dict[str, Any]], norm: Callable[[str], str]) -> dict[str, object]:
    """The facts the contract says every format must give alike, as comparable values. An e-mail's
    own header document is left out: the other formats have no e-mail around the text."""
    docs = [d for d in docs if not (d.get("kind") == "email" and len(docs) > 1)] or list(docs)
    return {
        "kind": tuple(d.get("kind") for d in docs),
        "date": tuple(sorted({d["date"] for d in docs if d.get("date")})),
        "case": tuple(sorted({norm(c["value"]) for d in docs for k in ("case_numbers", "cited_case_numbers")
                              for c in d.get(k, [])})),
        "answers": max((len(d.get("answers", [])) for d in docs), default=0),
        "signers": tuple(sorted({norm(p["name"]) for d in docs for p in d.get("signers", [])})),
        "sent_by": {norm(p["name"]) for d in docs for k in ("signers", "senders") for p in d.get(k, [])},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, nargs="?", default=SHARED / "samples" / "realworld")
    ap.add_argument("-v", "--verbose", action="store_true", help="every miss, file by file")
    ap.add_argument("--keep", type=Path, help="write the variants here (outside the project) and keep them")
    ap.add_argument("--only", nargs="*", default=[], help="only files whose name contains one of these")
    a = ap.parse_args()
    scorer = load_scorer()
    rows = list(csv.DictReader(open(a.folder / "manifest.tsv", encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if not a.only or any(o in r["file"] for o in a.only)]
    why_no_pdf = pdf_available()
    if why_no_pdf:
        print(f"PDF variants skipped: {why_no_pdf}")
    formats = ["txt", *(f for f in WRITERS if not (why_no_pdf and f.startswith("pdf")))]
    started = time.perf_counter()
    results: dict[str, list[dict[str, Any]]] = {f: [] for f in formats}
    facts: dict[str, list[dict[str, object]]] = {f: [] for f in formats}
    with tempfile.TemporaryDirectory(prefix="foi-variants-") as tmp:
        folder = a.keep or Path(tmp)
        if folder.resolve().is_relative_to(ROOT) or folder.resolve().is_relative_to(SHARED):
            raise SystemExit("--keep must be outside the project and ../shared")
        folder.mkdir(parents=True, exist_ok=True)
        for row in rows:
            source = a.folder / row["file"]
            text = source.read_text(encoding="utf-8")
            made = {"txt": (".txt", source.read_bytes())} | variants(text, row.get("doc_date", ""), not why_no_pdf)
            for fmt in formats:
                suffix, data = made[fmt]
                path = folder / fmt / (Path(row["file"]).stem + suffix)
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                docs = extract(path)
                results[fmt].append(scorer.score_file(row, docs))
                facts[fmt].append(own_facts(docs, scorer.norm))
    report(rows, formats, results, facts, a.verbose)
    print(f"\n{len(rows)} files x {len(formats)} formats in {time.perf_counter() - started:.0f} s")
    return 0


def report(rows: list[dict[str, str]], formats: list[str], results: dict[str, list[dict[str, Any]]],
           facts: dict[str, list[dict[str, object]]], verbose: bool) -> None:
    print(f"{'format':<14}" + "".join(f"{f:>11}" for f in ("case F1", "date", "answers", "companies", "people"))
          + f"{'drops':>7}{'differ':>8}")
    for fmt in formats:
        res = results[fmt]
        tp, fp, fn = (sum(r["case"][i] for r in res) for i in range(3))
        cells = [f"{2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0:.2f}"]
        for name in FIELDS[1:]:
            hit, total = (sum(r[name][i] for r in res if name in r) for i in (0, 1))
            cells.append(f"{hit / total if total else 1.0:.2f}/{total}")
        drops = sum(1 for i in range(len(rows)) if _drops(results["txt"][i], res[i]))
        differ = sum(1 for i in range(len(rows)) if _differs(facts["txt"][i], facts[fmt][i], fmt))
        print(f"{fmt:<14}" + "".join(f"{c:>11}" for c in cells) + f"{drops:>7}{differ:>8}")
    for fmt in formats[1:]:
        lines = []
        for i, row in enumerate(rows):
            dropped = _drops(results["txt"][i], results[fmt][i])
            if dropped:
                lines.append(f"  {row['file']}: {', '.join(dropped)}")
                if verbose:
                    lines += [f"      {m}" for m in results[fmt][i]["miss"] if m not in results["txt"][i]["miss"]]
            differs = _differs(facts["txt"][i], facts[fmt][i], fmt)
            if differs and (verbose or not dropped):
                lines.append(f"  {row['file']}: differs from .txt in {', '.join(differs)}")
                if verbose:
                    lines += [f"      {k}: txt {facts['txt'][i][k]} / {fmt} {facts[fmt][i][k]}" for k in differs]
        print(f"\n{fmt}: {'nothing drops or differs' if not lines else ''}")
        print("\n".join(lines)) if lines else None


def _drops(base: dict[str, Any], other: dict[str, Any]) -> list[str]:
    out = []
    for name in FIELDS:
        a, b = field_score(base, name), field_score(other, name)
        if a is not None and b is not None and b < a - 1e-9:
            out.append(f"{name} {a:.2f}->{b:.2f}")
    return out


def _differs(base: dict[str, object], other: dict[str, object], fmt: str) -> list[str]:
    """The facts that differ. An e-mail is of kind email whatever its body, its date is the date it was
    sent where the text has none, and the name it is signed with is its sender: for e-mails, kind is
    not compared, the date only where the text has one, and a signer is found as signer or sender."""
    skip = {"sent_by"}
    if fmt.startswith("eml"):
        skip |= {"kind"} | ({"date"} if not base["date"] else set())
        if set(base["signers"]) <= other["sent_by"]:  # type: ignore[operator, call-overload]
            skip.add("signers")
    return [key for key in base if key not in skip and base[key] != other[key]]


if __name__ == "__main__":
    sys.exit(main())
