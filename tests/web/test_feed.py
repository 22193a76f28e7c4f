"""``/r/VN-PE/feed.atom``: a relationship's alerts as an Atom 1.0 feed, parsed back as a feed reader reads it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from alert_stories import LONG_AGO, add, invitation, rebuild_again, visit
from fastapi.testclient import TestClient
from lxml import etree, html
from sqlalchemy import Engine
from stores import india_japan

from bilat import store
from bilat.web.app import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = store.connect(f"sqlite:///{tmp_path / 'bilat.db'}", create=True)
    store.upgrade(engine)
    store.follow(engine, store.EVERY_PAIR, now=LONG_AGO)
    add(engine, invitation(date(2024, 3, 5)), visit(date(2024, 11, 13)), *india_japan())
    return engine


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine)) as client:
        yield client


def _feed(client: TestClient, url: str) -> etree._Element:
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/atom+xml")
    return etree.fromstring(answer.content)


def test_the_feed_lists_the_pairs_alerts_as_atom(client: TestClient) -> None:
    feed = _feed(client, "/r/VN-PE/feed.atom?lang=en")
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "tag:bilat,2026:relation/PE-VN"
    assert feed.findtext(f"{ATOM}title") == "Vietnam – Peru: alerts from bilat"
    datetime.fromisoformat(feed.findtext(f"{ATOM}updated") or "")  # RFC 3339
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "/r/VN-PE/feed.atom?lang=en", "alternate": "/r/VN-PE?lang=en"}
    entries = feed.findall(f"{ATOM}entry")
    assert sorted(entry.find(f"{ATOM}category").get("term") for entry in entries) == ["contact", "fulfilled"]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 2 and all(i.startswith("tag:bilat,2026:alert/") for i in ids)
    record = client.get("/api/relations/VN-PE").json()
    for entry in entries:
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
        assert entry.findtext(f"{ATOM}title")
        hrefs = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
        page, _, anchor = hrefs["alternate"].partition("#")
        assert page == "/r/VN-PE?lang=en" and anchor in {e["id"] for e in record["events"]}
        assert client.get(hrefs["related"]).status_code == 200  # the evidence's article page
        assert entry.findtext(f"{ATOM}summary", "").startswith("Evidence: “")


def test_the_feed_speaks_the_readers_language(client: TestClient) -> None:
    feed = _feed(client, "/r/VN-PE/feed.atom")  # most of the store's articles are in Vietnamese
    assert feed.findtext(f"{ATOM}title") == "Việt Nam – Peru: cảnh báo của bilat"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert any(title.startswith("Lời mời: Peru → Việt Nam") for title in titles)


def test_entries_keep_their_ids_across_rebuilds(engine: Engine, client: TestClient) -> None:
    before = [e.findtext(f"{ATOM}id") for e in _feed(client, "/r/VN-PE/feed.atom").findall(f"{ATOM}entry")]
    rebuild_again(engine)
    after = [e.findtext(f"{ATOM}id") for e in _feed(client, "/r/VN-PE/feed.atom").findall(f"{ATOM}entry")]
    assert after == before


def test_a_pair_with_no_alerts_has_an_empty_feed(client: TestClient) -> None:
    feed = _feed(client, "/r/VN-CL/feed.atom")
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}updated")


def test_the_feed_of_a_pair_named_otherwise_redirects_and_of_no_country_is_404(client: TestClient) -> None:
    moved = client.get("/r/vn-Peru/feed.atom?lang=vi", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/r/VN-PE/feed.atom?lang=vi"
    assert client.get("/r/VN-Atlantis/feed.atom").status_code == 404


def test_the_relationship_page_links_its_feed(client: TestClient) -> None:
    page = html.fromstring(client.get("/r/VN-PE?lang=vi").text)
    (alternate,) = page.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
    assert alternate.get("href") == "/r/VN-PE/feed.atom?lang=vi"
    assert alternate.get("title") == "Việt Nam – Peru: cảnh báo của bilat"
    assert page.xpath('//main//a[@href="/r/VN-PE/feed.atom?lang=vi"]')
