"""What the store knows of its persons, as the record of a part of it reads them (``resolve.known``).

Read when asked: a meeting asks who held one office, a visit the offices of
its visitor; the offices' index answers each, so a part of the record reads
the persons it names, not every person of the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from bilat.resolve import KnownPersons
from bilat.resolve.known import Holding
from bilat.resolve.model import OfficeSeen
from bilat.resolve.persons import office_order
from bilat.store import models as m
from bilat.store.stated import CHUNK

_SEEN = (m.Office.office, m.Office.title, m.Office.country, m.Office.date, m.Office.fact_id)


def known_persons(session: Session, person_facts: Iterable[str]) -> KnownPersons:
    """The persons the persons facts ``person_facts`` state, as the store holds them now."""
    wanted = sorted(set(person_facts))
    person_of: dict[str, str] = {}
    seen: dict[str, OfficeSeen] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        person_of.update((fact, person) for fact, person in session.execute(
            select(m.Source.fact_id, m.Source.entity_id).where(m.Source.fact_id.in_(chunk))))
        for person_id, *columns in session.execute(select(m.Office.person_id, *_SEEN).where(m.Office.fact_id.in_(chunk))):
            seen[columns[-1]] = OfficeSeen(*columns)
    ids = sorted(set(person_of.values()))
    country: dict[str, str | None] = {}
    for start in range(0, len(ids), CHUNK):
        country.update((person, code) for person, code in session.execute(
            select(m.Person.id, m.Person.country).where(m.Person.id.in_(ids[start:start + CHUNK]))))

    @cache
    def offices(person_id: str) -> list[OfficeSeen]:
        found = [OfficeSeen(*row) for row in session.execute(select(*_SEEN).where(m.Office.person_id == person_id))]
        return sorted(found, key=office_order)

    @cache
    def holding(country_code: str, office: str) -> Holding:
        query = select(m.Office.person_id, *_SEEN).where((m.Office.country == country_code) & (m.Office.office == office))
        return [(person_id, OfficeSeen(*columns)) for person_id, *columns in session.execute(query)]

    return KnownPersons(person_of=person_of, country=country, seen=seen, offices=offices, holding=holding)
