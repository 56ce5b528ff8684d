"""Templates, profiles and the aktindsigt family: strict, sandboxed, reproducible, nothing hard-wired."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import docx
import pytest

from foi.errors import ProfileNotFound, TemplateProblem
from foi.extract.batch import extract_paths
from foi.responses.draft import DraftOptions, build_draft, write_draft
from foi.responses.profiles import known_profiles, load_profile
from foi.settings import Settings
from foi.store import open_db

ROOT = Path(__file__).resolve().parent.parent
MENTOR = Path(__file__).parent / "documents" / "inquiry_mentor.txt"


def make_word_templates() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_word_templates", ROOT / "templates" / "make_word_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("family", ["answer", "aktindsigt"])
def test_word_templates_are_rebuilt_byte_for_byte(family: str) -> None:
    module = make_word_templates()
    built = module.build(family)
    assert built == module.build(family)
    assert built == (ROOT / "templates" / family / "letter.docx").read_bytes(), "run templates/make_word_templates.py"


def test_both_profiles_load_and_differ() -> None:
    assert {"koebenhavn-bif", "svendborg-ac"} <= set(known_profiles(Settings()))
    kk, sv = load_profile("koebenhavn-bif"), load_profile("svendborg-ac")
    assert (kk.letterhead, kk.heading, kk.phone, kk.web) == (
        "KØBENHAVNS KOMMUNE", "Beskæftigelses- og Integrationsforvaltningens svar", "3366 3366", "www.kk.dk")
    assert kk.signer == "Tanja Franck" and kk.signer_title == "Adm. direktør"
    assert "Bernstorffsgade 17" in kk.address and "Rådhuspladsen 1" in kk.postal_address
    assert (sv.letterhead, sv.unit, sv.address, sv.heading) == (
        "SVENDBORG KOMMUNE", "AC-stab", ("Ramsherred 5", "5700 Svendborg"), "AC-stabens svar")


def test_profile_errors(tmp_path: Path) -> None:
    with pytest.raises(ProfileNotFound, match="known profiles: .*koebenhavn-bif"):
        load_profile("odense")
    broken = tmp_path / "halv.toml"
    broken.write_text('municipality = "Odense Kommune"\n', "utf-8")
    with pytest.raises(TemplateProblem, match="lacks forvaltning"):
        load_profile(str(broken))
    own = tmp_path / "odense.toml"
    own.write_text((ROOT / "templates" / "profiles" / "svendborg-ac.toml").read_text("utf-8")
                   .replace("Svendborg Kommune", "Odense Kommune"), "utf-8")
    assert load_profile(str(own)).letterhead == "ODENSE KOMMUNE"


@pytest.fixture(scope="module")
def db(corpus_db: Path):  # type: ignore[no-untyped-def]
    return open_db(corpus_db, create=False)


def draft_with(db, template: Path | None, **options: object):  # type: ignore[no-untyped-def]
    return build_draft(MENTOR, db, DraftOptions(profile="koebenhavn-bif", date="2024-11-18", template=template,
                                                **options))  # type: ignore[arg-type]


def test_a_value_the_draft_does_not_have_is_an_error_not_a_gap(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "intro.j2").write_text("Tak for din henvendelse af {{ inquiry_dato }}.", "utf-8")
    with pytest.raises(TemplateProblem, match="inquiry_dato"):
        draft_with(db, tmp_path)


def test_user_templates_run_in_a_sandbox(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "intro.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", "utf-8")
    with pytest.raises(TemplateProblem, match="not allowed|unsafe"):
        draft_with(db, tmp_path)


def test_a_template_that_does_not_parse_names_its_line(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "answer_repeat.j2").write_text("Se svar\n{% if twin %}på {{ twin }}", "utf-8")
    with pytest.raises(TemplateProblem, match="line"):
        draft_with(db, tmp_path)


def test_a_user_folder_replaces_only_the_parts_it_has(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "answer_repeat.j2").write_text("Der henvises til svaret på spørgsmål {{ twin }}.", "utf-8")
    result = draft_with(db, tmp_path)
    assert result.sections[2].paragraphs == ["Der henvises til svaret på spørgsmål 2."]
    assert result.intro[0].startswith("Tak for din henvendelse af 4. november 2024")


def test_a_user_word_layout_is_rendered_in_the_sandbox(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    layout = docx.Document()
    layout.add_paragraph("{{ profile.municipality }} – {{ date_text }}")
    layout.add_paragraph("{%p for s in sections %}")
    layout.add_paragraph("{{ s.heading }}")
    layout.add_paragraph("{%p endfor %}")
    path = tmp_path / "layout.docx"
    layout.save(str(path))
    result = draft_with(db, path)
    out = tmp_path / "svar.docx"
    write_draft(result, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "Københavns Kommune – 18. november 2024"
    assert [t[:4] for t in texts[1:]] == ["Ad 1", "Ad 2", "Ad 3", "Ad 4"]
    evil = docx.Document()
    evil.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    evil.save(str(path))
    with pytest.raises(TemplateProblem):
        draft_with(db, path).docx()


@pytest.fixture(scope="module")
def cpr_db(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("aktindsigt")
    shutil.copy(corpus_dir / "000_20e448a58bbb3448.txt", folder)
    (folder / "notat.txt").write_text(
        "KØBENHAVNS KOMMUNE\n\nBeskæftigelses- og Integrationsforvaltningen\n\nNOTAT\n\n12. marts 2019\n\n"
        "Sagsnr.\n2019-0000777\n\nDokumentnr.\n2019-0000777-2\n\n"
        "Notat om borger 010190-1234 i virksomhedspraktik hos Øens Bageri\n\n"
        "Borgeren med cpr-nr. 010190-1234 har fået bevilget mentorstøtte.\n", "utf-8")
    db_path = folder / "foi.db"
    extract_paths([folder], Settings(db_path=db_path, workers=1))
    return db_path


def test_aktindsigt_lists_the_case_documents_with_cpr_masked(cpr_db: Path, tmp_path: Path) -> None:
    request = tmp_path / "anmodning.txt"
    request.write_text("Fra: Bo Ek <bo@eksempel.dk>\nSendt: 1. april 2019\nEmne: Aktindsigt\n\n"
                       "Jeg beder om aktindsigt i sag 2019-0000777.\n\nMed venlig hilsen\nBo Ek\n", "utf-8")
    db = open_db(cpr_db, create=False)
    result = build_draft(request, db, DraftOptions(profile="svendborg-ac", family="aktindsigt", date="2019-04-08",
                                                   sagsnr="2019-0000900"))
    [annex] = result.annexes
    assert annex.rows == [["1", "12. marts 2019", "Notat om borger XXXXXX-XXXX i virksomhedspraktik hos "
                                                  "Øens Bageri", "2019-0000777-2"]]
    decision = "\n".join(result.sections[0].paragraphs)
    assert "offentlighedslovens § 7" in decision and "§ 30, nr. 1" in decision
    assert result.title == "Afgørelse om aktindsigt"
    assert result.intro == ["Du har den 1. april 2019 anmodet om aktindsigt i sag 2019-0000777."]
    out = tmp_path / "afgørelse.docx"
    write_draft(result, out, markdown=True)
    xml = out.read_bytes() + out.with_suffix(".md").read_bytes()
    assert b"010190" not in xml
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert texts[0] == "SVENDBORG KOMMUNE" and "Afgørelse om aktindsigt" in texts and "Bilag: Aktliste for sag " \
        "2019-0000777" in texts


def test_aktindsigt_for_a_case_the_store_lacks_is_a_placeholder(cpr_db: Path, tmp_path: Path) -> None:
    request = tmp_path / "anmodning.txt"
    request.write_text("Jeg beder om aktindsigt.\n", "utf-8")
    db = open_db(cpr_db, create=False)
    result = build_draft(request, db, DraftOptions(profile="koebenhavn-bif", family="aktindsigt",
                                                   cases=("2020-0000001",)))
    assert result.annexes == []
    assert result.sections[0].paragraphs[0].startswith("[INDSÆT AFGØRELSE:")
    nothing = build_draft(request, db, DraftOptions(profile="koebenhavn-bif", family="aktindsigt"))
    assert "[INDSÆT SAGSNR. PÅ DEN SAG" in nothing.intro[0]
