"""One occurrence reported by several articles is one event with several sources.

A stated event joins an event already built from other articles when all of
these hold, and otherwise starts a new one:

- same type and the same countries (and the same initiator, except for
  meetings and the establishment of relations, where both sides are equal);
- dates compatible: the days they allow overlap ("2024-11" and
  "2024-11-12/2024-11-16" do; visits in 2016 and 2017 don't). An undated
  statement joins only an event that shares one of its persons;
- persons: when both name persons, at least one is the same person;
- where both give them, the same occasion and counterpart office, and objects
  (for proposals, commitments, invitations) that share most of their words;
- never two statements of one article: the extractor already split them.

Statements are taken in article date order, each joining the compatible event
with which it shares most persons, so the result depends on the articles, not
on the order they were stored in.

The statement with the most precise date speaks for the event, with one
exception: a visit or an attendance lasts, and a day stated within the span
another article gives (the day of one meeting of a state visit) does not
replace the span. An event is background when every article stating it
recalls it: as ``reported``, or dated well before the article.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from datetime import date

from bilat.isodates import DayRange, day_range, overlap, width
from bilat.resolve.model import EventEntity, Stated, entity_id
from bilat.resolve.persons import NameKey
from bilat.text import fold

SYMMETRIC = frozenset({"MEET", "ESTABLISH_RELATIONS"})
WITH_OBJECT = frozenset({"PROPOSE", "COMMIT", "INVITE", "ACCEPT", "CONGRATULATE", "SIGN"})
_STATUS_RANK = {"planned": 0, "reported": 1, "happened": 2}
_OBJECT_OVERLAP = 0.5
"""Share of the shorter object's words the other must have for two objects to be one."""
LASTING = frozenset({"VISIT", "ATTEND"})
"""Types that span days: their stated span stands when a day within it is stated (that of one meeting)."""
ESTABLISHMENT = "diplomatic_relations"
"""The framework of relations established; any other framework reached is an upgrade (FACTS.md)."""
BACKGROUND_DAYS = 60
"""Days before its article's date from which an event is history the article recalls: news reports a
visit within days, a weekly or monthly review within weeks; two months back is the background it gives."""


@dataclass
class _Cluster:
    number: int
    """Its place in its block: candidates are tried in the order the clusters were made."""
    members: list[Stated] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    person_set: set[str] = field(default_factory=set)
    days: DayRange | None = None
    articles: set[str] = field(default_factory=set)
    stated: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The distinct occasions and counterpart offices (folded) and objects its members state."""

    years: set[str] = field(default_factory=set)
    """The years it is filed under in its block."""
    spans: dict[str, DayRange] = field(default_factory=dict)
    """For a lasting event, the distinct ``start/end`` dates its members state, with their days."""

    def join(self, event: Stated, persons: list[str]) -> None:
        self.members.append(event)
        self.articles.add(event.article_id)
        self.persons += [p for p in persons if p not in self.person_set]
        self.person_set.update(persons)
        stated = event.data.get("date") or ""
        if event.data["type"] in LASTING and "/" in stated and stated not in self.spans:
            self.spans[stated] = day_range(stated)  # type: ignore[assignment]  # a joined date has days
        for key in _COMPARED:
            if event.data.get(key):
                self.stated[key].add(_folded(event.data[key]) if key != "object" else event.data[key])


_AGREED = ("occasion", "counterpart_office", "framework")
"""Fields two statements of one event give alike where both give them."""
_COMPARED = (*_AGREED, "object")


@dataclass
class _Block:
    """The clusters of one type and pair, found by the years their days fall in.

    Dated statements only join clusters whose days overlap theirs, so they are
    compared with the clusters of their years and the undated ones, not with
    every visit between two countries in every year.
    """

    clusters: list[_Cluster] = field(default_factory=list)
    by_year: dict[str, list[_Cluster]] = field(default_factory=lambda: defaultdict(list))
    undated: list[_Cluster] = field(default_factory=list)

    def candidates(self, days: DayRange | None) -> list[_Cluster]:
        if days is None:
            return self.clusters
        found = {c.number: c for year in _years(days) for c in self.by_year.get(year, ())}
        found.update((c.number, c) for c in self.undated if c.days is None)
        return [found[number] for number in sorted(found)]

    def new(self) -> _Cluster:
        cluster = _Cluster(len(self.clusters))
        self.clusters.append(cluster)
        self.undated.append(cluster)
        return cluster

    def dated(self, cluster: _Cluster) -> None:
        """File a cluster under the years of its days (which only grow back to a span a member stated)."""
        if cluster.days is not None:
            for year in _years(cluster.days):
                if year not in cluster.years:
                    cluster.years.add(year)
                    self.by_year[year].append(cluster)


def _years(days: DayRange) -> list[str]:
    return [str(year) for year in range(int(days[0][:4]), int(days[1][:4]) + 1)]


def resolve_events(stated: list[Stated], names: dict[NameKey, str]) -> list[EventEntity]:
    blocks: dict[tuple[object, ...], _Block] = defaultdict(_Block)
    for event in sorted(stated, key=lambda s: s.order):
        data = event.data
        actors = data.get("actors") or []
        initiator = None if data["type"] in SYMMETRIC else (actors[0] if actors else None)
        block = blocks[(data["type"], frozenset(actors), initiator)]
        persons = _person_ids(event, names)
        days = day_range(data.get("date"))
        best = max(
            (c for c in block.candidates(days) if _fits(c, event, persons, days)),
            key=lambda c: len(c.person_set.intersection(persons)),
            default=None,
        )
        if best is None:
            best = block.new()
        best.join(event, persons)
        if days is not None:
            best.days = _days(best, days)
            block.dated(best)
    events = [_entity(c) for block in blocks.values() for c in block.clusters]
    events.sort(key=lambda e: (e.sort_date or "9999", e.id))
    return events


def _days(cluster: _Cluster, days: DayRange) -> DayRange:
    """The days a cluster allows once ``days`` joined: those all its members allow, or for a lasting
    event the narrowest span a member states around them (the visit's 12–16, not one meeting's 14)."""
    common = days if cluster.days is None else overlap(cluster.days, days)
    assert common is not None  # a statement joins only a cluster whose days overlap its own
    span = _span(cluster, common)
    return cluster.spans[span] if span else common


def _span(cluster: _Cluster, days: DayRange) -> str | None:
    """For a lasting event, the narrowest ``start/end`` a member states that holds ``days``."""
    holding = [d for d, stated in cluster.spans.items() if _within(days, stated)]
    return min(holding, key=lambda d: (width(d), d)) if holding else None


def _within(inner: DayRange, outer: DayRange | None) -> bool:
    return outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _person_ids(event: Stated, names: dict[NameKey, str]) -> list[str]:
    out: list[str] = []
    for name in event.data.get("persons", []):
        pid = names.get((event.article_id, fold(name)), name)
        if pid not in out:
            out.append(pid)
    return out


def _fits(cluster: _Cluster, event: Stated, persons: list[str], days: DayRange | None) -> bool:
    data = event.data
    dated = days is not None and cluster.days is not None
    # Cheapest first: a block holds every visit between two countries, and most differ by date.
    if dated and overlap(cluster.days, days) is None:  # type: ignore[arg-type]
        return False
    if event.article_id in cluster.articles:
        return False
    shared = not cluster.persons or not persons or not cluster.person_set.isdisjoint(persons)
    if not shared or (not dated and not (cluster.person_set & set(persons))):
        return False
    for key in _AGREED:
        ours = data.get(key)
        if ours and cluster.stated[key] - {_folded(ours)}:
            return False
    if data["type"] in WITH_OBJECT and data.get("object"):
        return all(_same_object(data["object"], other) for other in cluster.stated["object"])
    return True


def _same_object(a: str, b: str | None) -> bool:
    if not b:
        return True
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return True
    return len(words_a & words_b) >= _OBJECT_OVERLAP * min(len(words_a), len(words_b))


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in fold(text).replace(",", " ").split() if len(w) > 1)


@lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    """``fold``, remembered: an event's fields are compared with every candidate's, many times over."""
    return fold(text)


def _entity(cluster: _Cluster) -> EventEntity:
    # The statement with the most precise date speaks for the event; others fill its gaps.
    ranked = sorted(cluster.members, key=lambda s: (width(s.data.get("date")), -len(s.data.get("persons", [])), s.order))
    best = ranked[0].data

    def first(key: str) -> str | None:
        return next((s.data[key] for s in ranked if s.data.get(key)), None)

    precise = day_range(best.get("date"))
    stated = (_span(cluster, precise) if precise else None) or best.get("date")
    days = day_range(stated)
    framework = first("framework")
    return EventEntity(
        id=entity_id("e", min(s.fact_id for s in cluster.members)),
        type=best["type"],
        actors=list(best.get("actors") or []),
        date=stated,
        sort_date=days[0] if days else None,
        status=max((s.data.get("status", "reported") for s in cluster.members), key=lambda v: _STATUS_RANK.get(v, 0)),
        persons=list(cluster.persons),
        place=first("place"),
        occasion=first("occasion"),
        object=first("object"),
        counterpart_office=first("counterpart_office"),
        sources=sorted(s.fact_id for s in cluster.members),
        framework=framework,
        upgrade=framework not in (None, ESTABLISHMENT),
        background=all(_recalled(s) for s in cluster.members),
    )


def _recalled(event: Stated) -> bool:
    """Whether an article tells the event as history: as background, or dated well before the article."""
    if event.data.get("status") == "reported":
        return True
    days, published = day_range(event.data.get("date")), day_range(event.published)
    if days is None or published is None:
        return False
    return (date.fromisoformat(published[0]) - date.fromisoformat(days[1])).days > BACKGROUND_DAYS
