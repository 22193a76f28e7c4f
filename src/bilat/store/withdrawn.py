"""Withdrawn articles: kept in the store, out of the record, once every place they were read from is gone.

A place is an ``ArticleCopy`` (an article's text as read from one file or
URL). When the watched file of a place is deleted, or now holds another text,
that place is withdrawn; an article none of whose places is left is withdrawn
whole: its text and facts stay (its sources can still be shown, and nothing
is lost to a folder emptied by mistake), the merged record leaves it out.
Reading it again from any place brings it back. Either way the article is
marked for the next update of the record (``store.resolving.mark``), in the
same transaction: its blocks are resolved again, with or without its facts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import UTC, datetime

from sqlalchemy import Connection, exists, select, update

from bilat.store import generation, resolving
from bilat.store import models as m

Place = tuple[str, str]
"""An article id and a place it was read from (``ArticleCopy.source``)."""

_IDS_PER_QUERY = 900
"""Under SQLite's oldest limit on the parameters of one statement (999)."""


def withdraw(connection: Connection, places: Collection[Place]) -> list[str]:
    """Mark these places gone, and then each article with no place left; the ids of the articles withdrawn, sorted."""
    now = datetime.now(UTC)
    wanted = set(places)
    if _mark(connection, wanted, now):
        generation.bump(connection)  # the article pages list their places
    withdrawn: list[str] = []
    live = exists().where(m.ArticleCopy.article_id == m.Article.id, m.ArticleCopy.withdrawn_at.is_(None))
    for chunk in in_chunks(sorted({article_id for article_id, _ in wanted})):
        gone = select(m.Article.id).where(m.Article.id.in_(chunk), m.Article.withdrawn_at.is_(None), ~live)
        ids = list(connection.scalars(gone))
        if ids:
            connection.execute(update(m.Article).where(m.Article.id.in_(ids)).values(withdrawn_at=now))
            withdrawn += ids
    resolving.mark(connection, withdrawn)
    return sorted(withdrawn)


def restore(connection: Connection, places: Collection[Place]) -> None:
    """These places were read again: they, and their articles, are no longer withdrawn.

    Called for every batch stored, so it reads only the withdrawn rows of the
    batch's articles (by the primary keys): usually none.
    """
    wanted = set(places)
    changed = _mark(connection, wanted, None)
    restored: list[str] = []
    for chunk in in_chunks(sorted({article_id for article_id, _ in wanted})):
        back = list(connection.scalars(select(m.Article.id).where(m.Article.id.in_(chunk), m.Article.withdrawn_at.is_not(None))))
        if back:
            connection.execute(update(m.Article).where(m.Article.id.in_(back)).values(withdrawn_at=None))
            restored += back
    resolving.mark(connection, restored)
    if changed or restored:
        generation.bump(connection)


def _mark(connection: Connection, places: set[Place], when: datetime | None) -> bool:
    """Set the ``withdrawn_at`` of these places to ``when`` (None: not withdrawn) where it differs; whether any did."""
    marked = False
    for chunk in in_chunks(sorted({article_id for article_id, _ in places})):
        other = m.ArticleCopy.withdrawn_at.is_(None) if when is not None else m.ArticleCopy.withdrawn_at.is_not(None)
        copies = select(m.ArticleCopy.article_id, m.ArticleCopy.source).where(m.ArticleCopy.article_id.in_(chunk), other)
        for article_id, source in connection.execute(copies).all():
            if (article_id, source) in places:
                connection.execute(update(m.ArticleCopy).where(
                    m.ArticleCopy.article_id == article_id, m.ArticleCopy.source == source,
                ).values(withdrawn_at=when))
                marked = True
    return marked


def in_chunks(values: list[str]) -> Iterator[list[str]]:
    """``values`` in lists short enough to be the parameters of one statement."""
    for start in range(0, len(values), _IDS_PER_QUERY):
        yield values[start:start + _IDS_PER_QUERY]
