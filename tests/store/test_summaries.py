"""The index of pairs and a record's counts, persons and sources are read from summaries written with the record."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import pytest
from alembic import command
from sqlalchemy import Engine, delete, event, select
from sqlalchemy.orm import Session
from stores import Article, build_store

from bilat import store
from bilat.store import db as store_db
from bilat.store import models as m
from bilat.store import summaries


def _scanned_pairs(engine: Engine) -> dict[tuple[str, str], dict[str, int]]:
    """The index of pairs counted from the party and source tables themselves: what the summary must say."""
    with Session(engine) as session:
        parties: dict[str, set[str]] = defaultdict(set)
        for entity_id, country in session.execute(select(m.Party.entity_id, m.Party.country)):
            parties[entity_id].add(country)
        stated: dict[str, set[str]] = defaultdict(set)
        for entity_id, fact_id in session.execute(select(m.Source.entity_id, m.Source.fact_id)):
            stated[entity_id].add(session.get(m.Fact, fact_id).article_id)
    kinds = {"e": "events", "a": "agreements", "m": "mechanisms", "f": "figures"}
    out: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys([*kinds.values(), "articles"], 0))
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity_id, countries in parties.items():
        for pair in combinations(sorted(countries), 2):
            out[pair][kinds[entity_id[0]]] += 1
            articles[pair] |= stated[entity_id]
    for pair, ids in articles.items():
        out[pair]["articles"] = len(ids)
    return dict(out)


def _indexed(engine: Engine) -> dict[tuple[str, str], dict[str, int]]:
    return {(p["countries"][0], p["countries"][1]): {k: v for k, v in p.items() if k != "countries"}
            for p in store.relations(engine)}


def test_the_index_of_pairs_is_the_summary_and_stays_right_after_forget(corpus_db: Engine) -> None:
    assert _indexed(corpus_db) == _scanned_pairs(corpus_db)
    vn_pe = store.relation(corpus_db, "VN", "PE")
    gone = sorted({s["article"] for e in vn_pe["events"] for s in e["sources"]})

    store.forget(corpus_db, gone)

    assert _indexed(corpus_db) == _scanned_pairs(corpus_db)
    assert ("PE", "VN") not in _indexed(corpus_db) or _indexed(corpus_db)[("PE", "VN")]["events"] < len(vn_pe["events"])
    with Session(corpus_db) as session, session.begin():
        session.execute(delete(m.PairSummary))
    assert store.relations(corpus_db) == []  # read from the summary, not counted again


def test_a_record_lists_a_few_sources_and_counts_them_all(
    db_url: str, corpus_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summaries, "SOURCES_LISTED", 1)
    engine = build_store(db_url, corpus_articles)
    pairs = [p["countries"] for p in store.relations(engine)]
    # The pair with the most-stated event: some event there has several stories stating it.
    full = max((store.relation(engine, *pair, every_source=True) for pair in pairs),
               key=lambda record: max((len(e["sources"]) for e in record["events"]), default=0))
    listed = store.relation(engine, *(c["code"] for c in full["countries"]))

    assert full["articles"] == listed["articles"] and full["languages"] == listed["languages"]
    assert [p["id"] for p in full["persons"]] == [p["id"] for p in listed["persons"]]
    assert [p["offices"] for p in full["persons"]] == [p["offices"] for p in listed["persons"]]
    assert full["glance"]["as_of"] == listed["glance"]["as_of"]
    many = [e for e in full["events"] if len(e["sources"]) > 1]
    assert many, "the corpus states some event in several stories"
    by_id = {e["id"]: e for e in listed["events"]}
    for event in many:
        shown = by_id[event["id"]]
        assert shown["sources_total"] == event["sources_total"] == len(event["sources"])
        assert len(shown["sources"]) == 1
        # The one listed is the latest dated, which keeps the record's "as of" what all sources give.
        assert shown["sources"][0] in event["sources"]
        total, page = store.entity_sources(engine, event["id"], limit=100)
        assert (total, page) == (len(event["sources"]), event["sources"])


def test_a_record_reads_its_facts_from_its_pair_not_from_every_party_row(corpus_db: Engine) -> None:
    pairs = [tuple(p["countries"]) for p in store.relations(corpus_db)]
    statements: list[str] = []
    listen = lambda conn, cursor, statement, *rest: statements.append(statement)  # noqa: E731
    event.listen(corpus_db, "before_cursor_execute", listen)
    try:
        records = {pair: store.relation(corpus_db, *pair) for pair in pairs}
    finally:
        event.remove(corpus_db, "before_cursor_execute", listen)

    assert pairs and not [s for s in statements if re.search(r"\bparty\b", s)]
    for pair, record in records.items():
        scanned = store.relation(corpus_db, *pair, every_source=True)  # from the party rows
        for kind in ("events", "agreements", "mechanisms", "figures"):
            assert [x["id"] for x in record[kind]] == [x["id"] for x in scanned[kind]], (pair, kind)


def test_the_migration_lists_the_members_of_every_pair(db_url: str, corpus_articles: list[Article]) -> None:
    engine = build_store(db_url, corpus_articles)
    with Session(engine) as session:
        written = sorted(tuple(row) for row in session.execute(select(m.PairMember.__table__)))
    config = store_db._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "incremental_resolution")  # the revision before pair_members

    store.upgrade(engine)

    with Session(engine) as session:
        assert written and sorted(tuple(row) for row in session.execute(select(m.PairMember.__table__))) == written


def test_listing_keeps_the_earliest_and_the_latest_dated() -> None:
    sources = [{"article": str(i), "published": f"2024-01-{i + 10}"} for i in range(8)] + [{"article": "u", "published": None}]
    shown = summaries.listed(sources)
    assert shown == [*sources[:summaries.SOURCES_LISTED - 1], sources[7]]
    assert summaries.listed(sources[:3]) == sources[:3]
