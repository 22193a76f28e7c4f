"""The SQLite file as other tools see it: JSON columns in UTF-8, found by a plain ``LIKE``, older stores rewritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine
from stores import Article, build_store

from bilat import store
from bilat.store import db as store_db

NAME = "Lương Cường"
JSON_COLUMNS = {"fact": ("data",), "person": ("aliases",), "event": ("actors", "persons"),
                "agreement": ("parties",), "mechanism": ("parties",), "figure": ("parties",)}


def _escaped_values(path: Path) -> int:
    """How many JSON values hold a ``\\u`` escape, counted by the sqlite3 module alone."""
    with sqlite3.connect(path) as connection:
        return sum(
            connection.execute(f"SELECT count(*) FROM {table} WHERE {column} LIKE '%\\u%'").fetchone()[0]
            for table, columns in JSON_COLUMNS.items() for column in columns
        )


def _facts_naming(path: Path, name: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [data for (data,) in connection.execute("SELECT data FROM fact WHERE data LIKE ?", (f"%{name}%",))]


def test_plain_sqlite_finds_a_vietnamese_name_in_a_json_column(tmp_path: Path, seed_articles: list[Article]) -> None:
    path = tmp_path / "bilat.db"
    build_store(path, seed_articles).dispose()
    found = _facts_naming(path, NAME)
    assert any(f'"name": "{NAME}"' in data for data in found)
    assert _escaped_values(path) == 0


def test_upgrading_rewrites_the_escaped_rows_of_an_older_store(tmp_path: Path, seed_articles: list[Article]) -> None:
    """A store written with escaped JSON (SQLAlchemy's default serializer, before revision utf8_json) reads the same upgraded."""
    path = tmp_path / "old.db"
    older = create_engine(f"sqlite:///{path}")
    config = store_db._alembic_config()
    with older.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    for document, facts in seed_articles:
        store.store_article(older, document, facts)
    store.rebuild(older)
    before = store.relation(older, "VN", "PE")
    with older.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "article_citation")  # the revision before utf8_json
    older.dispose()
    assert _escaped_values(path) > 0 and not _facts_naming(path, NAME)

    engine = store.connect(f"sqlite:///{path}")
    store.upgrade(engine)

    assert store_db.is_current(engine)
    assert _escaped_values(path) == 0 and _facts_naming(path, NAME)
    assert store.relation(engine, "VN", "PE") == before
