"""The facts of one article, in the shape of FACTS.md (the facts contract, v1).

Each class is one section of the contract; ``Facts.to_dict()`` is exactly the
``--format facts`` JSON object. Field names and codes follow FACTS.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bilat._types import CountryCode, IsoDate, Offsets
from bilat.isodates import known_date

SECTIONS = ("persons", "events", "agreements", "mechanisms", "memberships", "figures")

EVENT_TYPES = (
    "VISIT", "MEET", "ATTEND", "INVITE", "ACCEPT", "PROPOSE",
    "SIGN", "COMMIT", "CONGRATULATE", "ESTABLISH_RELATIONS",
)
OFFICES = (
    "head_of_state", "vice_head_of_state", "head_of_government",
    "deputy_head_of_government", "head_of_legislature", "deputy_head_of_legislature",
    "chief_justice", "party_leader", "foreign_minister", "deputy_foreign_minister",
    "minister", "deputy_minister", "ambassador", "other",
)
AGREEMENT_KINDS = (
    "VISA_EXEMPTION", "INVESTMENT_PROTECTION", "DOUBLE_TAXATION", "TRADE", "MOU",
    "COOPERATION", "OTHER",
)
AGREEMENT_STATUSES = ("proposed", "negotiating", "signed", "in_force")
MECHANISM_KINDS = ("POLITICAL_CONSULTATION", "JOINT_COMMITTEE", "STRATEGIC_DIALOGUE", "OTHER")
INDICATORS = ("bilateral_trade", "exports", "imports", "fdi_stock", "fdi_projects", "other")
EVENT_STATUSES = ("happened", "planned", "reported")
FRAMEWORKS = (
    "diplomatic_relations", "partnership", "comprehensive_partnership", "strategic_partnership",
    "comprehensive_strategic_partnership", "special_relationship", "other",
)
"""The levels an ESTABLISH_RELATIONS event may reach (FACTS.md, "events")."""
DATE_FIELDS = {"events": "date", "agreements": "date", "figures": "period"}
"""The field of each section that holds an ISO date (FACTS.md); the other sections have none."""


def with_known_date(section: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record of ``section`` with its date as unknown (None) if it names no day (``2023-02-30``).

    The one rule for such a date wherever a record is kept or read: the store
    writes it so, and resolving reads one stored by an older bilat so. The
    record itself when its date is fine, else a copy.
    """
    field = DATE_FIELDS.get(section)
    if field is None or record.get(field) is None or known_date(record[field]) is not None:
        return record
    return {**record, field: None}


@dataclass
class Person:
    name: str
    country: CountryCode | None
    office: str | None
    title: str | None
    evidence: Offsets
    aliases: list[str] = field(default_factory=list)


@dataclass
class Event:
    type: str
    actors: list[CountryCode]
    date: IsoDate | None
    status: str
    evidence: Offsets
    persons: list[str] = field(default_factory=list)
    place: str | None = None
    occasion: str | None = None
    object: str | None = None
    counterpart_office: str | None = None
    """For a meeting: the office of the person met (FACTS.md allows it as an extra field)."""
    framework: str | None = None
    """For ESTABLISH_RELATIONS: the level established or reached (FACTS.md: ``strategic_partnership``...)."""


@dataclass
class Agreement:
    kind: str
    scope: str | None
    parties: list[CountryCode]
    status: str
    date: IsoDate | None
    evidence: Offsets


@dataclass
class Mechanism:
    kind: str
    level: str | None
    parties: list[CountryCode]
    evidence: Offsets
    name: str | None = None


@dataclass
class Membership:
    org: str
    countries: list[CountryCode]
    evidence: Offsets


@dataclass
class Figure:
    indicator: str
    parties: list[CountryCode]
    period: IsoDate | None
    value: float
    unit: str
    approx: bool
    evidence: Offsets


@dataclass
class Facts:
    """Everything extracted from one document."""

    doc_id: str
    published: IsoDate | None
    lang: str
    persons: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    mechanisms: list[Mechanism] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The facts-contract JSON object (FACTS.md, "Document")."""
        out: dict[str, Any] = {"doc": {"id": self.doc_id, "published": self.published, "lang": self.lang}}
        for section in SECTIONS:
            out[section] = [_clean(asdict(fact)) for fact in getattr(self, section)]
        return out


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Evidence as a two-item list, as JSON has no tuples."""
    record["evidence"] = list(record["evidence"])
    return record
