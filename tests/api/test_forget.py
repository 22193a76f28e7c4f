"""``DELETE /api/articles/{id}``: forgetting an article, with the token as for writing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import store


def _first_id(engine: Engine) -> str:
    return store.articles(engine, limit=1)[1][0]["id"]


def test_delete_forgets_the_article_and_updates_the_record(writer: TestClient, auth: dict[str, bytes], writable: Engine) -> None:
    article_id = _first_id(writable)
    before = writer.get("/api/relations/VN-PE").json()["articles"]
    listed = writer.get("/api/articles?limit=500").json()  # answered from the server's cache until the store changes

    response = writer.delete(f"/api/articles/{article_id}", headers=auth)

    assert response.status_code == 204 and response.content == b""
    assert writer.get("/api/articles?limit=500").json() != listed
    assert writer.get(f"/api/articles/{article_id}").status_code == 404
    assert writer.get("/api/relations/VN-PE").json()["articles"] == before - 1
    assert writer.delete(f"/api/articles/{article_id}", headers=auth).status_code == 404


@pytest.mark.parametrize("headers, status", [
    ({}, 401), ({"Authorization": "Bearer wrong"}, 401),
])
def test_delete_without_the_token_is_refused(
    writer: TestClient, writable: Engine, headers: dict[str, str], status: int
) -> None:
    article_id = _first_id(writable)

    response = writer.delete(f"/api/articles/{article_id}", headers=headers)

    assert response.status_code == status
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert store.article(writable, article_id) is not None


def test_delete_on_a_read_only_server_is_403(client: TestClient, engine: Engine) -> None:
    article_id = _first_id(engine)

    response = client.delete(f"/api/articles/{article_id}", headers={"Authorization": "Bearer anything"})

    assert response.status_code == 403
    assert store.article(engine, article_id) is not None


def test_delete_of_an_unknown_or_malformed_id(writer: TestClient, auth: dict[str, bytes]) -> None:
    assert writer.delete("/api/articles/0123456789abcdef", headers=auth).status_code == 404
    assert writer.delete("/api/articles/not-an-id", headers=auth).status_code == 422
