"""The Outlook reader gives the same Danish header block and attachments as the e-mail reader.

No library writes .msg files, so the tests build real ones by the [MS-OXMSG] layout: an OLE
compound file (written with extract-msg's own OleWriter) holding the message's property streams,
a recipient storage and attachment storages.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from dataclasses import dataclass, field

import pytest
from extract_msg.ole_writer import OleWriter

from foi.errors import UnreadableFile
from foi.extract.readers import msg as msg_reader
from foi.extract.readers import read_bytes
from foi.settings import Settings

SETTINGS = Settings()
UTC = dt.timezone(dt.timedelta(0))

PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY, PT_OBJECT = 0x0003, 0x0040, 0x001F, 0x0102, 0x000D


@dataclass
class Mail:
    subject: str
    body: str | None = None
    html: bytes | None = None
    sender: str = "Pia Jacobsen"
    sender_address: str = "f181@bif.kk.dk"
    to: tuple[str, str] = ("Borgmesteren SOF", "sof@kk.dk")
    sent: dt.datetime = dt.datetime(2015, 10, 6, 15, 31, tzinfo=UTC)  # 17:31 in Copenhagen
    files: list[tuple[str, bytes]] = field(default_factory=list)
    embedded: list[Mail] = field(default_factory=list)


def _fixed(prop_id: int, prop_type: int, value: bytes) -> bytes:
    return struct.pack("<II", (prop_id << 16) | prop_type, 6) + value.ljust(8, b"\0")


class _Builder:
    def __init__(self) -> None:
        self.writer = OleWriter()

    def string(self, storage: str, props: list[bytes], prop_id: int, text: str) -> None:
        data = text.encode("utf-16-le")
        self.writer.addEntry(f"{storage}__substg1.0_{prop_id:04X}{PT_UNICODE:04X}", data)
        props.append(_fixed(prop_id, PT_UNICODE, struct.pack("<II", len(data) + 2, 0)))

    def binary(self, storage: str, props: list[bytes], prop_id: int, data: bytes) -> None:
        self.writer.addEntry(f"{storage}__substg1.0_{prop_id:04X}{PT_BINARY:04X}", data)
        props.append(_fixed(prop_id, PT_BINARY, struct.pack("<II", len(data), 0)))

    def message(self, storage: str, mail: Mail, embedded: bool) -> None:
        props: list[bytes] = []
        self.string(storage, props, 0x001A, "IPM.Note")
        self.string(storage, props, 0x0037, mail.subject)
        if mail.body is not None:
            self.string(storage, props, 0x1000, mail.body)
        if mail.html is not None:
            self.binary(storage, props, 0x1013, mail.html)
        self.string(storage, props, 0x0C1A, mail.sender)
        self.string(storage, props, 0x5D01, mail.sender_address)
        self.string(storage, props, 0x0E04, mail.to[0])
        ticks = int((mail.sent - dt.datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10**7)
        props.append(_fixed(0x0039, PT_SYSTIME, struct.pack("<Q", ticks)))  # PR_CLIENT_SUBMIT_TIME
        props.append(_fixed(0x0E07, PT_LONG, struct.pack("<I", 1)))  # PR_MESSAGE_FLAGS: read, sent
        recipient = f"{storage}__recip_version1.0_#00000000/"
        self.writer.addEntry(recipient[:-1], storage=True)
        recipient_props: list[bytes] = [_fixed(0x0C15, PT_LONG, struct.pack("<I", 1))]  # MAPI_TO
        self.string(recipient, recipient_props, 0x3001, mail.to[0])
        self.string(recipient, recipient_props, 0x39FE, mail.to[1])
        self.writer.addEntry(recipient + "__properties_version1.0", b"\0" * 8 + b"".join(recipient_props))
        enclosures: list[tuple[str, bytes | Mail]] = [*mail.files, *((m.subject, m) for m in mail.embedded)]
        for number, (name, content) in enumerate(enclosures):
            attach = f"{storage}__attach_version1.0_#{number:08X}/"
            self.writer.addEntry(attach[:-1], storage=True)
            attach_props: list[bytes] = []
            self.string(attach, attach_props, 0x3001, name)
            if isinstance(content, Mail):
                attach_props.append(_fixed(0x3705, PT_LONG, struct.pack("<I", 5)))  # ATTACH_EMBEDDED_MSG
                inner = f"{attach}__substg1.0_3701{PT_OBJECT:04X}/"
                self.writer.addEntry(inner[:-1], storage=True)
                attach_props.append(_fixed(0x3701, PT_OBJECT, struct.pack("<II", 0xFFFFFFFF, 0)))
                self.message(inner, content, embedded=True)
            else:
                attach_props.append(_fixed(0x3705, PT_LONG, struct.pack("<I", 1)))  # ATTACH_BY_VALUE
                self.string(attach, attach_props, 0x3707, name)
                self.binary(attach, attach_props, 0x3701, content)
            self.writer.addEntry(attach + "__properties_version1.0", b"\0" * 8 + b"".join(attach_props))
        count = len(enclosures)
        header = b"\0" * 8 + struct.pack("<IIII", 1, count, 1, count) + (b"" if embedded else b"\0" * 8)
        if not embedded:
            self.writer.addEntry("__nameid_version1.0", storage=True)
            for stream in ("00020102", "00030102", "00040102"):
                self.writer.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
        self.writer.addEntry(f"{storage}__properties_version1.0", header + b"".join(props))


def build_msg(mail: Mail) -> bytes:
    builder = _Builder()
    builder.message("", mail, embedded=False)
    out = io.BytesIO()
    builder.writer.write(out)
    return out.getvalue()


def _texts(result: object) -> list[str]:
    return [line.text for line in result.lines]  # type: ignore[attr-defined]


def test_message_gives_danish_headers_body_and_attachments() -> None:
    mail = Mail("Mål for støttet beskæftigelse", body="Kære Socialudvalg\r\n\r\nSvar om Ærø og Åbenrå.\r\n",
                files=[("Halvårsstatus.txt", "Status: æøå i orden".encode("cp1252"))])
    result = read_bytes(build_msg(mail), "henvendelse.msg", SETTINGS)
    assert result.format == "msg"
    assert _texts(result) == [
        "Fra: Pia Jacobsen <f181@bif.kk.dk>",
        "Sendt: 6. oktober 2015 17:31",
        "Til: Borgmesteren SOF <sof@kk.dk>",
        "Emne: Mål for støttet beskæftigelse",
        "Vedhæftede filer: Halvårsstatus.txt",
        "",
        "Kære Socialudvalg",
        "",
        "Svar om Ærø og Åbenrå.",
    ]
    assert result.headers == {"from": "Pia Jacobsen <f181@bif.kk.dk>", "to": "Borgmesteren SOF <sof@kk.dk>",
                              "date": "2015-10-06T17:31:00+02:00", "subject": "Mål for støttet beskæftigelse"}
    assert [(a.name, a.data) for a in result.attachments] == [("Halvårsstatus.txt", b"Status: \xe6\xf8\xe5 i orden")]
    assert _texts(dict(result.children)["Halvårsstatus.txt"]) == ["Status: æøå i orden"]


def test_html_only_message_and_embedded_message() -> None:
    forwarded = Mail("Klage over bøde", body="Oprindelig klage fra Ærø.\r\n", sender="Søren Borger",
                     sender_address="soren@example.dk")
    html = "<html><body><p>Kære Åse</p><p>Se den videresendte <b>klage</b>.</p></body></html>".encode()
    mail = Mail("VS: Klage over bøde", html=html, embedded=[forwarded])
    result = read_bytes(build_msg(mail), "vs.msg", SETTINGS)
    texts = _texts(result)
    assert texts[-3:] == ["Kære Åse", "", "Se den videresendte klage."]
    assert "Vedhæftede filer: Klage over bøde.msg" in texts
    child = dict(result.children)["Klage over bøde.msg"]
    assert child.format == "msg"
    assert "Fra: Søren Borger <soren@example.dk>" in _texts(child)
    assert "Oprindelig klage fra Ærø." in _texts(child)


def test_ole_file_that_is_no_message_is_unreadable() -> None:
    writer = OleWriter()
    writer.addEntry("WordDocument", b"\0" * 600)
    writer.addEntry("\x05SummaryInformation", b"\0" * 100)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableFile, match="not an Outlook message"):
        read_bytes(out.getvalue(), "svar.msg", SETTINGS)
    with pytest.raises(UnreadableFile):
        msg_reader.read(out.getvalue()[:1024] + b"\xff" * 3000, "cut.msg", SETTINGS)
