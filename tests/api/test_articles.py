"""``/api/articles``: the stored articles, one with its text and facts, and posting a new one with the token."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from stores import Article

from bilat import store
from bilat.api.schemas import NewArticle
from bilat.extract import budget

EXAMPLE: dict[str, Any] = NewArticle.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
"""The example of ``/docs``: President Võ Văn Thưởng meets President Boluarte at APEC 2023 (Vietnamese)."""
FRENCH = "Le président du Vietnam a rencontré la présidente du Pérou à Lima lundi pour discuter du commerce et des investissements."


def test_articles_lists_metadata_newest_first(client: TestClient, engine: Engine, corpus_articles: list[Article]) -> None:
    total, items = store.articles(engine, limit=500)

    page = client.get("/api/articles").json()

    following = items[49]["id"] if total > 50 else None
    assert page == {"total": total, "limit": 50, "offset": 0, "items": items[:50], "next": following}
    assert total == len(corpus_articles)
    assert set(page["items"][0]) == {"id", "name", "source", "url", "outlet", "title", "published", "lang", "withdrawn"}
    assert page["items"][0]["published"] == max(a["published"] or "" for a in items)


def test_pages_read_after_a_key_are_the_list_in_order(client: TestClient, engine: Engine) -> None:
    _, everything = store.articles(engine, limit=500)
    undated = sum(1 for a in everything if a["published"] is None)
    assert undated and len(everything) > 2 * SMALL_PAGE  # the walk crosses from dated to undated articles

    walked, after = [], None
    while True:
        params = {"limit": SMALL_PAGE, **({"after": after} if after else {})}
        page = client.get("/api/articles", params=params).json()
        walked += page["items"]
        after = page["next"]
        if after is None:
            break
        assert after == page["items"][-1]["id"]

    assert walked == everything


def test_a_key_that_is_no_article_gives_an_empty_page(client: TestClient) -> None:
    page = client.get("/api/articles", params={"after": "0" * 16}).json()
    assert (page["items"], page["next"]) == ([], None)
    assert client.get("/api/articles", params={"after": "not-an-id"}).status_code == 422


SMALL_PAGE = 7
"""Fewer articles than the corpus has, and not a divisor of its size: the last page is short."""


def test_articles_carry_what_cites_them(client: TestClient) -> None:
    items = client.get("/api/articles", params={"limit": 500}).json()["items"]
    by_name = {a["name"]: a for a in items}

    # A dev article's `source:` header is its URL; the outlet is named from the host.
    h02 = by_name["h02"]
    assert h02["url"] == h02["source"] and h02["url"].startswith("https://baothanhhoa.vn/")
    assert h02["outlet"] == "Báo Thanh Hóa"
    # A seed article has no header: the file it was read from is no citation.
    seed = by_name["000_d2da0c1ad552315d"]
    assert seed["source"] and (seed["url"], seed["outlet"]) == (None, None)


def test_articles_pages(client: TestClient, corpus_articles: list[Article]) -> None:
    everything = client.get("/api/articles", params={"limit": 500}).json()["items"]

    page = client.get("/api/articles", params={"limit": 5, "offset": 15}).json()

    assert (page["total"], page["items"]) == (len(corpus_articles), everything[15:20])
    assert len(page["items"]) == 5


def test_article_has_its_text_and_facts(client: TestClient, engine: Engine) -> None:
    article_id = client.get("/api/articles").json()["items"][0]["id"]

    article = client.get(f"/api/articles/{article_id}").json()

    assert article == json.loads(json.dumps(store.article(engine, article_id)))
    assert article["text"].startswith("source: ")
    assert {f["section"] for f in article["facts"]} >= {"persons", "events"}
    for fact in article["facts"]:
        start, end = fact["evidence"]
        assert 0 <= start < end <= len(article["text"])
        assert fact["id"].startswith(f"{article_id}:{fact['section']}:")


def test_missing_article_is_404_and_malformed_id_422(client: TestClient) -> None:
    assert client.get("/api/articles/0000000000000000").status_code == 404
    assert client.get("/api/articles/0000").status_code == 422
    assert client.get("/api/articles/ABCDEF0000000000").status_code == 422


# Writing.


def test_writing_is_disabled_without_a_server_token(client: TestClient) -> None:
    with_token = client.post("/api/articles", json=EXAMPLE, headers={"Authorization": "Bearer anything"})
    without = client.post("/api/articles", json=EXAMPLE)

    assert with_token.status_code == 403
    assert with_token.json()["detail"].startswith("writing is disabled: start the server with a token")
    assert without.status_code == 401
    assert "writing is disabled" in without.json()["detail"]


WRONG_CREDENTIALS: dict[str, Callable[[str], dict[str, Any]]] = {
    "none": lambda token: {},
    "wrong token": lambda token: {"Authorization": "Bearer wrong"},
    "prefix of the token": lambda token: {"Authorization": b"Bearer " + token.encode()[:-1]},
    "basic scheme": lambda token: {"Authorization": b"Basic " + token.encode()},
    "no scheme": lambda token: {"Authorization": token.encode()},
}


@pytest.mark.parametrize("credentials", WRONG_CREDENTIALS.values(), ids=list(WRONG_CREDENTIALS))
def test_missing_or_wrong_token_is_401(
    writer: TestClient, token: str, credentials: Callable[[str], dict[str, Any]]
) -> None:
    response = writer.post("/api/articles", json=EXAMPLE, headers=credentials(token))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert writer.get("/api/articles").json()["total"] == 2  # nothing stored


def test_post_stores_then_answers_already_stored(writer: TestClient, auth: dict[str, bytes], writable: Engine) -> None:
    first = writer.post("/api/articles", json=EXAMPLE, headers=auth)
    again = writer.post("/api/articles", json={"text": EXAMPLE["text"]}, headers=auth)

    assert first.status_code == 201
    # two persons, the meeting, and each side's attendance of the summit it was held beside (FACTS.md)
    assert first.json()["stored"] is True and first.json()["facts"] == 5
    article_id = first.json()["id"]
    assert first.headers["Location"].endswith(f"/api/articles/{article_id}")
    assert again.status_code == 200
    assert again.json() == {"id": article_id, "stored": False, "story": article_id, "facts": 5}
    article = writer.get(f"/api/articles/{article_id}").json()
    assert (article["text"], article["name"], article["source"]) == (EXAMPLE["text"], "apec-2023", EXAMPLE["source"])
    assert len(article["facts"]) == 5


def test_a_posted_article_joins_the_record(writer: TestClient, auth: dict[str, bytes]) -> None:
    article_id = writer.post("/api/articles", json=EXAMPLE, headers=auth).json()["id"]

    meetings = {"type": "MEET", "since": "2023-11-17", "until": "2023-11-17"}
    record = writer.get("/api/relations/VN-PE", params=meetings).json()

    assert article_id in {s["article"] for e in record["events"] for s in e["sources"]}
    assert record["articles"] == 3


def test_posted_html_comes_back_as_data(writer: TestClient, auth: dict[str, bytes]) -> None:
    text = EXAMPLE["text"] + ' <script>alert("x")</script> & <b>'
    name = "<img src=x onerror=alert(1)>"

    article_id = writer.post("/api/articles", json={"text": text, "name": name}, headers=auth).json()["id"]
    response = writer.get(f"/api/articles/{article_id}")

    assert response.headers["content-type"] == "application/json"
    assert (response.json()["text"], response.json()["name"]) == (text, name)
    assert "<script>" in response.text  # JSON carries text as it is; escaping is the HTML pages' job


@pytest.mark.parametrize("body, reason", [
    ({"text": FRENCH}, "articles in 'fr' are not read yet"),
    ({"text": "   \n\t"}, "empty"),
    ({"text": "Peru"}, "cannot tell the language"),
    ({"text": "lang: xx\n---\n" + EXAMPLE["text"]}, "articles in 'xx' are not read yet"),
])
def test_text_bilat_cannot_read_is_422_with_the_reason(
    writer: TestClient, auth: dict[str, bytes], body: dict[str, str], reason: str
) -> None:
    response = writer.post("/api/articles", json=body, headers=auth)

    assert response.status_code == 422
    assert reason in response.json()["detail"]


@pytest.mark.parametrize("body", [
    {}, {"text": ""}, {"text": 42}, {"text": "a\x00b"}, {"text": "x" * 1_000_001},
    {"text": EXAMPLE["text"], "name": ""}, {"text": EXAMPLE["text"], "name": "n" * 256},
    {"text": EXAMPLE["text"], "colour": "red"},
])
def test_malformed_body_is_422_without_echoing_it(
    writer: TestClient, auth: dict[str, bytes], body: dict[str, Any]
) -> None:
    response = writer.post("/api/articles", json=body, headers=auth)

    assert response.status_code == 422
    assert all("input" not in issue for issue in response.json()["detail"])
    assert len(response.content) < 2000


@pytest.mark.parametrize("content", [b'{"text": "\\ud800 lone surrogate"}', b'{"text": ', b"[]", b"null"])
def test_unusable_json_is_422_not_500(writer: TestClient, auth: dict[str, bytes], content: bytes) -> None:
    response = writer.post("/api/articles", content=content, headers={**auth, "Content-Type": "application/json"})

    assert response.status_code == 422


def test_body_that_is_not_utf8_is_400(writer: TestClient, auth: dict[str, bytes]) -> None:
    headers = {**auth, "Content-Type": "application/json"}
    response = writer.post("/api/articles", content=b'{"text": "\xff"}', headers=headers)

    assert response.status_code == 400


def test_405_lists_every_method_of_the_path(client: TestClient) -> None:
    assert client.request("OPTIONS", "/api/articles").headers["Allow"] == "GET, POST"
    assert client.delete("/api/relations/VN-PE").headers["Allow"] == "GET"


def test_an_article_past_the_time_budget_is_422_and_not_stored(
    writer: TestClient, auth: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    def rules_that_never_end(document: object) -> None:  # each step checks the budget, as a rule's loop over sentences does
        while True:
            budget.check()

    monkeypatch.setattr("bilat.api.articles.extract", rules_that_never_end)
    monkeypatch.setenv(budget.BUDGET_ENV, "0.2")
    response = writer.post("/api/articles", json=EXAMPLE, headers=auth)

    assert response.status_code == 422
    assert "took longer than the article time budget of 0.2 s" in response.json()["detail"]
    assert writer.get("/api/articles").json()["total"] == 2
