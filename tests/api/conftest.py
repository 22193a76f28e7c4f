"""The API over real stores of the shared corpus, served by ``create_app`` in a TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from stores import Article, build_store

from bilat.web.app import create_app


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Engine:
    """A store of the seed and dev articles (many pairs, so pages have several items); never written by the tests."""
    return build_store(tmp_path_factory.mktemp("api") / "bilat.db", corpus_articles)


@pytest.fixture(scope="session")
def client(engine: Engine) -> Iterator[TestClient]:
    """A read-only server: started without a token."""
    with TestClient(create_app(engine)) as client:
        yield client


@pytest.fixture
def writable(tmp_path: Path, seed_articles: list[Article]) -> Engine:
    """A store of the seed articles of its own, for a test that posts."""
    return build_store(tmp_path / "bilat.db", seed_articles)


@pytest.fixture
def token() -> str:
    """Not ASCII: the check must compare bytes (``compare_digest`` raises on non-ASCII str)."""
    return "test-token-\u00e9"


@pytest.fixture
def auth(token: str) -> dict[str, bytes]:
    """The headers of a request that may write; bytes, as the token is UTF-8 on the wire."""
    return {"Authorization": b"Bearer " + token.encode()}


@pytest.fixture
def writer(writable: Engine, token: str) -> Iterator[TestClient]:
    """A server started with ``token``, over ``writable``."""
    with TestClient(create_app(writable, token)) as client:
        yield client
