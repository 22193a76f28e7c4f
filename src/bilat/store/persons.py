"""The record of one person: every office seen and every event that names them, across all relationships."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Text, cast, select
from sqlalchemy.orm import Session

from bilat.store import models as m
from bilat.store.names import stated_names
from bilat.store.query import _citations, _columns, _event, _languages, _Links, _offices, _sources


def person(engine: Engine, person_id: str) -> dict[str, Any] | None:
    """The person with their offices as seen and the events naming them (oldest first), each with its sources; or None.

    ``persons`` lists everyone these events name, so a page can name and link
    each counterpart; ``names`` holds each one's name as the articles of each
    language state it, as in ``store.relation``.
    """
    with Session(engine) as session:
        row = session.get(m.Person, person_id)
        if row is None:
            return None
        # Person ids are hex digits after "p", so the quoted id matches one list item of the JSON and nothing else.
        candidates = session.scalars(select(m.Event).where(cast(m.Event.persons, Text).contains(f'"{person_id}"')))
        events = [e for e in candidates if person_id in e.persons]
        event_ids = {e.id for e in events}
        named = {p for e in events for p in e.persons} | {person_id}
        others = session.scalars(select(m.Person).where(m.Person.id.in_(named))).all()
        names = {p.id: p.name for p in others}
        sources = _sources(session, [person_id, *event_ids])
        links = _Links(session.scalars(select(m.Link).where(m.Link.source_id.in_(event_ids) | m.Link.target_id.in_(event_ids))))
        offices, sightings = _offices(session, [person_id])
        stated = stated_names(session, names)
        cited = _citations(session, [e.counterpart["fact_id"] for e in events if e.counterpart and e.counterpart["fact_id"]])
        records = sorted((_event(e, names, sources, links, event_ids, cited) for e in events),
                         key=lambda e: (e["sort_date"] or "9999", e["id"]))
        articles = {s["article"] for group in sources.values() for s in group}
        return {
            **_columns(row), "names": stated.get(person_id, {}), "offices": offices[person_id],
            "sightings": sightings[person_id], "sources": sources[person_id], "events": records,
            "persons": [{**_columns(p), "names": stated.get(p.id, {})} for p in others],
            "articles": len(articles), "languages": _languages(session, articles),
        }
