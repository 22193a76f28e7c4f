"""Exact copies are stored once with every place they were read; syndicated copies are one story, one source."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, syndicated, text_article

from bilat import store
from bilat.extract import extract
from bilat.store import Outcome
from bilat.store import db as store_db
from bilat.store import models as m


def _fresh(db_url: str) -> Engine:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    return engine


def test_the_same_body_from_another_url_is_one_article_with_both_urls(db_url: str, seed_articles: list[Article]) -> None:
    engine = _fresh(db_url)
    document, facts = seed_articles[1]
    first = store.store_article(engine, document, facts)
    reflowed = "  \n".join(" ".join(line.split("  ")) for line in document.text[document.body_start:].split("\n"))
    copy = text_article(f"source: https://another.example/tin/{document.id}\n---\n" + reflowed, "copy")

    again = store.store_article(engine, *copy)
    once_more = store.store_article(engine, *copy)

    assert first.outcome is Outcome.STORED
    assert (again.outcome, again.article_id) == (Outcome.DUPLICATE, first.article_id)
    assert once_more.outcome is Outcome.KNOWN
    record = store.article(engine, first.article_id)
    assert record is not None
    assert [c["source"] for c in record["copies"]] == [document.source, f"https://another.example/tin/{document.id}"]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(m.Article)) == 1


def test_a_syndicated_copy_is_stored_in_the_story_it_copies(db_url: str, seed_articles: list[Article]) -> None:
    engine = _fresh(db_url)
    for document, facts in seed_articles:
        store.store_article(engine, document, facts)
    original, _ = seed_articles[1]
    copy = text_article("source: https://outlet-b.example/a\npublished: 2024-11-17\n---\n"
                        + syndicated(original.text[original.body_start:]), "outlet-b")

    stored = store.store_article(engine, *copy)
    store.rebuild(engine)

    original_id = store.store_article(engine, original, extract(original)).article_id
    assert stored.outcome is Outcome.STORED
    assert stored.story_id == original_id != stored.article_id
    # One story is one source: the copy is named beside the original's source, not counted as another.
    visit = next(e for e in store.relation(engine, "VN", "PE")["events"]
                 if e["type"] == "VISIT" and (e["date"] or "").startswith("2024-11"))
    assert [s["article"] for s in visit["sources"]] == [original_id]
    assert visit["sources"][0]["also"] == [stored.article_id]
    # The copy's own text and facts are kept, and its page names the story's other article.
    record = store.article(engine, stored.article_id)
    assert record is not None and record["facts"]
    assert [a["id"] for a in record["story"]] == [original_id]


def test_articles_on_the_same_visit_by_different_writers_are_different_stories(corpus_db: Engine) -> None:
    with Session(corpus_db) as session:
        rows = session.execute(select(m.Article.id, m.Article.story_id)).all()
    assert all(article_id == story_id for article_id, story_id in rows)


def test_a_short_text_is_only_compared_exactly() -> None:
    from bilat.resolve.stories import signature

    assert signature("Chủ tịch nước Lương Cường thăm Peru.") is None


def test_upgrading_an_older_store_keys_its_articles_and_keeps_their_facts(tmp_path: Path, seed_articles: list[Article]) -> None:
    """A store made before copies and stories gets its articles keyed, each its own story and its one copy."""
    engine = store.connect(f"sqlite:///{tmp_path / 'old.db'}", create=True)
    config = store_db._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    document, facts = seed_articles[0]
    with engine.begin() as connection:
        connection.execute(m.Article.__table__.insert().values(
            id="a" * 16, sha256="b" * 64, name=document.id, source=document.source, title=None, published=None,
            lang="vi", text=document.text, stored_at=func.now(),
        ))
        connection.execute(m.Fact.__table__.insert().values(
            id=f"{'a' * 16}:events:0", article_id="a" * 16, section="events", position=0, data={}, start=0, end=1,
        ))

    store.upgrade(engine)

    assert store_db.is_current(engine)
    with Session(engine) as session:  # rebuilding the article table must not cascade to its facts
        assert session.scalar(select(func.count()).select_from(m.Fact)) == 1
    again = store.store_article(engine, document, facts)
    assert (again.outcome, again.article_id, again.story_id) == (Outcome.KNOWN, "a" * 16, "a" * 16)
