"""A band is kept for a bounded number of articles, and copies of a report still find their story."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, syndicated, text_article

from bilat import store
from bilat.store import models as m
from bilat.store import write

SMALL_CAP = 2
"""Small enough that a handful of copies of one report fill every band."""


def _fresh(db_url: str) -> Engine:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    return engine


def _copy(body: str, outlet: int) -> Article:
    return text_article(f"source: https://outlet-{outlet}.example/a\n---\n(Báo {outlet}) " + syndicated(body), f"copy-{outlet}")


def test_copies_beyond_the_cap_join_the_story_and_add_no_band_rows(
    db_url: str, seed_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "BAND_MEMBERS", SMALL_CAP)
    engine = _fresh(db_url)
    original = seed_articles[1][0]
    first = store.store_article(engine, *seed_articles[1])
    body = original.text[original.body_start:]
    placed = [store.store_article(engine, *_copy(body, outlet)) for outlet in range(5)]
    # One more in a batch with an unrelated article: read and placed in one transaction.
    batch = store.store_articles(engine, [(*_copy(body, 9), ...), (*seed_articles[0], ...)])

    assert {stored.story_id for stored in [*placed, batch[0]]} == {first.story_id}
    assert batch[1].story_id == batch[1].article_id != first.story_id
    with Session(engine) as session:
        fullest = session.scalar(
            select(func.max(select(func.count()).select_from(m.StoryBand).group_by(m.StoryBand.key, m.StoryBand.band)
                            .subquery().c[0]))
        )
    assert fullest == SMALL_CAP


def test_an_exact_near_duplicate_is_found_whatever_the_cap(db_url: str, seed_articles: list[Article]) -> None:
    engine = _fresh(db_url)
    for article in seed_articles:
        store.store_article(engine, *article)
    original = seed_articles[0][0]
    stored = store.store_article(engine, *_copy(original.text[original.body_start:], 1))
    assert stored.story_id == store.store_article(engine, *seed_articles[0]).article_id != stored.article_id
