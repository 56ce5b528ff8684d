"""Scanned PDFs: a PDF without a text layer is reported as needing OCR, and `foi extract --ocr` reads
it through ocrmypdf and Tesseract's Danish model.

The scans are made here: Danish sentences drawn into images with Pillow and saved as PDF pages, so
no page has a text layer. The OCR test needs Tesseract with its Danish model and ocrmypdf; as root it
runs tests/ocr/install.sh (Debian packages, pip) first, and without them afterwards it is skipped.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import reportlab
from click.testing import CliRunner
from conftest import install_if_missing
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from foi.cli import main

INSTALL = Path(__file__).resolve().parent / "ocr" / "install.sh"
NOT_INSTALLED = "OCR is not installed: run tests/ocr/install.sh or apt-get install tesseract-ocr tesseract-ocr-dan"
LETTER = ["Kære Søren Ærø", "Forvaltningen på Åboulevarden svarer", "på spørgsmålet om skolens økonomi.",
          "Med venlig hilsen", "Økonomiforvaltningen"]
DPI = 200


def scanned_page(lines: list[str]) -> Image.Image:
    """An A4 page at 200 dpi with the lines drawn in 14 pt type, as a scanner would give it."""
    font = ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"), 40)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((150, 200 + i * 70), line, font=font, fill=0)
    return page


def write_scan(path: Path, pages: list[list[str]]) -> Path:
    images = [scanned_page(lines) for lines in pages]
    images[0].save(path, "PDF", resolution=float(DPI), save_all=True, append_images=images[1:])
    return path


def write_mixed(path: Path) -> Path:
    """Page 1 with a text layer, page 2 only a scanned image."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 760, "Kære Søren Ærø")
    pdf.drawString(72, 740, "Forvaltningen svarer på spørgsmålet om mentorstøtte.")
    pdf.showPage()
    pdf.drawImage(ImageReader(scanned_page(["Bilag 1", "Økonomiforvaltningen"])), 0, 0, *A4)
    pdf.showPage()
    pdf.save()
    return path


def file_rows(db: Path) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as con:
        return {Path(p).name: (s, e) for p, s, e in con.execute("SELECT path, status, error FROM files")}


def document_text(db: Path, name: str) -> str:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT d.full_text FROM documents d JOIN files f ON f.id = d.file_id WHERE f.path LIKE ?",
                           (f"%{name}",)).fetchall()
    return "\n".join(text for (text,) in rows)


def test_a_scan_is_reported_as_needing_ocr(tmp_path: Path) -> None:
    scan = write_scan(tmp_path / "scan.pdf", [LETTER[:3], LETTER[3:]])
    result = CliRunner().invoke(main, ["extract", "--json", str(scan)])
    assert result.exit_code == 1
    reason = "needs OCR: 2 pages without a text layer (run with --ocr)"
    assert json.loads(result.stdout)["error"] == reason
    assert result.stderr.strip() == f"{scan}: {reason}"

    db = tmp_path / "foi.db"
    batch = CliRunner().invoke(main, ["extract", str(tmp_path), "--db", str(db), "--workers", "1"])
    assert batch.exit_code == 1, batch.output  # nothing could be read
    assert file_rows(db) == {"scan.pdf": ("error", reason)}
    assert f"scan.pdf: {reason}" in batch.stderr and "Traceback" not in batch.stderr


def test_a_pdf_with_some_text_pages_keeps_its_text(tmp_path: Path) -> None:
    mixed = write_mixed(tmp_path / "mixed.pdf")
    result = CliRunner().invoke(main, ["extract", "--json", str(mixed)])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert facts["status"] == "ok" and facts["pages"] == 2
    assert "mentorstøtte" in json.dumps(facts, ensure_ascii=False)


def test_ocr_asked_where_it_is_not_installed_is_one_line(tmp_path: Path) -> None:
    """A real `foi` process whose PATH holds no tesseract: a one-line reason, no traceback."""
    scan = write_scan(tmp_path / "scan.pdf", [LETTER])
    empty = tmp_path / "bin"
    empty.mkdir()
    done = subprocess.run([sys.executable, "-c", "from foi.cli import main; main()", "extract", "--ocr", "--json",
                           str(scan)], env={**os.environ, "PATH": str(empty)}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"] == NOT_INSTALLED
    assert done.stderr.strip() == f"{scan}: {NOT_INSTALLED}"


def _ocr_missing() -> str | None:
    from foi.extract import ocr

    ocr.has_danish_model.cache_clear()
    ocr.ocrmypdf_command.cache_clear()
    return ocr.missing()


@pytest.fixture(scope="module")
def ocr_installed() -> Iterator[None]:
    missing = install_if_missing(_ocr_missing, INSTALL)
    if missing:
        pytest.skip(f"OCR is not installed: run `bash tests/ocr/install.sh` as root (missing: {missing})")
    yield


@pytest.mark.usefixtures("ocr_installed")
def test_ocr_reads_a_danish_scan(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    write_scan(folder / "scan.pdf", [LETTER])
    db = tmp_path / "foi.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db), "--workers", "1", "--ocr"])
    assert result.exit_code == 0, result.output
    assert file_rows(db) == {"scan.pdf": ("ok", None)}
    text = document_text(db, "scan.pdf")
    for word in ("Søren", "Ærø", "Åboulevarden", "spørgsmålet", "økonomi", "Økonomiforvaltningen"):
        assert word in text, f"{word!r} not recognised in {text!r}"
