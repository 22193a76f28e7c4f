"""Words for codes, dates and amounts (``report/labels.py``) and the trade chart (``report/chart.py``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bilat.report.chart import charted_figures, trade_chart
from bilat.report.labels import READER_LANGUAGES, amount_text, country, date_text, label, range_text
from bilat.resolve.model import LINK_RULES


@pytest.mark.parametrize(("value", "vi", "en"), [
    ("2024-11-12", "12/11/2024", "12 November 2024"),
    ("1998-07", "tháng 7/1998", "July 1998"),
    ("1994", "năm 1994", "1994"),
    ("2024-11-12/2024-11-16", "12/11/2024 – 16/11/2024", "12 November 2024 – 16 November 2024"),
    ("2024-01/2024-07", "tháng 1/2024 – tháng 7/2024", "January 2024 – July 2024"),
    (None, "không rõ ngày", "undated"),
])
def test_date_text(value: str | None, vi: str, en: str) -> None:
    assert date_text(value, "vi") == vi
    assert date_text(value, "en") == en


@pytest.mark.parametrize(("value", "vi", "en"), [
    ("2024-11-12/2024-11-16", "từ ngày 12 đến 16/11/2024", "12–16 November 2024"),
    ("2024-11-28/2024-12-02", "từ ngày 28/11 đến 2/12/2024", "28 November – 2 December 2024"),
    ("2024-12-28/2025-01-02", "từ ngày 28/12/2024 đến 2/1/2025", "28 December 2024 – 2 January 2025"),
    ("2024-01/2024-07", "từ tháng 1 đến tháng 7/2024", "January–July 2024"),
    ("2023-11/2024-03", "từ tháng 11/2023 đến tháng 3/2024", "November 2023 – March 2024"),
    ("2014/2018", "từ năm 2014 đến năm 2018", "2014–2018"),
    ("2024-11/2024-11-16", "từ tháng 11/2024 đến 16/11/2024", "November 2024 – 16 November 2024"),
    ("2024-02-30/2024-03-01", "từ 2024-02-30 đến 1/3/2024", "2024-02-30 – 1 March 2024"),  # no such day: as stored
])
def test_a_span_reads_as_the_press_writes_it(value: str, vi: str, en: str) -> None:
    assert range_text(value, "vi") == vi
    assert range_text(value, "en") == en


@pytest.mark.parametrize("malformed", ["2024-13", "2024-02-30", "2024-00-10", "mid-2024", "2024-1-1-1", "unknown"])
def test_a_malformed_date_is_shown_as_stored(malformed: str) -> None:
    assert date_text(malformed, "vi") == malformed
    assert date_text(malformed, "en") == malformed


@pytest.mark.parametrize(("value", "unit", "approx", "vi", "en"), [
    (500_000_000, "USD", True, "khoảng 500 triệu USD", "about 500 million USD"),
    (1_500_000_000, "USD", False, "1,5 tỷ USD", "1.5 billion USD"),
    (4_100_000_000, "USD", False, "4,1 tỷ USD", "4.1 billion USD"),
    (12_500, "EUR", False, "12,5 nghìn EUR", "12.5 thousand EUR"),
    (950, "USD", True, "khoảng 950 USD", "about 950 USD"),
    (999_999_999, "USD", False, "1 tỷ USD", "1 billion USD"),  # rounded to the next scale, not "1.000 triệu"
    (994_000, "USD", False, "994 nghìn USD", "994 thousand USD"),
])
def test_amount_text(value: float, unit: str, approx: bool, vi: str, en: str) -> None:
    assert amount_text(value, unit, approx, "vi") == vi
    assert amount_text(value, unit, approx, "en") == en


def test_label_falls_back_to_the_code() -> None:
    assert label("vi", "event_types", "VISIT") == "Chuyến thăm"
    assert label("en", "agreement_statuses", "in_force") == "in force"
    assert label("vi", "offices", "grand_vizier") == "grand_vizier"
    assert label("en", "offices", None) == ""


def test_country_names_in_the_readers_language() -> None:
    assert (country("VN", "vi"), country("VN", "en")) == ("Việt Nam", "Vietnam")
    assert country("TH", "vi") == "Thái Lan"
    assert country(None, "vi") == ""


def figure(indicator: str, period: str | None, value: float, unit: str = "USD", approx: bool = False) -> dict[str, Any]:
    return {"indicator": indicator, "parties": ["PE", "VN"], "period": period, "value": value, "unit": unit,
            "approx": approx}


def bars(svg: str) -> list[str]:
    """The titles of the chart's bars (each bar is a rect with a <title>; legend swatches have none)."""
    return re.findall(r"<rect [^>]*><title>([^<]*)</title></rect>", svg)


def test_one_bar_per_period_with_period_labels() -> None:
    svg = trade_chart([figure("bilateral_trade", "2024-01/2024-07", 3e8, approx=True),
                       figure("bilateral_trade", "2023", 5e8, approx=True)], "vi")
    assert svg is not None and svg.startswith("<svg")
    assert bars(svg) == ["năm 2023: khoảng 500 triệu USD", "tháng 1/2024 – tháng 7/2024: khoảng 300 triệu USD"]
    assert ">2023</text>" in svg and ">2024</text>" in svg and ">7 tháng</text>" in svg
    assert "<title>Kim ngạch thương mại song phương (USD)</title>" in svg


def test_the_most_common_money_unit_is_drawn_alone() -> None:
    figures = [figure("exports", "2023", 2e8), figure("imports", "2023", 1e8), figure("exports", "2022", 4e12, "VND")]
    assert [f["unit"] for f in charted_figures(figures)] == ["USD", "USD"]
    svg = trade_chart(figures, "en")
    assert svg is not None
    assert bars(svg) == ["2023: 200 million USD", "2023: 100 million USD"]
    assert "VND" not in svg
    assert ">Exports (USD)</text>" in svg and ">Imports (USD)</text>" in svg


def test_chart_text_is_escaped() -> None:
    svg = trade_chart([figure("bilateral_trade", "2023", 5e8, unit="<i>USD</i>")], "en")
    assert svg is not None
    assert "<i>" not in svg
    assert "<title>2023: 500 million &lt;i&gt;USD&lt;/i&gt;</title>" in svg and ">Bilateral trade (&lt;i&gt;USD&lt;/i&gt;)<" in svg
    assert trade_chart([figure("bilateral_trade", "2023<script>", 5e8)], "en") is None  # no date to place it at


def test_no_chart_without_money_figures() -> None:
    assert trade_chart([], "vi") is None
    assert trade_chart([figure("fdi_projects", "2024", 120, unit="projects")], "vi") is None
    assert trade_chart([figure("bilateral_trade", None, 5e8)], "vi") is None  # no period to place it


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_every_fulfilment_rule_has_words_in_each_reader_language(lang: str) -> None:
    assert all(label(lang, "link_rules", rule) != rule for rule in LINK_RULES)
