"""Sending alerts to a webhook: each alert not yet sent, POSTed as JSON; a failure never fails the caller.

``deliver`` POSTs ``{"alerts": [...]}`` (each alert as ``GET /api/alerts``
lists it) with a timeout, retrying a few times with growing pauses, and
returns why it failed rather than raising. ``deliver_pending`` sends a
webhook what it has not accepted yet, in the order raised, and remembers in
the store how far it got (``store.deliveries``): a webhook that was down
gets the rest at the next call. A webhook may receive an alert twice (its
answer was lost): each alert has an ``id`` to know it by.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine

from bilat import __version__
from bilat.report.alerts import with_texts
from bilat.store.alert_list import alerts_after
from bilat.store.deliveries import delivered_through, record_delivery

TIMEOUT_SECONDS = 5.0
"""Per attempt: a receiver on a team's network answers in well under a second; a hung one must not hold an ingest."""
ATTEMPTS = 3
BACKOFF_SECONDS = 0.5
"""The pause after the first failed attempt, doubled after each: a receiver restarting gets a moment, not a minute."""
ALERTS_PER_POST = 100
"""A backlog (a webhook's first call) goes in posts of this many: each a body of tens of kB."""
_SCHEMES = ("http", "https")
_PERMANENT = range(400, 500)
_TRANSIENT = {408, 429}
"""Client errors worth trying again (RFC 9110 §15.5.9 Request Timeout, RFC 6585 §4 Too Many Requests)."""


@dataclass(frozen=True)
class Delivery:
    """What ``deliver_pending`` did: how many alerts the webhook accepted, and why it stopped (None: all were sent)."""

    sent: int
    error: str | None


def webhook_url_error(url: str) -> str | None:
    """Why ``url`` cannot be a webhook (None when it can): only http and https, with a host."""
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES or not parts.netloc:
        return f"a webhook is an http:// or https:// URL, not {url!r}"
    return None


def deliver(alerts: Sequence[dict[str, Any]], url: str, timeout: float = TIMEOUT_SECONDS, attempts: int = ATTEMPTS,
            backoff: float = BACKOFF_SECONDS) -> str | None:
    """POST ``alerts`` to ``url`` as ``{"alerts": [...]}``; None once a 2xx answers, else why the last attempt failed."""
    refused = webhook_url_error(url)
    if refused:
        return refused
    body = json.dumps({"alerts": list(alerts)}, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": f"bilat/{__version__}"}
    error = "not attempted"
    for attempt in range(attempts):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 (the scheme is checked above)
                return None  # urlopen raises HTTPError for every answer that is not a success
        except urllib.error.HTTPError as exc:
            error = f"{url} answered {exc.code} {exc.reason}"
            if exc.code in _PERMANENT and exc.code not in _TRANSIENT:
                break  # the same request will be refused again
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            error = f"cannot reach {url}: {getattr(exc, 'reason', None) or exc}"
    return error


def deliver_pending(engine: Engine, url: str, **options: Any) -> Delivery:
    """Send ``url`` every alert it has not accepted yet, oldest first; ``options`` are ``deliver``'s."""
    through = delivered_through(engine, url)
    sent = 0
    while batch := alerts_after(engine, through, ALERTS_PER_POST):
        error = deliver([with_texts(alert) for alert in batch], url, **options)
        if error is not None:
            record_delivery(engine, url, through, error)
            return Delivery(sent, error)
        through = batch[-1]["id"]
        sent += len(batch)
        record_delivery(engine, url, through, None)
    return Delivery(sent, None)


class Courier:
    """A loop's webhook (none for None): sent what each update of the record raised; after a failure, at the next chance."""

    def __init__(self, engine: Engine, url: str | None, say: Callable[[str], None]) -> None:
        self.engine, self.url, self.say = engine, url, say
        self.due = url is not None
        """Whether alerts may wait: from the start (an earlier run's), after an update, after a failure."""

    def updated(self) -> None:
        """The record was updated: what it raised goes out at the next ``send``."""
        self.due = self.url is not None

    def send(self) -> None:
        if self.due and self.url is not None:
            self.due = not deliver_and_say(self.engine, self.url, self.say)


def deliver_and_say(engine: Engine, url: str, say: Callable[[str], None]) -> bool:
    """``deliver_pending``, with a line to ``say`` when something was sent or failed; whether every alert was sent."""
    delivery = deliver_pending(engine, url)
    if delivery.error:
        say(f"webhook: {delivery.error}; {delivery.sent} alerts sent, the rest will be sent next time")
    elif delivery.sent:
        say(f"webhook: sent {delivery.sent} alert{'' if delivery.sent == 1 else 's'}")
    return delivery.error is None
