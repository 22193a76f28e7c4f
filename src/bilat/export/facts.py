"""The facts an export holds: those of one pair's record or of every pair's, one at a time, each once, citable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from bilat import store
from bilat.report.choices import EXPORT_SECTIONS

SECTIONS = EXPORT_SECTIONS

Record = dict[str, Any]


@dataclass(frozen=True)
class Exported:
    """One fact of a section, as the record holds it, with ``sources`` a reader can cite.

    Each source names its article (id, name, title, date, the web address it
    was read from, if any), the evidence span and its quote. A person's
    sources are the sentences showing them in office. An event also says
    whether it is ``open`` (a promise nothing is known to have fulfilled),
    and the ``agreement_kind`` of the agreement it is about, if any.
    """

    section: str
    fact: dict[str, Any]


def pair_records(engine: Engine, first: str, second: str) -> Iterator[Record]:
    """The record of one pair, every source of each fact listed."""
    yield store.relation(engine, first, second, every_source=True)


def store_records(engine: Engine) -> Iterator[Record]:
    """The record of every pair the store holds shared facts about, most documented first, read one at a time."""
    for pair in store.relations(engine):
        yield store.relation(engine, *pair["countries"], every_source=True)


def exported(
    engine: Engine, records: Iterable[Record], sections: Iterable[str] = SECTIONS, lang: str | None = None,
) -> Iterator[Exported]:
    """Every fact of ``sections`` in ``records``, section by section within each record.

    A fact of several pairs (a person, an event of three countries) comes
    once, with the first record holding it: the ids seen are kept, a few
    bytes each. With ``lang``, persons and mechanisms are named as the
    articles in that language name them (``store.in_language``).
    """
    wanted = list(sections)
    seen: set[Any] = set()
    for record in records:
        if lang is not None:
            record = store.in_language(record, lang)
        cited = store.cited_articles(engine, _articles(record, wanted))
        quotes = store.evidence_quotes(engine, _sighting_facts(record)) if "persons" in wanted else {}
        open_items = set(record["open"])
        kinds = {agreement["id"]: agreement["kind"] for agreement in record["agreements"]}
        for section in wanted:
            for fact in record[section]:
                key = fact["id"] if "id" in fact else (section, fact["org"], *fact["countries"])
                if key in seen:
                    continue
                seen.add(key)
                sources = _sightings(fact, quotes) if section == "persons" else fact["sources"]
                extra = _event_extra(fact, open_items, kinds) if section == "events" else {}
                yield Exported(section, {**fact, **extra, "sources": [_citable(s, cited) for s in sources]})


def _event_extra(event: dict[str, Any], open_items: set[str], kinds: dict[str, str]) -> dict[str, Any]:
    return {"open": event["id"] in open_items, "agreement_kind": kinds.get(event["agreement_id"] or "")}


def _articles(record: Record, sections: list[str]) -> set[str]:
    """The articles the sources of ``sections`` come from."""
    found = set()
    for section in sections:
        for fact in record[section]:
            if section == "persons":
                found.update(office["source"]["article"] for office in fact["offices"])
            else:
                found.update(source["article"] for source in fact["sources"])
    return found


def _sighting_facts(record: Record) -> list[str]:
    return [office["fact"] for person in record["persons"] for office in person["offices"]]


def _sightings(person: dict[str, Any], quotes: dict[str, str]) -> list[dict[str, Any]]:
    """A person's sources: the sentences that show them in an office, each once."""
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for office in person["offices"]:
        source = office["source"]
        out.setdefault((source["article"], *source["evidence"]), {**source, "quote": quotes.get(office["fact"])})
    return list(out.values())


def _citable(source: dict[str, Any], cited: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "article": source["article"], **cited[source["article"]], "evidence": source["evidence"],
        "quote": source.get("quote"), "also": source.get("also", []), "also_count": source.get("also_count", 0),
    }
