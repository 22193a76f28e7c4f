"""A month or day without a year: the words around it say which side of the article's day it lies on."""

from __future__ import annotations


def _dates(doc, kind):  # type: ignore[no-untyped-def]
    return [e.date for e in doc.layer("facts.events") if e.type == kind]


def test_a_coming_month_is_this_years_or_next(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Kenya William Ruto sẽ thăm Việt Nam vào tháng 10 tới.", "events", published="2025-03-12")
    assert _dates(doc, "VISIT") == ["2025-10"]  # not October 2024, the nearest October to March


def test_a_coming_day_later_this_month(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Kenya William Ruto sẽ thăm Việt Nam vào ngày 20/3 tới.", "events", published="2025-03-12")
    assert _dates(doc, "VISIT") == ["2025-03-20"]


def test_a_month_just_past(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Tổng thống Kenya William Ruto đã thăm Việt Nam vào tháng 11 vừa qua.", "events", published="2025-03-12")
    assert _dates(doc, "VISIT") == ["2024-11"]


def test_a_month_in_a_sentence_about_what_will_happen(until) -> None:  # type: ignore[no-untyped-def]
    doc = until("Brazilian President Lula will travel to Indonesia in October.", "events", lang="en",
                published="2025-03-12")
    assert _dates(doc, "VISIT") == ["2025-10"]


def test_a_future_word_after_the_date_leaves_it_past(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Chiều 9/4, Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Hà Lan Mark Rutte; hai bên nhấn mạnh "
            "sẽ mở đường bay thẳng.")
    assert _dates(until(text, "events", published="2019-04-10"), "MEET") == ["2019-04-09"]
