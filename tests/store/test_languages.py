"""One visit reported in Vietnamese and in English: one record, named in the reader's language."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine
from stores import bilingual_visit, build_store
from typer.testing import CliRunner

from bilat import store
from bilat.cli import app


@pytest.fixture
def bilingual(db_url: str) -> Engine:
    return build_store(db_url, bilingual_visit())


@pytest.fixture
def record(bilingual: Engine) -> dict[str, Any]:
    return store.relation(bilingual, "VN", "CL")


def article_ids(entity: dict[str, Any]) -> set[str]:
    return {source["article"] for source in entity["sources"]}


def test_one_person_one_visit_one_figure_with_sources_in_both_languages(record: dict[str, Any]) -> None:
    assert record["languages"] == {"en": 1, "vi": 1}
    luong = next(p for p in record["persons"] if p["country"] == "VN")
    assert len(record["persons"]) == 2
    assert luong["names"] == {"en": "Luong Cuong", "vi": "Lương Cường"}
    assert luong["name"] == "Lương Cường" and luong["aliases"] == ["Luong Cuong"]
    assert {o["title"] for o in luong["offices"]} == {"Chủ tịch nước", "President"}

    (visit,) = record["events"]
    assert visit["type"] == "VISIT" and visit["person_ids"] == [luong["id"]]
    (figure,) = record["figures"]
    (mechanism,) = record["mechanisms"]
    assert len(article_ids(visit)) == len(article_ids(figure)) == len(article_ids(mechanism)) == 2
    assert mechanism["names"] == {
        "en": "political consultations at deputy foreign minister level",
        "vi": "tham vấn chính trị cấp Thứ trưởng Ngoại giao",
    }


def test_names_in_the_interface_language(record: dict[str, Any]) -> None:
    english, vietnamese = store.in_language(record, "en"), store.in_language(record, "vi")

    assert [p["name"] for p in english["persons"]] == ["Alberto van Klaveren", "Luong Cuong"]
    assert [p["name"] for p in vietnamese["persons"]] == ["Alberto van Klaveren Stork", "Lương Cường"]
    assert english["persons"][1]["aliases"] == ["Lương Cường"]
    assert english["events"][0]["persons"] == ["Luong Cuong"]
    assert vietnamese["events"][0]["persons"] == ["Lương Cường"]
    assert english["mechanisms"][0]["name"] == "political consultations at deputy foreign minister level"
    assert vietnamese["mechanisms"][0]["name"] == "tham vấn chính trị cấp Thứ trưởng Ngoại giao"


def test_a_language_no_article_is_in_keeps_the_fullest_name(record: dict[str, Any]) -> None:
    only_vietnamese = {**record, "persons": [{**p, "names": {"vi": p["names"]["vi"]}} for p in record["persons"]]}
    assert [p["name"] for p in store.in_language(only_vietnamese, "en")["persons"]] == [
        "Alberto van Klaveren Stork", "Lương Cường",
    ]


def test_each_source_quotes_its_article_as_read(bilingual: Engine, record: dict[str, Any]) -> None:
    (visit,) = record["events"]
    quotes = {store.article(bilingual, s["article"])["lang"]: s["quote"] for s in visit["sources"]}
    assert quotes == {
        "vi": "Từ ngày 10 đến 12/11/2024, Chủ tịch nước Lương Cường thăm chính thức Chile.",
        "en": "President Luong Cuong paid an official visit to Chile from November 10 to 12, 2024.",
    }


def test_relation_command_names_in_the_language_asked(bilingual: Engine, db_url: str) -> None:
    def names(*options: str) -> list[str]:
        result = CliRunner().invoke(app, ["relation", "VN", "CL", "--format", "json", "--db", db_url, *options])
        assert result.exit_code == 0, result.output
        return [p["name"] for p in json.loads(result.stdout)["persons"]]

    assert names() == ["Alberto van Klaveren Stork", "Lương Cường"]
    assert names("--lang", "en") == ["Alberto van Klaveren", "Luong Cuong"]
    assert names("--lang", "vi") == ["Alberto van Klaveren Stork", "Lương Cường"]



def test_office_holders_named_and_titled_in_the_language_asked(bilingual: Engine, db_url: str) -> None:
    def holders(*options: str) -> list[tuple[str, list[str]]]:
        result = CliRunner().invoke(app, ["persons", "VN", "--format", "json", "--db", db_url, *options])
        assert result.exit_code == 0, result.output
        return [(s["name"], sorted(s["titles"])) for s in json.loads(result.stdout)]

    assert holders("--lang", "en") == [("Luong Cuong", ["President"])]
    assert holders("--lang", "vi") == [("Lương Cường", ["Chủ tịch nước"])]
    assert holders() == [("Lương Cường", ["Chủ tịch nước", "President"])]
