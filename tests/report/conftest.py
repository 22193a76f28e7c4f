"""Stores of real articles for the briefing tests: the seed articles, and the seeds plus one planted article."""

from __future__ import annotations

from pathlib import Path

import pytest
from stores import Article, build_store, text_article

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
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[Article]) -> str:
    """The URL of a SQLite store holding the seed articles, resolved."""
    return _store(tmp_path_factory.mktemp("seeds") / "bilat.db", seed_articles)


@pytest.fixture(scope="session")
def planted_db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[Article]) -> str:
    """The seed store plus an article whose title and evidence sentence hold a ``<script>``."""
    return _store(tmp_path_factory.mktemp("planted") / "bilat.db", [*seed_articles, text_article(PLANTED, "planted")])


def _store(path: Path, articles: list[Article]) -> str:
    """The briefing opens the store by URL itself, so only the URL is kept."""
    build_store(path, articles).dispose()
    return f"sqlite:///{path}"
