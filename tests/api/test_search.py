"""``GET /api/search``: articles, sentences and persons found by words, with or without tone marks, as documented."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bilat.text import fold


def test_a_name_without_tone_marks_finds_the_person_first(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "Luong Cuong"})
    assert response.status_code == 200
    found = response.json()
    assert found["terms"] == ["luong", "cuong"] and found["limit"] == 20
    first = found["items"][0]
    assert (first["kind"], first["title"]) == ("person", "Lương Cường")
    assert client.get(f"/api/facts/{first['id']}").json()["name"] == "Lương Cường"
    for hit in found["items"]:
        assert {fold(hit["snippet"][start:end]) for start, end in hit["marks"]} <= {"luong", "cuong"}


def test_a_sentence_hit_leads_to_its_article_evidence_and_merged_facts(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Lương Cường Peru", "kind": "fact", "pair": "VN-PE"}).json()
    assert found["items"] and {hit["kind"] for hit in found["items"]} == {"fact"}
    hit = found["items"][0]
    start, end = hit["evidence"]
    article = client.get(f"/api/articles/{hit['article']}").json()
    assert "Lương Cường" in article["text"][start:end]
    assert all(client.get(f"/api/facts/{entity}").status_code == 200 for entity in hit["entities"])
    page = client.get(hit["link"])
    assert page.status_code == 200 and "<mark id=\"evidence\"" in page.text


def test_kind_pair_and_limit_narrow_the_answer(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "Việt Nam", "limit": 100}).json()
    peru = client.get("/api/search", params={"q": "Việt Nam", "pair": "pe-vn", "limit": 100}).json()
    assert 0 < len(peru["items"]) < len(everything["items"])
    assert all(hit["pair"] is None or set(hit["pair"]) <= {"PE", "VN"} for hit in peru["items"])
    two = client.get("/api/search", params={"q": "Việt Nam", "kind": "article", "limit": 2}).json()
    assert [hit["kind"] for hit in two["items"]] == ["article", "article"]
    assert two["counts"] == everything["counts"]  # counts are of every kind, whatever kind is asked for


@pytest.mark.parametrize(("params", "reason"), [
    ({"q": "!!!"}, "nothing to search for"),
    ({"q": "Peru", "pair": "VN-XX"}, "unknown country code 'XX'"),
])
def test_a_query_with_nothing_to_find_is_422_with_the_reason(client: TestClient, params: dict[str, str], reason: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert reason in response.json()["detail"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "Peru", "kind": "agreement"}, {"q": "Peru", "limit": 0},
                                    {"q": "x" * 501}, {"q": "Peru", "pair": "VNPE"}])
def test_a_malformed_search_is_422(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/search", params=params).status_code == 422


def test_search_syntax_is_no_error(client: TestClient) -> None:
    for query in ['"Peru', "Peru*", "NEAR(Peru", "Peru AND", "(Peru)", "Peru:"]:
        assert client.get("/api/search", params={"q": query}).status_code == 200
