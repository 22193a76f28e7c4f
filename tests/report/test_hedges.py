"""The hedge kinds (``lang/*/hedges.toml``) against the hedge words extraction knows (``numbers.toml``)."""

from __future__ import annotations

import pytest

from bilat.lang import load
from bilat.report.hedges import hedge, hedged_amount
from bilat.report.labels import READER_LANGUAGES


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_every_classified_hedge_is_one_extraction_reads(lang: str) -> None:
    approx = set(load(lang).table("numbers", "approx"))
    kinds = load(lang).table("hedges", "kinds")
    classified = [word for words in kinds.values() for word in words]
    assert sorted(set(classified) - approx) == []
    assert len(classified) == len(set(classified))  # a word says one thing


def test_every_reader_language_words_every_kind() -> None:
    kinds = {kind for lang in READER_LANGUAGES for kind in load(lang).table("hedges", "kinds")} | {"about"}
    for lang in READER_LANGUAGES:
        assert sorted(kinds - set(load(lang).table("hedges", "words"))) == []


def test_an_exact_figure_has_no_hedge() -> None:
    figure = {"value": 5e8, "unit": "USD", "approx": False, "sources": [{"quote": "đạt gần 500 triệu USD"}]}
    assert hedge(figure) is None
    assert hedged_amount(figure, "en") == "500 million USD"


def test_a_hedge_before_another_number_is_used_when_it_is_the_only_one() -> None:
    """The quote writes the amount in words bilat does not match ("nearly half a billion"): its one hedge still tells."""
    figure = {"value": 5e8, "unit": "USD", "approx": True, "sources": [{"quote": "exports of nearly 500,000 tonnes"}]}
    assert hedge(figure) == "nearly"
    mixed = {**figure, "sources": [{"quote": "nearly 3 million tonnes and more than 2 billion USD of exports"}]}
    assert hedge(mixed) == "about"  # two kinds, neither before this figure's number
