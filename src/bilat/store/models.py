"""The database schema, as SQLAlchemy 2 models.

Two layers. **Observed**: ``Article`` and ``Fact`` hold each article's full
text and its facts exactly as extracted (one row per fact, the facts-contract
record as JSON, its evidence span as columns). They are written once per
article, in one transaction, and never changed.

**Resolved**: persons, events, agreements... merged across articles by
``bilat.resolve``. They are rebuilt from the observed layer in one transaction
whenever it grew, so they are always a function of the stored articles and
never half-updated. ``Source`` ties every resolved entity to the facts that
state it, ``Party`` indexes entities by country for per-relationship queries.
Resolved ids are derived from content (see ``bilat.resolve.ids``), so they
stay the same when the store is rebuilt from the same articles.

The schema is created and changed by the Alembic migrations in
``store/migrations``; keep both in step (``alembic revision --autogenerate``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Json = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: Json, list[Any]: Json}


class Article(Base):
    """One article as read: its full text, so every evidence span can be shown."""

    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("content_key", name="uq_article_content_key"),)

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    """The first 16 hex digits of ``sha256``: stable, whatever order articles arrive in."""
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    """The document id of the facts contract (a file's stem)."""
    source: Mapped[str | None] = mapped_column(Text)
    """Where it came from: the header's ``source:`` URL, else the file path."""
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    """The web address it was published at (``source`` when that is one): what a briefing cites (migration 0004)."""
    outlet: Mapped[str | None] = mapped_column(Text)
    """The outlet that published it, named from ``url``'s host (``ingest.outlets``)."""
    published: Mapped[str | None] = mapped_column(String(32))
    """The article's date as extracted (header, else inferred), ISO at its precision."""
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_key: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the body in NFC with whitespace collapsed: the same story under another header is a copy."""
    story_id: Mapped[str] = mapped_column(String(16), index=True)
    """The first stored article of its story: itself, or the one it nearly duplicates (a syndicated copy)."""
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    """The body's MinHash signature (``resolve.stories``); None for a text too short to compare."""
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    """When every place it was read from was found gone (``store.withdrawn``): kept, but out of the record (migration watch)."""


# The article list's order, newest first (migration 0003).
Index("ix_article_newest", Article.published.desc(), Article.name, Article.id)
# The articles stored since a time: what alerts look at again (migration alerts).
Index("ix_article_stored", Article.stored_at, Article.id)
# The count of articles per language, read by every page (migration pair_summaries).
Index("ix_article_lang", Article.lang)


class StoryBand(Base):
    """One band of an article's MinHash signature: articles with an equal band are candidate copies of each other."""

    __tablename__ = "story_band"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    """A 64-bit hash of the band's values (``resolve.stories.bands``); first in the key, to look articles up by it."""
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)


class ArticleCopy(Base):
    """Every place an article's text was read from: its first source and each exact duplicate's."""

    __tablename__ = "article_copy"

    article_id: Mapped[str] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(Text, primary_key=True)
    """The URL or path it came from (a JSON Lines line as ``FILE:LINE`` when it has no URL)."""
    name: Mapped[str] = mapped_column(String(255))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    """When the watched file it was read from was deleted, or its text replaced (migration watch)."""


class Skip(Base):
    """An input that was not stored, and why: the latest verdict for each file, or line of a dump."""

    __tablename__ = "skip"
    __table_args__ = (Index("ix_skip_path", "path"),)

    where: Mapped[str] = mapped_column(Text, primary_key=True)
    """The file, ``FILE:LINE`` for a line of a dump, or ``FILE [ID]`` for an article of one."""
    path: Mapped[str] = mapped_column(Text)
    """The file it was read from: reading that file again replaces its skips."""
    kind: Mapped[str] = mapped_column(String(32))
    """A short reason to count by (``binary``, ``empty``, ``language not read``...)."""
    reason: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Fact(Base):
    """One fact as one article states it (a record of the facts contract)."""

    __tablename__ = "fact"
    __table_args__ = (Index("ix_fact_article", "article_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    """``ARTICLE:SECTION:POSITION``, e.g. ``1f3a...:events:4``."""
    article_id: Mapped[str] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    section: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    """The record without ``evidence``, as in ``--format facts``."""
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    block: Mapped[str | None] = mapped_column(String(16), index=True)
    """The part of the record it is resolved with (``store.blocks``); None until it is (migration incremental_resolution)."""


# Resolved layer: rebuilt by bilat.resolve from the facts above.


class Person(Base):
    __tablename__ = "person"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    """The fullest form seen."""
    aliases: Mapped[list[Any]]
    country: Mapped[str | None] = mapped_column(String(2))
    office: Mapped[str | None] = mapped_column(String(32))
    """The office of the latest observation."""
    title: Mapped[str | None] = mapped_column(Text)


class Office(Base):
    """A person seen holding an office at a date: the observation, not an inferred term."""

    __tablename__ = "office"
    __table_args__ = (Index("ix_office_person", "person_id"), Index("ix_office_country_office", "country", "office"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    country: Mapped[str | None] = mapped_column(String(2))
    office: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32))
    """When the article shows the person in that office (its event's date, else its own date)."""
    fact_id: Mapped[str] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"))


class Event(Base):
    __tablename__ = "event"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    type: Mapped[str] = mapped_column(String(24))
    actors: Mapped[list[Any]]
    date: Mapped[str | None] = mapped_column(String(32))
    sort_date: Mapped[str | None] = mapped_column(String(10), index=True)
    """The first day ``date`` can mean (``YYYY-MM-DD``), for ordering a timeline."""
    status: Mapped[str] = mapped_column(String(16))
    persons: Mapped[list[Any]]
    """Person ids, in order of first mention; names that resolved to no person stay names."""
    place: Mapped[str | None] = mapped_column(Text)
    occasion: Mapped[str | None] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    counterpart_office: Mapped[str | None] = mapped_column(String(32))
    agreement_id: Mapped[str | None] = mapped_column(String(16))
    """For a PROPOSE or SIGN about an agreement: that agreement."""
    framework: Mapped[str | None] = mapped_column(String(40))
    """For ESTABLISH_RELATIONS: the level established or reached (FACTS.md); migration record_trips."""
    upgrade: Mapped[bool | None] = mapped_column(Boolean)
    """For ESTABLISH_RELATIONS: a partnership reached, not diplomatic relations established."""
    background: Mapped[bool | None] = mapped_column(Boolean)
    """Every article stating it recalls it: history the articles give, not what they report."""
    trip_id: Mapped[str | None] = mapped_column(String(16), index=True)
    """The visit whose trip it is part of (``resolve.trips``); a visit's own id for the visit."""
    counterpart: Mapped[dict[str, Any] | None]
    """For a meeting whose side names no person: whom it met as (``resolve.model.Counterpart``)."""


class Agreement(Base):
    __tablename__ = "agreement"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[Any]]
    status: Mapped[str] = mapped_column(String(16))
    """The current status: that of the latest statement."""
    date: Mapped[str | None] = mapped_column(String(32))
    """When it reached its current status, where stated."""


class AgreementStatus(Base):
    """One statement of an agreement's status, in the order they happened."""

    __tablename__ = "agreement_status"
    __table_args__ = (Index("ix_agreement_status_agreement", "agreement_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(32))
    """The date the article gives for that status, if any."""
    as_of: Mapped[str | None] = mapped_column(String(32))
    """The article's own date: the status held then at the latest."""
    fact_id: Mapped[str] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"))


class Mechanism(Base):
    __tablename__ = "mechanism"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[Any]]


class Membership(Base):
    """One country's membership of one organisation."""

    __tablename__ = "membership"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    org: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(String(2), index=True)


class Figure(Base):
    __tablename__ = "figure"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    indicator: Mapped[str] = mapped_column(String(24))
    parties: Mapped[list[Any]]
    period: Mapped[str | None] = mapped_column(String(32))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(8))
    approx: Mapped[bool] = mapped_column(Boolean)


class Party(Base):
    """Which countries an event, agreement, mechanism or figure involves: the per-pair index."""

    __tablename__ = "party"

    entity_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    country: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)
    """An ISO code, or a bloc that is a party in its own name (``data/parties.toml``: "EU", "MERCOSUR")."""


class Source(Base):
    """A resolved entity stated by a fact (and so by an article, at an evidence span)."""

    __tablename__ = "source"
    __table_args__ = (Index("ix_source_fact", "fact_id"),)

    entity_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    fact_id: Mapped[str] = mapped_column(ForeignKey("fact.id", ondelete="CASCADE"), primary_key=True)


class Link(Base):
    """An event that fulfils an earlier one (an invitation honoured by a visit...), and why."""

    __tablename__ = "link"
    __table_args__ = (Index("ix_link_source", "source_id"), Index("ix_link_target", "target_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    """The invitation, proposal or acceptance."""
    target_id: Mapped[str] = mapped_column(String(16))
    """The later event that fulfils it, or the agreement a proposal led to."""
    reason: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(32))
    """Which rule made the link (``resolve.model.LINK_RULES``), for wording it in the reader's language."""


class State(Base):
    """Small key/value facts about the store (which articles the resolved layer was built from)."""

    __tablename__ = "state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SearchEntry(Base):
    """One thing the search box finds: an article, a quoted sentence stating facts, or a person (``store.search_index``).

    ``folded_title`` and ``folded_text`` are its words without case or tone
    marks ("Lương Cường" → "luong cuong", "Đà" → "da"), one space apart: what
    the full-text index reads, made in Python so that SQLite and PostgreSQL
    (whose ``unaccent`` may not be installed) search the same words. The index
    itself is not modelled here: an FTS5 table kept by triggers on SQLite, a
    generated ``tsvector`` column on PostgreSQL (migration 0004).
    """

    __tablename__ = "search_entry"
    __table_args__ = (Index("ix_search_entry_article", "article_id"), Index("ix_search_entry_kind", "kind"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    """The row the full-text index points at (FTS5's ``rowid``)."""
    kind: Mapped[str] = mapped_column(String(8))
    """``article``, ``fact`` or ``person``."""
    key: Mapped[str] = mapped_column(String(40))
    """The article's id, the first fact stated by the sentence (``ARTICLE:SECTION:POSITION``), or the person's id."""
    article_id: Mapped[str | None] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    """The article it is read from (None for a person): forgetting the article forgets it."""
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    """The span of the article's text searched: its body, or the sentence."""
    text: Mapped[str | None] = mapped_column(Text)
    """A person's names and titles, one per line (an article's words are its text's)."""
    title: Mapped[str | None] = mapped_column(Text)
    """What a hit is shown as: the article's title (its name when it has none), or the person's name."""
    date: Mapped[str | None] = mapped_column(String(32))
    """The article's date, the date its sentence's facts give, or the last a person was seen in office."""
    pair: Mapped[str | None] = mapped_column(String(33))
    """The relationship it is mostly about, ``A-B`` (the record's page to open): two parties of 16 and a hyphen."""
    countries: Mapped[str] = mapped_column(Text)
    """Every country it involves, each between spaces (`` PE VN ``), to keep the hits of one pair."""
    lang: Mapped[str | None] = mapped_column(String(8))
    """The article's language (None for a person, named in several)."""
    folded_title: Mapped[str] = mapped_column(Text)
    folded_text: Mapped[str] = mapped_column(Text)


class FollowedFeed(Base):
    """A feed or sitemap ``bilat follow`` polls: what its last answer said, so that the next asks only for what changed.

    A sitemap index's sitemaps are rows too: each is asked with its own
    validators. Kept across restarts, so a follower started again neither
    fetches an unchanged feed whole nor polls it before its interval.
    """

    __tablename__ = "followed_feed"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    """The feed's last ``ETag``, sent back as ``If-None-Match``."""
    last_modified: Mapped[str | None] = mapped_column(Text)
    """The feed's last ``Last-Modified``, sent back as ``If-Modified-Since``."""
    polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    """Polls in a row that failed (0 once one succeeds)."""
    error: Mapped[str | None] = mapped_column(Text)
    """Why the latest poll failed, while it does."""
    sitemaps: Mapped[list[Any] | None]
    """For a sitemap index, the sitemaps its last full answer listed: polled again when it answers 304, as a
    sitemap of today's articles changes while the index listing it does not."""


class FetchedPage(Base):
    """An article page a feed listed, fetched once: stored, or skipped (``Skip`` says why), never fetched again.

    A page whose fetch failed for a passing reason (a timeout, a 503) is
    tried again at the next polls of its feed, ``follow.loop.PAGE_ATTEMPTS`` times in all.
    """

    __tablename__ = "fetched_page"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    """The address the feed lists (before any redirect): what a later poll finds again."""
    feed: Mapped[str] = mapped_column(Text, index=True)
    """The feed that listed it first."""
    outcome: Mapped[str] = mapped_column(String(16))
    """``stored``, ``duplicate``, ``already stored``, ``skipped``, or ``failed`` (to be tried again)."""
    article_id: Mapped[str | None] = mapped_column(String(16))
    """The article its text is, once stored; kept when the article is forgotten, so that it is not fetched again."""
    published: Mapped[str | None] = mapped_column(String(32))
    """The date its feed gave it, for a page that states none (read again when the page is tried again)."""
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# Alerts: what changed in the record of a followed pair (``store.alerts``); kept across rebuilds.


class FollowedPair(Base):
    """A pair whose record raises alerts, and since when: what the record held before then raises none."""

    __tablename__ = "followed_pair"

    pair: Mapped[str] = mapped_column(String(33), primary_key=True)
    """``A-B`` with the codes in order, or ``*`` for every pair, present and future."""
    age_days: Mapped[int | None] = mapped_column(Integer)
    """An invitation or proposal open longer than this raises an ``aging`` alert (None: never)."""
    followed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Alert(Base):
    """One alert: raised once for its kind, pair and entity, however often the record is rebuilt."""

    __tablename__ = "alert"
    __table_args__ = (
        UniqueConstraint("kind", "pair", "anchor", name="uq_alert_kind_pair_anchor"),
        Index("ix_alert_raised", "raised_at"),
        Index("ix_alert_pair_raised", "pair", "raised_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    """In the order alerts were raised: what a webhook was last sent is the highest id it received."""
    kind: Mapped[str] = mapped_column(String(16))
    """``fulfilled``, ``contact``, ``signing`` or ``aging``."""
    pair: Mapped[str] = mapped_column(String(33))
    """``A-B``, the codes in order."""
    anchor: Mapped[str] = mapped_column(String(40))
    """The first fact stating the entity alerted: a fact's id never changes, an entity's can (``store.alerts``)."""
    entities: Mapped[list[Any]]
    """The ids of the entities, as the record had them when the alert was raised (the item, then what fulfilled it)."""
    details: Mapped[dict[str, Any]]
    """What the alert says, as plain data (types, countries, dates, names): worded in each reader's language."""
    fact_id: Mapped[str | None] = mapped_column(String(40))
    """The fact that is the alert's evidence, in ``article_id``."""
    article_id: Mapped[str | None] = mapped_column(String(16))
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AlertFact(Base):
    """A fact stating an alert's entity when it was raised: an entity holding one of them was alerted already."""

    __tablename__ = "alert_fact"
    __table_args__ = (Index("ix_alert_fact_fact", "fact_id"),)

    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id", ondelete="CASCADE"), primary_key=True)
    fact_id: Mapped[str] = mapped_column(String(40), primary_key=True)


class AlertDelivery(Base):
    """What a webhook was sent: alerts after ``delivered_through`` are sent next time, a failure with them."""

    __tablename__ = "alert_delivery"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    delivered_through: Mapped[int] = mapped_column(Integer)
    """The highest alert id the webhook accepted (0: none yet)."""
    attempted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)
    """Why the latest attempt failed (None when it succeeded)."""


class WatchedFile(Base):
    """A file of a watched folder as ``bilat watch`` last stored it: a restart reads again only what changed since."""

    __tablename__ = "watched_file"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    """The file's absolute path (``ingest.display_path``)."""
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    """Of the bytes read: a file touched but not changed is not read again."""
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WatchedArticle(Base):
    """An article a watched file gave, and the place (``ArticleCopy.source``) it was recorded as read from."""

    __tablename__ = "watched_article"
    __table_args__ = (Index("ix_watched_article_place", "article_id", "source"),)

    path: Mapped[str] = mapped_column(ForeignKey("watched_file.path", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    source: Mapped[str] = mapped_column(Text, primary_key=True)
# Summaries of the resolved layer (``store.summaries``), written with it: what the reads show, without scanning.


class PairSummary(Base):
    """One pair of parties the store holds shared facts about: the index of pairs' line, and the record's counts."""

    __tablename__ = "pair_summary"
    __table_args__ = (Index("ix_pair_summary_order", "articles", "events"),)

    first: Mapped[str] = mapped_column(String(16), primary_key=True)
    second: Mapped[str] = mapped_column(String(16), primary_key=True)
    """The two parties' codes, in order (``Party.country``)."""
    events: Mapped[int] = mapped_column(Integer)
    agreements: Mapped[int] = mapped_column(Integer)
    mechanisms: Mapped[int] = mapped_column(Integer)
    figures: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)
    """Articles stating a fact of the pair, every copy of a story counted (the index of pairs)."""
    record_articles: Mapped[int] = mapped_column(Integer)
    """Articles speaking for a story among the record's sources, shared memberships' included (the record)."""
    languages: Mapped[dict[str, Any]]
    """How many of ``record_articles`` are in each language."""
    latest: Mapped[str | None] = mapped_column(String(32))
    """The date of the latest event that took place, as stored."""


class PairPerson(Base):
    """A person a pair's record shows: named by its events, or of either party and stated by its articles."""

    __tablename__ = "pair_person"

    first: Mapped[str] = mapped_column(String(16), primary_key=True)
    second: Mapped[str] = mapped_column(String(16), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(16), primary_key=True)


class PairMember(Base):
    """An event, agreement, mechanism or figure both parties of a pair are party to: the facts its record shows.

    Read instead of grouping every ``party`` row of either country (a country in many pairs has thousands).
    """

    __tablename__ = "pair_member"

    first: Mapped[str] = mapped_column(String(16), primary_key=True)
    second: Mapped[str] = mapped_column(String(16), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(16), primary_key=True)


class EntitySummary(Base):
    """What a record shows of one entity beyond its columns: a few sources and their count, names, offices."""

    __tablename__ = "entity_summary"

    entity_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    sources_total: Mapped[int] = mapped_column(Integer)
    """Its sources, one per story; ``sources`` lists the first few (``summaries.SOURCES_LISTED``)."""
    sources: Mapped[list[Any]]
    names: Mapped[dict[str, Any]]
    """Its name as the articles of each language state it (``store.names``): persons and mechanisms."""
    offices: Mapped[list[Any]]
    """A person's offices as seen (``query._offices``): first and last sighting of each."""
    sightings: Mapped[int] = mapped_column(Integer)


# What lets the record be resolved a part at a time (``store.update``; migration incremental_resolution).


class BlockKey(Base):
    """What a fact is resolved together with (``store.blocks``): facts sharing a key are in one block."""

    __tablename__ = "block_key"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    block: Mapped[str] = mapped_column(String(16), index=True)


class BlockNeed(Base):
    """An office whose holders a meeting of a block reads, and the meeting's days (``resolve.counterparts.holder_office``)."""

    __tablename__ = "block_need"
    __table_args__ = (Index("ix_block_need_block", "block"), Index("ix_block_need_office", "country", "office", "start"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    country: Mapped[str] = mapped_column(String(16))
    office: Mapped[str] = mapped_column(String(32))
    start: Mapped[str] = mapped_column(String(10))
    end: Mapped[str] = mapped_column(String(10))
    """The meeting's first and last day (``YYYY-MM-DD``): who was seen in the office around them is read."""
    block: Mapped[str] = mapped_column(String(16))


class Unresolved(Base):
    """An article stored since the record was last brought up to date: the work the next update does."""

    __tablename__ = "unresolved_article"

    article_id: Mapped[str] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
