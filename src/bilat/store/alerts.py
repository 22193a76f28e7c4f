"""Alerts: what the record of a followed pair gained when the merged record was updated.

``raise_alerts`` runs in the transaction that updates the merged record, and
raises each alert once per kind, pair and entity:

    fulfilled  an invitation, acceptance or proposal got its fulfilment (``resolve.fulfilment``)
    contact    a high-level visit or meeting took place (a trip is one contact: its visit)
    signing    a signing took place
    aging      an invitation, acceptance or proposal is still open past the pair's age (``--age-days``)

What the record held before the pair was followed raises nothing: an entity
one of whose articles was stored before then was known; so was a fulfilment
whose item and fulfilment both were; and an item already past its age then
has passed it before. An item that comes in later, however old, is new.

An entity's id is derived from its first fact (``resolve.model.entity_id``):
a later article can bring in an earlier fact, and with it a new id. Facts'
ids never change, so an alert keeps the facts that stated its entity when
it was raised (``AlertFact``), and an entity stating one of them has had its
alert of that kind: rebuilding, or merging new articles into it, raises
nothing again. The entity ids stored are those of the record at the time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, false, or_, select, true, tuple_
from sqlalchemy.orm import Session, aliased

from bilat.isodates import day_range
from bilat.resolve.agreements import scope_words
from bilat.resolve.glance import NAMED_KINDS, concrete
from bilat.store import models as m

EVERY_PAIR = "*"
"""The pair that stands for every pair, those in the record now and those that come later."""
KINDS = ("fulfilled", "contact", "signing", "aging")
OPEN_ITEMS = ("INVITE", "ACCEPT", "PROPOSE")
"""The promises ``resolve.fulfilment`` follows to what fulfilled them."""
CONTACT_OFFICES = frozenset({"head_of_state", "head_of_government", "party_leader", "head_of_legislature", "foreign_minister"})
"""The offices whose visits and meetings are news to a desk: the leaders (Vietnam's four, whose party leader and
chair of the National Assembly rank with its president and prime minister) and the foreign ministers. The glance's
``HIGH_LEVEL`` also counts every minister and deputy leader: an alert for each would bury these."""
_CONTACTS = ("VISIT", "MEET")
_SIGN = "SIGN"
_HAPPENED = "happened"
_CHUNK = 900
"""Ids per ``IN (...)``: under SQLite's oldest limit on the parameters of one statement (999)."""


def pair_key(first: str, second: str) -> str:
    """A pair as alerts and follows name it: ``A-B``, the codes in order, whichever order they were given in."""
    return "-".join(sorted((first, second)))


def raise_alerts(session: Session, pairs: Iterable[str] | None = None, now: datetime | None = None) -> int:
    """Raise the alerts the latest update of the merged record calls for, in the caller's transaction; how many.

    ``pairs`` are the pairs whose record the update rewrote (``pair_key``):
    every pair the articles stored since the last look bear on; None for all
    of them, an empty set to look at ages alone. Fulfilments, contacts and
    signings are looked for there; ages in every followed pair, since time
    passes for all of them. ``now`` is when the alerts are raised, and the
    day ages are counted to.
    """
    follows = _Follows(session)
    if not follows.any:
        return 0
    now = now or datetime.now(UTC)
    changed = None if pairs is None else set(pairs)
    record = _Record(session)
    # Only what can still raise an alert is read: entities not alerted yet, not known before every follow, and
    # since the last look, only those an article stored since states (or, for an age, those that passed one since).
    since = _last_look(session)
    new = _stated_since(since) if since is not None else None
    linked = m.Event.id.in_(select(m.Link.source_id))
    part = aliased(m.Event)
    # The conditions a database checks row by row (``exists``) come last: the others leave few rows to check.
    fulfilled_items = record.events(OPEN_ITEMS, follows.scope(changed), *(
        [m.Event.id.in_(select(m.Link.source_id).where(m.Link.source_id.in_(new) | m.Link.target_id.in_(new)))]
        if new is not None else [linked]
    ), ~_alerted(("fulfilled",)))
    news = record.events((*_CONTACTS, _SIGN), follows.scope(changed), *(
        [m.Event.id.in_(new) | m.Event.id.in_(select(part.trip_id).where(part.id.in_(new)))] if new is not None else []
    ), ~_alerted(("contact", "signing")), ~_stored_before(follows.earliest()))
    ages = follows.ages()
    open_items = record.events(OPEN_ITEMS, follows.scope(None), or_(
        m.Event.sort_date.is_(None), m.Event.sort_date <= (now.date() - timedelta(days=min(ages))).isoformat(),
    ), *(
        [m.Event.id.in_(new) | m.Event.sort_date.is_(None)
         | (m.Event.sort_date > (since.date() - timedelta(days=max(ages))).isoformat())] if since is not None and new is not None else []
    ), ~linked, ~_alerted(("aging",))) if ages else []
    found = [
        *_fulfilled(record, follows, changed, fulfilled_items),
        *_contacts(record, follows, changed, news),
        *_signings(record, follows, changed, news),
        *_aging(record, follows, open_items, now),
    ]
    raised = _raise(session, found, now)
    if changed != set():  # news were looked at; a look at ages alone leaves the news of articles not resolved yet
        looked = min(now, datetime.now(UTC)) - LOOK_BACK
        session.merge(m.State(key=LAST_LOOK, value=looked.isoformat()))
    return raised


LAST_LOOK = "alerts_looked"
"""The ``state`` key of when alerts were last looked for (less ``LOOK_BACK``): only what changed since is read again."""
LOOK_BACK = timedelta(hours=1)
"""How far before the last look articles count as new: one stored by a writer whose transaction began before the
look and committed after it bears an earlier time. An ingest's transactions last seconds; an hour is ample, and
reading an hour's news again costs little."""


def forget_last_look(session: Session) -> None:
    """Have the next look read everything again: what can raise an alert changed (a pair followed, an age)."""
    session.execute(delete(m.State).where(m.State.key == LAST_LOOK))


def _last_look(session: Session) -> datetime | None:
    stamp = session.get(m.State, LAST_LOOK)
    return datetime.fromisoformat(stamp.value) if stamp is not None else None


@dataclass(frozen=True)
class _Found:
    """An alert the record calls for, before it is checked against those already raised."""

    kind: str
    pair: str
    facts: list[str]
    """The facts stating the entity alerted, in date order: the first is the alert's anchor."""
    entities: list[str]
    details: dict[str, Any]
    evidence: str | None


class _Follows:
    """The followed pairs, each with the follow that applies to it: its own, else that of every pair."""

    def __init__(self, session: Session) -> None:
        self.rows = {f.pair: f for f in session.scalars(select(m.FollowedPair))}
        self.any = bool(self.rows)

    def of(self, pair: str) -> m.FollowedPair | None:
        return self.rows.get(pair) or self.rows.get(EVERY_PAIR)

    def scope(self, changed: set[str] | None) -> ColumnElement[bool]:
        """Which events may raise alerts: those of a followed pair, and only of ``changed`` pairs if given."""
        followed = None if EVERY_PAIR in self.rows else set(self.rows)
        if changed is not None:
            followed = changed if followed is None else followed & changed
        if followed is None:
            return true()
        if not followed:
            return false()
        first, second = aliased(m.Party), aliased(m.Party)
        both = select(first.entity_id).join(second, second.entity_id == first.entity_id).where(
            tuple_(first.country, second.country).in_([tuple(pair.split("-")) for pair in sorted(followed)])
        )
        return m.Event.id.in_(both)

    def earliest(self) -> datetime:
        """When the first of the follows began: an entity stated before then was in the record before every follow."""
        return min(_utc(row.followed_at) for row in self.rows.values())

    def ages(self) -> list[int]:
        return [row.age_days for row in self.rows.values() if row.age_days is not None]

    def pairs(self, actors: list[str], changed: set[str] | None) -> Iterator[tuple[str, m.FollowedPair]]:
        """The followed pairs among an event's sides (of ``changed`` pairs, if given), with their follow."""
        for first, second in combinations(sorted(set(actors)), 2):
            pair = pair_key(first, second)
            follow = self.of(pair)
            if follow is not None and (changed is None or pair in changed):
                yield pair, follow


@dataclass(frozen=True)
class _Said:
    """A fact stating an entity: when its article was stored and what date it bears."""

    fact_id: str
    stored_at: datetime
    published: str | None


class _Record:
    """The merged record as alerts read it: entities, with the facts stating them, read a chunk of ids at a time."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.said: dict[str, list[_Said]] = {}
        self.names: dict[str, tuple[str, str | None]] = {}

    def events(self, types: Iterable[str], *conditions: ColumnElement[bool]) -> list[m.Event]:
        query = select(m.Event).where(m.Event.type.in_(list(types)), *conditions)
        events = list(self.session.scalars(query.order_by(m.Event.id)))
        self.read_sources([e.id for e in events])
        return events

    def by_id(self, model: type[m.Event] | type[m.Agreement], ids: Iterable[str]) -> dict[str, Any]:
        found = {row.id: row for chunk in _chunks(ids) for row in self.session.scalars(select(model).where(model.id.in_(chunk)))}
        self.read_sources(found)
        return found

    def trip_parts(self, visit_ids: Iterable[str]) -> dict[str, list[m.Event]]:
        parts: dict[str, list[m.Event]] = defaultdict(list)
        for chunk in _chunks(visit_ids):
            for event in self.session.scalars(select(m.Event).where(m.Event.trip_id.in_(chunk), m.Event.id != m.Event.trip_id)):
                parts[event.trip_id or ""].append(event)
        return parts

    def named_scopes(self) -> list[tuple[frozenset[str], frozenset[str]]]:
        """The parties and scope words of each agreement that names one document (``glance.NAMED_KINDS``)."""
        query = select(m.Agreement.parties, m.Agreement.scope).where(m.Agreement.kind.in_(sorted(NAMED_KINDS)))
        return [(frozenset(parties), words) for parties, scope in self.session.execute(query) if (words := scope_words(scope))]

    def read_sources(self, entity_ids: Iterable[str]) -> None:
        wanted = [i for i in entity_ids if i not in self.said]
        for chunk in _chunks(wanted):
            query = (
                select(m.Source.entity_id, m.Source.fact_id, m.Article.stored_at, m.Article.published)
                .join(m.Fact, m.Fact.id == m.Source.fact_id)
                .join(m.Article, m.Article.id == m.Fact.article_id)
                .where(m.Source.entity_id.in_(chunk))
            )
            for entity_id, fact_id, stored_at, published in self.session.execute(query):
                self.said.setdefault(entity_id, []).append(_Said(fact_id, _utc(stored_at), published))
        for entity_id in wanted:
            self.said.setdefault(entity_id, []).sort(key=lambda s: (s.published or "9999", s.fact_id))

    def facts(self, entity_id: str) -> list[str]:
        return [s.fact_id for s in self.said.get(entity_id, [])]

    def known_before(self, entity_id: str, moment: datetime) -> bool:
        """Whether an article stating the entity was stored before ``moment``: the record held it then."""
        return any(s.stored_at < _utc(moment) for s in self.said.get(entity_id, []))

    def first_day(self, event: m.Event) -> date | None:
        """When the event was (its first day), else when it was first reported."""
        days = day_range(event.date) or min(
            (d for d in (day_range(s.published) for s in self.said.get(event.id, [])) if d), default=None
        )
        return date.fromisoformat(days[0]) if days else None

    def read_persons(self, person_ids: Iterable[str]) -> None:
        wanted = [p for p in set(person_ids) if p not in self.names]
        for chunk in _chunks(wanted):
            for person_id, name, office in self.session.execute(
                select(m.Person.id, m.Person.name, m.Person.office).where(m.Person.id.in_(chunk))
            ):
                self.names[person_id] = (name, office)

    def said_of(self, event: m.Event) -> dict[str, Any]:
        """What an alert says of an event: its kind, sides, date, object and the persons it names."""
        return {
            "type": event.type, "actors": event.actors, "date": event.date, "object": event.object,
            "framework": event.framework, "upgrade": bool(event.upgrade),
            "persons": [self.names[p][0] for p in event.persons if p in self.names],
        }


def _fulfilled(record: _Record, follows: _Follows, changed: set[str] | None, items: list[m.Event]) -> Iterator[_Found]:
    by_id = {e.id: e for e in items}
    links = [
        link for chunk in _chunks(by_id)
        for link in record.session.scalars(select(m.Link).where(m.Link.source_id.in_(chunk)).order_by(m.Link.id))
    ]
    targets = record.by_id(m.Event, {x.target_id for x in links})
    agreements = record.by_id(m.Agreement, {x.target_id for x in links} - set(targets))
    record.read_persons(p for e in [*items, *targets.values()] for p in e.persons)
    for link in links:
        item = by_id[link.source_id]
        target = targets.get(link.target_id)
        agreement = agreements.get(link.target_id)
        if target is None and agreement is None:
            continue
        by = record.said_of(target) if target is not None else {
            "agreement": {"kind": agreement.kind, "scope": agreement.scope, "status": agreement.status, "date": agreement.date},
        }
        evidence = record.facts(link.target_id) or record.facts(item.id)
        for pair, follow in follows.pairs(item.actors, changed):
            if record.known_before(item.id, follow.followed_at) and record.known_before(link.target_id, follow.followed_at):
                continue
            yield _Found("fulfilled", pair, record.facts(item.id), [item.id, link.target_id],
                         {"item": record.said_of(item), "by": by, "rule": link.rule}, evidence[0] if evidence else None)


def _contacts(record: _Record, follows: _Follows, changed: set[str] | None, news: list[m.Event]) -> Iterator[_Found]:
    """High-level contacts that took place: a trip is one contact, high-level if any of its events is."""
    heads = [
        e for e in news if e.type in _CONTACTS and e.status == _HAPPENED and not e.background and e.trip_id in (None, e.id)
    ]
    parts = record.trip_parts(e.id for e in heads if e.trip_id == e.id)
    record.read_persons(p for e in heads for x in [e, *parts.get(e.id, [])] for p in x.persons)
    for event in heads:
        trip = [event, *parts.get(event.id, [])]
        if not any(_high_level(x, record.names) for x in trip):
            continue
        said = record.said_of(event)  # with the persons of the whole trip: those it met too
        said["persons"] = list(dict.fromkeys(record.names[p][0] for x in trip for p in x.persons if p in record.names))
        yield from _news("contact", record, follows, changed, event, said)


def _signings(record: _Record, follows: _Follows, changed: set[str] | None, news: list[m.Event]) -> Iterator[_Found]:
    signings = [e for e in news if e.type == _SIGN and e.status == _HAPPENED and not e.background]
    record.read_persons(p for e in signings for p in e.persons)
    for event in signings:
        yield from _news("signing", record, follows, changed, event, record.said_of(event))


def _news(
    kind: str, record: _Record, follows: _Follows, changed: set[str] | None, event: m.Event, said: dict[str, Any],
) -> Iterator[_Found]:
    facts = record.facts(event.id)
    for pair, follow in follows.pairs(event.actors, changed):
        if not record.known_before(event.id, follow.followed_at):
            yield _Found(kind, pair, facts, [event.id], {"event": said}, facts[0] if facts else None)


def _aging(record: _Record, follows: _Follows, items: list[m.Event], now: datetime) -> Iterator[_Found]:
    """Open ``items`` past their pair's age, among those the glance lists as open items (``glance.concrete``)."""
    scopes = record.named_scopes()
    record.read_persons(p for e in items for p in e.persons)
    for item in items:
        first_day = record.first_day(item)
        if first_day is None:
            continue
        age = (now.date() - first_day).days
        for pair, follow in follows.pairs(item.actors, None):
            if follow.age_days is None or age <= follow.age_days:
                continue
            aged_before = (_utc(follow.followed_at).date() - first_day).days > follow.age_days
            if aged_before and record.known_before(item.id, follow.followed_at):
                continue
            codes = set(pair.split("-"))
            words = {scope for parties, scope in scopes if codes <= parties}
            if not concrete({"type": item.type, "agreement_id": item.agreement_id, "object": item.object}, words):
                continue
            facts = record.facts(item.id)
            yield _Found("aging", pair, facts, [item.id],
                         {"item": record.said_of(item), "age_days": age, "limit": follow.age_days}, facts[0] if facts else None)


def _alerted(kinds: tuple[str, ...]) -> ColumnElement[bool]:
    """The event is stated by a fact of an alert of one of ``kinds``: it had its alert."""
    return exists(
        select(m.AlertFact.fact_id)
        .join(m.Alert, m.Alert.id == m.AlertFact.alert_id)
        .join(m.Source, m.Source.fact_id == m.AlertFact.fact_id)
        .where(m.Source.entity_id == m.Event.id, m.Alert.kind.in_(kinds))
    )


def _stated_since(moment: datetime) -> Select[tuple[str]]:
    """The entities stated by an article stored at or after ``moment`` (read by ``ix_article_stored``)."""
    # Nested, not joined: each step is then read by its index from the few articles stored since (a planner
    # without statistics, as SQLite is here, would rather scan every source).
    articles = select(m.Article.id).where(m.Article.stored_at >= moment)
    facts = select(m.Fact.id).where(m.Fact.article_id.in_(articles))
    return select(m.Source.entity_id).where(m.Source.fact_id.in_(facts))


def _stored_before(moment: datetime) -> ColumnElement[bool]:
    """An article stating the event was stored before ``moment``."""
    return exists(
        select(m.Source.fact_id)
        .join(m.Fact, m.Fact.id == m.Source.fact_id)
        .join(m.Article, m.Article.id == m.Fact.article_id)
        .where(m.Source.entity_id == m.Event.id, m.Article.stored_at < moment)
    )


def _high_level(event: m.Event, names: dict[str, tuple[str, str | None]]) -> bool:
    """Whether a person the event names, or the side it met, holds one of ``CONTACT_OFFICES``."""
    offices = {names[p][1] for p in event.persons if p in names}
    offices |= {event.counterpart_office, (event.counterpart or {}).get("office")}
    return bool(offices & CONTACT_OFFICES)


def _raise(session: Session, found: list[_Found], now: datetime) -> int:
    """Store the alerts found that were not raised before (no fact of theirs is in an alert of their kind and pair)."""
    facts = {f for x in found for f in x.facts}
    alerted = {
        (kind, pair, fact_id) for chunk in _chunks(facts) for kind, pair, fact_id in session.execute(
            select(m.Alert.kind, m.Alert.pair, m.AlertFact.fact_id)
            .join(m.AlertFact, m.AlertFact.alert_id == m.Alert.id)
            .where(m.AlertFact.fact_id.in_(chunk))
        )
    }
    raised = 0
    for x in found:
        if not x.facts or any((x.kind, x.pair, f) in alerted for f in x.facts):
            continue
        alert = m.Alert(
            kind=x.kind, pair=x.pair, anchor=x.facts[0], entities=x.entities, details=x.details,
            fact_id=x.evidence, article_id=x.evidence.split(":", 1)[0] if x.evidence else None, raised_at=now,
        )
        session.add(alert)
        session.flush()
        session.add_all(m.AlertFact(alert_id=alert.id, fact_id=f) for f in dict.fromkeys(x.facts))
        alerted |= {(x.kind, x.pair, f) for f in x.facts}
        raised += 1
    session.flush()
    return raised


def _utc(moment: datetime) -> datetime:
    """A stored time as an aware one: SQLite gives back the UTC times bilat writes without their zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    values = sorted(set(ids))
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
