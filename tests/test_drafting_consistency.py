"""The check before writing, on a store of several administrations: the corpus (København, with a
Svendborg memo and Hvidovre minutes) and two real Odense documents read in place from
../shared/samples/realworld (a letter answering a council member, and city council minutes with
their case numbers). A fact of another administration must be named as that administration's;
the warnings reach the secretary through `foi draft`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.responses.consistency import check_draft
from foi.responses.draft import Draft, DraftOptions, build_draft
from foi.responses.gather import Provenance, Section
from foi.settings import Settings
from foi.store import open_db
from foi.store.listings import all_documents, document_full_text
from foi.store.queries import document, stored_answers

ROOT = Path(__file__).resolve().parent.parent
MENTOR = ROOT / "tests" / "documents" / "inquiry_mentor.txt"
ODENSE = ("11_odense-svar-ejbyskolen-2009.txt", "26_odense-byraad-referat-2016-04-06.txt")
LIST_OF_KOEBENHAVN = "Københavns Kommune, Beskæftigelses- og Integrationsforvaltningen"
KK_LETTER = "000_20e448a58bbb3448.txt"


def ask_again(db, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    """An inquiry that asks for the 2017 companies and asks again what København's 2018 letter answered as
    its question 2 (read from the store): its Ad 2 is drafted by the reuse rule, whatever else is asked."""
    earlier = next(a for a in stored_answers(db) if a.document.path.endswith(KK_LETTER) and a.number == 2)
    path = folder / "henvendelse.txt"
    path.write_text("Fra: Mette Holm <mette.holm@eksempel.dk>\nSendt: 4. november 2024 09:14\n"
                    "Til: Beskæftigelses- og Integrationsforvaltningen\nEmne: Mentorstøtte i virksomhedspraktik\n\n"
                    "Kære forvaltning\n\nJeg beder om svar på følgende:\n\n"
                    "1. Hvilke virksomheder havde i 2017 borgere i virksomhedspraktik, hvor der samtidig blev givet "
                    f"mentorstøtte?\n\n2. {' '.join(earlier.question.split())}\n\nMed venlig hilsen\nMette Holm\n",
                    "utf-8")
    return path


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from foi.extract.batch import extract_paths

    db_path = tmp_path_factory.mktemp("administrations") / "foi.db"
    files = sorted((ROOT / "corpus").glob("*.txt")) + [shared_dir / "samples" / "realworld" / f for f in ODENSE]
    summary = extract_paths(files, Settings(db_path=db_path, workers=2))
    assert summary.failed == 0
    return db_path


@pytest.fixture(scope="module")
def db(store: Path):  # type: ignore[no-untyped-def]
    return open_db(store, create=False)


@pytest.fixture(scope="module")
def again(db, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    return ask_again(db, tmp_path_factory.mktemp("again"))


def fresh(db, profile: str, inquiry: Path = MENTOR) -> Draft:  # type: ignore[no-untyped-def]
    return build_draft(inquiry, db, DraftOptions(profile=profile, date="2024-11-18", sagsnr="2024-0123456"))


def stored(db, name: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The stored document of a file of the shared samples, by its file name."""
    return next(d for d in all_documents(db) if d["path"].endswith(name))


def odense_case(db) -> str:  # type: ignore[no-untyped-def]
    """A case number of the Odense minutes, as the store has it (read, not copied into the test)."""
    return str(stored(db, ODENSE[1])["case_numbers"][-1])


def about(warnings: list[str], start: str, path_end: str) -> list[str]:
    return [w for w in warnings if w.startswith(start) and w.endswith(f"{path_end})")]


def lookup(db, number: int, name: str, paragraphs: list[str]) -> Section:  # type: ignore[no-untyped-def]
    """A section as the look-up rule makes it: facts of one stored document, with their provenance."""
    source = document(db, stored(db, name)["id"])
    section = Section(number, "", "lookup", "answer_lookup.j2", {"own": False})
    section.provenance.append(Provenance.of(number, "looked up", source))
    section.paragraphs = paragraphs
    return section


def test_a_draft_for_svendborg_names_koebenhavns_list_and_answer_as_built(db, again: Path) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db, "svendborg-ac", again)
    assert [s.rule for s in draft.sections] == ["companies", "reuse"]
    assert check_draft(draft, db) == []  # the quoted answer says "Forvaltningen har udarbejdet …": a quote


def test_another_administrations_list_worded_as_the_forvaltnings_own(db) -> None:  # type: ignore[no-untyped-def]
    # issue 13: a Svendborg letter stating "Forvaltningens oversigt af 12. oktober 2018 (sagsnr. 2018-0000088)"
    draft = fresh(db, "svendborg-ac")
    draft.sections[0].paragraphs[0] = ("Forvaltningens oversigt af 12. oktober 2018 (sagsnr. 2018-0000088) omfatter "
                                       "141 virksomheder, som i 2017 har haft borgere i virksomhedspraktik.")
    assert about(check_draft(draft, db), f"Ad 1: 'Forvaltningens oversigt' presents a document of {LIST_OF_KOEBENHAVN} "
                 "as the administration's own (", "000_20e448a58bbb3448.txt")


def test_another_administrations_answer_reused_as_the_forvaltnings_earlier_answer(db, again: Path) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db, "svendborg-ac", again)
    draft.sections[1].paragraphs[0] = ("Forvaltningen har tidligere besvaret et tilsvarende spørgsmål i brev af "
                                       "23. oktober 2018 (sagsnr. 2018-0000088). Svaret gengives her:")
    assert about(check_draft(draft, db), "Ad 2: 'Forvaltningen har tidligere' presents a document of "
                 f"{LIST_OF_KOEBENHAVN} as the administration's own (", "000_20e448a58bbb3448.txt")


def test_another_administrations_answer_quoted_without_naming_it(db, again: Path) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db, "svendborg-ac", again)
    del draft.sections[1].paragraphs[0]  # the quote names København's forvaltning, the letter itself does not
    assert about(check_draft(draft, db), f"Ad 2: uses a document of {LIST_OF_KOEBENHAVN} without naming "
                 f"{LIST_OF_KOEBENHAVN} (", "000_20e448a58bbb3448.txt")


def test_a_case_of_another_administration_cited_in_any_section(db) -> None:  # type: ignore[no-untyped-def]
    draft = fresh(db, "svendborg-ac")
    draft.sections[2].paragraphs = ["Se venligst svar på spørgsmål 2 og sagsnr. 2018-0000088."]
    assert about(check_draft(draft, db), "Ad 3: cites case 2018-0000088 of Københavns Kommune",
                 "000_20e448a58bbb3448.txt")


def test_an_odense_case_cited_in_a_koebenhavn_letter(db) -> None:  # type: ignore[no-untyped-def]
    case = odense_case(db)
    draft = fresh(db, "koebenhavn-bif")
    draft.sections[3].paragraphs = [f"Forvaltningen henviser til sagsnr. {case}."]
    draft.closing = [f"Sagen har sagsnr. {case}."]
    warnings = check_draft(draft, db)
    assert about(warnings, f"Ad 4: cites case {case} of Odense Kommune without naming it (", ODENSE[1])
    assert about(warnings, f"Closing: cites case {case} of Odense Kommune without naming it (", ODENSE[1])
    draft.sections[3].paragraphs = [f"Forvaltningen henviser til Odense Kommunes sag {case}."]
    draft.closing = []
    assert check_draft(draft, db) == []


def test_a_look_up_in_odenses_minutes_must_name_odense(db) -> None:  # type: ignore[no-untyped-def]
    case = odense_case(db)
    draft = fresh(db, "koebenhavn-bif")
    draft.sections[3] = lookup(db, 4, ODENSE[1], [f"Byrådet vedtog den 6. april 2016 lokalplanen (sag {case})."])
    draft.sections[3].question = draft.inquiry.questions[3].text
    ad4 = [w for w in check_draft(draft, db) if w.startswith("Ad 4")]  # one warning: the case is the source's
    assert len(ad4) == 1
    assert about(ad4, "Ad 4: uses a document of Odense Kommune without naming Odense Kommune (", ODENSE[1])
    draft.sections[3].paragraphs = ["Kommunens referat af byrådsmødet den 6. april 2016 viser, at lokalplanen blev "
                                    "vedtaget."]
    assert about(check_draft(draft, db), "Ad 4: 'Kommunens referat' presents a document of Odense Kommune as the "
                 "administration's own (", ODENSE[1])
    draft.sections[3].paragraphs = [f"Odense Byråd vedtog den 6. april 2016 lokalplanen (Odense Kommunes sag {case})."]
    assert check_draft(draft, db) == []


def test_a_quote_of_odenses_letter_is_odenses_the_framing_is_the_writers(db) -> None:  # type: ignore[no-untyped-def]
    letter = stored(db, ODENSE[0])
    text = document_full_text(db, letter["id"])
    quote = next(line for line in text.splitlines() if " vi " in line and len(line.split()) > 12)  # Odense's "vi"
    draft = fresh(db, "koebenhavn-bif")
    draft.sections[3] = lookup(db, 4, ODENSE[0], ["Odense Kommune har i brev af 6. maj 2009 svaret på et lignende "
                                                  "spørgsmål. Svaret gengives her til orientering:", quote])
    draft.sections[3].question = draft.inquiry.questions[3].text
    assert check_draft(draft, db) == []
    draft.sections[3].paragraphs[0] = "Vi har tidligere svaret på et lignende spørgsmål i brev af 6. maj 2009:"
    assert about(check_draft(draft, db), "Ad 4: 'Vi har tidligere' presents a document of Odense Kommune as the "
                 "administration's own (", ODENSE[0])
    draft.sections[3].paragraphs[0] = "Odense Kommune har i brev af 7. maj 2009 svaret på et lignende spørgsmål:"
    assert "Ad 4: the text dates a letter 7. maj 2009; its source is dated 6. maj 2009 in the store" in check_draft(
        draft, db)


# -- through `foi draft`: a house template or closing that words the letter wrongly --------------------
def run(store: Path, tmp_path: Path, profile: str, parts: dict[str, str], *extra: str) -> str:
    folder = tmp_path / "skabelon"
    folder.mkdir()
    for name, text in parts.items():
        (folder / name).write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["draft", str(MENTOR), "--db", str(store), "--profile", profile, "--template",
                                       str(folder), "--out", str(tmp_path / "svar.docx"), *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_cli_a_house_template_that_words_another_administrations_list_as_own(store: Path, tmp_path: Path) -> None:
    stderr = run(store, tmp_path, "svendborg-ac", {"answer_companies.j2": (
        "Forvaltningens oversigt af {{ source_date }} (sagsnr. {{ source_case }}) omfatter {{ count }} "
        "virksomheder.\n\n"
        "Virksomhederne fremgår af vedlagte {{ annex_label|lower }}.\n")}, "--date", "2024-11-18")
    assert about(stderr.splitlines(), f"Warning: Ad 1: 'Forvaltningens oversigt' presents a document of "
                 f"{LIST_OF_KOEBENHAVN} as the administration's own (", "000_20e448a58bbb3448.txt")


def test_cli_a_closing_from_last_years_letter_with_another_count(store: Path, tmp_path: Path) -> None:
    stderr = run(store, tmp_path, "koebenhavn-bif", {"closing.j2": "Vedlagte bilag omfatter i alt 140 virksomheder.\n"},
                 "--date", "2024-11-18")
    assert "Warning: Closing: the text says 140 companies, the annex lists 141" in stderr.splitlines()


def test_cli_a_date_after_the_letter_in_any_written_form(store: Path, tmp_path: Path) -> None:
    stderr = run(store, tmp_path, "koebenhavn-bif", {"closing.j2": "Vi henviser til vores brev af 1/3 2025.\n"},
                 "--date", "18-11-2024")  # the letter's date in another form, read by the same date finder
    assert "Warning: Closing: mentions 1. marts 2025, after the letter's date 18. november 2024" in stderr.splitlines()


def test_a_sentence_pasted_from_odenses_letter_without_naming_odense(db) -> None:  # type: ignore[no-untyped-def]
    text = document_full_text(db, stored(db, ODENSE[0])["id"])
    quote = next(line for line in text.splitlines() if " vi " in line and len(line.split()) > 12)
    draft = fresh(db, "koebenhavn-bif")
    draft.sections[3].paragraphs = [quote]  # the placeholder filled in by hand: no provenance
    assert about(check_draft(draft, db), "Ad 4: quotes a document of Odense Kommune without naming Odense Kommune (",
                 ODENSE[0])
    draft.sections[3].paragraphs = ["Odense Kommune har svaret på et lignende spørgsmål således:", quote]
    assert check_draft(draft, db) == []


def test_a_sentence_of_koebenhavns_answer_is_koebenhavns_own_but_not_svendborgs(db) -> None:  # type: ignore[no-untyped-def]
    answer = next(a for a in stored_answers(db) if a.document.path.endswith(KK_LETTER) and len(a.answer.split()) > 30)
    sentence = next(s for s in answer.answer.replace("\n", " ").split(". ") if len(s.split()) > 12) + "."
    for profile, expected in (("koebenhavn-bif", False), ("svendborg-ac", True)):
        draft = fresh(db, profile)
        draft.sections[3].paragraphs = [sentence]
        found = about(check_draft(draft, db), f"Ad 4: quotes a document of {LIST_OF_KOEBENHAVN} without naming",
                      KK_LETTER)
        assert bool(found) is expected, profile


def test_an_aktliste_of_another_administrations_documents_is_no_attribution_matter(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    request = tmp_path / "anmodning.txt"
    request.write_text("Kære Svendborg Kommune\n\nJeg beder om aktindsigt i sag 2018-0000088.\n\nMed venlig hilsen\n"
                       "Per Hansen\n", "utf-8")
    draft = build_draft(request, db, DraftOptions(profile="svendborg-ac", family="aktindsigt", date="2025-01-10"))
    assert draft.sections[0].provenance  # the documents of København's case
    assert check_draft(draft, db) == []
