"""`foi draft` end to end on a database extracted from corpus/: the issue's "done when" inquiry."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from foi.cli import main
from foi.responses.danish import sort_key

DOCUMENTS = Path(__file__).parent / "documents"
MENTOR = DOCUMENTS / "inquiry_mentor.txt"
ARGS = ["--profile", "koebenhavn-bif", "--sagsnr", "2024-0123456", "--dokumentnr", "2024-0123456-7",
        "--date", "2024-11-18"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["draft", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def drafted(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("draft") / "svar.docx"
    result = run(str(MENTOR), "--db", str(corpus_db), *ARGS, "--out", str(out), "--markdown")
    assert result.exit_code == 0, result.output
    return result, out


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_four_ad_sections_by_the_four_rules(drafted: tuple[Result, Path]) -> None:
    result, out = drafted
    texts = paragraphs(out)
    ads = [t for t in texts if t.startswith("Ad ")]
    assert [a.split(":")[0] for a in ads] == ["Ad 1", "Ad 2", "Ad 3", "Ad 4"]
    body = "\n".join(texts)
    after = {n: body.split(f"Ad {n}:")[1].split("\n", 2)[1] for n in range(1, 5)}
    assert "141 virksomheder" in after[1]
    assert "23. oktober 2018 (sagsnr. 2018-0000088)" in after[2]
    assert after[3] == "Se venligst svar på spørgsmål 2."
    assert after[4].startswith("[INDSÆT SVAR:")
    assert "Deloitte har gennemgået 20 sager" in body  # the reused 2018 answer itself
    for rule in ("Ad 1: companies", "Ad 2: reuse", "Ad 3: repeat", "Ad 4: placeholder"):
        assert rule in result.output


def test_the_annex_lists_the_141_companies_of_the_2018_annex(drafted: tuple[Result, Path], shared_dir: Path) -> None:
    _, out = drafted
    gold = json.loads((shared_dir / "gold" / "000_20e448a58bbb3448.json").read_text("utf-8"))
    expected = sorted(gold["documents"][1]["companies"], key=sort_key)
    [table] = docx.Document(str(out)).tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Nr.", "Virksomhed", "Selskabsform", "Kilde (sagsnr.)"]
    assert [r[1] for r in rows[1:]] == expected
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 142)]
    assert {r[3] for r in rows[1:]} == {"2018-0000088"}
    assert "Bilag: Oversigt over virksomheder, som i 2017 har haft borgere i virksomhedspraktik" in "\n".join(
        paragraphs(out))


def test_letter_layout_and_literal_numbering(drafted: tuple[Result, Path]) -> None:
    _, out = drafted
    texts = paragraphs(out)
    assert texts[:3] == ["KØBENHAVNS KOMMUNE", "Beskæftigelses- og Integrationsforvaltningen", "Direktion"]
    assert texts[3] == "Til\nMette Holm Sørensen\nE-mail: mette.holm.soerensen@eksempel.dk"
    assert texts[4:9] == ["18. november 2024", "Sagsnr.", "2024-0123456", "Dokumentnr.", "2024-0123456-7"]
    assert texts[9] == "Kære Mette Holm Sørensen"
    assert texts[10].startswith("Tak for din henvendelse af 4. november 2024 til Beskæftigelses- og "
                                "Integrationsforvaltningen vedrørende mentorstøtte i virksomhedspraktik.")
    assert [t[:2] for t in texts[11:15]] == ["1.", "2.", "3.", "4."]
    assert texts[15] == "Beskæftigelses- og Integrationsforvaltningens svar"
    assert "Med venlig hilsen" in texts and "Tanja Franck\nAdm. direktør" in texts
    # no Word auto-numbering anywhere: numbers are text and restart with each letter
    assert b"<w:numPr>" not in zipfile.ZipFile(out).read("word/document.xml")


def test_placeholders_are_highlighted_in_word_and_bold_in_markdown(drafted: tuple[Result, Path]) -> None:
    _, out = drafted
    runs = [r for p in docx.Document(str(out)).paragraphs for r in p.runs if r.text.startswith("[INDSÆT SVAR")]
    assert runs and runs[0].bold
    assert 'w:fill="FFFF00"' in runs[0]._r.xml
    markdown = out.with_suffix(".md").read_text("utf-8")
    assert "**[INDSÆT SVAR:" in markdown and "**Ad 4:" in markdown and "| 141 | ølstykke multiservice" in markdown


def test_provenance_names_file_document_case_and_date(drafted: tuple[Result, Path]) -> None:
    result, _ = drafted
    lines = result.output.split("Provenance:")[1].splitlines()
    ad1 = next(line for line in lines if line.strip().startswith("Ad 1:"))
    ad2 = next(line for line in lines if line.strip().startswith("Ad 2:"))
    assert "000_20e448a58bbb3448" in ad1 and "(annex)" in ad1 and "2018-0000088" in ad1 and "2018-10-12" in ad1
    assert "000_20e448a58bbb3448" in ad2 and "(letter)" in ad2 and "2018-0000088" in ad2 and "2018-10-23" in ad2
    assert "Warning" not in result.output


def test_valid_ooxml_with_danish_letters(drafted: tuple[Result, Path]) -> None:
    _, out = drafted
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        assert "word/document.xml" in package.namelist()
        xml = package.read("word/document.xml").decode("utf-8")
    assert "Sørensen" in xml and "øens murerfirma a/s" in xml and "Beskæftigelses" in xml
    reopened = docx.Document(io.BytesIO(out.read_bytes()))
    assert reopened.sections[0].footer.paragraphs[0].text.startswith("Beskæftigelses- og Integrationsforvaltningen")


def test_libreoffice_converts_the_draft_to_pdf(drafted: tuple[Result, Path], tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    _, out = drafted
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "svar.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Ad 4:" in text and "Sørensen" in text and "øens murerfirma a/s" in text


def test_never_overwrites_without_force(drafted: tuple[Result, Path], corpus_db: Path) -> None:
    _, out = drafted
    before = out.read_bytes()
    again = CliRunner().invoke(main, ["draft", str(MENTOR), "--db", str(corpus_db), *ARGS, "--out", str(out)])
    assert again.exit_code == 1
    assert "exists already; use --force" in again.output
    assert out.read_bytes() == before
    forced = run(str(MENTOR), "--db", str(corpus_db), *ARGS, "--out", str(out), "--markdown", "--force")
    assert forced.exit_code == 0


def test_the_second_profile_changes_every_administration_detail(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "svendborg.docx"
    result = run(str(MENTOR), "--db", str(corpus_db), "--profile", "svendborg-ac", "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = paragraphs(out)
    assert texts[:3] == ["SVENDBORG KOMMUNE", "Arbejdsmarkedsforvaltningen", "AC-stab"]
    assert "AC-stabens svar" in texts and "Lene Mikkelsen\nAfdelingsleder" in texts
    assert "[INDSÆT SAGSNR.]" in texts and "[INDSÆT DOKUMENTNR.]" in texts
    footer = docx.Document(str(out)).sections[0].footer.paragraphs[0].text
    assert "Ramsherred 5, 5700 Svendborg" in footer and "www.svendborg.dk" in footer and "kk.dk" not in footer
    assert not any("Tanja Franck" in t or "KØBENHAVNS" in t for t in texts)


def test_two_annexes_are_numbered_each_from_one(corpus_db: Path, tmp_path: Path) -> None:
    inquiry = tmp_path / "to_lister.txt"
    inquiry.write_text("Fra: Bo Ek <bo@eksempel.dk>\nSendt: 1. december 2024\n\n"
                       "1. Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik med mentorstøtte?\n"
                       "2. Kan I sende en oversigt over de virksomheder, der i 2017 havde borgere i "
                       "virksomhedspraktik?\n", "utf-8")
    out = tmp_path / "to_lister.docx"
    assert run(str(inquiry), "--db", str(corpus_db), *ARGS, "--out", str(out)).exit_code == 0
    tables = docx.Document(str(out)).tables
    assert len(tables) == 2
    for table in tables:
        assert [row.cells[0].text for row in table.rows][1:4] == ["1", "2", "3"]
    texts = paragraphs(out)
    assert "Bilag 1" in texts and "Bilag 2" in texts
    assert any(t.startswith("Bilag 1: ") for t in texts) and any(t.startswith("Bilag 2: ") for t in texts)


def test_usage_errors_are_one_line(corpus_db: Path, tmp_path: Path) -> None:
    inferred = CliRunner().invoke(main, ["draft", str(MENTOR), "--db", str(corpus_db), "--out",
                                         str(tmp_path / "inferred.docx")])
    assert inferred.exit_code == 0 and "Profile: koebenhavn-bif" in inferred.output  # issue 13: no --profile needed
    unknown = CliRunner().invoke(main, ["draft", str(MENTOR), "--db", str(corpus_db), "--profile", "aarhus",
                                        "--out", str(tmp_path / "x.docx")])
    assert unknown.exit_code == 1 and "no profile named 'aarhus'" in unknown.output
    nodb = CliRunner().invoke(main, ["draft", str(MENTOR), "--db", str(tmp_path / "none.db"), *ARGS, "--out",
                                     str(tmp_path / "x.docx")])
    assert nodb.exit_code == 1 and "no such database" in nodb.output
    bad_date = CliRunner().invoke(main, ["draft", str(MENTOR), "--date", "i morgen"])
    assert bad_date.exit_code == 2 and "is not a date" in bad_date.output


def test_the_eml_variant_drafts_the_same_letter(drafted: tuple[Result, Path], corpus_db: Path, tmp_path: Path) -> None:
    from test_responses_inquiry import mentor_eml

    out = tmp_path / "fra_eml.docx"
    result = run(str(mentor_eml(tmp_path)), "--db", str(corpus_db), *ARGS, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert paragraphs(out) == paragraphs(drafted[1])
