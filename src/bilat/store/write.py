"""Writing to the store: one article in one transaction, then the resolved layer rebuilt in one.

An article and all its facts are inserted together or not at all, so a run
killed mid-ingest leaves whole articles only, and the next run stores the
rest. The same text twice is stored once (``Article.sha256`` is unique).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bilat.extract.doc import Document
from bilat.extract.facts import SECTIONS, Facts
from bilat.resolve import Resolution, Stated, resolve
from bilat.store import models as m

_RESOLVED_TABLES = (
    m.Link, m.Source, m.Party, m.Office, m.AgreementStatus,
    m.Event, m.Person, m.Agreement, m.Mechanism, m.Membership, m.Figure,
)
_STAMP = "resolved_from"
_LOCK = 0x62696C6174  # "bilat": one rebuild at a time on a shared PostgreSQL


def article_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def store_article(engine: Engine, document: Document, facts: Facts) -> bool:
    """Store an article and its facts in one transaction; False if the same text is already stored."""
    sha = article_key(document.text)
    article_id = sha[:16]
    with Session(engine) as session:
        if session.get(m.Article, article_id) is not None:
            return False
        try:
            session.add(m.Article(
                id=article_id, sha256=sha, name=document.id, source=document.source, title=document.title,
                published=facts.published, lang=document.lang, text=document.text, stored_at=datetime.now(UTC),
            ))
            session.flush()
            rows = [
                _fact_row(article_id, section, position, asdict(fact))
                for section in SECTIONS
                for position, fact in enumerate(getattr(facts, section))
            ]
            if rows:
                session.execute(insert(m.Fact), rows)
            session.commit()
        except IntegrityError:  # another process stored the same text meanwhile
            session.rollback()
            return False
    return True


def _fact_row(article_id: str, section: str, position: int, data: dict[str, Any]) -> dict[str, Any]:
    start, end = data.pop("evidence")
    return {
        "id": f"{article_id}:{section}:{position}", "article_id": article_id, "section": section,
        "position": position, "data": data, "start": start, "end": end,
    }


def stored_state(session: Session) -> str:
    """A digest of which articles are stored: the resolved layer is current when built from it."""
    digest = hashlib.sha256()
    for (article_id,) in session.execute(select(m.Article.id).order_by(m.Article.id)):
        digest.update(article_id.encode())
    return digest.hexdigest()


def is_resolved(engine: Engine) -> bool:
    with Session(engine) as session:
        stamp = session.get(m.State, _STAMP)
        return stamp is not None and stamp.value == stored_state(session)


def rebuild(engine: Engine) -> bool:
    """Rebuild the resolved layer from every stored fact, if articles changed since the last build.

    One transaction: readers see the previous record until the new one is
    complete, and a crash leaves the previous one (rebuilt on the next run).
    """
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        state = stored_state(session)
        stamp = session.get(m.State, _STAMP)
        if stamp is not None and stamp.value == state:
            return False
        resolution = resolve(_stated(session))
        for table in _RESOLVED_TABLES:
            session.execute(delete(table))
        _write(session, resolution)
        session.merge(m.State(key=_STAMP, value=state))
    return True


def _stated(session: Session) -> list[Stated]:
    query = select(m.Fact.id, m.Fact.article_id, m.Fact.section, m.Fact.position, m.Fact.data, m.Article.published).join(
        m.Article, m.Article.id == m.Fact.article_id
    )
    return [
        Stated(fact_id, article_id, section, position, published, data)
        for fact_id, article_id, section, position, data, published in session.execute(query)
    ]


def _write(session: Session, r: Resolution) -> None:
    sources: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []

    def add(model: type[m.Base], rows: list[dict[str, Any]]) -> None:
        if rows:
            session.execute(insert(model), rows)

    def track(entity_id: str, facts: list[str], countries: list[str]) -> None:
        sources.extend({"entity_id": entity_id, "fact_id": f} for f in facts)
        parties.extend({"entity_id": entity_id, "country": c} for c in dict.fromkeys(countries))

    add(m.Person, [
        {"id": p.id, "name": p.name, "aliases": p.aliases, "country": p.country, "office": p.office, "title": p.title}
        for p in r.persons
    ])
    add(m.Office, [
        {"person_id": p.id, "office": o.office, "title": o.title, "country": o.country, "date": o.date, "fact_id": o.fact_id}
        for p in r.persons for o in p.offices
    ])
    for p in r.persons:
        track(p.id, p.sources, [p.country] if p.country else [])
    add(m.Event, [
        {k: v for k, v in asdict(e).items() if k != "sources"} for e in r.events
    ])
    for e in r.events:
        track(e.id, e.sources, e.actors)
    add(m.Agreement, [
        {k: v for k, v in asdict(a).items() if k not in ("sources", "history")} for a in r.agreements
    ])
    add(m.AgreementStatus, [
        {"agreement_id": a.id, "status": h.status, "date": h.date, "as_of": h.as_of, "fact_id": h.fact_id}
        for a in r.agreements for h in a.history
    ])
    for a in r.agreements:
        track(a.id, a.sources, a.parties)
    add(m.Mechanism, [{k: v for k, v in asdict(x).items() if k != "sources"} for x in r.mechanisms])
    for x in r.mechanisms:
        track(x.id, x.sources, x.parties)
    add(m.Membership, [{"id": x.id, "org": x.org, "country": x.country} for x in r.memberships])
    for x in r.memberships:
        track(x.id, x.sources, [x.country])
    add(m.Figure, [{k: v for k, v in asdict(x).items() if k != "sources"} for x in r.figures])
    for x in r.figures:
        track(x.id, x.sources, x.parties)
    add(m.Link, [{"source_id": x.source_id, "target_id": x.target_id, "reason": x.reason} for x in r.links])
    add(m.Source, sources)
    add(m.Party, parties)
