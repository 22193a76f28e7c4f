"""One polite GET (``follow.fetch``), against ``httpx.MockTransport``: retries, redirects, limits, what it sends."""

from __future__ import annotations

import threading
from collections.abc import Callable
from email.utils import format_datetime
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from outlet import QUICK

from bilat.follow.fetch import MAX_REDIRECTS, USER_AGENT, FetchError, Fetcher, Politeness

URL = "https://outlet.example/news/a.html"


def fetcher(answer: Callable[[httpx.Request], httpx.Response], politeness: Politeness = QUICK) -> tuple[Fetcher, list[httpx.Request]]:
    asked: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        return answer(request)

    return Fetcher(politeness, threading.Event(), httpx.MockTransport(handler)), asked


def test_it_names_bilat_and_sends_the_validators() -> None:
    fetch, asked = fetcher(lambda request: httpx.Response(304, headers={"ETag": '"v1"'}))
    answer = fetch.get(URL, 1000, etag='"v1"', last_modified="Wed, 13 Nov 2024 08:00:00 GMT")
    assert answer.unchanged and answer.body == b""
    (request,) = asked
    assert request.headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("bilat/")
    assert request.headers["if-none-match"] == '"v1"'
    assert request.headers["if-modified-since"] == "Wed, 13 Nov 2024 08:00:00 GMT"


def test_a_timeout_is_tried_again_then_given_up_as_passing() -> None:
    def timing_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    fetch, asked = fetcher(timing_out, Politeness(host_delay=0, backoff=0.001, attempts=3))
    with pytest.raises(FetchError) as raised:
        fetch.get(URL, 1000)
    assert len(asked) == 3
    assert raised.value.passing and raised.value.kind == "unreachable"
    assert raised.value.reason == "ReadTimeout: timed out (3 tries)"


def test_a_retry_after_date_is_waited_for_and_one_too_far_is_not() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)  # 1 to 2 s away, to the second
    answers = iter([httpx.Response(503, headers={"Retry-After": soon}), httpx.Response(200, content=b"ok")])
    fetch, asked = fetcher(lambda request: next(answers))
    started = datetime.now(UTC)
    assert fetch.get(URL, 1000).body == b"ok"
    assert (datetime.now(UTC) - started).total_seconds() >= 0.9
    later, _ = fetcher(lambda request: httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchError, match="asks to wait 3600 s"):
        later.get(URL, 1000)


def test_a_final_answer_is_not_tried_again() -> None:
    fetch, asked = fetcher(lambda request: httpx.Response(410))
    with pytest.raises(FetchError) as raised:
        fetch.get(URL, 1000)
    assert (raised.value.kind, raised.value.reason, raised.value.passing) == ("not found", "HTTP 410 Gone", False)
    assert len(asked) == 1


def test_redirects_are_followed_each_at_its_hosts_turn_and_a_loop_is_not() -> None:
    def moving(request: httpx.Request) -> httpx.Response:
        if request.url.host == "outlet.example":
            return httpx.Response(301, headers={"Location": "https://www.outlet.example/news/a.html"})
        return httpx.Response(200, content=b"<html></html>")

    fetch, asked = fetcher(moving)
    answer = fetch.get(URL, 1000)
    assert answer.url == "https://www.outlet.example/news/a.html"
    assert [r.url.host for r in asked] == ["outlet.example", "www.outlet.example"]
    looping, asked = fetcher(lambda request: httpx.Response(302, headers={"Location": "/news/a.html"}))
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        looping.get(URL, 1000)
    assert len(asked) == MAX_REDIRECTS + 1


@pytest.mark.parametrize("declared", [True, False])
def test_an_answer_past_the_limit_is_refused(declared: bool) -> None:
    """Told by its Content-Length, or found while it streams in (no length given)."""
    def large(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000) if declared else httpx.Response(200, content=iter([b"x" * 600] * 8))

    fetch, _ = fetcher(large)
    with pytest.raises(FetchError) as raised:
        fetch.get(URL, 1000)
    assert raised.value.kind == "too large" and not raised.value.passing
    assert raised.value.reason == ("5000 bytes (limit 1000)" if declared else "more than 1000 bytes")
