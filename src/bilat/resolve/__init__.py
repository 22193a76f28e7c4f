"""Resolution: merging the facts of many articles into one record.

A pure function of the stated facts (``Stated``, one per fact of the
facts contract): the same input gives the same entities with the same ids,
whatever order the articles were stored in. Each step is its own module:

    persons      one person under several names; offices seen over time
    events       one occurrence reported by several articles
    agreements   one agreement, its status history
    records      mechanisms, memberships, figures, de-duplicated
    fulfilment   invitations and proposals → what fulfilled them
    trips        a visit with the meetings, signings and statements of its days
    counterparts whom a meeting's unnamed side met as
    glance       a relationship's record at a glance (framework, last contact, what is next, open items)
    known        what the rest of the record reads of persons resolved already (``resolve_record``)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bilat.resolve.agreements import resolve_agreements
from bilat.resolve.counterparts import infer_counterparts
from bilat.resolve.events import resolve_events
from bilat.resolve.fulfilment import attach_agreements, link
from bilat.resolve.known import KnownPersons
from bilat.resolve.model import Resolution, Stated, with_known_dates
from bilat.resolve.persons import names_of, office_dates, resolve_persons
from bilat.resolve.records import (
    resolve_figures,
    resolve_mechanisms,
    resolve_memberships,
)
from bilat.resolve.trips import group_trips

__all__ = ["KnownPersons", "Resolution", "Stated", "resolve", "resolve_record"]

Sections = dict[str, list[Stated]]


def resolve(stated: Iterable[Stated]) -> Resolution:
    """The whole record of these facts: persons first, then the rest given them (``resolve_record``)."""
    by_section = _by_section(stated)
    persons = resolve_persons(by_section["persons"], office_dates(by_section["events"], by_section["persons"]))
    resolution = _record(by_section, KnownPersons.of_entities(persons))
    resolution.persons = persons
    return resolution


def resolve_record(stated: Iterable[Stated], persons: KnownPersons) -> Resolution:
    """Everything but the persons, given what is known of them: events, agreements... and their links.

    ``stated`` holds the persons facts of its articles (how their events name
    persons); the persons themselves are resolved with every article that
    states them, which may be far more than these (``resolve_persons``).
    """
    return _record(_by_section(stated), persons)


def _by_section(stated: Iterable[Stated]) -> Sections:
    by_section: Sections = defaultdict(list)
    for fact in map(with_known_dates, stated):
        by_section[fact.section].append(fact)
    return by_section


def _record(by_section: Sections, persons: KnownPersons) -> Resolution:
    events_stated = by_section["events"]
    events = resolve_events(events_stated, names_of(by_section["persons"], persons.person_of))
    agreements = resolve_agreements(by_section["agreements"])
    event_facts = {s.fact_id: s for s in events_stated}
    attach_agreements(events, event_facts, by_section["agreements"], agreements)
    group_trips(events, event_facts)
    infer_counterparts(events, persons, event_facts, by_section["persons"])
    return Resolution(
        events=events,
        agreements=agreements,
        mechanisms=resolve_mechanisms(by_section["mechanisms"]),
        memberships=resolve_memberships(by_section["memberships"]),
        figures=resolve_figures(by_section["figures"]),
        links=link(events, agreements, event_facts),
    )
