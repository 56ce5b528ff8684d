"""The spaCy pipeline is configurable: blank Danish by default, any installed pipeline by name."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from foi.cli import main
from foi.errors import PipelineNotInstalled
from foi.extract.facts.pipeline import COMPONENTS, load_pipeline
from foi.extract.process import process_bytes
from foi.settings import Settings

LETTER = (
    "KØBENHAVNS KOMMUNE\n\nTil\nOle Hansen\n\n3. maj 2021\n\nSagsnr.\n2021-0000123\n\nKære Ole Hansen\n\n"
    "Tak for din henvendelse af 1. maj 2021.\n\nForvaltningen svarer her.\n\nMed venlig hilsen\n\nAnne Berg\nDirektør\n"
)


def test_default_is_blank_danish_with_every_rule_component() -> None:
    nlp = load_pipeline("blank:da")
    assert nlp.lang == "da"
    assert nlp.pipe_names == list(COMPONENTS)


def test_an_installed_pipeline_keeps_its_own_components_and_gets_the_rules(tmp_path: Path) -> None:
    # a pipeline saved to disk stands in for an installed package such as da_core_news_sm:
    # spacy.load takes a package name or a path the same way
    trained = spacy.blank("da")
    trained.add_pipe("sentencizer")
    trained.to_disk(tmp_path / "my_pipeline")
    settings = Settings(pipeline=str(tmp_path / "my_pipeline"))
    nlp = load_pipeline(settings.pipeline)
    assert nlp.pipe_names == ["sentencizer", *COMPONENTS]
    result = process_bytes(LETTER.encode(), "brev.txt", settings)
    facts = result.documents[0].facts
    assert [c.value for c in facts.case_numbers] == ["2021-0000123"]
    assert facts.date == "2021-05-03" and facts.inquiry_date == "2021-05-01"


def test_a_pipeline_that_is_not_installed_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PipelineNotInstalled, match="da_core_news_lg"):
        load_pipeline("da_core_news_lg")
    brev = tmp_path / "brev.txt"
    brev.write_text(LETTER, "utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", str(brev), "--pipeline", "da_core_news_lg"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "is not installed" in result.output
