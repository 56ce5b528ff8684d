"""A hostile corpus through the real `foi` command: broken, encrypted, huge and scanned PDFs, a zip
bomb, bad encodings, odd names, a FIFO, a symlink loop, hostile e-mails and HTML, beside good files.

The batch must finish with exit 0 and no traceback, store every good file, give every bad file an
error row with a one-line reason, and `foi extract --json` must end on each file within its limit
with valid JSON.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
HOSTILE_PDFS = SHARED / "hostile-fixtures"
FOI = [sys.executable, "-c", "from foi.cli import main; main()"]
LETTER = (
    "Københavns Kommune\nSagsnr. 2019-0012345\n\nKære Anne Hansen\n\nSvar på dit spørgsmål af 3. marts 2019.\n\n"
    "Ad 1\nForvaltningen har bevilget 350.000 kr. til projektet.\n\nMed venlig hilsen\n\nPeter Jensen\n"
)


def _scanned_pdf() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(buf, format="PDF")
    return buf.getvalue()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(700):  # 700 MB of spaces, about 700 KB packed
                member.write(chunk)
    return buf.getvalue()


def _nested_email(depth: int) -> bytes:
    boundary = [f"b{i}" for i in range(depth)]
    head = "From: a@kk.dk\nTo: b@kk.dk\nSubject: dybt\nMIME-Version: 1.0\n"
    parts = [f'Content-Type: multipart/mixed; boundary="{boundary[0]}"\n\n']
    for i in range(1, depth):
        parts.append(f'--{boundary[i - 1]}\nContent-Type: multipart/mixed; boundary="{boundary[i]}"\n\n')
    parts.append(f"--{boundary[-1]}\nContent-Type: text/plain\n\nHej\n")
    return (head + "".join(parts)).encode()


def _html_email() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Anne Hansen <anne@kk.dk>"
    msg["To"] = "borger@example.dk"
    msg["Subject"] = "Svar på aktindsigt"
    msg.set_content("Se vedhæftede.")
    msg.add_alternative("<html><body><p>Se <b>vedhæftede</b>.</p></body></html>", subtype="html")
    msg.add_attachment(LETTER.encode(), maintype="text", subtype="plain", filename="svar.txt")
    return bytes(msg)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], set[str]]:
    """The corpus folder, the names that must be stored and the names that must fail."""
    root = tmp_path_factory.mktemp("hostile")
    good = {
        "brev.txt": LETTER.encode(),
        "brev_cp1252.txt": LETTER.encode("cp1252"),
        "brev_utf16.txt": LETTER.encode("utf-16"),
        "brev_mac.txt": LETTER.encode("mac_roman"),
        "mail_html.eml": _html_email(),
        "dyb.html": ("<html><body>" + "<div>" * 20000 + "Sagsnr. 2019-0012345" + "</div>" * 20000
                     + "</body></html>").encode(),
        "mail_dyb.eml": _nested_email(3000),
    }
    bad = {
        "tom.txt": b"",
        "scannet.pdf": _scanned_pdf(),
        "bombe.docx": _zip_bomb(),
        "ikke_en.pdf": b"hello",
        "stor.txt": b"a " * (3 * 1024 * 1024),  # over the --max-size of 2M given below
    }
    for name, data in {**good, **bad}.items():
        (root / name).write_bytes(data)
    odd = os.path.join(os.fsencode(str(root)), b"rapport_\xe6\xf8.txt")
    with open(odd, "wb") as handle:
        handle.write(LETTER.encode())
    (root / "linje\nskift.txt").write_text(LETTER, "utf-8")
    good |= {os.fsdecode(b"rapport_\xe6\xf8.txt"): b"", "linje\nskift.txt": b""}
    if HOSTILE_PDFS.is_dir():
        pdfs = root / "pdfs"
        pdfs.mkdir()
        for pdf in HOSTILE_PDFS.glob("*.pdf"):
            shutil.copy(pdf, pdfs / pdf.name)
    os.mkfifo(root / "roer.txt")
    (root / "loop").symlink_to(root)
    (root / "brudt.txt").symlink_to(root / "findes_ikke.txt")
    return root, set(good), set(bad) | {"roer.txt"}


def _run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*FOI, *args], capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)


def test_the_batch_finishes_and_every_file_has_a_state(hostile: tuple[Path, set[str], set[str]],
                                                       tmp_path: Path) -> None:
    root, good, bad = hostile
    db = tmp_path / "h.db"
    done = _run("extract", str(root), "--db", str(db), "--timeout", "60", "--max-size", "2M", "--workers", "2")
    stderr = done.stderr.decode("utf-8")  # valid UTF-8, even for names that are not
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr and "Error:" not in stderr
    rows = sqlite3.connect(db).execute("select path_bytes, status, error from files").fetchall()
    states = {os.fsdecode(bytes(p)).rsplit("/", 1)[-1]: (s, e) for p, s, e in rows
              if b"/pdfs/" not in bytes(p)}
    for name in good:
        assert states.get(name, ("missing",))[0] == "ok", (name, states.get(name))
    for name in bad - {"roer.txt"}:
        status, error = states[name]
        assert status == "error" and error and "\n" not in error, (name, error)
    assert "roer.txt" in stderr and "loop" in stderr  # reported, not read and not silently skipped
    if HOSTILE_PDFS.is_dir():
        pdf_rows = [(s, e) for p, s, e in rows if b"/pdfs/" in bytes(p)]
        assert len(pdf_rows) == len(list(HOSTILE_PDFS.glob("*.pdf")))
        assert all(s == "ok" or (e and "\n" not in e and "Traceback" not in e) for s, e in pdf_rows)
    assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)


def test_json_on_each_file_ends_in_time_with_valid_json(hostile: tuple[Path, set[str], set[str]]) -> None:
    root, good, bad = hostile
    for name in sorted(good | bad - {"roer.txt"}):
        done = _run("extract", "--json", str(root / name), "--timeout", "30", "--max-size", "2M", timeout=120)
        out = json.loads(done.stdout.decode("utf-8"))
        assert out["status"] == ("ok" if name in good else "error"), (name, out.get("error"))
        assert b"Traceback" not in done.stderr
        assert len(done.stderr.decode("utf-8").strip().splitlines()) <= 1
