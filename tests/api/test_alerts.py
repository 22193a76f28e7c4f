"""``GET /api/alerts``: the alerts raised, newest first, by pair and since a time, paged like the other lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import get_args

import pytest
from alert_stories import LONG_AGO, add, invitation, visit
from fastapi.testclient import TestClient
from stores import india_japan

from bilat import store
from bilat.api.schemas import AlertKind
from bilat.lang import load
from bilat.report.labels import READER_LANGUAGES
from bilat.store.alerts import KINDS
from bilat.web.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """Every pair followed; alerts on Vietnam–Peru (fulfilled, contact), then on India–Japan (contact)."""
    engine = store.connect(f"sqlite:///{tmp_path / 'bilat.db'}", create=True)
    store.upgrade(engine)
    store.follow(engine, store.EVERY_PAIR, now=LONG_AGO)
    add(engine, invitation(date(2024, 3, 5)), visit(date(2024, 11, 13)))
    with TestClient(create_app(engine)) as client:
        client.app.state.between = datetime.now(UTC)  # type: ignore[attr-defined]
        add(engine, *india_japan())
        yield client


def test_lists_every_alert_newest_first_with_its_lines(client: TestClient) -> None:
    body = client.get("/api/alerts").json()
    assert body["total"] == 3 and body["limit"] == 50 and body["offset"] == 0
    assert [a["pair"] for a in body["items"]] == ["IN-JP", "PE-VN", "PE-VN"]
    fulfilled = next(a for a in body["items"] if a["kind"] == "fulfilled")
    assert fulfilled["text"]["en"].startswith("Invitation: Peru → Vietnam (5 March 2024) fulfilled by Visit")
    assert fulfilled["text"]["vi"].startswith("Lời mời: Peru → Việt Nam")
    assert client.get(f"/api/facts/{fulfilled['entity']}").json()["type"] == "INVITE"


def test_filters_by_pair_in_either_order_and_any_case(client: TestClient) -> None:
    for pair in ("VN-PE", "pe-vn"):
        body = client.get("/api/alerts", params={"pair": pair}).json()
        assert body["total"] == 2 and {a["pair"] for a in body["items"]} == {"PE-VN"}


def test_filters_by_the_time_raised(client: TestClient) -> None:
    between = client.app.state.between  # type: ignore[attr-defined]
    later = client.get("/api/alerts", params={"since": between.isoformat()}).json()
    assert [a["pair"] for a in later["items"]] == ["IN-JP"]
    yesterday = (between - timedelta(days=1)).date().isoformat()
    assert client.get("/api/alerts", params={"since": yesterday}).json()["total"] == 3
    tomorrow = (between + timedelta(days=1)).date().isoformat()
    assert client.get("/api/alerts", params={"since": tomorrow, "pair": "VN-PE"}).json()["items"] == []


def test_pages(client: TestClient) -> None:
    body = client.get("/api/alerts", params={"limit": 1, "offset": 1}).json()
    assert body["total"] == 3 and [a["pair"] for a in body["items"]] == ["PE-VN"]


@pytest.mark.parametrize("params", [{"since": "last tuesday"}, {"since": "2026-13-01"}, {"since": "0001-01-01T00:00+01:00"},
                                    {"pair": "VN-XX"},
                                    {"pair": "VNPE"}, {"limit": 0}])
def test_a_malformed_filter_is_422(client: TestClient, params: dict[str, str]) -> None:
    answer = client.get("/api/alerts", params=params)
    assert answer.status_code == 422 and answer.json()["detail"]


def test_is_documented(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/alerts"]["get"]
    assert operation["operationId"] == "list_alerts"
    assert {p["name"] for p in operation["parameters"]} == {"since", "pair", "limit", "offset"}


def test_the_kinds_documented_are_those_raised() -> None:
    assert get_args(AlertKind) == KINDS


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_every_kind_has_a_name_and_a_line_in_each_language(lang: str) -> None:
    words = load(lang)["alerts"]
    assert set(KINDS) <= set(words["kinds"]) and set(KINDS) <= set(words["texts"])
