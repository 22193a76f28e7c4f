"""Store tests run against both SQLite and a real PostgreSQL through the ``db_url`` fixture."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import ThrowawayPostgres, find_pg_bin
from sqlalchemy import Engine

from bilat import evaluate, store
from bilat.errors import BilatError
from bilat.extract import extract
from bilat.extract.doc import Document
from bilat.extract.facts import Facts
from bilat.ingest import read_document

MISSING = "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package postgresql"
_database_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayPostgres]:
    """One server per session (start-up costs ~1 s); each test gets its own database on it."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        # CI must test PostgreSQL: a missing server there is a broken setup, not a reason to skip.
        if os.environ.get("CI"):
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    server = ThrowawayPostgres(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database; the server is started only when a PostgreSQL test runs."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bilat.db'}"
    server: ThrowawayPostgres = request.getfixturevalue("postgres_server")
    slug = re.sub(r"[^a-z0-9_]+", "_", request.node.name.lower())
    return server.fresh_database(f"t{next(_database_numbers)}_{slug}"[:63])


@pytest.fixture(scope="session")
def corpus_articles() -> list[tuple[Document, Facts]]:
    """The Vietnamese articles of the shared corpus (seeds and dev), read and extracted once per session."""
    try:
        corpus = evaluate.find_shared() / "corpus"
    except BilatError as exc:
        pytest.skip(f"no shared corpus beside the checkout: {exc}")
    paths = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "dev").glob("*.txt"))
    articles = []
    for path in paths:
        document = read_document(path)
        articles.append((document, extract(document)))
    return articles


@pytest.fixture
def corpus_db(db_url: str, corpus_articles: list[tuple[Document, Facts]]) -> Engine:
    """A store holding the seed and dev articles, resolved."""
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    for document, facts in corpus_articles:
        assert store.store_article(engine, document, facts)
    store.rebuild(engine)
    return engine
