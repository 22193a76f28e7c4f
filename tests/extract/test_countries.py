"""Country and organisation mentions, and the helpers other components call."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilat.extract.components import countries, sentences  # noqa: F401  (registers the components)
from bilat.extract.components.countries import (
    PhraseMatcher, _word_before, countries_in, country_of_place, main_pair,
)
from bilat.extract.doc import Document, Span
from bilat.extract import extract
from bilat.extract.pipeline import run
from bilat.ingest import read_text_document
from bilat.lang import load


def _doc(text: str, lang: str = "vi", title: str | None = None) -> Document:
    doc = Document(id="t", text=text, lang=lang, title=title)
    if lang == "en":
        doc.layers["sents"] = [Span(0, len(text), "sent")]  # each English text here is one sentence
        return run(doc, ["countries", "orgs"])
    return run(doc, ["sentences", "countries", "orgs"])


def _found(doc: Document, layer: str = "countries") -> list[tuple[str, str]]:
    return [(doc.span_text(span), span.value) for span in doc.layer(layer)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Chủ tịch nước thăm Hoa Kỳ và Nhật Bản.", [("Hoa Kỳ", "US"), ("Nhật Bản", "JP")]),
        ("Thủ tướng Vương quốc Anh tới Hà Nội.", [("Vương quốc Anh", "GB")]),
        ("Quan hệ Việt Nam-Campuchia và Việt Nam - Lào.",
         [("Việt Nam", "VN"), ("Campuchia", "KH"), ("Việt Nam", "VN"), ("Lào", "LA")]),
        ("Ngoại trưởng Ả Rập Xê-út gặp Bộ trưởng Ô-xtrây-li-a.", [("Ả Rập Xê-út", "SA"), ("Ô-xtrây-li-a", "AU")]),
        ("Đoàn Mexico thăm Thụy Sĩ và Thuỵ Điển.", [("Mexico", "MX"), ("Thụy Sĩ", "CH"), ("Thuỵ Điển", "SE")]),
        ("Đây là chủ trương nhất quán của nước ta.", [("nước ta", "VN")]),
        ("Nước ta luôn coi trọng quan hệ với Kenya.", [("Nước ta", "VN"), ("Kenya", "KE")]),
        ("Đại sứ nước Cộng hòa Nhân dân Trung Hoa và Đại sứ Trung Hoa Dân Quốc.",  # the state's formal names
         [("Cộng hòa Nhân dân Trung Hoa", "CN"), ("Trung Hoa Dân Quốc", "TW")]),
    ],
)
def test_vietnamese_names(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(_doc(text)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # regions and other phrases that contain a country's name
        ("Peru là đối tác lớn tại khu vực Mỹ Latinh.", [("Peru", "PE")]),
        ("Hợp tác với các nước Mỹ La tinh và Đông Nam Á.", []),
        ("Hai bên ủng hộ một khu vực Ấn Độ - Thái Bình Dương rộng mở.", []),
        ("Sinh viên học tiếng Anh và tiếng Pháp.", []),
        ("Đoàn dự Hội nghị Tổ chức Pháp ngữ.", []),
        ("Pháp luật hai nước có nhiều điểm khác.", []),
        ("Hai bên ký Ý định thư về hợp tác với Italy.", [("Italy", "IT")]),
        ("Chủ Nhật, 10/11/2024, đoàn tới Chile.", [("Chile", "CL")]),
        # given names and Vietnamese place names
        ("Bà Nguyễn Thị Nga phát biểu.", []),
        ("Ông Đức cho biết doanh nghiệp sẽ mở rộng.", []),
        ("Đoàn đến huyện Nga Sơn và sân vận động Mỹ Đình.", []),
        ("Thủ tướng Đức Ô. Sôn-xơ và Ngoại trưởng Nga Xéc-gây La-vrốp dự họp.", [("Đức", "DE"), ("Nga", "RU")]),
        # the same short names where they are countries
        ("Tổng thống Mỹ Joe Biden hội đàm với Tổng thống Nga.", [("Mỹ", "US"), ("Nga", "RU")]),
        ("Tại Nga, đoàn làm việc với Bộ Ngoại giao Đức.", [("Nga", "RU"), ("Đức", "DE")]),
        ("Việt Nam, Nhật, Anh và Úc đều tham dự.",
         [("Việt Nam", "VN"), ("Nhật", "JP"), ("Anh", "GB"), ("Úc", "AU")]),
        # word boundaries: a name inside a longer word is no mention
        ("Sinh viên Chilean đến thăm.", []),
    ],
)
def test_vietnamese_ambiguity(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(_doc(text)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Vietnamese President Võ Văn Thưởng met his Kenyan counterpart in Nairobi.",
         [("Vietnamese", "VN"), ("Kenyan", "KE")]),
        ("The United States and the UK welcomed the Việt Nam-Canada statement.",
         [("United States", "US"), ("UK", "GB"), ("Việt Nam", "VN"), ("Canada", "CA")]),
        ("Trade with Latin American partners and Southeast Asia grew.", []),
        ("Fans of Michael Jordan visited Jordan.", [("Jordan", "JO")]),
        ("South Korea and North Korea sent envoys to Türkiye.",
         [("South Korea", "KR"), ("North Korea", "KP"), ("Türkiye", "TR")]),
    ],
)
def test_english_names(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(_doc(text, lang="en")) == found


def test_the_header_block_is_not_read() -> None:
    text = "title: Việt Nam - Peru\n---\nTổng thống Chile thăm Lào."
    doc = Document(id="t", text=text, body_start=text.index("Tổng"))
    run(doc, ["sentences", "countries"])
    assert _found(doc) == [("Chile", "CL"), ("Lào", "LA")]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Hai nước cùng là thành viên Liên Hợp Quốc và Liên hợp quốc.", "vi",
         [("Liên Hợp Quốc", "UN"), ("Liên hợp quốc", "UN")]),
        ("Diễn đàn hợp tác Đông Á - Mỹ Latinh (FEALAC) họp tại Hà Nội.", "vi",
         [("Diễn đàn hợp tác Đông Á - Mỹ Latinh", "FEALAC"), ("FEALAC", "FEALAC")]),
        ("Hội nghị Tổ chức Hợp tác Thượng Hải (SCO) mở rộng tại Thiên Tân.", "vi",
         [("Tổ chức Hợp tác Thượng Hải", "SCO"), ("SCO", "SCO")]),
        ("Chile và Liên minh châu Âu ký hiệp định; Liên minh Thái Bình Dương hoan nghênh.", "vi",
         [("Liên minh châu Âu", "EU"), ("Liên minh Thái Bình Dương", "PACIFIC_ALLIANCE")]),
        ("The WHO said who would attend the Asia-Pacific Economic Cooperation meeting.", "en",
         [("WHO", "WHO"), ("Asia-Pacific Economic Cooperation", "APEC")]),
    ],
)
def test_orgs(text: str, lang: str, found: list[tuple[str, str]]) -> None:
    assert _found(_doc(text, lang=lang), "orgs") == found


def test_the_countries_inside_an_org_name_are_not_mentions() -> None:
    doc = _doc("Diễn đàn hợp tác Đông Á-Mỹ Latinh (FEALAC) họp thường niên.")
    assert _found(doc) == []


@pytest.mark.parametrize(
    ("lang", "place", "code"),
    [("vi", "Lima", "PE"), ("vi", "Thiên Tân", "CN"), ("vi", "Hà Nội", "VN"), ("vi", "Peru", "PE"),
     ("vi", " Canberra ", "AU"), ("en", "Nairobi", "KE"), ("en", "Santiago de Chile", "CL"),
     ("vi", "Atlantis", None)],
)
def test_country_of_place(lang: str, place: str, code: str | None) -> None:
    assert country_of_place(load(lang), place) == code


def test_countries_in_gives_codes_in_order_of_first_mention() -> None:
    doc = _doc("Peru và Việt Nam, cùng Peru và Chile, đều là thành viên APEC. Nhật Bản cũng vậy.")
    first = doc.layer("sents")[0]
    assert countries_in(doc, first.start, first.end) == ["PE", "VN", "CL"]


def test_main_pair_counts_mentions() -> None:
    doc = _doc("Cuba cảm ơn Việt Nam. Việt Nam và Cuba hợp tác. Đoàn Cuba qua Lào.")
    assert main_pair(doc) == ["CU", "VN"]


def test_main_pair_breaks_ties_by_the_home_country_the_title_then_first_mention() -> None:
    text = "Tại Gyeongju, Hàn Quốc, Bộ trưởng Việt Nam gặp Bộ trưởng Mexico. Mexico cảm ơn."
    assert main_pair(_doc(text)) == ["MX", "VN"]
    text = "Tại Thủ đô Phnom Penh, Campuchia, Thủ tướng Nguyễn Văn A gặp Thủ tướng Lào. Lào cảm ơn. Việt Nam hài lòng."
    assert main_pair(_doc(text)) == ["LA", "VN"]
    text = "In Gyeongju, South Korea, the Chilean minister met the Mexican minister. Mexico thanked."
    assert main_pair(_doc(text, lang="en")) == ["MX", "KR"]
    assert main_pair(_doc(text, lang="en", title="Chile urges Mexico to ease trade")) == ["MX", "CL"]


def test_main_pair_of_an_article_naming_one_country() -> None:
    assert main_pair(_doc("Peru công bố số liệu mới.")) == ["PE"]


def test_the_us_dollar_sign_is_no_country() -> None:
    assert _found(_doc("Trade between Malaysia and Thailand reached US$24.5 billion.", lang="en")) == [
        ("Malaysia", "MY"), ("Thailand", "TH"),
    ]


def test_the_united_kingdoms_long_name_is_one_country() -> None:
    from bilat.extract import extract
    from bilat.ingest import read_text_document

    text = ("published: 2022-06-11\n---\nNhân dịp Quốc khánh Liên hiệp Vương quốc Anh và Bắc Ai-len, Chủ tịch nước "
            "Nguyễn Xuân Phúc gửi điện mừng tới Nữ hoàng Elizabeth II.")
    facts = extract(read_text_document(text, doc_id="t")).to_dict()
    assert {c for e in facts["events"] for c in e["actors"]} == {"VN", "GB"}


@given(text=st.text(alphabet="aĐ_1 ,\n.", max_size=14), opening=st.integers(0, 14), end=st.integers(0, 14))
def test_the_word_before_a_name_is_the_one_a_search_from_the_sentence_start_finds(text: str, opening: int, end: int) -> None:
    opening, end = min(opening, end, len(text)), min(end, len(text))
    found = re.search(r"(\w+) $", text[opening:end])
    assert _word_before(text, opening, end) == (opening + found.start() if found else None)


def _looked_up_at_every_word(matcher: PhraseMatcher, text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """What ``find`` gives, read as the phrases' first words were at first: a look-up at every word."""
    found, resume = [], start
    for word in re.compile(r"\w+").finditer(text, start, end):
        entries = matcher._by_first.get(word.group().lower())
        if word.start() < resume or entries is None:
            continue
        for form, value, caseless in entries:  # the longest first
            match = re.compile(re.escape(form) + (r"(?!\w)" if form[-1].isalnum() else ""),
                               re.IGNORECASE if caseless else 0).match(text, word.start())
            if match is not None:
                break
        if match is not None and match.end() <= end:
            found.append((word.start(), match.end(), value))
            resume = match.end()
    return found


@given(text=st.text(alphabet="abAB -–_", max_size=16), start=st.integers(0, 16), end=st.integers(0, 16))
@example(text="ab - a", start=1, end=6)  # a word cut by the start: "b - a" is found from there
@example(text="AA bb", start=0, end=5)  # a caseless phrase in another case
def test_phrases_are_found_where_a_look_up_at_every_word_finds_them(text: str, start: int, end: int) -> None:
    matcher = PhraseMatcher()
    for phrase, value, caseless in [("ab", "X", False), ("Ab ba", "Y", False), ("ba", None, False), ("ab", "U", False),
                                    ("b - a", "Z", False), ("aa bb", "W", True), ("b_", "V", False), ("ab a", "T", False)]:
        matcher.add(phrase, value, caseless=caseless)
    start, end = min(start, end, len(text)), min(end, len(text))
    assert list(matcher.find(text, start, end)) == _looked_up_at_every_word(matcher, text, start, end)


def test_a_formal_name_written_in_lower_case_is_the_country() -> None:
    """The press writes a state's formal name with its middle words in either case."""
    for body, code in (("Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam Nguyễn Xuân Phúc thăm Canada.", "VN"),
                       ("Chủ tịch nước Cộng hòa dân chủ nhân dân Lào Thongloun Sisoulith thăm Chile.", "LA")):
        text = f"published: 2025-03-12\nlang: vi\n---\n{body}\n"
        persons = extract(read_text_document(text, doc_id="t")).persons
        assert persons and persons[0].country == code, body


@pytest.mark.parametrize(
    ("demonym", "code"),
    [("Icelandic", "IS"), ("Maldivian", "MV"), ("Timorese", "TL"), ("Surinamese", "SR"), ("Botswanan", "BW"),
     ("Basotho", "LS"), ("Comorian", "KM"), ("Cape Verdean", "CV"), ("Azeri", "AZ")],
)
def test_english_demonyms_of_smaller_states(demonym: str, code: str) -> None:
    doc = _doc(f"The {demonym} Foreign Minister met the Kenyan Foreign Minister.", lang="en")
    assert [c for _, c in _found(doc)] == [code, "KE"]
