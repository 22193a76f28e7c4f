"""Resolution rules across articles, told as short invented stories (Thailand–Chile, Kenya–Japan, India–Brazil)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from bilat.resolve import Resolution, Stated, resolve
from bilat.resolve.model import EventEntity, PersonEntity

# ---------------------------------------------------------------- builders

DEFAULTS: dict[str, dict[str, Any]] = {
    "persons": {"aliases": [], "country": None, "office": None, "title": None},
    "events": {"date": None, "status": "happened", "persons": [], "place": None, "occasion": None,
               "object": None, "counterpart_office": None},
    "agreements": {"scope": None, "date": None},
    "mechanisms": {"level": None, "name": None},
    "memberships": {},
    "figures": {"period": None, "unit": "USD", "approx": False},
}


def article(
    article_id: str,
    published: str | None,
    *,
    persons: Sequence[dict[str, Any]] = (),
    events: Sequence[dict[str, Any]] = (),
    agreements: Sequence[dict[str, Any]] = (),
    mechanisms: Sequence[dict[str, Any]] = (),
    memberships: Sequence[dict[str, Any]] = (),
    figures: Sequence[dict[str, Any]] = (),
) -> list[Stated]:
    """One article's facts as ``Stated``, defaults filled, fact ids ``article:section:position``."""
    sections = {"persons": persons, "events": events, "agreements": agreements,
                "mechanisms": mechanisms, "memberships": memberships, "figures": figures}
    return [
        Stated(fid(article_id, section, position), article_id, section, position, published,
               DEFAULTS[section] | record)
        for section, records in sections.items()
        for position, record in enumerate(records)
    ]


def fid(article_id: str, section: str, position: int = 0) -> str:
    return f"{article_id}:{section}:{position}"


def person(name: str, country: str | None = None, office: str | None = None, *aliases: str) -> dict[str, Any]:
    return {"name": name, "country": country, "office": office, "aliases": list(aliases)}


def event(type_: str, actors: list[str], date: str | None = None, *, status: str = "happened",
          persons: Sequence[str] = (), **extra: Any) -> dict[str, Any]:
    return {"type": type_, "actors": actors, "date": date, "status": status, "persons": list(persons), **extra}


def agreement(kind: str, parties: list[str], status: str, scope: str | None = None,
              date: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "parties": parties, "status": status, "scope": scope, "date": date}


def figure(value: float, *, approx: bool = False, indicator: str = "bilateral_trade",
           parties: Sequence[str] = ("IN", "BR"), period: str | None = "2024") -> dict[str, Any]:
    return {"indicator": indicator, "parties": list(parties), "period": period, "value": value, "approx": approx}


def run(*articles: Iterable[Stated]) -> Resolution:
    return resolve([fact for facts in articles for fact in facts])


def person_named(result: Resolution, name: str) -> PersonEntity:
    matches = [p for p in result.persons if p.name == name or name in p.aliases]
    assert len(matches) == 1, matches
    return matches[0]


def events_of(result: Resolution, type_: str) -> list[EventEntity]:
    return [e for e in result.events if e.type == type_]


def event_from(result: Resolution, fact_id: str) -> EventEntity:
    matches = [e for e in result.events if fact_id in e.sources]
    assert len(matches) == 1, matches
    return matches[0]


# ---------------------------------------------------------------- persons


def test_full_and_short_name_of_one_person_merge_under_the_fullest_name() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Somchai Arunrat Wongsakul Prasert", "TH", "head_of_state")]),
        article("a2", "2024-04-01", persons=[person("Somchai Prasert", "TH", "head_of_state")]),
    )
    assert len(result.persons) == 1
    merged = result.persons[0]
    assert merged.name == "Somchai Arunrat Wongsakul Prasert"
    assert "Somchai Prasert" in merged.aliases
    assert merged.sources == [fid("a1", "persons"), fid("a2", "persons")]


def test_short_name_in_another_country_is_another_person() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Somchai Arunrat Wongsakul Prasert", "TH")]),
        article("a2", "2024-04-01", persons=[person("Somchai Prasert", "KH")]),
    )
    assert len(result.persons) == 2


def test_name_with_and_without_tone_marks_is_one_person() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Đỗ Thị Hồng Nhung", "VN", "ambassador")]),
        article("a2", "2024-05-01", persons=[person("Do Thi Hong Nhung", "VN", "ambassador")]),
    )
    assert len(result.persons) == 1
    assert result.persons[0].name == "Đỗ Thị Hồng Nhung"
    assert result.persons[0].aliases == ["Do Thi Hong Nhung"]


def test_name_shown_with_its_tone_marks_even_when_more_often_written_without() -> None:
    # English articles often drop the marks of a Vietnamese name that Vietnamese articles write in full.
    result = run(
        article("a1", "2024-03-01", persons=[person("Do Thi Hong Nhung", "VN", "ambassador")]),
        article("a2", "2024-04-01", persons=[person("Do Thi Hong Nhung", "VN", "ambassador")]),
        article("a3", "2024-05-01", persons=[person("Đỗ Thị Hồng Nhung", "VN", "ambassador", "Đại sứ Nhung")]),
    )
    (merged,) = result.persons
    assert merged.name == "Đỗ Thị Hồng Nhung"
    assert merged.aliases == ["Do Thi Hong Nhung", "Đại sứ Nhung"]


def test_same_name_in_different_countries_is_two_people() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Carlos Mendoza", "CL", "head_of_state")]),
        article("a2", "2024-04-01", persons=[person("Carlos Mendoza", "AR", "head_of_state")]),
    )
    assert sorted(p.country or "" for p in result.persons) == ["AR", "CL"]


def test_one_word_surname_with_another_office_is_another_person() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Carlos Mendoza", "CL", "head_of_state")]),
        article("a2", "2024-04-01", persons=[person("Mendoza", "CL", "foreign_minister")]),
    )
    assert len(result.persons) == 2


def test_one_word_surname_with_same_country_and_office_merges() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Carlos Ignacio Mendoza Rojas", "CL", "head_of_state")]),
        article("a2", "2024-04-01", persons=[person("Rojas", "CL", "head_of_state")]),
    )
    assert len(result.persons) == 1
    assert result.persons[0].name == "Carlos Ignacio Mendoza Rojas"
    assert result.persons[0].aliases == ["Rojas"]


def test_one_word_alias_is_matched_like_a_name() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Carlos Ignacio Mendoza Rojas", "CL", "head_of_state")]),
        article("a2", "2024-04-01", persons=[person("Presidente Rojas", "CL", "head_of_state", "Rojas")]),
    )
    assert len(result.persons) == 1


def test_two_persons_of_one_article_are_never_merged() -> None:
    result = run(article("a1", "2024-03-01", persons=[
        person("Carlos Mendoza", "CL", "head_of_state"),
        person("Carlos Mendoza", "CL", "head_of_state"),
    ]))
    assert len(result.persons) == 2


def test_two_persons_of_one_article_stay_two_when_a_later_article_matches_both() -> None:
    result = run(
        article("a1", "2024-03-01", persons=[person("Carlos Mendoza", "CL"), person("Carlos Mendoza", "CL")]),
        article("a2", "2024-04-01", persons=[person("Carlos Mendoza", "CL")]),
    )
    assert len(result.persons) == 2


def test_offices_are_dated_by_the_event_then_the_article() -> None:
    result = run(
        # 2023: Prasert is head of state, in a meeting of 2 June.
        article("a1", "2023-06-30", persons=[person("Somchai Prasert", "TH", "head_of_state")],
                events=[event("MEET", ["TH", "CL"], "2023-06-02", persons=["Somchai Prasert"])]),
        # 2024: Chaiyo is head of state and visits; Prasert, now former, takes part in no event.
        article("a2", "2024-03-15",
                persons=[person("Niran Chaiyo", "TH", "head_of_state"), person("Somchai Prasert", "TH", "other")],
                events=[event("VISIT", ["TH", "CL"], "2024-03-10", persons=["Niran Chaiyo"])]),
        # A profile recalls Prasert's 2022 visit, background only.
        article("a3", "2024-08-01", persons=[person("Somchai Prasert", "TH", "head_of_state")],
                events=[event("VISIT", ["TH", "CL"], "2022-01", status="reported", persons=["Somchai Prasert"])]),
    )
    prasert, chaiyo = person_named(result, "Somchai Prasert"), person_named(result, "Niran Chaiyo")
    assert [(o.office, o.date) for o in prasert.offices] == [
        ("head_of_state", "2022-01"), ("head_of_state", "2023-06-02"), ("other", "2024-03-15")]
    assert prasert.office == "other"
    assert [(o.office, o.date) for o in chaiyo.offices] == [("head_of_state", "2024-03-10")]
    assert chaiyo.office == "head_of_state"


def test_office_date_prefers_a_current_event_over_a_recalled_one() -> None:
    result = run(article(
        "a1", "2024-06-01", persons=[person("Amani Kiptoo", "KE", "foreign_minister")],
        events=[event("VISIT", ["KE", "JP"], "2019-04", status="reported", persons=["Amani Kiptoo"]),
                event("MEET", ["KE", "JP"], "2024-05-20", persons=["Amani Kiptoo"])],
    ))
    assert [o.date for o in result.persons[0].offices] == ["2024-05-20"]


# ---------------------------------------------------------------- events


def test_one_visit_reported_by_two_articles_is_one_event() -> None:
    result = run(
        article("a1", "2024-10-20", persons=[person("Amani Kiptoo", "KE", "head_of_state")],
                events=[event("VISIT", ["KE", "JP"], "2024-11", status="planned", persons=["Amani Kiptoo"])]),
        article("a2", "2024-11-17", persons=[person("Amani Wanjiru Kiptoo", "KE", "head_of_state")],
                events=[event("VISIT", ["KE", "JP"], "2024-11-12/2024-11-16", persons=["Amani Wanjiru Kiptoo"],
                              place="Tokyo")]),
    )
    visit = events_of(result, "VISIT")
    assert len(visit) == 1
    assert visit[0].sources == [fid("a1", "events"), fid("a2", "events")]
    assert visit[0].date == "2024-11-12/2024-11-16"
    assert visit[0].sort_date == "2024-11-12"
    assert visit[0].status == "happened"
    assert visit[0].persons == [result.persons[0].id]
    assert visit[0].place == "Tokyo"


def test_merged_event_takes_the_most_precise_date_and_the_furthest_status() -> None:
    # Announced for November, then announced with exact days, then reported done "in November".
    result = run(
        article("a1", "2024-10-01", events=[event("VISIT", ["KE", "JP"], "2024-11", status="planned")]),
        article("a2", "2024-11-05", events=[event("VISIT", ["KE", "JP"], "2024-11-12/2024-11-16", status="planned")]),
        article("a3", "2024-12-01", events=[event("VISIT", ["KE", "JP"], "2024-11", status="happened")]),
    )
    (visit,) = result.events
    assert (visit.date, visit.status) == ("2024-11-12/2024-11-16", "happened")
    assert len(visit.sources) == 3


def test_event_naming_a_person_by_an_alias_points_to_that_person() -> None:
    result = run(article(
        "a1", "2024-06-01", persons=[person("Ravi Shankar Menon", "IN", "foreign_minister", "Minister Menon")],
        events=[event("MEET", ["IN", "BR"], "2024-05-30", persons=["minister menon"])],
    ))
    assert result.events[0].persons == [result.persons[0].id]


def test_visits_in_different_years_are_two_events() -> None:
    result = run(
        article("a1", "2016-05-01", events=[event("VISIT", ["KE", "JP"], "2016", persons=["Amani Kiptoo"])]),
        article("a2", "2017-05-01", events=[event("VISIT", ["KE", "JP"], "2017-03", persons=["Amani Kiptoo"])]),
    )
    assert [e.date for e in events_of(result, "VISIT")] == ["2016", "2017-03"]


def test_two_meetings_stated_by_one_article_stay_two() -> None:
    result = run(article("a1", "2024-06-01", events=[
        event("MEET", ["IN", "BR"], "2024-05-30", persons=["Ravi Menon"]),
        event("MEET", ["IN", "BR"], "2024-05-30", persons=["Ravi Menon"]),
    ]))
    assert len(result.events) == 2
    assert sorted(e.sources[0] for e in result.events) == [fid("a1", "events", 0), fid("a1", "events", 1)]


def test_meeting_sides_are_symmetric_but_visits_have_a_direction() -> None:
    meetings = run(
        article("a1", "2024-06-01", events=[event("MEET", ["IN", "BR"], "2024-05-30")]),
        article("a2", "2024-06-02", events=[event("MEET", ["BR", "IN"], "2024-05-30")]),
    )
    assert len(meetings.events) == 1
    visits = run(
        article("a1", "2024-06-01", events=[event("VISIT", ["IN", "BR"], "2024-05")]),
        article("a2", "2024-06-02", events=[event("VISIT", ["BR", "IN"], "2024-05")]),
    )
    assert len(visits.events) == 2


def test_undated_statement_joins_only_an_event_sharing_a_person() -> None:
    result = run(
        article("a1", "2024-03-01", events=[event("VISIT", ["TH", "CL"], "2024-02-20", persons=["Niran Chaiyo"])]),
        article("a2", "2024-04-01", events=[event("VISIT", ["TH", "CL"], persons=["Niran Chaiyo"])]),
        article("a3", "2024-05-01", events=[event("VISIT", ["TH", "CL"])]),
    )
    visits = events_of(result, "VISIT")
    assert sorted(e.sources for e in visits) == [
        [fid("a1", "events"), fid("a2", "events")], [fid("a3", "events")]]


def test_events_naming_different_persons_are_not_merged() -> None:
    result = run(
        article("a1", "2024-03-01", events=[event("MEET", ["TH", "CL"], "2024-02-20", persons=["Niran Chaiyo"])]),
        article("a2", "2024-03-02", events=[event("MEET", ["TH", "CL"], "2024-02-20", persons=["Pimchanok Sae"])]),
    )
    assert len(result.events) == 2


def test_meetings_with_different_counterpart_offices_are_not_merged() -> None:
    result = run(
        article("a1", "2024-03-01", events=[event("MEET", ["IN", "BR"], "2024-02", counterpart_office="head_of_state")]),
        article("a2", "2024-03-02", events=[event("MEET", ["IN", "BR"], "2024-02", counterpart_office="head_of_state")]),
        article("a3", "2024-03-03", events=[event("MEET", ["IN", "BR"], "2024-02", counterpart_office="foreign_minister")]),
    )
    assert sorted(e.sources for e in result.events) == [
        [fid("a1", "events"), fid("a2", "events")], [fid("a3", "events")]]


def test_proposals_merge_only_when_objects_share_most_words() -> None:
    result = run(
        article("a1", "2024-03-01", events=[event("PROPOSE", ["KE", "JP"], "2024-02", object="open an embassy in Nairobi")]),
        article("a2", "2024-03-02", events=[event("PROPOSE", ["KE", "JP"], "2024-02", object="open embassy in Nairobi soon")]),
        article("a3", "2024-03-03", events=[
            event("PROPOSE", ["KE", "JP"], "2024-02", object="launch direct flights between Tokyo and Nairobi")]),
    )
    assert sorted(e.sources for e in result.events) == [
        [fid("a1", "events"), fid("a2", "events")], [fid("a3", "events")]]


# ---------------------------------------------------------------- agreements


def test_agreement_scope_contained_in_another_merges_but_disjoint_qualifiers_do_not() -> None:
    merged = run(
        article("a1", "2023-04-01", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", "visa exemption")]),
        article("a2", "2024-04-01", agreements=[
            agreement("VISA_EXEMPTION", ["BR", "IN"], "negotiating", "visa exemption, diplomatic passports")]),
    )
    assert len(merged.agreements) == 1
    assert merged.agreements[0].scope == "visa exemption, diplomatic passports"
    assert merged.agreements[0].status == "negotiating"
    apart = run(
        article("a1", "2023-04-01", agreements=[
            agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", "visa exemption, citizens")]),
        article("a2", "2024-04-01", agreements=[
            agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", "visa exemption, diplomatic passports")]),
    )
    assert sorted(a.scope or "" for a in apart.agreements) == [
        "visa exemption, citizens", "visa exemption, diplomatic passports"]


def test_agreement_scopes_in_singular_and_plural_are_one_agreement() -> None:
    # A Vietnamese article's gloss and an English article's words for one agreement, and another agreement.
    result = run(
        article("a1", "2024-11-14", agreements=[
            agreement("VISA_EXEMPTION", ["IN", "BR"], "signed", "visa exemption, diplomatic and official passports")]),
        article("a2", "2024-11-15", agreements=[
            agreement("VISA_EXEMPTION", ["IN", "BR"], "signed", "visa exemption for diplomatic and official passport holders")]),
        article("a3", "2024-11-16", agreements=[
            agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", "visa exemption for ordinary passport holders")]),
    )
    assert sorted(a.sources for a in result.agreements) == [
        [fid("a1", "agreements"), fid("a2", "agreements")], [fid("a3", "agreements")]]


def test_agreement_status_history_moves_forward() -> None:
    result = run(
        article("a1", "2023-04-10", agreements=[agreement("TRADE", ["TH", "CL"], "proposed", "free trade")]),
        article("a2", "2025-01-20", agreements=[agreement("TRADE", ["TH", "CL"], "signed", "free trade", "2025-01-15")]),
    )
    (trade,) = result.agreements
    assert (trade.status, trade.date) == ("signed", "2025-01-15")
    assert [(h.status, h.date, h.as_of, h.fact_id) for h in trade.history] == [
        ("proposed", None, "2023-04-10", fid("a1", "agreements")),
        ("signed", "2025-01-15", "2025-01-20", fid("a2", "agreements")),
    ]


def test_agreement_status_does_not_move_back_on_a_stale_later_statement() -> None:
    result = run(
        article("a1", "2025-01-20", agreements=[agreement("TRADE", ["TH", "CL"], "signed", "free trade", "2025-01-15")]),
        article("a2", "2025-06-01", agreements=[agreement("TRADE", ["TH", "CL"], "negotiating", "free trade")]),
    )
    (trade,) = result.agreements
    assert (trade.status, trade.date) == ("signed", "2025-01-15")
    assert len(trade.sources) == 2


# ---------------------------------------------------------------- records


def test_memberships_are_one_entity_per_organisation_and_country() -> None:
    result = run(
        article("a1", "2024-03-01", memberships=[{"org": "APEC", "countries": ["TH", "CL"]}]),
        article("a2", "2024-04-01", memberships=[{"org": "APEC", "countries": ["CL", "TH"]}]),
    )
    assert sorted((m.org, m.country, tuple(m.sources)) for m in result.memberships) == [
        ("APEC", "CL", (fid("a1", "memberships"), fid("a2", "memberships"))),
        ("APEC", "TH", (fid("a1", "memberships"), fid("a2", "memberships"))),
    ]


def test_membership_org_spelling_does_not_depend_on_input_order() -> None:
    facts = [
        *article("a1", "2024-03-01", memberships=[{"org": "Colombo Plan", "countries": ["IN"]}]),
        *article("a2", "2024-04-01", memberships=[{"org": "Colombo plan", "countries": ["IN"]}]),
    ]
    assert resolve(facts).memberships == resolve(facts[::-1]).memberships


def test_mechanisms_merge_unless_levels_differ() -> None:
    result = run(
        article("a1", "2024-03-01", mechanisms=[{"kind": "JOINT_COMMITTEE", "parties": ["KE", "JP"]}]),
        article("a2", "2024-04-01", mechanisms=[
            {"kind": "JOINT_COMMITTEE", "parties": ["JP", "KE"], "level": "minister", "name": "Kenya-Japan Joint Committee"}]),
        article("a3", "2024-05-01", mechanisms=[
            {"kind": "JOINT_COMMITTEE", "parties": ["KE", "JP"], "level": "deputy_minister"}]),
    )
    assert sorted((m.level or "", m.name or "", len(m.sources)) for m in result.mechanisms) == [
        ("deputy_minister", "", 1), ("minister", "Kenya-Japan Joint Committee", 2)]


def test_rounded_figure_merges_with_the_exact_one_which_wins() -> None:
    result = run(
        article("a1", "2024-03-01", figures=[figure(500e6, approx=True)]),
        article("a2", "2024-04-01", figures=[figure(498e6)]),
    )
    (trade,) = result.figures
    assert trade.value == 498e6
    assert trade.approx is False
    assert trade.sources == [fid("a1", "figures"), fid("a2", "figures")]


def test_figures_far_apart_are_both_kept() -> None:
    result = run(
        article("a1", "2024-03-01", figures=[figure(500e6)]),
        article("a2", "2024-04-01", figures=[figure(650e6)]),
    )
    assert sorted(f.value for f in result.figures) == [500e6, 650e6]


# ---------------------------------------------------------------- fulfilment


def test_invitation_is_fulfilled_by_the_first_visit_that_happened_after_it() -> None:
    result = run(
        article("a0", "2022-09-01", events=[event("VISIT", ["CL", "TH"], "2022-08", persons=["Ana Rojas"])]),
        article("a1", "2023-05-20", events=[event("INVITE", ["TH", "CL"], "2023-05", object="visit Thailand")]),
        article("a2", "2023-10-01", events=[event("VISIT", ["CL", "TH"], "2023-12", status="planned")]),
        article("a3", "2024-02-25", events=[event("VISIT", ["CL", "TH"], "2024-02", persons=["Ana Rojas"])]),
        article("a4", "2025-03-25", events=[event("VISIT", ["CL", "TH"], "2025-03", persons=["Ana Rojas"])]),
    )
    invite = event_from(result, fid("a1", "events"))
    (found,) = [link for link in result.links if link.source_id == invite.id]
    assert found.target_id == event_from(result, fid("a3", "events")).id
    assert "2023-05" in found.reason and "2024-02" in found.reason


def test_invitation_with_no_later_visit_has_no_link() -> None:
    result = run(
        article("a0", "2022-09-01", events=[event("VISIT", ["CL", "TH"], "2022-08")]),
        article("a1", "2023-05-20", events=[event("INVITE", ["TH", "CL"], "2023-05")]),
        # A visit the other way round does not answer the invitation.
        article("a2", "2024-02-25", events=[event("VISIT", ["TH", "CL"], "2024-02")]),
    )
    assert result.links == []


def test_undated_acceptance_is_fulfilled_by_the_visit_its_article_is_about() -> None:
    result = run(article(
        "a1", "2024-06-12",
        persons=[person("Ana Rojas", "CL", "head_of_state"), person("Pedro Soto", "CL", "head_of_state")],
        events=[
            event("VISIT", ["CL", "TH"], "2019-03", status="reported", persons=["Pedro Soto"]),
            event("ACCEPT", ["CL", "TH"], persons=["Ana Rojas"]),
            event("VISIT", ["CL", "TH"], "2024-06-08/2024-06-10", persons=["Ana Rojas"]),
        ],
    ))
    accept = event_from(result, fid("a1", "events", 1))
    (found,) = result.links
    assert (found.source_id, found.target_id) == (accept.id, event_from(result, fid("a1", "events", 2)).id)
    assert "same article" in found.reason


def test_undated_acceptance_without_a_visit_in_its_article_takes_the_first_visit_after_the_article() -> None:
    result = run(
        article("a0", "2024-01-10", events=[event("VISIT", ["KE", "JP"], "2024-01-05")]),
        article("a1", "2024-02-01", events=[event("ACCEPT", ["KE", "JP"])]),
        article("a2", "2024-07-01", events=[event("VISIT", ["KE", "JP"], "2024-06-20")]),
    )
    (found,) = result.links
    assert found.target_id == event_from(result, fid("a2", "events")).id


def test_proposal_of_an_agreement_links_to_the_agreement_once_signed() -> None:
    scope = "visa exemption, diplomatic passports"
    proposal = article("a1", "2023-04-10", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", scope)],
                       events=[event("PROPOSE", ["IN", "BR"], object=scope)])
    unsigned = run(proposal)
    assert unsigned.events[0].agreement_id == unsigned.agreements[0].id
    assert unsigned.links == []
    signed = run(proposal, article("a2", "2025-01-20", agreements=[
        agreement("VISA_EXEMPTION", ["IN", "BR"], "signed", scope, "2025-01-15")]))
    (visa,) = signed.agreements
    propose = event_from(signed, fid("a1", "events"))
    assert propose.agreement_id == visa.id
    (found,) = signed.links
    assert (found.source_id, found.target_id) == (propose.id, visa.id)
    assert "signed (2025-01-15)" in found.reason


def test_proposal_of_an_agreement_links_to_its_signing_event_when_stated() -> None:
    scope = "visa exemption, diplomatic passports"
    result = run(
        article("a1", "2023-04-10", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", scope)],
                events=[event("PROPOSE", ["IN", "BR"], object=scope)]),
        article("a2", "2025-01-20", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "signed", scope, "2025-01-15")],
                events=[event("SIGN", ["IN", "BR"], "2025-01-15", object=scope)]),
    )
    sign = event_from(result, fid("a2", "events"))
    assert sign.agreement_id == result.agreements[0].id
    (found,) = result.links
    assert (found.source_id, found.target_id) == (event_from(result, fid("a1", "events")).id, sign.id)


def test_proposal_of_something_else_gets_no_agreement() -> None:
    result = run(
        article("a1", "2023-04-10", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "proposed", "visa exemption")],
                events=[event("PROPOSE", ["IN", "BR"], object="open a consulate in Sao Paulo")]),
        article("a2", "2025-01-20", agreements=[agreement("VISA_EXEMPTION", ["IN", "BR"], "signed", "visa exemption")]),
    )
    assert result.events[0].agreement_id is None
    assert result.links == []


# ---------------------------------------------------------------- determinism


def _corpus() -> list[Stated]:
    scope = "visa exemption, diplomatic passports"
    return [
        *article("k1", "2024-10-20", persons=[person("Amani Kiptoo", "KE", "head_of_state")],
                 events=[event("INVITE", ["JP", "KE"], "2024-05"),
                         event("VISIT", ["KE", "JP"], "2024-11", status="planned", persons=["Amani Kiptoo"])],
                 figures=[figure(500e6, approx=True, parties=["KE", "JP"])]),
        *article("k2", "2024-11-17", persons=[person("Amani Wanjiru Kiptoo", "KE", "head_of_state"),
                                             person("Haruto Sato", "JP", "head_of_government")],
                 events=[event("VISIT", ["KE", "JP"], "2024-11-12/2024-11-16", persons=["Amani Wanjiru Kiptoo"]),
                         event("MEET", ["JP", "KE"], "2024-11-13", persons=["Amani Wanjiru Kiptoo", "Haruto Sato"]),
                         event("VISIT", ["KE", "JP"], "2016", status="reported")],
                 agreements=[agreement("VISA_EXEMPTION", ["KE", "JP"], "proposed", scope)],
                 memberships=[{"org": "UN", "countries": ["KE", "JP"]}],
                 figures=[figure(498e6, parties=["KE", "JP"])]),
        *article("k3", "2025-02-01", persons=[person("Kiptoo", "KE", "head_of_state"), person("Sato", "JP", "head_of_government")],
                 events=[event("MEET", ["KE", "JP"], "2024-11", persons=["Kiptoo", "Sato"]),
                         event("PROPOSE", ["KE", "JP"], object=scope)],
                 agreements=[agreement("VISA_EXEMPTION", ["KE", "JP"], "proposed", scope)],
                 mechanisms=[{"kind": "JOINT_COMMITTEE", "parties": ["KE", "JP"], "level": "minister"}],
                 memberships=[{"org": "UN", "countries": ["JP"]}]),
        *article("k4", None, events=[event("VISIT", ["KE", "JP"], persons=["Amani Kiptoo"])],
                 agreements=[agreement("VISA_EXEMPTION", ["KE", "JP"], "signed", scope, "2025-03")]),
    ]


def test_resolution_does_not_depend_on_the_order_facts_were_stored() -> None:
    facts = _corpus()
    expected = asdict(resolve(facts))
    assert expected["links"], "the corpus should exercise fulfilment"
    assert asdict(resolve(facts[::-1])) == expected
    shuffled = list(facts)
    random.Random(7).shuffle(shuffled)
    assert asdict(resolve(shuffled)) == expected
