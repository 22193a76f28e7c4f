"""Search over the stored articles, the sentences stating facts and the persons, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, build_store, text_article

from bilat import store
from bilat.errors import SearchError
from bilat.store import db as store_db
from bilat.store import models as m
from bilat.store import withdrawn
from bilat.store.search import search
from bilat.text import fold

NEW_ARTICLE = """lang: vi
published: 2025-03-05
title: Bộ trưởng Ngoại giao Peru thăm Đà Lạt
---
Ngày 5/3/2025, Bộ trưởng Ngoại giao Peru Elmer Schialer Salcedo thăm chính thức Việt Nam theo lời mời của Bộ trưởng Ngoại giao Việt Nam.
Hai bên đã trao đổi về hợp tác giáo dục và du lịch tại thành phố Đà Lạt.
"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Engine:
    """The seed and dev articles, resolved, on each backend: one store for the module, which only reads it."""
    if request.param == "sqlite":
        return build_store(tmp_path_factory.mktemp("search") / "bilat.db", corpus_articles)
    return build_store(request.getfixturevalue("postgres_server").fresh_database("search_corpus"), corpus_articles)


def _marked(hit: dict[str, Any]) -> list[str]:
    return [hit["snippet"][start:end] for start, end in hit["marks"]]


def test_a_name_typed_without_tone_marks_finds_the_person_and_the_sentences_naming_them(corpus_db: Engine) -> None:
    found = search(corpus_db, "Luong Cuong")
    first = found["items"][0]
    assert (first["kind"], first["title"]) == ("person", "Lương Cường")
    assert first["link"] == f"/r/{'-'.join(first['pair'])}#{first['id']}"
    sentences = [hit for hit in found["items"] if hit["kind"] == "fact"]
    assert sentences and all("Lương Cường" in hit["snippet"] for hit in sentences)
    assert all(_marked(hit)[:2] == ["Lương", "Cường"] for hit in sentences if "Lương Cường" in hit["snippet"][:200])
    assert found["counts"]["person"] >= 1 and found["counts"]["fact"] >= len(sentences)


@pytest.mark.parametrize(("query", "written"), [("Ha Noi", "Hà Nội"), ("Da Nang", "Đà Nẵng"), ("DA NANG", "Đà Nẵng")])
def test_places_are_found_without_tone_marks_and_with_d_for_the_barred_d(corpus_db: Engine, query: str, written: str) -> None:
    hits = search(corpus_db, query, kind="article")["items"]
    assert hits and all(hit["marks"] for hit in hits)
    assert written in " ".join(_marked(hits[0]))  # the phrase ranks first
    phrased = [hit for hit in hits if written.casefold() in hit["snippet"].casefold()]
    assert all(written.casefold() in " ".join(_marked(hit)).casefold() for hit in phrased)


def test_every_mark_covers_a_word_of_the_query(corpus_db: Engine) -> None:
    found = search(corpus_db, "thăm chính thức Peru", limit=50)
    assert found["terms"] == ["tham", "chinh", "thuc", "peru"]
    assert found["items"]
    for hit in found["items"]:
        assert hit["marks"] and {fold(word) for word in _marked(hit)} <= set(found["terms"])


def test_the_phrase_typed_ranks_before_its_words_apart(corpus_db: Engine) -> None:
    hits = search(corpus_db, "Dina Boluarte", limit=50)["items"]
    assert hits[0]["kind"] == "person" and "Boluarte" in hits[0]["title"]


def test_a_sentence_links_to_its_evidence_and_the_record_of_its_fact(corpus_db: Engine) -> None:
    hits = search(corpus_db, "Lương Cường Peru", kind="fact")["items"]
    assert hits and {hit["kind"] for hit in hits} == {"fact"}
    hit = next(hit for hit in hits if any(f["section"] == "events" for f in hit["facts"]))
    start, end = hit["evidence"]
    text = store.article(corpus_db, hit["article"])["text"]
    assert " ".join(text[start:end].split()).startswith(hit["snippet"].removeprefix("…").rstrip("…")[:40])
    assert hit["link"] == f"/articles/{hit['article']}?span={start}-{end}#evidence"
    assert all(fact["evidence"] == [start, end] for fact in hit["facts"])
    assert hit["relation"] == f"/r/PE-VN#{hit['entities'][0]}"
    merged = [store.entity(corpus_db, entity) for entity in hit["entities"]]
    assert {f["data"]["type"] for f in hit["facts"] if f["section"] == "events"} <= {x.get("type") for x in merged}


def test_kind_and_pair_narrow_the_hits(corpus_db: Engine) -> None:
    everything = search(corpus_db, "Việt Nam", limit=100)
    persons = search(corpus_db, "Lương Cường", kind="person")["items"]
    assert persons and {hit["kind"] for hit in persons} == {"person"}
    peru = search(corpus_db, "Việt Nam", pair=("PE", "VN"), limit=100)
    assert 0 < len(peru["items"]) < len(everything["items"])
    assert sum(peru["counts"].values()) < sum(everything["counts"].values())
    with Session(corpus_db) as session:
        for hit in peru["items"]:
            countries = session.scalar(select(m.SearchEntry.countries).where(m.SearchEntry.key == hit["id"]))
            assert " PE " in countries and " VN " in countries


@pytest.mark.parametrize("query", ["", "   ", "!!!", "«»—…", '"', "*", "()", "-"])
def test_a_query_without_a_word_is_refused_clearly(corpus_db: Engine, query: str) -> None:
    with pytest.raises(SearchError, match="nothing to search for"):
        search(corpus_db, query)


@pytest.mark.parametrize("query", [
    '"Peru', "(Peru)", "Peru*", "^Peru", "Peru -", "Peru & | ! <->", "Peru\\", "%Peru_", "'Peru';",
])
def test_search_syntax_in_a_query_is_read_as_words(corpus_db: Engine, query: str) -> None:
    assert search(corpus_db, query) == {**search(corpus_db, "Peru"), "query": query}


@pytest.mark.parametrize(("query", "terms"), [
    ("NOT Peru", ["not", "peru"]), ("Peru OR", ["peru", "or"]), ("NEAR(Peru", ["near", "peru"]), ("title:Peru", ["title", "peru"]), ("'; DROP TABLE article; --", ["drop", "table", "article"]),
])
def test_operators_and_statements_are_only_words(corpus_db: Engine, query: str, terms: list[str]) -> None:
    assert search(corpus_db, query)["terms"] == terms
    with Session(corpus_db) as session:
        assert session.scalar(select(func.count()).select_from(m.Article))


def test_an_unknown_kind_is_refused(corpus_db: Engine) -> None:
    with pytest.raises(SearchError, match="no kind of hit"):
        search(corpus_db, "Peru", kind="agreement")


def test_the_index_follows_every_write_forget_and_rebuild(db_url: str, seed_articles: list[Article]) -> None:
    engine = build_store(db_url, seed_articles)
    assert search(engine, "Da Lat")["items"] == []
    document, facts = text_article(NEW_ARTICLE, "peru-dalat")
    stored = store.store_article(engine, document, facts)
    articles = search(engine, "Da Lat", kind="article")["items"]
    assert [hit["id"] for hit in articles] == [stored.article_id]
    assert articles[0]["title"] == "Bộ trưởng Ngoại giao Peru thăm Đà Lạt"
    assert search(engine, "Schialer", kind="person")["items"] == []  # persons come with the record
    store.rebuild(engine)
    (minister,) = search(engine, "Elmer Schialer", kind="person")["items"]
    assert minister["pair"] == ["PE", "VN"]

    assert store.forget(engine, [stored.article_id]) == [stored.article_id]
    assert search(engine, "Da Lat")["counts"] == {"article": 0, "fact": 0, "person": 0}
    assert search(engine, "Elmer Schialer")["items"] == []
    assert search(engine, "Luong Cuong")["items"]


def test_a_withdrawn_article_is_not_found_until_it_is_read_again(db_url: str, seed_articles: list[Article]) -> None:
    engine = build_store(db_url, seed_articles)
    document, facts = text_article(NEW_ARTICLE, "peru-dalat")
    stored = store.store_article(engine, document, facts)
    store.rebuild(engine)
    assert search(engine, "Da Lat")["counts"]["article"] == 1

    store.writing(engine, lambda connection: withdrawn.withdraw(connection, [(stored.article_id, "peru-dalat")]))
    store.rebuild(engine)

    assert search(engine, "Da Lat")["counts"] == {"article": 0, "fact": 0, "person": 0}
    assert search(engine, "Elmer Schialer")["items"] == [], "out of the record, so no person of its own"
    store.store_article(engine, document, facts)  # the same file read again
    store.rebuild(engine)
    assert [hit["article"] for hit in search(engine, "Da Lat", kind="article")["items"]] == [stored.article_id]
    assert search(engine, "Elmer Schialer", kind="person")["items"]


def test_the_migration_indexes_a_store_made_before_search(db_url: str, seed_articles: list[Article]) -> None:
    engine = build_store(db_url, seed_articles)
    before = [search(engine, query, limit=100) for query in ("Luong Cuong", "Peru", "Da Nang")]
    config = store_db._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "utf8_json")
    assert store_db.revision(engine) == "utf8_json"

    store.upgrade(engine)

    assert store_db.is_current(engine)
    after = [search(engine, query, limit=100) for query in ("Luong Cuong", "Peru", "Da Nang")]
    assert after == before and all(found["items"] for found in after)
