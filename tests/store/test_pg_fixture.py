"""Smoke test of the store fixtures: both back ends answer, and each fresh database is empty."""

from __future__ import annotations

from pg import ThrowawayPostgres
from sqlalchemy import create_engine, inspect, text


def test_db_url_connects(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("select 1")).scalar_one() == 1
    engine.dispose()


def test_fresh_databases_are_distinct_and_empty(postgres_server: ThrowawayPostgres) -> None:
    first = create_engine(postgres_server.fresh_database("smoke_first"))
    second = create_engine(postgres_server.fresh_database("smoke_second"))
    with first.begin() as conn:
        conn.execute(text("create table marker (id int)"))
    with second.connect() as conn:
        assert conn.execute(text("select current_database()")).scalar_one() == "smoke_second"
    assert inspect(first).get_table_names() == ["marker"]
    assert inspect(second).get_table_names() == []
    first.dispose()
    second.dispose()
