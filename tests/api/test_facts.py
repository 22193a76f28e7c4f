"""``/api/facts/{id}``: one resolved fact, each source quoting its article's text at its evidence span."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bilat import store
from bilat.store import models as m


@pytest.fixture(scope="module")
def fact_ids(engine: Engine) -> dict[str, str]:
    """One id of each kind, by its first letter; the event one has links."""
    with Session(engine) as session:
        ids = {model.__tablename__: session.scalars(select(model.id).order_by(model.id)).first()
               for model in (m.Agreement, m.Mechanism, m.Figure, m.Membership, m.Person)}
        ids["event"] = session.scalars(select(m.Link.source_id).order_by(m.Link.id)).first()
    assert all(ids.values())
    return {identifier[0]: identifier for identifier in ids.values() if identifier}


@pytest.mark.parametrize("letter", list("eamfsp"))
def test_fact_is_the_store_entity(client: TestClient, engine: Engine, fact_ids: dict[str, str], letter: str) -> None:
    response = client.get(f"/api/facts/{fact_ids[letter]}")

    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(store.entity(engine, fact_ids[letter])))
    assert response.json()["sources"]


@pytest.mark.parametrize("letter", list("eamfsp"))
def test_each_source_quotes_its_article(client: TestClient, fact_ids: dict[str, str], letter: str) -> None:
    fact = client.get(f"/api/facts/{fact_ids[letter]}").json()

    for source in fact["sources"]:
        text = client.get(f"/api/articles/{source['article']}").json()["text"]
        start, end = source["evidence"]
        assert source["quote"] == text[start:end]


def test_an_event_lists_its_links(client: TestClient, fact_ids: dict[str, str]) -> None:
    event = client.get(f"/api/facts/{fact_ids['e']}").json()

    assert event["entity"] == "event"
    assert any(link["source"] == event["id"] and link["reason"] for link in event["links"])


def test_missing_fact_is_404(client: TestClient) -> None:
    response = client.get("/api/facts/e0000000000000")

    assert response.status_code == 404
    assert response.json() == {"detail": "no fact e0000000000000 in the store"}


@pytest.mark.parametrize("fact_id", [
    "x0000000000000", "E1fbe0a06d4183", "e1fbe0a06d418", "e1fbe0a06d41830", "e1fbe0a06d418g",
])
def test_malformed_fact_id_is_422(client: TestClient, fact_id: str) -> None:
    assert client.get(f"/api/facts/{fact_id}").status_code == 422
