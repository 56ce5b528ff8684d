"""The text reader decodes every encoding administrations produce and never garbles æøå."""

from __future__ import annotations

import codecs

import pytest

from foi.errors import EmptyFile, UnreadableFile
from foi.extract.readers import read_bytes, sniff
from foi.extract.readers.txt import decode
from foi.settings import Settings

DANISH = "Kære Søren Ærø\nTak for din henvendelse af 3. oktober 2018 vedrørende mentorstøtte på Åbenrå.\n"


@pytest.mark.parametrize(
    "data",
    [
        DANISH.encode("utf-8"),
        codecs.BOM_UTF8 + DANISH.encode("utf-8"),
        DANISH.encode("utf-16"),  # with BOM
        DANISH.encode("utf-16-le"),  # without BOM
        DANISH.encode("utf-16-be"),
        DANISH.encode("cp1252"),
        DANISH.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252", "cp1252-crlf"],
)
def test_every_encoding_gives_the_same_text(data: bytes) -> None:
    assert decode(data) == DANISH


def test_decomposed_letters_are_composed() -> None:
    decomposed = "A\u030arhus"  # "Å" as A + combining ring, as some Mac tools write it
    assert decode(decomposed.encode("utf-8")) == "Århus"


def test_cp1252_quotes_survive() -> None:
    assert decode("”Hvor er min mentor” – 350.000 kr.".encode("cp1252")) == "”Hvor er min mentor” – 350.000 kr."


def test_form_feeds_make_pages() -> None:
    result = read_bytes(b"side et\n\x0cside to\n", "x.txt", Settings())
    assert [p.number for p in result.pages] == [1, 2]
    assert result.pages[1].lines[0].text == "side to"


def test_empty_and_binary_files_are_refused() -> None:
    with pytest.raises(EmptyFile):
        read_bytes(b"  \n", "empty.txt", Settings())
    with pytest.raises(UnreadableFile, match="binary"):
        read_bytes(bytes(range(256)) * 20, "noise.txt", Settings())


def test_content_decides_the_format_not_the_suffix() -> None:
    assert sniff(b"%PDF-1.4\n...", "letter.txt") == "pdf"
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>", "page.txt") == "html"
    assert sniff(b"From: a@b.dk\nTo: c@d.dk\nSubject: x\n\nbody", "mail.txt") == "eml"
    assert sniff(b"just text", "notes.pdf") is None  # a .pdf that is not a PDF
    assert sniff(b"Fra: Pia Jacobsen\nSendt: 6. oktober 2015", "mail.txt") == "txt"
