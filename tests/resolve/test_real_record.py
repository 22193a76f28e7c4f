"""The merged record of the shared corpus (seeds, dev, dev-en), read from a store as ``bilat ingest`` builds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
from sqlalchemy import Engine
from stores import Article, build_store, extracted, text_article

from bilat import store
from bilat.api.schemas import CounterpartBasis, Relation
from bilat.report.labels import event_label
from bilat.resolve.counterparts import BASES
from bilat.text import fold

LIMA_TALKS = """lang: en
published: 2024-11-15
title: Vietnamese President holds talks with Peruvian President in Lima
---
President Luong Cuong held talks with Peruvian President Dina Boluarte in Lima on November 14, 2024, during his official visit to Peru.
"""


@pytest.fixture(scope="module")
def english_dev(shared_corpus: Path) -> list[Article]:
    return extracted(sorted((shared_corpus / "dev-en").glob("*.txt")))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article],
                 english_dev: list[Article]) -> Engine:
    return build_store(tmp_path_factory.mktemp("record") / "bilat.db", corpus_articles + english_dev)


@pytest.fixture(scope="module")
def with_lima_talks(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article],
                    english_dev: list[Article]) -> Engine:
    """The same store with an English report of one meeting of the state visit to Peru."""
    talks = text_article(LIMA_TALKS, "lima-talks")
    return build_store(tmp_path_factory.mktemp("lima") / "bilat.db", [*corpus_articles, *english_dev, talks])


def _peru_visit(record: dict[str, Any]) -> dict[str, Any]:
    visits = [e for e in record["events"] if e["type"] == "VISIT" and e["actors"] == ["VN", "PE"]
              and (e["date"] or "").startswith("2024-11")]
    assert len(visits) == 1, visits
    return visits[0]


def test_the_peru_state_visit_is_one_trip_with_its_four_meetings(corpus_store: Engine) -> None:
    record = store.relation(corpus_store, "VN", "PE")
    visit = _peru_visit(record)
    assert visit["date"] == "2024-11-12/2024-11-16"
    assert visit["trip_id"] == visit["id"]
    by_id = {e["id"]: e for e in record["events"]}
    meetings = [by_id[i] for i in visit["parts"] if by_id[i]["type"] == "MEET"]
    assert len(meetings) == 4
    assert all(m["trip_id"] == visit["id"] for m in meetings)
    peruvians = {p["id"] for p in record["persons"] if p["country"] == "PE"}
    for meeting in meetings:
        counterpart = meeting["counterpart"]
        assert set(meeting["person_ids"]) & peruvians or (counterpart and counterpart["country"] == "PE"
                                                          and (counterpart["office"] or counterpart["person_id"]))
    offices = {m["counterpart"]["office"] for m in meetings}
    assert offices == {"head_of_state", "head_of_legislature", "head_of_government", "chief_justice"}
    president = next(m["counterpart"] for m in meetings if m["counterpart"]["office"] == "head_of_state")
    assert president["inferred"] and president["name"] == "Dina Ercilia Boluarte Zegarra"
    assert president["source"]["article"] == meetings[0]["sources"][0]["article"]  # the article says who held it


def test_every_record_has_the_shape_the_api_states(corpus_store: Engine) -> None:
    assert get_args(CounterpartBasis) == BASES
    for pair in store.relations(corpus_store):
        record = store.relation(corpus_store, *pair["countries"])
        for lang in ("vi", "en"):
            Relation.model_validate(store.in_language(record, lang))


def test_no_meeting_lacks_a_counterpart_its_sentence_names(corpus_store: Engine) -> None:
    """A side naming no person, with no person found for it, whose person's full name the sentence gives."""
    missed = []
    for pair in store.relations(corpus_store):
        record = store.relation(corpus_store, *pair["countries"])
        country_of = {p["id"]: p["country"] for p in record["persons"]}
        for meeting in (e for e in record["events"] if e["type"] == "MEET"):
            if (meeting["counterpart"] or {}).get("person_id"):
                continue
            named = {country_of.get(p) for p in meeting["person_ids"]}
            said = " ".join(fold(s["quote"]) for s in meeting["sources"])
            missed += [
                (meeting["id"], person["name"]) for person in record["persons"]
                if person["country"] in set(meeting["actors"]) - named
                and any(fold(n) in said for n in [person["name"], *person["aliases"]] if len(n.split()) > 1)
            ]
    assert missed == []


def test_a_day_reported_within_the_visit_keeps_its_span(with_lima_talks: Engine) -> None:
    record = store.relation(with_lima_talks, "VN", "PE")
    visit = _peru_visit(record)
    assert visit["date"] == "2024-11-12/2024-11-16"
    assert any(s["name"] == "lima-talks" for s in visit["sources"])  # the English report joined the visit
    talks = next(e for e in record["events"] if any(s["name"] == "lima-talks" for s in e["sources"]) and e["type"] == "MEET")
    assert talks["trip_id"] == visit["id"]


@pytest.mark.parametrize("pair", [("VN", "JP"), ("IN", "VN")])
def test_the_japan_and_india_upgrades_read_as_upgrades(corpus_store: Engine, pair: tuple[str, str]) -> None:
    record = store.relation(corpus_store, *pair)
    upgrades = [e for e in record["events"] if e["type"] == "ESTABLISH_RELATIONS" and e["upgrade"]]
    assert [e["framework"] for e in upgrades if e["framework"] == "comprehensive_strategic_partnership"]
    upgrade = next(e for e in upgrades if e["framework"] == "comprehensive_strategic_partnership")
    assert event_label(upgrade, "en") == "Upgrade of relations to Comprehensive strategic partnership"
    assert event_label(upgrade, "vi") == "Nâng cấp quan hệ lên Đối tác chiến lược toàn diện"
    assert record["glance"]["framework"]["framework"] == "comprehensive_strategic_partnership"
    assert record["frameworks"][-1]["framework"] == "comprehensive_strategic_partnership"


def test_the_peru_glance(corpus_store: Engine) -> None:
    glance = store.relation(corpus_store, "VN", "PE")["glance"]
    assert glance["framework"]["framework"] == "diplomatic_relations" and glance["framework"]["date"] == "1994"
    assert glance["last_contact"]["date"] == "2024-11-12/2024-11-16" and glance["last_contact"]["type"] == "VISIT"
    assert glance["trade"]["period"] == "2024-01/2024-07"
    assert glance["sources"]["articles"] >= 2
    assert glance["open"] and all(item["age_days"] is not None and item["age_days"] > 0 for item in glance["open"])
    assert not any(item["object"].endswith(" và") for item in glance["open"])
