"""The e-mail reader gives the Danish header block, the body in any charset and the attachments."""

from __future__ import annotations

import importlib.util
import io
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from foi.extract.readers import read_bytes
from foi.extract.readers.email_headers import danish_datetime, parse_date
from foi.settings import Settings

SETTINGS = Settings()


def _texts(result: object) -> list[str]:
    return [line.text for line in result.lines]  # type: ignore[attr-defined]


def _pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 760, text)
    page.showPage()
    page.save()
    return out.getvalue()


def test_cp1252_quoted_printable_body_and_danish_headers() -> None:
    # declared iso-8859-1, but the dash is a cp1252 byte (0x96): the txt rules still read it right
    data = ("From: Pia Jacobsen <f181@bif.kk.dk>\r\n"
            "To: Borgmesteren SOF <sof@kk.dk>, =?iso-8859-1?q?S=F8ren_=C6r=F8?= <soren@example.dk>\r\n"
            "Cc: jura@kk.dk\r\n"
            "Subject: =?iso-8859-1?q?M=E5l_for_st=F8ttet_besk=E6ftigelse?=\r\n"
            "Date: Tue, 06 Oct 2015 17:31:00 +0200\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=\"iso-8859-1\"\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "K=E6re Socialudvalg\r\n\r\nSvar om mentorst=F8tte =96 se bilag.\r\n").encode("ascii")
    result = read_bytes(data, "mail.eml", SETTINGS)
    assert result.format == "eml"
    assert _texts(result) == [
        "Fra: Pia Jacobsen <f181@bif.kk.dk>",
        "Sendt: 6. oktober 2015 17:31",
        "Til: Borgmesteren SOF <sof@kk.dk>; Søren Ærø <soren@example.dk>",
        "Cc: jura@kk.dk",
        "Emne: Mål for støttet beskæftigelse",
        "",
        "Kære Socialudvalg",
        "",
        "Svar om mentorstøtte – se bilag.",
    ]
    assert result.headers == {
        "from": "Pia Jacobsen <f181@bif.kk.dk>",
        "to": "Borgmesteren SOF <sof@kk.dk>; Søren Ærø <soren@example.dk>",
        "cc": "jura@kk.dk",
        "date": "2015-10-06T17:31:00+02:00",
        "subject": "Mål for støttet beskæftigelse",
    }


def test_html_only_mail_gives_the_visible_text() -> None:
    html = ("<html><head><style>p {color: red}</style></head><body><p>Kære Åse</p>"
            "<p>Referatet er <b>godkendt</b>.</p><ul><li>Punkt 1</li></ul></body></html>")
    msg = MIMEText(html, "html", "utf-8")
    msg["From"] = "udvalg@kk.dk"
    msg["Subject"] = "Referat"
    result = read_bytes(msg.as_bytes(), "mail.eml", SETTINGS)
    assert _texts(result) == ["Fra: udvalg@kk.dk", "Emne: Referat", "",
                              "Kære Åse", "", "Referatet er godkendt.", "", "• Punkt 1"]


def test_encoded_word_subject_with_danish_letters() -> None:
    data = (b"From: =?utf-8?q?S=C3=B8ren_=C3=86r=C3=B8?= <soren@example.dk>\r\n"
            b"To: aktindsigt@kk.dk\r\n"
            b"Subject: =?utf-8?q?Anmodning_om_aktindsigt_i_b=C3=B8der_p=C3=A5_=C3=86r=C3=B8?=\r\n"
            b"Date: Mon, 3 Dec 2018 09:05:00 +0100\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
            b"Hej\r\n")
    result = read_bytes(data, "anmodning.eml", SETTINGS)
    assert _texts(result)[:4] == ["Fra: Søren Ærø <soren@example.dk>", "Sendt: 3. december 2018 09:05",
                                  "Til: aktindsigt@kk.dk", "Emne: Anmodning om aktindsigt i bøder på Ærø"]
    assert result.headers["subject"] == "Anmodning om aktindsigt i bøder på Ærø"


def _mail_with_attachments(pdf: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Pia Jacobsen <f181@bif.kk.dk>"
    msg["To"] = "Borgmesteren SOF <sof@kk.dk>"
    msg["Subject"] = "Henvendelse"
    msg["Date"] = "Tue, 06 Oct 2015 17:31:00 +0200"
    msg.set_content("Se vedhæftede.\n")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="Brev til Socialborgmesteren.pdf")
    msg.add_attachment("Halvårsstatus: æøå i orden\n".encode("cp1252"), maintype="text", subtype="plain",
                       filename="Halvårsstatus.txt")
    return msg.as_bytes()


def test_attachments_are_named_and_read_as_children() -> None:
    # not a PDF inside: the enclosure is skipped as unreadable, the e-mail and its other enclosure stay
    result = read_bytes(_mail_with_attachments(b"no PDF inside"), "mail.eml", SETTINGS)
    assert "Vedhæftede filer: Brev til Socialborgmesteren.pdf; Halvårsstatus.txt" in _texts(result)
    assert [a.name for a in result.attachments] == ["Brev til Socialborgmesteren.pdf", "Halvårsstatus.txt"]
    assert [name for name, _ in result.children] == ["Halvårsstatus.txt"]
    assert _texts(result.children[0][1]) == ["Halvårsstatus: æøå i orden", ""]


@pytest.mark.skipif(importlib.util.find_spec("foi.extract.readers.pdf") is None, reason="no PDF reader yet")
def test_pdf_attachment_is_read_through_the_pdf_reader() -> None:
    result = read_bytes(_mail_with_attachments(_pdf("Brev om mentorstotte 2015")), "mail.eml", SETTINGS)
    children = dict(result.children)
    assert children["Brev til Socialborgmesteren.pdf"].format == "pdf"
    assert "Brev om mentorstotte 2015" in " ".join(_texts(children["Brev til Socialborgmesteren.pdf"]))
    assert "Halvårsstatus.txt" in children


def test_forwarded_message_is_an_eml_attachment() -> None:
    inner = MIMEText("Oprindelig tekst om Åbenrå.\n", "plain", "utf-8")
    inner["From"] = "borger@example.dk"
    inner["Subject"] = "Klage"
    outer = MIMEMultipart()
    outer["From"] = "sagsbehandler@kk.dk"
    outer["Subject"] = "VS: Klage"
    outer.attach(MIMEText("Videresender.\n", "plain", "utf-8"))
    forwarded = EmailMessage()
    forwarded.set_content(inner)
    outer.attach(forwarded)
    result = read_bytes(outer.as_bytes(), "vs.eml", SETTINGS)
    assert [a.name for a in result.attachments] == ["Klage.eml"]
    child = dict(result.children)["Klage.eml"]
    assert child.format == "eml"
    assert "Oprindelig tekst om Åbenrå." in _texts(child)


def test_broken_headers_do_not_crash() -> None:
    data = (b"From: \"Hansen, Jens\" <<jh@@kk..dk>>, ; (\r\n"
            b"To: undisclosed-recipients:;\r\n"
            b"Subject: =?utf-8?q?broken=ZZ \xe6bler\r\n"
            b"Date: 32. Foo 2015 99:99\r\n"
            b"Content-Type: text/plain; charset=x-no-such-charset\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            b"K=E6re borger =\r\n")
    result = read_bytes(data, "broken.eml", SETTINGS)
    texts = _texts(result)
    assert texts[0].startswith("Fra: ")
    assert "Sendt: 32. Foo 2015 99:99" in texts
    assert any(t.startswith("Emne: ") and "æbler" in t for t in texts)
    assert texts[-1] == "Kære borger"


def test_danish_date_format() -> None:
    date = parse_date("Fri, 1 May 2020 08:05:00 +0200")
    assert date is not None and danish_datetime(date) == "1. maj 2020 08:05"
    assert parse_date("not a date") is None


def test_an_outlook_print_saved_as_text_keeps_its_sent_line() -> None:
    """ "Sent:" is where Outlook prints what MIME calls "Date:": the e-mail keeps its sent date."""
    from foi.extract.process import process_bytes

    text = ("From: Karen Holm <kaho@example.dk>\nSent: 3. februar 2024 09:12\nTo: Borgmesterens Kontor\n"
            "Subject: Svar på spørgsmål\n\nKære borgmester\n\nHermed svaret.\n")
    [document] = process_bytes(text.encode(), "mail.txt", Settings()).documents
    assert "Sendt: 3. februar 2024 09:12" in document.full_text
    assert document.kind == "email" and document.facts.date == "2024-02-03"
