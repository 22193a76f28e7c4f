"""What ``bilat follow`` remembers between polls and restarts: each feed's validators, each page it fetched.

Both are kept in the store, beside the articles they led to, so that a
follower stopped at any moment and started again (or a second one on the same
store) neither fetches an unchanged feed whole nor a page twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from bilat.store import models as m

FAILED = "failed"
"""The outcome of a page whose fetch failed for a passing reason: it is tried again at a later poll."""
_KEYS_PER_QUERY = 900
"""Under SQLite's oldest limit on the parameters of one statement (999)."""
_UPSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


@dataclass(frozen=True)
class FeedState:
    """What the last poll of a feed left: the validators to send back, and when it was."""

    etag: str | None = None
    last_modified: str | None = None
    polled_at: datetime | None = None
    failures: int = 0
    sitemaps: tuple[str, ...] = ()
    """A sitemap index's sitemaps, as its last full answer listed them."""


@dataclass(frozen=True)
class PageToRetry:
    """A page whose fetch failed for a passing reason, with the date its feed gave it."""

    url: str
    published: str | None


def feed_state(engine: Engine, url: str) -> FeedState:
    """The feed's state, or a blank one for a feed never polled."""
    with engine.connect() as connection:
        row = connection.execute(
            select(m.FollowedFeed.etag, m.FollowedFeed.last_modified, m.FollowedFeed.polled_at, m.FollowedFeed.failures,
                   m.FollowedFeed.sitemaps).where(m.FollowedFeed.url == url)
        ).first()
    if row is None:
        return FeedState()
    polled_at = row.polled_at if row.polled_at is None or row.polled_at.tzinfo else row.polled_at.replace(tzinfo=UTC)
    return FeedState(row.etag, row.last_modified, polled_at, row.failures, tuple(row.sitemaps or ()))


def feed_polled(engine: Engine, url: str, etag: str | None, last_modified: str | None, sitemaps: Sequence[str]) -> None:
    """A poll of the feed succeeded (a new answer, or 304 with the validators and sitemaps it had)."""
    _upsert(engine, m.FollowedFeed, {
        "url": url, "etag": etag, "last_modified": last_modified, "polled_at": datetime.now(UTC), "failures": 0, "error": None,
        "sitemaps": list(sitemaps) or None,
    }, keep=())


def feed_failed(engine: Engine, url: str, error: str) -> None:
    """A poll of the feed failed: its validators stay, its failures in a row count one more."""
    values = {"url": url, "polled_at": datetime.now(UTC), "failures": 1, "error": error}
    _upsert(engine, m.FollowedFeed, values, keep=(), count="failures")


def pages_to_fetch(engine: Engine, urls: Iterable[str], attempts: int) -> set[str]:
    """The ``urls`` never fetched, or whose fetch failed for a passing reason fewer than ``attempts`` times."""
    wanted = list(dict.fromkeys(urls))
    done = set()
    with engine.connect() as connection:
        for chunk in _chunks(wanted):
            done |= set(connection.scalars(
                select(m.FetchedPage.url).where(m.FetchedPage.url.in_(chunk))
                .where((m.FetchedPage.outcome != FAILED) | (m.FetchedPage.attempts >= attempts))
            ))
    return {url for url in wanted if url not in done}


def pages_to_retry(engine: Engine, feed: str, attempts: int) -> list[PageToRetry]:
    """The pages the feed listed whose fetch failed for a passing reason fewer than ``attempts`` times."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(m.FetchedPage.url, m.FetchedPage.published).where(m.FetchedPage.feed == feed)
            .where(m.FetchedPage.outcome == FAILED).where(m.FetchedPage.attempts < attempts)
            .order_by(m.FetchedPage.fetched_at)
        )
        return [PageToRetry(url, published) for url, published in rows]


def page_fetched(
    engine: Engine, url: str, feed: str, outcome: str, article_id: str | None = None, published: str | None = None,
) -> None:
    """Remember what became of a page: once its outcome is not ``FAILED``, it is never fetched again."""
    values = {
        "url": url, "feed": feed, "outcome": outcome, "article_id": article_id, "published": published,
        "attempts": 1, "fetched_at": datetime.now(UTC),
    }
    _upsert(engine, m.FetchedPage, values, keep=("feed",), count="attempts")


def _upsert(engine: Engine, model: type[m.Base], values: dict[str, Any], keep: tuple[str, ...], count: str | None = None) -> None:
    """Insert ``values``, or update the row of their key: the ``keep`` columns stay, ``count`` goes up by one.

    One statement, so that two followers on one store cannot both insert.
    """
    table = model.__table__
    key = [column.name for column in table.primary_key.columns]
    with engine.begin() as connection:
        upsert = _UPSERTS[connection.dialect.name](table).values(values)
        changed = {name: upsert.excluded[name] for name in values if name not in (*key, *keep, count)}
        if count is not None:
            changed[count] = table.c[count] + 1
        connection.execute(upsert.on_conflict_do_update(index_elements=key, set_=changed))


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _KEYS_PER_QUERY):
        yield values[start:start + _KEYS_PER_QUERY]
