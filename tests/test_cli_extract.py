"""`foi extract` through click's CliRunner on real files and a real database."""

from __future__ import annotations

import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from foi.cli import main

DANISH = (
    "Kære Søren\n\nTak for din henvendelse af 3. oktober 2018 om mentorstøtte på Ærø.\n\n"
    "Med venlig hilsen\n\nJens Ågård\n"
)


def _pdf_bytes(text: str, **kwargs: object) -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    c = canvas.Canvas(buffer, **kwargs)  # type: ignore[arg-type]
    y = 800
    for line in text.splitlines():
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.fixture
def messy_folder(tmp_path: Path, corpus_dir: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(corpus_dir / "001_8c8c1811718375a8.txt", folder / "good_letter.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(bytes((i * 7919) % 256 for i in range(4000)))
    good_pdf = _pdf_bytes("Notat om mentorstøtte\n\n12. oktober 2018\n\nDer er bevilget mentorstøtte.")
    (folder / "good.pdf").write_bytes(good_pdf)
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    encrypted = _pdf_bytes("Hemmeligt notat", encrypt=StandardEncryption("secret", canPrint=0))
    (folder / "encrypted.pdf").write_bytes(encrypted)
    (folder / "cp1252.txt").write_bytes(DANISH.encode("cp1252"))
    (folder / "utf16.txt").write_bytes(DANISH.encode("utf-16"))
    mail = EmailMessage()
    mail["From"] = "Pia Jacobsen <pia@kk.dk>"
    mail["To"] = "Borgmesteren <borgmester@kk.dk>"
    mail["Subject"] = "Notat om mentorstøtte"
    mail["Date"] = "Tue, 06 Oct 2015 17:31:00 +0200"
    mail.set_content("Kære borgmester\n\nHermed notatet som aftalt.\n\nVenlig hilsen\nPia Jacobsen\n")
    mail.add_attachment(good_pdf, maintype="application", subtype="pdf", filename="notat.pdf")
    (folder / "mail_with_pdf.eml").write_bytes(bytes(mail))
    return folder


def test_bad_files_get_error_rows_and_the_batch_goes_on(messy_folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "foi.db"
    result = CliRunner().invoke(main, ["extract", str(messy_folder), "--db", str(db_path), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    db = sqlite_utils.Database(db_path)
    status = {Path(r["path"]).name: (r["status"], r["error"]) for r in db.query("select * from files")}
    for good in ("good_letter.txt", "good.pdf", "cp1252.txt", "utf16.txt", "mail_with_pdf.eml"):
        assert status[good][0] == "ok", (good, status[good])
    for bad in ("empty.txt", "random.pdf", "truncated.pdf", "encrypted.pdf"):
        assert status[bad][0] == "error", bad
        message = [line for line in result.output.splitlines() if line.startswith(str(messy_folder / bad))]
        assert len(message) == 1 and status[bad][1] in message[0], (bad, result.output)
    assert "encrypted" in status["encrypted.pdf"][1]
    rows = db.query("select f.path, d.text from documents d join files f on f.id = d.file_id")
    texts = {r["path"]: r["text"] for r in rows}
    assert "Ærø" in texts[str(messy_folder / "cp1252.txt")]
    assert "Ærø" in texts[str(messy_folder / "utf16.txt")]
    mail_docs = list(db.query("select d.kind, d.text from documents d join files f on f.id = d.file_id "
                              "where f.path like '%mail_with_pdf.eml' order by d.sequence"))
    assert mail_docs[0]["kind"] == "email"
    assert any("Der er bevilget mentorstøtte" in d["text"] for d in mail_docs[1:]), mail_docs


def test_a_file_that_failed_is_tried_again_and_unchanged_good_files_are_not(messy_folder: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "foi.db"
    CliRunner().invoke(main, ["extract", str(messy_folder), "--db", str(db_path)])
    again = CliRunner().invoke(main, ["extract", str(messy_folder), "--db", str(db_path)])
    rows = [line.split() for line in again.stderr.splitlines() if line.startswith("  ")]
    summary = {row[0]: row[1] for row in rows if row[1].isdigit()}  # this run's column
    assert (summary["stored"], summary["unchanged"], summary["failed"]) == ("0", "5", "4")
    assert f"{messy_folder / 'encrypted.pdf'}: " in again.output


def test_strict_fails_the_run_when_a_file_failed(messy_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(messy_folder), "--db", str(tmp_path / "x.db"), "--strict", "-q"])
    assert result.exit_code == 1


def test_rerun_skips_unchanged_and_reextracts_only_a_changed_file(tmp_path: Path, corpus_dir: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(corpus_dir, folder, ignore=shutil.ignore_patterns("*.py"))
    db_path = tmp_path / "foi.db"
    runner = CliRunner()
    first = runner.invoke(main, ["extract", str(folder), "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    db = sqlite_utils.Database(db_path)
    n_files = db["files"].count
    before = {r["path"]: r["extracted_at"] + r["sha256"] for r in db.query("select * from files")}
    doc_ids = {r["id"] for r in db.query("select id from documents")}

    second = runner.invoke(main, ["extract", str(folder), "--db", str(db_path)])
    assert "unchanged" in second.output and f"{n_files}" in second.output
    assert {r["id"] for r in db.query("select id from documents")} == doc_ids

    forced = runner.invoke(main, ["extract", str(folder), "--db", str(db_path), "--force"])
    assert forced.exit_code == 0 and f"stored {n_files}" in " ".join(forced.output.split())
    before = {r["path"]: r["extracted_at"] + r["sha256"] for r in db.query("select * from files")}

    changed = folder / "003_5eca514296d22fd1.txt"
    changed.write_text(changed.read_text("utf-8") + "\nEt nyt afsnit om virksomhedsmentorer.\n", "utf-8")
    third = runner.invoke(main, ["extract", str(folder), "--db", str(db_path)])
    assert third.exit_code == 0
    after = {r["path"]: r["extracted_at"] + r["sha256"] for r in db.query("select * from files")}
    differing = [p for p in after if after[p] != before[p]]
    assert differing == [str(changed)]
    assert len(list(db.query("select rowid from documents_fts where documents_fts match 'nyt afsnit'"))) == 1


def test_json_prints_one_file_and_writes_no_database(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", "--json", str(corpus_dir / "000_20e448a58bbb3448.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["kind"] for d in data["documents"]] == ["letter", "annex"]
    assert not list(tmp_path.iterdir())


def test_json_on_a_broken_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    result = CliRunner().invoke(main, ["extract", "--json", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{bad}:" in result.output


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_every_command_has_help_with_an_example() -> None:
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in (command.help or ""), f"foi {name} --help has no example"


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path: Path, corpus_dir: Path) -> None:
    db = tmp_path / "foi.db"
    CliRunner().invoke(main, ["extract", str(corpus_dir / "003_5eca514296d22fd1.txt"), "--db", str(db)])
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(blocker / "export")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith(f"Error: {blocker / 'export'}")


def test_a_run_where_nothing_could_be_read_exits_with_1(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"oops")
    (folder / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert f"{folder / 'a.pdf'}: not a PDF: the file has no %PDF header" in result.output
    assert f"{folder / 'b.txt'}: the file is empty" in result.output


def test_a_cpr_number_in_a_file_name_is_masked_in_messages(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "aktindsigt_070761-4285.pdf").write_bytes(b"not a pdf")
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(tmp_path / "x.db")])
    assert "070761-4285" not in result.output and "aktindsigt_XXXXXX-XXXX.pdf: not a PDF" in result.output
    shown = CliRunner().invoke(main, ["extract", str(folder), "--db", str(tmp_path / "x.db"), "--show-personal-data"])
    assert "aktindsigt_070761-4285.pdf: not a PDF" in shown.output
