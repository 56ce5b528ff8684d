"""`foi explain` through click's CliRunner on real files: a letter written here, a memo with empty
fields, a real sample read in place, a bad file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from foi.cli import main

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "realworld"
SAMPLE = SAMPLES / "12_social-indenrigsministeriet-svar-sou-spm-31-2019.txt"

# An answer to a council member as a Danish municipality writes it: letterhead, case and document
# numbers, a dateline, the inquiry's date, "Ad 1 / Ad 2" answers, a cited decision's date, a CPR
# number in the text and a signer. Line numbers matter to the assertions below.
LETTER = """Vejle Kommune
Teknik og Miljø

Til Byrådsmedlem Lene Holm

Sagsnr.: 2024-0031187
Dokumentnr.: 2024-0031187-12

Vejle, den 14. marts 2024

Svar på spørgsmål om vejbelysning

Kære Lene Holm

Tak for din henvendelse af 2. marts 2024 om vejbelysningen på Skolevej.

Ad 1
Forvaltningen har udskiftet 40 lygtepæle i 2023, jf. byrådets beslutning af 12. juni 2022.

Ad 2
Borgeren med cpr-nr. 010190-1234 har klaget over belysningen. Klagen behandles efter reglerne.

Med venlig hilsen

Mette Kragh
Direktør
"""

# A memo whose date has no year, whose case-number label has no value, and whose only "Sag nr." is
# an agenda item's number.
MEMO = """NOTAT

Vedr.: Trafikforhold ved Skolevej

Sagsnr.:
Dato: 27. januar

Sag nr. 4 blev drøftet i udvalget, og forvaltningen undersøger sagen nærmere.

Der er ikke modtaget klager over trafikken siden sidste møde.
"""


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["explain", *args])


def _field(document: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in document["fields"] if f["name"] == name)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "svar_vejbelysning.txt"
    path.write_text(LETTER, "utf-8")
    return path


def test_the_report_names_the_lines_of_the_case_number_the_date_the_cited_date_and_the_kind(letter: Path) -> None:
    done = _run(str(letter))
    assert done.exit_code == 0, done.output
    out = done.output
    assert "kind: letter" in out
    assert "signal " in out and "line 9: Vejle, den 14. marts 2024" in out  # a signal and its line
    # the case number, its component, how it was read and its line
    assert "case_numbers: 2024-0031187 (own)" in out and "[case_numbers]" in out
    assert "+ sagsnr 2024-0031187 [after its label 'Sagsnr.']" in out
    assert "line 6: Sagsnr.: 2024-0031187" in out
    # the document date, why it won, and the dates that did not with their roles and lines
    assert "date: 2024-03-14   [dates]" in out
    assert '+ 2024-03-14 [written "14. marts 2024"] — a dated line in the head' in out
    assert "- 2022-06-12 [role cited" in out and 'after "jf. byrådets beslutning af"' in out
    assert "line 18: Forvaltningen har udskiftet 40 lygtepæle" in out
    assert "- 2024-03-02 [role inquiry" in out and "line 15: Tak for din henvendelse af 2. marts 2024" in out
    # answers by number and first line, the signer by role and line
    assert "answers: 1, 2" in out and "line 17: Ad 1" in out and "line 20: Ad 2" in out
    assert "+ Mette Kragh [role signer · Direktør]" in out and "line 25: Mette Kragh" in out


def test_cpr_numbers_are_masked_unless_asked(letter: Path) -> None:
    masked = _run(str(letter))
    assert "010190-1234" not in masked.output and "XXXXXX-XXXX" in masked.output
    assert "010190-1234" not in _run(str(letter), "--json").output
    assert "010190-1234" in _run(str(letter), "--show-personal-data").output


def test_json_is_valid_and_carries_every_place(letter: Path) -> None:
    done = _run(str(letter), "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert data["status"] == "ok" and len(data["documents"]) == 1
    document = data["documents"][0]
    assert document["kind"]["kind"] == "letter" and document["kind"]["signals"]
    [own, *_rest] = _field(document, "case_numbers")["found"]
    assert own["place"] == {"line": 6, "page": 1, "text": "Sagsnr.: 2024-0031187"}
    date = _field(document, "date")
    assert date["found"][0]["place"]["line"] == 9
    assert {c["value"]: c["rule"].split(",")[0] for c in date["candidates"]} == {
        "2024-03-02": "role inquiry", "2022-06-12": "role cited"}


def test_empty_fields_list_their_candidates_and_why(tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_text(MEMO, "utf-8")
    out = _run(str(path)).output
    assert "date: (empty)" in out and "no year written" in out and "line 6: Dato: 27. januar" in out
    assert "why empty: no full date written in the document" in out
    assert "case_numbers: (empty)" in out
    assert "- (no value) [label 'Sagsnr.'] — the label has no value beside or below it" in out
    assert "- 4 [label 'Sag nr.'] — looks like a short number" in out
    data = json.loads(_run(str(path), "--json").output)
    assert _field(data["documents"][0], "case_numbers")["found"] == []


def test_a_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"x")
    done = _run(str(broken))
    assert done.exit_code == 1
    assert done.output.strip().count("\n") == 0 and "broken.pdf: not a PDF" in done.output
    assert "Traceback" not in done.output
    as_json = _run(str(broken), "--json")
    assert as_json.exit_code == 1 and '"status": "error"' in as_json.output
    assert _run(str(tmp_path)).exit_code == 2  # a folder is a usage error


def test_document_option_chooses_one_document(letter: Path) -> None:
    assert "== document 1 of 1" in _run(str(letter), "--document", "1").output
    done = _run(str(letter), "--document", "3")
    assert done.exit_code == 2 and "the file has 1 document" in done.output


def test_every_kind_of_fact_is_explained_and_names_a_component_of_the_pipeline(letter: Path) -> None:
    from foi.extract.explain import COMPONENT_OF
    from foi.extract.facts.pipeline import COMPONENTS
    from foi.extract.model import FACT_KINDS

    assert set(COMPONENT_OF.values()) - set(COMPONENTS) == {"segmenter"}
    fields = json.loads(_run(str(letter), "--json").output)["documents"][0]["fields"]
    # every date written is under "date": the document date taken, the others as candidates with their roles
    assert {kind.attr for kind in FACT_KINDS} - {"dates"} <= {f["name"] for f in fields}
    assert all(f["component"] in COMPONENTS for f in fields)


def test_a_real_sample_shows_each_fact_on_the_file_line_it_was_read_from() -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"the real samples are read in place from {SAMPLES}, which is absent")
    done = _run(str(SAMPLE), "--json")
    assert done.exit_code == 0, done.output
    document = json.loads(done.output)["documents"][0]
    file_lines = SAMPLE.read_text("utf-8").split("\n")
    places = [(f["name"], e) for f in document["fields"] for e in f["found"] + f["candidates"] if e["place"]]
    assert len(places) > 5
    for name, entry in places:  # a plain-text file's first document: its line numbers are the file's
        place = entry["place"]
        assert place["text"].strip("…") in file_lines[place["line"] - 1], (name, entry)
    date = _field(document, "date")
    [own] = date["found"]
    assert own["place"]["text"] in file_lines[own["place"]["line"] - 1]
    assert own["reason"]  # why this date is the document's
    signals = document["kind"]["signals"]
    assert signals and all(s["places"] for s in signals)
    text = _run(str(SAMPLE)).output
    assert f"kind: {document['kind']['kind']}" in text and "signal " in text
    [case] = [e for e in _field(document, "case_numbers")["found"] if e["value"].startswith("sagsnr")]
    assert f"line {case['place']['line']}: {case['place']['text']}" in text
