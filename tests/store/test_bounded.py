"""What the API reads stays small and current as the store grows: bounded lists, indexed pages, the generation."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from stores import Article, build_store, syndicated, text_article

from bilat import store
from bilat.store import generation, query
from bilat.store import models as m


def test_every_write_gives_the_store_a_new_generation(db_url: str, seed_articles: list[Article]) -> None:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    seen = [generation.current(engine)]

    for document, facts in seed_articles:
        store.store_article(engine, document, facts)
        seen.append(generation.current(engine))
    store.rebuild(engine)
    seen.append(generation.current(engine))
    store.store_article(engine, *seed_articles[0])  # the same text from the same place: nothing changes
    store.rebuild(engine)  # nothing to rebuild

    assert seen[0] is None
    assert len(set(seen)) == len(seen)
    assert generation.current(engine) == seen[-1]


def test_a_story_of_many_copies_names_a_few_and_counts_them_all(
    tmp_path: Path, seed_articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    original, _ = seed_articles[1]
    body = syndicated(original.text[original.body_start:])
    copies = [text_article(f"source: https://outlet-{n}.example/a\n---\n{body}Bản tin {n}.\n", f"outlet-{n}")
              for n in range(3)]
    monkeypatch.setattr(query, "ALSO_LISTED", 2)  # before the record is built: its listed sources are written with it
    engine = build_store(tmp_path / "bilat.db", [*seed_articles, *copies])

    visit = next(e for e in store.relation(engine, "VN", "PE")["events"]
                 if e["type"] == "VISIT" and (e["date"] or "").startswith("2024-11"))

    (source,) = visit["sources"]
    assert source["also_count"] == 3
    assert len(source["also"]) == 2
    assert store.entity(engine, visit["id"])["sources"] == visit["sources"]


def test_a_person_keeps_the_first_and_last_sighting_of_each_office_and_counts_all(corpus_db: Engine) -> None:
    persons = store.relation(corpus_db, "VN", "PE")["persons"]

    for person in persons:
        spans: dict[tuple[str | None, str | None, str], list[str | None]] = {}
        for seen in person["offices"]:
            spans.setdefault((seen["office"], seen["title"], seen["lang"]), []).append(seen["date"])
        assert all(len(dates) <= 2 for dates in spans.values())
        assert person["sightings"] >= len(person["offices"])
    assert any(person["sightings"] > len(person["offices"]) for person in persons)


def test_the_article_list_is_the_newest_first_undated_last(corpus_db: Engine) -> None:
    with Session(corpus_db) as session:
        every = [{**row._asdict(), "withdrawn": row.withdrawn_at is not None} for row in session.execute(
            select(m.Article.id, m.Article.name, m.Article.source, m.Article.url, m.Article.outlet, m.Article.title,
                   m.Article.published, m.Article.lang, m.Article.withdrawn_at)
        )]
    for article in every:
        del article["withdrawn_at"]
    every.sort(key=lambda a: (a["name"], a["id"]))
    every.sort(key=lambda a: a["published"] or "", reverse=True)

    total, newest = store.articles(corpus_db, limit=7)
    _, later = store.articles(corpus_db, limit=7, offset=40)

    assert total == len(every)
    assert newest == every[:7]
    assert later == every[40:47]
    assert store.articles(corpus_db, limit=7, offset=2**70) == (total, [])
