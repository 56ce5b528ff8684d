"""Reading an inquiry from .txt, .eml and .docx with the extraction readers."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from foi.errors import InquiryProblem
from foi.responses.inquiry import read_inquiry

DOCUMENTS = Path(__file__).parent / "documents"
MENTOR = DOCUMENTS / "inquiry_mentor.txt"

QUESTIONS = [
    "Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik, hvor der samtidig blev givet mentorstøtte?",
    "Hvordan kontrollerer forvaltningen, at virksomhederne rent faktisk yder den mentorstøtte, som de får betaling "
    "for?",
    "Hvordan kontrollerer I, at virksomhederne faktisk yder den mentorstøtte, de får betaling for?",
    "Hvor mange elcykler har forvaltningen indkøbt til jobcentrenes medarbejdere i 2023?",
]


def mentor_eml(tmp_path: Path) -> Path:
    """The same inquiry as a real e-mail: headers as the mail client writes them, quoted-printable body."""
    body = MENTOR.read_text("utf-8").split("\n\n", 1)[1]
    msg = EmailMessage()
    msg["From"] = "Mette Holm Sørensen <mette.holm.soerensen@eksempel.dk>"
    msg["To"] = "Beskæftigelses- og Integrationsforvaltningen <bif@kk.dk>"
    msg["Subject"] = "SV: Spørgsmål om mentorstøtte i virksomhedspraktik"
    msg["Date"] = "Mon, 04 Nov 2024 09:14:00 +0100"
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    path = tmp_path / "inquiry_mentor.eml"
    path.write_bytes(bytes(msg))
    return path


def test_txt_inquiry_gives_sender_date_subject_and_questions() -> None:
    inquiry = read_inquiry(MENTOR)
    assert inquiry.sender_name == "Mette Holm Sørensen"
    assert inquiry.sender_email == "mette.holm.soerensen@eksempel.dk"
    assert inquiry.date == "2024-11-04"
    assert inquiry.subject == "Spørgsmål om mentorstøtte i virksomhedspraktik"
    assert [(q.number, q.text) for q in inquiry.questions] == list(enumerate(QUESTIONS, start=1))
    assert inquiry.sources["date"] == "'Sendt:' line"


def test_eml_inquiry_reads_the_same(tmp_path: Path) -> None:
    inquiry = read_inquiry(mentor_eml(tmp_path))
    assert inquiry.format == "eml"
    assert inquiry.sender_name == "Mette Holm Sørensen"
    assert inquiry.sender_email == "mette.holm.soerensen@eksempel.dk"
    assert inquiry.date == "2024-11-04"
    assert inquiry.subject == "Spørgsmål om mentorstøtte i virksomhedspraktik"  # "SV:" dropped
    assert [q.text for q in inquiry.questions] == QUESTIONS
    assert inquiry.sources["sender_name"] == "e-mail header From"


def test_docx_inquiry_reads_the_same(tmp_path: Path) -> None:
    document = docx.Document()
    for line in MENTOR.read_text("utf-8").split("\n\n"):
        document.add_paragraph(line.replace("\n", " ") if line.startswith(("1.", "2.")) else line)
    path = tmp_path / "henvendelse.docx"
    document.save(str(path))
    inquiry = read_inquiry(path)
    assert inquiry.format == "docx"
    assert [q.text for q in inquiry.questions] == QUESTIONS
    assert inquiry.sender_email == "mette.holm.soerensen@eksempel.dk"
    assert inquiry.date == "2024-11-04"


def test_signature_names_a_sender_that_no_header_names(tmp_path: Path) -> None:
    path = tmp_path / "brev.txt"
    path.write_text("Vedr.: Løntilskud i 2019\n\nKære kommune\n\n1) Hvor mange fik løntilskud?\n\n"
                    "Venlig hilsen\nÅse Ærø Østergaard\nase@eksempel.dk\n", "utf-8")
    inquiry = read_inquiry(path)
    assert inquiry.sender_name == "Åse Ærø Østergaard"
    assert inquiry.sender_email == "ase@eksempel.dk"
    assert inquiry.subject == "Løntilskud i 2019"
    assert inquiry.date is None


def test_an_inquiry_without_any_question_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "brev.txt"
    path.write_text("Kære kommune\n\nJeg takker for mødet i går.\n\nMvh Bo\n", "utf-8")
    with pytest.raises(InquiryProblem, match="no questions found"):
        read_inquiry(path)
    assert read_inquiry(path, require_questions=False).questions == []
    # issue 13: unnumbered prose is read, one question per asking sentence
    path.write_text("Kære kommune\n\nHvad koster det?\n\nMvh Bo\n", "utf-8")
    assert [q.text for q in read_inquiry(path).questions] == ["Hvad koster det?"]


def test_a_missing_or_unreadable_inquiry_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InquiryProblem, match="no such file"):
        read_inquiry(tmp_path / "findes-ikke.txt")
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    with pytest.raises(InquiryProblem, match="empty"):
        read_inquiry(empty)


def test_case_numbers_named_in_a_request_are_read(tmp_path: Path) -> None:
    path = tmp_path / "aktindsigt.txt"
    path.write_text("Jeg beder om aktindsigt i sag 2018-0000088 og i sagsnr. 2015 - 0227281.\n", "utf-8")
    assert read_inquiry(path, require_questions=False).case_numbers == ["2015-0227281", "2018-0000088"]
