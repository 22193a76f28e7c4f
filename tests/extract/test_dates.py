"""Dates: finding expressions, inferring the article's date, resolving missing years."""

from __future__ import annotations

import pytest

from bilat.extract import extract
from bilat.extract.components import dates, sentences  # noqa: F401  (registers the components)
from bilat.extract.doc import Document
from bilat.extract.pipeline import run
from bilat.ingest import read_text_document


def _doc(text: str, published: str | None = None, lang: str = "vi") -> Document:
    return run(Document(id="t", text=text, lang=lang, published=published), ["sentences", "dates", "anchor"])


def _en(text: str, published: str | None = None) -> Document:
    return _doc(text, published, lang="en")


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
        ("Kim ngạch 7 tháng đầu năm ngoái tăng.", "7 tháng đầu năm ngoái", "2023-01/2023-07"),
        ("Nhiệm kỳ 8/2021-8/2024 đã kết thúc.", "8/2021-8/2024", "2021-08/2024-08"),
    ],
)
def test_expressions(text: str, found: str, iso: str) -> None:
    doc = _doc(text, published="2024-10-15")
    assert (found, iso) in _resolved(doc)


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("The ministers met in Hanoi on April 17.", "April 17", "2024-04-17"),
        ("The ministers met on 17 April 2018.", "17 April 2018", "2018-04-17"),
        ("Talks were held on April 17, 2018, in Hanoi.", "April 17, 2018", "2018-04-17"),
        ("The envoy arrived on Sept. 3 in Lima.", "Sept. 3", "2024-09-03"),
        ("The forum ends on the 22nd August.", "22nd August", "2024-08-22"),
        ("He visits Laos from April 17 to 19.", "April 17 to 19", "2024-04-17/2024-04-19"),
        ("The fair ran 17-19 April 2018.", "17-19 April 2018", "2018-04-17/2018-04-19"),
        ("He toured the region from Nov. 29 to Dec. 2.", "Nov. 29 to Dec. 2", "2024-11-29/2024-12-02"),
        ("He stayed from April 17 to April 19.", "April 17 to April 19", "2024-04-17/2024-04-19"),
        ("Talks ran from December 30 to January 2, 2024.", "December 30 to January 2, 2024", "2023-12-30/2024-01-02"),
        ("Trong visited in August 2017.", "in August 2017", "2017-08"),
        ("The deal was signed in early March.", "in early March", "2024-03"),
        ("A summit is planned for mid-March.", "mid-March", "2024-03"),
        ("The mission went there in Aug 2019.", "Aug 2019", "2019-08"),
        ("The programme for 2014-2018 ended.", "2014-2018", "2014/2018"),
        ("Investment for 2022-27 was agreed.", "2022-27", "2022/2027"),
        ("Relations began in 1973.", "1973", "1973"),
        ("Trade hit a record last year.", "last year", "2023"),
        ("Trade in the first seven months of 2024 grew.", "first seven months of 2024", "2024-01/2024-07"),
        ("Exports in the first half of this year grew.", "first half of this year", "2024-01/2024-06"),
        ("The ministers spoke by phone yesterday.", "yesterday", "2024-10-14"),
    ],
)
def test_english_expressions(text: str, found: str, iso: str) -> None:
    doc = _en(text, published="2024-10-15")
    assert (found, iso) in _resolved(doc)


def test_english_reads_no_numeric_dates_and_no_bare_month_names() -> None:
    doc = _en("About 2-3 delegations visit a year; 9/11 changed much. Theresa May met 5 leaders.", published="2024-10-15")
    assert _resolved(doc) == []


def test_last_month_lies_before_the_article() -> None:
    doc = _en("The accord was signed last May.", published="2025-01-04")
    assert _resolved(doc) == [("last May", "2024-05")]


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("The ministers met on Thursday in Hanoi.", "Thursday", "2023-07-27"),  # the article is of Friday 28
        ("The ministers will meet on Thursday.", "Thursday", "2023-08-03"),
        ("The visit is scheduled to start on Friday.", "Friday", "2023-08-04"),
        ("The envoy arrived on Friday.", "Friday", "2023-07-28"),
        ("The envoy arrived last Friday.", "last Friday", "2023-07-21"),
        ("Thursday's meeting went well.", "Thursday", "2023-07-27"),
        ("They met on Monday (July 24) in Delhi.", "Monday (July 24)", "2023-07-24"),
        ("They met on Monday, July 24, in Delhi.", "Monday, July 24", "2023-07-24"),
    ],
)
def test_a_weekday_counts_from_the_published_day(text: str, found: str, iso: str) -> None:
    doc = _en(text, published="2023-07-28")
    assert _resolved(doc) == [(found, iso)]


def test_a_weekday_needs_the_published_day() -> None:
    doc = _en("The ministers met on Thursday.", published="2023-07")
    assert _resolved(doc) == [("Thursday", None)]


@pytest.mark.parametrize(
    ("text", "line", "place", "agency", "month_day"),
    [
        ("New Delhi [India], July 27 (ANI): The ministers met.", "New Delhi [India], July 27 (ANI):", "New Delhi", "ANI", (7, 27)),
        ("NEW DELHI, July 27 (Reuters) - The ministers met.", "NEW DELHI, July 27 (Reuters) -", "New Delhi", "Reuters", (7, 27)),
        ("Hanoi, April 17 - The ministers met.", "Hanoi, April 17 -", "Hanoi", None, (4, 17)),
        ("Hanoi (VNA) - The ministers met.", "Hanoi (VNA) -", "Hanoi", "VNA", None),
        ("JAKARTA — The ministers met.", "JAKARTA —", "Jakarta", None, None),
    ],
)
def test_a_dateline_gives_place_and_day(
    text: str, line: str, place: str, agency: str | None, month_day: tuple[int, int] | None
) -> None:
    found = dates.dateline(_en(text))
    assert found is not None
    assert (text[found.start:found.end], found.place, found.agency) == (line, place, agency)
    assert text[found.start:found.start + len(found.place)].lower() == place.lower()
    assert (None if found.value is None else (found.value.month, found.value.day)) == month_day


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vietnam – Indonesia relations grew.", "en"),
        ("Vietnam, Indonesia - a partnership.", "en"),
        ("UPDATE: The ministers met.", "en"),
        ("(VOV5) - Argentina coi Việt Nam là đối tác quan trọng.", "vi"),
    ],
)
def test_a_first_sentence_is_no_dateline(text: str, lang: str) -> None:
    assert dates.dateline(_doc(text, lang=lang)) is None


def test_a_dated_dateline_dates_the_article_to_the_day() -> None:
    doc = _en("NEW DELHI, July 27 (Reuters) - The ministers met on Thursday.", published="2023")
    assert dates.anchor_of(doc).published == "2023-07-27"
    assert ("Thursday", "2023-07-27") in _resolved(doc)


def test_a_dateline_takes_its_year_from_the_text() -> None:
    doc = _en("NEW DELHI, July 27 (Reuters) - The ministers met.\nTrade reached $5 billion in 2022.")
    anchor = dates.anchor_of(doc)
    assert (anchor.published, anchor.how) == ("2023-07-27", "dateline")


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


def test_an_english_anniversary_counts_from_the_year_relations_began() -> None:
    text = (
        "The two prime ministers met on September 6.\n"
        "Canada and Vietnam established diplomatic relations in 1973.\n"
        "This year they celebrate the 50th anniversary of diplomatic relations."
    )
    assert dates.anchor_of(_en(text)).published == "2023-09"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Năm 2023 kỷ niệm 50 năm thiết lập quan hệ ngoại giao.", "vi"),
        ("He proposed more visits in 2023, which marks the 50th anniversary of diplomatic relations.", "en"),
    ],
)
def test_the_year_of_an_anniversary_is_not_the_year_relations_began(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year is None


def test_a_full_year_trade_figure_is_reported_the_next_year() -> None:
    doc = _doc("Sáng 2/3, hai bên hội đàm.\nNăm 2021, kim ngạch thương mại đạt 2 tỷ USD.")
    assert dates.anchor_of(doc).published == "2022-03"
    doc = _en("On March 2, the two sides held talks.\nIn 2021, bilateral trade reached $2 billion.")
    assert dates.anchor_of(doc).published == "2022-03"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sáng 17/4, hai bên hội đàm.\nKim ngạch thương mại năm ngoái đạt 6,5 tỷ USD, tăng 16% so với năm 2016.", "vi"),
        ("On April 17, the two sides held talks.\nTwo-way trade hitting $6.5 billion last year, up 16 percent from 2016.", "en"),
    ],
)
def test_a_last_year_figure_compared_with_a_year_is_the_year_after(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2018-04"


def test_an_english_numbered_summit_dates_the_article() -> None:
    doc = _en("On September 6, the two leaders met on the sidelines of the 43rd ASEAN Summit in Jakarta.")
    assert dates.anchor_of(doc).published == "2023-09"


def test_a_target_year_lies_ahead() -> None:
    doc = _doc("Ngày 4/5, hai bên hội đàm.\nHai bên đã ký hiệp định tháng 3/2024.\n"
               "Hai bên hướng tới mục tiêu kim ngạch 5 tỷ USD vào năm 2026.")
    assert dates.anchor_of(doc).year == 2025
    doc = _en("On May 4, the two sides held talks.\nThey signed a deal in March 2024.\n"
              "They will aim to raise trade to $5 billion by 2026.")
    assert dates.anchor_of(doc).year == 2025


def test_future_talk_alone_leaves_the_year_unknown() -> None:
    doc = _en("On May 4, the two sides held talks.\nThey will aim to raise trade to $5 billion by 2026.")
    assert dates.anchor_of(doc).year is None


def test_a_recalled_past_date_is_a_lower_bound() -> None:
    """The bound dates a later day ("2-4/2" after "9/2021" is in 2022), but the article's year stays
    unknown: the latest background year is no evidence of it."""
    doc = _doc("Từ ngày 2 đến 4/2, Thủ tướng thăm Lào.\nÔng nhắc lại chuyến thăm tháng 9/2021.")
    assert (dates.anchor_of(doc).published, _resolved(doc)[0][1]) == (None, "2022-02-02/2022-02-04")
    doc = _en("From February 2 to 4, the Prime Minister visited Laos.\nHe recalled his visit in September 2021.")
    assert (dates.anchor_of(doc).published, _resolved(doc)[0][1]) == (None, "2022-02-02/2022-02-04")


def test_no_clue_leaves_the_date_unknown() -> None:
    doc = _doc("Hai bên hội đàm hôm nay tại thủ đô.")
    assert dates.anchor_of(doc).published is None
    assert _resolved(doc) == [("hôm nay", None)]


def test_period_and_date_helpers() -> None:
    doc = _doc("Năm 2022, kim ngạch đạt 3 tỷ USD.\nSáng 5/7, hai bên hội đàm.", published="2023-07-06")
    first, second = doc.layer("sents")[:2]
    assert dates.period_in(doc, first.start, first.end) == "2022"
    assert dates.date_in(doc, second.start, second.end) == "2023-07-05"


def test_a_period_is_never_one_day() -> None:
    doc = _en("On Thursday, they said trade in 2022 reached $3 billion.", published="2023-07-28")
    sent = doc.layer("sents")[0]
    assert dates.period_in(doc, sent.start, sent.end) == "2022"
    assert dates.date_in(doc, sent.start, sent.end) == "2023-07-27"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The ministers on Monday signed an agreement that will allow joint patrols.", "2024-07-08"),
        ("On Friday, the two ministers will sign the agreement.", "2024-07-12"),
        ("They will meet on Thursday.", "2024-07-11"),
        ("On Monday, the minister said Vietnam will sign the agreement.", "2024-07-08"),  # the day it was said
        ("On Monday, the minister will sign the agreement.", "2024-07-15"),
    ],
)
def test_a_weekday_looks_ahead_only_in_its_own_clause(text: str, iso: str) -> None:
    doc = _doc(text, published="2024-07-08", lang="en")  # a Monday
    assert [resolved for _, resolved in _resolved(doc)] == [iso]


def test_a_month_of_last_year() -> None:
    doc = _doc("Albanese paid an official visit to Vietnam in June last year.", published="2024-03-05", lang="en")
    assert _resolved(doc) == [("in June last year", "2023-06")]


def test_next_month_counts_from_the_articles_month() -> None:
    doc = _doc("Prime Minister Pham Minh Chinh will travel to Tokyo next month.", published="2023-11-28", lang="en")
    assert _resolved(doc) == [("next month", "2023-12")]
    doc = _doc("Thủ tướng Phạm Minh Chính sẽ thăm Tokyo vào tháng tới.", published="2023-11-28")
    assert _resolved(doc) == [("tháng tới", "2023-12")]
    doc = _doc("Tháng trước, Thủ tướng Phạm Minh Chính đã thăm Tokyo.", published="2023-11-28")
    assert _resolved(doc) == [("Tháng trước", "2023-10")]


def test_the_coming_months_are_no_one_month() -> None:
    assert _resolved(_doc("Hai bên sẽ ký hiệp định trong các tháng tới.", published="2023-11-28")) == []


def _sourced(text: str, source: str, lang: str = "vi") -> Document:
    return run(Document(id="t", text=text, lang=lang, source=source), ["sentences", "dates", "anchor"])


@pytest.mark.parametrize(
    ("source", "published"),
    [
        ("https://example.vn/thu-tuong-lao-tham-campuchia-20220624184002975.htm", "2022-06-24"),
        ("https://example.vn/chu-tich-nuoc-tiep-dai-su-chile-185230727081443683.htm", "2023-07-27"),
        ("https://example.com/news/2026/01/21/kenya-ghana-agree-to-expand-trade", "2026-01-21"),
        ("https://example.com/news/2025-04-20-kenya-ghana-explore-embassies", "2025-04-20"),
        ("https://example.gov/vi/nr040807104143/nr040807105001/ns220613093922", "2022-06-13"),
        ("https://example.vn/the-gioi/202306/lao-ung-ho-thai-lan-980969/", "2023-06"),
        ("https://example.org/en/tin-tuc/-/2018/34780/pho-thu-tuong-tiep-dai-su", "2018"),
    ],
)
def test_a_date_in_the_address_dates_the_article(source: str, published: str) -> None:
    doc = _sourced("Hai bên hội đàm tại Hà Nội.", source)
    assert dates.anchor_of(doc).published == published


def test_the_address_day_resolves_today() -> None:
    doc = _sourced("Chiều nay, Thủ tướng Lào điện đàm với Thủ tướng Campuchia.", "https://example.vn/lao-campuchia-20250815160000123.htm")
    assert _resolved(doc) == [("Chiều nay", "2025-08-15")]
    doc = _sourced("The ministers of Kenya and Ghana met today in Accra.", "https://example.com/2025/08/15/kenya-ghana", lang="en")
    assert _resolved(doc) == [("today", "2025-08-15")]


def test_a_page_stamp_dates_the_article() -> None:
    doc = _doc("Thời sự\n27/07/2023 09:11 GMT+7\nNgày 26/7, Thủ tướng Lào hội đàm với Thủ tướng Thái Lan.")
    assert dates.anchor_of(doc).published == "2023-07-27"
    doc = _en("World\n09:29, July 14, 2022\nOn July 13, the Presidents of Chile and Peru met in Lima.")
    assert dates.anchor_of(doc).published == "2022-07-14"


def test_a_date_line_without_a_time_is_not_a_stamp() -> None:
    doc = _doc("Thứ Bảy, 23/11/2024\nNgày 9/11, Chủ tịch nước Lào thăm Chile.\nHai nước nhắc lại chuyến thăm tháng 3/2016.")
    assert dates.anchor_of(doc).how != "page stamp"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 5/3, hai bên hội đàm.\nKim ngạch thương mại song phương năm 2019 gần 800 triệu USD.", "vi"),
        ("On March 5, the two sides held talks.\nTwo-way trade neared $800 million in 2019.", "en"),
    ],
)
def test_a_full_year_figure_dates_the_article_whatever_the_verb(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2020-03"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 5/3, hai bên hội đàm.\nHai bên nhất trí nâng kim ngạch thương mại lên 5 tỷ USD đến năm 2020.", "vi"),
        ("On March 5, the two sides held talks.\nThey agreed to increase two-way trade to US$15 billion by 2020.", "en"),
    ],
)
def test_a_deadline_year_is_no_full_year_figure(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year != 2021


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 4/6, hai Bộ trưởng hội đàm, trong bối cảnh kỷ niệm 35 năm thiết lập quan hệ ngoại giao (1989-2024).", "vi"),
        ("On June 4, the ministers met as the countries mark 35 years of diplomatic relations (1989-2024).", "en"),
    ],
)
def test_the_end_of_a_relationship_span_dates_the_article(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2024-06"


def test_an_anniversary_ahead_does_not_date_the_article() -> None:
    doc = _doc("Hai bên sẽ tổ chức các hoạt động kỷ niệm 50 năm thiết lập quan hệ ngoại giao (1975-2025).")
    assert dates.anchor_of(doc).year != 2025


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 8/5, hai bên hội đàm.\nTrong 30 năm qua, kể từ năm 1994, quan hệ hai nước phát triển tốt đẹp.", "vi"),
        ("On May 8, the two sides held talks.\nOver the past 30 years since 1994, ties have grown.", "en"),
    ],
)
def test_n_years_since_a_year_dates_the_article(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2024-05"


def test_n_years_without_a_start_year_counts_nothing() -> None:
    doc = _doc("Chiều nay 16/12, hai Thủ tướng hội đàm, lần thứ 6 trong 2 năm qua và lần thứ 2 trong năm 2023.")
    assert dates.anchor_of(doc).year != 2025


def test_the_day_relations_began_does_not_date_the_article() -> None:
    doc = _doc("Lào và Brunei thiết lập quan hệ ngoại giao vào ngày 29/2/1992.\nQuốc vương sẽ thăm Lào trong năm 2025.")
    assert dates.anchor_of(doc).year == 2025


def test_a_weekday_with_its_date_picks_the_year() -> None:
    text = "On Thursday (July 13), the ministers of Chile and Peru met.\nThey recalled the visit of May 2019.\nThey will meet again in 2025."
    anchor = dates.anchor_of(_en(text))
    assert anchor.year == 2023  # July 13 was a Thursday in 2023, not in 2024


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("Thủ tướng Lào thăm chính thức Thái Lan từ ngày 31/7-3/8.", "31/7-3/8", "2024-07-31/2024-08-03"),
        ("Đoàn thăm Chile từ 30/11 đến 2/12/2024.", "30/11 đến 2/12/2024", "2024-11-30/2024-12-02"),
        ("Ngày 26.7 giờ địa phương, hai bên hội đàm tại Rome.", "Ngày 26.7", "2024-07-26"),
        ("Quan hệ được nâng cấp cách đây 4 năm.", "cách đây 4 năm", "2020"),
        ("Quan hệ ngoại giao được thiết lập từ 72 năm qua.", "từ 72 năm qua", "1952"),
    ],
)
def test_more_vietnamese_forms(text: str, found: str, iso: str) -> None:
    assert _resolved(_doc(text, published="2024-10-15")) == [(found, iso)]


def test_two_dates_joined_by_and_are_no_range() -> None:
    doc = _doc("Hai bên gặp nhau ngày 12/3 và 15/4.", published="2024-10-15")
    assert [iso for _, iso in _resolved(doc)] == ["2024-03-12", "2024-04-15"]


def test_a_dotted_number_is_no_date() -> None:
    assert _resolved(_doc("Kim ngạch tăng 26.7% và đạt từ 1.5 đến 2.5 tỷ USD.", published="2024-10-15")) == []


def test_an_english_years_ago() -> None:
    assert _resolved(_en("Relations were upgraded 4 years ago.", published="2024-10-15")) == [("4 years ago", "2020")]


def test_a_vietnamese_weekday_only_with_its_date() -> None:
    doc = _doc("Thứ Năm (13/7), Thủ tướng Lào hội đàm với Thủ tướng Campuchia.\nĐây là lần thứ năm hai bên gặp nhau kể từ tháng 5/2019.")
    spans = [(doc.span_text(s), s.value.weekday) for s in doc.layer("dates")]
    assert spans[0] == ("Thứ Năm (13/7)", 3) and all(w is None for _, w in spans[1:])
    assert dates.anchor_of(doc).year == 2023  # 13 July was a Thursday in 2023


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 3/5, hai bên hội đàm.\nKim ngạch thương mại năm 2022 vượt 15 tỷ USD, vượt mục tiêu lãnh đạo hai nước đề ra.", "vi"),
        ("On May 3, the two sides met.\nThey noted bilateral trade exceeding 15 billion USD in 2022, surpassing the target.", "en"),
    ],
)
def test_a_past_target_in_another_clause_leaves_the_figure_year(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2023-05"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 18/4, Tổng thống tin tưởng chuyến thăm sẽ mở ra giai đoạn mới, trong bối cảnh kỷ niệm 35 năm thiết lập quan hệ ngoại giao (1989-2024).", "vi"),
        ("On April 18, the President said the visit will open a new chapter, to mark the 35th anniversary of diplomatic relations (1989-2024).", "en"),
    ],
)
def test_an_anniversary_as_the_occasion_dates_the_article_in_a_future_sentence(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2024-04"


def test_a_span_of_full_dates() -> None:
    doc = _doc("Kỷ niệm 50 năm quan hệ (4/8/1973 – 4/8/2023).", published="2023-08-03")
    assert _resolved(doc) == [("4/8/1973 – 4/8/2023", "1973-08-04/2023-08-04")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 10/9, Đại sứ quán tổ chức lễ kỷ niệm 80 năm Quốc khánh Lào (2/12/1945-2/12/2025) và 75 năm thiết lập quan hệ ngoại giao Lào - Romania (1950-2025).", "vi"),
        ("On September 10, the embassy marked the 80th anniversary of Laos's National Day and 75 years of diplomatic relations between Laos and Romania (1950-2025).", "en"),
    ],
)
def test_an_anniversary_counts_the_relations_it_names(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == 2025


def test_a_span_of_full_dates_gives_the_anniversary_year() -> None:
    doc = _doc("Nhân dịp kỷ niệm 70 năm thiết lập quan hệ ngoại giao giữa Lào và Bulgaria (8-2-1950 - 8-2-2020), lãnh đạo hai nước trao đổi điện mừng.")
    assert dates.anchor_of(doc).year == 2020


def test_the_day_relations_began_after_an_anniversary_is_its_start() -> None:
    doc = _doc("Chuyến thăm đánh dấu kỷ niệm 50 năm ngày Lào và Thụy Sỹ thiết lập quan hệ ngoại giao (11/10/1971).")
    assert dates.anchor_of(doc).year == 2021
    doc = _en("The visit marks the 50th anniversary of diplomatic relations, established on October 11, 1971.")
    assert dates.anchor_of(doc).year == 2021


def test_a_date_in_words() -> None:
    doc = _doc("Thứ tư ngày 16 tháng 10 năm 2019, Đại sứ Lào trình quốc thư.\nKéo dài đến 6 tháng 12 năm.")
    assert _resolved(doc)[0] == ("Thứ tư ngày 16 tháng 10 năm 2019", "2019-10-16")


def test_an_update_line_is_a_page_stamp() -> None:
    doc = _doc("Ngày 16/10, Đại sứ Lào trình quốc thư.\nHai bên nhắc lại chuyến thăm năm 2015.\nCập nhật ngày 17/10/2019")
    assert dates.anchor_of(doc).published == "2019-10-17"
    doc = _en("On October 16, the Lao ambassador presented credentials.\nPublished: 17 October 2019")
    assert dates.anchor_of(doc).published == "2019-10-17"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 4/8, hai bên hội đàm.\nHai bên ký hiệp định tháng 5/2028.\nHai bên tiếp tục thực hiện Kế hoạch tổng thể hợp tác đến năm 2030.", "vi"),
        ("On August 4, the two sides met.\nThey signed a deal in May 2028.\nThey continue the master plan of cooperation by 2030.", "en"),
    ],
)
def test_a_deadline_year_lies_ahead(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == 2029


def test_a_vietnamese_weekday_after_hom_or_vao() -> None:
    doc = _doc("Hôm thứ Năm, Thủ tướng Lào hội đàm với Thủ tướng Campuchia.\nHai bên sẽ ký kết vào thứ Hai.", published="2023-07-15")
    assert _resolved(doc) == [("thứ Năm", "2023-07-13"), ("thứ Hai", "2023-07-17")]
    assert _resolved(_doc("Đây là lần thứ năm hai bên gặp nhau.", published="2023-07-15")) == []


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Hồi tháng 10, nhân dịp dự Tuần lễ Cấp cao APEC 2025 tại Gyeongju, hai nhà lãnh đạo gặp nhau.", "vi", 2025),
        ("In October, on the sidelines of APEC 2025 in Gyeongju, the two leaders met.", "en", 2025),
    ],
)
def test_a_summit_named_by_its_year_dates_the_article(text: str, lang: str, year: int) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == year


def test_a_summit_year_ahead_is_only_a_bound() -> None:
    assert dates.anchor_of(_doc("Hai bên ký hiệp định năm 2024.\nLào ủng hộ Thái Lan sẽ đăng cai APEC 2027.")).how == "bounds"


def test_a_dotted_date_before_a_comma() -> None:
    doc = _doc("Chiều 16.11, chuyên cơ chở Thủ tướng Lào hạ cánh. Ngày 3.11.2025 là ngày khác.", published="2025-11-17")
    assert _resolved(doc) == [("Chiều 16.11", "2025-11-16"), ("Ngày 3.11.2025", "2025-11-03")]


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("Kim ngạch từ tháng 1 đến tháng 7/2024 đạt 2 tỷ USD.", "tháng 1 đến tháng 7/2024", "2024-01/2024-07"),
        ("Kim ngạch tháng 1-7/2024 đạt 2 tỷ USD.", "tháng 1-7/2024", "2024-01/2024-07"),
        ("Kim ngạch tháng 3-5 năm nay tăng.", "tháng 3-5 năm nay", "2024-03/2024-05"),
        ("Kim ngạch quý I/2024 đạt 2 tỷ USD.", "quý I/2024", "2024-01/2024-03"),
        ("Kim ngạch quý 2 năm nay tăng.", "quý 2 năm nay", "2024-04/2024-06"),
        ("Kim ngạch nửa đầu năm 2024 tăng.", "nửa đầu năm 2024", "2024-01/2024-06"),
        ("Trong 10 tháng năm 2024, kim ngạch tăng.", "10 tháng năm 2024", "2024-01/2024-10"),
        ("Kim ngạch 9 tháng năm nay tăng.", "9 tháng năm nay", "2024-01/2024-09"),
    ],
)
def test_vietnamese_periods_of_months(text: str, found: str, iso: str) -> None:
    assert _resolved(_doc(text, published="2024-11-15")) == [(found, iso)]


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("Trade from January to July this year rose.", "from January to July this year", "2024-01/2024-07"),
        ("Trade in January-July 2024 rose.", "in January-July 2024", "2024-01/2024-07"),
    ],
)
def test_english_periods_of_months(text: str, found: str, iso: str) -> None:
    assert _resolved(_en(text, published="2024-11-15")) == [(found, iso)]


def test_a_count_of_months_is_no_period() -> None:
    assert _resolved(_doc("Sau 6 tháng, hai bên gặp lại.", published="2024-11-15")) == []
    assert _resolved(_en("We march to May Street.", published="2024-11-15")) == []


def test_an_english_numeric_stamp_is_month_first() -> None:
    doc = _en("Sweden's coalition wins\nSubmitted by editor on Mon, 09/20/2010 - 09:44\nThe coalition won re-election on September 19.")
    assert dates.anchor_of(doc).published == "2010-09-20"


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Ngày 12/11, bên lề Hội nghị Cấp cao APEC tại Đà Nẵng, Chủ tịch nước gặp Thủ tướng Canada.", "vi", 2017),
        ("On November 12, Chile's president met the Thai prime minister at the G20 summit in Hangzhou.", "en", 2016),
        # Lima hosted three times: the first year from the article's lower bound on
        ("They signed the 2015 accord. On November 15, the leaders met at the APEC summit in Lima.", "en", 2016),
    ],
)
def test_a_summit_named_by_its_host_city_dates_the_article(text: str, lang: str, year: int) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == year


def test_a_host_city_ahead_or_apart_dates_nothing() -> None:
    assert dates.anchor_of(_en("Peru will host the APEC summit in Lima.")).how != "article context"
    assert dates.anchor_of(_en("The APEC summit took place in Lima.")).year is None
    assert dates.anchor_of(_en("He spoke of APEC, and then flew to Bali.")).year is None


@pytest.mark.parametrize(
    ("text", "lang", "found", "iso"),
    [
        # 2024-05-15 is a Wednesday
        ("Tuần trước, Bộ trưởng Ngoại giao Chile thăm Thái Lan.", "vi", "Tuần trước", "2024-05-06/2024-05-12"),
        ("Thủ tướng Hungary sẽ thăm Peru vào cuối tuần này.", "vi", "cuối tuần này", "2024-05-17/2024-05-19"),
        ("Hai bên đã hội đàm hồi đầu tuần.", "vi", "đầu tuần", "2024-05-13/2024-05-15"),
        ("Đoàn Kenya sẽ sang Hà Lan tuần tới.", "vi", "tuần tới", "2024-05-20/2024-05-26"),
        ("Chile's foreign minister visited Thailand last week.", "en", "last week", "2024-05-06/2024-05-12"),
        ("Earlier this week, Kenya and the Netherlands signed a pact.", "en", "Earlier this week", "2024-05-13/2024-05-15"),
        ("Hungary's prime minister will visit Peru next week.", "en", "next week", "2024-05-20/2024-05-26"),
    ],
)
def test_a_week_counted_from_the_articles_day(text: str, lang: str, found: str, iso: str) -> None:
    doc = _doc(text, published="2024-05-15", lang=lang)
    assert (found, iso) in _resolved(doc)


def test_weeks_ago_are_not_last_week() -> None:
    doc = _doc("Hai tuần trước, đoàn Chile thăm Thái Lan.", published="2024-05-15")
    assert not any(text == "tuần trước" for text, _ in _resolved(doc))


def test_the_datelines_day_is_its_first_sentences_weekday() -> None:
    doc = _en("LIMA, July 27 (Reuters) - Peru's foreign minister on Thursday met his Chilean counterpart.\n"
              "The two sides have held talks since March 2022.")
    assert dates.anchor_of(doc).year == 2023  # the first year from 2022 where July 27 is a Thursday
    doc = _en("LIMA, July 27 (Reuters) - Peru's foreign minister last Thursday met his Chilean counterpart.\n"
              "The two sides have held talks since March 2022.")
    assert dates.anchor_of(doc).year is None


def test_a_weekday_fixes_the_year_near_a_weak_cue() -> None:
    doc = _doc("Thứ Năm (27/7), Bộ trưởng Ngoại giao Chile hội đàm với người đồng cấp Peru.\n"
               "Hai bên sẽ triển khai kế hoạch hành động giai đoạn 2022-2025.")
    assert dates.anchor_of(doc).year == 2023


def test_what_should_be_done_is_no_past_year() -> None:
    doc = _en("On May 4, Chile and Peru met.\nBoth sides need to prepare for the 6th meeting of the committee in 2025.")
    assert dates.anchor_of(doc).after is None
    doc = _en("On May 4, Chile and Peru met.\nThe envoy suggested they celebrate the 45th anniversary of ties in 2024.")
    assert dates.anchor_of(doc).after is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("BỘ NGOẠI GIAO CHILE\nNgày 27 tháng 5 năm 2021,\nHôm nay, Bộ trưởng Chile điện đàm với Bộ trưởng Peru.", "vi"),
        ("CHILEAN FOREIGN MINISTRY\nMay 27, 2021\nToday, the Chilean minister spoke with the Peruvian minister.", "en"),
    ],
)
def test_a_page_line_that_is_only_a_date_is_its_stamp(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).published == "2021-05-27"


def test_a_line_with_a_date_among_words_is_no_stamp() -> None:
    doc = _en("CHILEAN FOREIGN MINISTRY\nThe treaty was signed on May 27, 2021\nToday, the ministers spoke.")
    assert dates.anchor_of(doc).how != "page stamp"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ngày 9/11, hai bên hội đàm.\nĐại sứ đề nghị hai nước sẽ tổ chức kỷ niệm 45 năm thiết lập quan hệ ngoại giao năm 2026.", "vi"),
        ("On November 9, they met.\nThe envoy suggested they celebrate the 45th founding anniversary of diplomatic ties in 2026.", "en"),
    ],
)
def test_an_anniversary_planned_for_a_year_is_prepared_the_year_before(text: str, lang: str) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == 2025


def test_an_anniversarys_year_after_the_relations_is_not_their_start() -> None:
    doc = _en("On November 9, they met.\nThey celebrated the 45th anniversary of diplomatic ties in 2024.")
    assert dates.anchor_of(doc).year != 2069


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Đại sứ Chile chúc mừng nhân dịp kỷ niệm 80 năm Cách mạng tháng Tám thành công.", "vi", 2025),
        ("The Chilean envoy congratulated Hanoi on the 75th anniversary of the August Revolution.", "en", 2020),
    ],
)
def test_an_anniversary_of_a_dated_founding_event(text: str, lang: str, year: int) -> None:
    assert dates.anchor_of(_doc(text, lang=lang)).year == year


def test_an_anniversary_of_a_national_day_of_no_named_country_dates_nothing() -> None:
    assert dates.anchor_of(_doc("Đại sứ chúc mừng kỷ niệm 75 năm Quốc khánh.")).year is None


def test_a_relative_phrase_opening_a_sentence_is_read_capitalised() -> None:
    """"Năm ngoái, ...", "Cách đây 2 năm, ...", "Last year, ...": the phrase as a sentence opens with it."""
    for body, lang, year in (("Năm ngoái, Tổng thống Chile Gabriel Boric đã thăm Việt Nam.", "vi", "2024"),
                             ("Cách đây 2 năm, Tổng thống Chile Gabriel Boric đã thăm Việt Nam.", "vi", "2023"),
                             ("Last year, Chilean President Gabriel Boric visited Vietnam.", "en", "2024")):
        text = f"published: 2025-03-12\nlang: {lang}\n---\n{body}\n"
        assert [e.date for e in extract(read_text_document(text, doc_id="t")).events if e.type == "VISIT"] == [year], body


def test_a_wire_dateline_after_the_repeated_headline_and_its_weekday_date_an_undated_article() -> None:
    """"Headline\\n\\nTokyo [Japan], August 29 (ANI): ... on Friday": the agency files the day it tells of, and with no
    other cue the latest year that day is a Friday dates the article."""
    text = ("published: unknown\nlang: en\ntitle: India, Japan leaders hold talks\n---\nIndia, Japan leaders hold talks\n\n"
            "Tokyo [Japan], August 29 (ANI): Prime Minister Shigeru Ishiba and visiting Indian Prime Minister Narendra "
            "Modi on Friday held talks in Tokyo.\n")
    facts = extract(read_text_document(text, doc_id="t"))
    assert facts.published == "2025-08-29"
    assert [e.date for e in facts.events if e.type == "MEET"] == ["2025-08-29"]


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("Hôm qua (10/3), Thủ tướng hội đàm với Tổng thống Ghana.", "vi", "Hôm qua (10/3)"),
    ("Kenya's President yesterday (March 10) met Ghana's President.", "en", "yesterday (March 10)"),
])
def test_a_relative_day_followed_by_its_date_is_that_date(text: str, lang: str, found: str) -> None:
    assert _resolved(_doc(text, "2025-03-12", lang=lang))[:1] == [(found, "2025-03-10")]


def test_a_report_dated_before_what_it_reports_leaves_the_event_its_own_day(until) -> None:  # type: ignore[no-untyped-def]
    for text, lang in (("Ngày 11/3, Bộ Ngoại giao cho biết, chiều 10/3, Thủ tướng Việt Nam đã điện đàm với "
                        "Tổng thống Ghana John Mahama.", "vi"),
                       ("On March 11, the Kenyan foreign ministry said that on March 10 President William Ruto met "
                        "Ghanaian President John Mahama in Accra.", "en")):
        doc = until(text, "events", lang=lang, published="2025-03-12")
        assert [e.date for e in doc.layer("facts.events") if e.type == "MEET"] == ["2025-03-10"], text


@pytest.mark.parametrize(("text", "found", "iso"), [
    ("Ông thăm Việt Nam vào tháng Tư vừa qua.", "tháng Tư vừa qua", "2025-04"),
    ("Hai bên ký kết vào tháng Giêng năm 2024.", "tháng Giêng năm 2024", "2024-01"),
    ("Đoàn sẽ sang thăm vào tháng Mười Một tới.", "tháng Mười Một tới", "2025-11"),
])
def test_a_month_named_after_the_month_word(text: str, found: str, iso: str) -> None:
    assert _resolved(_doc(text, "2025-07-25")) == [(found, iso)]


def test_a_month_name_that_opens_a_country_name_is_none() -> None:
    assert _resolved(_doc("Kim ngạch xuất khẩu 6 tháng Ba Lan tăng mạnh.", "2025-07-25")) == []


def test_a_date_after_a_reporting_verb_is_what_is_reported(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Ngày 24/7/2023, tại Viên, Bộ trưởng Ngoại giao Việt Nam gặp Bộ trưởng Ngoại giao Áo Alexander Schallenberg. "
            "Tại cuộc gặp, ông Schallenberg vui mừng gặp lại Bộ trưởng và cho biết chuyến thăm Việt Nam vào tháng Tư "
            "vừa qua của ông thành công tốt đẹp.")
    doc = until(text, "events", published="2023-07-25")
    assert {(e.type, e.date) for e in doc.layer("facts.events") if e.type in ("MEET", "VISIT")} == {
        ("MEET", "2023-07-24"), ("VISIT", "2023-04")}


def test_the_pages_stamp_line_is_no_day_of_the_narrative(until) -> None:  # type: ignore[no-untyped-def]
    text = ("Thứ ba, 25/07/2023 06:05\n(ĐCSVN) - Bộ trưởng Ngoại giao Việt Nam gặp Bộ trưởng Ngoại giao Áo.\n\n"
            "Ngày 24/7/2023, tại Viên, Bộ trưởng Ngoại giao Việt Nam đã có cuộc gặp Bộ trưởng Ngoại giao Áo "
            "Alexander Schallenberg.")
    doc = until(text, "events", published="2023-07-25")
    assert [e.date for e in doc.layer("facts.events") if e.type == "MEET"] == ["2023-07-24"]


@pytest.mark.parametrize(("text", "lang", "found", "iso"), [
    ("Hôm kia, Thủ tướng hội đàm với Tổng thống Ghana.", "vi", "Hôm kia", "2025-03-10"),
    ("Trưa qua, Thủ tướng hội đàm với Tổng thống Ghana.", "vi", "Trưa qua", "2025-03-11"),
    ("The two leaders met last night in Nairobi.", "en", "last night", "2025-03-11"),
    ("The two leaders met the day before yesterday in Nairobi.", "en", "the day before yesterday", "2025-03-10"),
])
def test_more_days_told_from_today(text: str, lang: str, found: str, iso: str) -> None:
    assert _resolved(_doc(text, "2025-03-12", lang=lang)) == [(found, iso)]


def test_a_month_and_year_joined_by_a_dot_after_the_month_word() -> None:
    assert _resolved(_doc("Chủ tịch nước dự Tuần lễ Cấp cao APEC tháng 11.2023; tăng 11.2023 lần.", "2025-03-12")) == [
        ("tháng 11.2023", "2023-11")]
