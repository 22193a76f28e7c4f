"""How an approximate figure was hedged: "gần 500 triệu" is nearly 500 million, not about 500 million.

The facts contract keeps only ``approx`` (FACTS.md, figures), true for "gần",
"khoảng", "hơn" alike; but "nearly" says the figure is below the amount and
"more than" that it is above, and a reader told "about" is told less than the
article said. The hedge is read back from the evidence sentence: the hedge word
(``lang/*/hedges.toml``) written before the figure's number there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from bilat.lang import alternation, load
from bilat.report.labels import READER_LANGUAGES, amount_text

APPROXIMATELY = "about"
"""The kind of a hedge no data file classifies, or that the sentence does not show: what ``approx`` alone says."""
_CURRENCY_BEFORE = r"(?:[A-Z]{3}\s?|US\$|[$€£¥₫])?"
"""A currency written before the number ("nearly USD 500 million", "over $5bn")."""


def hedge(figure: dict[str, Any]) -> str | None:
    """The kind of hedge of a figure (``nearly``, ``about``, ``more_than``, ``at_most``); None when it is exact.

    The hedge before the figure's own number in one of its sources' quotes
    wins; else the one kind every hedged number of the quotes shows; else "about".
    """
    if not figure.get("approx"):
        return None
    wanted = _significant(f"{float(figure['value']):f}")
    seen: set[str] = set()
    for quote in _quotes(figure.get("sources") or ()):
        for match in _hedged().finditer(quote):
            kind = _kinds()[match["hedge"].casefold()]
            if _significant(match["number"]) == wanted:
                return kind
            seen.add(kind)
    return seen.pop() if len(seen) == 1 else APPROXIMATELY


def hedged_amount(figure: dict[str, Any], lang: str) -> str:
    """The figure's amount in ``lang`` with its hedge as the article put it: "nearly 500 million USD"."""
    amount = amount_text(figure["value"], figure["unit"], False, lang)
    kind = hedge(figure)
    return amount if kind is None else load(lang).table("hedges", "words")[kind] + amount


def _quotes(sources: Iterable[dict[str, Any]]) -> Iterable[str]:
    return (source["quote"] for source in sources if source.get("quote"))


def _significant(number: str) -> str:
    """The digits that tell numbers apart however they are written: "1,8" and "1.800.000.000" are both "18"."""
    return re.sub(r"\D", "", number).strip("0")


@cache
def _kinds() -> dict[str, str]:
    """Every hedge word of every reader language (case-folded) → its kind."""
    return {
        word.casefold(): kind
        for lang in READER_LANGUAGES
        for kind, words in load(lang).table("hedges", "kinds").items()
        for word in words
    }


@cache
def _hedged() -> re.Pattern[str]:
    """A hedge word, then the number it hedges."""
    return re.compile(
        rf"(?<!\w)(?P<hedge>{alternation(_kinds())})\s+{_CURRENCY_BEFORE}(?P<number>\d[\d.,]*\d|\d)",
        re.IGNORECASE,
    )
