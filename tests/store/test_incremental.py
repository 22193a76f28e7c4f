"""The record updated a part at a time is the record a full rebuild makes, row for row, whatever order articles came in."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, extracted
from typer.testing import CliRunner

import bilat.resolve as resolution
from bilat import store
from bilat.cli import app
from bilat.extract.doc import Document
from bilat.extract.facts import Event, Facts, Person
from bilat.ingest import read_text_document
from bilat.resolve import persons as resolved_persons
from bilat.store import models as m
from bilat.store import alerts, record, resolving, summaries, withdrawn
from bilat.store.write import is_resolved

STEPS = 25
"""Articles stored one at a time, each followed by an update, after the rest in one batch."""
SHUFFLE = 3
"""The seed of the shuffled order, which stores the articles in batches of one to ``BATCH`` articles."""
BATCH = 6
FEW = 8
"""Articles in a store whose update is interrupted: enough for every kind of row."""
_GENERATED = {"office": "id", "agreement_status": "id", "link": "id", "search_entry": "id"}
"""Columns the database numbers as rows are written: the order of writing, not the record."""


@pytest.fixture(scope="module")
def every_article(corpus_articles: list[Article], shared_corpus: Path) -> list[Article]:
    """The seeds, the Vietnamese dev articles and the English ones."""
    return corpus_articles + extracted(sorted((shared_corpus / "dev-en").glob("*.txt")))


def _store(db_url: str) -> Engine:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    return engine


def _add(engine: Engine, articles: list[Article]) -> None:
    """Store articles as ``bilat ingest`` does (one transaction for the batch), then update the record."""
    results = store.store_articles(engine, [(document, facts, ...) for document, facts in articles])
    assert all(isinstance(r, store.Stored) for r in results)
    store.rebuild(engine)


def _rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the resolved layer, of its summaries and of the persons' search entries, sorted; generated ids left out.

    A person's offices and an agreement's history are also compared in the
    order they were written, which is the order the record reads them in.
    """
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Session(engine) as session:
        for model in (*record.TABLES, *summaries.TABLES, m.SearchEntry):
            table = model.__table__
            columns = [c for c in table.columns if c.key != _GENERATED.get(table.name) and c.key != "search_vector"]
            query = select(*columns)
            if model is m.SearchEntry:
                query = query.where(m.SearchEntry.kind == "person")
            out[table.name] = sorted((tuple(_plain(v) for v in row) for row in session.execute(query)), key=repr)
        for name, model, parent in (("offices in order", m.Office, m.Office.person_id),
                                    ("history in order", m.AgreementStatus, m.AgreementStatus.agreement_id)):
            rows = session.execute(select(parent, model.fact_id).order_by(parent, model.id))  # type: ignore[attr-defined]
            out[name] = [tuple(row) for row in rows]
    return out


def _plain(value: Any) -> Any:
    """JSON values as text (the row sorts and compares whatever the database decoded them into)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, dict | list) else value


def _rebuilt(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    store.rebuild_all(engine)
    return _rows(engine)


def _assert_same(updated: dict[str, list[tuple[Any, ...]]], rebuilt: dict[str, list[tuple[Any, ...]]]) -> None:
    _assert_same_record(updated, rebuilt)
    assert rebuilt["event"] and rebuilt["person"] and rebuilt["link"] and rebuilt["search_entry"]
    assert rebuilt["pair_summary"] and rebuilt["pair_person"] and rebuilt["pair_member"] and rebuilt["entity_summary"]


def test_one_batch_then_one_article_at_a_time_gives_the_full_rebuild(db_url: str, every_article: list[Article]) -> None:
    engine = _store(db_url)
    _add(engine, every_article[:-STEPS])
    for article in every_article[-STEPS:]:
        _add(engine, [article])
    assert is_resolved(engine)
    updated = _rows(engine)

    _assert_same(updated, _rebuilt(engine))


def test_articles_in_a_shuffled_order_give_the_full_rebuild(db_url: str, every_article: list[Article]) -> None:
    engine = _store(db_url)
    for batch in _batches(every_article, random.Random(SHUFFLE)):
        _add(engine, batch)
    updated = _rows(engine)

    _assert_same(updated, _rebuilt(engine))
    fresh = _store(db_url.replace("bilat.db", "fresh.db")) if db_url.startswith("sqlite") else None
    if fresh is not None:  # and a store that read them all in one batch
        _add(fresh, every_article)
        _assert_same(_rows(fresh), updated)


def _batches(articles: list[Article], rng: random.Random) -> Iterator[list[Article]]:
    shuffled = articles[:]
    rng.shuffle(shuffled)
    while shuffled:
        size = rng.randint(1, BATCH)
        yield shuffled[:size]
        shuffled = shuffled[size:]


def test_forgetting_articles_updates_the_record_as_a_rebuild_would(db_url: str, every_article: list[Article]) -> None:
    engine = _store(db_url)
    _add(engine, every_article)
    rng = random.Random(5)
    gone = rng.sample([document for document, _ in every_article], 6)
    ids = [store.read_from(engine, document.source or document.id)[0] for document in gone]

    store.forget(engine, ids[:3])
    for article_id in ids[3:]:
        store.forget(engine, [article_id])
    updated = _rows(engine)

    _assert_same(updated, _rebuilt(engine))
    assert not {fact.split(":")[0] for (_, fact) in updated["source"]} & set(ids)


def test_withdrawing_and_restoring_articles_updates_the_record_as_a_rebuild_would(
    db_url: str, every_article: list[Article],
) -> None:
    engine = _store(db_url)
    _add(engine, every_article)
    full = _rows(engine)
    rng = random.Random(7)
    gone = [document.source or document.id for document, _ in rng.sample(every_article, 4)]
    places = [(store.read_from(engine, place)[0], place) for place in gone]
    ids = {article_id for article_id, _ in places}

    store.writing(engine, lambda connection: withdrawn.withdraw(connection, places[:2]))
    store.rebuild(engine)
    store.writing(engine, lambda connection: withdrawn.withdraw(connection, places[2:]))
    assert not is_resolved(engine), "the mark is written with the withdrawal"
    store.rebuild(engine)
    out = _rows(engine)

    assert not {fact.split(":")[0] for (_, fact) in out["source"]} & ids
    _assert_same(out, _rebuilt(engine))
    again = [article for article in every_article if (article[0].source or article[0].id) in gone]
    _add(engine, again)  # read again from their places: restored
    assert _rows(engine) == full
    _assert_same(full, _rebuilt(engine))


def test_a_new_article_rereads_only_what_it_touches(
    db_url: str, every_article: list[Article], monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _store(db_url)
    lone = next(a for a in every_article if a[1].events and a[1].persons and all("VN" not in e.actors for e in a[1].events))
    _add(engine, [a for a in every_article if a is not lone])
    read = _spy(monkeypatch)

    _add(engine, [lone])

    with Session(engine) as session:
        stored = Counter(dict(session.execute(select(m.Fact.section, func.count()).group_by(m.Fact.section)).all()))
    new = {section: len(getattr(lone[1], section)) for section in ("events", "persons")}
    assert new["events"] and new["persons"]
    assert new["events"] <= read["events"] < stored["events"] / 10, (read, stored)
    assert new["persons"] <= read["persons"] < stored["persons"] / 10, (read, stored)


def test_a_new_article_refreshes_the_summaries_and_alerts_of_the_pairs_it_touches(
    db_url: str, every_article: list[Article], monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _store(db_url)
    lone = next(a for a in every_article if a[1].events and all("VN" not in e.actors for e in a[1].events))
    _add(engine, [a for a in every_article if a is not lone])
    store.follow(engine, store.EVERY_PAIR)
    refreshed: list[set[tuple[str, str]]] = []
    looked: list[set[str]] = []
    refresh, raise_alerts = summaries.refresh, alerts.raise_alerts
    monkeypatch.setattr(summaries, "refresh", lambda session, pairs: (refreshed.append(set(pairs)), refresh(session, pairs))[1])
    monkeypatch.setattr(alerts, "raise_alerts", lambda session, pairs=None, now=None: (
        looked.append(pairs), raise_alerts(session, pairs, now))[1])

    _add(engine, [lone])

    (pairs,) = refreshed
    with Session(engine) as session:
        every = summaries.every_pair(session)
    own = {tuple(sorted(e.actors[:2])) for e in lone[1].events if len(set(e.actors)) >= 2}
    assert own and own <= pairs, (own, pairs)
    assert len(pairs) < len(every) / 4 and ("PE", "VN") not in pairs
    assert looked == [{store.pair_key(*pair) for pair in pairs}]
    _assert_same(_rows(engine), _rebuilt(engine))


def test_an_update_touching_most_of_the_record_resolves_it_whole(
    db_url: str, every_article: list[Article], monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _store(db_url)
    _add(engine, every_article[:1])
    by_blocks: list[set[str]] = []
    monkeypatch.setattr(resolving, "resolve_blocks", lambda session, touched, between=None: by_blocks.append(touched))

    _add(engine, every_article[1:])

    assert by_blocks == [] and is_resolved(engine)
    _assert_same(_rows(engine), _rebuilt(engine))


def _spy(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many event and persons statements resolution reads from now on."""
    read: Counter[str] = Counter()
    events = resolution.resolve_events

    def counted_events(stated: list[resolution.Stated], names: Any) -> Any:
        read["events"] += len(stated)
        return events(stated, names)

    seen = resolved_persons._Seen.__init__

    def counted_person(self: Any, stated: resolution.Stated) -> None:
        read["persons"] += 1
        seen(self, stated)

    monkeypatch.setattr(resolution, "resolve_events", counted_events)
    monkeypatch.setattr(resolved_persons._Seen, "__init__", counted_person)
    return read


def test_an_update_that_fails_leaves_the_record_and_its_work(
    db_url: str, every_article: list[Article], monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = _store(db_url)
    _add(engine, every_article[:FEW])
    before = _rows(engine)
    results = store.store_articles(engine, [(document, facts, ...) for document, facts in every_article[FEW:FEW + 3]])
    writes = 0
    write = record.write

    def dies_midway(session: Session, resolved: Any) -> None:  # as a kill between two writes would
        nonlocal writes
        writes += 1
        if writes == 2:
            raise KeyboardInterrupt
        write(session, resolved)

    monkeypatch.setattr(record, "write", dies_midway)
    with pytest.raises(KeyboardInterrupt):
        store.rebuild(engine)
    monkeypatch.undo()

    assert _rows(engine) == before and not is_resolved(engine)
    with Session(engine) as session:
        assert set(session.scalars(select(m.Unresolved.article_id))) == {r.article_id for r in results}  # type: ignore[union-attr]
    assert store.rebuild(engine) and is_resolved(engine)
    _assert_same(_rows(engine), _rebuilt(engine))


def test_db_rebuild_resolves_the_whole_record_again(db_url: str, every_article: list[Article]) -> None:
    engine = _store(db_url)
    _add(engine, every_article[:5])
    with Session(engine) as session, session.begin():
        session.execute(m.Event.__table__.delete())  # as rules that changed would leave it

    result = CliRunner().invoke(app, ["db", "rebuild", "--db", db_url])

    assert result.exit_code == 0, result.output
    assert "rebuilt" in result.stderr
    rows = _rows(engine)
    assert rows["event"]
    _assert_same(rows, _rebuilt(engine))


MEETING_VI = """lang: vi
published: 2024-11-15
title: Chủ tịch nước hội kiến Tổng thống Peru
---
Ngày 14/11/2024, Chủ tịch nước Lương Cường hội kiến Tổng thống Peru tại Lima.
"""
SUMMIT_EN = """lang: en
published: 2024-11-21
title: Peru and Chile hold talks
---
Peruvian President Dina Boluarte met Chilean President Gabriel Boric on November 20, 2024.
"""


def _meeting() -> Article:
    """A meeting whose Peruvian side is named by its office alone."""
    document = read_text_document(MEETING_VI, doc_id="meeting")
    (said,) = _lines(MEETING_VI, document)
    return document, Facts(
        "meeting", document.published, document.lang,
        persons=[Person("Lương Cường", "VN", "head_of_state", "Chủ tịch nước", said)],
        events=[Event("MEET", ["VN", "PE"], "2024-11-14", "happened", said, persons=["Lương Cường"],
                      counterpart_office="head_of_state")],
    )


def _summit() -> Article:
    """Another pair's article, which shows who held that office then."""
    document = read_text_document(SUMMIT_EN, doc_id="summit")
    (said,) = _lines(SUMMIT_EN, document)
    return document, Facts(
        "summit", document.published, document.lang,
        persons=[Person("Dina Boluarte", "PE", "head_of_state", "President", said),
                 Person("Gabriel Boric", "CL", "head_of_state", "President", said)],
        events=[Event("MEET", ["PE", "CL"], "2024-11-20", "happened", said, persons=["Dina Boluarte", "Gabriel Boric"])],
    )


def test_who_held_an_office_reaches_a_meeting_of_another_pair(db_url: str) -> None:
    engine = _store(db_url)
    _add(engine, [_meeting()])
    (alone,) = store.relation(engine, "VN", "PE")["events"]
    assert alone["counterpart"]["person_id"] is None

    _add(engine, [_summit()])

    (met,) = store.relation(engine, "VN", "PE")["events"]
    boluarte = next(p["id"] for p in store.relation(engine, "PE", "CL")["persons"] if p["name"] == "Dina Boluarte")
    assert (met["counterpart"]["person_id"], met["counterpart"]["basis"]) == (boluarte, "office_holder")
    updated = _rows(engine)
    _assert_same_record(updated, _rebuilt(engine))

    store.forget(engine, [store.read_from(engine, "summit")[0]])
    (again,) = store.relation(engine, "VN", "PE")["events"]
    assert again["counterpart"]["person_id"] is None
    _assert_same_record(_rows(engine), _rebuilt(engine))


def _assert_same_record(updated: dict[str, list[tuple[Any, ...]]], rebuilt: dict[str, list[tuple[Any, ...]]]) -> None:
    for table in rebuilt:
        assert updated[table] == rebuilt[table], table


def _lines(text: str, document: Document) -> list[tuple[int, int]]:
    """The evidence span of each line of the body: one sentence each."""
    return [(text.index(line), text.index(line) + len(line)) for line in text[document.body_start:].splitlines()]
