"""The API over real stores: the shared corpus read once per session, served by ``create_app`` in a TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import evaluate, store
from bilat.errors import BilatError
from bilat.extract import extract
from bilat.extract.doc import Document
from bilat.extract.facts import Facts
from bilat.ingest import read_document
from bilat.web.app import create_app

Extracted = list[tuple[Document, Facts]]


@pytest.fixture(scope="session")
def corpus() -> Path:
    try:
        return evaluate.find_shared() / "corpus"
    except BilatError as exc:
        pytest.skip(f"no shared corpus beside the checkout: {exc}")


@pytest.fixture(scope="session")
def seeds(corpus: Path) -> Extracted:
    return _extracted(sorted((corpus / "seeds").glob("*.txt")))


@pytest.fixture(scope="session")
def dev(corpus: Path) -> Extracted:
    return _extracted(sorted((corpus / "dev").glob("*.txt")))


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory, seeds: Extracted, dev: Extracted) -> Engine:
    """A store of the seed and dev articles (many pairs, so pages have several items); never written by the tests."""
    return build_store(tmp_path_factory.mktemp("api") / "bilat.db", seeds + dev)


@pytest.fixture(scope="session")
def client(engine: Engine) -> Iterator[TestClient]:
    """A read-only server: started without a token."""
    with TestClient(create_app(engine)) as client:
        yield client


@pytest.fixture
def writable(tmp_path: Path, seeds: Extracted) -> Engine:
    """A store of the seed articles of its own, for a test that posts."""
    return build_store(tmp_path / "bilat.db", seeds)


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


def build_store(path: Path, articles: Extracted) -> Engine:
    engine = store.connect(str(path), create=True)
    store.upgrade(engine)
    for document, facts in articles:
        assert store.store_article(engine, document, facts)
    store.rebuild(engine)
    return engine


def _extracted(paths: list[Path]) -> Extracted:
    return [(document, extract(document)) for document in map(read_document, paths)]
