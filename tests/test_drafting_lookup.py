"""Fact look-ups (issue 13): a stored letter's case number and signer, a meeting's date and committee,
an amount with its sentence -- answered from the store with the source in a [TJEK] note; a part the
store lacks is a placeholder, several equal matches are listed and not guessed, and a document of
another administration is named as that administration's. Driven through `foi draft` on stores
really extracted from corpus/ and from real documents of other administrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foi.cli import main
from foi.extract.batch import extract_paths
from foi.extract.model import Question
from foi.responses.lookup import covers, lookup_section, parse, sentence
from foi.settings import Settings
from foi.store.schema import open_db

EXAMPLE = ("Hvad er sagsnummeret på forvaltningens brev af 23. oktober 2018 om virksomhedspraktik, "
           "og hvem underskrev det?")
QUESTIONS = [
    EXAMPLE,
    "Hvornår holdt Arbejdsmarkedsudvalget møde i august 2017?",
    "Hvad er sagsnummeret på forvaltningens brev af 14. marts 2019, og hvem underskrev det?",
    "Hvem underskrev brevet fra 2015?",
    "Hvad er dokumentnummeret på notatet om ubesatte pladser, og hvem er modtager?",
    "Hvilken dato behandlede udvalget sagen om udbetaling af flygtninge bonus?",
    "Hvor stor var beskæftigelsesbonussen fra Udlændinge- og Integrationsministeriet i 2017?",
    "Hvem var afsender af mailen af 6. oktober 2015?",
    "Hvornår blev notatet om ubesatte pladser skrevet?",
    "Hvornår var sagen om flygtninge bonus på udvalgets dagsorden?",
    "Hvem underskrev brevet af 23. oktober 2018, og hvad kostede mentorstøtten?",
]
REALWORLD = ["25_odense-oekonomiudvalget-referat-2017-04-26.txt", "28_roskilde-kultur-idraet-referat-2019-04-03.txt",
             "29_kolding-oekonomiudvalget-referat-2019-03-18.txt",
             "41_boerne-undervisningsministeriet-svar-ufo-spm-32-2021.txt"]


def _inquiry(folder: Path, to: str, questions: list[str]) -> Path:
    path = folder / "henvendelse.txt"
    numbered = "\n\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1))
    path.write_text(f"Fra: Mette Holm <mette.holm@eksempel.dk>\nSendt: 4. november 2024 09:14\nTil: {to}\n"
                    f"Emne: Spørgsmål om breve og møder\n\nKære forvaltning\n\n{numbered}\n\n"
                    "Med venlig hilsen\nMette Holm\n", "utf-8")
    return path


def _draft(inquiry: Path, db: Path, *args: str) -> tuple[str, dict[int, str]]:
    """The command's output, and each Ad section's text of the Markdown draft."""
    out = inquiry.parent / "svar.docx"
    result = CliRunner().invoke(main, ["draft", str(inquiry), "--db", str(db), "--out", str(out), "--markdown",
                                       "--force", "--date", "2024-11-18", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    markdown = out.with_suffix(".md").read_text("utf-8").split("Med venlig hilsen")[0]
    sections = {}
    for part in markdown.split("**Ad ")[1:]:
        number, _, body = part.partition(":")
        sections[int(number)] = " ".join(body.split("**", 1)[1].replace("**", "").split())
    return result.output, sections


@pytest.fixture(scope="module")
def corpus_draft(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[int, str]]:
    inquiry = _inquiry(tmp_path_factory.mktemp("lookup"), "Beskæftigelses- og Integrationsforvaltningen", QUESTIONS)
    return _draft(inquiry, corpus_db, "--profile", "koebenhavn-bif")


def test_the_issues_example_is_answered_from_the_store_with_its_source(
        corpus_draft: tuple[str, dict[int, str]]) -> None:
    output, ad = corpus_draft
    assert ad[1].startswith("Forvaltningens brev af 23. oktober 2018 har sagsnr. 2018-0000088. "
                            "Brevet er underskrevet af adm. direktør Tanja Franck.")
    note = ad[1].split("[TJEK:")[1]
    assert "Københavns Kommune, Beskæftigelses- og Integrationsforvaltningen" in note
    assert "23. oktober 2018" in note and "sagsnr. 2018-0000088" in note and "dokumentnr. 2018-0000088-148" in note
    assert "fil " in note and "000_20e448a58bbb3448.txt" in note
    assert "Ad 1: lookup" in output
    assert "Ad 1: case_number, signer of the document (look-up) <-" in output


def test_a_meeting_gets_its_date_and_committee_named_as_another_administrations(
        corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    # the minutes are Hvidovre's: a København draft names the municipality, never "forvaltningens"
    assert ad[2].startswith("Arbejdsmarkedsudvalget i Hvidovre Kommune holdt møde den 28. august 2017.")
    assert "004_6a3b9686ae7cb3f0.txt" in ad[2] and "det er en anden myndigheds udvalg" in ad[2]
    assert ad[6].startswith("Arbejdsmarkedsudvalget i Hvidovre Kommune behandlede sagen »Udbetaling af flygtninge "
                            "bonus« på mødet den 28. august 2017.")


def test_a_letter_date_that_no_stored_document_has_gets_the_placeholder(
        corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    assert ad[3].startswith("[INDSÆT SVAR:")
    assert "sagsnr." not in ad[3] and "Tanja Franck" not in ad[3]


def test_equal_matches_are_listed_not_guessed(corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    answer, note = ad[4].split("[TJEK:")
    assert answer.strip() == "Brevet er underskrevet af [INDSÆT UNDERSKRIVER]."
    assert "6. oktober 2015" in note and "24. november 2015" in note and "flere dokumenter" in note
    assert "Anna Mee Allerslev" not in ad[4] and "Jesper Christensen" not in ad[4]


def test_a_part_the_store_lacks_is_a_placeholder_in_the_same_section(
        corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    assert ad[5].startswith("Forvaltningens notat af 4. november 2015 har dokumentnr. 2015-0186920-13. "
                            "Notatet er sendt til [INDSÆT MODTAGER].")


def test_an_amount_is_quoted_with_its_sentence(corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    # Hvidovre's amount in a København draft: said as Hvidovre's, not as the answer's own statement
    assert ad[7].startswith("Ifølge referatet af 28. august 2017 fra Hvidovre Kommune er beløbet 350.000 kr.:")
    assert "»Arbejdsmarkedsudvalget orienteres om" in ad[7] and "Integrationsministeriet.«" in ad[7]
    assert "25.000" not in ad[7]


def test_a_sender_a_date_and_an_agenda_item_asked_in_other_words(corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    assert ad[8].startswith("Forvaltningens e-mail af 6. oktober 2015 er sendt af fuldmægtig Pia Jacobsen.")
    assert ad[9].startswith("Forvaltningens notat er dateret 4. november 2015.")
    assert "»Udbetaling af flygtninge bonus« på mødet den 28. august 2017." in ad[10]


def test_a_part_asked_beside_the_looked_up_one_gets_a_placeholder(corpus_draft: tuple[str, dict[int, str]]) -> None:
    _, ad = corpus_draft
    assert ad[11].startswith("Forvaltningens brev af 23. oktober 2018 er underskrevet af adm. direktør Tanja Franck.")
    assert "[INDSÆT SVAR: resten af spørgsmålet" in ad[11]


def test_another_administrations_draft_names_the_letters_administration(corpus_db: Path, tmp_path: Path) -> None:
    inquiry = _inquiry(tmp_path, "Svendborg Kommune, Arbejdsmarkedsforvaltningen", [EXAMPLE])
    _, ad = _draft(inquiry, corpus_db, "--profile", "svendborg-ac")
    assert ad[1].startswith("Brevet fra Københavns Kommune, Beskæftigelses- og Integrationsforvaltningen af "
                            "23. oktober 2018 har sagsnr. 2018-0000088.")
    assert "Forvaltningens" not in ad[1] and "en anden myndigheds dokument" in ad[1]


@pytest.mark.parametrize("question", [
    "Hvornår holdt I møde med borgerne om flygtninge?",  # no committee named
    "Hvad er sagsnummeret på min klage?",  # one word, no kind of document
    "Hvad var det samlede beløb?",  # nothing says which amount
    "Hvor mange borgere var i virksomhedspraktik i 2017?",  # not a look-up
])
def test_questions_that_say_too_little_are_not_looked_up(corpus_db: Path, question: str) -> None:
    db = open_db(corpus_db, create=False)
    try:
        assert lookup_section(db, Question(1, question)) is None
    finally:
        db.close()


# -- a store of other administrations' real documents ------------------------------------------------
@pytest.fixture(scope="module")
def realworld_db(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("realworld") / "foi.db"
    folder = shared_dir / "samples" / "realworld"
    extract_paths([folder / name for name in REALWORLD], Settings(db_path=db, workers=1))
    return db


def test_look_ups_on_other_administrations_documents(realworld_db: Path, tmp_path: Path) -> None:
    inquiry = _inquiry(tmp_path, "Roskilde Kommune", [
        "Hvornår holdt Kultur- og Idrætsudvalget møde i april 2019?",
        "Hvem underskrev svaret af 30. marts 2021, og hvad er sagsnummeret?",
        "Hvor stort var driftstilskuddet til museet i 2019?",
        "Hvor stor var huslejen for museet i 2019?",
        "Hvornår holdt Økonomiudvalget møde?",
        "Hvornår holdt Økonomiudvalget møde i april 2017?",
        "Hvad var det samlede tilskud?",
    ])
    _, ad = _draft(inquiry, realworld_db)
    assert ad[1].startswith("Kultur- og Idrætsudvalget holdt møde den 3. april 2019.")
    assert "28_roskilde-kultur-idraet-referat-2019-04-03.txt" in ad[1]
    assert "er underskrevet af Pernille Rosenkrantz-Theil" in ad[2] and "har sagsnr. 21/06771" in ad[2]
    assert ad[3].startswith("Beløbet er 2.018.000 kr.") and "»Roskilde Kommunes driftstilskud til museet" in ad[3]
    assert ad[4].startswith("[INDSÆT SVAR:")  # the rent's clause does not name the museum: no guess
    # two Økonomiudvalg meetings (Odense, Kolding) and no month asked: both listed, none chosen
    assert ad[5].startswith("Økonomiudvalget holdt møde den [INDSÆT DATO].")
    assert "26. april 2017" in ad[5] and "18. marts 2019" in ad[5]
    # Odense's minutes name their town, not "Odense Kommune": the meeting is said to be Odense's, not Roskilde's
    assert ad[6].startswith("Økonomiudvalget i Odense Kommune holdt møde den 26. april 2017.")
    assert ad[7].startswith("[INDSÆT SVAR:")  # one word and no year: too little to pick an amount by


# -- reading the question ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (EXAMPLE, {"family": "document", "asks": ("case_number", "signer"), "kind": "letter", "date": "2018-10-23",
                   "terms": ("virksomhedspraktik",), "own": True}),
        ("Hvornår holdt Arbejdsmarkedsudvalget møde i august 2017?",
         {"family": "meeting", "committee": "Arbejdsmarkedsudvalget", "period": "2017-08", "terms": ()}),
        ("Hvornår mødtes Udvalget for Teknik og Miljø i juni 2020?",
         {"family": "meeting", "committee": "Udvalget for Teknik og Miljø", "period": "2020-06"}),
        ("Hvornår holdt Kultur- og Idrætsudvalget møde i 2019?",
         {"family": "meeting", "committee": "Kultur- og Idrætsudvalget", "period": "2019"}),
        ("Hvilken dato behandlede udvalget sagen om skolelukninger?",
         {"family": "meeting", "committee": None, "terms": ("skolelukning",)}),
        ("Hvad var udgiften til vinterberedskab i 2019?",
         {"family": "amount", "period": "2019", "terms": ("vinterberedskab",)}),
        ("Hvem er modtager af notatet af 4. november 2015?",
         {"family": "document", "asks": ("recipient",), "kind": "memo", "date": "2015-11-04"}),
        ("Hvad er dokumentnummeret på Svendborg Kommunes notat om virksomhedsmentorer?",
         {"family": "document", "administration": "Svendborg", "terms": ("virksomhedsmentor",)}),
        ("Hvornår blev mailen fra borgmesteren sendt?", {"family": "document", "asks": ("date",), "kind": "email"}),
        ("Hvad er journalnummeret på afgørelsen af 3. maj 2021?",
         {"family": "document", "asks": ("case_number",), "kind": "ruling", "date": "2021-05-03"}),
        ("Hvornår var sagen om skolebusser på udvalgets dagsorden?",
         {"family": "meeting", "kind": "agenda", "terms": ("skolebus",)}),
        ("Hvornår blev der afholdt møde i Teknisk Udvalg i maj 2024?",
         {"family": "meeting", "committee": "Teknisk Udvalg", "period": "2024-05"}),
        ("Hvornår behandlede byrådet forslaget til lokalplan 1234?", {"family": "meeting", "committee": "byrådet"}),
        ("Hvor mange borgere var i virksomhedspraktik i 2018?", {"family": None}),
        ("Hvor mange borgere modtager i dag madservice fra det kommunale køkken?", {"family": None}),
        ("Til hvem blev brevet af 10. marts 2023 sendt?", {"family": "document", "asks": ("recipient",)}),
        ("Hvornår blev lokalplanen for Vagtelvej vedtaget?", {"family": None}),
        ("Hvordan kontrollerer forvaltningen, at virksomhederne yder mentorstøtte?", {"family": None}),
    ],
)
def test_what_a_question_asks_and_refers_to(question: str, expected: dict[str, object]) -> None:
    ref = parse(question)
    for key, value in expected.items():
        assert getattr(ref, key) == value, (key, ref)


def test_words_are_covered_inside_compounds_and_across_a_split() -> None:
    assert covers(("bonus",), "modtog en beskæftigelsesbonus på 350.000 kr.") == 1.0
    assert covers(("flygtningebonus",), "Udbetaling af flygtninge bonus") == 1.0
    assert covers(("beskæftigelsesbonus",), "i ustøttet beskæftigelse i 2016") == 0.0
    assert covers(("muse", "huslej"), "heraf er huslejen ca. 1,3 mio. kr.") == 0.5


def test_the_sentence_around_an_amount_ends_at_a_sentence_not_at_an_abbreviation() -> None:
    text = "Første sætning. Udgiften er jf. aftalen 2 mio. kr. for hele\nperioden. Næste sætning."
    assert sentence(text, text.index("2 mio")) == "Udgiften er jf. aftalen 2 mio. kr. for hele perioden."
