"""Summaries of the resolved layer, written with it, so that reads cost what they show, not what the store holds.

The index of pairs counted articles over the whole source–fact join, and a
relationship's record read every source of every fact, every office
sighting and every stated name, to show a few of each: at 10 000 articles a
pair's record read thousands of rows per event. ``refresh`` writes, for the
pairs given, what those reads need: per pair its counts, languages and the
date of its latest contact (``PairSummary``), its persons (``PairPerson``) and
the facts both its parties are party to (``PairMember``);
per entity the sources a record lists and how many there are, its names in
each language and, for a person, the offices as seen (``EntitySummary``). A
rebuild refreshes every pair; an update of some blocks of the record
(``store.resolving``) the pairs those blocks' rows are shown in (``pairs_showing``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from itertools import combinations
from typing import Any

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.orm import Session

from bilat.store import models as m
from bilat.store.names import stated_names

Pair = tuple[str, str]
"""Two parties' codes in order, as ``store.relations`` gives them."""

TABLES = (m.PairSummary, m.PairPerson, m.PairMember, m.EntitySummary)

SOURCES_LISTED = 5
"""Sources a record lists per fact (one per story): a reader opens one or two; the API pages the rest
(``GET /api/facts/{id}/sources``). The earliest ones, and the latest dated, so that a record's "as of" and an
item's age (``resolve.glance``) stay what every source gives."""

_IDS_PER_QUERY = 900
"""Under SQLite's oldest limit on the parameters of one statement (999)."""
_PLANNED = "planned"
"""The status of an event announced, not held (FACTS.md): not a contact yet."""


def every_pair(session: Session) -> set[Pair]:
    """The pairs of parties the resolved layer holds shared facts about."""
    first, second = m.Party.__table__.alias(), m.Party.__table__.alias()
    query = select(first.c.country, second.c.country).distinct().join(
        second, (second.c.entity_id == first.c.entity_id) & (first.c.country < second.c.country)
    )
    return {(a, b) for a, b in session.execute(query)}


def pairs_showing(session: Session, entity_ids: Iterable[str]) -> set[Pair]:
    """The pairs whose records show these entities, as the record holds them now (``_members``, ``_persons``).

    An entity shared by two parties or more is in the record of each pair of
    them; a membership in the record of its country with every other member
    of its organisation; a person in the records that list it (``PairPerson``).
    """
    wanted = sorted(set(entity_ids))
    countries: dict[str, set[str]] = defaultdict(set)
    found: set[Pair] = set()
    orgs: set[str] = set()
    for chunk in _chunks(wanted):
        for entity_id, country in session.execute(select(m.Party.entity_id, m.Party.country).where(m.Party.entity_id.in_(chunk))):
            countries[entity_id].add(country)
        orgs.update(session.scalars(select(m.Membership.org).where(m.Membership.id.in_(chunk))))
        found.update(session.execute(select(m.PairPerson.first, m.PairPerson.second).where(m.PairPerson.person_id.in_(chunk))))
    found |= {pair for involved in countries.values() for pair in combinations(sorted(involved), 2)}
    for org in sorted(orgs):
        members = sorted(set(session.scalars(select(m.Membership.country).where(m.Membership.org == org))))
        found |= set(combinations(members, 2))
    return {(first, second) for first, second in found}


def refresh(session: Session, pairs: Collection[Pair]) -> None:
    """Write the summaries of ``pairs`` and of the entities their records show, replacing what was there.

    A pair no fact is shared by any more loses its summary, and a person no
    record lists any more its own; an entity removed from the record loses
    its summary with it (``store.record.remove``).
    """
    from bilat.store.query import _offices, _sources  # query imports this module, to list what it wrote

    wanted = set(pairs)
    listed_before: set[str] = set()
    for chunk in _chunks(sorted(wanted)):
        of_chunk = tuple_(m.PairPerson.first, m.PairPerson.second).in_(chunk)
        listed_before.update(session.scalars(select(m.PairPerson.person_id).where(of_chunk)))
        for model in (m.PairSummary, m.PairPerson, m.PairMember):
            session.execute(delete(model).where(tuple_(model.first, model.second).in_(chunk)))
    # A pair sharing no fact of its own has no record (``every_pair``), whatever memberships its parties share.
    members = {pair: ids for pair, ids in _members(session, wanted).items() if any(e[0] in _COUNTED for e in ids)}
    shown = sorted({entity_id for ids in members.values() for entity_id in ids})
    articles: dict[str, set[str]] = defaultdict(set)  # entity -> the articles speaking for its sources' stories
    stated_in: dict[str, set[str]] = defaultdict(set)  # entity -> every article stating it, copies included
    latest: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(shown):
        sources = _sources(session, chunk)
        _write_entities(session, chunk, sources, stated_names(session, chunk), {})
        for entity_id, found in sources.items():
            articles[entity_id] = {s["article"] for s in found}
        # A fact's id begins with its article's (``ARTICLE:SECTION:POSITION``, ``models.Fact``).
        for entity_id, fact_id in session.execute(select(m.Source.entity_id, m.Source.fact_id).where(m.Source.entity_id.in_(chunk))):
            stated_in[entity_id].add(fact_id.split(":", 1)[0])
        latest.update(_latest_contacts(session, chunk))
    persons = _persons(session, members, articles)
    people = sorted({p for ids in persons.values() for p in ids} - set(shown))
    for chunk in _chunks(people):
        offices, sightings = _offices(session, chunk)
        _write_entities(session, chunk, _sources(session, chunk), stated_names(session, chunk),
                        {p: (offices[p], sightings[p]) for p in chunk})
    languages = _languages(session, {a for ids in articles.values() for a in ids})
    summaries, people_rows, member_rows = [], [], []
    for pair, ids in members.items():
        counted = Counter(entity_id[0] for entity_id in ids if entity_id[0] in _COUNTED)
        shared = [entity_id for entity_id in ids if entity_id[0] in _COUNTED]
        spoken = {a for entity_id in ids for a in articles[entity_id]}
        summaries.append({
            "first": pair[0], "second": pair[1], **{_COUNTED[kind]: counted[kind] for kind in _COUNTED},
            "articles": len({a for entity_id in shared for a in stated_in[entity_id]}),
            "record_articles": len(spoken),
            "languages": dict(sorted(Counter(languages[a] for a in spoken).items())),
            "latest": _latest_date(latest[e] for e in shared if e in latest),
        })
        people_rows += [{"first": pair[0], "second": pair[1], "person_id": p} for p in sorted(persons[pair])]
        member_rows += [{"first": pair[0], "second": pair[1], "entity_id": entity_id} for entity_id in shared]
    for model, rows in ((m.PairSummary, summaries), (m.PairPerson, people_rows), (m.PairMember, member_rows)):
        if rows:
            session.execute(insert(model), rows)
    _drop_unlisted(session, listed_before - {row["person_id"] for row in people_rows})


def _drop_unlisted(session: Session, person_ids: set[str]) -> None:
    """The summaries of these persons, where no record lists them any more (``PairPerson``)."""
    for chunk in _chunks(sorted(person_ids)):
        listed = select(m.PairPerson.person_id).where(m.PairPerson.person_id.in_(chunk))
        session.execute(delete(m.EntitySummary).where(m.EntitySummary.entity_id.in_(chunk) & m.EntitySummary.entity_id.not_in(listed)))


_COUNTED = {"e": "events", "a": "agreements", "m": "mechanisms", "f": "figures"}
"""The kinds a pair's summary counts, by the first letter of their ids (``bilat.resolve``)."""


def listed(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources a record lists of all of one fact's, in date order (``SOURCES_LISTED``)."""
    if len(sources) <= SOURCES_LISTED:
        return sources
    dated = [s for s in sources if s["published"]]
    if not dated or dated[-1] in sources[:SOURCES_LISTED]:
        return sources[:SOURCES_LISTED]
    return [*sources[:SOURCES_LISTED - 1], dated[-1]]


def _members(session: Session, pairs: set[Pair]) -> dict[Pair, list[str]]:
    """The entities each pair's record shows: those both parties are party to, and their shared memberships."""
    countries = sorted({c for pair in pairs for c in pair})
    parties: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(countries):
        for entity_id, country in session.execute(
            select(m.Party.entity_id, m.Party.country).where(m.Party.country.in_(chunk))
        ):
            parties[entity_id].add(country)
    members: dict[Pair, list[str]] = {pair: [] for pair in pairs}
    for entity_id, involved in parties.items():
        for pair in combinations(sorted(involved), 2):
            if pair in members:
                members[pair].append(entity_id)
    by_org: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chunk in _chunks(countries):
        for membership in session.execute(
            select(m.Membership.id, m.Membership.org, m.Membership.country).where(m.Membership.country.in_(chunk))
        ):
            by_org[membership.org][membership.country].append(membership.id)
    for pair, ids in members.items():
        for by_country in by_org.values():
            if all(c in by_country for c in pair):
                ids.extend(i for c in pair for i in by_country[c])
    return members


def _persons(session: Session, members: dict[Pair, list[str]], articles: dict[str, set[str]]) -> dict[Pair, set[str]]:
    """Each pair's persons: those its events name, and those of either party its articles state."""
    events = [entity_id for ids in members.values() for entity_id in ids if entity_id.startswith("e")]
    named: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(set(events))):
        for event_id, persons, counterpart in session.execute(
            select(m.Event.id, m.Event.persons, m.Event.counterpart).where(m.Event.id.in_(chunk))
        ):
            named[event_id] = set(persons) | ({counterpart["person_id"]} if counterpart and counterpart["person_id"] else set())
    spoken = sorted({a for ids in members.values() for e in ids for a in articles[e]})
    stating: dict[str, set[tuple[str, str | None]]] = defaultdict(set)  # article -> (person, its country)
    for chunk in _chunks(spoken):
        query = (
            select(m.Fact.article_id, m.Person.id, m.Person.country)
            .join(m.Source, m.Source.fact_id == m.Fact.id)
            .join(m.Person, m.Person.id == m.Source.entity_id)
            .where(m.Fact.article_id.in_(chunk), m.Fact.section == "persons")
        )
        for article_id, person_id, country in session.execute(query):
            stating[article_id].add((person_id, country))
    known = set(session.scalars(select(m.Person.id).where(m.Person.id.in_(
        sorted({p for ids in named.values() for p in ids})
    )))) if named else set()
    out: dict[Pair, set[str]] = {}
    for pair, ids in members.items():
        persons = {p for e in ids for p in named.get(e, ()) if p in known}
        persons |= {p for e in ids for a in articles[e] for p, country in stating[a] if country in pair}
        out[pair] = persons
    return out


def _write_entities(
    session: Session, entity_ids: list[str], sources: dict[str, list[dict[str, Any]]], names: dict[str, dict[str, str]],
    offices: dict[str, tuple[list[dict[str, Any]], int]],
) -> None:
    for chunk in _chunks(entity_ids):
        session.execute(delete(m.EntitySummary).where(m.EntitySummary.entity_id.in_(chunk)))
    rows = [
        {
            "entity_id": entity_id, "sources_total": len(sources.get(entity_id, [])),
            "sources": listed(sources.get(entity_id, [])),
            "names": names.get(entity_id, {}), "offices": offices.get(entity_id, ([], 0))[0],
            "sightings": offices.get(entity_id, ([], 0))[1],
        }
        for entity_id in entity_ids
    ]
    if rows:
        session.execute(insert(m.EntitySummary), rows)


def _latest_contacts(session: Session, entity_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Each event that took place (planned ones are not contacts yet): the day it starts, and its date as stored."""
    query = select(m.Event.id, m.Event.sort_date, m.Event.date).where(
        m.Event.id.in_(entity_ids), m.Event.sort_date.is_not(None), m.Event.status != _PLANNED
    )
    return {event_id: (sort_date, date or "") for event_id, sort_date, date in session.execute(query)}


def _latest_date(dates: Iterable[tuple[str, str]]) -> str | None:
    """The date of the event that starts last; of those starting on one day, the one with the longest date written."""
    latest = max(dates, default=None)
    return latest[1] if latest else None


def _languages(session: Session, article_ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(article_ids)):
        out.update({article_id: lang for article_id, lang in session.execute(
            select(m.Article.id, m.Article.lang).where(m.Article.id.in_(chunk))
        )})
    return out


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _IDS_PER_QUERY):
        yield values[start:start + _IDS_PER_QUERY]
