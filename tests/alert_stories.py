"""Small articles on Vietnam and Peru for the alerts' tests: an invitation, the visit that honours it, a signing.

Their facts are written by hand (as ``stores.bilingual_visit`` does), so that
what the alerts see does not depend on what extraction finds. Each line of a
body is one sentence, the evidence of the facts written against it. Dates
are given by each test: ages are counted to the day the alerts are raised.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session
from stores import Article

from bilat import store
from bilat.extract.facts import Agreement, Event, Facts, Person
from bilat.ingest.read import read_text_document
from bilat.store import models as m

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
"""A time to follow pairs from: before any article a test stores."""


def invitation(published: date, doc_id: str = "invitation") -> Article:
    """Peru's president invites Vietnam's to visit Peru."""
    text = (f"lang: vi\npublished: {published.isoformat()}\ntitle: Tổng thống Peru mời Chủ tịch nước thăm Peru\n---\n"
            "Tổng thống Peru Dina Boluarte mời Chủ tịch nước Tô Lâm thăm chính thức Peru.\n")
    document, (line,) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, persons=[
        Person("Dina Boluarte", "PE", "head_of_state", "Tổng thống", line),
        Person("Tô Lâm", "VN", "head_of_state", "Chủ tịch nước", line),
    ], events=[
        Event("INVITE", ["PE", "VN"], published.isoformat(), "happened", line, persons=["Dina Boluarte", "Tô Lâm"]),
    ])


def visit(first_day: date, doc_id: str = "visit", credit: str = "TTXVN") -> Article:
    """Vietnam's president visits Peru for three days from ``first_day``; ``credit`` changes the text (and its id) alone."""
    last_day = first_day + timedelta(days=2)
    text = (f"lang: vi\npublished: {last_day.isoformat()}\ntitle: Chủ tịch nước Tô Lâm thăm chính thức Peru\n---\n"
            f"Chủ tịch nước Tô Lâm thăm chính thức Peru từ ngày {first_day.day} đến {last_day.day}/{last_day.month}/{last_day.year}.\n"
            f"Nguồn: {credit}\n")
    document, (line, _) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, persons=[
        Person("Tô Lâm", "VN", "head_of_state", "Chủ tịch nước", line),
    ], events=[
        Event("VISIT", ["VN", "PE"], f"{first_day.isoformat()}/{last_day.isoformat()}", "happened", line, persons=["Tô Lâm"]),
    ])


def deputies_meeting(day: date, doc_id: str = "deputies") -> Article:
    """Two deputy foreign ministers meet: a contact below the level alerts are raised for."""
    text = (f"lang: vi\npublished: {day.isoformat()}\ntitle: Tham vấn chính trị Việt Nam – Peru\n---\n"
            "Thứ trưởng Ngoại giao Đỗ Hùng Việt hội đàm với Thứ trưởng Ngoại giao Peru Ana Cecilia Gervasi.\n")
    document, (line,) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, persons=[
        Person("Đỗ Hùng Việt", "VN", "deputy_foreign_minister", "Thứ trưởng Ngoại giao", line),
        Person("Ana Cecilia Gervasi", "PE", "deputy_foreign_minister", "Thứ trưởng Ngoại giao", line),
    ], events=[
        Event("MEET", ["VN", "PE"], day.isoformat(), "happened", line, persons=["Đỗ Hùng Việt", "Ana Cecilia Gervasi"]),
    ])


def deputy_visit(first_day: date, doc_id: str = "deputy-visit") -> Article:
    """Vietnam's deputy foreign minister visits Peru for three days from ``first_day``: no high-level contact by itself."""
    last_day = first_day + timedelta(days=2)
    text = (f"lang: vi\npublished: {last_day.isoformat()}\ntitle: Thứ trưởng Ngoại giao thăm Peru\n---\n"
            f"Thứ trưởng Ngoại giao Đỗ Hùng Việt thăm Peru từ ngày {first_day.day} đến {last_day.day}/{last_day.month}/{last_day.year}.\n")
    document, (line,) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, persons=[
        Person("Đỗ Hùng Việt", "VN", "deputy_foreign_minister", "Thứ trưởng Ngoại giao", line),
    ], events=[
        Event("VISIT", ["VN", "PE"], f"{first_day.isoformat()}/{last_day.isoformat()}", "happened", line, persons=["Đỗ Hùng Việt"]),
    ])


def courtesy_call(day: date, doc_id: str = "courtesy-call") -> Article:
    """During that visit, the deputy minister calls on Peru's president: the trip becomes a high-level contact."""
    text = (f"lang: vi\npublished: {day.isoformat()}\ntitle: Tổng thống Peru tiếp Thứ trưởng Ngoại giao Việt Nam\n---\n"
            "Tổng thống Peru Dina Boluarte tiếp Thứ trưởng Ngoại giao Đỗ Hùng Việt.\n")
    document, (line,) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, persons=[
        Person("Dina Boluarte", "PE", "head_of_state", "Tổng thống", line),
        Person("Đỗ Hùng Việt", "VN", "deputy_foreign_minister", "Thứ trưởng Ngoại giao", line),
    ], events=[
        Event("MEET", ["VN", "PE"], day.isoformat(), "happened", line, persons=["Dina Boluarte", "Đỗ Hùng Việt"]),
    ])


def signing(day: date, doc_id: str = "signing") -> Article:
    """The two countries sign a visa exemption agreement."""
    text = (f"lang: en\npublished: {day.isoformat()}\ntitle: Vietnam and Peru sign a visa exemption agreement\n---\n"
            "Vietnam and Peru signed an agreement on visa exemption for holders of ordinary passports.\n")
    document, (line,) = _read(text, doc_id)
    return document, Facts(doc_id, document.published, document.lang, events=[
        Event("SIGN", ["VN", "PE"], day.isoformat(), "happened", line, object="visa exemption"),
    ], agreements=[Agreement("VISA_EXEMPTION", "visa exemption", ["PE", "VN"], "signed", day.isoformat(), line)])


def add(engine: Engine, *articles: Article) -> None:
    """Store the articles and update the merged record, as an ingest does."""
    for document, facts in articles:
        store.store_article(engine, document, facts)
    store.rebuild(engine)


def rebuild_again(engine: Engine) -> None:
    """Rebuild the merged record from the same articles, as after a crash or `bilat db rebuild`."""
    with Session(engine) as session, session.begin():
        session.execute(delete(m.State).where(m.State.key == "resolved_from"))
    store.rebuild(engine)


def age_articles(engine: Engine, days: int) -> None:
    """Make every stored article ``days`` older, as a living store's are when news comes in."""
    with Session(engine) as session, session.begin():
        for article in session.scalars(select(m.Article)):
            article.stored_at -= timedelta(days=days)


def raised(engine: Engine, **filters: object) -> list[dict[str, object]]:
    """Every alert raised, oldest first."""
    _, items = store.alerts_raised(engine, limit=500, **filters)  # type: ignore[arg-type]
    return sorted(items, key=lambda alert: int(alert["id"]))


def _read(text: str, doc_id: str) -> tuple[object, list[tuple[int, int]]]:
    document = read_text_document(text, doc_id=doc_id)
    lines = [line for line in text[document.body_start:].splitlines() if line]
    return document, [(text.index(line), text.index(line) + len(line)) for line in lines]
