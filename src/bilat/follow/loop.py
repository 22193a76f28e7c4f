"""The follower: each feed polled on its interval, each new page it lists fetched once, extracted and stored.

Fetcher threads do the waiting (the network, the pause each host is owed)
and hand what they fetched to the thread that runs ``Follower.run``, which
extracts it (within the article time budget, whose alarm only that thread
can receive) and writes it to the store: one writer, as ``bilat ingest`` has.
After a feed's new pages are stored, the merged record is updated.

A page is claimed before it is fetched, so that two feeds listing it fetch
it once, and remembered in the store once its outcome is known. A follower
killed at any moment loses at most the pages in hand, fetched again at the
next start; nothing half-stored stays (each article is one transaction).
"""

from __future__ import annotations

import heapq
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from bilat import store
from bilat.batch.storing import Tally
from bilat.batch.work import reason
from bilat.errors import BilatError, InvalidArticleError
from bilat.extract import extract
from bilat.extract.budget import DEFAULT_SECONDS, Budget, default_seconds
from bilat.follow.feeds import Entry, Listing, read_listing
from bilat.follow.fetch import Answer, FetchError, Fetcher, Politeness
from bilat.follow.hosts import Stopped
from bilat.follow.pages import page_document
from bilat.ingest.read import MAX_BYTES
from bilat.resolve.stories import signature
from bilat.store import feeds as remembered
from bilat.store.write import Outcome
from bilat.webhook import Courier

INTERVAL = 15 * 60.0
"""Seconds between two polls of a feed: news sites refresh their feeds every few minutes, and a quarter of an hour
keeps the record within the hour of the news while asking each feed four times an hour (RSS's own ``ttl`` is
commonly 15 to 60)."""
FETCHERS = 4
"""Feeds polled at once. Each host still gets one request at a time; the threads only wait, the writer works."""
PAGES_AHEAD = 8
"""Fetched pages waiting for the writer: the fetchers stop there, so memory stays bounded (pages of ``MAX_BYTES`` at most)."""
MAX_FEED_BYTES = 50 * 1024 * 1024
"""The sitemap protocol's limit on a sitemap (50 MB uncompressed); feeds are far smaller."""
PAGE_ATTEMPTS = 3
"""Polls at which a page whose fetch failed for a passing reason is tried, before it is given up as unreachable."""
MAX_SITEMAP_DEPTH = 2
"""A sitemap index lists sitemaps, which list pages (sitemaps.org): an index in an index is followed once more, not on."""
_HAND_TIMEOUT = 0.1
"""Seconds between two looks at the stop flag while the writer is behind."""
SKIPPED = "skipped"
"""A page's outcome when it holds no article, or none the store keeps (``Skip`` says why)."""


@dataclass(frozen=True)
class Settings:
    """How to follow: the options of ``bilat follow``."""

    interval: float = INTERVAL
    once: bool = False
    """Poll each feed once, then return (tests, cron)."""
    seconds: float = DEFAULT_SECONDS
    """The article time budget, as ``--article-timeout``."""
    politeness: Politeness = field(default_factory=Politeness)
    webhook: str | None = None
    """Sent the alerts of each update of the record (``webhook.Courier``), as ``--webhook``."""


@dataclass(frozen=True)
class _Page:
    """A page fetched (``answer``), or why it could not be (``error``)."""

    feed: str
    entry: Entry
    answer: Answer | None
    error: FetchError | None = None


@dataclass(frozen=True)
class _Polled:
    """A feed whose pages were all handed over: its validators can be kept now, not before.

    Kept earlier, a follower killed in between would be told "304 Not Modified"
    at its next start, and never see the pages it had not stored.
    """

    feed: str
    etag: str | None
    last_modified: str | None
    sitemaps: list[str]
    top: bool
    """One of the feeds followed, not a sitemap an index lists."""


@dataclass(frozen=True)
class _Failed:
    feed: str
    error: BilatError
    top: bool


class Follower:
    """Follows ``feeds`` into the store at ``engine``; ``say`` gets a line per page stored or skipped, and per feed failed."""

    def __init__(self, engine: Engine, feeds: list[str], settings: Settings, say: Callable[[str], None]) -> None:
        self.engine = engine
        self.feeds = list(dict.fromkeys(feeds))
        self.settings = settings
        self.say = say
        self.stop = threading.Event()
        self.fetcher = Fetcher(settings.politeness, self.stop)
        self.tally = Tally()
        self.courier = Courier(engine, settings.webhook, say)
        self._handed: queue.Queue[_Page | _Polled | _Failed] = queue.Queue(PAGES_AHEAD)
        self._claims: set[str] = set()
        self._claims_guard = threading.Lock()
        self._due: list[tuple[float, int, str]] = []
        self._due_guard = threading.Lock()

    def run(self) -> Tally:
        """Follow until interrupted (``KeyboardInterrupt`` passes through), or with ``once`` until each feed is polled."""
        now, wall = time.monotonic(), datetime.now(UTC)
        for order, feed in enumerate(self.feeds):
            polled_at = remembered.feed_state(self.engine, feed).polled_at
            wait = 0.0 if self.settings.once or polled_at is None else self.settings.interval - (wall - polled_at).total_seconds()
            heapq.heappush(self._due, (now + max(0.0, wait), order, feed))
        threads = [threading.Thread(target=self._fetch, name=f"bilat-fetcher-{n}", daemon=True)
                   for n in range(min(FETCHERS, len(self.feeds)))]
        for thread in threads:
            thread.start()
        try:
            self._write(len(self.feeds) if self.settings.once else None)
        finally:
            self.stop.set()  # the fetchers leave their waits; a request in flight ends with its (daemon) thread
        if self.settings.once:
            for thread in threads:
                thread.join()
            self.fetcher.close()
        return self.tally

    def _write(self, feeds_left: int | None) -> None:
        """Store what the fetchers hand over; the merged record is updated once a feed's pages are all in."""
        stored = False
        while feeds_left is None or feeds_left > 0:
            handed = self._handed.get()
            if isinstance(handed, _Page):
                stored |= self._store_page(handed)
                self._release(handed.entry.url)
                continue
            if isinstance(handed, _Polled):
                remembered.feed_polled(self.engine, handed.feed, handed.etag, handed.last_modified, handed.sitemaps)
                store.forget_skips(self.engine, handed.feed)
            else:
                self._feed_failed(handed.feed, handed.error)
            if handed.top:
                if stored:
                    store.rebuild(self.engine)
                    stored = False
                    self.courier.updated()
                self.courier.send()
                if feeds_left is not None:
                    feeds_left -= 1

    # The fetcher threads.

    def _fetch(self) -> None:
        while not self.stop.is_set():
            with self._due_guard:
                if not self._due:
                    return  # once: every feed taken
                at, order, feed = heapq.heappop(self._due)
            if self.stop.wait(max(0.0, at - time.monotonic())):
                return
            try:
                self._poll(feed, depth=0)
            except Stopped:
                return
            if not self.settings.once:
                with self._due_guard:
                    heapq.heappush(self._due, (time.monotonic() + self.settings.interval, order, feed))

    def _poll(self, feed: str, depth: int) -> None:
        """Poll one feed (or a sitemap an index lists), fetch the new pages it lists, then say it is done.

        Whatever fails costs this feed's poll, not the follower: it is handed
        over as a failure, to be recorded and said.
        """
        try:
            state = remembered.feed_state(self.engine, feed)
            answer = self.fetcher.get(feed, MAX_FEED_BYTES, state.etag, state.last_modified)
            listing = (Listing(sitemaps=list(state.sitemaps)) if answer.unchanged
                       else read_listing(answer.body, feed, answer.content_type))
            if listing.unusable:
                self.say(f"{feed}: {listing.unusable} entries without a web address left out")
            for sitemap in listing.sitemaps if depth < MAX_SITEMAP_DEPTH else []:
                self._poll(sitemap, depth + 1)
            retried = [Entry(page.url, page.published) for page in remembered.pages_to_retry(self.engine, feed, PAGE_ATTEMPTS)]
            for entry in self._new([*retried, *listing.entries]):
                try:
                    self._hand(_Page(feed, entry, self.fetcher.get(entry.url, MAX_BYTES)))
                except FetchError as exc:
                    self._hand(_Page(feed, entry, None, exc))
        except Stopped:
            raise
        except BilatError as exc:
            self._hand(_Failed(feed, exc, depth == 0))
        except Exception as exc:  # a store or library failure  # noqa: BLE001
            self._hand(_Failed(feed, BilatError(f"{type(exc).__name__}: {exc}"), depth == 0))
        else:
            validators = (answer.etag, answer.last_modified) if not answer.unchanged else (state.etag, state.last_modified)
            self._hand(_Polled(feed, *validators, listing.sitemaps, depth == 0))

    def _new(self, entries: list[Entry]) -> list[Entry]:
        """The entries no one fetched yet, claimed: another feed listing one of them leaves it to this one.

        Claimed before the store is asked, and released by the writer once it
        has recorded the page, so that no page is fetched twice in a run.
        """
        with self._claims_guard:
            claimed = {entry.url: entry for entry in entries if entry.url not in self._claims}
            self._claims |= claimed.keys()
        new = remembered.pages_to_fetch(self.engine, claimed, PAGE_ATTEMPTS)
        for url in claimed.keys() - new:
            self._release(url)
        return [entry for url, entry in claimed.items() if url in new]

    def _release(self, url: str) -> None:
        with self._claims_guard:
            self._claims.discard(url)

    def _hand(self, handed: _Page | _Polled | _Failed) -> None:
        """Give the writer what was fetched, waiting while it has ``PAGES_AHEAD`` in hand."""
        while True:
            try:
                self._handed.put(handed, timeout=_HAND_TIMEOUT)
                return
            except queue.Full:
                if self.stop.is_set():
                    raise Stopped from None
    # The writer (the thread that called ``run``).

    def _store_page(self, page: _Page) -> bool:
        """Read, extract and store one fetched page; True when it is a new article of the store."""
        url = page.entry.url
        if page.error is not None:
            failed = page.error.passing
            remembered.page_fetched(self.engine, url, page.feed, remembered.FAILED if failed else SKIPPED,
                                    published=page.entry.published)
            again = f"; tried again at the next polls, {PAGE_ATTEMPTS} times in all" if failed else ""
            self._skipped(url, page.error.kind, page.error.reason + again)
            return False
        assert page.answer is not None
        try:
            with Budget(url, self.settings.seconds):
                document = page_document(page.answer.body, page.answer.url, page.entry, page.answer.content_type)
                facts = extract(document)
                minhash = signature(document.text[document.body_start:])
        except BilatError as exc:  # TooSlow too
            remembered.page_fetched(self.engine, url, page.feed, SKIPPED, published=page.entry.published)
            self._skipped(url, exc.kind, reason(exc))
            return False
        (outcome,) = store.store_articles(self.engine, [(document, facts, minhash)])
        if isinstance(outcome, InvalidArticleError):
            remembered.page_fetched(self.engine, url, page.feed, SKIPPED, published=page.entry.published)
            self._skipped(url, outcome.kind, outcome.reason)
            return False
        remembered.page_fetched(self.engine, url, page.feed, outcome.outcome.value, outcome.article_id, page.entry.published)
        store.forget_skips(self.engine, url)
        self.tally.outcomes[outcome.outcome] += 1
        self.say(f"{outcome.outcome.value} {page.answer.url}")
        return outcome.outcome is Outcome.STORED

    def _skipped(self, where: str, kind: str, reason: str) -> None:
        store.record_skips(self.engine, [(where, where, kind, reason)])
        self.tally.skips[kind] += 1
        self.say(f"skipped {where}: {reason}")

    def _feed_failed(self, feed: str, error: BilatError) -> None:
        why = reason(error)
        remembered.feed_failed(self.engine, feed, why)
        self._skipped(feed, error.kind, why)


def follow_store(url: str, feeds: list[str], webhook: str | None = None) -> None:
    """Follow ``feeds`` into the store at ``url`` until the process is ended: what ``bilat serve --follow`` runs.

    Its lines go to stderr, beside the server's; a store that fails ends it with one line, not a traceback.
    """
    from sqlalchemy.exc import SQLAlchemyError

    def say(line: str) -> None:
        print(f"bilat: {line}", file=sys.stderr, flush=True)

    try:
        Follower(store.connect(url), feeds, Settings(seconds=default_seconds(), webhook=webhook), say).run()
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the server stops too
        pass
    except (BilatError, SQLAlchemyError) as exc:
        say(f"following stopped: {exc}")
