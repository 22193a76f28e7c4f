"""Alerts raised where the merged record is updated: once each, only for followed pairs, only for what is new."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alert_stories import (
    LONG_AGO,
    add,
    age_articles,
    courtesy_call,
    deputies_meeting,
    deputy_visit,
    invitation,
    raised,
    rebuild_again,
    signing,
    visit,
)
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from stores import Article, india_japan

from bilat import store
from bilat.report.alerts import with_texts
from bilat.store import models as m
from bilat.store.alerts import LAST_LOOK
from bilat.store.write import article_key


def _store(db_url: str) -> Engine:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    return engine


TODAY = datetime.now(UTC).date()


def test_an_invitation_then_the_visit_that_honours_it_raise_one_fulfilled_alert(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    add(engine, invitation(date(2024, 3, 5)))
    assert [a["kind"] for a in raised(engine)] == []  # an invitation by itself is no news (no age is set)
    add(engine, visit(date(2024, 11, 13)))
    alerts = raised(engine)
    assert sorted(a["kind"] for a in alerts) == ["contact", "fulfilled"]
    (fulfilled,) = [a for a in alerts if a["kind"] == "fulfilled"]
    record = store.relation(engine, "VN", "PE")
    (invite,) = [e for e in record["events"] if e["type"] == "INVITE"]
    (honoured,) = [e for e in record["events"] if e["type"] == "VISIT"]
    assert fulfilled["pair"] == "PE-VN"
    assert fulfilled["entities"] == [invite["id"], honoured["id"]]
    assert fulfilled["evidence"]["article"] == honoured["sources"][0]["article"]
    assert fulfilled["evidence"]["quote"].startswith("Chủ tịch nước Tô Lâm thăm chính thức Peru")
    texts = with_texts(fulfilled)["text"]
    assert texts["en"] == ("Invitation: Peru → Vietnam (5 March 2024) fulfilled by Visit: Vietnam → Peru "
                           "(13 November 2024 – 15 November 2024)")
    assert texts["vi"].startswith("Lời mời: Peru → Việt Nam (5/3/2024) đã được thực hiện: Chuyến thăm: Việt Nam → Peru")


def test_rebuilding_the_same_record_raises_nothing_again(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), age_days=90, now=LONG_AGO)
    add(engine, invitation(date(2024, 3, 5)), visit(date(2024, 11, 13)), signing(date(2024, 11, 14)))
    before = raised(engine)
    assert sorted(a["kind"] for a in before) == ["contact", "fulfilled", "signing"]
    rebuild_again(engine)
    store.raise_due(engine)
    assert raised(engine) == before


def test_a_later_article_that_renames_the_event_raises_no_second_alert(tmp_path: Path) -> None:
    """An event's id comes from its first fact: a report whose article id sorts first gives the visit a new id."""
    engine = _store(f"sqlite:///{tmp_path / 'bilat.db'}")
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    first = visit(date(2024, 11, 13))
    add(engine, first)
    (contact,) = raised(engine)
    later = next(
        article for n in range(100) if (article := visit(date(2024, 11, 13), "visit-copy", f"Báo Thế giới và Việt Nam, bản {n}"))
        and _article_id(article) < _article_id(first)
    )
    add(engine, later)
    (renamed,) = [e for e in store.relation(engine, "VN", "PE")["events"] if e["type"] == "VISIT"]
    assert len(renamed["sources"]) == 2  # one visit, reported twice
    assert renamed["id"] != contact["entities"][0]  # so ids are not what alerts are known by
    (again,) = raised(engine)
    assert again["id"] == contact["id"]
    assert again["entity"] == renamed["id"]  # the alert points at the visit under its new id


def test_only_followed_pairs_raise_alerts(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    add(engine, *india_japan(), visit(date(2024, 11, 13)))
    assert [(a["kind"], a["pair"]) for a in raised(engine)] == [("contact", "PE-VN")]


def test_a_high_level_contact_raises_an_alert_and_a_deputies_meeting_none(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    add(engine, deputies_meeting(date(2024, 9, 2)))
    assert raised(engine) == []
    add(engine, visit(date(2024, 11, 13)))
    (contact,) = raised(engine)
    assert contact["kind"] == "contact"
    assert contact["details"]["event"]["persons"] == ["Tô Lâm"]


def test_what_the_record_held_before_the_pair_was_followed_raises_nothing(db_url: str) -> None:
    engine = _store(db_url)
    add(engine, invitation(date(2024, 3, 5)), *india_japan())
    store.follow(engine, store.EVERY_PAIR, age_days=30)
    rebuild_again(engine)
    store.raise_due(engine)
    assert raised(engine) == []  # the invitation was over 30 days old before it was followed: not news
    add(engine, visit(date(2024, 11, 13)))  # a new visit fulfils the old invitation: both are news
    assert sorted((a["kind"], a["pair"]) for a in raised(engine)) == [("contact", "PE-VN"), ("fulfilled", "PE-VN")]


def test_every_pair_followed_takes_in_pairs_that_come_later(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.EVERY_PAIR, now=LONG_AGO)
    add(engine, *india_japan())
    # The foreign minister's visit and its talks are one contact; the 2022 signing the 2023 article recalls is history.
    assert [(a["kind"], a["pair"]) for a in raised(engine)] == [("contact", "IN-JP")]


def test_an_invitation_open_past_the_age_raises_one_aging_alert(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("PE", "VN"), age_days=90, now=LONG_AGO)
    invited = TODAY - timedelta(days=30)
    add(engine, invitation(invited))
    assert raised(engine) == []  # 30 days: not yet
    day_91 = datetime.combine(invited + timedelta(days=91), datetime.min.time(), UTC)
    assert store.raise_due(engine, now=day_91 - timedelta(days=2)) == 0
    assert store.raise_due(engine, now=day_91) == 1
    assert store.raise_due(engine, now=day_91 + timedelta(days=10)) == 0  # raised once
    (aging,) = raised(engine)
    assert aging["kind"] == "aging"
    assert aging["details"]["age_days"] == 91
    assert with_texts(aging)["text"]["en"].endswith("still open after 91 days")


def test_an_invitation_already_honoured_does_not_age(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("PE", "VN"), age_days=90, now=LONG_AGO)
    invited = TODAY - timedelta(days=30)
    add(engine, invitation(invited), visit(invited + timedelta(days=20)))
    assert store.raise_due(engine, now=datetime.now(UTC) + timedelta(days=365)) == 0
    assert sorted(a["kind"] for a in raised(engine)) == ["contact", "fulfilled"]


def test_unfollowing_stops_alerts_and_keeps_those_raised(db_url: str) -> None:
    engine = _store(db_url)
    pair = store.pair_key("PE", "VN")
    store.follow(engine, pair, now=LONG_AGO)
    add(engine, visit(date(2024, 11, 13)))
    assert store.unfollow(engine, pair)
    assert not store.unfollow(engine, pair)
    add(engine, signing(date(2024, 11, 14)))
    assert [a["kind"] for a in raised(engine)] == ["contact"]
    assert store.followed(engine) == []


def test_news_still_raises_alerts_when_the_rest_is_not_read_again(db_url: str) -> None:
    """After a look, only what articles stored since state is read: a visit fulfilling an old invitation, a
    high-level call during an old visit (its trip), an old invitation passing its age."""
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), age_days=90, now=LONG_AGO)
    invited = TODAY - timedelta(days=30)
    add(engine, invitation(invited), deputy_visit(date(2024, 9, 1)))
    age_articles(engine, days=2)
    rebuild_again(engine)
    assert raised(engine) == []
    add(engine, visit(invited + timedelta(days=10)), courtesy_call(date(2024, 9, 2)))
    assert sorted(a["kind"] for a in raised(engine)) == ["contact", "contact", "fulfilled"]
    (trip,) = [a for a in raised(engine) if a["kind"] == "contact" and a["details"]["event"]["date"] == "2024-09-01/2024-09-03"]
    # The trip is the contact: its visit, with whom it met.
    assert trip["details"]["event"]["type"] == "VISIT"
    assert trip["details"]["event"]["persons"] == ["Đỗ Hùng Việt", "Dina Boluarte"]


def test_an_item_stored_long_ago_passes_its_age_after_a_look(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), age_days=90, now=LONG_AGO)
    invited = TODAY - timedelta(days=30)
    add(engine, invitation(invited))
    age_articles(engine, days=2)
    rebuild_again(engine)
    assert store.raise_due(engine, now=datetime.now(UTC) + timedelta(days=61)) == 1


def test_a_look_at_ages_alone_leaves_the_news_of_articles_not_resolved_yet(db_url: str) -> None:
    engine = _store(db_url)
    store.follow(engine, store.pair_key("VN", "PE"), age_days=90, now=LONG_AGO)
    add(engine, invitation(date(2026, 1, 5)))
    with Session(engine) as session, session.begin():  # the last look was three days ago
        session.merge(m.State(key=LAST_LOOK, value=(datetime.now(UTC) - timedelta(days=3)).isoformat()))
    document, facts = visit(date(2026, 2, 1))
    store.store_article(engine, document, facts)  # stored; the record is updated at the end of the ingest
    store.raise_due(engine)
    age_articles(engine, days=2)  # the ingest went on for two days
    store.rebuild(engine)
    assert "fulfilled" in {a["kind"] for a in raised(engine)}


def test_alerts_of_a_pair_and_since_a_time(tmp_path: Path) -> None:
    engine = _store(f"sqlite:///{tmp_path / 'bilat.db'}")
    store.follow(engine, store.EVERY_PAIR, now=LONG_AGO)
    add(engine, visit(date(2024, 11, 13)))
    between = datetime.now(UTC)
    add(engine, *india_japan())
    assert {a["pair"] for a in raised(engine, pair="IN-JP")} == {"IN-JP"}
    assert {a["pair"] for a in raised(engine, since=between)} == {"IN-JP"}
    assert {a["pair"] for a in raised(engine, since=between.astimezone().replace(tzinfo=None) - timedelta(days=1))} == {
        "IN-JP", "PE-VN"}
    total, page = store.alerts_raised(engine, limit=1)
    assert total == 2 and page[0]["pair"] == "IN-JP"  # newest first


def test_the_shared_seeds_invitation_is_fulfilled_by_the_2024_visit(tmp_path: Path, seed_articles: list[Article]) -> None:
    """The 2023 seed: Peru invites President Võ Văn Thưởng; the 2024 seed: President Lương Cường visits Peru."""
    engine = _store(f"sqlite:///{tmp_path / 'bilat.db'}")
    store.follow(engine, store.pair_key("VN", "PE"), now=LONG_AGO)
    add(engine, seed_articles[0])
    assert "fulfilled" not in {a["kind"] for a in raised(engine)}
    add(engine, seed_articles[1])
    fulfilled = [with_texts(a)["text"]["en"] for a in raised(engine) if a["kind"] == "fulfilled"]
    assert "Invitation: Peru → Vietnam (17 November 2023) fulfilled by Visit: Vietnam → Peru" in " ".join(fulfilled)


def _article_id(article: Article) -> str:
    return article_key(article[0].text)[:16]
