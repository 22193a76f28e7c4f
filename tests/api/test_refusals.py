"""``POST /api/articles`` of an article the store cannot keep: 422 with the reason, and nothing stored."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import store
from bilat.api.schemas import NewArticle
from bilat.isodates import is_iso_date

EXAMPLE: dict[str, Any] = NewArticle.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]


def test_post_of_an_article_the_store_cannot_keep_is_422_and_stores_nothing(
    writer: TestClient, auth: dict[str, bytes], writable: Engine
) -> None:
    source = "https://example.org/" + "đ" * 1500  # under the body's 2048 characters, over the store's 2048 bytes

    response = writer.post("/api/articles", json={**EXAMPLE, "source": source}, headers=auth)

    assert response.status_code == 422
    assert response.json()["detail"].startswith("cannot store the article: source 'https://example.o")
    assert response.json()["detail"].endswith("is longer than 2048 bytes")
    assert store.articles(writable, limit=10)[0] == 2


def test_post_with_a_published_date_naming_no_day_stores_no_such_date(
    writer: TestClient, auth: dict[str, bytes], writable: Engine
) -> None:
    response = writer.post("/api/articles", json={**EXAMPLE, "text": "published: 0000\n---\n" + EXAMPLE["text"]}, headers=auth)

    assert response.status_code in (201, 422), response.text  # refused, or kept with the date read as unknown
    if response.status_code == 422:
        assert "published date '0000' names no day" in response.json()["detail"]
    assert all(a["published"] is None or is_iso_date(a["published"]) for a in store.articles(writable, limit=10)[1])
    assert writer.get("/api/relations/VN-PE").status_code == 200
