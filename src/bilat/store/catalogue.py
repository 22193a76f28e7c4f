"""What a list of articles shows beside each one: where it was read from, and the pairs of countries it reports on."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from itertools import combinations
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bilat.store import models as m


def article_pairs(engine: Engine, article_ids: Collection[str]) -> dict[str, list[list[str]]]:
    """For each article, the pairs of countries its facts were resolved into, the most stated first.

    A pair is that of a resolved event, agreement, mechanism or figure the
    article is a source of (``party`` rows), so the pairs are those whose pages
    cite the article.
    """
    query = (
        select(m.Fact.article_id, m.Source.entity_id, m.Party.country)
        .join(m.Source, m.Source.fact_id == m.Fact.id)
        .join(m.Party, m.Party.entity_id == m.Source.entity_id)
        .where(m.Fact.article_id.in_(list(article_ids)))
    )
    countries: dict[tuple[str, str], set[str]] = defaultdict(set)
    with Session(engine) as session:
        for article_id, entity_id, country in session.execute(query):
            countries[(article_id, entity_id)].add(country)
    counted: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for (article_id, _), parties in countries.items():
        counted[article_id].update(combinations(sorted(parties), 2))
    return {
        article_id: [list(pair) for pair, _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0]))]
        for article_id, pairs in counted.items()
    }


def article_origins(engine: Engine, article_ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """For each article, where it was read from (``source``: a URL or a file), its name, title and language."""
    query = select(m.Article.id, m.Article.source, m.Article.name, m.Article.title, m.Article.lang).where(
        m.Article.id.in_(list(article_ids))
    )
    with Session(engine) as session:
        return {row.id: row._asdict() for row in session.execute(query)}
