"""Stored facts read back as resolution reads them (``resolve.Stated``), all of them or a part.

A full rebuild resolves the whole store's facts at once, so this list is its
memory: the keys, codes and ids that every fact repeats are kept once
(``sys.intern``), about a third less than as decoded.
"""

from __future__ import annotations

from collections.abc import Iterable
from sys import intern
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from bilat.resolve import Stated
from bilat.store import models as m

CHUNK = 900
"""Values per ``IN (...)``: under SQLite's oldest limit on the parameters of one statement (999)."""

_SHORT = 24


def stated_in_blocks(session: Session, where: ColumnElement[bool] | None = None) -> list[tuple[Stated, str | None]]:
    """The facts ``where`` selects (every fact without it), streamed from the database, each with its block.

    A withdrawn article's facts are left out: it is kept in the store, out of the record (``store.withdrawn``).
    """
    quote = case(
        (m.Fact.section == "events", func.substr(m.Article.text, m.Fact.start + 1, m.Fact.end - m.Fact.start)), else_=None
    )
    query = select(
        m.Fact.id, m.Fact.article_id, m.Fact.section, m.Fact.position, m.Fact.data, m.Article.published, quote, m.Fact.block,
    ).join(m.Article, m.Article.id == m.Fact.article_id).where(m.Article.withdrawn_at.is_(None))
    if where is not None:
        query = query.where(where)
    rows = session.execute(query.execution_options(yield_per=2000))
    return [
        (Stated(fact_id, intern(article_id), intern(section), position, published and intern(published), _shared(data),
                said if data.get("type") == "MEET" else None),  # only a meeting's sentence is read again
         block)
        for fact_id, article_id, section, position, data, published, said, block in rows
    ]


def stated_among(
    session: Session, column: Any, values: Iterable[str], also: ColumnElement[bool] | None = None,
) -> list[tuple[Stated, str | None]]:
    """``stated_in_blocks`` of the facts whose ``column`` is one of ``values`` (and ``also``), a chunk at a time."""
    wanted = sorted(set(values))
    found = []
    for start in range(0, len(wanted), CHUNK):
        where = column.in_(wanted[start:start + CHUNK])
        found += stated_in_blocks(session, where if also is None else where & also)
    return found


def _shared(value: Any) -> Any:
    """``value`` with its dictionary keys and short strings (codes, types, statuses) interned."""
    if isinstance(value, dict):
        return {intern(key): _shared(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shared(item) for item in value]
    if isinstance(value, str) and len(value) <= _SHORT:
        return intern(value)
    return value
