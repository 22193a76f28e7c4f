"""Briefings on pairs without Vietnam, or with Vietnam second, from English articles, in both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from stores import bilingual_visit, build_store, india_japan

from bilat import store
from bilat.lang import load
from bilat.report.briefing import Briefing, build_briefing, render_markdown
from bilat.report.labels import READER_LANGUAGES

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    engine = build_store(tmp_path_factory.mktemp("india-japan") / "bilat.db", india_japan())
    return store.relation(engine, "IN", "JP")


def section(briefing: Briefing, key: str) -> list[str]:
    (found,) = [s for s in briefing.sections if s.key == key]
    return [sentence.text for sentence in found.sentences]


def test_a_vietnamese_briefing_on_india_and_japan_names_both_countries(record: dict[str, Any]) -> None:
    vi = build_briefing(record, "vi", today=TODAY)

    # Neither side is the reader's: each official's country is said, the office named in Vietnamese.
    assert section(vi, "contacts") == [
        "Ngày 27/7/2023, Bộ trưởng Ngoại giao Nhật Bản Yoshimasa Hayashi thăm Ấn Độ tại New Delhi.",
        ("Ngày 27/7/2023, Bộ trưởng Ngoại giao Ấn Độ S Jaishankar gặp Bộ trưởng Ngoại giao Nhật Bản Yoshimasa Hayashi "
         "tại New Delhi."),
        "Tháng 4/2022, hai bên ký kết văn kiện.",
    ]
    assert section(vi, "agreements") == ["Bản ghi nhớ về cảnh sát biển đã được ký kết tháng 4/2022."]
    assert section(vi, "mechanisms") == ["Cơ chế khác: “staff talks between all three services”."]
    assert "Việt Nam" not in render_markdown(vi)


def test_an_english_briefing_on_india_and_japan(record: dict[str, Any]) -> None:
    en = build_briefing(record, "en", today=TODAY)

    assert section(en, "contacts")[1:] == [
        # As the press names them: nationality, the articles' own titles, the name.
        "On 27 July 2023, Indian External Affairs Minister S Jaishankar met Japanese Foreign Minister Yoshimasa Hayashi in New Delhi.",
        "In April 2022, the two sides signed a document.",
    ]
    assert section(en, "agreements") == ["The memorandum of understanding (coast guards) was signed in April 2022."]
    assert section(en, "mechanisms") == ["Other mechanism: “staff talks between all three services”."]


def test_vietnamese_officials_go_without_their_country_whichever_side_vietnam_is(tmp_path: Path) -> None:
    engine = build_store(tmp_path / "bilat.db", bilingual_visit())
    for first, second in (("VN", "CL"), ("CL", "VN")):
        vi = build_briefing(store.relation(engine, first, second), "vi", today=TODAY)
        assert section(vi, "contacts") == ["Từ ngày 10 đến 12/11/2024, Chủ tịch nước Lương Cường thăm Chile."]


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_a_vietnamese_briefing_words_every_scope_either_extractor_glosses(lang: str) -> None:
    """Agreement scopes are English glosses in both languages (FACTS.md): a Vietnamese reader must get them in Vietnamese."""
    words = load("vi")["brief"]
    agreements = load(lang)["agreements"]
    glosses = {*agreements["scopes"].values(), *agreements["kind_scopes"].values()}
    implied = {document["implies"] for document in words["documents"].values()}
    assert sorted(glosses - implied - set(words["scopes"])) == []


def test_an_unnamed_counterpart_is_named_by_office_in_each_language(record: dict[str, Any]) -> None:
    hayashi = next(p["id"] for p in record["persons"] if p["country"] == "JP")
    meeting = next(e for e in record["events"] if e["type"] == "MEET")
    alone = {**record, "events": [{**meeting, "person_ids": [i for i in meeting["person_ids"] if i != hayashi],
                                   "counterpart_office": "foreign_minister"}]}
    en = " ".join(section(build_briefing(alone, "en", today=TODAY), "contacts"))
    vi = " ".join(section(build_briefing(alone, "vi", today=TODAY), "contacts"))
    assert "met the Foreign Minister of Japan" in en
    assert "gặp Bộ trưởng Ngoại giao Nhật Bản" in vi
