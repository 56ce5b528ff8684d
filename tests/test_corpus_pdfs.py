"""The PDF reader on the corpus PDFs (rendered from corpus/*.txt by corpus/make_pdfs.py): exact text."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from foi.extract.model import BODY, MARGIN, NOISE, Document, ReadResult
from foi.extract.readers import pdf as reader
from foi.extract.readers import read_bytes
from foi.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
STEMS = ["000_20e448a58bbb3448", "001_8c8c1811718375a8", "002_670bcd0a51add0d1", "003_5eca514296d22fd1",
         "004_6a3b9686ae7cb3f0"]


@cache
def result(stem: str) -> ReadResult:
    return reader.read((CORPUS / f"{stem}.pdf").read_bytes(), f"{stem}.pdf", Settings())


def text_of(stem: str) -> str:
    return Document(1, "letter", result(stem).lines).text


def lines_of(stem: str, role: str) -> list[str]:
    return [line.text for line in result(stem).lines if line.role == role and line.text]


def make_pdfs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdfs", CORPUS / "make_pdfs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_seed_text_has_its_pdf() -> None:
    assert sorted(p.stem for p in CORPUS.glob("*.pdf")) == sorted(p.stem for p in CORPUS.glob("*.txt")) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_corpus_pdfs_are_current_and_byte_stable(stem: str, tmp_path: Path) -> None:
    module = make_pdfs()
    if module.FONT != "Body":
        pytest.skip("DejaVu Sans is not installed: make_pdfs falls back to Helvetica, other bytes")
    shutil.copy(CORPUS / f"{stem}.txt", tmp_path)
    target, _ = module.build(tmp_path / f"{stem}.txt")
    assert target.read_bytes() == (CORPUS / f"{stem}.pdf").read_bytes(), "run python corpus/make_pdfs.py"


def test_documents_start_on_their_own_pages_with_the_gold_splits() -> None:
    starts = {}
    for stem in STEMS:
        firsts = [next((x.text for x in page.lines if x.role == BODY and x.text), "") for page in result(stem).pages]
        starts[stem] = [first for first in firsts if first in ("KØBENHAVNS KOMMUNE", "Niels Nicolai Nordstrøm")
                        or first.startswith("Notat om")]
    assert starts["000_20e448a58bbb3448"] == ["KØBENHAVNS KOMMUNE"] * 2  # letter + annex
    assert starts["002_670bcd0a51add0d1"] == [  # e-mail, two letters, a memo
        "Niels Nicolai Nordstrøm", "KØBENHAVNS KOMMUNE", "KØBENHAVNS KOMMUNE",
        'Notat om ubesatte pladser - "Særlige beskæftigelsesordninger"']


def test_000_body_text_is_joined_across_the_sidebar() -> None:
    text = text_of("000_20e448a58bbb3448")
    assert "hvad arbejdsgiveren eller uddannelsesinstitutionen sædvanligvis forventes at varetage" in text
    assert "\n\nI 2017 har ca. 3.000 borgere haft tildelt en ekstern fastholdelsesmentor i København." in text
    assert "aktiviteten, tilbuddet eller ansættelsen.”" in text  # æ, ø, å and ” survive
    assert "Forvaltningen har ikke oplevet tilsvarende problemstillinger efterfølgende.\n\nMed venlig hilsen" in text


@pytest.mark.parametrize("stem", ["000_20e448a58bbb3448", "001_8c8c1811718375a8"])
def test_sidebar_never_reaches_the_body(stem: str) -> None:
    body = "\n".join(lines_of(stem, BODY))
    for sidebar_text in ("Rådhuspladsen", "Bernstorffsgade", "3366 3366", "www.kk.dk", "Telefon", "Sagsnr",
                         "Sagsnummer", "Dokumentn"):
        assert sidebar_text not in body
    margin = lines_of(stem, MARGIN)
    assert "3366 3366" in margin and "www.kk.dk" in margin


def test_case_numbers_are_margin_lines_after_their_label() -> None:
    margin = lines_of("000_20e448a58bbb3448", MARGIN)
    assert margin[:3] == ["23. oktober 2018", "Sagsnr.", "2018-0000088"]
    assert margin[margin.index("Dokumentnr.") + 1] == "2018-0000088-148"
    assert "2018-0000088-163" in margin  # the annex's, on its own first page
    assert ["EAN nummer", "5798009710178"] in [margin[i:i + 2] for i in range(len(margin))]
    margin = lines_of("001_8c8c1811718375a8", MARGIN)
    assert margin[:5] == ["10-03-2023", "Sagsnummer i F2", "2023 - 3701", "Dokumentnummer i F2", "2834597"]


@pytest.mark.parametrize("stem", STEMS)
def test_page_numbers_and_running_headers_are_noise(stem: str) -> None:
    kept = lines_of(stem, BODY) + lines_of(stem, MARGIN)
    assert not [line for line in kept if re.fullmatch(r"Side \d+ af \d+|\d+/\d+|\d{1,3}", line)]
    assert not any("Side 2" in line for line in kept)
    noise = lines_of(stem, NOISE)
    assert noise and all(re.fullmatch(r"Side \d+ af \d+|\d+(/\d+)?", n) or not n[0].isdigit() for n in noise)


def test_running_header_kept_by_the_text_extraction_is_noise_in_the_pdf() -> None:
    noise = lines_of("001_8c8c1811718375a8", NOISE)
    assert noise.count("Direktionen Beskæftigelses- og Integrationsforvaltningen") == 2
    text = text_of("001_8c8c1811718375a8")
    assert "Her gælder, at alle tilbud kan anvendes ved tvivl om rådighed." in text
    assert "Direktionen" not in text
    title, web = "Referat - Arbejdsmarkedsudvalget den 28. august 2017", "004_6a3b9686ae7cb3f0"
    assert lines_of(web, NOISE).count(title) == len(result(web).pages)  # the browser's header
    assert lines_of(web, BODY).count(title) == 1  # the page's own title


def test_every_page_lists_its_margin_before_its_body() -> None:
    for stem in STEMS:
        for page in result(stem).pages:
            roles = [line.role for line in page.lines if line.role != NOISE]
            assert roles == sorted(roles, key=lambda role: role != MARGIN), (stem, page.number)


def test_hyphenated_words_come_back_whole() -> None:
    # the renderer hyphenates long words at line end; the reader joins wrapped lines into paragraphs
    for stem in STEMS:
        body = " ".join(line.text for line in result(stem).lines if line.role == BODY)
        leftovers = re.findall(r"[a-zæøå]{2}- (?!(?:og|eller|samt|til)\b)[a-zæøå]+", body)
        assert leftovers == [], (stem, leftovers)
    assert "mentorfunktion" in " ".join(line.text for line in result("000_20e448a58bbb3448").lines)


def test_memo_table_is_a_table() -> None:
    tables = result("002_670bcd0a51add0d1").tables
    assert len(tables) == 1
    assert tables[0].header == ["", "Nedlagte pladser pr. 30.09.2015", "Pladser i bero pr. 30.09.2015",
                                "Åbne pladser pr. 30.09.2015", "I alt"]
    assert tables[0].rows[0] == ["Virksomhedspraktik", "108", "21", "43", "172"]
    assert tables[0].rows[-1] == ["I alt", "151", "26", "49", ""]
    assert "Nytteindsats\t14\t5\t6\t25" in lines_of("002_670bcd0a51add0d1", BODY)


def test_svendborg_opening_hours_and_notice_are_margin() -> None:
    body = "\n".join(lines_of("003_5eca514296d22fd1", BODY))
    for text in ("Mandag-onsdag", "Kl. 09.00-15.00", "Kl. 10.00-16.30", "Åbningstider", "Digital post"):
        assert text not in body
    margin = "\n".join(lines_of("003_5eca514296d22fd1", MARGIN))
    assert "Åbningstider:" in margin and "Torsdag\tKl. 10.00-16.30" in margin and "Ramsherred 5" in margin
    assert "Der findes ingen regler om, hvor mange timers støtte, der kan bevilges." in text_of("003_5eca514296d22fd1")


def test_the_e_mail_keeps_its_header_block_and_signature_in_the_body() -> None:
    body = lines_of("002_670bcd0a51add0d1", BODY)
    assert body[:3] == ["Niels Nicolai Nordstrøm", "Fra: Pia Jacobsen", "Sendt: 6. oktober 2015 17:31"]
    assert "Rådhuspladsen 1, 60" in body and "VÆKST GENNEM" in body  # "**" rendered bold, gone from the text


def test_the_registry_reads_the_pdf_by_its_content() -> None:
    path = CORPUS / "001_8c8c1811718375a8.pdf"
    read = read_bytes(path.read_bytes(), str(path), Settings())
    assert read.format == "pdf" and len(read.pages) == 3
