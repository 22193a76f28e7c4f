"""Reading the alerts raised (``store.alerts``): newest first for readers, in the order raised for a webhook."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session

from bilat.store import models as m


def alerts_raised(
    engine: Engine, since: datetime | None = None, pair: str | None = None, limit: int = 50, offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """A page of the alerts raised at or after ``since``, of one pair (``alerts.pair_key``) if given, newest first;
    and how many there are in all."""
    where = []
    if since is not None:
        where.append(m.Alert.raised_at >= _stored_time(since))
    if pair is not None:
        where.append(m.Alert.pair == pair)
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(m.Alert).where(*where)) or 0
        query = _query().where(*where).order_by(m.Alert.raised_at.desc(), m.Alert.id.desc()).limit(limit).offset(offset)
        return total, [_alert(row) for row in session.execute(query)]


def alerts_after(engine: Engine, alert_id: int, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` alerts raised after the one with ``alert_id``, in the order they were raised."""
    with Session(engine) as session:
        query = _query().where(m.Alert.id > alert_id).order_by(m.Alert.id).limit(limit)
        return [_alert(row) for row in session.execute(query)]


def _query() -> Select[Any]:
    quote = func.substr(m.Article.text, m.Fact.start + 1, m.Fact.end - m.Fact.start)
    # The entity the anchor fact states now: the id the record gives it today (``store.alerts``).
    current = select(func.min(m.Source.entity_id)).where(m.Source.fact_id == m.Alert.anchor).scalar_subquery()
    return (
        select(m.Alert, m.Fact.start, m.Fact.end, quote.label("quote"), current.label("entity"))
        .outerjoin(m.Fact, m.Fact.id == m.Alert.fact_id)
        .outerjoin(m.Article, m.Article.id == m.Fact.article_id)
    )


def _alert(row: Any) -> dict[str, Any]:
    alert: m.Alert = row.Alert
    evidence = None
    if row.start is not None:  # its article may have been forgotten since
        evidence = {"article": alert.article_id, "fact": alert.fact_id, "evidence": [row.start, row.end], "quote": row.quote}
    return {
        "id": alert.id, "kind": alert.kind, "pair": alert.pair, "anchor": alert.anchor, "entities": alert.entities, "entity": row.entity,
        "details": alert.details, "evidence": evidence, "raised_at": _read_time(alert.raised_at).isoformat(),
    }


def _stored_time(moment: datetime) -> datetime:
    """``moment`` in UTC, as stored (SQLite keeps no zone: every time bilat writes is UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC)


def _read_time(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
