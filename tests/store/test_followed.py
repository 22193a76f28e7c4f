"""What `bilat follow` keeps in the store (``store.feeds``), on SQLite and PostgreSQL: validators, failures, pages."""

from __future__ import annotations

from bilat import store
from bilat.store import feeds

FEED = "https://outlet.example/rss.xml"
INDEX = "https://outlet.example/sitemap-index.xml"


def _engine(db_url: str):  # type: ignore[no-untyped-def]
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    return engine


def test_a_feed_keeps_its_validators_through_failures_and_counts_them(db_url: str) -> None:
    engine = _engine(db_url)
    assert feeds.feed_state(engine, FEED) == feeds.FeedState()
    feeds.feed_polled(engine, FEED, '"v1"', "Wed, 13 Nov 2024 08:00:00 GMT", [])
    feeds.feed_failed(engine, FEED, "HTTP 503 Service Unavailable (4 tries)")
    feeds.feed_failed(engine, FEED, "ConnectError (4 tries)")
    state = feeds.feed_state(engine, FEED)
    assert (state.etag, state.last_modified, state.failures) == ('"v1"', "Wed, 13 Nov 2024 08:00:00 GMT", 2)
    assert state.polled_at is not None and state.polled_at.tzinfo is not None
    feeds.feed_polled(engine, FEED, '"v2"', None, [])
    assert (feeds.feed_state(engine, FEED).etag, feeds.feed_state(engine, FEED).failures) == ('"v2"', 0)


def test_a_sitemap_index_keeps_its_sitemaps(db_url: str) -> None:
    engine = _engine(db_url)
    listed = ["https://outlet.example/sitemap-2026-01.xml", "https://outlet.example/sitemap-today.xml"]
    feeds.feed_polled(engine, INDEX, '"i"', None, listed)
    assert feeds.feed_state(engine, INDEX).sitemaps == tuple(listed)


def test_a_page_is_fetched_again_only_after_a_passing_failure_and_only_so_many_times(db_url: str) -> None:
    engine = _engine(db_url)
    stored, failing, skipped, new = (f"https://outlet.example/news/{n}.html" for n in ("stored", "failing", "skipped", "new"))
    feeds.page_fetched(engine, stored, FEED, "stored", "0123456789abcdef", "2024-11-13")
    feeds.page_fetched(engine, skipped, FEED, "skipped")
    feeds.page_fetched(engine, failing, FEED, feeds.FAILED, published="2024-11-12")
    feeds.page_fetched(engine, failing, "https://other.example/feed", feeds.FAILED)
    assert feeds.pages_to_fetch(engine, [stored, failing, skipped, new], attempts=3) == {failing, new}
    assert feeds.pages_to_fetch(engine, [stored, failing, skipped, new], attempts=2) == {new}
    assert feeds.pages_to_retry(engine, FEED, attempts=3) == [feeds.PageToRetry(failing, None)]
    assert feeds.pages_to_retry(engine, "https://other.example/feed", attempts=3) == []  # the first feed keeps it
    feeds.page_fetched(engine, failing, FEED, "stored", "fedcba9876543210")
    assert feeds.pages_to_fetch(engine, [failing], attempts=3) == set()
