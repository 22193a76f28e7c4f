"""Stores of real articles for the briefing tests: the seed articles, and the seeds plus one planted article."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat import evaluate, store
from bilat.errors import BilatError
from bilat.extract import extract
from bilat.extract.doc import Document
from bilat.extract.facts import Facts
from bilat.ingest import read_document
from bilat.ingest.read import read_text_document

SCRIPT = "<script>alert(1)</script>"
# A real fact (a meeting) whose sentence carries markup: the HTML briefing must escape it.
PLANTED = f"""source: test
published: 2025-03-10
title: Việt Nam – Peru {SCRIPT}
---
Ngày 10/3/2025, tại Lima, Thứ trưởng Ngoại giao Đỗ Hùng Việt hội đàm với Thứ trưởng Ngoại giao Peru {SCRIPT} Ana Cecilia Gervasi.
"""


@pytest.fixture(scope="session")
def planted_markup() -> str:
    """The markup the planted article carries in its title and in a fact's sentence."""
    return SCRIPT


@pytest.fixture(scope="session")
def seed_articles() -> list[tuple[Document, Facts]]:
    """The two seed articles on Vietnam–Peru (2023 and 2024), read and extracted once."""
    try:
        seeds = evaluate.find_shared() / "corpus" / "seeds"
    except BilatError as exc:
        pytest.skip(f"no shared corpus beside the checkout: {exc}")
    return [(document, extract(document)) for document in map(read_document, sorted(seeds.glob("*.txt")))]


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[tuple[Document, Facts]]) -> str:
    """The URL of a SQLite store holding the seed articles, resolved."""
    return _store(tmp_path_factory.mktemp("seeds") / "bilat.db", seed_articles)


@pytest.fixture(scope="session")
def planted_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[tuple[Document, Facts]]) -> str:
    """The seed store plus an article whose title and evidence sentence hold a ``<script>``."""
    planted = read_text_document(PLANTED, doc_id="planted")
    return _store(tmp_path_factory.mktemp("planted") / "bilat.db", [*seed_articles, (planted, extract(planted))])


def _store(path: Path, articles: list[tuple[Document, Facts]]) -> str:
    url = f"sqlite:///{path}"
    engine = store.connect(url, create=True)
    store.upgrade(engine)
    for document, facts in articles:
        assert store.store_article(engine, document, facts)
    store.rebuild(engine)
    engine.dispose()
    return url
