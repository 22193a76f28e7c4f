"""Bringing the record up to date: the blocks that new or forgotten articles touch resolved again, or all of it.

An article stored is marked unresolved (``Unresolved``) in the transaction
that stores it. An update gives its facts their blocks (``store.blocks``),
resolves again the blocks of persons they touch, then the blocks of the rest
of the record that those persons' changes reach (``_reached``) with those the
facts touch, and rewrites their rows; the marks go in the same transaction.
An article withdrawn or restored (``store.withdrawn``) is marked too
(``mark``): its blocks are resolved again with or without its facts. A run
killed at any moment leaves the record as it was, with its marks, and
the next update does the work. The result is the record a full rebuild gives,
row for row: a block's facts go through the same ``resolve`` functions. An
update whose blocks hold most of the facts (``WHOLE_RECORD_SHARE``)
resolves the whole record in one pass instead, in the blocks it found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, func, insert, select, update as update_rows
from sqlalchemy.orm import Session

from bilat.resolve import Resolution, resolve, resolve_record
from bilat.isodates import DayRange, day_range
from bilat.resolve.counterparts import holder_office, meeting_days
from bilat.resolve.model import EventEntity, OfficeSeen, PersonEntity, Stated, with_known_dates
from bilat.resolve.persons import office_dates, office_order, resolve_persons
from bilat.store import alerts, blocks, record, search_index, summaries
from bilat.store import models as m
from bilat.store.known import known_persons
from bilat.store.stated import CHUNK, stated_among, stated_in_blocks

WHOLE_RECORD_SHARE = 0.45
"""Past this share of the stored facts in the blocks an update touches, it resolves the whole record instead.

Resolving blocks reads, removes and writes their rows one part at a time;
the whole record is resolved in one pass. At 1 000 articles
(``benchmarks/living.py``) ten new articles whose blocks held 42% of the
facts were resolved by blocks in 0.84 of the whole record's time, and ten
whose blocks held 55% in 1.3 times it: the two cross near 45%.
"""
BLOCKED = "resolved_by_block"
"""The ``state`` key a full rebuild sets: every fact has its block, and the record can be updated a part at a time."""


def is_current(session: Session) -> bool:
    """Whether the record holds every stored article."""
    return is_blocked(session) and session.scalar(select(m.Unresolved.article_id).limit(1)) is None


def is_blocked(session: Session) -> bool:
    """Whether every resolved fact has its block: the record can be updated a part at a time."""
    return session.get(m.State, BLOCKED) is not None


def update(session: Session) -> bool:
    """Resolve what the articles stored since the last update touch (everything, for a store never resolved by blocks).

    False when there was nothing to do.
    """
    if not is_blocked(session):
        rebuild_all(session)
        return True
    pending = list(session.scalars(select(m.Unresolved.article_id)))
    if not pending:
        return False
    blocks.assign(session, [fact for fact, _ in stated_among(session, m.Fact.article_id, pending)])
    # The blocks of every pending article's facts: those just given (a new or restored article's), and those a
    # withdrawn article's facts were resolved in.
    touched = {block for (block,) in _among(session, select(m.Fact.block).where(m.Fact.block.is_not(None)).distinct(),
                                            m.Fact.article_id, pending)}
    if _share_of_facts(session, touched) > WHOLE_RECORD_SHARE:
        rows = stated_in_blocks(session)
        _resolve_all(session, [fact for fact, _ in rows], {fact.fact_id: block for fact, block in rows if block})
    else:
        resolve_blocks(session, touched)
    for start in range(0, len(pending), CHUNK):
        session.execute(delete(m.Unresolved).where(m.Unresolved.article_id.in_(pending[start:start + CHUNK])))
    return True


def _share_of_facts(session: Session, touched: set[str]) -> float:
    """The share of the stored facts that are in the blocks ``touched``."""
    every = session.scalar(select(func.count()).select_from(m.Fact)) or 1
    return sum(count for (count,) in _among(session, select(func.count()).select_from(m.Fact), m.Fact.block, touched)) / every


def mark(connection: Connection, article_ids: Iterable[str]) -> None:
    """What these articles say is no longer what the record holds (withdrawn, or restored): the next update resolves it."""
    wanted = sorted(set(article_ids))
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        marked = set(connection.scalars(select(m.Unresolved.article_id).where(m.Unresolved.article_id.in_(chunk))))
        if rows := [{"article_id": article_id} for article_id in chunk if article_id not in marked]:
            connection.execute(insert(m.Unresolved), rows)


def rebuild_all(session: Session) -> None:
    """The whole record resolved again from every stored fact, and every fact's block found again (after new rules)."""
    session.execute(delete(m.BlockKey))
    withdrawn = select(m.Article.id).where(m.Article.withdrawn_at.is_not(None))
    session.execute(update_rows(m.Fact).where(m.Fact.article_id.in_(withdrawn)).values(block=None))  # given when restored
    facts = [fact for fact, _ in stated_in_blocks(session)]
    _resolve_all(session, facts, blocks.assign(session, facts))
    session.execute(delete(m.Unresolved))
    session.merge(m.State(key=BLOCKED, value="1"))


def _resolve_all(session: Session, facts: list[Stated], block_of: dict[str, str]) -> None:
    """The record resolved again from ``facts``, every stored one, each in its block (fact id → block)."""
    for table in (*record.TABLES, *summaries.TABLES, m.BlockNeed):
        session.execute(delete(table))
    resolution = resolve(facts)
    record.write(session, resolution)
    country = {p.id: p.country for p in resolution.persons}
    _write_needs(session, resolution.events, facts, country.get, block_of)
    _rewritten(session, None)


def resolve_blocks(session: Session, touched: set[str], between: Callable[[], None] | None = None) -> None:
    """Resolve the blocks ``touched`` again, and the blocks of the record their persons' changes reach.

    ``between`` runs once the old rows of the blocks are read and removed, before
    they are resolved again: ``forget`` deletes its articles' facts there.
    """
    people = {block for block in touched if block.startswith(blocks.PERSONS)}
    rest = touched - people
    old = _Seen.read(session, people)
    shown: set[summaries.Pair] = set()
    named = _clear(session, touched, shown)
    if between is not None:
        between()
    persons = _resolve_persons(session, people, old)
    reached = _reached(session, old, persons) - rest
    named |= _clear(session, reached, shown)
    named |= _resolve_record(session, rest | reached, shown)
    _rewritten(session, _Rewritten(named | set(old.country) | {p.id for p in persons}, shown))


@dataclass
class _Seen:
    """What the record said of the persons of some blocks, before they are resolved again."""

    offices: dict[str, tuple[str, OfficeSeen]] = field(default_factory=dict)
    """Persons fact → (person id, sighting)."""
    country: dict[str, str | None] = field(default_factory=dict)
    first: dict[str, OfficeSeen] = field(default_factory=dict)
    """Person id → the first office it was seen in (``PersonEntity.offices[0]``)."""

    @classmethod
    def read(cls, session: Session, people: set[str]) -> _Seen:
        seen = cls()
        rows = _among(session, select(m.Office.person_id, m.Office.office, m.Office.title, m.Office.country, m.Office.date,
                                      m.Office.fact_id).join(m.Fact, m.Fact.id == m.Office.fact_id), m.Fact.block, people)
        by_person: dict[str, list[OfficeSeen]] = {}
        for person_id, *columns in rows:
            office = OfficeSeen(*columns)
            seen.offices[office.fact_id] = (person_id, office)
            by_person.setdefault(person_id, []).append(office)
        seen.first = {person_id: min(offices, key=office_order) for person_id, offices in by_person.items()}
        seen.country = dict(_among(session, select(m.Person.id, m.Person.country), m.Person.id, by_person))
        return seen


def _among(session: Session, query: object, column: object, values: Iterable[str]) -> list[tuple[object, ...]]:
    """The rows of ``query`` whose ``column`` is one of ``values``, a chunk of them at a time."""
    wanted = sorted(set(values))
    return [tuple(row) for start in range(0, len(wanted), CHUNK)
            for row in session.execute(query.where(column.in_(wanted[start:start + CHUNK])))]  # type: ignore[attr-defined]


def _clear(session: Session, touched: set[str], shown: set[summaries.Pair]) -> set[str]:
    """Remove the rows of the blocks ``touched``; the persons that their events named (whose search entries change).

    The pairs whose records showed the rows are added to ``shown``.
    """
    entities = record.entities_of(session, touched)
    named = {p for (persons,) in _among(session, select(m.Event.persons), m.Event.id, (e for e in entities if e.startswith("e")))
             for p in persons}  # type: ignore[attr-defined]
    shown |= summaries.pairs_showing(session, entities)
    record.remove(session, entities)
    wanted = sorted(touched)
    for start in range(0, len(wanted), CHUNK):
        session.execute(delete(m.BlockNeed).where(m.BlockNeed.block.in_(wanted[start:start + CHUNK])))
    return named


def _resolve_persons(session: Session, people: set[str], old: _Seen) -> list[PersonEntity]:
    """The persons of the blocks ``people``, written; each fact's office date read back where the store has it."""
    facts = [with_known_dates(fact) for fact, _ in stated_among(session, m.Fact.block, people)]
    when = {fact.fact_id: old.offices[fact.fact_id][1].date for fact in facts if fact.fact_id in old.offices}
    new = [fact for fact in facts if fact.fact_id not in old.offices]
    if new:
        events = stated_among(session, m.Fact.article_id, {f.article_id for f in new}, also=m.Fact.section == "events")
        when.update(office_dates([with_known_dates(event) for event, _ in events], new))
    persons = resolve_persons(facts, when)
    record.write(session, Resolution(persons=persons))
    return persons


def _reached(session: Session, old: _Seen, persons: list[PersonEntity]) -> set[str]:
    """The blocks of the record that read what changed of these persons.

    An article's events name its persons by their ids; meetings read the
    country of the persons they name, a visit its visitor's first office, and a
    meeting whose side names no one who was seen in an office around its days
    (``block_need``, ``_meetings_near``).
    """
    person_of = {fact: p.id for p in persons for fact in p.sources}
    changed = {fact for fact in old.offices.keys() | person_of.keys() if old.offices.get(fact, ("",))[0] != person_of.get(fact)}
    for person in persons:
        if person.id in old.country and (old.country[person.id], old.first.get(person.id)) != (person.country, person.offices[0]):
            changed.update(person.sources)
    before = {(pid, o.country, o.office, o.date, o.fact_id) for pid, o in old.offices.values()}
    after = {(p.id, o.country, o.office, o.date, o.fact_id) for p in persons for o in p.offices}
    articles = {fact.split(":", 1)[0] for fact in changed}  # a fact's id starts with its article's (``Fact.id``)
    reached = {block for (block,) in _among(
        session, select(m.Fact.block).where(m.Fact.section != "persons").distinct(), m.Fact.article_id, articles) if block}
    return reached | _meetings_near(session, before ^ after)  # type: ignore[operator]


def _meetings_near(session: Session, moved: set[tuple[str, str | None, str | None, str | None, str]]) -> set[str]:
    """The blocks with a meeting that may have been with someone newly seen, or no longer seen, in an office.

    A meeting reads who was seen in the office during its days, else the one
    seen last before them and the one seen first after (``OfficeHolders.holder``):
    a sighting changes that only if it overlaps the meeting's days, or if no
    other sighting comes between them (an office seen in every article moves the
    meetings of a few days, not every meeting with its holder). Undated ones say nothing.
    """
    by_office: dict[tuple[str, str], list[DayRange]] = defaultdict(list)
    for _, country, office, date, _ in moved:
        if country and office and (days := day_range(date)) is not None:
            by_office[(country, office)].append(days)
    reached: set[str] = set()
    for (country, office), changed in sorted(by_office.items()):
        held = (m.Office.country == country) & (m.Office.office == office)
        seen = [days for (date,) in session.execute(select(m.Office.date).where(held)) if (days := day_range(date))]
        needs = (m.BlockNeed.country == country) & (m.BlockNeed.office == office)
        for first, last in set(changed):
            # A meeting starting since the last other start before it could see it first after; one until the first
            # other start after it that also ends later could see it last before.
            since = max((start for start, _ in seen if start < first), default="")
            until = min((start for start, end in seen if start > first and end > last), default="9999")
            near = m.BlockNeed.start.between(since, until) | ((m.BlockNeed.start <= last) & (m.BlockNeed.end >= first))
            reached.update(session.scalars(select(m.BlockNeed.block).where(needs & near).distinct()))
    return reached


def _resolve_record(session: Session, touched: set[str], shown: set[summaries.Pair]) -> set[str]:
    """The rest of the record of the blocks ``touched``, written; the persons its events name.

    The pairs whose records show what was written are added to ``shown``.
    """
    if not touched:
        return set()
    rows = stated_among(session, m.Fact.block, touched)
    block_of = {fact.fact_id: block for fact, block in rows if block}
    articles = {fact.article_id for fact, _ in rows}
    person_facts = [fact for fact, _ in stated_among(session, m.Fact.article_id, articles, also=m.Fact.section == "persons")]
    known = known_persons(session, [fact.fact_id for fact in person_facts])
    facts = [fact for fact, _ in rows]
    resolution = resolve_record(facts + person_facts, known)
    record.write(session, resolution)
    _write_needs(session, resolution.events, facts, known.country.get, block_of)
    shown |= summaries.pairs_showing(session, record.ids(resolution))
    return {p for event in resolution.events for p in event.persons}


def _write_needs(
    session: Session, events: list[EventEntity], facts: list[Stated], country_of: Callable[[str], str | None],
    block_of: dict[str, str],
) -> None:
    """Which offices' holders each block's meetings read, and around when (``resolve.counterparts.holder_office``)."""
    event_facts = {fact.fact_id: with_known_dates(fact) for fact in facts if fact.section == "events"}
    needs = {
        (*office, *days, block_of[event.sources[0]]) for event in events
        if (office := holder_office(event, country_of)) and (days := meeting_days(event, event_facts))
    }
    rows = [{"country": country, "office": office, "start": start, "end": end, "block": block}
            for country, office, start, end, block in sorted(needs)]
    if rows:
        session.connection().execute(m.BlockNeed.__table__.insert(), rows)


@dataclass(frozen=True)
class _Rewritten:
    """The part of the record just resolved again, as what is kept beside it reads it."""

    persons: set[str]
    """Every person a removed or written row named, whether or not they remain (their search entries change)."""
    pairs: set[summaries.Pair]
    """The pairs whose records showed a removed row or show a written one."""


def _rewritten(session: Session, part: _Rewritten | None) -> None:
    """What is kept beside the record, made again for the part of it just resolved (all of it for None).

    The single place for anything derived from the resolved rows: the
    persons' search entries, the summaries the reads show (``store.summaries``)
    and the alerts of followed pairs (``store.alerts``), of the pairs that part
    of the record is in and those whose records show its persons.
    """
    if part is None:
        summaries.refresh(session, summaries.every_pair(session))
        search_index.index_persons(session.connection())
        alerts.raise_alerts(session)
        return
    pairs = part.pairs | summaries.pairs_showing(session, part.persons)
    summaries.refresh(session, pairs)
    search_index.index_persons(session.connection(), part.persons)
    alerts.raise_alerts(session, {alerts.pair_key(*pair) for pair in pairs})
