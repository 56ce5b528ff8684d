"""Extraction speed: figures and ratios, printed, never asserted (machines here are shared and noisy).

    python benchmarks/extract_speed.py [FILES OR FOLDERS ...]   (default: corpus/)

Prints, per PDF, the time of pdfplumber's word extraction against pypdfium2's text layer for the
same pages and how alike their raw texts are; then `process_file` per PDF with each engine
(`Settings.pdf_engine`); then the end-to-end time of `process_file` per file and of a bulk
`extract_paths` run with 1 and 2 workers.
"""

from __future__ import annotations

import difflib
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _best_of(repeat: int, fn):  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def pdf_layers(path: Path, repeat: int = 3) -> None:
    import pdfplumber
    import pypdfium2

    def plumber() -> list[str]:
        with pdfplumber.open(path) as pdf:
            return [" ".join(w["text"] for w in page.extract_words()) for page in pdf.pages]

    def pdfium() -> list[str]:
        doc = pypdfium2.PdfDocument(str(path))
        try:
            return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
        finally:
            doc.close()

    t_plumber, a = _best_of(repeat, plumber)
    t_pdfium, b = _best_of(repeat, pdfium)
    same = [difflib.SequenceMatcher(None, _words(x), _words(y)).ratio() for x, y in zip(a, b, strict=False)]
    print(
        f"{path.name:<32} pages {len(a):>3}  pdfplumber {t_plumber * 1000:8.1f} ms  pypdfium2 {t_pdfium * 1000:7.1f} ms"
        f"  ratio {t_plumber / max(t_pdfium, 1e-9):6.1f}x  same words {statistics.mean(same or [0]):.3f}"
    )


def engines(pdfs: list[Path]) -> None:
    """`process_file` on each PDF with pdf_engine "pdfplumber" and "auto" (pypdfium2 where it serves)."""
    from foi.extract.process import process_file
    from foi.extract.readers.pdf import fast_layouts
    from foi.settings import Settings

    for path in pdfs:
        careful, _ = _best_of(3, lambda p=path: process_file(p, Settings(pdf_engine="pdfplumber")))
        fast, _ = _best_of(3, lambda p=path: process_file(p, Settings(pdf_engine="auto")))
        served = "pypdfium2" if fast_layouts(path.read_bytes()) is not None else "pdfplumber (ruled table)"
        print(f"{path.name:<32} pdfplumber {careful * 1000:7.1f} ms  auto {fast * 1000:7.1f} ms"
              f"  ratio {careful / max(fast, 1e-9):4.1f}x  auto used {served}")


def end_to_end(paths: list[Path]) -> None:
    from foi.extract.facts.pipeline import load_pipeline
    from foi.extract.process import process_file
    from foi.settings import Settings

    settings = Settings()
    load_pipeline(settings.pipeline)
    total_pages = 0
    total_time = 0.0
    for path in paths:
        seconds, result = _best_of(3, lambda p=path: process_file(p, settings))
        total_pages += result.pages
        total_time += seconds
        print(f"{path.name:<32} {result.format or '-':<5} pages {result.pages:>3}  docs {len(result.documents):>2}"
              f"  {seconds * 1000:8.1f} ms  {result.status}")
    print(f"{'all files':<32} pages {total_pages:>3}  {total_time:.2f} s  "
          f"{total_pages / max(total_time, 1e-9):.1f} pages/s  {len(paths) / max(total_time, 1e-9):.1f} files/s")


def bulk(paths: list[Path]) -> None:
    from foi.extract.batch import extract_paths
    from foi.settings import Settings

    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            summary = extract_paths(list(paths), Settings(db_path=Path(tmp) / "bench.db", workers=workers))
            seconds = time.perf_counter() - start
        print(f"bulk extract, {workers} worker(s): {summary.stored} files, {summary.pages} pages in {seconds:.2f} s"
              f" = {summary.stored / seconds:.1f} files/s (includes start-up)")


def main(argv: list[str]) -> None:
    from foi.extract.batch import find_files, wanted

    roots = [Path(a) for a in argv] or [ROOT / "corpus"]
    paths = [f.path for f in find_files(roots) if f.problem is None and wanted(f.path, False)]
    pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
    print("== PDF text layers (best of 3)")
    for pdf in pdfs:
        pdf_layers(pdf)
    print("\n== process_file on PDFs by engine (best of 3)")
    engines(pdfs)
    print("\n== process_file, end to end, default settings (best of 3)")
    end_to_end(paths)
    print("\n== bulk")
    bulk(paths)


if __name__ == "__main__":
    main(sys.argv[1:])
