"""One person under several names, across articles; the offices each was seen holding, and when.

Two stated persons are the same person when their countries do not differ and
one of these holds:

- a full name (two words or more) is the same after folding case and tone
  marks ("Pham Minh Chinh" = "Phạm Minh Chính");
- both have a country, and the words of one full name are all in the other
  ("Dina Boluarte" in "Dina Ercilia Boluarte Zegarra");
- both have a country and the same office, and a one-word name is a word of
  the other's name ("Tổng thống Zegarra").

So two people who share a surname stay two when their country or office differ.
Names stated by one article are never merged with each other: the extractor
already gave one entry per person there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from bilat.isodates import day_range
from bilat.resolve.model import OfficeSeen, PersonEntity, Stated, entity_id
from bilat.text import fold

NameKey = tuple[str, str]
"""(article id, folded name): how an article's events name a person."""


class PersonForm:
    """How a person is stated (names folded, country, office): what ``same_names`` compares."""

    def __init__(self, folded: list[str], country: str | None, office: str | None) -> None:
        self.folded = folded
        self.full = {f for f in self.folded if len(f.split()) >= 2}
        self.words = {w for f in self.folded for w in f.split()}
        self.country = country
        self.office = office

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> PersonForm:
        """The form of a persons fact (FACTS.md)."""
        return cls([fold(n) for n in names_stated(data)], data.get("country"), data.get("office"))

    @property
    def key(self) -> tuple[object, ...]:
        """What ``same_names`` looks at: statements with one key are the same person whenever their articles differ."""
        return tuple(self.folded), self.country, self.office

    def same_names(self, other: PersonForm) -> bool:
        if self.country and other.country and self.country != other.country:
            return False
        if self.full & other.full:
            return True
        if not (self.country and other.country):
            return False
        if any(_within(a, b) or _within(b, a) for a in self.full for b in other.full):
            return True
        if self.office and self.office == other.office:
            singles = {f for f in self.folded if " " not in f}
            other_singles = {f for f in other.folded if " " not in f}
            return bool(singles & other.words or other_singles & self.words)
        return False


class _Seen(PersonForm):
    """A stated person with its folded names."""

    def __init__(self, stated: Stated) -> None:
        self.names = names_stated(stated.data)
        super().__init__([fold(n) for n in self.names], stated.data.get("country"), stated.data.get("office"))
        self.stated = stated


def names_stated(data: Mapping[str, Any]) -> list[str]:
    """A persons fact's name, then its aliases."""
    return [data["name"], *data.get("aliases", [])]


def _within(shorter: str, longer: str) -> bool:
    return set(shorter.split()) <= set(longer.split())


def resolve_persons(stated: list[Stated], when: Mapping[str, str | None]) -> list[PersonEntity]:
    """Persons merged across articles.

    ``when`` gives, for a persons fact, the date its article shows the person
    in office (that of the event they take part in, ``office_dates``); missing
    means the article's date.
    """
    seen = [_Seen(s) for s in sorted(stated, key=lambda s: s.order)]
    persons = [_person(members, when) for members in _group(seen)]
    persons.sort(key=lambda p: p.id)
    return persons


def names_of(stated: Iterable[Stated], person_of: Mapping[str, str]) -> dict[NameKey, str]:
    """How each article's events name its persons: (article, folded name) → person id.

    Read from the article's own persons facts (``person_of`` maps each to its
    person), so that a part of the record is resolved with the names of its
    articles alone; a name two persons of one article share is the first's.
    """
    names: dict[NameKey, str] = {}
    for fact in sorted(stated, key=lambda s: s.order):
        person_id = person_of.get(fact.fact_id)
        if person_id is not None:
            for name in names_stated(fact.data):
                names.setdefault((fact.article_id, fold(name)), person_id)
    return names


def _group(seen: list[_Seen]) -> list[list[_Seen]]:
    """Union-find over the pairs that can match: those where one has a name whose words the other all has.

    A person named in a thousand articles is stated a thousand times with the
    same names, country and office: those statements are merged at once, and
    only the first of each is compared with the others, so the work grows
    with the number of different ways persons are stated, not its square.
    """
    parent = list(range(len(seen)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The articles in each group: a group never takes two persons of one article.
    articles = [{person.stated.article_id} for person in seen]

    def union(i: int, j: int) -> None:
        root_i, root_j = find(i), find(j)
        if root_i != root_j and not articles[root_i] & articles[root_j]:
            parent[root_j] = root_i
            articles[root_i] |= articles[root_j]

    first_of: dict[tuple[object, ...], int] = {}
    for i, person in enumerate(seen):
        first = first_of.setdefault(person.key, i)
        if first != i and person.same_names(seen[first]):
            union(first, i)
    firsts = sorted(first_of.values())
    by_word: dict[str, set[int]] = defaultdict(set)
    for i in firsts:
        for word in seen[i].words:
            by_word[word].add(i)
    for i in firsts:
        person = seen[i]
        candidates: set[int] = set()
        for folded in set(person.folded):
            holders = sorted((by_word[w] for w in folded.split()), key=len)
            candidates |= holders[0].intersection(*holders[1:])
        for j in sorted(candidates - {i}):
            if find(i) != find(j) and person.same_names(seen[j]):
                union(i, j)
    groups: dict[int, list[_Seen]] = defaultdict(list)
    for i, person in enumerate(seen):
        groups[find(i)].append(person)
    return list(groups.values())


def fullest_name(forms: Mapping[str, int]) -> str:
    """The form to show of a person's names (each with how often it was written).

    The one with most words, then most often written, counting the spellings
    of one name with and without tone marks together ("Pham Minh Chinh" in
    English articles and "Phạm Minh Chính" in Vietnamese ones are one name),
    and of those spellings the one with its tone marks.
    """
    spellings: Counter[str] = Counter()
    for form, count in forms.items():
        spellings[fold(form)] += count
    return max(forms, key=lambda n: (len(n.split()), spellings[fold(n)], _marks(n), forms[n], n))


def _marks(name: str) -> int:
    return sum(not c.isascii() for c in name)


def _person(members: list[_Seen], when: Mapping[str, str | None]) -> PersonEntity:
    forms = Counter(name for m in members for name in m.names)
    name = fullest_name(forms)
    aliases = sorted((f for f in forms if f != name), key=lambda f: (-forms[f], f))
    offices = []
    for member in members:
        data = member.stated.data
        date = when.get(member.stated.fact_id, member.stated.published)
        offices.append(OfficeSeen(data.get("office"), data.get("title"), data.get("country"), date, member.stated.fact_id))
    offices.sort(key=office_order)
    latest = offices[-1]
    countries = Counter(m.country for m in members if m.country)
    return PersonEntity(
        id=entity_id("p", min(m.stated.fact_id for m in members)),
        name=name,
        aliases=aliases,
        country=countries.most_common(1)[0][0] if countries else None,
        office=latest.office,
        title=latest.title,
        offices=offices,
        sources=sorted(m.stated.fact_id for m in members),
    )


def office_order(office: OfficeSeen) -> tuple[str, str]:
    """A person's offices in the order they were seen: undated first, latest last."""
    return (day_range(office.date) or ("",))[0], office.fact_id


def office_dates(events: Iterable[Stated], persons: Iterable[Stated]) -> dict[str, str | None]:
    """For each persons fact, the date of the first event of its article it takes part in.

    Events the article tells as current come first; background ("reported")
    ones are used when the person appears in no other. A person in no dated
    event is shown in office at the article's date. A fact's date depends on
    its own article alone, so it is stored with the person's offices and read
    back when the person is resolved again.
    """
    first: dict[NameKey, str] = {}
    background: dict[NameKey, str] = {}
    for event in sorted(events, key=lambda s: s.order):
        date = event.data.get("date")
        if not date:
            continue
        target = background if event.data.get("status") == "reported" else first
        for name in event.data.get("persons", []):
            target.setdefault((event.article_id, fold(name)), date)
    dates: dict[str, str | None] = {}
    for person in persons:
        keys = [(person.article_id, fold(n)) for n in names_stated(person.data)]
        date = next((first[k] for k in keys if k in first), None) or next(
            (background[k] for k in keys if k in background), None
        )
        dates[person.fact_id] = date or person.published
    return dates
