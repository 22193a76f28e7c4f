"""Reading the record of a relationship, and who held which office, from the resolved layer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bilat.countries import country_name
from bilat.extract.facts import OFFICES
from bilat.store import models as m

OPEN_TYPES = ("INVITE", "ACCEPT", "PROPOSE", "COMMIT")
"""Events that promise something: open until an event or agreement fulfils them."""


def relation(engine: Engine, first: str, second: str) -> dict[str, Any]:
    """Everything the store knows about the relationship of two countries (ISO codes), as JSON-ready data.

    Events, agreements, mechanisms and figures are those involving both
    countries; memberships are the organisations both belong to; persons are
    those of either country named by these facts or by the articles that state them.
    """
    with Session(engine) as session:
        shared = _shared_entities(session, first, second)
        events = session.scalars(select(m.Event).where(m.Event.id.in_(shared))).all()
        agreements = session.scalars(select(m.Agreement).where(m.Agreement.id.in_(shared))).all()
        mechanisms = session.scalars(select(m.Mechanism).where(m.Mechanism.id.in_(shared))).all()
        figures = session.scalars(select(m.Figure).where(m.Figure.id.in_(shared))).all()
        memberships = _shared_memberships(session, first, second)
        entity_ids = [*shared, *(x.id for group in memberships.values() for x in group)]
        sources = _sources(session, entity_ids)
        articles = {s["article"] for group in sources.values() for s in group}
        persons = _persons(session, events, articles, (first, second))
        names = {p.id: p.name for p in persons}
        event_ids = {e.id for e in events}
        links = session.scalars(select(m.Link).where(m.Link.source_id.in_(event_ids) | m.Link.target_id.in_(event_ids))).all()
        history = _history(session, [a.id for a in agreements])
        offices = _offices(session, [p.id for p in persons])

        event_records = [_event(e, names, sources, links, event_ids) for e in events]
        event_records.sort(key=lambda e: (e["sort_date"] or "9999", e["id"]))
        return {
            "countries": [{"code": c, "name": country_name(c)} for c in (first, second)],
            "articles": len(articles),
            "persons": [{**_columns(p), "offices": offices[p.id]} for p in persons],
            "events": event_records,
            "open": [e["id"] for e in event_records if e["type"] in OPEN_TYPES and not e["links"]],
            "agreements": sorted(
                (_agreement(a, history[a.id], sources) for a in agreements), key=lambda a: (a["kind"], a["id"])
            ),
            "mechanisms": sorted(
                ({**_columns(x), "sources": sources[x.id]} for x in mechanisms), key=lambda x: (x["kind"], x["id"])
            ),
            "memberships": [
                {"org": org, "countries": [first, second], "sources": [s for x in group for s in sources[x.id]]}
                for org, group in sorted(memberships.items())
            ],
            "figures": sorted(
                ({**_columns(x), "sources": sources[x.id]} for x in figures),
                key=lambda f: (f["indicator"], f["period"] or "", f["id"]),
            ),
        }


def office_holders(engine: Engine, country: str) -> list[dict[str, Any]]:
    """Who was seen holding which office of ``country``, and from when to when, per office."""
    with Session(engine) as session:
        rows = session.execute(
            select(m.Office, m.Person.name, m.Fact.article_id)
            .join(m.Person, m.Person.id == m.Office.person_id)
            .join(m.Fact, m.Fact.id == m.Office.fact_id)
            .where(m.Office.country == country)
        ).all()
    spells: dict[tuple[str | None, str], dict[str, Any]] = {}
    for office, name, article_id in rows:
        key = (office.office, office.person_id)
        spell = spells.setdefault(key, {
            "office": office.office, "person": office.person_id, "name": name, "titles": [],
            "dates": [], "articles": set(),
        })
        if office.title and office.title not in spell["titles"]:
            spell["titles"].append(office.title)
        if office.date:
            spell["dates"].append(office.date)
        spell["articles"].add(article_id)
    out = []
    for spell in spells.values():
        dates = sorted(spell.pop("dates"), key=lambda d: d.split("/")[0])
        spell["first_seen"] = dates[0].split("/")[0] if dates else None
        spell["last_seen"] = dates[-1].split("/")[-1] if dates else None
        spell["articles"] = len(spell["articles"])
        out.append(spell)
    rank = {office: i for i, office in enumerate(OFFICES)}
    out.sort(key=lambda s: (rank.get(s["office"], len(rank)), s["first_seen"] or "9999", s["name"]))
    return out


def _shared_entities(session: Session, first: str, second: str) -> list[str]:
    query = (
        select(m.Party.entity_id)
        .where(m.Party.country.in_((first, second)))
        .group_by(m.Party.entity_id)
        .having(func.count() == len({first, second}))
    )
    return list(session.scalars(query))


def _shared_memberships(session: Session, first: str, second: str) -> dict[str, list[m.Membership]]:
    by_org: dict[str, list[m.Membership]] = defaultdict(list)
    for membership in session.scalars(select(m.Membership).where(m.Membership.country.in_((first, second)))):
        by_org[membership.org].append(membership)
    return {org: group for org, group in by_org.items() if {x.country for x in group} == {first, second}}


def _sources(session: Session, entity_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each entity's sources: article, evidence span and the quoted text."""
    quote = func.substr(m.Article.text, m.Fact.start + 1, m.Fact.end - m.Fact.start)
    query = (
        select(m.Source.entity_id, m.Fact.article_id, m.Article.name, m.Article.published, m.Fact.start, m.Fact.end, quote)
        .join(m.Fact, m.Fact.id == m.Source.fact_id)
        .join(m.Article, m.Article.id == m.Fact.article_id)
        .where(m.Source.entity_id.in_(list(entity_ids)))
    )
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity_id, article_id, name, published, start, end, text in session.execute(query):
        out[entity_id].append({
            "article": article_id, "name": name, "published": published, "evidence": [start, end], "quote": text,
        })
    # Sorted here, not in SQL: databases disagree on where NULL dates go.
    for group in out.values():
        group.sort(key=lambda s: (s["published"] is None, s["published"] or "", s["article"], s["evidence"]))
    return out


def _persons(session: Session, events: list[m.Event], articles: set[str], countries: tuple[str, str]) -> list[m.Person]:
    named = {p for e in events for p in e.persons}
    in_articles = select(m.Source.entity_id).join(m.Fact, m.Fact.id == m.Source.fact_id).where(
        m.Fact.article_id.in_(articles), m.Fact.section == "persons"
    )
    query = select(m.Person).where(
        m.Person.id.in_(named) | (m.Person.id.in_(in_articles) & m.Person.country.in_(countries))
    )
    # Code-point order, the same on every database whatever its collation.
    return sorted(session.scalars(query), key=lambda p: (p.country or "~", p.name, p.id))


def _offices(session: Session, person_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each person's offices as seen, in one query; undated last, on every database."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    offices = session.scalars(select(m.Office).where(m.Office.person_id.in_(person_ids)))
    for o in sorted(offices, key=lambda o: (o.date is None, o.date or "", o.fact_id)):
        out[o.person_id].append({"office": o.office, "title": o.title, "date": o.date, "fact": o.fact_id})
    return out


def _event(
    event: m.Event, names: dict[str, str], sources: dict[str, list[dict[str, Any]]], links: Iterable[m.Link],
    event_ids: set[str],
) -> dict[str, Any]:
    record = _columns(event)
    record["person_ids"] = [p for p in event.persons if p in names]
    record["persons"] = [names.get(p, p) for p in event.persons]
    record["sources"] = sources[event.id]
    own = [x for x in links if x.source_id == event.id]
    record["links"] = sorted(({"target": x.target_id, "reason": x.reason} for x in own), key=lambda x: x["target"])
    record["fulfilled_by"] = sorted(x.target_id for x in own if x.target_id in event_ids)
    record["fulfils"] = sorted(x.source_id for x in links if x.target_id == event.id)
    return record


def _history(session: Session, agreement_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(m.AgreementStatus, m.Fact.article_id, m.Fact.start, m.Fact.end)
        .join(m.Fact, m.Fact.id == m.AgreementStatus.fact_id)
        .where(m.AgreementStatus.agreement_id.in_(agreement_ids))
        .order_by(m.AgreementStatus.id)
    )
    for status, article_id, start, end in session.execute(query):
        out[status.agreement_id].append({
            "status": status.status, "date": status.date, "as_of": status.as_of,
            "source": {"article": article_id, "evidence": [start, end]},
        })
    return out


def _agreement(agreement: m.Agreement, history: list[dict[str, Any]], sources: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {**_columns(agreement), "history": history, "sources": sources[agreement.id]}


def _columns(row: m.Base) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}
