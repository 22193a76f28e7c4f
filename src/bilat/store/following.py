"""The pairs whose records raise alerts (``store.alerts``): following, unfollowing, listing them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from bilat.store import generation
from bilat.store import models as m
from bilat.store.alerts import forget_last_look


def follow(engine: Engine, pair: str, age_days: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """Follow ``pair`` (``alerts.pair_key``, or ``alerts.EVERY_PAIR``) from now on; what it follows, as ``followed`` lists it.

    Following a pair again keeps the time it was first followed (what the
    record held then still raises nothing) and changes its age, if given.
    """
    with Session(engine) as session, session.begin():
        row = session.get(m.FollowedPair, pair)
        if row is None:
            row = m.FollowedPair(pair=pair, age_days=age_days, followed_at=now or datetime.now(UTC))
            session.add(row)
        elif age_days is not None:
            row.age_days = age_days
        session.flush()
        followed = _row(row)
        forget_last_look(session)  # a new pair, or a new age: look at everything once
        generation.bump(session.connection())
    return followed


def unfollow(engine: Engine, pair: str) -> bool:
    """Stop following ``pair``; whether it was followed. The alerts it raised stay."""
    with Session(engine) as session, session.begin():
        gone = session.execute(delete(m.FollowedPair).where(m.FollowedPair.pair == pair)).rowcount > 0
        if gone:
            generation.bump(session.connection())
    return gone


def followed(engine: Engine) -> list[dict[str, Any]]:
    """The pairs followed, each with its age and since when, in the order of their codes."""
    with Session(engine) as session:
        return [_row(row) for row in session.scalars(select(m.FollowedPair).order_by(m.FollowedPair.pair))]


def _row(row: m.FollowedPair) -> dict[str, Any]:
    since = row.followed_at if row.followed_at.tzinfo else row.followed_at.replace(tzinfo=UTC)
    return {"pair": row.pair, "age_days": row.age_days, "followed_at": since.isoformat()}
