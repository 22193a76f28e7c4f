"""One polite HTTP GET: conditional, bounded in size, its redirects and retries each taking the host's turn.

A passing failure (a timeout, a connection refused, a 5xx, 429 Too Many
Requests) is tried again after a pause that doubles each time, or after the
pause the server asks for (``Retry-After``, RFC 9110 section 10.2.3); any other
answer than 200 and 304 is final. Redirects are followed here, not by httpx,
so that each hop waits for its own host's turn.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from bilat import __version__
from bilat.errors import IngestError
from bilat.follow.hosts import HOST_DELAY, Hosts, Stopped

USER_AGENT = f"bilat/{__version__} (reads diplomatic news from feeds; one request at a time per host)"
"""Names bilat to the outlets' servers, and says what it does, as their logs and robots.txt rules go by it."""
REQUEST_TIMEOUT = 30.0
"""Seconds to wait for a server to connect, or to send the next part of its answer: httpx's 5 s gave up on
news sites under load, which answer a large page in pieces."""
ATTEMPTS = 4
"""Tries in all for a passing failure: with ``BACKOFF`` the pauses are 2, 4 and 8 s, enough to outlast a server's
restart without asking it more than once every few seconds."""
BACKOFF = 2.0
"""Seconds before the first try again; each later pause doubles."""
MAX_RETRY_AFTER = 120.0
"""The longest ``Retry-After`` waited for: past it the fetch fails for now, and the next poll tries again."""
MAX_REDIRECTS = 5
"""An outlet's chain (http → https → www → the page's new address) is three hops; more is a loop."""
RETRIED = frozenset({408, 429})
"""Answers that say "not now" rather than "no", with every 5xx (the server failing or overloaded): a timeout, too many requests."""
SERVER_ERRORS = 500
REDIRECTS = frozenset({301, 302, 303, 307, 308})
NOT_FOUND = frozenset({404, 410})

UNREACHABLE = "unreachable"
"""The kinds of failure, as ``bilat skipped`` counts them: a passing one, tried again at a later poll..."""
GONE = "not found"
REFUSED = "refused"
TOO_LARGE = "too large"
"""...and final ones."""


class FetchError(IngestError):
    """A URL could not be fetched; ``passing`` when a later try may succeed."""

    def __init__(self, url: str, reason: str, kind: str) -> None:
        super().__init__(url, reason, kind)
        self.passing = kind == UNREACHABLE


@dataclass(frozen=True)
class Politeness:
    """How the follower treats servers; tests shorten the pauses."""

    host_delay: float = HOST_DELAY
    attempts: int = ATTEMPTS
    backoff: float = BACKOFF
    timeout: float = REQUEST_TIMEOUT
    max_retry_after: float = MAX_RETRY_AFTER


@dataclass(frozen=True)
class Answer:
    """A 200 (``body``) or a 304 (``unchanged``) and the validators to ask with next time."""

    url: str
    """Where the answer came from, after redirects."""
    body: bytes
    unchanged: bool
    content_type: str | None
    etag: str | None
    last_modified: str | None


class Fetcher:
    """GETs through one ``httpx.Client`` (its connections reused), each request at its host's turn.

    ``transport`` replaces the network, for tests (``httpx.MockTransport``).
    """

    def __init__(self, politeness: Politeness, stop: threading.Event, transport: httpx.BaseTransport | None = None) -> None:
        self.politeness = politeness
        self.stop = stop
        self.hosts = Hosts(politeness.host_delay, stop)
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=politeness.timeout, follow_redirects=False, transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, limit: int, etag: str | None = None, last_modified: str | None = None) -> Answer:
        """The answer at ``url``, at most ``limit`` bytes; ``FetchError`` saying why there is none."""
        headers = {key: value for key, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if value}
        for _ in range(MAX_REDIRECTS + 1):
            status, answer, location = self._with_retries(url, headers, limit)
            if answer is not None:
                return answer
            url = urljoin(url, location)
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(url, f"redirected (HTTP {status}) to no web address", REFUSED)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", REFUSED)

    def _with_retries(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, Answer | None, str]:
        """The answer, or the status and location of a redirect; a passing failure tried again after a pause."""
        politeness = self.politeness
        for attempt in range(1, politeness.attempts + 1):
            try:
                return self._once(url, headers, limit)
            except _Passing as failure:
                if attempt == politeness.attempts:
                    raise FetchError(url, f"{failure.reason} ({attempt} tries)", UNREACHABLE) from None
                pause = politeness.backoff * 2 ** (attempt - 1) if failure.retry_after is None else failure.retry_after
                if pause > politeness.max_retry_after:
                    raise FetchError(url, f"{failure.reason}, and asks to wait {pause:.0f} s", UNREACHABLE) from None
                if self.stop.wait(pause):
                    raise Stopped from None
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _once(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, Answer | None, str]:
        with self.hosts.turn(urlsplit(url).netloc.lower()):
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in RETRIED or status >= SERVER_ERRORS:
                        raise _Passing(f"HTTP {status} {response.reason_phrase}", _retry_after(response))
                    if status in REDIRECTS and "location" in response.headers:
                        return status, None, response.headers["location"]
                    if status not in (200, 304):
                        kind = GONE if status in NOT_FOUND else REFUSED
                        raise FetchError(url, f"HTTP {status} {response.reason_phrase}", kind)
                    body = b"" if status == 304 else _bounded(response, url, limit)
            except httpx.TransportError as exc:  # timeouts, refused connections, broken answers
                raise _Passing(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, None) from exc
        return status, Answer(
            str(response.url), body, status == 304, response.headers.get("content-type"),
            response.headers.get("etag"), response.headers.get("last-modified"),
        ), ""


class _Passing(Exception):
    """A failure a later try may not meet, and the pause the server asked for, if it did."""

    def __init__(self, reason: str, retry_after: float | None) -> None:
        self.reason = reason
        self.retry_after = retry_after


def _bounded(response: httpx.Response, url: str, limit: int) -> bytes:
    """The body, decoded from its Content-Encoding; ``FetchError`` as soon as it passes ``limit`` bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"{int(declared)} bytes (limit {limit})", TOO_LARGE)
    parts, size = [], 0
    for part in response.iter_bytes():
        size += len(part)
        if size > limit:
            raise FetchError(url, f"more than {limit} bytes", TOO_LARGE)
        parts.append(part)
    return b"".join(parts)


def _retry_after(response: httpx.Response) -> float | None:
    """The seconds ``Retry-After`` asks for: a number, or an HTTP date; None when it is absent or neither."""
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
