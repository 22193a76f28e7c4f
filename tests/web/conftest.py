"""A store of the shared corpus plus one hostile article, and the app over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from stores import Article, build_store, text_article

from bilat import store
from bilat.web.app import create_app

HOSTILE = """title: Peru và Việt Nam <script>alert("title")</script>
published: 2025-03-05
---
Ngày 5/3/2025, Bộ trưởng Ngoại giao Peru <script>alert(1)</script> thăm chính thức Việt Nam theo lời mời của Bộ trưởng Ngoại giao Việt Nam.
Hai bên nhất trí thúc đẩy hợp tác thương mại, đầu tư và giáo dục trong thời gian tới.
"""
"""An article whose title and evidence sentence carry markup: pages must show it as text."""


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Engine:
    """The seed and dev articles plus ``HOSTILE``."""
    articles = [*corpus_articles, text_article(HOSTILE, "hostile")]
    return build_store(tmp_path_factory.mktemp("web") / "bilat.db", articles)


@pytest.fixture(scope="session")
def client(web_store: Engine) -> TestClient:
    return TestClient(create_app(web_store))


@pytest.fixture(scope="session")
def hostile_article(web_store: Engine) -> str:
    _, listed = store.articles(web_store, limit=1000)
    return next(a["id"] for a in listed if a["name"] == "hostile")


@pytest.fixture(scope="session")
def hostile_span(web_store: Engine, hostile_article: str) -> str:
    """``START-END`` of the evidence holding the script tag."""
    facts = store.article(web_store, hostile_article)["facts"]
    start, end = next(f["evidence"] for f in facts if f["section"] == "events" and f["data"]["type"] == "VISIT")
    return f"{start}-{end}"
