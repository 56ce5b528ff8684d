"""CPR numbers: every written form is found and masked digit by digit; the numbers that share a shape
(case numbers, P-numbers, EAN, phone numbers, dates, amounts) are kept; a masked extraction keeps its
facts' offsets; the seed corpus and the shared real-world samples lose nothing to the mask."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from foi.extract.jsonout import file_json
from foi.extract.model import FileResult
from foi.extract.personal_data import find_cpr, holds_cpr, mask_cpr
from foi.extract.process import process_bytes, process_file
from foi.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

MASKED = [  # (as written, as masked): the same length, separators kept
    ("CPR-nr. 010190-1234.", "CPR-nr. XXXXXX-XXXX."),
    ("borger 010190\u20131234 (en dash)", "borger XXXXXX\u2013XXXX (en dash)"),
    ("borger 010190\u20141234 (em dash)", "borger XXXXXX\u2014XXXX (em dash)"),
    ("borger 010190\u20111234 (non-breaking hyphen)", "borger XXXXXX\u2011XXXX (non-breaking hyphen)"),
    ("borger 010190\u22121234 (minus)", "borger XXXXXX\u2212XXXX (minus)"),
    ("borger 010190\u20101234 (hyphen)", "borger XXXXXX\u2010XXXX (hyphen)"),
    ("borger 010190 - 1234", "borger XXXXXX - XXXX"),
    ("borger 010190 1234,", "borger XXXXXX XXXX,"),
    ("borger 010190  1234", "borger XXXXXX  XXXX"),
    ("borger 010190\u00a01234", "borger XXXXXX\u00a0XXXX"),
    ("borger 010190\u202f1234", "borger XXXXXX\u202fXXXX"),
    ("borger 0101901234", "borger XXXXXXXXXX"),
    ("CPR 0101901234", "CPR XXXXXXXXXX"),
    ("cpr-nr.:0101901234", "cpr-nr.:XXXXXXXXXX"),
    ("CPR-nummer 0101901234", "CPR-nummer XXXXXXXXXX"),
    ("personnummer: 0101901234", "personnummer: XXXXXXXXXX"),
    ("født 01.01.90-1234", "født XX.XX.XX-XXXX"),
    ("født 01 01 90-1234", "født XX XX XX-XXXX"),
    ("født 01/01/90-1234", "født XX/XX/XX-XXXX"),
    ("CPR: 01 01 90 1234", "CPR: XX XX XX XXXX"),
    ("CPR-nr.:\n010190 1234", "CPR-nr.:\nXXXXXX XXXX"),
    ("CPR-nr. 010190\n1234", "CPR-nr. XXXXXX\nXXXX"),
    ("borger 010190-\n1234", "borger XXXXXX-\nXXXX"),
    ("aktindsigt_070761-4285.txt", "aktindsigt_XXXXXX-XXXX.txt"),
    ("Tlf. 33 66 33 66, CPR 0101901234", "Tlf. 33 66 33 66, CPR XXXXXXXXXX"),  # the cue is nearer
    ("Borger 041277-2022 har fået", "Borger XXXXXX-XXXX har fået"),
    ("CPR-nr.:\n041277-2022", "CPR-nr.:\nXXXXXX-XXXX"),
]

KEPT = [  # numbers that share a shape with a CPR number, or CPR-like numbers that are not one
    "Sagsnr. 2018-0000088, dokumentnr. 2018-0000088-148, dokument 2834597",
    "fil 001_8c8c1811718375a8.txt",
    "EAN 5798009710178, EAN-nr. 57 98 00 97 10 178, CVR 12345678, CVR-nr. 12 34 56 78",
    "P-nr. 1003388394, P-nummer: 0101901234",
    "Sagsnr. 0101901234, j.nr. 0101901234, dok.nr. 0101901234",
    "Tlf. 0101901234, kontonr. 0101901234, fakturanr. 0101901234",
    "Sagsnr. 041277-2022",  # Gentofte writes case numbers NNNNNN-YYYY
    "Sagsnr.:\n041277-2022",
    "Kommuneplan 2013 - juni\n\n041277-2022\n\nResumé",
    "ugyldig dato 320190-1234, 011390-1234, 0013901234",
    "født i fremtiden 010130-4321",  # 2030: not born yet
    "00.01.00-G01-1-19 og 27.12.08-G01-1-18",
    "0101901234-5, 2018-0101901234, 10.0101901234, 1 0101901234, 0101901234 5",
    "45 0101901234 og 0101901234 12",
    "uden cue 01 01 90 1234, en periode 01.01.19 - 2020",
    "kl. 10.00-12.00 den 23.10.2018, 1.234.567 kr., 350.000 kr.",
    "Tlf. 33 66 33 66 eller +45 33663366; 23 10 18 12 34",
    "010190\n1234 er to tal på to linjer",
    "XXXXXX-XXXX",
]


@pytest.mark.parametrize(("written", "masked"), MASKED)
def test_every_written_form_is_masked_digit_by_digit(written: str, masked: str) -> None:
    assert mask_cpr(written) == masked
    assert len(mask_cpr(written)) == len(written)
    assert find_cpr(written) and holds_cpr(written) and holds_cpr(masked)
    assert mask_cpr(masked) == masked


@pytest.mark.parametrize("text", KEPT)
def test_numbers_that_share_the_shape_are_kept(text: str) -> None:
    assert mask_cpr(text) == text
    assert find_cpr(text) == []


def test_masked_result_keeps_every_fact_at_its_offset() -> None:
    letter = ("SVENDBORG KOMMUNE\nJobcenter\n\nTil: Jonas Frederik Madsen\nCPR-nr.: 010190\u20131234\n\n"
              "Dato: 2. september 2021\n\nSagsnr. 21/08813\n\nAfgørelse om mentorstøtte til 0101901234\n\n"
              "Kære Jonas Frederik Madsen (010190 1234)\n\nVi har behandlet din ansøgning, CPR-nr. 010190-1234, "
              "som vi modtog den\n16. august 2021. Borgeren 010190-\n1234 får 3.500 kr. om måneden i praktik hos "
              "Svendborg Tømrer og Snedker ApS.\n\nMed venlig hilsen\n\nLouise Kragh Andersen\nJobkonsulent\n")
    data = letter.encode("utf-8")
    kept = process_bytes(data, "brev.txt", Settings(keep_personal_data=True))
    masked = process_bytes(data, "brev.txt", Settings())
    assert kept.status == masked.status == "ok"
    for shown, hidden in zip(kept.documents, masked.documents, strict=True):
        assert len(hidden.full_text) == len(shown.full_text) and len(hidden.text) == len(shown.text)
        assert not find_cpr(hidden.full_text) and not find_cpr(hidden.text)
        assert "010190" not in json.dumps(dataclasses.asdict(hidden), ensure_ascii=False)
        for attr in ("dates", "amounts", "case_numbers", "people", "companies"):
            before, after = getattr(shown.facts, attr), getattr(hidden.facts, attr)
            assert [f.start for f in before] == [f.start for f in after], attr
            assert [mask_cpr(str(f)) for f in before] == [str(f) for f in after], attr
        for fact in hidden.facts.dates + hidden.facts.amounts:
            assert hidden.full_text[fact.start:fact.start + len(fact.text)] == fact.text
    assert [a.text for a in masked.documents[0].facts.amounts] == ["3.500 kr."]
    assert "XXXXXX\u2013XXXX" in masked.documents[0].full_text


def test_error_messages_and_headers_are_masked_but_the_path_is_kept() -> None:
    eml = (b"From: Bo Ek <bo@eksempel.dk>\nTo: jobcenter@svendborg.dk\nSubject: Borger 010190-1234\n"
           b"Date: Mon, 4 Nov 2024 09:14:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n"
           b"Borgeren med cpr 0101901234 har spurgt.\n")
    result = process_bytes(eml, "sag_010190-1234.eml", Settings())
    assert result.status == "ok" and result.path == "sag_010190-1234.eml"  # the key: masked on output only
    assert "010190" not in json.dumps(result.headers, ensure_ascii=False)
    assert "010190" not in result.documents[0].full_text
    assert "010190" not in json.dumps(file_json(result), ensure_ascii=False)
    broken = process_bytes(b"%PDF-1.7 broken 010190-1234", "x.pdf", Settings())
    assert broken.status == "error" and "010190" not in (broken.error or "")


def test_the_seed_corpus_loses_nothing(corpus_dir: Path) -> None:
    """Every case number, date, amount and text of the seeds is the same masked or not."""
    for path in sorted(corpus_dir.glob("*.txt")):
        kept = file_json(process_file(path, Settings(keep_personal_data=True)), show_personal_data=True)
        masked = file_json(process_file(path, Settings()), show_personal_data=True)
        assert masked == kept, path.name


def test_the_shared_real_world_samples_lose_nothing(shared_dir: Path) -> None:
    """No number in 60 real Danish administrative texts (Gentofte's `018520-2013` among them) is taken for
    a CPR number: they hold none."""
    texts = sorted((shared_dir / "samples").rglob("*.txt")) + sorted((shared_dir / "seeds").rglob("*.txt"))
    assert len(texts) >= 50
    for path in texts:
        text = path.read_text("utf-8", errors="replace")
        assert find_cpr(text) == [], path.name


def test_keep_personal_data_keeps_them_as_written() -> None:
    result = process_bytes("Borgeren med CPR-nr. 010190–1234 har fået mentorstøtte.\n".encode(), "a.txt",
                           Settings(keep_personal_data=True))
    assert "010190–1234" in result.documents[0].full_text
    assert "010190" not in json.dumps(file_json(result), ensure_ascii=False)  # masked on output still
    shown: FileResult = result
    assert "010190–1234" in json.dumps(file_json(shown, show_personal_data=True), ensure_ascii=False)
