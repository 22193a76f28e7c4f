"""Names as the articles of each language write them, and a relationship record in one reader's language.

A person reported by Vietnamese and English articles is one person, under
"Phạm Minh Chính" and "Pham Minh Chinh"; a mechanism may be named in both
languages too. The record keeps the name resolution chose among all forms,
and ``names``: for each language the articles are in, the name those
articles give (``resolve.persons.fullest_name``, ``resolve.records.mechanism_name``,
the rules resolution uses). A reader then sees the names of their language
where its articles state one, and the name chosen among all otherwise.

The names are read with the record, from the stated facts and the language
of their articles, so the schema needs no column for them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bilat.resolve.persons import fullest_name
from bilat.resolve.records import mechanism_name
from bilat.store import models as m

Names = dict[str, str]
"""A language code → the name the articles in that language give."""


def stated_names(session: Session, entity_ids: Iterable[str]) -> dict[str, Names]:
    """For each person (``p…``) or mechanism (``m…``) id, its name as the articles of each language state it."""
    query = (
        select(m.Source.entity_id, m.Article.lang, m.Fact.data)
        .join(m.Fact, m.Fact.id == m.Source.fact_id)
        .join(m.Article, m.Article.id == m.Fact.article_id)
        .where(m.Source.entity_id.in_([i for i in entity_ids if i[:1] in ("p", "m")]))
    )
    forms: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    mechanisms: dict[str, dict[str, list[str | None]]] = defaultdict(lambda: defaultdict(list))
    for entity_id, lang, data in session.execute(query):
        if entity_id.startswith("p"):
            forms[entity_id][lang].update([data["name"], *data.get("aliases", [])])
        else:
            mechanisms[entity_id][lang].append(data.get("name"))
    out: dict[str, Names] = {
        person: {lang: fullest_name(counts) for lang, counts in sorted(by_lang.items())}
        for person, by_lang in forms.items()
    }
    for mechanism, by_lang in mechanisms.items():
        chosen = {lang: mechanism_name(stated) for lang, stated in sorted(by_lang.items())}
        out[mechanism] = {lang: name for lang, name in chosen.items() if name}
    return out


def in_language(record: dict[str, Any], lang: str) -> dict[str, Any]:
    """``record`` (``store.relation``) with persons, the persons of events and mechanisms named as articles in ``lang`` name them.

    A person or mechanism no article in ``lang`` names keeps the name chosen
    among all; a person's other forms, whatever their language, stay its ``aliases``.
    """
    persons = [_person_in(person, lang) for person in record["persons"]]
    before = {person["id"]: person["name"] for person in record["persons"]}
    after = {person["id"]: person["name"] for person in persons}

    def event_in(event: dict[str, Any]) -> dict[str, Any]:
        renamed = {before[i]: after[i] for i in event["person_ids"] if i in before}
        counterpart = event.get("counterpart")
        if counterpart and counterpart["person_id"] in after:
            counterpart = {**counterpart, "name": after[counterpart["person_id"]]}
        return {**event, "persons": [renamed.get(name, name) for name in event["persons"]], "counterpart": counterpart}

    return {
        **record,
        "persons": sorted(persons, key=person_order),
        "events": [event_in(event) for event in record["events"]],
        "mechanisms": [{**x, "name": x["names"].get(lang, x["name"])} for x in record["mechanisms"]],
    }


def person_order(person: dict[str, Any]) -> tuple[str, str, str]:
    """Persons by country, then name in code-point order (the same on every database, whatever its collation)."""
    return person["country"] or "~", person["name"], person["id"]


def _person_in(person: dict[str, Any], lang: str) -> dict[str, Any]:
    name = person["names"].get(lang, person["name"])
    forms = dict.fromkeys([person["name"], *person["aliases"]])
    return {**person, "name": name, "aliases": [form for form in forms if form != name]}
