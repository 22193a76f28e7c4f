"""The trade chart's axes: time in proportion to dates, amounts read off ticks, parts of a year marked, hedges kept."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bilat.report.chart import trade_chart


def figure(period: str, value: float, approx: bool = False, quote: str | None = None,
           indicator: str = "bilateral_trade") -> dict[str, Any]:
    sources = [{"quote": quote}] if quote else []
    return {"indicator": indicator, "parties": ["PE", "VN"], "period": period, "value": value, "unit": "USD",
            "approx": approx, "sources": sources}


def drawn(svg: str) -> dict[str, dict[str, float | str]]:
    """Each bar by its title: its class, x, width, y and height."""
    out = {}
    for attributes, title in re.findall(r"<rect ([^>]*)><title>([^<]*)</title></rect>", svg):
        values = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', attributes))
        out[title] = {"class": values["class"], **{k: float(values[k]) for k in ("x", "width", "y", "height")}}
    return out


def text_at(svg: str, css_class: str) -> list[tuple[float, str]]:
    """The x and text of each ``<text class=...>`` of that class."""
    return [(float(x), text) for x, text in re.findall(rf'<text class="{css_class}" x="([^"]+)"[^>]*>([^<]*)</text>', svg)]


def test_bars_span_their_periods_in_proportion_to_time() -> None:
    svg = trade_chart([figure("2020", 4e8), figure("2023", 5e8), figure("2024-01/2024-07", 3e8)], "en")
    assert svg is not None
    bars = drawn(svg)
    year_2020, year_2023, months = bars["2020: 400 million USD"], bars["2023: 500 million USD"], bars[
        "January 2024 – July 2024: 300 million USD"]
    # Three years lie between the 2020 and 2023 bars, however few figures stand between them.
    years = dict((text, x) for x, text in text_at(svg, "year"))
    year_width = years["2021"] - years["2020"]
    assert year_2023["x"] - year_2020["x"] == pytest.approx(3 * year_width, abs=1)
    assert sorted(years) == ["2020", "2021", "2022", "2023", "2024"]  # the years without figures are on the axis too
    # January to July is 213 days, the 2023 bar 365: the bars' widths (each less 1 px of spacing) are in that ratio.
    assert (months["width"] + 1) / (year_2023["width"] + 1) == pytest.approx(213 / 365, rel=0.01)
    start_of_2024 = years["2024"] - year_width / 2  # a year's number stands under its middle
    centre = months["x"] + (months["width"] + 1) / 2
    assert centre == pytest.approx(start_of_2024 + year_width * 213 / 366 / 2, abs=1)


def test_the_y_axis_has_round_ticks_up_to_the_highest_bar() -> None:
    svg = trade_chart([figure("2023", 5e8), figure("2024", 3.2e8)], "vi")
    assert svg is not None
    ticks = re.findall(r'<text x="[^"]+" y="([^"]+)" text-anchor="end">([^<]*)</text>', svg)
    assert [label for _, label in ticks] == ["0", "200 triệu", "400 triệu", "600 triệu"]
    heights = [float(y) for y, _ in ticks]
    steps = [a - b for a, b in zip(heights, heights[1:])]
    assert max(steps) - min(steps) < 0.2  # evenly spaced
    bars = drawn(svg)
    zero, top = heights[0] - 4, heights[-1] - 4  # labels sit 4 px below their line
    bar = bars["năm 2023: 500 triệu USD"]
    assert bar["y"] + bar["height"] == pytest.approx(zero, abs=0.2)
    assert bar["height"] / (zero - top) == pytest.approx(5 / 6, rel=0.01)  # 500 million on an axis up to 600


def test_part_of_a_year_is_hatched_and_labelled_with_its_months() -> None:
    svg = trade_chart([figure("2023", 5e8), figure("2024-01/2024-07", 3e8)], "en")
    assert svg is not None
    bars = drawn(svg)
    assert bars["2023: 500 million USD"]["class"] == "bar"
    assert bars["January 2024 – July 2024: 300 million USD"]["class"] == "bar partial"
    assert [text for _, text in text_at(svg, "period")] == ["7 months"]
    assert 'fill="url(#hatch-bilateral_trade)"' in svg and ">Hatched: part of a year only<" in svg

    whole = trade_chart([figure("2022", 4e8), figure("2023", 5e8)], "en")
    assert whole is not None and "partial" not in whole and "Hatched" not in whole


@pytest.mark.parametrize(("quote", "value", "vi", "en"), [
    ("Kim ngạch thương mại song phương năm 2023 đạt gần 500 triệu USD", 5e8, "gần 500 triệu", "nearly 500 million"),
    ("two-way trade estimated at nearly 4 billion USD", 4e9, "gần 4 tỷ", "nearly 4 billion"),
    ("Riêng 7 tháng đầu 2025, kim ngạch đạt hơn 7 tỷ USD", 7e9, "hơn 7 tỷ", "more than 7 billion"),
    # Two hedged numbers: each figure takes the hedge before its own.
    ("kim ngạch đạt hơn 7 tỷ USD, trong đó xuất khẩu gần 5 tỷ USD", 5e9, "gần 5 tỷ", "nearly 5 billion"),
    ("kim ngạch đạt hơn 7 tỷ USD, trong đó xuất khẩu gần 5 tỷ USD", 7e9, "hơn 7 tỷ", "more than 7 billion"),
    ("trade reached around 1,8 billion", 1.8e9, "khoảng 1,8 tỷ", "about 1.8 billion"),
])
def test_a_hedged_amount_keeps_its_hedge(quote: str, value: float, vi: str, en: str) -> None:
    for lang, words in (("vi", vi), ("en", en)):
        svg = trade_chart([figure("2023", value, approx=True, quote=quote)], lang)
        assert svg is not None
        (title,) = drawn(svg)
        assert title.endswith(f": {words} USD")
        assert f">{words}</text>" in svg  # the label over the bar


def test_an_approximate_figure_without_its_sentence_reads_about() -> None:
    svg = trade_chart([figure("2023", 5e8, approx=True)], "en")
    assert svg is not None and list(drawn(svg)) == ["2023: about 500 million USD"]


def test_a_malformed_period_is_left_to_the_table() -> None:
    svg = trade_chart([figure("2023", 5e8), figure("2024-13", 6e8), figure("2024-02-30", 6e8)], "en")
    assert svg is not None and list(drawn(svg)) == ["2023: 500 million USD"]
