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
from stores import Article, build_store

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


@pytest.fixture
def corpus_db(db_url: str, corpus_articles: list[Article]) -> Engine:
    """A store holding the seed and dev articles, resolved, on each backend."""
    return build_store(db_url, corpus_articles)
