"""Writing to the store: one article in one transaction, then the resolved layer rebuilt in one.

An article and all its facts are inserted together or not at all, so a run
killed mid-ingest leaves whole articles only, and the next run stores the
rest. The same text twice is stored once (``Article.sha256`` is unique).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
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


def _resolved_from(session: Session) -> str | None:
    """The ``stored_state`` the resolved layer was built from (None before the first build)."""
    stamp = session.get(m.State, _STAMP)
    return stamp.value if stamp is not None else None


def is_resolved(engine: Engine) -> bool:
    with Session(engine) as session:
        return _resolved_from(session) == stored_state(session)


def rebuild(engine: Engine) -> bool:
    """Rebuild the resolved layer from every stored fact, if articles changed since the last build.

    One transaction: readers see the previous record until the new one is
    complete, and a crash leaves the previous one (rebuilt on the next run).
    """
    with Session(engine) as session, session.begin():
        if engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        state = stored_state(session)
        if _resolved_from(session) == state:
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
    def add(model: type[m.Base], rows: list[dict[str, Any]]) -> None:
        if rows:
            session.execute(insert(model), rows)

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


def _columns(entity: object, model: type[m.Base]) -> dict[str, Any]:
    """The entity's values for the model's columns it has (the rest are keys set by the caller, or generated)."""
    return {c.key: getattr(entity, c.key) for c in model.__table__.columns if hasattr(entity, c.key)}
