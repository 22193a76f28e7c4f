"""Copies on the pages: a story's copies beside its one source; an article's other places and story."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from stores import Article, build_store, syndicated, text_article

from bilat import store
from bilat.web.app import create_app


def test_a_syndicated_copy_is_one_source_and_each_page_names_the_other(tmp_path: Path, seed_articles: list[Article]) -> None:
    seed, _ = seed_articles[1]
    body = seed.text[seed.body_start:]
    copy = text_article("source: https://outlet-b.example/1\ntitle: Bản tin của báo B\n---\n" + syndicated(body), "outlet-b")
    engine = build_store(tmp_path / "bilat.db", [*seed_articles, copy])
    mirror = text_article(f"source: https://mirror.example/1\n---\n{body}", "mirror")
    store.store_article(engine, *mirror)
    client = TestClient(create_app(engine))
    _, listed = store.articles(engine, limit=10)
    ids = {a["name"]: a["id"] for a in listed}

    page = client.get("/r/VN-PE?lang=vi").text
    assert re.search(r'<span class="also" title="cùng bản tin còn đăng ở 1 nơi khác">\+1</span>', page)
    events = store.relation(engine, "VN", "PE")["events"]
    assert all(s["article"] != ids["outlet-b"] for e in events for s in e["sources"])  # named, not a second source
    assert any(ids["outlet-b"] in s["also"] for e in events for s in e["sources"])

    original = client.get(f"/articles/{ids[seed.id]}?lang=en").text
    assert "Also read from" in original and 'href="https://mirror.example/1"' in original
    assert f'href="/articles/{ids["outlet-b"]}?lang=en">Bản tin của báo B</a>' in original
    copy_page = client.get(f"/articles/{ids['outlet-b']}?lang=vi").text
    assert "Cùng bản tin, do báo khác đăng" in copy_page and f'href="/articles/{ids[seed.id]}?lang=vi"' in copy_page
