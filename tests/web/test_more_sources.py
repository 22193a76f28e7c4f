"""A fact stated by more stories than the page lists links to every source of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from stores import Article, build_store

from bilat import store
from bilat.store import summaries
from bilat.web.app import create_app


def test_the_page_links_a_fact_with_more_sources_to_all_of_them(
    tmp_path: Path, corpus_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summaries, "SOURCES_LISTED", 1)
    engine = build_store(tmp_path / "bilat.db", corpus_articles)
    records = [store.relation(engine, *p["countries"]) for p in store.relations(engine)]
    record, event = next((r, e) for r in records for e in r["events"] if e["sources_total"] > 1)
    pair = "-".join(c["code"] for c in record["countries"])
    client = TestClient(create_app(engine))

    page = client.get(f"/r/{pair}", params={"lang": "en"}).text
    every = client.get(f"/api/facts/{event['id']}/sources").json()

    assert f'href="/api/facts/{event["id"]}/sources"' in page
    assert f"{event['sources_total']} sources in all" in page
    assert every["total"] == event["sources_total"] == len(every["items"])
