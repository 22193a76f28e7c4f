"""Trips: a visit with the meetings, signings and statements made during it.

A state visit is reported as one VISIT and, beside it, the talks, courtesy
calls, signings and commitments of its days. An event is part of a visit's
trip when it is between the same two countries and its days lie within the
visit's: a visit dated to the day (or a span of days) takes what falls in it,
a visit known only to the month or year only what the same article tells
(a month holds other contacts). Of two visits that could hold an event, the
one sharing its persons, then the shortest, holds it. Each event carries its
visit's id as ``trip_id``, the visit its own.
"""

from __future__ import annotations

from collections import defaultdict

from bilat.isodates import DayRange, day_range, width
from bilat.resolve.model import EventEntity, Stated

_NOT_PARTS = frozenset({"VISIT", "ATTEND"})
"""A visit is a trip of its own, and attending a summit is a contact with no one side."""


def group_trips(events: list[EventEntity], event_facts: dict[str, Stated]) -> None:
    """Set ``trip_id`` on every visit and on the events that happened during one, pair by pair."""
    visits: dict[frozenset[str], list[tuple[EventEntity, DayRange, set[str]]]] = defaultdict(list)
    for visit in events:
        days = day_range(visit.date)
        if visit.type == "VISIT" and days is not None and len(set(visit.actors)) == 2:
            visit.trip_id = visit.id
            visits[frozenset(visit.actors)].append((visit, days, _articles(visit, event_facts)))
    for event in events:
        days = day_range(event.date)
        if event.type in _NOT_PARTS or days is None:
            continue
        articles = _articles(event, event_facts)
        holding = [
            (visit, span) for visit, span, told in visits.get(frozenset(event.actors), ())
            if span[0] <= days[0] and days[1] <= span[1] and (_to_the_day(visit.date) or told & articles)
        ]
        if holding:
            visit, _ = min(holding, key=lambda h: (-len(set(h[0].persons) & set(event.persons)), width(h[0].date), h[0].id))
            event.trip_id = visit.id


def _to_the_day(date: str | None) -> bool:
    return bool(date) and all(part.count("-") == 2 for part in (date or "").split("/"))


def _articles(event: EventEntity, event_facts: dict[str, Stated]) -> set[str]:
    return {event_facts[fact].article_id for fact in event.sources}
