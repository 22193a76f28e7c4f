"""Searching the store: articles, the sentences that state facts, and persons, ranked, with and without tone marks.

The query is read as words (``search_text.query_terms``): every word must
be found, in any order, and the entries holding them as the phrase typed
come first. Punctuation and the search syntax of the database ("AND",
``*``, quotes) are only separators: each word is quoted, so no input is a
syntax error. SQLite ranks by FTS5's BM25, PostgreSQL by ``ts_rank_cd``;
both count a word of a title or name ``TITLE_WEIGHT`` times one of a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, text

from bilat.errors import SearchError
from bilat.store import models as m
from bilat.store.search_text import query_terms, snippet

KINDS = ("article", "fact", "person")
"""What a hit can be (``models.SearchEntry.kind``)."""

DEFAULT_LIMIT = 20
"""Hits per answer: a page of results to read."""

MAX_TERMS = 32
"""Words a query may hold: more than any name or phrase, and a bound on the work of one request."""

TITLE_WEIGHT = 4.0
"""How much more a word of an article's title or of a person's name says of what it is about than one of its text."""


def search(
    engine: Engine, query: str, kind: str | None = None, pair: tuple[str, str] | None = None, limit: int = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """The entries that hold every word of ``query``, best first: at most ``limit``, of one ``kind`` and ``pair`` if given.

    ``counts`` says how many there are of each kind (of ``pair``, whatever
    the ``kind``): what a results page offers to narrow to. Raises
    ``SearchError`` for a query with no word to look for.
    """
    terms = query_terms(query)
    if not terms:
        raise SearchError(f"nothing to search for in {query!r}: give a word or a name")
    if len(terms) > MAX_TERMS:
        raise SearchError(f"too many words to search for ({len(terms)}): give at most {MAX_TERMS}")
    if kind is not None and kind not in KINDS:
        raise SearchError(f"no kind of hit {kind!r}: give one of {', '.join(KINDS)}")
    with engine.connect() as connection:
        matcher = _MATCHERS[connection.dialect.name](terms)
        where, values = _filters(pair)
        values.update(matcher.values)
        counts = dict(connection.execute(text(
            f"SELECT e.kind, count(*) FROM {matcher.source} WHERE {matcher.every}{where} GROUP BY e.kind"
        ), values).all())
        if kind is not None:
            where, values = f"{where} AND e.kind = :kind", {**values, "kind": kind}
        tiers = " UNION ALL ".join(
            f"SELECT {_COLUMNS}, {tier} AS tier, {matcher.score} AS score "
            f"FROM {matcher.source} LEFT JOIN article a ON a.id = e.article_id WHERE {condition}{where}"
            for tier, condition in matcher.tiers
        )
        rows = connection.execute(
            text(f"{tiers} ORDER BY tier DESC, score DESC, kind, \"key\" LIMIT :limit"), {**values, "limit": limit}
        ).mappings().all()
        facts = _facts(connection, [row for row in rows if row["kind"] == "fact"])
    return {
        "query": query, "terms": terms, "counts": {k: counts.get(k, 0) for k in KINDS},
        "items": [_hit(row, terms, facts) for row in rows],
    }


_COLUMNS = (
    'e.kind, e."key", e.article_id, e.start, e."end", e.title, e.date, e.pair, e.lang, '
    'CASE WHEN e.article_id IS NULL THEN e.text ELSE substr(a.text, e.start + 1, e."end" - e.start) END AS shown'
)
"""What a hit is made of: the entry, and the text it was found in (a person's names, a passage of the article)."""


@dataclass(frozen=True)
class _Matcher:
    """The full-text part of the query on one database.

    ``every`` keeps the entries holding every word; ``tiers`` split them
    into ranks that come one after the other (``(rank, condition)``): those
    holding the phrase as typed first, as "Da Nang" is "Đà Nẵng" before it is
    "đã nâng"; ``score`` orders each tier.
    """

    source: str
    every: str
    tiers: list[tuple[str, str]]
    score: str
    values: dict[str, Any]


def _sqlite(terms: list[str]) -> _Matcher:
    """FTS5, each word quoted; BM25 (lower for better matches, hence negated)."""
    every = " AND ".join(f'"{term}"' for term in terms)  # a term is letters and digits only: nothing to escape
    phrase = f'"{" ".join(terms)}"'
    tiers = [("1", "search_fts MATCH :phrase"), ("0", "search_fts MATCH :others")] if len(terms) > 1 else [("0", "search_fts MATCH :every")]
    return _Matcher(
        "search_fts JOIN search_entry e ON e.id = search_fts.rowid", "search_fts MATCH :every", tiers,
        f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0)",
        {"every": every, "phrase": phrase, "others": f"({every}) NOT {phrase}"},
    )


def _postgresql(terms: list[str]) -> _Matcher:
    """The ``simple`` configuration over the folded words, ranked by ``ts_rank_cd``."""
    weights = f"'{{0, 0, {1 / TITLE_WEIGHT}, 1}}'::float4[]"  # D, C, B (text), A (title)
    every = "e.search_vector @@ plainto_tsquery('simple', :words)"
    return _Matcher(
        "search_entry e", every, [("(e.search_vector @@ phraseto_tsquery('simple', :words))::int", every)],
        f"ts_rank_cd({weights}, e.search_vector, plainto_tsquery('simple', :words), {_LENGTH_NORMALISED})",
        {"words": " ".join(terms)},
    )


_LENGTH_NORMALISED = 1
"""``ts_rank_cd`` divides by 1 + the log of the text's length, as BM25 favours the shorter of two texts that match alike."""

_MATCHERS = {"sqlite": _sqlite, "postgresql": _postgresql}


def _filters(pair: tuple[str, str] | None) -> tuple[str, dict[str, Any]]:
    """Only the entries of articles not withdrawn, and that involve both countries of ``pair``."""
    if pair is None:
        return _LIVE, {}
    first, second = pair
    return f"{_LIVE} AND e.countries LIKE :first AND e.countries LIKE :second", {"first": f"% {first} %", "second": f"% {second} %"}


_LIVE = " AND NOT EXISTS (SELECT 1 FROM article w WHERE w.id = e.article_id AND w.withdrawn_at IS NOT NULL)"
"""A withdrawn article (``store.withdrawn``) is out of the record, and so out of what search finds: its entries
stay for when it is read again. Each entry's article is one look-up by its primary key."""


def _facts(connection: Connection, rows: list[Any]) -> dict[tuple[str, int, int], tuple[list[dict[str, Any]], list[str]]]:
    """The facts each sentence found states (as ``store.article`` gives them), and the merged facts of the record they
    became (none before the record is rebuilt)."""
    if not rows:
        return {}
    wanted = {(row["article_id"], row["start"], row["end"]) for row in rows}
    query = (
        select(m.Fact.id, m.Fact.article_id, m.Fact.section, m.Fact.position, m.Fact.data, m.Fact.start, m.Fact.end,
               m.Source.entity_id)
        .outerjoin(m.Source, m.Source.fact_id == m.Fact.id)
        .where(m.Fact.article_id.in_(bindparam("articles", expanding=True)))
        .order_by(m.Fact.article_id, m.Fact.start, m.Fact.id)
    )
    out: dict[tuple[str, int, int], tuple[list[dict[str, Any]], list[str]]] = {}
    for fact in connection.execute(query, {"articles": sorted({article for article, _, _ in wanted})}):
        span = (fact.article_id, fact.start, fact.end)
        if span in wanted:
            stated = out.setdefault(span, ([], []))
            stated[0].append({"id": fact.id, "section": fact.section, "data": fact.data, "evidence": [fact.start, fact.end]})
            if fact.entity_id:
                stated[1].append(fact.entity_id)
    return out


def _hit(row: Any, terms: list[str], facts: dict[tuple[str, int, int], tuple[list[dict[str, Any]], list[str]]]) -> dict[str, Any]:
    shown, marks = snippet(row["shown"] or "", terms)
    stated, entities = facts.get((row["article_id"], row["start"], row["end"]), ([], [])) if row["kind"] == "fact" else ([], [])
    entities = list(dict.fromkeys(entities))
    return {
        "kind": row["kind"], "id": row["key"], "title": row["title"], "snippet": shown, "marks": [list(x) for x in marks],
        "lang": row["lang"], "date": row["date"], "pair": row["pair"].split("-") if row["pair"] else None,
        "article": row["article_id"], "evidence": [row["start"], row["end"]] if row["kind"] == "fact" else None,
        "facts": stated, "entities": entities, "link": _link(row),
        "relation": _relation_link(row, row["key"] if row["kind"] == "person" else next(iter(entities), None)),
    }


def _link(row: Any) -> str:
    """The web page that shows the hit: the article, the article with the sentence highlighted, or the person's record."""
    if row["kind"] == "article":
        return f"/articles/{row['article_id']}"
    if row["kind"] == "fact":
        return f"/articles/{row['article_id']}?span={row['start']}-{row['end']}#evidence"
    return _relation_link(row, row["key"]) or f"/api/facts/{row['key']}"


def _relation_link(row: Any, entity: str | None) -> str | None:
    """The record of the hit's pair, at the fact or person when there is one."""
    if not row["pair"]:
        return None
    return f"/r/{row['pair']}" + (f"#{entity}" if entity else "")

