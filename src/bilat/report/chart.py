"""The trade chart: figures over time as an SVG bar chart, drawn here with no script and no network.

The same markup goes into the relationship page and the HTML/PDF briefing, so
the chart looks the same everywhere and prints. Only figures in the most common
money unit are drawn: bars in USD and VND on one axis would mislead.

Time runs left to right in proportion to dates: each bar spans its period, so
a figure for "7 tháng đầu năm" (``2024-01/2024-07``, FACTS.md) is seven twelfths
as wide as a year's, hatched and labelled with its months, and cannot be read
as a year that fell short. Heights are read off a y-axis with ticks, and a
hedged amount keeps its hedge ("nearly", ``report.hedges``).
"""

from __future__ import annotations

from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from math import ceil, floor, log10
from typing import Any

from bilat.lang import load
from bilat.report.hedges import hedged_amount
from bilat.report.labels import amount_text, date_text, label

MONEY_INDICATORS = ("bilateral_trade", "exports", "imports", "fdi_stock")
_COLOURS = {"bilateral_trade": "#1f5f8b", "exports": "#3b8e5a", "imports": "#c07a2c", "fdi_stock": "#7a4f9a"}
_WIDTH, _HEIGHT = 640, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 12, 28, 76
"""Margins: the y-axis labels on the left; under the plot, the years, the months of partial bars, the legend."""
TICKS = 4
"""About how many steps the y-axis is cut into: enough to read a bar's height, few enough to label at 390 px."""
NICE_STEPS = (1, 2, 2.5, 5, 10)
"""Tick steps are one of these times a power of ten, as on a hand-drawn axis."""
MAX_YEAR_LABELS = 10
"""Past this many years on the axis, every second (third...) year is labelled, so labels do not run together."""
GAP = 0.08
"""The share of a bar's span left empty on each side, so that the bars of consecutive years stand apart."""
LETTER_WIDTH = 6.5
"""About how wide a letter of the 11 px sans-serif is, to lay out the legend without measuring text."""
LEGEND_ROW, LEGEND_ROWS = 16, 2
"""Height in px of a legend row, and how many rows the bottom margin has room for."""
DAY_BAR = 6.0
"""Width in px of a figure for one day (a stock "as of" a date): a day is too thin to see at scale."""


@dataclass(frozen=True)
class _Span:
    """A period as days: ``first`` to ``last``, inclusive."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def whole_years(self) -> bool:
        return (self.first.month, self.first.day, self.last.month, self.last.day) == (1, 1, 12, 31)

    @property
    def months(self) -> int:
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1


def charted_figures(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures the chart draws: money indicators in the most common unit, one per indicator and period.

    A figure needs a period that names real dates to be placed on the time axis;
    one without is left to the table beside the chart.
    """
    money = [f for f in figures if f["indicator"] in MONEY_INDICATORS and f.get("unit") and _span(f.get("period"))]
    if not money:
        return []
    unit = Counter(f["unit"] for f in money).most_common(1)[0][0]
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for figure in money:
        if figure["unit"] == unit:
            chosen.setdefault((figure["indicator"], figure["period"]), figure)
    return sorted(chosen.values(), key=lambda f: (_span(f["period"]).first, MONEY_INDICATORS.index(f["indicator"])))


def trade_chart(figures: list[dict[str, Any]], lang: str) -> str | None:
    """An ``<svg>`` element charting ``figures`` (records of the relation), or None when none can be drawn."""
    drawn = charted_figures(figures)
    if not drawn:
        return None
    words = load(lang).table("chart", "chart")
    unit = drawn[0]["unit"]
    indicators = [i for i in MONEY_INDICATORS if any(f["indicator"] == i for f in drawn)]
    spans = {f["period"]: _span(f["period"]) for f in drawn}
    start = date(min(s.first.year for s in spans.values()), 1, 1)
    end = date(max(s.last.year for s in spans.values()) + 1, 1, 1)
    step, top = _y_axis(max(f["value"] for f in drawn))
    plot_width, plot_height = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
    base = _TOP + plot_height

    def x(day: date) -> float:
        return _LEFT + plot_width * (day - start).days / (end - start).days

    def y(value: float) -> float:
        return base - plot_height * value / top

    title = f"{label(lang, 'indicators', indicators[0]) if len(indicators) == 1 else ''} ({unit})".strip()
    parts = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
         f'width="{_WIDTH}" height="{_HEIGHT}" font-family="sans-serif" font-size="11">'),
        f"<title>{escape(title)}</title>",
        "<defs>" + "".join(_hatching(i) for i in indicators) + "</defs>",
    ]
    for tick in range(round(top / step) + 1):
        value = tick * step
        parts.append(f'<line x1="{_LEFT}" y1="{y(value):.1f}" x2="{_WIDTH - _RIGHT}" y2="{y(value):.1f}" '
                     f'stroke="{"#555" if tick == 0 else "#e1e5ea"}"/>')
        parts.append(f'<text x="{_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(_tick_text(value, lang))}</text>')
    parts.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{base}" stroke="#555"/>')
    parts.extend(_years(start.year, end.year, x, base))

    shared = Counter(f["period"] for f in drawn)
    placed = Counter[str]()
    # Longer periods first, so that a part of a year charted with the whole year stands in front of it.
    for figure in sorted(drawn, key=lambda f: (-spans[f["period"]].days, spans[f["period"]].first)):
        span = spans[figure["period"]]
        left, right = x(span.first), x(span.last + timedelta(days=1))
        if right - left < DAY_BAR:
            left, right = (left + right - DAY_BAR) / 2, (left + right + DAY_BAR) / 2
        else:
            inset = (right - left) * GAP
            left, right = left + inset, right - inset
        width = (right - left) / shared[figure["period"]]
        left += width * placed[figure["period"]]
        placed[figure["period"]] += 1
        height = max(1.0, base - y(figure["value"]))
        amount = hedged_amount(figure, lang)
        partial = not span.whole_years and span.days > 1
        colour = _COLOURS[figure["indicator"]]
        fill = f'url(#hatch-{figure["indicator"]})' if partial else colour
        dashed = ' stroke-dasharray="3 2"' if partial else ""
        parts.append(
            f'<rect class="{"bar partial" if partial else "bar"}" x="{left:.1f}" y="{base - height:.1f}" '
            f'width="{max(1.0, width - 1):.1f}" height="{height:.1f}" fill="{fill}" stroke="{colour}"{dashed}>'
            f"<title>{escape(date_text(figure['period'], lang))}: {escape(amount)}</title></rect>"
        )
        centre = left + width / 2
        parts.append(f'<text x="{centre:.1f}" y="{base - height - 4:.1f}" text-anchor="middle">'
                     f"{escape(_without_unit(amount, figure['unit']))}</text>")
        if partial:
            key = "month" if span.months == 1 else "months"
            parts.append(f'<text class="period" x="{centre:.1f}" y="{base + 30}" text-anchor="middle" font-style="italic">'
                         f"{escape(words[key].format(n=span.months))}</text>")
    parts.extend(_legend(indicators, unit, lang, words["partial"] if _any_partial(spans) else None))
    parts.append("</svg>")
    return "\n".join(parts)


def _span(period: str | None) -> _Span | None:
    """The days an ISO period of any precision covers ("2024-01/2024-07": 1 January to 31 July); None if malformed."""
    if not period:
        return None
    first, _, last = period.partition("/")
    try:
        opening, closing = _days(first), _days(last or first)
    except ValueError:
        return None
    span = _Span(opening[0], closing[1])
    return span if span.first <= span.last else None


def _days(value: str) -> tuple[date, date]:
    """The first and last day of a year, month or day; ValueError if it names none."""
    numbers = [int(part) for part in value.split("-")]
    if len(numbers) == 1:
        return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
    if len(numbers) == 2:
        year, month = numbers
        first = date(year, month, 1)  # ValueError when the month is not 1..12
        return first, first.replace(day=monthrange(year, month)[1])
    if len(numbers) == 3:
        day = date(*numbers)
        return day, day
    raise ValueError(value)


def _y_axis(highest: float) -> tuple[float, float]:
    """The tick step and the top of the y-axis: a round step (``NICE_STEPS``), about ``TICKS`` of them above 0."""
    if highest <= 0:
        return 1.0, 1.0
    rough = highest / TICKS
    power = 10 ** floor(log10(rough))
    step = next(n * power for n in NICE_STEPS if n * power >= rough)
    return step, step * ceil(highest / step)


def _tick_text(value: float, lang: str) -> str:
    """A tick's amount without the unit, which the title and legend give: "2 tỷ", "500 million"."""
    return "0" if value == 0 else amount_text(value, "", False, lang).strip()


def _without_unit(amount: str, unit: str) -> str:
    return amount.removesuffix(f" {unit}")


def _years(first: int, stop: int, x: Any, base: float) -> list[str]:
    """A tick at each new year and the year's number under its middle; every n-th year when there are many."""
    every = ceil((stop - first) / MAX_YEAR_LABELS)
    parts = []
    for year in range(first, stop + 1):
        at = x(date(year, 1, 1))
        parts.append(f'<line x1="{at:.1f}" y1="{base}" x2="{at:.1f}" y2="{base + 5}" stroke="#555"/>')
        if year < stop and (year - first) % every == 0:
            middle = (at + x(date(year + 1, 1, 1))) / 2
            parts.append(f'<text class="year" x="{middle:.1f}" y="{base + 17}" text-anchor="middle">{year}</text>')
    return parts


def _hatching(indicator: str) -> str:
    """Diagonal stripes in the indicator's colour: the fill of a part-of-a-year bar."""
    colour = _COLOURS[indicator]
    return (f'<pattern id="hatch-{indicator}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour}" fill-opacity="0.25"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="3"/></pattern>')


def _any_partial(spans: dict[str, _Span]) -> bool:
    return any(not s.whole_years and s.days > 1 for s in spans.values())


def _legend(indicators: list[str], unit: str, lang: str, partial: str | None) -> list[str]:
    """A swatch and name per indicator, and the hatching explained when a bar has it; on a second row when long."""
    entries = [(_COLOURS[i], "", f"{label(lang, 'indicators', i)} ({unit})") for i in indicators]
    if partial is not None:
        entries.append((f"url(#hatch-{indicators[0]})", f' stroke="{_COLOURS[indicators[0]]}" stroke-dasharray="3 2"',
                        partial))
    parts = []
    legend_x, row = float(_LEFT), 0
    for fill, stroke, name in entries:
        width = 24 + LETTER_WIDTH * len(name)
        if legend_x > _LEFT and legend_x + width > _WIDTH and row < LEGEND_ROWS - 1:
            legend_x, row = float(_LEFT), row + 1
        top = _HEIGHT - LEGEND_ROW * (LEGEND_ROWS - row) - 4
        parts.append(f'<rect x="{legend_x:.0f}" y="{top}" width="10" height="10" fill="{fill}"{stroke}/>')
        parts.append(f'<text x="{legend_x + 14:.0f}" y="{top + 9}">{escape(name)}</text>')
        legend_x += width
    return parts
