"""The shared corpus, read and extracted once per session for every suite (extraction is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest
from stores import Article, extracted

from bilat import evaluate
from bilat.errors import BilatError


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The corpus of the shared folder beside the checkout; tests needing it skip when it is missing."""
    try:
        return evaluate.find_shared() / "corpus"
    except BilatError as exc:
        pytest.skip(f"no shared corpus beside the checkout: {exc}")


@pytest.fixture(scope="session")
def seed_articles(shared_corpus: Path) -> list[Article]:
    """The two seed articles on Vietnam–Peru (2023 and 2024)."""
    return extracted(sorted((shared_corpus / "seeds").glob("*.txt")))


@pytest.fixture(scope="session")
def dev_articles(shared_corpus: Path) -> list[Article]:
    """The dev articles: many pairs, so listings have several items."""
    return extracted(sorted((shared_corpus / "dev").glob("*.txt")))


@pytest.fixture(scope="session")
def corpus_articles(seed_articles: list[Article], dev_articles: list[Article]) -> list[Article]:
    """Seeds then dev, the order every corpus store is built in."""
    return seed_articles + dev_articles
