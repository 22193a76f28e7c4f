"""Every data file loads through ``bilat.lang`` and says where its content comes from (STYLE.md rule 5)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from bilat.extract.facts import FRAMEWORKS
from bilat.lang import alternation, load, load_shared

_PACKAGE = resources.files("bilat")
LANG_FILES = sorted(
    (lang.name, path.name.removesuffix(".toml"))
    for lang in _PACKAGE.joinpath("lang").iterdir() if lang.is_dir()
    for path in lang.iterdir() if path.name.endswith(".toml")
)
SHARED_FILES = sorted(
    path.name.removesuffix(".toml") for path in _PACKAGE.joinpath("data").iterdir() if path.name.endswith(".toml")
)
ISO_ALPHA_2 = re.compile(r"[A-Z]{2}")
FACTS_ORGS = {"UN", "APEC", "ASEAN", "CPTPP", "FEALAC", "WTO", "G20", "EU", "MERCOSUR", "PACIFIC_ALLIANCE"}


@pytest.mark.parametrize(("lang", "name"), LANG_FILES)
def test_language_file_has_a_source(lang: str, name: str) -> None:
    source = load(lang)[name]["source"]
    assert isinstance(source, str) and source.strip()


@pytest.mark.parametrize("name", SHARED_FILES)
def test_shared_file_has_a_source(name: str) -> None:
    source = load_shared(name)["source"]
    assert isinstance(source, str) and source.strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_country_tables_hold_iso_codes(lang: str) -> None:
    data = load(lang)["countries"]
    for table in ("names", "demonyms", "home", "capitals"):
        bad = {name: code for name, code in data[table].items() if not ISO_ALPHA_2.fullmatch(code)}
        assert not bad, f"lang/{lang}/countries.toml [{table}]"
    assert set(data["ambiguous"]) <= set(data["names"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_orgs_cover_the_facts_codes(lang: str) -> None:
    assert FACTS_ORGS <= set(load(lang)["orgs"]["names"].values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_agreement_status_cues_are_facts_statuses(lang: str) -> None:
    assert set(load(lang)["agreements"]["status"]) <= {"proposed", "negotiating", "signed", "in_force"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_relationship_frameworks_are_facts_levels(lang: str) -> None:
    assert set(load(lang)["events"]["frameworks"].values()) <= set(FRAMEWORKS)


def test_an_empty_word_list_matches_nothing() -> None:
    """A language that leaves a list empty turns the rule off; it must not match everywhere."""
    from bilat.extract.components.agreements import phrases

    assert re.search(rf"(?:{alternation([])})\s", "a b") is None
    assert re.search(rf"(?:{phrases([])})\s", "a b") is None
