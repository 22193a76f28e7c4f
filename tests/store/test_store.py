"""The store on the shared corpus: what ingest keeps, what resolution merges, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from bilat import store
from bilat.store import Outcome
from bilat.extract import extract
from bilat.ingest.read import read_text_document
from bilat.store import db as store_db
from bilat.store import models as m
from bilat.store.search_index import is_modelled


def _counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in m.Base.metadata.sorted_tables}


def test_upgrade_creates_the_schema_once(db_url: str) -> None:
    engine = store.connect(db_url, create=True)
    assert store_db.revision(engine) is None
    store.upgrade(engine)
    store.upgrade(engine)  # a second run has nothing to apply
    assert store_db.is_current(engine)
    assert {"article", "fact", "person", "event", "agreement", "link"} <= set(inspect(engine).get_table_names())


def test_reingesting_adds_nothing(corpus_db: Engine, corpus_articles) -> None:  # type: ignore[no-untyped-def]
    before = _counts(corpus_db)
    assert before["article"] == len(corpus_articles)
    assert {store.store_article(corpus_db, doc, facts).outcome for doc, facts in corpus_articles} == {Outcome.KNOWN}
    assert store.rebuild(corpus_db) is False  # the record is already built from these articles
    assert _counts(corpus_db) == before


def test_every_fact_keeps_its_article_text_and_evidence(corpus_db: Engine, corpus_articles) -> None:  # type: ignore[no-untyped-def]
    with Session(corpus_db) as session:
        texts = {name: text for name, text in session.execute(select(m.Article.name, m.Article.text))}
        facts = session.execute(select(m.Article.name, m.Fact.section, m.Fact.position, m.Fact.start, m.Fact.end)
                                .join(m.Article)).all()
    for document, extracted in corpus_articles:
        assert texts[document.id] == document.text
    expected = {
        (doc.id, section, i): tuple(fact.evidence)
        for doc, extracted in corpus_articles
        for section in ("persons", "events", "agreements", "mechanisms", "memberships", "figures")
        for i, fact in enumerate(getattr(extracted, section))
    }
    assert {(name, section, pos): (start, end) for name, section, pos, start, end in facts} == expected


def test_relation_sources_quote_their_articles(corpus_db: Engine) -> None:
    record = store.relation(corpus_db, "VN", "PE")
    with Session(corpus_db) as session:
        texts = {id_: text for id_, text in session.execute(select(m.Article.id, m.Article.text))}
    sources = [s for section in ("events", "agreements", "mechanisms", "figures") for x in record[section] for s in x["sources"]]
    assert sources
    for source in sources:
        start, end = source["evidence"]
        assert source["quote"] == texts[source["article"]][start:end] and source["quote"].strip()


def test_boluarte_is_one_person_with_her_name_variants(corpus_db: Engine) -> None:
    persons = store.relation(corpus_db, "VN", "PE")["persons"]
    boluarte = [p for p in persons if "Boluarte" in p["name"] or any("Boluarte" in a for a in p["aliases"])]
    assert len(boluarte) == 1
    assert boluarte[0]["name"] == "Dina Ercilia Boluarte Zegarra"
    assert {"Dina Boluarte", "Zegarra"} <= set(boluarte[0]["aliases"])
    # Peru's other presidents share her office and country, not her name.
    assert {"Alberto Fujimori", "Pablo Kuczynski"} <= {p["name"] for p in persons}


def test_the_2023_invitation_is_fulfilled_by_the_2024_visit(corpus_db: Engine) -> None:
    events = store.relation(corpus_db, "VN", "PE")["events"]
    (invitation,) = [e for e in events if e["type"] == "INVITE" and e["actors"] == ["PE", "VN"]]
    assert invitation["date"].startswith("2023-11")
    (visit_id,) = invitation["fulfilled_by"]
    visit = next(e for e in events if e["id"] == visit_id)
    assert visit["type"] == "VISIT" and visit["actors"] == ["VN", "PE"] and visit["date"].startswith("2024-11")
    assert invitation["id"] in visit["fulfils"]
    assert "2023-11-17" in invitation["links"][0]["reason"] and visit["date"] in invitation["links"][0]["reason"]
    assert invitation["id"] not in store.relation(corpus_db, "PE", "VN")["open"]


def test_vietnam_had_two_heads_of_state_in_two_periods(corpus_db: Engine) -> None:
    spells = [s for s in store.office_holders(corpus_db, "VN") if s["office"] == "head_of_state"]
    by_name = {s["name"]: s for s in spells}
    assert by_name["Võ Văn Thưởng"]["first_seen"].startswith("2023")
    assert by_name["Võ Văn Thưởng"]["last_seen"].startswith("2023")
    assert by_name["Lương Cường"]["first_seen"].startswith("2024")
    names = [s["name"] for s in spells]
    assert names.index("Võ Văn Thưởng") < names.index("Lương Cường")  # listed in order of office


def test_a_second_report_of_a_visit_is_a_second_source(corpus_db: Engine) -> None:
    text = (
        "published: 2024-11-17\n---\n"
        "Từ ngày 12 đến 16/11/2024, Chủ tịch nước Lương Cường đã thăm chính thức Peru "
        "và dự Tuần lễ Cấp cao APEC 2024 tại Lima.\n"
    )
    document = read_text_document(text, doc_id="other-outlet")
    assert store.store_article(corpus_db, document, extract(document)).outcome is Outcome.STORED
    assert store.rebuild(corpus_db)
    visits = [e for e in store.relation(corpus_db, "VN", "PE")["events"]
              if e["type"] == "VISIT" and e["date"] and e["date"].startswith("2024-11")]
    assert len(visits) == 1
    assert {s["name"] for s in visits[0]["sources"]} == {"004_0b2ce203d1803446", "other-outlet"}
    # Other visits to Peru, in other years, stay distinct events.
    assert len([e for e in store.relation(corpus_db, "VN", "PE")["events"] if e["type"] == "VISIT" and e["actors"] == ["VN", "PE"]]) == 4


def test_relation_is_the_same_whichever_order_articles_arrive(db_url: str, corpus_articles, tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    for document, facts in reversed(corpus_articles):
        store.store_article(engine, document, facts)
    store.rebuild(engine)
    reference = store.connect(f"sqlite:///{tmp_path / 'forward.db'}", create=True)
    store.upgrade(reference)
    for document, facts in corpus_articles:
        store.store_article(reference, document, facts)
    store.rebuild(reference)
    assert store.relation(engine, "VN", "PE") == store.relation(reference, "VN", "PE")


def test_the_migrations_build_the_schema_the_models_describe(db_url: str) -> None:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    with engine.connect() as connection:
        # The full-text index is the migration's alone (``search_index.is_modelled``), as autogenerate is told.
        context = MigrationContext.configure(connection, opts={"include_name": is_modelled})
        differences = compare_metadata(context, m.Base.metadata)
    assert differences == []
