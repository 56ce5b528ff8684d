"""Answer documents in layouts the samples do not have, read end to end: a minister's answer to a § 20
question with the letterhead after the signature, a question-time page whose answers repeat each
question under one "SVAR:" heading, a binding ruling with its answer list and later reasoning per
question, and an e-mail answering under "Svar på spørgsmål N:" headings.

The documents are text files written for these tests (tests/documents/qa_*.txt).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from foi.cli import main
from foi.extract.model import Facts
from foi.extract.process import process_file
from foi.settings import Settings

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def facts(name: str) -> Facts:
    result = process_file(DOCUMENTS / name, Settings())
    assert result.status == "ok", result.error
    with_answers = [d for d in result.documents if d.facts.answers]
    assert len(with_answers) == 1, [d.kind for d in result.documents]
    return with_answers[0].facts


def test_paragraph_20_answer_with_the_letterhead_after_the_signature() -> None:
    f = facts("qa_paragraf20_svar.txt")
    assert [(q.number, q.text) for q in f.questions] == [
        (512, "Vil ministeren oplyse, hvor mange landbrug der har fået tilskud til minivådområder i 2023, "
              "og hvad tilskuddet i alt har kostet?")]
    assert [a.number for a in f.answers] == [512]
    text = f.answers[0].text
    assert text.startswith("Landbrugsstyrelsen har oplyst, at 214 landbrug")
    assert text.endswith("Beløbet dækker både anlæg og projektering.")
    assert "Mette Vang" not in text and "J.nr." not in text


def test_question_time_answers_repeat_each_question_under_one_heading() -> None:
    f = facts("qa_spoergetid_svar.txt")
    assert [q.number for q in f.questions] == [1, 2]
    assert f.questions[1].text == "Hvornår bliver den nye cykelsti langs Søvej færdig?"
    assert [(a.number, a.refers_to) for a in f.answers] == [(1, ()), (2, (1,))]
    assert f.answers[0].text.startswith("Fodgængerfeltet er fjernet")
    assert "Hvorfor er der ikke" not in f.answers[0].text  # the repeated question is not answer text
    assert f.answers[1].text.endswith("om skolevejen.")  # the next asker's block is not part of it


def test_binding_ruling_answer_list_and_not_its_reasoning_per_question() -> None:
    f = facts("qa_bindende_svar.txt")
    assert [q.number for q in f.questions] == [1, 2]
    assert [(a.number, a.text) for a in f.answers] == [(1, "Ja"), (2, "Nej, se dog indstilling og begrundelse.")]


def test_email_answers_under_svar_paa_spoergsmaal_headings() -> None:
    f = facts("qa_mail_svar_paa_spoergsmaal.txt")
    assert [(q.number, q.text) for q in f.questions] == [
        (1, "Hvor mange saltbiler har kommunen?"), (2, "Hvor mange kilometer cykelsti bliver ryddet?")]
    assert [a.text for a in f.answers] == [
        "Kommunen har 11 saltbiler. Heraf er 3 lejet for vintersæsonen.",
        "Der ryddes 140 km cykelsti. Cykelstier ryddes før veje, se svar på spørgsmål 1 om materiellet."]
    assert f.answers[1].refers_to == (1,)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    folder = tmp_path_factory.mktemp("qa")
    for path in DOCUMENTS.glob("qa_*.txt"):
        shutil.copy(path, folder / path.name)
    db_path = folder / "foi.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db_path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(db_path)


def test_stored_answers_join_their_questions_by_number(stored: sqlite_utils.Database) -> None:
    rows = list(stored.query(
        "select f.path, a.number, q.text as question, a.refers_to from answers a "
        "join documents d on d.id = a.document_id join files f on f.id = d.file_id "
        "left join questions q on q.document_id = a.document_id and q.number = a.number order by f.path, a.id"))
    by_file: dict[str, list[tuple[int, str | None, list[int]]]] = {}
    for r in rows:
        by_file.setdefault(Path(r["path"]).name, []).append((r["number"], r["question"], json.loads(r["refers_to"])))
    assert {name: len(answers) for name, answers in by_file.items()} == {
        "qa_bindende_svar.txt": 2, "qa_mail_svar_paa_spoergsmaal.txt": 2, "qa_paragraf20_svar.txt": 1,
        "qa_spoergetid_svar.txt": 2}
    assert all(question for answers in by_file.values() for _, question, _ in answers)
    assert by_file["qa_paragraf20_svar.txt"][0][:1] == (512,)
    assert by_file["qa_spoergetid_svar.txt"][1][2] == [1]


def test_json_output_of_a_ministers_answer() -> None:
    result = CliRunner().invoke(main, ["extract", "--json", str(DOCUMENTS / "qa_paragraf20_svar.txt")])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.output)["documents"]
    answers = [a for d in documents for a in d["answers"]]
    assert [(a["number"], a["refers_to"]) for a in answers] == [(512, [])]


def test_the_ministers_answer_printed_to_pdf_reads_the_same(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "svar.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("Helvetica", 9)
    y = 800
    for line in (DOCUMENTS / "qa_paragraf20_svar.txt").read_text(encoding="utf-8").splitlines():
        for start in range(0, max(len(line), 1), 100):  # a long opening line wraps as a layout would
            c.drawString(40, y, line[start : start + 100])
            y -= 12
    c.save()
    result = process_file(pdf, Settings())
    assert result.status == "ok", result.error
    from_pdf = [(a.number, a.text) for d in result.documents for a in d.facts.answers]
    assert from_pdf == [(a.number, a.text) for a in facts("qa_paragraf20_svar.txt").answers]
