"""Property-based tests: whatever the bytes, every reader ends in a result or one clear line.

Random bytes (bare and behind each format's magic), random Unicode text in the encodings Danish
files come in, randomly nested and broken HTML, randomly nested and cut MIME messages, Word
documents and Outlook messages with random text and flipped bytes go through the public entry
points. The properties:

* `read_bytes` returns, or raises `UnreadableFile` with a one-line reason (never another exception);
* `process_bytes` always returns a result with status "ok" or "error" and a one-line error;
* the JSON of the result (`file_json`) is valid JSON and valid UTF-8.
"""

from __future__ import annotations

import io
import json
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from html import escape
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_msg_reader import Mail, build_msg

from foi.errors import UnreadableFile
from foi.extract.jsonout import file_json
from foi.extract.model import FileResult
from foi.extract.process import process_bytes
from foi.extract.readers import read_bytes
from foi.settings import Settings

SETTINGS = Settings()
# moderate example counts and no deadline keep the suite fast and steady on a shared machine; no
# example database is written into the work tree
FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NAMES = ["fil.txt", "fil.pdf", "fil.docx", "fil.eml", "fil.msg", "fil.html", "fil"]
MAGIC = [b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"From: a@kk.dk\nTo: b@kk.dk\n",
         b"<!DOCTYPE html><html>", b"\xef\xbb\xbf", b"\xff\xfe", b"Content-Type: multipart/mixed; boundary=x\n"]
TEXT = st.characters(exclude_categories=["Cs"])
XML_TEXT = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co"))  # what a .docx can hold


def _one_line(reason: str) -> bool:
    return bool(reason.strip()) and "\n" not in reason and "\r" not in reason


def _read(data: bytes, name: str) -> None:
    """read_bytes returns or refuses the file in one line; nothing else may escape it."""
    try:
        read_bytes(data, name, SETTINGS)
    except UnreadableFile as refused:
        assert _one_line(refused.reason), refused.reason


def _process(data: bytes, name: str) -> FileResult:
    result = process_bytes(data, name, SETTINGS)
    assert result.status in ("ok", "error")
    if result.status == "error":
        assert result.error is not None and _one_line(result.error), result.error
        assert "RecursionError" not in result.error
    text = json.dumps(file_json(result, False), ensure_ascii=False)
    text.encode("utf-8")  # a lone surrogate would raise here
    json.loads(text)
    return result


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    _process(data, name)


@FUZZ
@given(st.sampled_from(MAGIC), st.binary(max_size=4096), st.sampled_from(NAMES))
def test_random_bytes_behind_each_formats_magic(magic: bytes, rest: bytes, name: str) -> None:
    data = magic + rest
    if not data.startswith(b"%PDF"):  # the PDF reader's hostile input has its own tests
        _read(data, name)
    _process(data, name)


@FUZZ
@given(st.text(TEXT, max_size=3000), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mac_roman"]))
def test_random_text_in_every_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    _read(data, "tekst.txt")
    _process(data, "tekst.txt")


# -- HTML: random trees of tags, closed or not, and long chains -------------------------------------------
TAGS = ["div", "p", "span", "b", "ul", "ol", "li", "table", "tr", "td", "th", "pre", "h1", "br", "nav", "main",
        "article", "header", "script", "a", "section", "thead", "tbody"]
ATTRIBUTES = ["", ' class="menu"', ' hidden', ' style="display:none"', ' role="presentation"', ' start="x"',
              ' class="content"']
MARKUP_JUNK = st.text(st.sampled_from(list("<>/!-?[]&#;\"'= abcæøå\n")), max_size=200)


def _element(parts: tuple[str, str, list[str], bool]) -> str:
    tag, attributes, children, closed = parts
    return f"<{tag}{attributes}>" + "".join(children) + (f"</{tag}>" if closed else "")


HTML_TREE = st.recursive(
    st.one_of(st.text(TEXT, max_size=30).map(escape), MARKUP_JUNK),
    lambda children: st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES), st.lists(children, max_size=5),
                               st.booleans()).map(_element),
    max_leaves=40,
)


@FUZZ
@given(HTML_TREE, st.sampled_from(TAGS), st.integers(0, 3000), st.booleans())
def test_random_html_nesting(tree: str, chain_tag: str, depth: int, closed: bool) -> None:
    page = "<html><body>" + f"<{chain_tag}>" * depth + tree + (f"</{chain_tag}>" * depth if closed else "")
    data = page.encode("utf-8")
    _read(data, "side.html")
    _process(data, "side.html")


# -- e-mail: random MIME trees, enclosed messages, cut and chained deep ------------------------------------
LEAF_PART = st.one_of(
    st.text(TEXT, max_size=200).map(lambda text: MIMEText(text, "plain", "utf-8")),
    HTML_TREE.map(lambda html: MIMEText(html, "html", "utf-8")),
    st.tuples(st.binary(max_size=300), st.text(TEXT, min_size=1, max_size=20)).map(
        lambda item: _attachment(*item)),
)


def _attachment(data: bytes, name: str) -> MIMEBase:
    part = MIMEApplication(data)
    part.add_header("Content-Disposition", "attachment", filename=name)
    return part


def _multipart(parts: tuple[str, list[Any]]) -> MIMEBase:
    subtype, children = parts
    outer = MIMEMultipart(subtype)
    for child in children:
        outer.attach(child)
    return outer


MIME_TREE = st.recursive(
    LEAF_PART,
    lambda children: st.one_of(
        st.tuples(st.sampled_from(["mixed", "alternative", "related"]), st.lists(children, max_size=4)).map(
            _multipart),
        children.map(MIMEMessage),
    ),
    max_leaves=12,
)
HEADER_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=60)


@settings(FUZZ, max_examples=30)
@given(MIME_TREE, HEADER_TEXT, HEADER_TEXT, st.integers(0, 2000), st.floats(0.0, 1.0))
def test_random_mime_nesting(tree: MIMEBase, sender: str, subject: str, depth: int, cut: float) -> None:
    tree["From"] = sender
    tree["Subject"] = subject
    tree["To"] = "jura@kk.dk"
    # a chain of multipart levels around the random tree
    opening = "".join(f'Content-Type: multipart/mixed; boundary="k{level}"\r\n\r\n--k{level}\r\n'
                      for level in range(depth))
    closing = "".join(f"\r\n--k{level}--\r\n" for level in reversed(range(depth)))
    data = (b"From: kilde@kk.dk\r\nTo: jura@kk.dk\r\nMIME-Version: 1.0\r\n" + opening.encode() + tree.as_bytes()
            + closing.encode())
    for sample in (data, data[: max(1, int(len(data) * cut))]):
        _read(sample, "post.eml")
        _process(sample, "post.eml")


# -- Word and Outlook: random text in real files, then flipped bytes ---------------------------------------
def _flip(data: bytes, flips: list[tuple[float, int]]) -> bytes:
    out = bytearray(data)
    for where, value in flips:
        out[int(where * (len(out) - 1))] = value
    return bytes(out)


FLIPS = st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=8)


@settings(FUZZ, max_examples=30)
@given(st.lists(st.text(XML_TEXT, max_size=80), min_size=1, max_size=6), FLIPS)
def test_random_word_documents(paragraphs: list[str], flips: list[tuple[float, int]]) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    for data in (out.getvalue(), _flip(out.getvalue(), flips)):
        _read(data, "brev.docx")
        _process(data, "brev.docx")


@settings(FUZZ, max_examples=30)
@given(st.text(XML_TEXT, min_size=1, max_size=60), st.text(TEXT, max_size=300), FLIPS)
def test_random_outlook_messages(subject: str, body: str, flips: list[tuple[float, int]]) -> None:
    data = build_msg(Mail(subject, body=body, files=[("bilag.txt", body.encode("utf-8", "ignore"))]))
    for sample in (data, _flip(data, flips)):
        _read(sample, "post.msg")
        _process(sample, "post.msg")
