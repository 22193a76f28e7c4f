"""Reading the record of a relationship, and who held which office, from the resolved layer; and the articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, Engine, Row, func, select, tuple_, type_coerce
from sqlalchemy.orm import Session

from bilat.countries import country_name
from bilat.extract.facts import OFFICES
from bilat.ingest.outlets import article_url, outlet_name
from bilat.resolve.glance import framework_history, glance
from bilat.store import models as m
from bilat.store import summaries
from bilat.store.names import person_order, stated_names

OPEN_TYPES = ("INVITE", "ACCEPT", "PROPOSE", "COMMIT")
"""Events that promise something: open until an event or agreement fulfils them."""

ALSO_LISTED = 5
"""How many other articles of a source's story are named: a wire report can run in thousands of outlets, and a
reader (or client) needs a few to open, and the count, not all of them in every record."""


def relation(engine: Engine, first: str, second: str, every_source: bool = False) -> dict[str, Any]:
    """Everything the store knows about the relationship of two countries (ISO codes), as JSON-ready data.

    Events, agreements, mechanisms and figures are those involving both
    countries; memberships are the organisations both belong to; persons are
    those of either country named by these facts or by the articles that state them.
    Each fact lists its first few sources (``summaries.SOURCES_LISTED``) and
    counts them all (``sources_total``), as written with the record; with
    ``every_source``, every one is listed (an export), read from all the stored facts.
    """
    with Session(engine) as session:
        summary = None if every_source else session.get(m.PairSummary, tuple(sorted((first, second))))
        shared = _shared_entities(session, first, second) if summary is None else _summary_members(session, summary)
        events = session.scalars(select(m.Event).where(m.Event.id.in_(shared))).all()
        agreements = session.scalars(select(m.Agreement).where(m.Agreement.id.in_(shared))).all()
        mechanisms = session.scalars(select(m.Mechanism).where(m.Mechanism.id.in_(shared))).all()
        figures = session.scalars(select(m.Figure).where(m.Figure.id.in_(shared))).all()
        memberships = _shared_memberships(session, first, second)
        entity_ids = [*shared, *(x.id for group in memberships.values() for x in group)]
        if summary is None:
            sources = _sources(session, entity_ids)
            totals = {entity_id: len(found) for entity_id, found in sources.items()}
            articles = {s["article"] for group in sources.values() for s in group}
            article_count, languages = len(articles), _languages(session, articles)
            persons = _persons(session, events, articles, (first, second))
        else:
            sources, totals = _listed_sources(session, entity_ids)
            article_count, languages = summary.record_articles, summary.languages
            persons = _summary_persons(session, summary)
        names = {p.id: p.name for p in persons}
        event_ids = {e.id for e in events}
        links = _Links(session.scalars(select(m.Link).where(m.Link.source_id.in_(event_ids) | m.Link.target_id.in_(event_ids))))
        history = _history(session, [a.id for a in agreements])
        offices, sightings = _listed_offices(session, [p.id for p in persons])
        stated = _listed_names(session, [*(p.id for p in persons), *(x.id for x in mechanisms)])

        cited = _citations(session, [e.counterpart["fact_id"] for e in events if e.counterpart and e.counterpart["fact_id"]])
        event_records = [_event(e, names, sources, links, event_ids, cited) | _total(e.id, totals) for e in events]
        event_records.sort(key=lambda e: (e["sort_date"] or "9999", e["id"]))
        _list_parts(event_records)
        record = {
            "countries": [{"code": c, "name": country_name(c)} for c in (first, second)],
            "articles": article_count,
            "languages": languages,
            "persons": [
                {**_columns(p), "names": stated.get(p.id, {}), "offices": offices[p.id], "sightings": sightings[p.id]}
                for p in persons
            ],
            "events": event_records,
            "open": [e["id"] for e in event_records if e["type"] in OPEN_TYPES and not e["links"]],
            "agreements": sorted(
                (_agreement(a, history[a.id], sources) | _total(a.id, totals) for a in agreements),
                key=lambda a: (a["kind"], a["id"]),
            ),
            "mechanisms": sorted(
                ({**_columns(x), "names": stated.get(x.id, {}), "sources": sources[x.id], **_total(x.id, totals)}
                 for x in mechanisms),
                key=lambda x: (x["kind"], x["id"]),
            ),
            "memberships": [
                {"org": org, "countries": [first, second], "sources": _distinct(s for x in group for s in sources[x.id])}
                for org, group in sorted(memberships.items())
            ],
            "figures": sorted(
                ({**_columns(x), "sources": sources[x.id], **_total(x.id, totals)} for x in figures),
                key=lambda f: (f["indicator"], f["period"] or "", f["id"]),
            ),
        }
        record["frameworks"] = framework_history(record["events"])
        record["glance"] = glance(record)
        return record


def filter_events(
    record: dict[str, Any], since: str | None = None, until: str | None = None, types: Iterable[str] = (),
    persons: Iterable[str] = (), statuses: Iterable[str] = (),
) -> dict[str, Any]:
    """``record`` with only the events dated within ``since``..``until`` (ISO, inclusive), of ``types``,
    naming one of ``persons`` (ids) and of ``statuses``; an empty filter keeps all.

    A filter on dates leaves out undated events: nothing says they fall in the range.
    """
    wanted, named, stated = set(types), set(persons), set(statuses)

    def kept(event: dict[str, Any]) -> bool:
        if wanted and event["type"] not in wanted:
            return False
        if named and named.isdisjoint(event["person_ids"]):
            return False
        if stated and event["status"] not in stated:
            return False
        if since or until:
            first, last = _day_range(event["date"])
            if first is None or (since and last < since) or (until and first > _last_day_of(until)):
                return False
        return True

    events = [e for e in record["events"] if kept(e)]
    ids = {e["id"] for e in events}
    return {**record, "events": events, "open": [i for i in record["open"] if i in ids]}


def _day_range(date: str | None) -> tuple[str | None, str]:
    if not date:
        return None, ""
    start, _, end = date.partition("/")
    return start, _last_day_of(end or start)


def _last_day_of(date: str) -> str:
    """The last ISO day a date of any precision can mean, as a string that sorts with days ("2024-11" → "2024-11-99")."""
    return date + "-99" * (2 - date.count("-"))


def relations(engine: Engine) -> list[dict[str, Any]]:
    """Every pair of countries the store holds shared facts about, with counts, most documented first.

    Read from ``pair_summary``, written with the record (``store.summaries``):
    one row per pair, however many facts the store holds.
    """
    summary = m.PairSummary
    order = (summary.articles.desc(), summary.events.desc(), summary.first, summary.second)
    with Session(engine) as session:
        return [
            {"countries": [row.first, row.second], "events": row.events, "agreements": row.agreements,
             "mechanisms": row.mechanisms, "figures": row.figures, "articles": row.articles}
            for row in session.scalars(select(summary).order_by(*order))
        ]


def latest_event_dates(engine: Engine) -> dict[tuple[str, str], str]:
    """Each pair's latest event that took place (planned ones are not contacts yet): its date, as stored.

    Pairs as ``relations`` gives them (codes in order); the latest is the one
    that starts last, and of those starting on one day the one with the longest date
    written (a range over the day it starts). Written with the record (``pair_summary``).
    """
    query = select(m.PairSummary.first, m.PairSummary.second, m.PairSummary.latest).where(m.PairSummary.latest.is_not(None))
    with Session(engine) as session:
        return {(a, b): latest for a, b, latest in session.execute(query)}


_PLANNED = "planned"
"""The status of an event announced, not held (FACTS.md)."""


_ENTITIES: dict[str, tuple[str, type[m.Base]]] = {
    "e": ("event", m.Event), "a": ("agreement", m.Agreement), "m": ("mechanism", m.Mechanism),
    "f": ("figure", m.Figure), "s": ("membership", m.Membership), "p": ("person", m.Person),
}
"""The first letter of a resolved id (``bilat.resolve``) → the kind of entity and its table."""


def entity(engine: Engine, entity_id: str) -> dict[str, Any] | None:
    """One resolved fact (event, agreement, person...) with every source that states it, or None."""
    if entity_id[:1] not in _ENTITIES:
        return None
    kind, model = _ENTITIES[entity_id[0]]
    with Session(engine) as session:
        row = session.get(model, entity_id)
        if row is None:
            return None
        sources, totals = _listed_sources(session, [entity_id])
        record = {"entity": kind, **_columns(row), "sources": sources[entity_id], **_total(entity_id, totals)}
        if isinstance(row, m.Person | m.Mechanism):
            record["names"] = stated_names(session, [entity_id]).get(entity_id, {})
        if isinstance(row, m.Event):
            person_id = (row.counterpart or {}).get("person_id")
            person = session.get(m.Person, person_id) if person_id else None
            fact_ids = [row.counterpart["fact_id"]] if row.counterpart and row.counterpart["fact_id"] else []
            record["counterpart"] = _counterpart(
                row.counterpart, {person.id: person.name} if person else {}, _citations(session, fact_ids)
            )
            links = session.scalars(select(m.Link).where((m.Link.source_id == row.id) | (m.Link.target_id == row.id)))
            record["links"] = sorted(
                ({"source": x.source_id, "target": x.target_id, "reason": x.reason, "rule": x.rule} for x in links),
                key=lambda x: (x["source"], x["target"]),
            )
        return record


def entity_sources(engine: Engine, entity_id: str, limit: int, offset: int = 0) -> tuple[int, list[dict[str, Any]]] | None:
    """A page of every source of one resolved fact, in the order a record lists them, and how many there are; or None.

    Read from all the stored facts stating it: what a record's few
    (``summaries.SOURCES_LISTED``) leave out.
    """
    if entity_id[:1] not in _ENTITIES:
        return None
    with Session(engine) as session:
        if session.get(_ENTITIES[entity_id[0]][1], entity_id) is None:
            return None
        sources = _sources(session, [entity_id])[entity_id]
    return len(sources), sources[offset:offset + limit]


def article(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """One stored article with its full text and the facts extracted from it, or None."""
    with Session(engine) as session:
        row = session.get(m.Article, article_id)
        if row is None:
            return None
        facts = session.scalars(
            select(m.Fact).where(m.Fact.article_id == article_id).order_by(m.Fact.section, m.Fact.position)
        )
        copies = session.scalars(
            select(m.ArticleCopy).where(m.ArticleCopy.article_id == article_id).order_by(m.ArticleCopy.seen_at, m.ArticleCopy.source)
        )
        story = session.execute(
            select(*_article_columns()).where((m.Article.story_id == row.story_id) & (m.Article.id != article_id))
        )
        return {
            **{column: getattr(row, column) for column in _ARTICLE_COLUMNS}, "withdrawn": row.withdrawn_at is not None,
            "text": row.text,
            "facts": [{"id": f.id, "section": f.section, "data": f.data, "evidence": [f.start, f.end]} for f in facts],
            "copies": [{"source": c.source, "name": c.name, "withdrawn": c.withdrawn_at is not None} for c in copies],
            "story": sorted((x._asdict() for x in story), key=lambda a: (a["published"] is None, a["published"] or "", a["id"])),
        }


def articles(engine: Engine, limit: int, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """A page of the stored articles (newest first, undated last; ties by name) and how many there are in all."""
    total, listed, _ = article_page(engine, limit, offset)
    return total, listed


def article_page(
    engine: Engine, limit: int, offset: int = 0, after: str | None = None,
) -> tuple[int, list[dict[str, Any]], str | None]:
    """A page of the stored articles (newest first, undated last; ties by name), how many there are, and the next page's key.

    The page is read in order from ``ix_article_newest``, however many
    articles there are. ``after`` (an article's id, the key a page gives
    for the next) starts the page after that article: a deep page costs what
    the first does, where an offset reads every article before it. The key
    is None on the last page, and for an ``after`` that is no stored article.
    """
    newest = (m.Article.published.desc().nulls_last(), m.Article.name, m.Article.id)
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(m.Article)) or 0
        query = select(*_article_columns()).order_by(*newest)
        if after is not None:
            last = session.get(m.Article, after)
            if last is None:
                return total, [], None
            query = query.where(_after(last))
        elif offset >= total:  # past the end: nothing to read (and an offset past 2**63 is more than SQL can take)
            return total, [], None
        else:
            query = query.offset(offset)
        rows = [row._asdict() for row in session.execute(query.limit(limit + 1))]
    return total, rows[:limit], rows[limit - 1]["id"] if len(rows) > limit else None


def _after(last: m.Article) -> Any:
    """The articles that come after ``last`` in the list's order (newest first, undated last, then name and id)."""
    later_name = tuple_(m.Article.name, m.Article.id) > tuple_(last.name, last.id)
    if last.published is None:
        return m.Article.published.is_(None) & later_name
    return (
        (m.Article.published < last.published) | m.Article.published.is_(None)
        | ((m.Article.published == last.published) & later_name)
    )


def read_from(engine: Engine, place: str) -> list[str]:
    """The ids of the articles read from ``place`` (a URL or a file as ingest was given it), sorted.

    A line of a dump that had no URL was read from ``FILE:LINE``: ``FILE`` names them all.
    """
    query = select(m.ArticleCopy.article_id, m.ArticleCopy.source).where(
        (m.ArticleCopy.source == place) | m.ArticleCopy.source.startswith(f"{place}:", autoescape=True)
    )
    with Session(engine) as session:
        return sorted({
            article_id for article_id, source in session.execute(query)
            if source == place or source[len(place) + 1:].isdigit()
        })


def cited_articles(engine: Engine, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """What cites each of these articles: its name, title, date, outlet and web address (or None).

    An article read from a file has no address of its own, but the same text
    may since have been fetched from its site: the first web address it was
    read from is then its citation. A file path is never given, as it means
    nothing off the machine that read it.
    """
    wanted = list(set(article_ids))
    with Session(engine) as session:
        out = {
            row.id: row._asdict() for row in session.execute(
                select(m.Article.id, m.Article.name, m.Article.title, m.Article.published, m.Article.url, m.Article.outlet)
                .where(m.Article.id.in_(wanted))
            )
        }
        uncited = [article_id for article_id, cited in out.items() if cited["url"] is None]
        places = session.execute(
            select(m.ArticleCopy.article_id, m.ArticleCopy.source)
            .where(m.ArticleCopy.article_id.in_(uncited))
            .order_by(m.ArticleCopy.seen_at, m.ArticleCopy.source)
        ) if uncited else []
        for article_id, place in places:
            url = article_url(place)
            if out[article_id]["url"] is None and url:
                out[article_id] |= {"url": url, "outlet": outlet_name(url)}
    for cited in out.values():
        del cited["id"]
    return out


def evidence_quotes(engine: Engine, fact_ids: Iterable[str]) -> dict[str, str]:
    """Each fact's evidence as its article's text quotes it (an office holder's sighting has only the span)."""
    quote = func.substr(m.Article.text, m.Fact.start + 1, m.Fact.end - m.Fact.start)
    query = (
        select(m.Fact.id, quote).join(m.Article, m.Article.id == m.Fact.article_id).where(m.Fact.id.in_(list(set(fact_ids))))
    )
    with Session(engine) as session:
        return {fact_id: text for fact_id, text in session.execute(query)}


def article_languages(engine: Engine) -> dict[str, int]:
    """How many stored articles are in each language."""
    with Session(engine) as session:
        return _languages(session)


_ARTICLE_COLUMNS = ("id", "name", "source", "url", "outlet", "title", "published", "lang")
"""What describes an article apart from its text."""


def _article_columns() -> list[Any]:
    return [getattr(m.Article, column) for column in _ARTICLE_COLUMNS] + [
        type_coerce(m.Article.withdrawn_at.is_not(None), Boolean).label("withdrawn"),  # SQLite answers 0 or 1
    ]


def skipped_paths(engine: Engine, kinds: Iterable[str] | None = None) -> list[str]:
    """The files some of whose inputs were skipped (for one of ``kinds``, if given), sorted."""
    query = select(m.Skip.path).distinct().order_by(m.Skip.path)
    if kinds is not None:
        query = query.where(m.Skip.kind.in_(list(kinds)))
    with Session(engine) as session:
        return list(session.scalars(query))


def skips(engine: Engine) -> list[dict[str, Any]]:
    """The inputs the latest runs did not store, and why, by file."""
    with Session(engine) as session:
        rows = session.scalars(select(m.Skip).order_by(m.Skip.path, m.Skip.where))
        return [{"where": x.where, "kind": x.kind, "reason": x.reason, "seen_at": x.seen_at.isoformat()} for x in rows]


def _languages(session: Session, article_ids: Iterable[str] | None = None) -> dict[str, int]:
    query = select(m.Article.lang, func.count()).group_by(m.Article.lang)
    if article_ids is not None:
        query = query.where(m.Article.id.in_(list(article_ids)))
    return dict(sorted((lang, count) for lang, count in session.execute(query)))


def office_holders(engine: Engine, country: str, lang: str | None = None) -> list[dict[str, Any]]:
    """Who was seen holding which office of ``country``, and from when to when, per office.

    With ``lang``, persons are named and titles quoted as the articles in that
    language write them, where any does ("Lương Cường", "Chủ tịch nước" for
    ``vi``; "Luong Cuong", "President" for ``en``), as ``in_language`` does for
    a relationship; otherwise a spell lists the fullest name and every title.
    """
    with Session(engine) as session:
        rows = session.execute(
            select(m.Office, m.Person.name, m.Fact.article_id, m.Article.lang)
            .join(m.Person, m.Person.id == m.Office.person_id)
            .join(m.Fact, m.Fact.id == m.Office.fact_id)
            .join(m.Article, m.Article.id == m.Fact.article_id)
            .where(m.Office.country == country)
        ).all()
        stated = stated_names(session, {row[0].person_id for row in rows}) if lang else {}
    spells: dict[tuple[str | None, str], dict[str, Any]] = {}
    for office, name, article_id, article_lang in rows:
        key = (office.office, office.person_id)
        spell = spells.setdefault(key, {
            "office": office.office, "person": office.person_id,
            "name": stated.get(office.person_id, {}).get(lang or "", name), "titles": [],
            "dates": [], "articles": set(),
        })
        if office.title:
            spell["titles"].append((article_lang, office.title))
        if office.date:
            spell["dates"].append(office.date)
        spell["articles"].add(article_id)
    out = []
    for spell in spells.values():
        titles = spell.pop("titles")
        spell["titles"] = list(dict.fromkeys([t for t_lang, t in titles if t_lang == lang] or [t for _, t in titles]))
        dates = sorted(spell.pop("dates"), key=lambda d: d.split("/")[0])
        spell["first_seen"] = dates[0].split("/")[0] if dates else None
        spell["last_seen"] = dates[-1].split("/")[-1] if dates else None
        spell["articles"] = len(spell["articles"])
        out.append(spell)
    rank = {office: i for i, office in enumerate(OFFICES)}
    out.sort(key=lambda s: (rank.get(s["office"], len(rank)), s["first_seen"] or "9999", s["name"]))
    return out


def _listed_sources(session: Session, entity_ids: list[str]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    """Each entity's listed sources and their total, from ``entity_summary``; read from the facts for one it lacks."""
    listed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    totals: dict[str, int] = {}
    for summary in _summaries(session, entity_ids):
        listed[summary.entity_id], totals[summary.entity_id] = summary.sources, summary.sources_total
    for entity_id, found in _sources(session, [i for i in entity_ids if i not in totals]).items():
        listed[entity_id], totals[entity_id] = summaries.listed(found), len(found)
    return listed, totals


def _listed_offices(session: Session, person_ids: list[str]) -> tuple[dict[str, list[dict[str, Any]]], Counter[str]]:
    """``_offices``, from ``entity_summary`` where the person has one."""
    offices: dict[str, list[dict[str, Any]]] = defaultdict(list)
    sightings: Counter[str] = Counter()
    found = set()
    for summary in _summaries(session, person_ids):
        if summary.entity_id.startswith("p"):
            offices[summary.entity_id], sightings[summary.entity_id] = summary.offices, summary.sightings
            found.add(summary.entity_id)
    more, counted = _offices(session, [p for p in person_ids if p not in found])
    offices.update(more)
    sightings.update(counted)
    return offices, sightings


def _listed_names(session: Session, entity_ids: list[str]) -> dict[str, dict[str, str]]:
    """``stated_names``, from ``entity_summary`` where the entity has one."""
    out = {summary.entity_id: summary.names for summary in _summaries(session, entity_ids)}
    return out | stated_names(session, [i for i in entity_ids if i not in out])


def _summaries(session: Session, entity_ids: list[str]) -> list[Row[Any]]:
    """The ``entity_summary`` rows of these entities, as plain rows: ORM objects for thousands cost a third of a record."""
    columns = m.EntitySummary.__table__.columns
    return [
        summary for start in range(0, len(entity_ids), _IDS_PER_QUERY)
        for summary in session.execute(
            select(*columns).where(columns.entity_id.in_(entity_ids[start:start + _IDS_PER_QUERY]))
        )
    ]


_IDS_PER_QUERY = 900
"""Under SQLite's oldest limit on the parameters of one statement (999)."""


def _total(entity_id: str, totals: dict[str, int]) -> dict[str, int]:
    return {"sources_total": totals.get(entity_id, 0)}


def _summary_persons(session: Session, summary: m.PairSummary) -> list[m.Person]:
    listed = select(m.PairPerson.person_id).where(m.PairPerson.first == summary.first, m.PairPerson.second == summary.second)
    return sorted(session.scalars(select(m.Person).where(m.Person.id.in_(listed))), key=lambda p: person_order(_columns(p)))


def _summary_members(session: Session, summary: m.PairSummary) -> list[str]:
    return list(session.scalars(select(m.PairMember.entity_id).where(
        m.PairMember.first == summary.first, m.PairMember.second == summary.second).order_by(m.PairMember.entity_id)))


def _shared_entities(session: Session, first: str, second: str) -> list[str]:
    query = (
        select(m.Party.entity_id)
        .where(m.Party.country.in_((first, second)))
        .group_by(m.Party.entity_id)
        .having(func.count() == len({first, second}))
    )
    return list(session.scalars(query))


def _shared_memberships(session: Session, first: str, second: str) -> dict[str, list[m.Membership]]:
    by_org: dict[str, list[m.Membership]] = defaultdict(list)
    for membership in session.scalars(select(m.Membership).where(m.Membership.country.in_((first, second)))):
        by_org[membership.org].append(membership)
    return {org: group for org, group in by_org.items() if {x.country for x in group} == {first, second}}


def _sources(session: Session, entity_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each entity's sources, one per story: article, what cites it (outlet, title, URL), evidence span, the quoted text.

    Copies of one wire report (``resolve.stories``) are one source, not
    several: ``also_count`` counts the other articles of that story stating
    it, and ``also`` names the first ``ALSO_LISTED`` of them.
    """
    quote = func.substr(m.Article.text, m.Fact.start + 1, m.Fact.end - m.Fact.start)
    query = (
        select(
            m.Source.entity_id, m.Fact.article_id, m.Article.story_id, m.Article.name, m.Article.title,
            m.Article.outlet, m.Article.url, m.Article.lang, m.Article.published, m.Fact.start, m.Fact.end,
            quote.label("quote"),
        )
        .join(m.Fact, m.Fact.id == m.Source.fact_id)
        .join(m.Article, m.Article.id == m.Fact.article_id)
        .where(m.Source.entity_id.in_(list(entity_ids)))
    )
    found: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for row in session.execute(query):
        found[row.entity_id].append((row.story_id, {
            "article": row.article_id, "name": row.name, "title": row.title, "outlet": row.outlet, "url": row.url,
            "lang": row.lang, "published": row.published, "evidence": [row.start, row.end], "quote": row.quote, "also": [],
        }))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity_id, group in found.items():
        stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for story_id, source in group:
            stories[story_id].append(source)
        for story_id, copies in stories.items():
            # The story's first stored article speaks for it when it states the fact; else its earliest copy that does.
            copies.sort(key=lambda x: (x["article"] != story_id, *_date_order(x)))
            first = copies[0]
            also = list(dict.fromkeys(x["article"] for x in copies if x["article"] != first["article"]))
            first["also"], first["also_count"] = also[:ALSO_LISTED], len(also)
            out[entity_id].append(first)
        out[entity_id].sort(key=_date_order)  # sorted here, not in SQL: databases disagree on where NULL dates go
    return out


def _date_order(source: dict[str, Any]) -> tuple[Any, ...]:
    return source["published"] is None, source["published"] or "", source["article"], source["evidence"]


def _distinct(sources: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sources without repeats: one sentence often states both countries' membership."""
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    for source in sources:
        seen.setdefault((source["article"], source["evidence"][0]), source)
    return list(seen.values())


def _persons(session: Session, events: list[m.Event], articles: set[str], countries: tuple[str, str]) -> list[m.Person]:
    named = {p for e in events for p in e.persons} | {
        e.counterpart["person_id"] for e in events if e.counterpart and e.counterpart["person_id"]
    }
    in_articles = select(m.Source.entity_id).join(m.Fact, m.Fact.id == m.Source.fact_id).where(
        m.Fact.article_id.in_(articles), m.Fact.section == "persons"
    )
    query = select(m.Person).where(
        m.Person.id.in_(named) | (m.Person.id.in_(in_articles) & m.Person.country.in_(countries))
    )
    return sorted(session.scalars(query), key=lambda p: person_order(_columns(p)))


def _offices(session: Session, person_ids: list[str]) -> tuple[dict[str, list[dict[str, Any]]], Counter[str]]:
    """Each person's offices as seen, in one query; undated last, on every database.

    Of the sightings of one office under one title in one language, the
    first and the last dated one are kept (the one undated, if none is
    dated): the span the articles show it held, two lines however many
    articles repeat it. ``sightings`` counts them all.
    """
    query = (
        select(m.Office.person_id, m.Office.office, m.Office.title, m.Article.lang, m.Office.date, m.Office.fact_id,
               m.Fact.article_id, m.Fact.start, m.Fact.end)
        .join(m.Fact, m.Fact.id == m.Office.fact_id)
        .join(m.Article, m.Article.id == m.Fact.article_id)
        .where(m.Office.person_id.in_(person_ids))
    )
    rows = sorted(session.execute(query), key=lambda row: (row.date is None, row.date or "", row.fact_id))
    spans: dict[tuple[Any, ...], list[int]] = defaultdict(list)  # (person, office, title, lang) -> rows, in order
    for position, row in enumerate(rows):
        spans[row[:4]].append(position)
    kept: set[int] = set()
    for positions in spans.values():
        dated = [i for i in positions if rows[i].date is not None]
        kept.update((dated[0], dated[-1]) if dated else positions[:1])
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in (row for position, row in enumerate(rows) if position in kept):
        out[row.person_id].append({
            "office": row.office, "title": row.title, "lang": row.lang, "date": row.date, "fact": row.fact_id,
            "source": {"article": row.article_id, "evidence": [row.start, row.end]},
        })
    return out, Counter(row.person_id for row in rows)


def _event(
    event: m.Event, names: dict[str, str], sources: dict[str, list[dict[str, Any]]], links: _Links, event_ids: set[str],
    cited: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    record = _columns(event)
    record["counterpart"] = _counterpart(event.counterpart, names, cited)
    record["person_ids"] = [p for p in event.persons if p in names]
    record["persons"] = [names.get(p, p) for p in event.persons]
    record["sources"] = sources[event.id]
    own = links.source[event.id]
    record["links"] = sorted(({"target": x.target_id, "reason": x.reason, "rule": x.rule} for x in own), key=lambda x: x["target"])
    record["fulfilled_by"] = sorted(x.target_id for x in own if x.target_id in event_ids)
    record["fulfils"] = sorted(x.source_id for x in links.target[event.id])
    return record


def _counterpart(
    stored: dict[str, Any] | None, names: dict[str, str], cited: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    """A meeting's counterpart as the record gives it: the person named, and the citation of the fact that shows them."""
    if not stored:
        return None
    person_id, fact_id = stored["person_id"], stored["fact_id"]
    return {
        "country": stored["country"], "office": stored["office"], "person_id": person_id,
        "name": names.get(person_id) if person_id else None, "inferred": stored["inferred"], "basis": stored["basis"],
        "fact": fact_id, "source": cited.get(fact_id) if fact_id else None,
    }


def _citations(session: Session, fact_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The article and evidence span of each fact."""
    rows = session.execute(select(m.Fact.id, m.Fact.article_id, m.Fact.start, m.Fact.end).where(m.Fact.id.in_(fact_ids)))
    return {fact_id: {"article": article_id, "evidence": [start, end]} for fact_id, article_id, start, end in rows}


def _list_parts(events: list[dict[str, Any]]) -> None:
    """Give each visit of the record the ids of the events of its trip (``resolve.trips``), in timeline order."""
    parts: dict[str, list[str]] = defaultdict(list)
    for event in events:
        if event["trip_id"] and event["trip_id"] != event["id"]:
            parts[event["trip_id"]].append(event["id"])
    for event in events:
        event["parts"] = parts.get(event["id"], [])


class _Links:
    """The links of a record's events, by the event they start from and the one they end at."""

    def __init__(self, links: Iterable[m.Link]) -> None:
        self.source: dict[str, list[m.Link]] = defaultdict(list)
        self.target: dict[str, list[m.Link]] = defaultdict(list)
        for link in links:
            self.source[link.source_id].append(link)
            self.target[link.target_id].append(link)


def _history(session: Session, agreement_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(m.AgreementStatus, m.Fact.article_id, m.Fact.start, m.Fact.end)
        .join(m.Fact, m.Fact.id == m.AgreementStatus.fact_id)
        .where(m.AgreementStatus.agreement_id.in_(agreement_ids))
        .order_by(m.AgreementStatus.id)
    )
    for status, article_id, start, end in session.execute(query):
        out[status.agreement_id].append({
            "status": status.status, "date": status.date, "as_of": status.as_of,
            "source": {"article": article_id, "evidence": [start, end]},
        })
    return out


def _agreement(agreement: m.Agreement, history: list[dict[str, Any]], sources: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {**_columns(agreement), "history": history, "sources": sources[agreement.id]}


def _columns(row: m.Base) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}
