"""Legal references: law names, sections, citations, numbered acts; the seeds scored as the evaluation does."""

from __future__ import annotations

import re

import pytest
from conftest import SeedPair

from foi.extract.facts.legal_refs import find_spans, normalise
from foi.extract.facts.pipeline import load_pipeline
from foi.extract.process import process_bytes
from foi.settings import Settings


def refs(text: str) -> list[str]:
    return [ref for _start, _end, ref in find_spans(load_pipeline().make_doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det følger af lov om en aktiv beskæftigelsesindsats, § 31 b-f. Det gælder også",
            ["lov om en aktiv beskæftigelsesindsats", "§ 31 b-f"],
        ),
        (
            'Det følger af § 31 i lov om en aktiv beskæftigelsesindsats, at: "Hvis',
            ["§ 31", "lov om en aktiv beskæftigelsesindsats"],
        ),
        ("efter lov om aktiv beskæftigelsesindsats (LAB). Jobcentret", ["lov om aktiv beskæftigelsesindsats"]),
        ("Retsgrundlag\nIntegrationsloven § 45 b.", ["Integrationsloven § 45 b"]),
        (
            "Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. § 4",
            ["Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. § 4"],
        ),
        ("Der gives aktindsigt efter offentlighedsloven § 7.", ["offentlighedsloven § 7"]),
        ("Sagen behandles efter forvaltningsloven.", ["forvaltningsloven"]),
        ("Hjælpen ydes efter serviceloven § 85, stk. 2, nr. 3.", ["serviceloven § 85, stk. 2, nr. 3"]),
        ("jf. LBK nr. 1234 af 1/1 2020 om social service", ["LBK nr. 1234 af 1/1 2020"]),
        ("lov nr. 548 af 8. juni 2016 trådte i kraft", ["lov nr. 548 af 8. juni 2016"]),
        ("Se bekendtgørelse om aktindsigt i visse sager, som gælder", ["bekendtgørelse om aktindsigt i visse sager"]),
        ("Det fremgår af §§ 2-4 og af LAB § 31.", ["§§ 2-4", "LAB § 31"]),
        ("Efter lov om social service skal kommunen hjælpe.", ["lov om social service"]),
        ("Kravet følger af forvaltningslovens § 19, stk. 1.", ["forvaltningslovens § 19, stk. 1"]),
    ],
)
def test_references(text: str, expected: list[str]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hun har barselsorlov til maj.",
        "Beskæftigelseslovgivningen indeholder ikke konkrete bestemmelser.",
        "Mødet foregår i lokale 4.",
        "Det er lovligt at parkere her.",
    ],
)
def test_not_references(text: str) -> None:
    assert refs(text) == []


def test_a_bare_name_that_a_citation_holds_is_not_repeated() -> None:
    text = (
        "Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. § 4\n"
        "Efter Lov om organisering og understøttelse af beskæftigelsesindsatsen er der følgende krav."
    )
    assert refs(text) == ["Lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. § 4"]


def test_a_title_ends_at_a_paragraph_break_and_a_capital_after_a_line_break() -> None:
    assert refs("efter lov om social service\n\nNæste afsnit") == ["lov om social service"]
    assert refs("efter lov om en aktiv\nbeskæftigelsesindsats\nJobcentret vurderer") == [
        "lov om en aktiv\nbeskæftigelsesindsats".replace("\n", " ")
    ]


def test_normalise_puts_one_space_after_the_section_sign() -> None:
    assert normalise("Lov om X  §4") == "Lov om X § 4"
    assert normalise("§§2-4") == "§§ 2-4"


def test_references_in_a_decision_written_here() -> None:
    letter = (
        "Københavns Kommune\nSocialforvaltningen\n\n2. februar 2024\n\nSagsnr. 2024-0012345\n\nKære Mette\n\n"
        "Du har søgt om hjælp efter serviceloven § 85. Kommunen har behandlet sagen efter forvaltningsloven "
        "og lov om retssikkerhed og administration på det sociale område.\n\nMed venlig hilsen\n\nJonas Berg\n"
    )
    facts = process_bytes(letter.encode("utf-8"), "afgørelse.txt", Settings()).documents[0].facts
    assert [r.text for r in facts.legal_refs] == [
        "serviceloven § 85",
        "forvaltningsloven",
        "lov om retssikkerhed og administration på det sociale område",
    ]


def _holds(ref: str, text: str) -> bool:
    """The evaluation's test: a gold reference stands in a found one, not followed by a word character."""
    return re.search(re.escape(ref.casefold()) + r"(?![\w-])", text.casefold()) is not None


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        if "legal_refs" not in g:
            continue
        found = [r.text for r in doc.facts.legal_refs] if doc else []
        missing = [ref for ref in g["legal_refs"] if not any(_holds(ref, x) for x in found)]
        extra = [x for x in found if not any(_holds(r, x) or x.casefold() in r.casefold() for r in g["legal_refs"])]
        if missing or extra:
            misses.append((file, n, missing, extra))
    assert misses == []
