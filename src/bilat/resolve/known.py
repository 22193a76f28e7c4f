"""What the rest of the record reads of persons resolved already.

Persons merge across every relationship (one prime minister in every pair's
articles), so the record of a pair cannot be resolved with its persons: it
is resolved given them. It reads, of its articles' persons facts, whom each
states and the sighting it makes; of the persons those facts state, their
country and every office they were seen in; and, for a meeting whose side
names no one, everyone seen in an office of a country (``counterparts``).
``of_entities`` answers from a resolution in memory (the whole store at
once); the store answers the same from its tables, for a part of the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bilat.resolve.model import OfficeSeen, PersonEntity

Holding = list[tuple[str, OfficeSeen]]
"""(person id, sighting) of everyone seen in one office of one country."""


@dataclass
class KnownPersons:
    person_of: dict[str, str]
    """Persons fact → the person it states."""
    country: dict[str, str | None]
    """Person id → country, for the persons of ``person_of``."""
    seen: dict[str, OfficeSeen]
    """Persons fact → the sighting it makes."""
    offices: Callable[[str], list[OfficeSeen]]
    """Person id → every sighting of the person, in ``PersonEntity.offices`` order."""
    holding: Callable[[str, str], Holding]
    """(country, office) → everyone seen in it, with each sighting of them there."""

    @classmethod
    def of_entities(cls, persons: list[PersonEntity]) -> KnownPersons:
        by_office: dict[tuple[str, str], Holding] = defaultdict(list)
        for person in persons:
            for office in person.offices:
                if office.country and office.office:
                    by_office[(office.country, office.office)].append((person.id, office))
        offices = {p.id: p.offices for p in persons}
        return cls(
            person_of={fact: p.id for p in persons for fact in p.sources},
            country={p.id: p.country for p in persons},
            seen={o.fact_id: o for p in persons for o in p.offices},
            offices=offices.__getitem__,
            holding=lambda country, office: by_office.get((country, office), []),
        )
