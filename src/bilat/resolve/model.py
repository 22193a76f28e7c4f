"""What resolution reads (facts as articles state them) and what it returns (entities)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from typing import Any

from bilat.extract.facts import with_known_date
from bilat.isodates import known_date


@dataclass(frozen=True)
class Stated:
    """One fact as one article states it: a facts-contract record and where it comes from."""

    fact_id: str
    article_id: str
    section: str
    position: int
    published: str | None
    """The article's date: what "now" meant for the article."""
    data: dict[str, Any]
    quote: str | None = None
    """For a meeting: the sentence its evidence covers, where the persons it names are read (``counterparts``)."""

    @property
    def order(self) -> tuple[str, str, int]:
        """Articles in date order (undated last), then facts in article order; fixed by content alone."""
        return (self.published or "9999", self.article_id, self.position)


def with_known_dates(fact: Stated) -> Stated:
    """The fact with each date that names no day (``0000``, ``2023-13``) as unknown, as the store now writes it.

    Such dates were stored by older versions of bilat; read as unknown, they
    cost the record a date, not the rebuild of the whole record.
    """
    data = with_known_date(fact.section, fact.data)
    published = known_date(fact.published)
    if data is fact.data and published == fact.published:
        return fact
    return replace(fact, published=published, data=data)


def first_fit(
    stated: list[Stated], block: Callable[[Stated], Hashable], fits: Callable[[list[Stated], Stated], bool]
) -> list[list[Stated]]:
    """Group statements in article order: each joins the first group of its block it fits, else starts one."""
    blocks: dict[Hashable, list[list[Stated]]] = defaultdict(list)
    for fact in sorted(stated, key=lambda s: s.order):
        groups = blocks[block(fact)]
        home = next((group for group in groups if fits(group, fact)), None)
        if home is None:
            groups.append([fact])
        else:
            home.append(fact)
    return [group for groups in blocks.values() for group in groups]


def kind_and_parties(fact: Stated) -> Hashable:
    """The block of an agreement or mechanism: only statements of one kind between the same parties can match."""
    return (fact.data["kind"], frozenset(fact.data.get("parties") or []))


def entity_id(prefix: str, *parts: str) -> str:
    """A short id derived from content, so a rebuild from the same articles gives the same ids."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:13]}"


@dataclass
class OfficeSeen:
    office: str | None
    title: str | None
    country: str | None
    date: str | None
    fact_id: str


@dataclass
class PersonEntity:
    id: str
    name: str
    aliases: list[str]
    country: str | None
    office: str | None
    title: str | None
    offices: list[OfficeSeen]
    sources: list[str]


@dataclass
class Counterpart:
    """Who a meeting's side that names no person met as: a person, inferred, or only the office stated.

    ``inferred`` says the person is not named by the event's statements but
    found by ``basis`` (``resolve.counterparts.BASES``), from the persons fact
    ``fact_id``: the article that says who held the office, or who travelled.
    """

    country: str
    office: str | None
    person_id: str | None
    inferred: bool
    basis: str | None
    fact_id: str | None


@dataclass
class EventEntity:
    id: str
    type: str
    actors: list[str]
    date: str | None
    sort_date: str | None
    status: str
    persons: list[str]
    """Person ids; a name that matched no person of its article stays a name."""
    place: str | None
    occasion: str | None
    object: str | None
    counterpart_office: str | None
    sources: list[str]
    agreement_id: str | None = None
    framework: str | None = None
    """For ESTABLISH_RELATIONS: the level established or reached (FACTS.md)."""
    upgrade: bool = False
    """For ESTABLISH_RELATIONS: a partnership reached, not diplomatic relations established."""
    background: bool = False
    """Every article stating it recalls it (``reported``, or dated well before the article): history, not news."""
    trip_id: str | None = None
    """The visit whose trip this event is part of (the visit's own id for the visit itself)."""
    counterpart: Counterpart | None = None


@dataclass
class StatusSeen:
    status: str
    date: str | None
    as_of: str | None
    fact_id: str


@dataclass
class AgreementEntity:
    id: str
    kind: str
    scope: str | None
    parties: list[str]
    status: str
    date: str | None
    history: list[StatusSeen]
    sources: list[str]


@dataclass
class MechanismEntity:
    id: str
    kind: str
    level: str | None
    name: str | None
    parties: list[str]
    sources: list[str]


@dataclass
class MembershipEntity:
    id: str
    org: str
    country: str
    sources: list[str]


@dataclass
class FigureEntity:
    id: str
    indicator: str
    parties: list[str]
    period: str | None
    value: float
    unit: str
    approx: bool
    sources: list[str]


@dataclass
class LinkEntity:
    source_id: str
    target_id: str
    reason: str
    """The link told in English, with its dates (for logs, the terminal and the API)."""
    rule: str
    """Which rule made it, one of ``LINK_RULES``: worded in each reader's language by the pages."""


LINK_RULES = ("first_visit_after", "same_article", "first_visit_after_article", "same_agreement", "agreement_reached")


@dataclass
class Resolution:
    persons: list[PersonEntity] = field(default_factory=list)
    events: list[EventEntity] = field(default_factory=list)
    agreements: list[AgreementEntity] = field(default_factory=list)
    mechanisms: list[MechanismEntity] = field(default_factory=list)
    memberships: list[MembershipEntity] = field(default_factory=list)
    figures: list[FigureEntity] = field(default_factory=list)
    links: list[LinkEntity] = field(default_factory=list)
