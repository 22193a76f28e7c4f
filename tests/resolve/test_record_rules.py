"""The merged record's rules on small invented stories: spans, trips, background, counterparts, frameworks, the glance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bilat.report.labels import event_label
from bilat.resolve import resolve
from bilat.resolve.glance import concrete, framework_history, glance, worded
from bilat.resolve.model import EventEntity, Resolution, Stated

_EVENT = {"date": None, "status": "happened", "persons": [], "place": None, "occasion": None, "object": None,
          "counterpart_office": None}


def article(article_id: str, published: str | None, *, persons: Sequence[dict[str, Any]] = (),
            events: Sequence[dict[str, Any]] = ()) -> list[Stated]:
    """One article's persons and events as ``Stated``, fact ids ``article:section:position``."""
    return [
        Stated(f"{article_id}:{section}:{position}", article_id, section, position, published, record)
        for section, records in (("persons", persons), ("events", [_EVENT | e for e in events]))
        for position, record in enumerate(records)
    ]


def person(name: str, country: str, office: str) -> dict[str, Any]:
    return {"name": name, "country": country, "office": office, "title": None, "aliases": []}


def event(type_: str, actors: list[str], date: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"type": type_, "actors": actors, "date": date, **fields}


def run(*articles: list[Stated]) -> Resolution:
    return resolve([fact for facts in articles for fact in facts])


def _only(result: Resolution, type_: str) -> EventEntity:
    found = [e for e in result.events if e.type == type_]
    assert len(found) == 1, found
    return found[0]


def _with_quotes(facts: list[Stated], quote: str) -> list[Stated]:
    """Each meeting of an article with its sentence, as the store reads it."""
    return [Stated(f.fact_id, f.article_id, f.section, f.position, f.published, f.data,
                   quote if f.data.get("type") == "MEET" else None) for f in facts]


# ---------------------------------------------------------------- dates survive merging

THAI_VISIT = article("th-vi", "2024-05-10", persons=[person("Srettha Thavisin", "TH", "head_of_government")],
                     events=[event("VISIT", ["TH", "CL"], "2024-05-06/2024-05-09", persons=["Srettha Thavisin"])])
ONE_DAY = article("th-en", "2024-05-08", persons=[person("Srettha Thavisin", "TH", "head_of_government")],
                  events=[event("VISIT", ["TH", "CL"], "2024-05-07", persons=["Srettha Thavisin"]),
                          event("MEET", ["TH", "CL"], "2024-05-07", persons=["Srettha Thavisin"])])


def test_a_visit_keeps_its_span_when_a_day_within_it_is_merged() -> None:
    for order in ((THAI_VISIT, ONE_DAY), (ONE_DAY, THAI_VISIT)):
        visit = _only(run(*order), "VISIT")
        assert visit.date == "2024-05-06/2024-05-09" and len(visit.sources) == 2


def test_a_later_day_of_the_span_still_joins_it() -> None:
    third = article("th-late", "2024-05-11", persons=[person("Srettha Thavisin", "TH", "head_of_government")],
                    events=[event("VISIT", ["TH", "CL"], "2024-05-09", persons=["Srettha Thavisin"])])
    visit = _only(run(ONE_DAY, THAI_VISIT, third), "VISIT")
    assert visit.date == "2024-05-06/2024-05-09" and len(visit.sources) == 3


def test_a_meeting_takes_the_day_it_was_held() -> None:
    span = article("th-meet", "2024-05-10", events=[event("MEET", ["TH", "CL"], "2024-05-06/2024-05-09",
                                                          persons=["Srettha Thavisin"])],
                   persons=[person("Srettha Thavisin", "TH", "head_of_government")])
    assert _only(run(span, ONE_DAY), "MEET").date == "2024-05-07"


# ---------------------------------------------------------------- trips and background

def test_a_visit_holds_the_events_of_its_days_between_the_same_countries() -> None:
    result = run(article("ke", "2024-03-05", persons=[person("William Ruto", "KE", "head_of_state")], events=[
        event("VISIT", ["KE", "JP"], "2024-03-01/2024-03-04", persons=["William Ruto"]),
        event("MEET", ["KE", "JP"], "2024-03-02", persons=["William Ruto"]),
        event("SIGN", ["KE", "JP"], "2024-03-03"),
        event("MEET", ["KE", "JP"], "2024-03-20", persons=["William Ruto"]),
        event("MEET", ["KE", "IN"], "2024-03-02", persons=["William Ruto"]),
    ]))
    visit = _only(result, "VISIT")
    assert visit.trip_id == visit.id
    parts = {(e.type, e.date, tuple(e.actors)) for e in result.events if e.trip_id == visit.id and e is not visit}
    assert parts == {("MEET", "2024-03-02", ("KE", "JP")), ("SIGN", "2024-03-03", ("KE", "JP"))}


def test_a_visit_known_to_the_month_holds_only_what_its_article_tells() -> None:
    result = run(
        article("ke-month", "2024-03-30", events=[event("VISIT", ["KE", "JP"], "2024-03"),
                                                  event("COMMIT", ["KE", "JP"], "2024-03", object="open an embassy")]),
        article("ke-other", "2024-03-25", events=[event("MEET", ["KE", "JP"], "2024-03-24")]),
    )
    visit = _only(result, "VISIT")
    assert _only(result, "COMMIT").trip_id == visit.id
    assert _only(result, "MEET").trip_id is None


def test_an_event_the_article_recalls_is_background() -> None:
    result = run(article("hist", "2024-11-15", events=[
        event("VISIT", ["BR", "IN"], "1998-07"),  # told as happened, but 26 years before the article
        event("VISIT", ["IN", "BR"], "2016-11", status="reported"),
        event("MEET", ["BR", "IN"], "2024-11-14"),
    ]))
    background = {e.date: e.background for e in result.events}
    assert background == {"1998-07": True, "2016-11": True, "2024-11-14": False}


def test_an_event_one_article_reports_as_news_is_not_background() -> None:
    result = run(article("news", "2016-11-20", events=[event("VISIT", ["IN", "BR"], "2016-11")]),
                 article("hist", "2024-11-15", events=[event("VISIT", ["IN", "BR"], "2016-11", status="reported")]))
    assert _only(result, "VISIT").background is False


# ---------------------------------------------------------------- counterparts

PRESIDENT_OF_CHILE = person("Gabriel Boric", "CL", "head_of_state")


def test_an_office_met_is_its_holder_the_article_names() -> None:
    result = run(article("cl", "2024-11-12", persons=[
        person("Srettha Thavisin", "TH", "head_of_government"), PRESIDENT_OF_CHILE,
        person("Michelle Bachelet", "CL", "head_of_state"),
    ], events=[
        event("VISIT", ["CL", "TH"], "2016-03", status="reported", persons=["Michelle Bachelet"]),
        event("ACCEPT", ["TH", "CL"], persons=["Srettha Thavisin", "Gabriel Boric"]),
        event("MEET", ["TH", "CL"], "2024-11-11", persons=["Srettha Thavisin"], counterpart_office="head_of_state"),
    ]))
    counterpart = _only(result, "MEET").counterpart
    assert counterpart is not None and counterpart.inferred and counterpart.basis == "same_article"
    assert counterpart.person_id == next(p.id for p in result.persons if p.name == "Gabriel Boric")
    assert counterpart.fact_id == "cl:persons:1"  # the statement that names him: not the 2016 president's


def test_an_office_met_is_its_holder_another_article_shows_then() -> None:
    shown = article("shown", "2024-10-01", persons=[PRESIDENT_OF_CHILE],
                    events=[event("MEET", ["CL", "AR"], "2024-10-01", persons=["Gabriel Boric"])])
    met = article("met", "2024-11-12", persons=[person("Srettha Thavisin", "TH", "head_of_government")],
                  events=[event("MEET", ["TH", "CL"], "2024-11-11", persons=["Srettha Thavisin"],
                                counterpart_office="head_of_state")])
    counterpart = next(e for e in run(shown, met).events if e.actors == ["TH", "CL"]).counterpart
    assert counterpart is not None and counterpart.basis == "office_holder" and counterpart.fact_id == "shown:persons:0"


def test_an_office_no_one_is_known_to_hold_is_kept_as_the_office() -> None:
    far = article("far", "2019-01-01", persons=[PRESIDENT_OF_CHILE])  # seen, but years before
    met = article("met", "2024-11-12", persons=[person("Srettha Thavisin", "TH", "head_of_government")],
                  events=[event("MEET", ["TH", "CL"], "2024-11-11", persons=["Srettha Thavisin"],
                                counterpart_office="head_of_legislature")])
    counterpart = _only(run(far, met), "MEET").counterpart
    assert counterpart is not None
    assert (counterpart.country, counterpart.office, counterpart.person_id, counterpart.inferred) == (
        "CL", "head_of_legislature", None, False)


def test_the_visitor_is_the_counterpart_of_the_calls_of_their_trip() -> None:
    result = run(article("calls", "2022-03-22", persons=[
        person("Ismail Sabri Yaacob", "MY", "head_of_government"), person("Nguyễn Xuân Phúc", "VN", "head_of_state"),
    ], events=[
        event("VISIT", ["MY", "VN"], "2022-03-20/2022-03-22", persons=["Ismail Sabri Yaacob"]),
        event("MEET", ["MY", "VN"], "2022-03-21", persons=["Nguyễn Xuân Phúc"], counterpart_office="head_of_state"),
    ]))
    counterpart = _only(result, "MEET").counterpart
    assert counterpart is not None and counterpart.basis == "trip" and counterpart.country == "MY"
    assert counterpart.office == "head_of_government" and counterpart.fact_id == "calls:persons:0"


def test_a_person_the_sentence_names_is_the_counterpart() -> None:
    facts = article("uae", "2024-08-27", persons=[
        person("Pham Minh Chinh", "VN", "head_of_government"), person("Thani Al Zeyoudi", "AE", "minister"),
    ], events=[event("MEET", ["AE", "VN"], "2024-08-26", persons=["Thani Al Zeyoudi"], counterpart_office="minister")])
    said = "Prime Minister Pham Minh Chinh called for it at a reception on August 26 for UAE Minister Thani Al Zeyoudi"
    counterpart = _only(run(_with_quotes(facts, said)), "MEET").counterpart
    assert counterpart is not None and counterpart.basis == "same_sentence" and counterpart.country == "VN"
    assert counterpart.office == "head_of_government"


def test_a_meeting_naming_both_sides_has_no_counterpart_to_find() -> None:
    result = run(article("both", "2024-03-07", persons=[person("Anthony Albanese", "AU", "head_of_government"),
                                                         person("Phạm Minh Chính", "VN", "head_of_government")],
                         events=[event("MEET", ["VN", "AU"], "2024-03-07", persons=["Phạm Minh Chính", "Anthony Albanese"],
                                       counterpart_office="head_of_government")]))
    assert _only(result, "MEET").counterpart is None


# ---------------------------------------------------------------- frameworks

def test_an_upgrade_is_an_upgrade_and_the_framework_history_rises() -> None:
    result = run(article("fw", "2024-09-12", events=[
        event("ESTABLISH_RELATIONS", ["VN", "AE"], "1993", status="reported", framework="diplomatic_relations"),
        event("ESTABLISH_RELATIONS", ["VN", "AE"], "2024-10", framework="comprehensive_partnership"),
    ]))
    steps = {e.framework: e.upgrade for e in result.events}
    assert steps == {"diplomatic_relations": False, "comprehensive_partnership": True}
    records = [{"id": e.id, "type": e.type, "date": e.date, "framework": e.framework, "upgrade": e.upgrade,
                "sources": []} for e in result.events]
    assert [(f["framework"], f["date"]) for f in framework_history(records)] == [
        ("diplomatic_relations", "1993"), ("comprehensive_partnership", "2024-10")]
    upgrade = next(r for r in records if r["upgrade"])
    assert event_label(upgrade, "en") == "Upgrade of relations to Comprehensive partnership"
    assert event_label(upgrade, "vi") == "Nâng cấp quan hệ lên Đối tác toàn diện"
    established = next(r for r in records if not r["upgrade"])
    assert event_label(established, "en") == "Establishment of diplomatic relations"


def test_two_frameworks_undated_are_two_events() -> None:
    result = run(article("a", None, events=[event("ESTABLISH_RELATIONS", ["VN", "JP"], framework="diplomatic_relations")]),
                 article("b", None, events=[event("ESTABLISH_RELATIONS", ["VN", "JP"],
                                                  framework="comprehensive_strategic_partnership")]))
    assert len(result.events) == 2


# ---------------------------------------------------------------- the glance

def _event(id_: str, type_: str, date: str | None, **fields: Any) -> dict[str, Any]:
    source = {"article": "x", "published": "2024-12-31", "quote": fields.pop("quote", "")}
    return {"id": id_, "type": type_, "actors": ["VN", "PE"], "date": date, "status": "happened", "person_ids": [],
            "persons": [], "object": None, "agreement_id": None, "framework": None, "upgrade": False,
            "counterpart": None, "trip_id": None, "fulfilled_by": [], "sources": [source], **fields}


def _record(events: list[dict[str, Any]], open_: list[str]) -> dict[str, Any]:
    return {
        "events": events, "open": open_, "articles": 1, "languages": {"vi": 1}, "agreements": [], "mechanisms": [],
        "memberships": [], "persons": [{"id": "p1", "office": "head_of_state"}, {"id": "p2", "office": "ambassador"}],
        "figures": [
            {"id": "f1", "indicator": "bilateral_trade", "period": "2023", "value": 5e8, "unit": "USD", "approx": True, "sources": []},
            {"id": "f2", "indicator": "bilateral_trade", "period": "2024-01/2024-07", "value": 3e8, "unit": "USD",
             "approx": True, "sources": []},
        ],
    }


def test_the_glance_of_a_record() -> None:
    events = [
        _event("e1", "ESTABLISH_RELATIONS", "1994", framework="diplomatic_relations"),
        _event("e2", "ESTABLISH_RELATIONS", "2024-11", framework="comprehensive_partnership", upgrade=True),
        _event("e3", "MEET", "2024-11-14", person_ids=["p1"]),
        _event("e4", "MEET", "2024-12-20", person_ids=["p2"]),  # an ambassador's call: not high-level
        _event("e5", "COMMIT", "2024-12-01", object="thúc đẩy hợp tác nông nghiệp"),
        _event("e6", "PROPOSE", "2024-12-01", object="mở Đại sứ quán tại thủ đô Lima"),
        _event("e7", "ACCEPT", None),
        _event("e8", "VISIT", "2025-03", status="planned", actors=["PE", "VN"]),
    ]
    summary = glance(_record(events, ["e5", "e6", "e7"]))
    assert summary["as_of"] == "2024-12-31"
    assert summary["framework"]["framework"] == "comprehensive_partnership"
    assert summary["last_contact"]["event"] == "e3"
    assert [(i["event"], i["age_days"]) for i in summary["open"]] == [("e6", 30), ("e7", 0)]
    assert [i["event"] for i in summary["next"]] == ["e7", "e8"]
    assert summary["trade"]["id"] == "f2"
    assert summary["sources"] == {"articles": 1, "languages": {"vi": 1}}


def test_boilerplate_is_no_open_item_and_a_named_step_is() -> None:
    assert not concrete(_event("c", "COMMIT", None, object="promote cooperation in agriculture"), set())
    assert concrete(_event("c", "COMMIT", None, object="support Peru's candidacy to the UN Human Rights Council"), set())
    assert concrete(_event("c", "PROPOSE", None, object="investment protection"), {frozenset({"investment", "protection"})})
    assert concrete(_event("c", "COMMIT", None, object="đưa kim ngạch lên 1 tỷ USD"), set())


def test_an_object_cut_short_is_worded_to_the_end_of_its_clause() -> None:
    quote = ("khẳng định sẽ tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương "
             "quốc tế, thúc đẩy hợp tác với ASEAN")
    cut = "tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và"
    words = frozenset({"và", "and"})
    assert worded(cut, quote, words) == "tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương quốc tế"
    assert worded("open an embassy and", None, words) == "open an embassy"
