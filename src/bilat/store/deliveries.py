"""What each webhook was sent of the alerts (``webhook``): the last alert it accepted, and why the latest attempt failed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bilat.store import models as m


def delivered_through(engine: Engine, url: str) -> int:
    """The id of the last alert ``url`` accepted; 0 for a webhook sent nothing yet (every alert is still to send)."""
    with Session(engine) as session:
        row = session.get(m.AlertDelivery, url)
        return row.delivered_through if row is not None else 0


def record_delivery(engine: Engine, url: str, through: int, error: str | None) -> None:
    """Remember an attempt: the last alert ``url`` has now accepted, and the reason it failed (None: it did not)."""
    with Session(engine) as session, session.begin():
        session.merge(m.AlertDelivery(url=url, delivered_through=through, attempted_at=datetime.now(UTC), error=error))

