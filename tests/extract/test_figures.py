"""Amounts and figures: reading quantities, and keeping those that state trade or investment."""

from __future__ import annotations

import pytest

from bilat.extract.components import countries, dates, figures, sentences  # noqa: F401  (registers the components)
from bilat.extract.components.figures import Amount
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Figure
from bilat.extract.pipeline import run


def _amounts(text: str, lang: str = "vi") -> list[tuple[str, Amount]]:
    doc = Document(id="t", text=text, lang=lang)
    doc.layers["sents"] = [Span(0, len(text), "sent")]  # one sentence: no splitter data needed for English
    run(doc, ["amounts"])
    return [(doc.span_text(s), s.value) for s in doc.layer("amounts")]


def _figures(text: str, published: str = "2024-08-20", lang: str = "vi") -> tuple[Document, list[Figure]]:
    doc = Document(id="t", text=text, published=published, lang=lang)
    run(doc, ["sentences", "countries", "dates", "anchor", "amounts", "figures"])
    return doc, doc.layer("facts.figures")


@pytest.mark.parametrize(
    ("text", "found", "amount"),
    [
        ("Kim ngạch đạt gần 87,6 tỷ USD.", "gần 87,6 tỷ USD", Amount(87_600_000_000, "USD", True)),
        ("Dự án trị giá 1.200 tỷ đồng.", "1.200 tỷ đồng", Amount(1_200_000_000_000, "VND", False)),
        ("Khoản viện trợ khoảng 2 triệu USD.", "khoảng 2 triệu USD", Amount(2_000_000, "USD", True)),
        ("Quỹ học bổng 500 nghìn USD.", "500 nghìn USD", Amount(500_000, "USD", False)),
        ("Quỹ học bổng 500 ngàn USD.", "500 ngàn USD", Amount(500_000, "USD", False)),
        ("Mục tiêu 18 tỉ USD.", "18 tỉ USD", Amount(18_000_000_000, "USD", False)),
        ("Năm ngoái đạt hơn 1,5 tỷ.", "hơn 1,5 tỷ", Amount(1_500_000_000, "", True)),
        ("Gói vay hai nghìn tỷ đồng.", "hai nghìn tỷ đồng", Amount(2_000_000_000_000, "VND", False)),
        ("Hiện có trên 3.400 dự án.", "trên 3.400 dự án", Amount(3_400, "projects", True)),
        ("Hợp đồng 40 triệu euro.", "40 triệu euro", Amount(40_000_000, "EUR", False)),
    ],
)
def test_vietnamese_amounts(text: str, found: str, amount: Amount) -> None:
    assert _amounts(text) == [(found, amount)]


@pytest.mark.parametrize(
    ("text", "found", "amount"),
    [
        ("Trade reached USD 500 million.", "USD 500 million", Amount(500_000_000, "USD", False)),
        ("Two-way trade was nearly $6.5 billion.", "nearly $6.5 billion", Amount(6_500_000_000, "USD", True)),
        ("They run more than 1,200 projects.", "more than 1,200 projects", Amount(1_200, "projects", True)),
        ("A JPY 5 trillion plan.", "JPY 5 trillion", Amount(5_000_000_000_000, "JPY", False)),
        ("A deal worth $5bn.", "$5bn", Amount(5_000_000_000, "USD", False)),
        ("Loans of US$1.2 billion.", "US$1.2 billion", Amount(1_200_000_000, "USD", False)),
        ("Trade hit 6.5 billion USD.", "6.5 billion USD", Amount(6_500_000_000, "USD", False)),
        ("It is nearly 7 billion US dollars.", "nearly 7 billion US dollars", Amount(7_000_000_000, "USD", True)),
        ("Grants of EUR 3 million.", "EUR 3 million", Amount(3_000_000, "EUR", False)),
        ("A €2bn fund.", "€2bn", Amount(2_000_000_000, "EUR", False)),
        ("Some two billion dollars.", "Some two billion dollars", Amount(2_000_000_000, "USD", True)),
        ("Credit of Rs 5,000 crore.", "Rs 5,000 crore", Amount(50_000_000_000, "INR", False)),
        ("Credit of Rs.500 crore.", "Rs.500 crore", Amount(5_000_000_000, "INR", False)),
        ("A Rs 1,500-crore project.", "Rs 1,500-crore", Amount(15_000_000_000, "INR", False)),
        ("Outlays of ₹1 lakh crore.", "₹1 lakh crore", Amount(1_000_000_000_000, "INR", False)),
        ("Aid of Rs 50 lakh.", "Rs 50 lakh", Amount(5_000_000, "INR", False)),
        ("Swaps of USD 100 mn.", "USD 100 mn", Amount(100_000_000, "USD", False)),
        ("A £500m grant.", "£500m", Amount(500_000_000, "GBP", False)),
        ("Worth upwards of S$3 billion.", "upwards of S$3 billion", Amount(3_000_000_000, "SGD", True)),
        ("There are 300 valid FDI projects.", "300 valid FDI projects", Amount(300, "projects", False)),
    ],
)
def test_english_amounts(text: str, found: str, amount: Amount) -> None:
    assert _amounts(text, lang="en") == [(found, amount)]


def test_numbers_without_a_multiplier_or_unit_are_not_amounts() -> None:
    assert _amounts("Năm 2024 tăng 19%, hai đồng chủ trì 3 phiên họp ngày 17/11.") == []


def test_english_numbers_that_are_not_amounts() -> None:
    text = "Up 16 percent from 2016, the two sides flew 5 A380 jets for 2.5 hours at Euro 2024 on 5 May 2024."
    assert _amounts(text, lang="en") == []


def test_trade_figure_with_its_year_parties_and_clause() -> None:
    doc, found = _figures("Năm 2023, kim ngạch thương mại giữa Việt Nam và Ấn Độ đạt 14,3 tỷ USD, tăng 5% so với năm 2022.")
    assert found == [Figure("bilateral_trade", ["IN", "VN"], "2023", 14_300_000_000, "USD", False, found[0].evidence)]
    assert doc.span_text(found[0].evidence) == "Năm 2023, kim ngạch thương mại giữa Việt Nam và Ấn Độ đạt 14,3 tỷ USD"


def test_second_amount_keeps_the_indicator_and_takes_its_own_period() -> None:
    doc, found = _figures(
        "Thủ tướng Việt Nam tiếp Bộ trưởng Ngoại giao Chile.\n"
        "Thương mại hai chiều năm 2023 đạt khoảng 1,2 tỷ USD, riêng 6 tháng đầu năm nay đạt hơn 700 triệu USD."
    )
    assert [(f.indicator, f.parties, f.period, f.value, f.approx) for f in found] == [
        ("bilateral_trade", ["CL", "VN"], "2023", 1_200_000_000, True),
        ("bilateral_trade", ["CL", "VN"], "2024-01/2024-06", 700_000_000, True),
    ]
    assert doc.span_text(found[1].evidence) == "riêng 6 tháng đầu năm nay đạt hơn 700 triệu USD"


def test_a_clause_after_a_semicolon_continues_the_sentence() -> None:
    doc, found = _figures("Năm 2023, thương mại Việt Nam - Ba Lan đạt 4 tỷ USD; 4 tháng đầu năm nay đạt 1,5 tỷ USD.")
    assert [(f.indicator, f.period, f.value) for f in found] == [
        ("bilateral_trade", "2023", 4_000_000_000),
        ("bilateral_trade", "2024-01/2024-04", 1_500_000_000),
    ]
    assert doc.span_text(found[1].evidence) == "4 tháng đầu năm nay đạt 1,5 tỷ USD"


def test_period_stated_after_the_amount() -> None:
    doc, found = _figures("Quan hệ thương mại Việt Nam - Thái Lan đạt hơn 20 tỷ USD trong năm 2023.")
    assert [(f.period, f.parties) for f in found] == [("2023", ["TH", "VN"])]
    assert doc.span_text(found[0].evidence) == "Quan hệ thương mại Việt Nam - Thái Lan đạt hơn 20 tỷ USD trong năm 2023"


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên nhất trí phấn đấu đưa kim ngạch thương mại Việt Nam - Ba Lan lên 5 tỷ USD.",
        "Kim ngạch thương mại Việt Nam - Ba Lan sẽ đạt 10 tỷ USD vào năm 2030.",
        "Kim ngạch thương mại Việt Nam - Ba Lan năm 2023 tăng 1,2 tỷ USD so với năm 2022.",
        "Hội nghị Việt Nam - Ba Lan thu hút hơn 1 nghìn đại biểu.",
    ],
    ids=["target", "deadline ahead", "change", "no cue"],
)
def test_targets_changes_and_uncued_amounts_are_not_figures(text: str) -> None:
    assert _figures(text)[1] == []


def test_amounts_listed_after_a_target_word_are_targets_too() -> None:
    _, found = _figures(
        "Năm 2023, thương mại Việt Nam - Ba Lan đạt 3 tỷ USD; hai bên đặt mục tiêu 5 tỷ USD và 8 tỷ USD trong các năm tới."
    )
    assert [f.value for f in found] == [3_000_000_000]


def test_a_breakdown_takes_the_period_of_the_total() -> None:
    _, found = _figures(
        "Năm 2023, kim ngạch thương mại Việt Nam - Ba Lan đạt 4 tỷ USD, trong đó Việt Nam xuất khẩu 3 tỷ USD."
    )
    assert [(f.indicator, f.parties, f.period) for f in found] == [
        ("bilateral_trade", ["PL", "VN"], "2023"),
        ("exports", ["VN", "PL"], "2023"),
    ]


def test_a_deadline_already_past_is_a_stated_level() -> None:
    _, found = _figures("Kim ngạch thương mại Việt Nam - Ba Lan đạt 3 tỷ USD vào năm 2022.")
    assert [(f.period, f.value) for f in found] == [("2022", 3_000_000_000)]


def test_exports_and_imports_run_from_the_first_party_to_the_second() -> None:
    _, found = _figures(
        "Năm 2023, xuất khẩu của Việt Nam sang Ai Cập đạt 600 triệu USD.\n"
        "Cùng năm, Việt Nam nhập khẩu từ Ai Cập 100 triệu USD."
    )
    assert [(f.indicator, f.parties, f.value) for f in found] == [
        ("exports", ["VN", "EG"], 600_000_000),
        ("imports", ["VN", "EG"], 100_000_000),
    ]


def test_investment_projects_and_capital() -> None:
    doc, found = _figures("Singapore có 3.500 dự án đầu tư tại Việt Nam với tổng vốn đăng ký hơn 70 tỷ USD.")
    assert [(f.indicator, f.parties, f.value, f.unit) for f in found] == [
        ("fdi_projects", ["SG", "VN"], 3_500, "projects"),
        ("fdi_stock", ["SG", "VN"], 70_000_000_000, "USD"),
    ]
    assert doc.span_text(found[1].evidence) == "đầu tư tại Việt Nam với tổng vốn đăng ký hơn 70 tỷ USD"


def test_a_period_after_an_amount_is_its_alone() -> None:
    _, found = _figures("Thương mại Việt Nam - Ba Lan đạt 3 tỷ USD năm 2022 và 4 tỷ USD năm 2023.")
    assert [(f.period, f.value) for f in found] == [("2022", 3_000_000_000), ("2023", 4_000_000_000)]


def test_a_cue_just_after_the_amount_names_it() -> None:
    doc, found = _figures("Nhật Bản cung cấp 2 tỷ USD vốn ODA cho Việt Nam năm 2023.")
    assert [(f.indicator, f.parties, f.period) for f in found] == [("other", ["JP", "VN"], "2023")]
    assert doc.span_text(found[0].evidence) == "Nhật Bản cung cấp 2 tỷ USD vốn ODA cho Việt Nam năm 2023"


# --- English ---------------------------------------------------------------------


def _english_figures(text: str) -> tuple[Document, list[Figure]]:
    return _figures(text, lang="en")


def test_english_trade_figure_with_its_year_parties_and_clause() -> None:
    doc, found = _english_figures("Two-way trade between Vietnam and India reached 14.3 billion USD in 2023, up 5 percent from 2022.")
    assert found == [Figure("bilateral_trade", ["IN", "VN"], "2023", 14_300_000_000, "USD", False, found[0].evidence)]
    assert doc.span_text(found[0].evidence) == "Two-way trade between Vietnam and India reached 14.3 billion USD in 2023"


def test_english_periods_after_each_amount() -> None:
    _, found = _english_figures(
        "Bilateral trade between Vietnam and Chile stood at about $1.2 billion in 2022 and nearly $1.5 billion in 2023."
    )
    assert [(f.indicator, f.parties, f.period, f.value, f.approx) for f in found] == [
        ("bilateral_trade", ["CL", "VN"], "2022", 1_200_000_000, True),
        ("bilateral_trade", ["CL", "VN"], "2023", 1_500_000_000, True),
    ]


def test_english_exports_and_imports_run_from_the_first_party_to_the_second() -> None:
    _, found = _english_figures(
        "In 2023, exports to the United States by Vietnamese firms reached $97 billion, "
        "while Vietnam's imports from the US stood at $13.8bn."
    )
    assert [(f.indicator, f.parties, f.period, f.value) for f in found] == [
        ("exports", ["VN", "US"], "2023", 97_000_000_000),
        ("imports", ["VN", "US"], "2023", 13_800_000_000),
    ]


def test_english_investment_in_a_country_comes_from_the_other() -> None:
    _, found = _english_figures("Investment in Vietnam by Japanese firms totalled USD 70 billion in 2023.")
    assert [(f.indicator, f.parties, f.value) for f in found] == [("fdi_stock", ["JP", "VN"], 70_000_000_000)]


def test_english_projects_worth_an_amount() -> None:
    doc, found = _english_figures("Singapore has more than 3,500 valid projects worth USD 70 billion in Vietnam.")
    assert [(f.indicator, f.parties, f.value, f.unit, f.approx) for f in found] == [
        ("fdi_projects", ["SG", "VN"], 3_500, "projects", True),
        ("fdi_stock", ["SG", "VN"], 70_000_000_000, "USD", False),
    ]
    assert doc.span_text(found[0].evidence) == "Singapore has more than 3,500 valid projects worth"


def test_english_cue_after_the_amount() -> None:
    doc, found = _english_figures("Japan provided a $500 million loan to Vietnam in 2023.")
    assert [(f.indicator, f.parties, f.period, f.value) for f in found] == [("other", ["JP", "VN"], "2023", 500_000_000)]
    assert doc.span_text(found[0].evidence) == "Japan provided a $500 million loan to Vietnam in 2023"


@pytest.mark.parametrize(
    "text",
    [
        "India and Vietnam aim to raise bilateral trade to $20 billion.",
        "Vietnam and Poland set a target of USD 5 billion in two-way trade.",
        "The two sides agreed to lift trade between Vietnam and Poland to $10 billion.",
        "Trade between Vietnam and Poland will reach $10 billion by 2030.",
        "Trade between Vietnam and Poland rose by $2 billion in 2023.",
        "Trade between Vietnam and Poland saw an increase of $1 billion.",
        "The Vietnam-Poland conference drew more than two thousand dollars in donations.",
        "Chile and Peru agree to take annual bilateral trade volume to $8 billion.",
    ],
    ids=["aim", "target", "raise verb", "deadline ahead", "change", "increase", "no cue", "take to"],
)
def test_english_targets_changes_and_uncued_amounts_are_not_figures(text: str) -> None:
    assert _english_figures(text)[1] == []


def test_english_baseline_of_a_comparison_is_not_a_figure() -> None:
    _, found = _english_figures("Trade between Vietnam and Poland rose to $5.2bn in 2023 from $4.1bn in 2022.")
    assert [(f.period, f.value) for f in found] == [("2023", 5_200_000_000)]


def test_an_amount_restated_in_brackets_is_one_figure() -> None:
    doc = Document(id="t", lang="en", published="2023-02-03", text=(
        "Trade between Spain and Morocco exceeded 20 billion euros ($21.8 billion) in 2022."))
    run(doc, ["sentences", "countries", "orgs", "dates", "anchor", "amounts", "figures"])
    assert [(f.value, f.unit, f.period) for f in doc.layer("facts.figures")] == [(20e9, "EUR", "2022")]


def test_aid_credit_and_counted_gifts_are_other_figures() -> None:
    doc, found = _figures("Hàn Quốc đã viện trợ 300.000 liều vaccine giúp Lào. Hàn Quốc cấp mỗi năm 150 học bổng cho sinh viên Lào. "
                          "Hàn Quốc công bố khoản tín dụng mới 200 triệu USD cho Lào.")
    assert [(f.indicator, f.value, f.unit, f.parties, f.period) for f in found] == [
        ("other", 300_000, "doses", ["KR", "LA"], None),
        ("other", 150, "grants", ["KR", "LA"], None),
        ("other", 200_000_000, "USD", ["KR", "LA"], None),
    ]
    _, found = _english_figures("Japan is providing NZD1 million (US$650,000) and 2 million vaccine doses to help Laos.")
    assert [(f.indicator, f.value, f.unit) for f in found] == [("other", 1_000_000, "NZD"), ("other", 2_000_000, "doses")]


def test_the_current_level_beside_a_target_is_a_figure() -> None:
    _, found = _figures("Hai bên phấn đấu đưa kim ngạch thương mại giữa Lào và Campuchia lên 1 tỷ USD, so với mốc 400 triệu USD hiện nay.")
    assert [(f.indicator, f.value, f.period) for f in found] == [("bilateral_trade", 400_000_000, None)]
    _, found = _english_figures("Chile and Peru aim to raise bilateral trade to $15 billion from the current $10 billion.")
    assert [(f.indicator, f.value, f.period) for f in found] == [("bilateral_trade", 10_000_000_000, None)]


def test_a_bare_number_counting_people_is_no_money() -> None:
    _, found = _figures("Kim ngạch thương mại Lào - Campuchia đạt 1,3 tỷ USD, con số đáng kể với đất nước chỉ có 10 triệu dân.")
    assert [(f.indicator, f.value) for f in found] == [("bilateral_trade", 1_300_000_000)]


def test_a_date_far_after_the_amount_is_not_its_period() -> None:
    _, found = _figures("Bản ghi nhớ về hạn mức tín dụng 100 triệu USD cho Lào đã được Thủ tướng Campuchia Hun Manet ký hồi tháng 9/2014.")
    assert [(f.indicator, f.value, f.period) for f in found] == [("other", 100_000_000, None)]


def test_worth_of_a_countrys_exports_names_what_the_amount_measures_and_who_exports() -> None:
    text = ("Thai-Lao trade rose to $900 million in 2023, including $300 million worth of Lao exports "
            "and $600 million worth of Thailand's exports.")
    _, found = _figures(text, lang="en")
    flows = {(f.indicator, tuple(f.parties), f.value) for f in found}
    assert ("exports", ("LA", "TH"), 300_000_000) in flows
    assert ("exports", ("TH", "LA"), 600_000_000) in flows


def test_two_joined_cues_of_different_indicators_measure_neither_alone() -> None:
    _, found = _figures("The value of trade and investment between Chile and Peru reached $5 billion in 2023.", lang="en")
    assert [(f.indicator, f.value) for f in found] == [("other", 5_000_000_000)]
    _, found = _figures("Năm 2023, thương mại và đầu tư giữa Chile và Peru đạt 5 tỷ USD.")
    assert [(f.indicator, f.value) for f in found] == [("other", 5_000_000_000)]
    _, found = _figures("In 2023, exports and imports between Chile and Peru reached $5 billion.", lang="en")
    assert [f.indicator for f in found] == ["bilateral_trade"]


def test_a_count_of_one_sides_firms_is_an_other_figure() -> None:
    _, found = _figures("Chile and Peru trade grew, with over 300 Chilean companies now operating in Peru.", lang="en")
    assert [(f.indicator, f.parties, f.value, f.approx) for f in found] == [("other", ["CL", "PE"], 300, True)]
    _, found = _figures("Hiện có 120 doanh nghiệp Hàn Quốc hoạt động tại Lào, quan hệ Lào - Hàn Quốc phát triển.")
    assert [(f.indicator, f.parties, f.value) for f in found] == [("other", ["KR", "LA"], 120)]
    _, found = _figures("Chile and Peru met; 40 drug companies merged.", lang="en")
    assert found == []


def test_investing_more_is_a_change_not_a_level() -> None:
    _, found = _figures("Tập đoàn Samsung (Hàn Quốc) cam kết đầu tư thêm 2 tỷ USD vào Lào trong năm nay.")
    assert found == []


def test_the_figure_names_what_the_previous_sentence_measured() -> None:
    text = ("Two-way trade between Chile and Peru neared $810 million in 2023. "
            "The figure topped $700 million in the first half of 2024. A new stadium cost $50 million in 2024.")
    _, found = _figures(text, lang="en")
    assert [(f.indicator, f.value, f.period) for f in found] == [
        ("bilateral_trade", 810_000_000, "2023"), ("bilateral_trade", 700_000_000, "2024-01/2024-06")]
    _, found = _figures("Năm 2023, kim ngạch thương mại Chile - Peru đạt 5 tỷ USD. Năm 2024, con số này là 6 tỷ USD.")
    assert [(f.indicator, f.value) for f in found] == [("bilateral_trade", 5_000_000_000), ("bilateral_trade", 6_000_000_000)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Trade between Russia and China exceeded $240 billion in 2023.", "en"),
     ("Năm 2023, kim ngạch thương mại Nga - Trung Quốc vượt 240 tỷ USD.", "vi")],
)
def test_an_amount_exceeded_is_approximate(text: str, lang: str) -> None:
    _, found = _figures(text, lang=lang)
    assert [(f.value, f.approx) for f in found] == [(240_000_000_000, True)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Japan will provide 10 trillion yen in investment to India over the next decade.", "en"),
     ("Nhật Bản cam kết đầu tư 5 tỷ USD vào Ấn Độ.", "vi")],
)
def test_a_promised_investment_is_no_stock(text: str, lang: str) -> None:
    _, found = _figures(text, lang=lang)
    assert [(f.indicator, f.parties, f.period) for f in found] == [("other", ["JP", "IN"], None)]


def test_each_cue_with_its_own_amount_is_its_own_indicator() -> None:
    text = ("Thương mại song phương giữa Việt Nam và Brazil năm 2023 đạt 6,7 tỷ USD, trong đó Việt Nam xuất khẩu "
            "2,5 tỷ USD và nhập khẩu 4,2 tỷ USD.")
    _, found = _figures(text)
    assert [(f.indicator, f.value) for f in found] == [
        ("bilateral_trade", 6.7e9), ("exports", 2.5e9), ("imports", 4.2e9)]  # not "exports and imports" joined


def test_from_a_partner_is_no_comparison() -> None:
    _, found = _figures("Japan imported goods worth $9 billion from the Philippines in 2023.", lang="en")
    assert [(f.indicator, f.parties, f.period) for f in found] == [("imports", ["JP", "PH"], "2023")]


def test_a_figure_neared_is_approximate() -> None:
    _, found = _figures("Trade between Vietnam and Bangladesh neared $810 million in 2018.", lang="en")
    assert [(f.value, f.approx) for f in found] == [(810_000_000, True)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kenya có 20 dự án đầu tư tại Việt Nam với tổng vốn 12 triệu USD, tính đến tháng 6/2024.", "vi"),
        ("Kenya có 20 dự án đầu tư tại Việt Nam với tổng vốn đăng ký 12 triệu USD (tính đến tháng 6/2024).", "vi"),
        ("As of June 2024, Kenya had 20 projects in Vietnam with a total capital of $12 million.", "en"),
        ("Kenya had 20 investment projects in Vietnam with a total registered capital of $12 million as of June 2024.", "en"),
    ],
)
def test_the_date_a_stock_is_counted_up_to_dates_each_stock_of_the_sentence(text: str, lang: str) -> None:
    _, found = _figures(text, lang=lang)
    assert sorted((f.indicator, f.period, f.value) for f in found) == [
        ("fdi_projects", "2024-06", 20), ("fdi_stock", "2024-06", 12_000_000)]
