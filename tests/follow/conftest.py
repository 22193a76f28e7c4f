"""The follower's tests: a news outlet served on 127.0.0.1 from the shared corpus, and an empty store to follow it into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from outlet import QUICK, Outlet, Story, serving, stories
from sqlalchemy import Engine

from bilat import store
from bilat.follow.loop import Settings

@pytest.fixture(scope="session")
def corpus_stories(shared_corpus: Path) -> list[Story]:
    """The seeds and the English dev articles, as pages."""
    return stories(sorted((shared_corpus / "seeds").glob("*.txt")) + sorted((shared_corpus / "dev-en").glob("*.txt")))


@pytest.fixture
def outlet(corpus_stories: list[Story]) -> Iterator[Outlet]:
    """An outlet publishing six of the articles; a test publishes more by adding to ``stories``."""
    with serving(Outlet(list(corpus_stories[2:8]))) as served:
        yield served


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = store.connect(f"sqlite:///{tmp_path / 'bilat.db'}", create=True)
    store.upgrade(engine)
    return engine


@pytest.fixture
def once() -> Settings:
    return Settings(once=True, politeness=QUICK)
