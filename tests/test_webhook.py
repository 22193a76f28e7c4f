"""The webhook: each alert POSTed once as JSON to a receiver on 127.0.0.1; a failure retried, never raised."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
from alert_stories import LONG_AGO, add, invitation, signing, visit
from receivers import receiving
from sqlalchemy import Engine

from bilat import store
from bilat.webhook import deliver, deliver_pending

NO_PAUSE = {"backoff": 0.0}


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A store of one followed pair with three alerts raised: fulfilled, contact, signing."""
    engine = store.connect(f"sqlite:///{tmp_path / 'bilat.db'}", create=True)
    store.upgrade(engine)
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    add(engine, invitation(date(2024, 3, 5)), visit(date(2024, 11, 13)), signing(date(2024, 11, 14)))
    return engine


def test_the_receiver_gets_each_alert_once(engine: Engine) -> None:
    with receiving() as receiver:
        assert deliver_pending(engine, receiver.url, **NO_PAUSE).sent == 3
        assert deliver_pending(engine, receiver.url, **NO_PAUSE).sent == 0
        add(engine, visit(date(2025, 4, 2), "second-visit"))
        assert deliver_pending(engine, receiver.url, **NO_PAUSE).sent == 1
    ids = [alert["id"] for alert in receiver.accepted]
    assert sorted(ids) == ids and len(set(ids)) == 4
    assert {alert["kind"] for alert in receiver.accepted} == {"fulfilled", "contact", "signing"}
    first = receiver.accepted[0]
    assert first["pair"] == "PE-VN" and first["text"]["en"] and first["text"]["vi"]
    assert first["evidence"]["quote"]


def test_a_receiver_that_fails_gets_the_alerts_at_the_next_call(engine: Engine) -> None:
    with receiving() as receiver:
        receiver.statuses = [500, 503, 502]
        failed = deliver_pending(engine, receiver.url, **NO_PAUSE)
        assert failed.sent == 0 and "502" in (failed.error or "")
        assert len(receiver.posts) == 3  # tried three times
        assert receiver.accepted == []
        later = deliver_pending(engine, receiver.url, **NO_PAUSE)
        assert later.sent == 3 and later.error is None
    assert len(receiver.accepted) == 3


def test_a_passing_failure_is_retried_within_one_call(engine: Engine) -> None:
    with receiving() as receiver:
        receiver.statuses = [503]
        assert deliver_pending(engine, receiver.url, **NO_PAUSE).sent == 3
    assert len(receiver.posts) == 2


def test_a_refusal_is_not_retried(engine: Engine) -> None:
    with receiving() as receiver:
        receiver.statuses = [404]
        delivery = deliver_pending(engine, receiver.url, **NO_PAUSE)
    assert "404" in (delivery.error or "") and len(receiver.posts) == 1


def test_a_receiver_that_is_not_there_is_an_error_not_an_exception(engine: Engine) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    delivery = deliver_pending(engine, f"http://127.0.0.1:{port}/hook", **NO_PAUSE)
    assert delivery.sent == 0 and "cannot reach" in (delivery.error or "")


def test_only_web_addresses_are_webhooks(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("not for sending")
    assert "http://" in (deliver([], secret.as_uri()) or "")
    assert "http://" in (deliver([], "127.0.0.1:8000/hook") or "")
