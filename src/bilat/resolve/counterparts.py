"""Whom a meeting's unnamed side met as: the person who held the office, or the office itself.

"Chủ tịch nước Lương Cường hội kiến Chủ tịch Quốc hội Peru" names one side's
person and the other's office (``counterpart_office``, the office of the
side met: the event's second actor, FACTS.md). For a meeting whose side
names no person, in order:

- ``same_sentence``: a person of a side naming none whose full name the
  meeting's sentence gives ("Prime Minister Pham Minh Chinh ... at a
  reception ... for UAE Minister ..."), the extractor having missed them;

- ``same_article``: the person of that country and office the meeting's own
  article shows in it then ("Tổng thống Peru Dina Boluarte" a sentence
  earlier; not the former presidents its history paragraph recalls);
- ``office_holder``: the person the store saw in that office of that
  country on the meeting's date, or on both sides of it, or within
  ``HOLDER_MARGIN_DAYS`` on one side only (the last one seen before and the
  first seen after it, when both are that close, could each have held it);
- ``trip``: for the visiting side, the person who made the visit the
  meeting is part of (``resolve.trips``);
- else the office alone, so the page can say "the President of the Congress of Peru".

An inferred person says so (``inferred``), with the persons fact that shows
them in that office or on that trip: one click from the sentence that says who held it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from bilat.isodates import DayRange, day_range
from bilat.resolve.known import KnownPersons
from bilat.resolve.model import Counterpart, EventEntity, OfficeSeen, Stated
from bilat.text import fold

BASES = ("same_sentence", "same_article", "office_holder", "trip")
"""The rules that infer a counterpart (``Counterpart.basis``)."""
HOLDER_MARGIN_DAYS = 365
"""How far before or after the last sighting of an office's holder they are taken to hold it still: terms of
heads of state and government run four or five years, a minister's rarely less than one."""


@dataclass(frozen=True)
class _Sighting:
    country: str
    office: str
    days: DayRange | None
    person_id: str
    fact_id: str


class OfficeHolders:
    """Who was seen in each office of each country, and when (undated sightings say nothing of when).

    Read an office at a time from ``seen_in``: a meeting asks of one office,
    and the store answers it from an index, not from every person it holds.
    """

    def __init__(self, seen_in: Callable[[str, str], Iterable[_Sighting]]) -> None:
        self._seen_in = seen_in
        self._dated: dict[tuple[str, str], tuple[list[_Sighting], list[str]]] = {}

    @classmethod
    def among(cls, seen: Iterable[_Sighting]) -> OfficeHolders:
        by_office: dict[tuple[str, str], list[_Sighting]] = defaultdict(list)
        for sighting in seen:
            by_office[(sighting.country, sighting.office)].append(sighting)
        return cls(lambda country, office: by_office.get((country, office), ()))

    def _sightings(self, country: str, office: str) -> tuple[list[_Sighting], list[str]]:
        key = (country, office)
        if key not in self._dated:
            found = sorted((s for s in self._seen_in(country, office) if s.days is not None), key=lambda s: (s.days, s.fact_id))
            self._dated[key] = found, [s.days[0] for s in found]  # type: ignore[index]  # dated, just filtered
        return self._dated[key]

    def holder(self, country: str, office: str, days: DayRange) -> _Sighting | None:
        """The one person seen in that office around ``days``; None when no one, or several, could be."""
        sightings, starts = self._sightings(country, office)
        if not sightings:
            return None
        during = [s for s in sightings if s.days[0] <= days[1] and days[0] <= s.days[1]]  # type: ignore[index]
        if during:
            return during[0] if len({s.person_id for s in during}) == 1 else None
        at = bisect_left(starts, days[0])
        before = max(sightings[:at], key=lambda s: (s.days[1], s.fact_id), default=None)  # type: ignore[index]
        after = sightings[at] if at < len(sightings) else None
        if before is not None and after is not None and before.person_id == after.person_id:
            return before  # seen in it on both sides of the date
        near = [s for s in (before, after) if s is not None and _gap(s.days, days) <= HOLDER_MARGIN_DAYS]  # type: ignore[arg-type]
        return near[0] if len(near) == 1 else None


def holder_office(event: EventEntity, country_of: Callable[[str], str | None]) -> tuple[str, str] | None:
    """The office of a country whose holders a meeting's counterpart may be looked up among, if any.

    The side met (the second actor) names no person, and its office is stated:
    who held that office then (``meeting_days``), as any article shows, may be
    whom it met. A change to who was seen in that office around then can change
    this meeting's record.
    """
    if event.type != "MEET" or len(set(event.actors)) != 2 or not event.counterpart_office:
        return None
    met = event.actors[1]
    if met in {country_of(p) for p in event.persons}:
        return None
    return met, event.counterpart_office


def _gap(a: DayRange, b: DayRange) -> int:
    first, second = sorted((a, b))
    return (date.fromisoformat(second[0]) - date.fromisoformat(first[1])).days


def infer_counterparts(
    events: list[EventEntity], persons: KnownPersons, event_facts: dict[str, Stated], person_facts: list[Stated],
) -> None:
    """Set ``counterpart`` on each meeting one of whose sides names no person.

    ``person_facts`` are the persons facts of the events' articles, ``persons`` what is known of whom they state.
    """
    country_of = persons.country.get
    holders = OfficeHolders(lambda country, office: (
        _Sighting(country, office, day_range(seen.date), person_id, seen.fact_id)
        for person_id, seen in persons.holding(country, office)
    ))
    article_of = {f.fact_id: f.article_id for f in person_facts}
    in_article: dict[str, list[_Sighting]] = defaultdict(list)
    for fact in person_facts:
        seen, person_id = persons.seen.get(fact.fact_id), persons.person_of.get(fact.fact_id)
        if seen is not None and person_id is not None and seen.country and seen.office:
            in_article[fact.article_id].append(_Sighting(seen.country, seen.office, day_range(seen.date), person_id, fact.fact_id))
    visits = {e.id: e for e in events if e.type == "VISIT"}
    full_names: dict[tuple[str, str], list[tuple[str, str, str, str | None]]] = defaultdict(list)
    """(article, country) → the full names (``_padded``) of its persons of that country, with their id, fact and office."""
    for fact in person_facts:
        person_id = persons.person_of.get(fact.fact_id)
        country = fact.data.get("country")
        if person_id and country:
            for name in {fold(n) for n in (fact.data["name"], *fact.data.get("aliases", [])) if len(n.split()) > 1}:
                full_names[(fact.article_id, country)].append((_padded(name), person_id, fact.fact_id, fact.data.get("office")))
    for event in events:
        if event.type != "MEET" or len(set(event.actors)) != 2:
            continue
        named = {country_of(p) for p in event.persons}
        missing = [c for c in event.actors[::-1] if c not in named]
        if not missing:
            continue
        articles = sorted({event_facts[f].article_id for f in event.sources})
        said = " ".join(_padded(event_facts[f].quote) for f in event.sources)
        sentence = next(((c, f) for c in missing if (f := _in_sentence(said, c, articles, full_names))), None)
        side = sentence[0] if sentence else missing[0]
        office = event.counterpart_office if side == event.actors[1] else None
        found = sentence[1] if sentence else None
        days = meeting_days(event, event_facts)
        if office and found is None:
            told = [s for article in articles for s in in_article.get(article, ()) if (s.country, s.office) == (side, office)]
            if days is None:  # no date to tell holders apart: the article's one holder of the office, if it names one
                found = _found(told[0] if len({s.person_id for s in told}) == 1 else None, "same_article")
            else:
                found = _found(OfficeHolders.among(told).holder(side, office, days), "same_article") or _found(
                    holders.holder(side, office, days), "office_holder")
        visit = visits.get(event.trip_id or "")
        if found is None and visit is not None and visit.actors[0] == side:
            told = {event_facts[f].article_id for f in visit.sources}
            found = _visitor(visit, country_of, persons.offices, told, article_of)
        if found is not None:
            person_id, fact_id, basis, held = found
            event.counterpart = Counterpart(side, held, person_id, True, basis, fact_id)
        elif office:
            event.counterpart = Counterpart(side, office, None, False, None, None)


def _padded(quote: str | None) -> str:
    """A sentence folded, with the spaces that let a name be found as whole words."""
    return f" {' '.join(_WORD.findall(fold(quote or '')))} "


_WORD = re.compile(r"\w+")


def _in_sentence(
    said: str, side: str, articles: list[str], full_names: dict[tuple[str, str], list[tuple[str, str, str, str | None]]],
) -> _Found | None:
    """The one person of ``side`` whose full name the meeting's sentence gives (a single word could be anything)."""
    named = {(p, f, o) for a in articles for name, p, f, o in full_names.get((a, side), ()) if name in said}
    if len({p for p, _, _ in named}) != 1:
        return None
    person_id, fact_id, office = min(named, key=lambda n: n[1])
    return person_id, fact_id, "same_sentence", office


def meeting_days(event: EventEntity, event_facts: dict[str, Stated]) -> DayRange | None:
    """The meeting's days, or its first article's date: when the office was held."""
    return day_range(event.date) or min(
        (d for d in (day_range(event_facts[f].published) for f in event.sources) if d), default=None
    )


_Found = tuple[str, str, str, str | None]
"""The person, the persons fact that shows them, the basis, and the office they held."""


def _found(seen: _Sighting | None, basis: str) -> _Found | None:
    return (seen.person_id, seen.fact_id, basis, seen.office) if seen else None


def _visitor(
    visit: EventEntity, country_of: Callable[[str], str | None], offices_of: Callable[[str], list[OfficeSeen]],
    articles: set[str], article_of: dict[str, str],
) -> _Found | None:
    """The first person of the visiting side the visit names, with their persons fact in the visit's article."""
    guest = visit.actors[0]
    person_id = next((p for p in visit.persons if country_of(p) == guest), None)
    if person_id is None:
        return None
    offices = offices_of(person_id)
    shown = next((o for o in offices if article_of.get(o.fact_id) in articles), offices[0] if offices else None)
    return (person_id, shown.fact_id, "trip", shown.office) if shown else None
