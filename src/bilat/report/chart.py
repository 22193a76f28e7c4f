"""The trade chart: figures by period as an SVG bar chart, drawn here with no script and no network.

The same markup goes into the relationship page and the HTML/PDF briefing, so
the chart looks the same everywhere and prints. Only figures in the most common
money unit are drawn: bars in USD and VND on one axis would mislead.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from bilat.report.labels import amount_text, date_text, label

MONEY_INDICATORS = ("bilateral_trade", "exports", "imports", "fdi_stock")
_COLOURS = {"bilateral_trade": "#1f5f8b", "exports": "#3b8e5a", "imports": "#c07a2c", "fdi_stock": "#7a4f9a"}
_WIDTH, _HEIGHT = 640, 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 16, 16, 36, 64


def charted_figures(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures the chart draws: money indicators in the most common unit, one per indicator and period."""
    money = [f for f in figures if f["indicator"] in MONEY_INDICATORS and f.get("unit") and f.get("period")]
    if not money:
        return []
    unit = Counter(f["unit"] for f in money).most_common(1)[0][0]
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for figure in money:
        if figure["unit"] == unit:
            chosen.setdefault((figure["indicator"], figure["period"]), figure)
    return sorted(chosen.values(), key=lambda f: (f["period"], MONEY_INDICATORS.index(f["indicator"])))


def trade_chart(figures: list[dict[str, Any]], lang: str) -> str | None:
    """An ``<svg>`` element charting ``figures`` (records of the relation), or None when none can be drawn."""
    drawn = charted_figures(figures)
    if not drawn:
        return None
    periods = sorted({f["period"] for f in drawn})
    indicators = [i for i in MONEY_INDICATORS if any(f["indicator"] == i for f in drawn)]
    top = max(f["value"] for f in drawn) or 1.0
    plot_width = _WIDTH - _LEFT - _RIGHT
    plot_height = _HEIGHT - _TOP - _BOTTOM
    slot = plot_width / len(periods)
    bar = min(48.0, slot * 0.8 / len(indicators))
    unit = drawn[0]["unit"]
    title = f"{label(lang, 'indicators', indicators[0]) if len(indicators) == 1 else ''} ({unit})".strip()

    parts = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
         f'width="{_WIDTH}" height="{_HEIGHT}" font-family="sans-serif" font-size="11">'),
        f"<title>{escape(title)}</title>",
        f'<line x1="{_LEFT}" y1="{_TOP + plot_height}" x2="{_WIDTH - _RIGHT}" y2="{_TOP + plot_height}" stroke="#555"/>',
    ]
    for position, period in enumerate(periods):
        group = [f for f in drawn if f["period"] == period]
        left = _LEFT + position * slot + (slot - bar * len(group)) / 2
        for offset, figure in enumerate(group):
            height = max(1.0, plot_height * figure["value"] / top)
            x, y = left + offset * bar, _TOP + plot_height - height
            amount = amount_text(figure["value"], figure["unit"], figure.get("approx", False), lang)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{height:.1f}" '
                f'fill="{_COLOURS[figure["indicator"]]}"><title>{escape(amount)}</title></rect>'
            )
            parts.append(
                f'<text x="{x + (bar - 2) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                f"{escape(amount.split(' ' + figure['unit'])[0])}</text>"
            )
        parts.append(
            f'<text x="{_LEFT + position * slot + slot / 2:.1f}" y="{_TOP + plot_height + 16}" '
            f'text-anchor="middle">{escape(date_text(period, lang))}</text>'
        )
    legend_x = _LEFT
    for indicator in indicators:
        name = f"{label(lang, 'indicators', indicator)} ({unit})"
        parts.append(f'<rect x="{legend_x}" y="{_HEIGHT - 22}" width="10" height="10" fill="{_COLOURS[indicator]}"/>')
        parts.append(f'<text x="{legend_x + 14}" y="{_HEIGHT - 13}">{escape(name)}</text>')
        legend_x += 24 + 6.5 * len(name)
    parts.append("</svg>")
    return "\n".join(parts)
