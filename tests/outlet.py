"""A news outlet on 127.0.0.1 for the tests of ``bilat follow``: article pages, an RSS and an Atom feed, sitemaps.

The pages are real articles of the shared corpus written as a news site
serves them (``pages.web_page``). Feeds answer conditional requests with 304
as a real server does; every request is recorded (path, headers, when it
started and ended, how many were being answered at once), and a path can be
told to fail a number of times first, or to answer with a status of its own.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import threading
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as time_of_day
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from local_http import local_server
from pages import web_page

from bilat.extract.doc import Document
from bilat.follow.fetch import Politeness
from bilat.ingest import read_document

LAST_MODIFIED = "Wed, 13 Nov 2024 08:00:00 GMT"
HANOI = timezone(timedelta(hours=7))
MEETING_SECONDS = 10.0
"""Long enough for requests sent together to meet on a loaded machine."""
QUICK = Politeness(host_delay=0.01, backoff=0.01)
"""The follower's pauses for a test: short, and long enough to be seen in the server's log."""


@dataclass(frozen=True)
class Story:
    """One article page of the outlet: where it is served, the date its page states, the date its feed gives."""

    path: str
    document: Document
    page_date: str | None
    feed_date: str | None


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    started: float
    ended: float = 0.0
    status: int = 0


@dataclass
class Outlet:
    """What the server serves and what it was asked; change it between polls to publish or break things."""

    stories: list[Story] = field(default_factory=list)
    extra: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    """Paths answered otherwise (a story listed in the feeds whose page is gone...): status, content type, body."""
    failures: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    """Answers a path gives before its real one, in order: status and headers."""
    delay: float = 0.0
    """Seconds each answer takes: long enough for concurrent requests to overlap, were any sent."""
    meeting: dict[str, threading.Barrier] = field(default_factory=dict)
    """Paths whose requests wait for each other before they are answered (at most ``MEETING_SECONDS``): all are
    answered at once if they were sent at once, and one by one, late, if not."""
    requests: list[Request] = field(default_factory=list)
    busy: int = 0
    most_busy: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def page_requests(self) -> list[Request]:
        paths = {story.path for story in self.stories}
        return [r for r in self.requests if r.path in paths]

    # The documents served.

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(s.document.title or s.path)}</title><link>{self.url(s.path)}</link>"
            + (f"<pubDate>{_rfc822(s.feed_date)}</pubDate>" if s.feed_date else "")
            + "</item>"
            for s in self.stories
        )
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet</title>'
                f"<link>{self.base}/</link><description>News</description>{items}</channel></rss>").encode()

    def atom(self) -> bytes:
        entries = "".join(
            f"<entry><title>{html.escape(s.document.title or s.path)}</title><id>{self.url(s.path)}</id>"
            f'<link rel="alternate" href="{self.url(s.path)}"/><updated>2026-01-01T00:00:00Z</updated>'
            + (f"<published>{s.feed_date}T01:30:00+07:00</published>" if s.feed_date else "")
            + "</entry>"
            for s in self.stories
        )
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Outlet</title>'
                f"<id>{self.base}/</id><updated>2026-01-01T00:00:00Z</updated>{entries}</feed>").encode()

    def sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.url(s.path)}</loc><lastmod>2026-01-01</lastmod>"
            + (f"<news:news><news:publication_date>{s.feed_date}</news:publication_date></news:news>" if s.feed_date else "")
            + "</url>"
            for s in self.stories
        )
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()

    def sitemap_index(self) -> bytes:
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.url('/sitemap.xml')}</loc></sitemap></sitemapindex>").encode()

    def answer(self, path: str) -> tuple[int, str, bytes]:
        feeds = {"/rss.xml": ("application/rss+xml", self.rss), "/atom.xml": ("application/atom+xml", self.atom),
                 "/sitemap.xml": ("application/xml", self.sitemap), "/sitemap-index.xml": ("application/xml", self.sitemap_index)}
        if path in self.extra:
            return self.extra[path]
        if path in feeds:
            content_type, body = feeds[path]
            return 200, content_type, body()
        for story in self.stories:
            if story.path == path:
                return 200, "text/html; charset=utf-8", web_page(story.document, story.page_date).encode()
        return 404, "text/plain", b"not found"


def stories(files: list[Path]) -> list[Story]:
    """The corpus files as pages: the date their header gives is on the page for half, in the feed for all.

    Half the pages stating no date of their own is what the follower's
    fallback to the feed's date is there for.
    """
    made = []
    for number, path in enumerate(files):
        document = read_document(path)
        day = document.published if document.published and len(document.published) == len("YYYY-MM-DD") else None
        made.append(Story(f"/news/{path.stem}.html", document, day if number % 2 == 0 else None, day))
    return made


@contextmanager
def serving(outlet: Outlet) -> Iterator[Outlet]:
    """Serve ``outlet`` on a free port of 127.0.0.1 until the block ends."""
    with local_server(_handler(outlet)) as base:
        outlet.base = base
        yield outlet


def _handler(outlet: Outlet) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # kept-alive connections, as httpx reuses them

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
            with outlet.lock:
                outlet.requests.append(request)
                outlet.busy += 1
                outlet.most_busy = max(outlet.most_busy, outlet.busy)
            try:
                time.sleep(outlet.delay)
                if self.path in outlet.meeting:
                    try:
                        outlet.meeting[self.path].wait(MEETING_SECONDS)
                    except threading.BrokenBarrierError:
                        pass
                self._answer(request)
            finally:
                self._finish(request)

        def _finish(self, request: Request) -> None:
            """The request is answered: counted, before a byte of the answer goes, as the client may ask again at once."""
            if not request.ended:
                with outlet.lock:
                    outlet.busy -= 1
                request.ended = time.monotonic()

        def _answer(self, request: Request) -> None:
            with outlet.lock:
                queued = outlet.failures.get(self.path)
                failure = queued.pop(0) if queued else None
            if failure is not None:
                status, headers = failure
                self._send(request, status, "text/plain", b"try later", headers)
                return
            status, content_type, body = outlet.answer(self.path)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED} if status == 200 else {}
            if status == 200 and request.headers.get("if-none-match") == etag:
                self._send(request, 304, None, b"", validators)
                return
            self._send(request, status, content_type, body, validators)

        def _send(self, request: Request, status: int, content_type: str | None, body: bytes, headers: dict[str, str]) -> None:
            request.status = status
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self._finish(request)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
            pass

    return Handler


def _rfc822(day: str) -> str:
    """An RSS ``pubDate`` early on ``day`` in Hà Nội: the day before in UTC, which the follower must not take."""
    return email.utils.format_datetime(datetime.combine(date.fromisoformat(day), time_of_day(1, 30), tzinfo=HANOI))
