"""The search index: what the search box finds, kept current with every write, forget and rebuild.

Entries (``models.SearchEntry``) are of three kinds:

    article  an article's title and body (its header block left out)
    fact     a sentence of an article that states facts (persons aside), once however many it states
    person   a person of the record: every form of the name, in every language, and the titles seen

An article's entries are written in the transaction that stores it, and go
with it (the foreign key cascades; on SQLite, triggers keep the FTS5 table in
step). Persons are resolved, so their entries are made again with each
rebuild of the record. ``reindex`` makes every entry from the stored tables,
for a store that had none (migration 0004).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from bilat.extract.facts import SECTIONS
from bilat.ingest.read import parse_header
from bilat.store import models as m
from bilat.store.stated import CHUNK
from bilat.store.search_text import folded

SEARCHED_CHARS = 100_000
"""Characters of an article's body that are searched: five times a long news article. Bounded, so that one
enormous input cannot exceed PostgreSQL's limit on one ``tsvector`` (1 MB) and fail its whole batch."""

PERSON_FORMS = " · "
"""What parts a person's names and titles in the text searched and shown."""

_COUNTRIES = {
    "persons": "country", "events": "actors", "agreements": "parties",
    "mechanisms": "parties", "memberships": "countries", "figures": "parties",
}
"""The field naming the countries of a fact, per section (FACTS.md)."""

_DATES = {"events": "date", "agreements": "date", "figures": "period"}
"""The field dating a fact, per section; the others are dated by their article."""

FTS_TABLE = "search_fts"
VECTOR_COLUMN = "search_vector"
VECTOR_INDEX = "ix_search_entry_vector"

SQLITE_INDEX = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(folded_title, folded_text, content='search_entry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER search_entry_indexed AFTER INSERT ON search_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, folded_title, folded_text) VALUES (new.id, new.folded_title, new.folded_text); END",
    f"CREATE TRIGGER search_entry_unindexed AFTER DELETE ON search_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, folded_title, folded_text) "
    "VALUES ('delete', old.id, old.folded_title, old.folded_text); END",
)
"""SQLite: an FTS5 table over ``search_entry`` (external content: the words are stored once), kept by triggers,
which a cascade from a forgotten article fires too. Entries are never updated, only written and deleted.
``remove_diacritics 2`` is the folding's second line: the words arrive folded already."""

POSTGRESQL_INDEX = (
    f"ALTER TABLE search_entry ADD COLUMN {VECTOR_COLUMN} tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, folded_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, folded_text), 'B')) STORED",
    f"CREATE INDEX {VECTOR_INDEX} ON search_entry USING gin ({VECTOR_COLUMN})",
)
"""PostgreSQL: the words as a ``tsvector`` of the ``simple`` configuration (no stemming, no stop words: the words
are Vietnamese and English alike), titles weighted apart from text, in a GIN index. Stored, so that ranking reads
it rather than parsing every text found again."""


def is_modelled(name: str | None, type_: str, parent_names: Mapping[str, Any]) -> bool:
    """Whether a schema object is one the models describe: the full-text index is made by its migration alone.

    Alembic's ``include_name`` hook, so that comparing the models with the
    database leaves out the FTS5 table (and the tables FTS5 keeps beside it)
    and the ``tsvector`` column and its index.
    """
    if type_ == "table":
        return not (name or "").startswith(FTS_TABLE)
    return name not in (VECTOR_COLUMN, VECTOR_INDEX)


def article_entries(article: Mapping[str, Any], body_start: int, facts: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The entries of one article (a row of ``article``) and the sentences its facts (rows of ``fact``) cite."""
    text: str = article["text"]
    by_span: dict[tuple[int, int], list[Mapping[str, Any]]] = {}
    for fact in sorted(facts, key=_fact_order):
        if fact["section"] != "persons":  # a person is found as a person, and the sentences naming them as events
            by_span.setdefault((fact["start"], fact["end"]), []).append(fact)
    stated = [fact for group in by_span.values() for fact in group]
    body_end = min(len(text), body_start + SEARCHED_CHARS)
    entries = [_entry(
        "article", article["id"], article, body_start, body_end, stated, article["published"],
        folded_title=folded(article["title"]),
    )]
    for (start, end), group in by_span.items():
        dated = [fact["data"].get(_DATES[fact["section"]]) for fact in group if fact["section"] in _DATES]
        date = next((d for d in dated if d), article["published"])
        entries.append(_entry("fact", group[0]["id"], article, start, end, group, date, folded_title=""))
    return entries


def _entry(
    kind: str, key: str, article: Mapping[str, Any], start: int, end: int, facts: list[Mapping[str, Any]],
    date: str | None, folded_title: str,
) -> dict[str, Any]:
    return {
        "kind": kind, "key": key, "article_id": article["id"], "start": start, "end": end, "text": None,
        "title": article["title"] or article["name"], "date": date, "lang": article["lang"],
        **_places([_countries(fact) for fact in facts]),
        "folded_title": folded_title, "folded_text": folded(article["text"][start:end]),
    }


def _fact_order(fact: Mapping[str, Any]) -> tuple[int, int, int]:
    """Facts by their sentence, then as the facts contract lists them: the first stands for its sentence."""
    return fact["start"], SECTIONS.index(fact["section"]), fact["position"]


def _countries(fact: Mapping[str, Any]) -> list[str]:
    value = fact["data"].get(_COUNTRIES[fact["section"]])
    return [value] if isinstance(value, str) else list(value or [])


def _places(stated: list[list[str]]) -> dict[str, Any]:
    """``pair``, the pair most facts name (the first named on a tie), and ``countries``, all they name."""
    pairs = Counter(
        "-".join(sorted(distinct[:2])) for countries in stated if len(distinct := list(dict.fromkeys(countries))) >= 2
    )
    every = sorted({code for countries in stated for code in countries if code})
    return {
        "pair": pairs.most_common(1)[0][0] if pairs else None,
        "countries": f" {' '.join(every)} " if every else " ",
    }


def write_entries(connection: Connection, entries: list[dict[str, Any]]) -> None:
    if entries:
        connection.execute(insert(m.SearchEntry), entries)


def index_persons(connection: Connection, only: Iterable[str] | None = None) -> None:
    """Make the persons' entries again, from the record just rebuilt: every person's, or ``only`` these.

    A person's text is every form of the name and every title seen (a
    reader may search for "Chủ tịch nước"); their pair is their country and
    the one their events most often involve. Those events are in the
    articles that state the person (an article's events name its persons),
    so the entries of a few persons read their articles, not every event.
    """
    wanted = None if only is None else sorted(set(only))
    entries = [] if wanted == [] else _person_entries(connection, wanted)
    if wanted is None:
        connection.execute(delete(m.SearchEntry).where(m.SearchEntry.kind == "person"))
    for start in range(0, len(wanted or []), CHUNK):
        chunk = wanted[start:start + CHUNK]  # type: ignore[index]
        connection.execute(delete(m.SearchEntry).where((m.SearchEntry.kind == "person") & m.SearchEntry.key.in_(chunk)))
    write_entries(connection, entries)


def _person_entries(connection: Connection, wanted: list[str] | None) -> list[dict[str, Any]]:
    titles: dict[str, list[str]] = defaultdict(list)
    last_seen: dict[str, str] = {}
    involved: dict[str, list[str]] = defaultdict(list)
    people: list[tuple[str, str, list[str], str | None]] = []
    for chunk in [None] if wanted is None else [wanted[i:i + CHUNK] for i in range(0, len(wanted), CHUNK)]:
        among = set(chunk or ())
        offices = select(m.Office.person_id, m.Office.title, m.Office.date).order_by(m.Office.id)  # a person's as seen
        persons = select(m.Person.id, m.Person.name, m.Person.aliases, m.Person.country)
        # In timeline order, whatever order they were written in: the first partner of a tie stands for the pair.
        events = select(m.Event.actors, m.Event.persons).order_by(func.coalesce(m.Event.sort_date, "9999"), m.Event.id)
        if chunk is not None:
            offices = offices.where(m.Office.person_id.in_(chunk))
            persons = persons.where(m.Person.id.in_(chunk))
            articles = select(m.Fact.article_id).join(m.Source, m.Source.fact_id == m.Fact.id).where(m.Source.entity_id.in_(chunk))
            stated = select(m.Source.entity_id).join(m.Fact, m.Fact.id == m.Source.fact_id).where(
                m.Fact.article_id.in_(articles) & (m.Fact.section == "events"))
            events = events.where(m.Event.id.in_(stated))
        for person_id, title, date in connection.execute(offices):
            if title:
                titles[person_id].append(title)
            if date:
                last_seen[person_id] = max(last_seen.get(person_id, ""), date.split("/")[-1])
        for actors, named in connection.execute(events):
            for person_id in named:
                if chunk is None or person_id in among:
                    involved[person_id].extend(actors)
        people += [tuple(row) for row in connection.execute(persons)]  # type: ignore[misc]
    entries = []
    for person_id, name, aliases, country in sorted(people):
        forms = list(dict.fromkeys([name, *aliases]))
        seen_as = list(dict.fromkeys(titles[person_id]))
        partners = Counter(code for code in involved[person_id] if code and code != country)
        pair = [country, partners.most_common(1)[0][0]] if country and partners else []
        every = sorted({*partners, *([country] if country else [])})
        entries.append({
            "kind": "person", "key": person_id, "article_id": None, "start": None, "end": None,
            "text": PERSON_FORMS.join([*forms, *seen_as]), "title": name, "date": last_seen.get(person_id), "lang": None,
            "pair": "-".join(sorted(pair)) or None, "countries": f" {' '.join(every)} ",
            "folded_title": " ".join(map(folded, forms)), "folded_text": " ".join(map(folded, seen_as)),
        })
    return entries


def reindex(connection: Connection) -> None:
    """Make every entry from the stored articles, facts and record (a store that had no index)."""
    connection.execute(delete(m.SearchEntry))
    columns = (m.Article.id, m.Article.name, m.Article.text, m.Article.title, m.Article.published, m.Article.lang)
    fact_columns = (m.Fact.id, m.Fact.section, m.Fact.position, m.Fact.data, m.Fact.start, m.Fact.end)
    for article_id in connection.scalars(select(m.Article.id).order_by(m.Article.id)).all():  # one text in memory at a time
        row = connection.execute(select(*columns).where(m.Article.id == article_id)).mappings().one()
        facts = connection.execute(select(*fact_columns).where(m.Fact.article_id == article_id)).mappings().all()
        write_entries(connection, article_entries(row, parse_header(row["text"])[1], facts))
    index_persons(connection)
