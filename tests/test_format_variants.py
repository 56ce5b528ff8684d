"""The same letter gives the same facts in every format foi reads: the contract.

Each letter (our own words) is written into each format in tmp_path by the writers of
`bench/format_writers.py` (Word with a paragraph per line, with line breaks, with the letterhead in a
table or in the page header; a web page among menus and a footer; an e-mail with the letter as plain
or Outlook HTML body, or attached; a PDF plain, justified, or laid out as a letter with a sidebar) and
read back with `foi extract --json`. Kind, case numbers, date, questions, answers, the signer and the
people the letter names must be those of the letter in every format. An e-mail whose body is the
letter is of kind email, is sent the day the letter is dated, and the name it is signed with is its
sender.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from foi.cli import main

BENCH = Path(__file__).resolve().parent.parent / "bench" / "format_writers.py"


@cache
def _writers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("format_writers", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Letter:
    text: str
    date: str
    case_numbers: frozenset[str]
    questions: dict[int, str]  # number -> text
    answers: dict[int, str]
    signer: str
    people: frozenset[str]  # everyone the letter names, in any role (the signer too)


MUNICIPALITY = Letter(
    text="""Solbjerg Kommune
Teknik og Miljø
Torvegade 4
4600 Solbjerg

Sagsnr. 24/08817
Sagsbehandler: Lise Dam
Dato: 14. marts 2024

Kære Hanne Lund

Du har som medlem af kommunalbestyrelsen den 4. marts 2024 stillet følgende spørgsmål om vintertjenesten:

1. Hvor mange kilometer cykelsti blev saltet i januar 2024?
2. Hvad kostede saltningen af cykelstierne i januar 2024?

Forvaltningen kan oplyse følgende:

Ad 1
I januar 2024 blev der saltet 212 kilometer cykelsti. Ruterne følger prioriteringen i regulativet for \
vintervedligeholdelse.

Ad 2
Saltningen af cykelstierne kostede 486.000 kr. i januar 2024. Beløbet dækker både materialer og mandetimer.

Med venlig hilsen

Per Mølgaard
Vej- og parkchef
""",
    date="2024-03-14",
    case_numbers=frozenset({"24/08817"}),
    questions={1: "Hvor mange kilometer cykelsti blev saltet i januar 2024?",
               2: "Hvad kostede saltningen af cykelstierne i januar 2024?"},
    answers={1: "I januar 2024 blev der saltet 212 kilometer cykelsti. Ruterne følger prioriteringen i regulativet "
                "for vintervedligeholdelse.",
             2: "Saltningen af cykelstierne kostede 486.000 kr. i januar 2024. Beløbet dækker både materialer og "
                "mandetimer."},
    signer="Per Mølgaard",
    people=frozenset({"Hanne Lund", "Lise Dam", "Per Mølgaard"}),
)

# a minister's answer as a PDF's text gives it: lines broken mid-sentence, no blank lines, the name
# alone at the end
MINISTRY = Letter(
    text="""Folketingets Boligudvalg
Christiansborg
Boligministeriet
J.nr. 2023-1187
Dok.nr. 2023-1187-31
8. november 2023
Boligudvalget har i brev af 20. oktober 2023 stillet følgende spørgsmål nr. 41 (Alm. del) efter ønske
fra Ida Bruun (SF), som hermed besvares.
Spørgsmål nr. 41:
”Vil ministeren oplyse, hvor mange almene boliger der blev renoveret med støtte fra
Landsbyggefonden i 2022?”
Svar:
Ifølge Landsbyggefonden blev der i 2022 givet tilsagn om støtte til renovering af i alt
9.340 almene boliger fordelt på 61 afdelinger. Tallet omfatter ikke boliger, hvor
arbejdet blev sat i gang før 2022.
Jonas Holt
""",
    date="2023-11-08",
    case_numbers=frozenset({"2023-1187", "2023-1187-31"}),
    questions={41: "Vil ministeren oplyse, hvor mange almene boliger der blev renoveret med støtte fra "
                   "Landsbyggefonden i 2022?"},
    answers={41: "Ifølge Landsbyggefonden blev der i 2022 givet tilsagn om støtte til renovering af i alt 9.340 "
                 "almene boliger fordelt på 61 afdelinger. Tallet omfatter ikke boliger, hvor arbejdet blev sat i "
                 "gang før 2022."},
    signer="Jonas Holt",
    people=frozenset({"Ida Bruun", "Jonas Holt"}),
)

# an answer to a citizen's questions at the council's question time, blocks set apart by blank lines
QUESTION_TIME = Letter(
    text="""Spørgetid i Kommunalbestyrelsen

Møde den 22. april 2024

Spørgsmål fra:

Karen Vestergaard, Lindevej 12, 5620 Glamsbjerg
Ole Krogh og Bodil Krogh, Lindevej 14, 5620 Glamsbjerg

Journalnr.: 05.01.02-P20-4-24

Spørgsmål 1: Hvornår bliver fortovet på Lindevej repareret?

Spørgsmål 2: Hvorfor er der ikke sat skilte op om omkørslen?

Ad 1.
Fortovet bliver repareret i uge 24, når ledningsarbejdet på vejen er afsluttet.

Ad 2.
Skiltene blev sat op den 15. april 2024, men to af dem er siden blevet fjernet af ukendte. De bliver sat op igen.

Med venlig hilsen

Birthe Kjær
Formand for Teknisk Udvalg
""",
    date="2024-04-22",
    case_numbers=frozenset({"05.01.02-P20-4-24"}),
    questions={1: "Hvornår bliver fortovet på Lindevej repareret?",
               2: "Hvorfor er der ikke sat skilte op om omkørslen?"},
    answers={1: "Fortovet bliver repareret i uge 24, når ledningsarbejdet på vejen er afsluttet.",
             2: "Skiltene blev sat op den 15. april 2024, men to af dem er siden blevet fjernet af ukendte. De bliver "
                "sat op igen."},
    signer="Birthe Kjær",
    people=frozenset({"Karen Vestergaard", "Ole Krogh", "Bodil Krogh", "Birthe Kjær"}),
)

LETTERS = {"municipality": MUNICIPALITY, "ministry": MINISTRY, "question_time": QUESTION_TIME}
FORMATS = ("txt", "docx", "docx-breaks", "docx-table", "docx-header", "html", "eml", "eml-html", "eml-docx",
           "pdf", "pdf-justified", "pdf-letter")
EMAIL_BODIES = ("eml", "eml-html")  # the letter is the e-mail: the document is of kind email


def _extract(path: Path) -> list[dict[str, Any]]:
    done = CliRunner().invoke(main, ["extract", "--json", str(path)])
    assert done.exit_code == 0, done.output
    documents: list[dict[str, Any]] = json.loads(done.stdout)["documents"]
    return documents


def _written(tmp_path: Path, name: str, fmt: str) -> Path:
    letter = LETTERS[name]
    if fmt == "txt":
        suffix, data = ".txt", letter.text.encode("utf-8")
    else:
        if fmt.startswith("pdf") and _writers().pdf_available():
            pytest.skip(f"PDF variants need reportlab, a test dependency: {_writers().pdf_available()}")
        suffix, data = _writers().write(fmt, letter.text, letter.date)
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(LETTERS))
def test_a_letter_gives_the_same_facts_in_every_format(tmp_path: Path, name: str, fmt: str) -> None:
    letter = LETTERS[name]
    documents = _extract(_written(tmp_path, name, fmt))
    # an attached letter is a document of its own after the covering e-mail
    found = [d for d in documents if d["kind"] != "email"] if fmt == "eml-docx" else documents
    assert len(found) == 1, [d["kind"] for d in documents]
    [doc] = found
    assert doc["kind"] == ("email" if fmt in EMAIL_BODIES else "letter")
    assert doc["date"] == letter.date
    numbers = {c["value"] for key in ("case_numbers", "cited_case_numbers") for c in doc[key]}
    assert numbers == letter.case_numbers
    assert {q["number"]: " ".join(q["text"].split()) for q in doc["questions"]} == letter.questions
    assert {a["number"]: " ".join(a["text"].split()) for a in doc["answers"]} == letter.answers
    signed = {p["name"] for p in doc["signers"] + (doc["senders"] if fmt in EMAIL_BODIES else [])}
    assert letter.signer in signed
    named = {p["name"] for role in ("recipients", "senders", "signers", "caseworkers", "members") for p in doc[role]}
    assert letter.people <= named


# -- PDF lines that the layout wrapped where the text has none ---------------------------------------
def _pdf(pages: list[list[str]]) -> bytes:
    """Lines drawn as given, 10 pt, one list per page: where the text wraps is ours to say."""
    if _writers().pdf_available():
        pytest.skip(f"PDF tests need reportlab, a test dependency: {_writers().pdf_available()}")
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    font, _clean = _writers()._pdf_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    for lines in pages:
        canvas.setFont(font, 10)
        for n, line in enumerate(lines):
            canvas.drawString(72, A4[1] - 90 - 12.5 * n, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_number_wrapped_before_a_dash_is_one_number(tmp_path: Path) -> None:
    # the longest line sets the column's edge: "J.nr. 2025" ends at it, so "- 3060" was wrapped there
    path = tmp_path / "svar.pdf"
    path.write_bytes(_pdf([[
        "Beskæftigelsesministeriet",
        "",
        "Beskæftigelsesudvalget har stillet spørgsmål nr. 32, som hermed besvares under J.nr. 2025",
        "- 3060. Svaret er sendt til udvalget den 11. juni 2025.",
    ]]))
    [doc] = _extract(path)
    assert {c["value"] for c in doc["case_numbers"] + doc["cited_case_numbers"]} == {"2025-3060"}


def test_a_paragraph_cut_by_a_page_break_is_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "svar.pdf"
    path.write_bytes(_pdf([
        ["Boligministeriet", "", "8. november 2023", "",
         "Boligudvalget har i brev af 20. oktober 2023 stillet følgende spørgsmål nr. 41 efter ønske fra"],
        ["Ida Bruun (SF), som hermed besvares.", "", "Med venlig hilsen", "", "Jonas Holt"],
    ]))
    [doc] = _extract(path)
    assert "Ida Bruun" in {p["name"] for p in doc["senders"]}
    assert "efter ønske fra Ida Bruun (SF), som hermed besvares." in doc["text"]
