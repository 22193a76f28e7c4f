"""A store of the shared corpus plus one hostile article, the app over it, and `bilat serve` with a browser.

Playwright's own browser download does not work offline, so the browser tests
point it at the system Chromium (`apt-get install chromium`; `.ci/run` installs it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from playwright import sync_api as playwright
from servers import serving
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


CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium keeps trying to reach Google's services, which a closed network refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MISSING = "Chromium not found: install the Debian package chromium"


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    return path


@pytest.fixture(scope="session")
def server(web_store: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`bilat serve`, read-only, over the test store."""
    with serving(web_store.url.render_as_string(), tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = _chromium()
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()
