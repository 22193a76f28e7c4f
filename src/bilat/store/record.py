"""The resolved layer's rows: a resolution written, and the entities of a part of the record removed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, is_dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bilat.resolve import Resolution
from bilat.store import models as m
from bilat.store.stated import CHUNK

TABLES = (
    m.Link, m.Source, m.Party, m.Office, m.AgreementStatus,
    m.Event, m.Person, m.Agreement, m.Mechanism, m.Membership, m.Figure,
)
"""Every table of the resolved layer, those that refer to others first."""

_BY_PREFIX: dict[str, tuple[type[m.Base], tuple[Any, ...]]] = {
    "p": (m.Person, (m.Office.person_id,)),
    "e": (m.Event, (m.Link.source_id,)),
    "a": (m.Agreement, (m.AgreementStatus.agreement_id,)),
    "m": (m.Mechanism, ()),
    "s": (m.Membership, ()),
    "f": (m.Figure, ()),
}
"""An entity's table by the first letter of its id (``resolve.model.entity_id``), and the rows that hang from it."""


def write(session: Session, r: Resolution) -> None:
    def add(model: type[m.Base], rows: list[dict[str, Any]]) -> None:
        if rows:
            session.connection().execute(model.__table__.insert(), rows)  # Core: no ORM bookkeeping per row

    # Each kind of entity, with the countries it is indexed under in ``party``.
    entities: list[tuple[type[m.Base], list[Any], Callable[[Any], list[str]]]] = [
        (m.Person, r.persons, lambda p: [p.country] if p.country else []),
        (m.Event, r.events, lambda e: e.actors),
        (m.Agreement, r.agreements, lambda a: a.parties),
        (m.Mechanism, r.mechanisms, lambda x: x.parties),
        (m.Membership, r.memberships, lambda x: [x.country]),
        (m.Figure, r.figures, lambda x: x.parties),
    ]
    sources: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    for model, group, countries in entities:
        add(model, [_columns(x, model) for x in group])
        for x in group:
            sources.extend({"entity_id": x.id, "fact_id": f} for f in x.sources)
            parties.extend({"entity_id": x.id, "country": c} for c in dict.fromkeys(countries(x)))
    add(m.Office, [_columns(o, m.Office) | {"person_id": p.id} for p in r.persons for o in p.offices])
    add(m.AgreementStatus, [_columns(h, m.AgreementStatus) | {"agreement_id": a.id} for a in r.agreements for h in a.history])
    add(m.Link, [_columns(x, m.Link) for x in r.links])
    add(m.Source, sources)
    add(m.Party, parties)


def ids(r: Resolution) -> list[str]:
    """The ids of the entities of a resolution."""
    return [x.id for group in (r.persons, r.events, r.agreements, r.mechanisms, r.memberships, r.figures) for x in group]


def entities_of(session: Session, blocks: Iterable[str]) -> set[str]:
    """The ids of the entities stated by the facts of ``blocks``."""
    wanted = sorted(set(blocks))
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        found.update(session.scalars(
            select(m.Source.entity_id).join(m.Fact, m.Fact.id == m.Source.fact_id).where(m.Fact.block.in_(wanted[start:start + CHUNK]))
        ))
    return found


def remove(session: Session, entity_ids: Iterable[str]) -> None:
    """Delete these entities and every row that hangs from them, their summaries with them (``store.summaries``)."""
    by_prefix: dict[str, list[str]] = {}
    for entity_id in sorted(set(entity_ids)):
        by_prefix.setdefault(entity_id[:1], []).append(entity_id)
    for prefix, ids in by_prefix.items():
        model, hanging = _BY_PREFIX[prefix]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            for column in (*hanging, m.Source.entity_id, m.Party.entity_id, m.EntitySummary.entity_id,
                           model.id):  # type: ignore[attr-defined]
                session.execute(delete(column.class_).where(column.in_(chunk)))


def _columns(entity: object, model: type[m.Base]) -> dict[str, Any]:
    """The entity's values for the model's columns it has (the rest are keys set by the caller, or generated).

    A value that is itself an entity (an event's ``counterpart``) is stored as its fields, in a JSON column.
    """
    return {c.key: _value(getattr(entity, c.key)) for c in model.__table__.columns if hasattr(entity, c.key)}


def _value(value: Any) -> Any:
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else value
