"""Profiles for any administration: inferred from the inquiry's addressee, the generic one filled with
the addressee's name, a warning when --profile disagrees, and `foi profile init`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import docx
from click.testing import CliRunner, Result

from foi.cli import main
from foi.responses.addressee import find_addressee
from foi.responses.profiles import disagreement, infer_profile, load_profile

DRAFTING = Path(__file__).parent / "drafting"
DOCUMENTS = Path(__file__).parent / "documents"
FREDERIKSBERG = DRAFTING / "frederiksberg_spoergsmaal.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_the_profile_is_inferred_from_the_addressee_and_named_on_stderr(corpus_db: Path, tmp_path: Path) -> None:
    result = run("draft", str(DOCUMENTS / "inquiry_mentor.txt"), "--db", str(corpus_db), "--out",
                 str(tmp_path / "a.docx"))
    assert result.exit_code == 0, result.output
    assert "Profile: koebenhavn-bif (the inquiry is addressed to Beskæftigelses- og Integrationsforvaltningen)" \
        in result.stderr
    assert paragraphs(tmp_path / "a.docx")[0] == "KØBENHAVNS KOMMUNE"


def test_another_administration_gets_the_generic_profile_with_its_name(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.docx"
    result = run("draft", str(FREDERIKSBERG), "--db", str(corpus_db), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Profile: default (generic, filled with the addressee Social- og Arbejdsmarkedsforvaltningen)" \
        in result.stderr
    texts = paragraphs(out)
    assert texts[:2] == ["FREDERIKSBERG KOMMUNE", "Social- og Arbejdsmarkedsforvaltningen"]
    assert "Social- og Arbejdsmarkedsforvaltningens svar" in texts
    assert "[INDSÆT UNDERSKRIVER]\n[INDSÆT TITEL]" in texts
    # København's signer signs nothing (Ad 4 may name her as the looked-up København letter's signer)
    assert not any(t.startswith("Tanja Franck") or "KØBENHAVN" in t for t in texts)
    assert "Warning: the inquiry is addressed" not in result.stderr


def test_a_profile_that_is_not_the_addressee_is_warned_about(corpus_db: Path, tmp_path: Path) -> None:
    result = run("draft", str(FREDERIKSBERG), "--db", str(corpus_db), "--profile", "koebenhavn-bif", "--out",
                 str(tmp_path / "k.docx"))
    assert result.exit_code == 0, result.output
    assert ("Warning: the inquiry is addressed to Social- og Arbejdsmarkedsforvaltningen, but the profile is "
            "koebenhavn-bif") in result.stderr
    assert "Profile: koebenhavn-bif (--profile)" in result.stderr


def test_matching_needs_the_same_municipality_and_forvaltning() -> None:
    bif, ac = load_profile("koebenhavn-bif"), load_profile("svendborg-ac")
    odense = find_addressee("Til: Arbejdsmarkedsforvaltningen, Odense Kommune\n\nKære forvaltning")
    assert odense.names == ["Arbejdsmarkedsforvaltningen", "Odense Kommune"]
    assert ac.matches(odense) == 0 and bif.matches(odense) == 0
    assert infer_profile(odense)[0].municipality == "Odense Kommune"
    social = find_addressee("Til: Socialforvaltningen <sof@kk.dk>\n")
    assert bif.matches(social) == 0  # same municipality, another forvaltning
    assert bif.matches(find_addressee("To: jobcenter@kk.dk\n")) == 1
    assert disagreement(bif, find_addressee("Kære Lyngby-Taarbæk Kommune\n")) is not None
    assert disagreement(bif, find_addressee("Hej\n1. Hvad koster det?\n")) is None
    nobody, reason = infer_profile(find_addressee("1. Hvad koster det?"))
    assert nobody.municipality == "[INDSÆT KOMMUNE]" and "names no administration" in reason


def test_profile_init_writes_an_editable_profile_that_drafts(corpus_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "frederiksberg-saf.toml"
    result = run("profile", "init", "frederiksberg-saf", "--municipality", "Frederiksberg Kommune",
                 "--forvaltning", "Social- og Arbejdsmarkedsforvaltningen", "--out", str(path))
    assert result.exit_code == 0, result.output
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["municipality"] == "Frederiksberg Kommune" and data["deadline_days"] == 10
    assert data["thresholds"]["reuse_coverage"] == 0.35 and data["programmes"]["mentorstøtte"] == "mentor"
    again = run("profile", "init", "frederiksberg-saf", "--out", str(path))
    assert again.exit_code == 1 and "exists already" in again.output
    profile = load_profile(str(path))
    assert profile.signer == "[INDSÆT UNDERSKRIVER]" and profile.thresholds["reuse_similarity"] == 50.0
    drafted = run("draft", str(FREDERIKSBERG), "--db", str(corpus_db), "--profile", str(path), "--out",
                  str(tmp_path / "p.docx"))
    assert drafted.exit_code == 0, drafted.output
    assert "Warning: the inquiry is addressed" not in drafted.stderr


def test_thresholds_and_programmes_come_from_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "strict.toml"
    text = (DOCUMENTS.parent.parent / "templates" / "profiles" / "svendborg-ac.toml").read_text("utf-8")
    path.write_text(text + '\n[thresholds]\nreuse_similarity = 99.5\n\n[programmes]\n"elcykel" = "elcykl"\n',
                    "utf-8")
    profile = load_profile(str(path))
    assert profile.thresholds["reuse_similarity"] == 99.5 and profile.thresholds["repeat_coverage"] == 0.75
    assert profile.programmes == {"elcykel": "elcykl"}
