"""Pages of pairs without Vietnam and of English articles, in either interface language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from stores import bilingual_visit, build_store, eu_vietnam, india_japan

from bilat.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    engine = build_store(tmp_path_factory.mktemp("english") / "bilat.db", [*india_japan(), *eu_vietnam()])
    return TestClient(create_app(engine))


def offices_shown(page: str) -> list[str]:
    """The offices listed under "People", in page order, without their dates."""
    people = page.split('<section id="people">', 1)[1]
    return [item.split(",")[0].strip() for item in re.findall(r'<li>([^<]*)<span class="sources">', people)]


def test_every_pair_on_the_index_opens_its_page(client: TestClient) -> None:
    index = client.get("/?lang=en").text
    links = re.findall(r'href="(/r/[A-Z]{2}-[A-Z]{2}\?lang=en)">([^<]*)</a>', index)

    assert [name for _, name in links] == ["India – Japan", "EU – Vietnam"]
    for link, _ in links:
        assert client.get(link).status_code == 200, link


def test_offices_are_named_in_the_interface_language(client: TestClient) -> None:
    vietnamese = client.get("/r/IN-JP?lang=vi").text
    assert "<h1>Hồ sơ quan hệ Ấn Độ – Nhật Bản</h1>" in vietnamese
    # Jaishankar's English title, "External Affairs Minister", is the office a Vietnamese reader knows.
    assert offices_shown(vietnamese) == ["Bộ trưởng Ngoại giao", "Bộ trưởng Ngoại giao"]
    assert "Việt Nam" not in vietnamese.split("<main>", 1)[1]

    english = client.get("/r/IN-JP?lang=en").text
    assert offices_shown(english) == ["External Affairs Minister", "Foreign Minister"]
    assert '<p class="intro">from 1 article</p>' in english


def test_titles_are_those_of_the_interface_languages_articles(tmp_path: Path) -> None:
    """One visit reported in Vietnamese ("Chủ tịch nước") and in English ("President"): each page quotes its own."""
    client = TestClient(create_app(build_store(tmp_path / "bilat.db", bilingual_visit())))

    assert offices_shown(client.get("/r/VN-CL?lang=vi").text) == ["Bộ trưởng Ngoại giao"] * 2 + ["Chủ tịch nước"] * 2
    assert offices_shown(client.get("/r/VN-CL?lang=en").text) == ["Foreign Minister"] * 2 + ["President"] * 2
