"""Stores the exports are read from: the seed articles (Vietnam–Peru), and seeds with dev (many pairs)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine
from stores import Article, build_store

from bilat import store


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[Article]) -> Engine:
    return build_store(tmp_path_factory.mktemp("export-seeds") / "bilat.db", seed_articles)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Engine:
    return build_store(tmp_path_factory.mktemp("export-corpus") / "bilat.db", corpus_articles)


@pytest.fixture(scope="session")
def vn_pe(seeds_store: Engine) -> dict[str, Any]:
    """The record the exports of the seed store are checked against."""
    return store.relation(seeds_store, "VN", "PE")
