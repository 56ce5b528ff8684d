"""Hostile input to the readers: deep nesting, zip bombs, mislabelled e-mails, old Mac text.

Each file is built here with the library that writes its format (email, zipfile, python-docx) and
read through the public reader entry point; a bad file must give one clear line, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from extract_msg.ole_writer import OleWriter

from foi.cli import main
from foi.errors import UnreadableFile
from foi.extract.model import ReadResult
from foi.extract.process import process_bytes
from foi.extract.readers import read_bytes, sniff
from foi.extract.readers.docx_package import check_package
from foi.extract.readers.eml import MAX_NESTING
from foi.extract.readers.html_tree import MAX_DEPTH, defuse
from foi.extract.readers.txt import decode
from foi.settings import Settings

SETTINGS = Settings()


def _texts(result: ReadResult) -> list[str]:
    return [line.text for line in result.lines]


def _filled(result: ReadResult) -> list[str]:
    return [line.text for line in result.lines if line.text.strip()]


# -- HTML nested deeper than Python's recursion limit ------------------------------------------------
@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deeply_nested_html_is_read(depth: int) -> None:
    page = ("<html><body><p>Øverst på siden</p>" + "<div>" * depth + "Dybt nede" + "</div>" * depth
            + "<p>Efter det hele</p></body></html>")
    texts = _texts(read_bytes(page.encode("utf-8"), "dyb.html", SETTINGS))
    assert texts == ["Øverst på siden", "", "Dybt nede", "", "Efter det hele"]


def test_html_past_the_depth_limit_keeps_its_lines() -> None:
    depth = 3 * MAX_DEPTH
    page = "".join(f"<div>Linje {i}" for i in range(depth)) + "</div>" * depth
    texts = _texts(read_bytes(page.encode("utf-8"), "dyb.html", SETTINGS))
    assert texts == [f"Linje {i}" for i in range(depth)]


def test_unclosed_list_items_and_cells_are_read_once() -> None:
    # html.parser nests an unclosed <li> or <td> in the one before: each must still come out once
    items = "<ul>" + "".join(f"<li>Punkt {i}" for i in range(400)) + "</ul>"
    assert _texts(read_bytes(items.encode(), "liste.html", SETTINGS)) == [f"• Punkt {i}" for i in range(400)]
    table = "<table><tr><td>Navn<td>Beløb</tr><tr><td>Fakta<td>350.000 kr.</tr></table>"
    result = read_bytes(table.encode(), "tabel.html", SETTINGS)
    assert [(t.header, t.rows) for t in result.tables] == [(["Navn", "Beløb"], [["Fakta", "350.000 kr."]])]


def test_markup_never_closed_is_text() -> None:
    assert defuse("<p>Svar</p> 1 <a<a <!-- x") == "<p>Svar</p> 1 &lt;a&lt;a &lt;!-- x"
    assert defuse("<p>a</p><!-- kommentar --><b>b</b>") == "<p>a</p><!-- kommentar --><b>b</b>"
    # a marked section the parser does not know made it refuse the whole page; Word's own are kept
    page = "<p>Referat</p><![foo]><p>Godkendt</p><![if !supportLists]>1.<![endif]> Punkt"
    assert _texts(read_bytes(page.encode(), "word.html", SETTINGS)) == [
        "Referat", "", "<![foo]>", "", "Godkendt", "", "1. Punkt"]
    page = "<p>Svar på spørgsmål</p>" + "<a" * 30_000
    texts = _texts(read_bytes(page.encode("utf-8"), "brudt.html", SETTINGS))
    assert texts[0] == "Svar på spørgsmål" and texts[-1].endswith("<a<a")


# -- e-mails that look like HTML, and e-mails nested thousands deep -----------------------------------
def _multipart_mail() -> bytes:
    message = EmailMessage()
    message["From"] = "Pia Jacobsen <pia.jacobsen@kk.dk>"
    message["To"] = "Andreas Keil <andreas_keil@kk.dk>"
    message["Subject"] = "Svar på spørgsmål om mentorstøtte"
    message["Date"] = "Tue, 23 Oct 2018 10:15:00 +0200"
    message.set_content("Kære Andreas Keil\n\nHermed svar på dine spørgsmål.\n")
    message.add_alternative("<html><body><p>Kære Andreas Keil</p><p>Hermed svar på dine spørgsmål.</p>"
                            "</body></html>", subtype="html")
    message.add_attachment("Bilag 1: Oversigt over mentorforløb i 2018.\n".encode(),
                           maintype="text", subtype="plain", filename="bilag.txt")
    return message.as_bytes()


@pytest.mark.parametrize("name", ["svar.eml", "svar", "svar.txt", "svar.html"])
def test_multipart_mail_with_html_part_is_an_email_whatever_its_name(name: str) -> None:
    data = _multipart_mail()
    assert sniff(data, name) == "eml"
    result = read_bytes(data, name, SETTINGS)
    assert result.format == "eml"
    assert result.headers["from"] == "Pia Jacobsen <pia.jacobsen@kk.dk>"
    assert "Vedhæftede filer: bilag.txt" in _texts(result)
    assert [(child_name, _filled(child)) for child_name, child in result.children] == [
        ("bilag.txt", ["Bilag 1: Oversigt over mentorforløb i 2018."])]


def test_cli_json_of_a_mail_without_suffix_has_its_attachment(tmp_path: Path) -> None:
    path = tmp_path / "indgaaende"
    path.write_bytes(_multipart_mail())
    outcome = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert outcome.exit_code == 0, outcome.output
    found = json.loads(outcome.output)
    assert found["format"] == "eml"
    text = "\n".join(document["text"] for document in found["documents"])
    assert "Hermed svar på dine spørgsmål." in text and "Oversigt over mentorforløb" in text


def test_the_header_block_decides_an_email() -> None:
    # a mail saved from a server opens with kilobytes of transport headers before From:
    transport = "Received: from mail.kk.dk (10.0.0.1) by mx.kk.dk; Tue, 23 Oct 2018 10:15:02 +0200\r\n"
    signature = "DKIM-Signature: v=1; a=rsa-sha256; d=kk.dk;\r\n" + "\tb=" + "A" * 3000 + "\r\n"
    data = (transport + signature).encode() + _multipart_mail()
    assert sniff(data, "gemt") == "eml"
    assert read_bytes(data, "gemt", SETTINGS).headers["from"] == "Pia Jacobsen <pia.jacobsen@kk.dk>"
    # a text that quotes mail headers below its first line stays text
    assert sniff(b"Notat om henvendelsen\n\nFrom: borger@example.dk\nSubject: klage\n", "n.txt") == "txt"


def _nested_multipart(depth: int) -> bytes:
    lines = ["From: Pia Jacobsen <pia.jacobsen@kk.dk>", "To: jura@kk.dk", "Subject: Dybt indlejret",
             "MIME-Version: 1.0"]
    for level in range(depth):
        lines += [f'Content-Type: multipart/mixed; boundary="lag{level}"', "", f"--lag{level}"]
        if level == 0:
            lines += ["Content-Type: text/plain; charset=utf-8",
                      'Content-Disposition: attachment; filename="notat.txt"', "", "Notat om sagen.", "--lag0"]
    lines += ["Content-Type: text/plain; charset=utf-8", "", "Inderste tekst."]
    lines += [f"--lag{level}--" for level in reversed(range(depth))]
    return "\r\n".join(lines).encode("utf-8")


def test_multipart_nested_thousands_deep_reads_what_is_reachable() -> None:
    result = read_bytes(_nested_multipart(5000), "dyb.eml", SETTINGS)
    assert result.format == "eml" and result.headers["from"] == "Pia Jacobsen <pia.jacobsen@kk.dk>"
    assert [(name, _filled(child)) for name, child in result.children] == [("notat.txt", ["Notat om sagen."])]
    shallow = read_bytes(_nested_multipart(MAX_NESTING - 1), "lav.eml", SETTINGS)
    assert "Inderste tekst." in _texts(shallow)


def test_forwarded_messages_nested_thousands_deep_are_read_to_max_depth() -> None:
    data = b"From: inderst@kk.dk\r\nSubject: Inderst\r\n\r\nInderste besked.\r\n"
    for level in range(3000):
        data = (f"From: lag{level}@kk.dk\r\nTo: jura@kk.dk\r\nSubject: Lag {level}\r\n"
                "Content-Type: message/rfc822\r\n\r\n").encode() + data
    result = read_bytes(data, "videresendt.eml", SETTINGS)
    depth = 0
    while result.children:
        (_, result), = result.children
        depth += 1
    assert depth == SETTINGS.max_depth
    outcome = process_bytes(data, "videresendt.eml", SETTINGS)
    assert outcome.status == "ok", outcome.error


def test_outlook_message_with_storages_nested_too_deep_says_so() -> None:
    writer = OleWriter()
    writer.addEntry("__substg1.0_001A001F", "IPM.Note".encode("utf-16-le"))
    path = "__substg1.0_3701000D"
    for _ in range(700):  # an enclosed message's storage inside the one before
        writer.addEntry(path, storage=True)
        path += "/__substg1.0_3701000D"
    out = io.BytesIO()
    writer.write(out)
    outcome = process_bytes(out.getvalue(), "dyb.msg", SETTINGS)
    assert (outcome.status, outcome.error) == ("error", "unreadable Outlook message: its storages are nested too deep")


# -- zip bombs and broken packages named .docx ---------------------------------------------------------
def _package(members: dict[str, bytes], big: tuple[str, int] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for member, content in members.items():
            package.writestr(member, content)
        if big:
            with package.open(big[0], "w", force_zip64=True) as stream:
                stream.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                             b"<w:body>")
                block = b" " * (1 << 20)
                for _ in range(big[1]):
                    stream.write(block)
                stream.write(b"</w:body></w:document>")
    return out.getvalue()


def _docx_members() -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph("Svar på henvendelse")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as package:
        return {member: package.read(member) for member in package.namelist()}


def test_zip_bomb_docx_is_refused_before_it_inflates() -> None:
    members = {k: v for k, v in _docx_members().items() if k != "word/document.xml"}
    data = _package(members, big=("word/document.xml", 50))
    assert len(data) < 200_000
    with pytest.raises(UnreadableFile) as refused:
        read_bytes(data, "bombe.docx", SETTINGS)
    assert refused.value.reason.startswith("looks like a zip bomb: word/document.xml inflates to 50 MB")
    outcome = process_bytes(data, "bombe.docx", SETTINGS)
    assert outcome.status == "error" and outcome.error is not None and "zip bomb" in outcome.error


def test_package_over_the_total_limit_is_refused() -> None:
    members = _docx_members()
    members["word/media/image1.png"] = os.urandom(3 * 1024 * 1024)  # incompressible: no ratio alarm
    data = _package(members)
    check_package(data, "stor.docx")  # within the default limit
    with pytest.raises(UnreadableFile) as refused:
        check_package(data, "stor.docx", max_unpacked=2 * 1024 * 1024)
    assert refused.value.reason.startswith("looks like a zip bomb: word/media/image1.png inflates to 3 MB")


def test_packages_that_are_not_word_documents_say_why() -> None:
    members = _docx_members()
    no_document = _package({k: v for k, v in members.items() if k != "word/document.xml"})
    with pytest.raises(UnreadableFile, match=r"the package has no main document \(word/document.xml\)$"):
        read_bytes(no_document, "tom.docx", SETTINGS)
    no_types = _package({k: v for k, v in members.items() if k != "[Content_Types].xml"})
    with pytest.raises(UnreadableFile, match=r"the package has no \[Content_Types\].xml$"):
        read_bytes(no_types, "typer.docx", SETTINGS)
    with pytest.raises(UnreadableFile, match="the zip package is damaged$"):
        read_bytes(_package(members)[:3000], "kort.docx", SETTINGS)
    with pytest.raises(UnreadableFile, match="not a Word document"):
        read_bytes(b"Dette er ikke et Word-dokument", "tekst.docx", SETTINGS)


# -- old Mac text ---------------------------------------------------------------------------------------
DANISH_SENTENCES = (
    "Kære Søren Ærø\r"
    "Forvaltningen har modtaget din henvendelse vedrørende mentorstøtte på Åbenrå Skole.\r"
    "Økonomiudvalget behandler sagen på mødet i næste måned; svaret følger efter § 7.\r"
)


def test_mac_roman_text_is_read_as_mac_roman() -> None:
    expected = DANISH_SENTENCES.replace("\r", "\n")
    assert decode(DANISH_SENTENCES.encode("mac_roman")) == expected
    assert decode(DANISH_SENTENCES.encode("cp1252")) == expected
    short = "Ø".encode("mac_roman") + b"konomi og bl" + "å".encode("mac_roman")
    assert decode(short) == "Økonomi og blå"
    # cp1252 with signs and hardly a Danish letter stays cp1252
    text = "Beløb: 350 € – “betalt” … se § 3"
    assert decode(text.encode("cp1252")) == text
