"""Writing to the store: one article in one transaction, then the record brought up to date in one.

An article, all its facts and its entries in the search index are inserted together or not at all, so a run
killed mid-ingest leaves whole articles only, and the next run stores the
rest. The same text twice is stored once (``Article.content_key`` is unique),
with every place it was read from (``ArticleCopy``). Every article passes the
store's rules first (``checks``): one that breaks them is refused alone.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from types import EllipsisType
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bilat.errors import InvalidArticleError
from bilat.extract.doc import Document
from bilat.extract.facts import SECTIONS, Facts, with_known_date
from bilat.ingest.outlets import article_url, outlet_name
from bilat.resolve.stories import bands, signature, story_of
from bilat.store import alerts, generation, resolving, search_index, withdrawn
from bilat.store import models as m
from bilat.store.checks import fact_fields, refusal, storable_line
from bilat.text import normalised

_LOCK = 0x62696C6174  # "bilat": one rebuild at a time on a shared PostgreSQL


class Outcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    """The same text (``content_key``) as a stored article, read from another place: that place is recorded."""
    KNOWN = "already stored"
    """The same text from the same place: a folder ingested again."""


@dataclass(frozen=True)
class Stored:
    """What storing an article did, and the article (and story) its text now belongs to."""

    outcome: Outcome
    article_id: str
    story_id: str


def article_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_key(document: Document) -> str:
    """The key of the article's body as exact copies share it: NFC, whitespace collapsed, header left out."""
    return article_key(normalised(document.text[document.body_start:]))


Signed = bytes | None | EllipsisType
"""An article's MinHash signature when a worker computed it (None: too short to compare), ``...`` when not yet."""


def store_article(engine: Engine, document: Document, facts: Facts, minhash: Signed = ...) -> Stored:
    """Store an article and its facts in one transaction, or record where a copy of a stored one was read.

    A near-duplicate (``resolve.stories``) is stored with its own facts, in
    the story of the article it copies. Raises ``InvalidArticleError`` for an
    article the store cannot keep (``checks``), and stores nothing of it.
    """
    (result,) = store_articles(engine, [(document, facts, minhash)])
    if isinstance(result, InvalidArticleError):
        raise result
    return result


def store_articles(
    engine: Engine, articles: list[tuple[Document, Facts, Signed]]
) -> list[Stored | InvalidArticleError]:
    """``store_article`` for many articles in one transaction: each whole, and several times faster than one each.

    An article the store cannot keep is refused alone: its place in the
    result holds the reason, and the others are stored. If another process
    stored one of the same texts meanwhile, the transaction is rolled back and
    run again, and that article becomes a copy of theirs.
    """
    return writing(engine, lambda connection: store_articles_on(connection, articles))


def store_articles_on(connection: Connection, articles: list[tuple[Document, Facts, Signed]]) -> list[Stored | InvalidArticleError]:
    """``store_articles`` within the caller's transaction, for one that writes more with them (``bilat watch``)."""
    refusals = [refusal(document, facts) for document, facts, _ in articles]
    storable = [article for article, refused in zip(articles, refusals, strict=True) if refused is None]
    stored = iter(_store(connection, storable) if storable else [])
    return [refused or next(stored) for refused in refusals]


T = TypeVar("T")


def writing(engine: Engine, write: Callable[[Connection], T]) -> T:
    """``write`` in one transaction; run again once if another process stored one of the same texts meanwhile."""
    try:
        with engine.begin() as connection:
            return write(connection)
    except IntegrityError:
        with engine.begin() as connection:  # now sees what the other process committed
            return write(connection)


def place(document: Document) -> str:
    """Where an article is recorded as read from (``ArticleCopy.source``): its URL, else its file."""
    return document.source or document.id


def _store(connection: Connection, articles: list[tuple[Document, Facts, Signed]]) -> list[Stored]:
    now = datetime.now(UTC)
    keys = [content_key(document) for document, _, _ in articles]
    known = {
        key: (article_id, story_id) for key, article_id, story_id in connection.execute(
            select(m.Article.content_key, m.Article.id, m.Article.story_id).where(m.Article.content_key.in_(set(keys)))
        )
    }
    places = {(article_id, source) for article_id, source in connection.execute(
        select(m.ArticleCopy.article_id, m.ArticleCopy.source)
        .where(m.ArticleCopy.article_id.in_({article_id for article_id, _ in known.values()}))
    )}
    signatures = [
        None if key in known else _signed(document, minhash) for (document, _, minhash), key in zip(articles, keys, strict=True)
    ]
    stories = _Stories(connection, [signed for signed in signatures if signed])
    article_rows: list[dict[str, Any]] = []
    copy_rows: list[dict[str, Any]] = []
    fact_rows: list[dict[str, Any]] = []
    search_rows: list[dict[str, Any]] = []
    results: list[Stored] = []
    read_again: list[withdrawn.Place] = []
    for (document, facts, _), minhash, key in zip(articles, signatures, keys, strict=True):
        where = place(document)
        if key in known:  # the same text as a stored article (or one earlier in this batch)
            article_id, story_id = known[key]
            outcome = Outcome.KNOWN if (article_id, where) in places else Outcome.DUPLICATE
        else:
            sha = article_key(document.text)
            article_id = sha[:16]
            story_id = stories.place(article_id, minhash)
            url = article_url(document.source)
            article_rows.append({
                "id": article_id, "sha256": sha, "name": document.id, "source": document.source,
                "url": url, "outlet": outlet_name(url), "title": document.title, "published": facts.published, "lang": document.lang,
                "text": document.text, "stored_at": now, "content_key": key, "story_id": story_id, "minhash": minhash,
            })
            stated = [
                _fact_row(article_id, section, position, with_known_date(section, fact_fields(fact)))
                for section in SECTIONS
                for position, fact in enumerate(getattr(facts, section))
            ]
            fact_rows += stated
            search_rows += search_index.article_entries(article_rows[-1], document.body_start, stated)
            known[key] = (article_id, story_id)
            outcome = Outcome.STORED
        if (article_id, where) not in places:
            places.add((article_id, where))
            copy_rows.append({"article_id": article_id, "source": where, "name": document.id, "seen_at": now})
        results.append(Stored(outcome, article_id, story_id))
        read_again.append((article_id, where))
    tables = (
        (m.Article, article_rows), (m.StoryBand, stories.rows), (m.ArticleCopy, copy_rows), (m.Fact, fact_rows),
        (m.SearchEntry, search_rows), (m.Unresolved, [{"article_id": row["id"]} for row in article_rows]),
    )
    for model, rows in tables:
        if rows:
            connection.execute(insert(model), rows)
    withdrawn.restore(connection, read_again)
    if copy_rows:  # every new article has its first copy: nothing changed when there is none
        generation.bump(connection)
    return results


def _signed(document: Document, minhash: Signed) -> bytes | None:
    """The article's signature: the worker's, or computed here when no worker did."""
    return signature(document.text[document.body_start:]) if isinstance(minhash, EllipsisType) else minhash


class _Stories:
    """Places a batch's new articles in stories: candidates share a band of their signature.

    The candidates of the whole batch are read in one query per ``_KEYS_PER_QUERY``
    keys, before any is placed; an article placed in the batch is a candidate for
    the ones after it. A band is kept for at most ``BAND_MEMBERS`` articles, and
    at most that many are read of one: so a batch costs the
    same however large the store, where a band every article shares (a tagline,
    a paragraph many outlets run) would otherwise make each new article read
    them all.
    """

    def __init__(self, connection: Connection, signatures: Iterable[bytes]) -> None:
        self.rows: list[dict[str, Any]] = []
        self.candidates: dict[tuple[int, int], dict[str, tuple[str, bytes]]] = defaultdict(dict)
        wanted = {pair for signed in signatures for pair in bands(signed)}
        keys = sorted({key for _, key in wanted})
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            members = select(
                m.StoryBand.band, m.StoryBand.key, m.StoryBand.article_id,
                func.row_number().over(partition_by=(m.StoryBand.key, m.StoryBand.band), order_by=m.StoryBand.article_id)
                .label("rank"),
            ).where(m.StoryBand.key.in_(keys[start:start + _KEYS_PER_QUERY])).subquery()  # the primary key's first column
            query = (
                select(members.c.band, members.c.key, m.Article.id, m.Article.story_id, m.Article.minhash)
                .join(m.Article, m.Article.id == members.c.article_id)
                .where(members.c.rank <= BAND_MEMBERS)
            )
            for band, key, article_id, story_id, signed in connection.execute(query):
                if (band, key) in wanted:
                    self.candidates[(band, key)][article_id] = (story_id, signed)

    def place(self, article_id: str, minhash: bytes | None) -> str:
        """The story of the article this one copies, else its own (the first article of its story)."""
        if minhash is None:
            return article_id
        keys = bands(minhash)
        found = {other: candidate for pair in keys for other, candidate in self.candidates.get(pair, {}).items()}
        story_id = story_of(minhash, found.values()) or article_id
        for band, key in keys:
            if len(self.candidates[(band, key)]) < BAND_MEMBERS:
                self.rows.append({"band": band, "key": key, "article_id": article_id})
                self.candidates[(band, key)][article_id] = (story_id, minhash)
        return story_id


BAND_MEMBERS = 16
"""Articles kept (and read) per band. The copies of one report share most of their 25 bands (``resolve.stories``),
so a copy finds its story through any band the report holds; a band shared by more articles than this is common
text, not a story (the wire reports of one visit run in a handful of outlets, not dozens), and the first ones
holding it are enough to place a copy that shares it."""
_KEYS_PER_QUERY = 900
"""Under SQLite's oldest limit on the parameters of one statement (999)."""


def record_skips(engine: Engine, skips: Iterable[tuple[str, str, str, str]]) -> None:
    """Remember inputs that were not stored (``where``, ``path``, ``kind``, ``reason``), replacing what earlier runs said of them.

    All in one transaction: a dump's bad lines come by the thousand. Names and
    reasons are made storable first (no NUL, no lone surrogate, a bounded length).
    """
    with engine.begin() as connection:
        record_skips_on(connection, skips)


def record_skips_on(connection: Connection, skips: Iterable[tuple[str, str, str, str]]) -> None:
    """``record_skips`` within the caller's transaction."""
    now = datetime.now(UTC)
    rows = {}
    for where, path, kind, reason in skips:  # the latest verdict on an input read twice in a batch
        key = storable_line(where)
        rows[key] = {"where": key, "path": storable_line(path), "kind": kind, "reason": storable_line(reason), "seen_at": now}
    wheres = list(rows)
    for start in range(0, len(wheres), _KEYS_PER_QUERY):
        connection.execute(delete(m.Skip).where(m.Skip.where.in_(wheres[start:start + _KEYS_PER_QUERY])))
    if rows:
        connection.execute(insert(m.Skip), list(rows.values()))


def forget_skips(engine: Engine, path: str) -> None:
    """Drop what earlier runs said of a file: it is being read again, and gets a new verdict."""
    with engine.begin() as connection:
        forget_skips_on(connection, path)


def forget_skips_on(connection: Connection, path: str) -> None:
    """``forget_skips`` within the caller's transaction."""
    connection.execute(delete(m.Skip).where(m.Skip.path == storable_line(path)))


def _fact_row(article_id: str, section: str, position: int, data: dict[str, Any]) -> dict[str, Any]:
    start, end = data.pop("evidence")
    return {
        "id": f"{article_id}:{section}:{position}", "article_id": article_id, "section": section,
        "position": position, "data": data, "start": start, "end": end,
    }


def is_resolved(engine: Engine) -> bool:
    """Whether the record holds every stored article."""
    with Session(engine) as session:
        return resolving.is_current(session)


def rebuild(engine: Engine) -> bool:
    """Bring the record up to date with the articles stored since the last update (``store.update``); False when it was.

    One transaction: readers see the previous record until the new one is
    complete, and a crash leaves the previous one (updated on the next run).
    """
    with Session(engine) as session, session.begin():
        _lock_for_rebuild(session)
        changed = resolving.update(session)
        if changed:
            generation.bump(session.connection())
        return changed


def rebuild_all(engine: Engine) -> None:
    """Resolve the whole record again from every stored fact: after an upgrade of bilat's rules, say."""
    with Session(engine) as session, session.begin():
        _lock_for_rebuild(session)
        resolving.rebuild_all(session)
        generation.bump(session.connection())


def _lock_for_rebuild(session: Session) -> None:
    """One rebuild at a time on a shared PostgreSQL: two would clash on the rows they insert (SQLite has one writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})


def raise_due(engine: Engine, now: datetime | None = None) -> int:
    """Raise the alerts that time alone brings (items open past their age) since the record was last updated; how many."""
    with Session(engine) as session, session.begin():
        _lock_for_rebuild(session)  # one writer of alerts at a time, as of the record
        raised = alerts.raise_alerts(session, pairs=set(), now=now)
        if raised:
            generation.bump(session.connection())
    return raised


def forget(engine: Engine, article_ids: Iterable[str]) -> list[str]:
    """Remove articles, their facts, story bands and the places they were read from; then update the record.

    All in one transaction, so readers see the record with the articles or
    without them, never half of it. Only the blocks of the record their facts
    were in are resolved again (``store.update``). A story led by a forgotten
    article is led by its next stored one. The ids of the articles removed,
    sorted: the others given were not in the store.
    """
    wanted = sorted(set(article_ids))
    with Session(engine) as session, session.begin():
        _lock_for_rebuild(session)
        found = sorted(
            article_id for chunk in _chunks(wanted)
            for article_id in session.scalars(select(m.Article.id).where(m.Article.id.in_(chunk)))
        )
        if not found:
            return []

        def remove() -> None:
            for chunk in _chunks(found):
                for column in (m.Fact.article_id, m.StoryBand.article_id, m.ArticleCopy.article_id, m.Unresolved.article_id,
                               m.Article.id):
                    session.execute(delete(column.class_).where(column.in_(chunk)))
            _pass_stories_on(session, found)

        if resolving.is_blocked(session):
            touched = {block for chunk in _chunks(found) for block in session.scalars(
                select(m.Fact.block).where(m.Fact.article_id.in_(chunk) & m.Fact.block.is_not(None)).distinct())}
            resolving.resolve_blocks(session, touched, between=remove)
        else:
            remove()
        resolving.update(session)  # articles stored but not yet resolved, or a store never resolved by blocks
        generation.bump(session.connection())  # the article list changed, whatever the record does
    return found


def _pass_stories_on(session: Session, gone: list[str]) -> None:
    """Each story whose first stored article is gone is led by its next stored one (``Article.story_id``)."""
    heirs: dict[str, str] = {}
    for chunk in _chunks(gone):
        members = select(m.Article.story_id, m.Article.id).where(m.Article.story_id.in_(chunk))
        for story_id, article_id in session.execute(members.order_by(m.Article.stored_at, m.Article.id)):
            heirs.setdefault(story_id, article_id)
    for story_id, heir in heirs.items():
        session.execute(update(m.Article).where(m.Article.story_id == story_id).values(story_id=heir))


def _chunks(values: list[str]) -> Iterator[list[str]]:
    """``values`` in lists short enough to be the parameters of one statement."""
    for start in range(0, len(values), _KEYS_PER_QUERY):
        yield values[start:start + _KEYS_PER_QUERY]
