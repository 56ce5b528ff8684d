"""Amounts of money: every written form, what is not money, the seeds against their gold."""

from __future__ import annotations

import pytest
from conftest import SeedPair

from foi.extract.facts.amounts import find, parse_number
from foi.extract.process import process_bytes
from foi.settings import Settings


@pytest.mark.parametrize(
    ("text", "value", "currency", "written"),
    [
        ("en beskæftigelsesbonus på 350.000 kr. fra ministeriet", 350000, "DKK", "350.000 kr."),
        ("en kontant belønning på 25.000 kr. for hver flygtning", 25000, "DKK", "25.000 kr."),
        ("en pulje på 1,5 mio. kr. i 2025", 1500000, "DKK", "1,5 mio. kr."),
        ("Lighthouse blev købt for under 10 mill. kr. i sin tid", 10000000, "DKK", "10 mill. kr."),
        ("Blev det solgt for 400 mill.kr eller mere?", 400000000, "DKK", "400 mill.kr"),
        ("et samlet råderum på i alt 1.126 mio. kr. for 2026-2029", 1126000000, "DKK", "1.126 mio. kr."),
        ("Gebyret er DKK 2.500 pr. ansøgning", 2500, "DKK", "DKK 2.500"),
        ("Prisen er kr. 500,- om måneden", 500, "DKK", "kr. 500,-"),
        ("Tilskuddet er 0,86 mio. kr. om året", 860000, "DKK", "0,86 mio. kr."),
        ("lejer en lejlighed til 1400 kr. pr måned", 1400, "DKK", "1400 kr."),
        ("Budgettet er 2 mia. kr. i alt", 2000000000, "DKK", "2 mia. kr."),
        ("Støtten udgør 20 000 kroner.", 20000, "DKK", "20 000 kroner"),
        ("Projektet fik 50.000 euro fra EU", 50000, "EUR", "50.000 euro"),
        ("Billetten koster € 12,50 på stedet", 12.5, "EUR", "€ 12,50"),
        ("EUR 1,2 mio. fra fonden", 1200000, "EUR", "EUR 1,2 mio."),
    ],
)
def test_amount_forms(text: str, value: float, currency: str, written: str) -> None:
    (amount,) = find(text)
    assert (amount.value, amount.currency, amount.text) == (value, currency, written)
    assert text[amount.start :].startswith(written)


@pytest.mark.parametrize(
    "text",
    [
        "op mod 50-60 pct. af disse borgere",
        "I 2017 har ca. 3.000 borgere haft en mentor.",
        "en lejlighed på 130kvm på Frederiksbjerg",
        "Telefon 3366 3366",
        "Sagsnr. 2018-0000088",
        "Kåret til Danmarks Bedste Bøfsandwich 2012 & 2014.",
        "Der gives et krav om 5 timer.",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find(text) == []


def test_a_year_after_an_amount_is_not_another_amount() -> None:
    assert [a.value for a in find("Der gives 17,5 mio. kr. 2026 og 0,6 mio. kr. i 2027.")] == [17500000, 600000]


def test_each_amount_once() -> None:
    assert len(find("350.000 kr. nu og 350.000 kr. senere")) == 1


@pytest.mark.parametrize(
    ("text", "value"), [("350.000", 350000), ("1,5", 1.5), ("500,-", 500), ("1.5", 1.5), ("2 500", 2500)]
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_amounts_in_a_memo_written_here() -> None:
    memo = (
        "NOTAT\n\n5. februar 2024\n\nOm bevillinger\n\nUdvalget bevilgede 2,5 mio. kr. til legepladser og 75.000 kr. "
        "til skilte. Udgiften steg med 12 pct. i forhold til 2023.\n"
    )
    facts = process_bytes(memo.encode("utf-8"), "notat.txt", Settings()).documents[0].facts
    assert [(a.value, a.currency) for a in facts.amounts] == [(2500000, "DKK"), (75000, "DKK")]


def test_seeds_match_gold(seed_pairs: list[SeedPair]) -> None:
    misses = []
    for file, n, g, doc in seed_pairs:
        if "amounts" not in g:
            continue
        got = {(a.value, a.currency) for a in doc.facts.amounts} if doc else set()
        want = {(float(a["value"]), a["currency"]) for a in g["amounts"]}
        if got != want:
            misses.append((file, n, sorted(got), sorted(want)))
    assert misses == []
