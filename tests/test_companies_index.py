"""Companies folded across spellings: the folding rules on name pairs, and `foi companies` /
`foi company` through CliRunner on databases built by really extracting files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_search import CPR, CPR_FORMS, copy_db

from foi.cli import main
from foi.explore.companies import (
    FOLD_THRESHOLD,
    Mention,
    fold_companies,
    looks_like_person,
    parse_name,
    same_company,
)

MUST_FOLD = [
    ("dansk supermarked a/s", "Dansk Supermarked A/S"),
    ("elly aps", "Elly ApS"),
    ("Network Communication A/S", "networkcommunication a/s"),
    ("Dansk Supermarket A/S", "dansk supermarked a/s"),  # one wrong letter in a long name
    ("h p hansen & søn v/jens u", "H.P. Hansen og Søn"),
    ("Fakta", "FAKTA A/S"),
    ("wattar-gruppen kognitivt", "Wattar Gruppen Kognitivt"),
]
MUST_NOT_FOLD = [
    ("dahl a/s", "dagrofa aps"),
    ("salon prana", "salon loulé"),
    ("salon prana", "salon piana"),  # short names: one letter is another salon
    ("mholding 5 aps", "mholding 6 aps"),
    ("stenbroens aps", "stermann aps"),
    ("foreningen skolehaven", "foreningen teaterøen"),
    ("hvidovre kommune", "hørsholm kommune"),
    ("det sociale vaskeri aps", "den sociale udviklingsfond"),
]


@pytest.mark.parametrize(("a", "b"), MUST_FOLD)
def test_pairs_that_must_fold(a: str, b: str) -> None:
    assert same_company(a, b)


@pytest.mark.parametrize(("a", "b"), MUST_NOT_FOLD)
def test_pairs_that_must_not_fold(a: str, b: str) -> None:
    assert not same_company(a, b)


def test_threshold_is_the_documented_one() -> None:
    assert FOLD_THRESHOLD == 92.0


def test_names_split_into_name_legal_form_and_owner() -> None:
    assert parse_name("airpower v/jeffrey voss") == parse_name("airpower", owner="jeffrey voss")
    assert parse_name("airpower v/jeffrey voss").core == "airpower"
    assert parse_name("Dansk Supermarked A/S").legal_form == "A/S"
    assert parse_name("elly aps").legal_form == "ApS"
    assert parse_name("kab s.m.b.a.").legal_form == "S.m.b.a."
    cut = parse_name("ingeniørfirmaet pro-consult a/")
    assert cut.core == "ingeniørfirmaet pro-consult" and cut.cut
    assert parse_name("patrick andersen, øresundsvej").core == "patrick andersen"
    assert parse_name("christian vindfeldt, 846").core == "christian vindfeldt"


@pytest.mark.parametrize("name", ["anne friis klindt", "hemen joan saleh", "claire ellen requa", "martin skøld",
                                  "katarina marie ohlsson", "yousef storm saak"])
def test_a_persons_name_only_is_flagged(name: str) -> None:
    assert looks_like_person(name)


@pytest.mark.parametrize("name", ["line rønneest ceramics", "salon prana", "psykolog ulla m.g. kunøe", "soundsgood",
                                  "mau coaching", "tandlæge naghram m. zwain", "region hovedstaden", "michaels fisk"])
def test_a_business_name_is_not_flagged(name: str) -> None:
    assert not looks_like_person(name)


def test_a_cut_off_name_joins_its_full_form_only_when_that_is_unique() -> None:
    mentions = [Mention(1, "københavns hotel og restaurati", "list", truncated=True),
                Mention(2, "Københavns Hotel- og Restaurationsskole", "body")]
    (company,) = fold_companies(mentions, {1: "2018-10-12", 2: "2019-01-02"})
    assert company.name == "Københavns Hotel- og Restaurationsskole"
    assert (company.documents, company.first_date, company.last_date) == (2, "2018-10-12", "2019-01-02")
    two = mentions + [Mention(3, "Københavns Hotel- og Restaurationsskolens Venner", "body")]
    assert len(fold_companies(two, {})) == 3


def test_a_list_cut_at_a_fixed_width_is_recognised_without_the_flag() -> None:
    names = ["københavns hotel og restaurati", "liva - forening mod skadevirkn", "rolf hermansen - konsulentvirk",
             "somali diaspora organisation(k", "dahl a/s", "elly aps", "fitnesso aps"]
    mentions = [Mention(1, n, "list") for n in names] + [Mention(2, "Rolf Hermansen - Konsulentvirksomhed", "body")]
    folded = {c.name: c for c in fold_companies(mentions, {})}
    assert folded["Rolf Hermansen - Konsulentvirksomhed"].documents == 2


# --- the CLI on a small set of documents written here


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def companies_json(db: Path, *args: str) -> list[dict]:
    result = run("companies", "--db", str(db), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_spelling_variants_are_one_company_with_documents_and_dates(small_db: Path) -> None:
    by_name = {c["name"].lower(): c for c in companies_json(small_db)}
    dansk = by_name["dansk supermarked a/s"]
    assert dansk["documents"] == 2
    assert (dansk["first_date"], dansk["last_date"]) == ("2019-03-04", "2019-03-05")
    assert set(dansk["variants"]) == {"Dansk Supermarked A/S", "dansk supermarked a/s"}
    assert "dahl a/s" in by_name and "dagrofa aps" in by_name
    assert by_name["airpower"]["owners"] == ["jeffrey voss"]
    assert by_name["anne friis klindt"]["possible_sole_proprietorship"] is True
    assert by_name["hemen joan saleh"]["possible_sole_proprietorship"] is True
    assert by_name["salon prana"]["possible_sole_proprietorship"] is False


def test_company_shows_every_mention_with_its_line(small_db: Path) -> None:
    result = run("company", "dansk supermarked", "--db", str(small_db))
    assert result.exit_code == 0, result.output
    assert "2 mentions in 2 documents, 2019-03-04 … 2019-03-05" in result.stdout
    assert "brev_2019.txt" in result.stdout and "bilag_2019.txt" in result.stdout
    assert "2019-0012345" in result.stdout and "dansk supermarked a/s" in result.stdout
    rows = list(csv.DictReader(io.StringIO(run("company", "Dansk Supermarked A/S", "--db", str(small_db),
                                               "--format", "csv").stdout)))
    assert {r["source"] for r in rows} == {"list", "body"}
    assert all(r["case_numbers"] == "2019-0012345" for r in rows)


def test_a_name_in_no_list_is_found_by_full_text(small_db: Path) -> None:
    result = run("companies", "fakta", "--db", str(small_db))
    assert result.exit_code == 0, result.output
    assert "named in text only" in result.stdout and "aktindsigt_" in result.stdout
    assert "Jeg beder om aktindsigt i sagen om min mentor og om Fakta." in result.stdout
    missing = run("company", "ingen sådan virksomhed", "--db", str(small_db))
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no company matches")


def test_batch_answers_for_each_name_in_a_file(small_db: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# names to check\nDansk Supermarked\n\nfakta\nukendt firma ApS\n", encoding="utf-8")
    result = run("companies", "--from-file", str(names), "--db", str(small_db), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["query"] for r in rows] == ["Dansk Supermarked", "fakta", "ukendt firma ApS"]
    assert rows[0]["documents"] == "2" and rows[1]["documents"] == "1" and rows[2]["documents"] == "0"
    table = run("companies", "--from-file", str(names), "--db", str(small_db))
    assert "== ukendt firma ApS: not found" in table.stdout and "== fakta: 1 company" in table.stdout


def test_cpr_numbers_are_masked_in_company_output(small_db: Path) -> None:
    outputs = [run("companies", "--db", str(small_db), "--format", fmt).output for fmt in ("table", "json", "csv")]
    outputs += [run("company", "tømrerfirma holm", "--db", str(small_db), "--format", fmt).output
                for fmt in ("table", "json", "csv")]
    outputs += [run("companies", "fakta", "--db", str(small_db), "--format", "json").output]
    for output in outputs:
        assert not any(form in output for form in CPR_FORMS), output
    assert "XXXXXX-XXXX" in outputs[3]
    assert CPR in run("company", "tømrerfirma holm", "--db", str(small_db), "--show-personal-data").output


# --- the corpus: these need the companies and organizations components


@pytest.fixture(scope="module")
def corpus_copy(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_db(corpus_db, tmp_path_factory.mktemp("corpus_companies") / "foi.db")


def test_corpus_fakta_shows_the_letter_where_it_is_named(corpus_copy: Path) -> None:
    result = run("companies", "fakta", "--db", str(corpus_copy))
    assert result.exit_code == 0, result.output
    assert "Fakta" in result.stdout
    assert "letter · 2018-10-23" in result.stdout and "000_20e448a58bbb3448" in result.stdout


def test_corpus_annex_companies_are_listed_and_folded(corpus_copy: Path) -> None:
    by_name = {c["name"].lower(): c for c in companies_json(corpus_copy)}
    assert "dansk supermarked a/s" in by_name and "dahl a/s" in by_name and "dagrofa aps" in by_name
    assert by_name["anne friis klindt"]["possible_sole_proprietorship"] is True
    assert by_name["hemen joan saleh"]["possible_sole_proprietorship"] is True
    assert by_name["airpower"]["owners"] == ["jeffrey voss"]
    assert by_name["dansk supermarked a/s"]["first_date"] == "2018-10-12"


def test_corpus_company_mentions_carry_case_numbers(corpus_copy: Path) -> None:
    rows = json.loads(run("company", "dansk supermarked", "--db", str(corpus_copy), "--format", "json").stdout)
    assert rows[0]["mentions"], rows
    mention = rows[0]["mentions"][0]
    assert mention["kind"] == "annex" and "2018-0000088" in mention["case_numbers"]
    assert mention["line"] == "dansk supermarked a/s"
