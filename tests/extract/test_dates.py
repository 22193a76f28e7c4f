"""Dates: finding expressions, inferring the article's date, resolving missing years."""

from __future__ import annotations

import pytest

from bilat.extract.components import dates, sentences  # noqa: F401  (registers the components)
from bilat.extract.doc import Document
from bilat.extract.pipeline import run


def _doc(text: str, published: str | None = None) -> Document:
    return run(Document(id="t", text=text, published=published), ["sentences", "dates", "anchor"])


def _resolved(doc: Document) -> list[tuple[str, str | None]]:
    anchor = dates.anchor_of(doc)
    return [(doc.span_text(s), dates.resolve(s.value, anchor)) for s in doc.layer("dates")]


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("Chiều 3/4, hai bên ký kết.", "3/4", "2024-04-03"),
        ("Đoàn thăm Lào từ ngày 2-5/6.", "2-5/6", "2024-06-02/2024-06-05"),
        ("Đoàn thăm Lào từ ngày 8 đến 10/1/2019.", "8 đến 10/1/2019", "2019-01-08/2019-01-10"),
        ("Chuyến thăm từ ngày 14 đến ngày 16-8-2022.", "14 đến ngày 16-8-2022", "2022-08-14/2022-08-16"),
        ("Sáng 21-9, hai Bộ trưởng hội đàm.", "Sáng 21-9", "2024-09-21"),
        ("Ông từng sang thăm (4/2011).", "4/2011", "2011-04"),
        ("Kỳ họp được tổ chức tháng 12/2020.", "tháng 12/2020", "2020-12"),
        ("Kỳ họp được tổ chức tháng 3-2019.", "tháng 3-2019", "2019-03"),
        ("Quan hệ được thiết lập năm 1976.", "năm 1976", "1976"),
        ("Kim ngạch 9 tháng đầu năm nay tăng.", "9 tháng đầu năm nay", "2024-01/2024-09"),
        ("Kim ngạch 5 tháng đầu 2023 tăng.", "5 tháng đầu 2023", "2023-01/2023-05"),
        ("Nhiệm kỳ 8/2021-8/2024 đã kết thúc.", "8/2021-8/2024", "2021-08/2024-08"),
    ],
)
def test_expressions(text: str, found: str, iso: str) -> None:
    doc = _doc(text, published="2024-10-15")
    assert (found, iso) in _resolved(doc)


def test_a_count_with_a_hyphen_is_not_a_date() -> None:
    doc = _doc("Mỗi năm có 2-3 đoàn sang thăm, với 5-6 dự án.", published="2024-10-15")
    assert _resolved(doc) == []


def test_amounts_are_not_dates() -> None:
    doc = _doc("Thương mại đạt 4,1 tỷ USD và 12,5/100 doanh nghiệp.", published="2024-10-15")
    assert _resolved(doc) == []


def test_december_in_a_january_article_is_last_year() -> None:
    doc = _doc("Ngày 28/12, hai bên điện đàm.", published="2025-01-04")
    assert _resolved(doc) == [("28/12", "2024-12-28")]


def test_header_date_is_the_anchor() -> None:
    doc = _doc("Sáng nay, hai bên hội đàm.", published="2023-05-09")
    anchor = dates.anchor_of(doc)
    assert (anchor.year, anchor.month, anchor.day, anchor.how) == (2023, 5, 9, "header")
    assert _resolved(doc) == [("Sáng nay", "2023-05-09")]


def test_a_dated_lede_dates_the_article() -> None:
    doc = _doc("Ngày 12/6/2019, Bộ trưởng hai nước hội đàm tại Hà Nội.\nHai bên ký kết vào 13/6.")
    assert dates.anchor_of(doc).published == "2019-06"
    assert ("13/6", "2019-06-13") in _resolved(doc)


def test_a_numbered_summit_dates_the_article() -> None:
    doc = _doc("Sáng 8/9, nhân dịp dự Hội nghị Cấp cao ASEAN lần thứ 43, Thủ tướng gặp Tổng thống Indonesia.")
    assert dates.anchor_of(doc).published == "2023-09"
    assert ("8/9", "2023-09-08") in _resolved(doc)


def test_the_apec_count_skips_the_cancelled_year() -> None:
    doc = _doc("Sáng 10/11, bên lề Hội nghị Cấp cao APEC lần thứ 29, hai nhà lãnh đạo gặp nhau.")
    assert dates.anchor_of(doc).year == 2022


def test_an_anniversary_counts_from_the_year_relations_began() -> None:
    text = (
        "Tổng thống thăm chính thức Hà Nội từ ngày 3-5/6.\n"
        "Hai nước thiết lập quan hệ ngoại giao từ năm 1975.\n"
        "Chuyến thăm diễn ra nhân dịp kỷ niệm 45 năm thiết lập quan hệ ngoại giao."
    )
    doc = _doc(text)
    assert dates.anchor_of(doc).published == "2020-06"


def test_a_full_year_trade_figure_is_reported_the_next_year() -> None:
    doc = _doc("Sáng 2/3, hai bên hội đàm.\nNăm 2021, kim ngạch thương mại đạt 2 tỷ USD.")
    assert dates.anchor_of(doc).published == "2022-03"


def test_a_target_year_lies_ahead() -> None:
    doc = _doc("Ngày 4/5, hai bên hội đàm.\nHai bên hướng tới mục tiêu kim ngạch 5 tỷ USD vào năm 2026.")
    assert dates.anchor_of(doc).year == 2025


def test_a_recalled_past_date_is_a_lower_bound() -> None:
    doc = _doc("Từ ngày 2 đến 4/2, Thủ tướng thăm Lào.\nÔng nhắc lại chuyến thăm tháng 9/2021.")
    assert dates.anchor_of(doc).published == "2022-02"


def test_no_clue_leaves_the_date_unknown() -> None:
    doc = _doc("Hai bên hội đàm hôm nay tại thủ đô.")
    assert dates.anchor_of(doc).published is None
    assert _resolved(doc) == [("hôm nay", None)]


def test_period_and_date_helpers() -> None:
    doc = _doc("Năm 2022, kim ngạch đạt 3 tỷ USD.\nSáng 5/7, hai bên hội đàm.", published="2023-07-06")
    first, second = doc.layer("sents")[:2]
    assert dates.period_in(doc, first.start, first.end) == "2022"
    assert dates.date_in(doc, second.start, second.end) == "2023-07-05"
