"""Dates: find date expressions, infer the article's own date, resolve the rest.

Three steps, as a careful reader does:

1. ``dates`` finds every date expression and keeps what it states, leaving the
   year empty when the text omits it ("Sáng 17/11": day 17, month 11).
2. ``anchor`` decides what date the article is about: the header's
   ``published`` when known, otherwise what the article makes certain
   (FACTS.md: "APEC lần thứ 30" is 2023; "30 năm" since 1994 is 2024).
3. ``resolve`` fills the missing years from that anchor; other components call
   ``date_in`` and ``period_in`` on the clause they are reading.

All words come from ``lang/<code>/dates.toml``; summit numbering from
``data/summits.toml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import cache

from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import component
from bilat.lang import Lexicon, alternation, load_shared

_YEAR = r"(?:1[89]|20)\d{2}"
_PLAN_YEARS = 5
"""A range of at most this many years in a sentence about the future is a plan's period."""
_LEDE_SENTENCES = 4
"""The first sentences of the body, where the article states its own event."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """What a date expression states; fields the text leaves out stay None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    relative_year: int | None = None
    """"năm nay" is 0, "năm ngoái" -1: an offset from the anchor's year."""
    first_months: int | None = None
    """"7 tháng đầu năm": the period from January to month 7."""
    today: bool = False

    @property
    def is_range(self) -> bool:
        return self.end_year is not None or self.end_month is not None or self.end_day is not None

    @property
    def has_day(self) -> bool:
        return self.day is not None


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date the article is about, at the precision that could be established.

    ``after`` is a lower bound (year, month) used when no year is certain but
    the article recalls a dated past event ("tháng 6/2023"): a later "7/3"
    then falls in the following March.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    after: tuple[int, int] | None = None
    how: str = "unknown"

    @property
    def published(self) -> str | None:
        """ISO date at the known precision, as FACTS.md's ``doc.published``."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None or self.how != "header":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# --- finding -----------------------------------------------------------------


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    relative: dict[str, int]



@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    data = lexicon["dates"]
    day_words = alternation(data["day_words"])
    joiners = alternation(data["range_joiners"])
    month_word = alternation(data["month_words"])
    year_word = alternation(data["year_words"])
    first = alternation(data["first_months"]["words"])
    relative = dict(data["relative_years"])
    today = alternation(data["today"]["words"])
    no_digit_before = r"(?<![\d/,.])"
    no_digit_after = r"(?![\d/]|[,.]\d)"
    rules = [
        # 7/2024-7/2027
        (rf"{no_digit_before}(?P<m1>\d{{1,2}})[/-](?P<y1>{_YEAR})\s*[-–]\s*(?P<m2>\d{{1,2}})[/-](?P<y2>{_YEAR}){no_digit_after}", "month_range"),
        # 12-16/11, 28-31/7/2018, 7 đến 9/3, 25 đến ngày 27-5-2025
        (rf"{no_digit_before}(?P<d1>\d{{1,2}})\s*(?:{joiners})\s*(?:{day_words}\s*)?(?P<d2>\d{{1,2}})\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})(?:\s*(?P=sep)\s*(?P<y>{_YEAR}))?{no_digit_after}", "day_range"),
        # 30/7/2018, 27-5-2025
        (rf"{no_digit_before}(?P<d>\d{{1,2}})\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>{_YEAR}){no_digit_after}", "day"),
        # 7/1998, tháng 9/2021, tháng 10-2024
        (rf"(?:(?:{month_word})\s*)?{no_digit_before}(?P<m>\d{{1,2}})\s*[/-]\s*(?P<y>{_YEAR}){no_digit_after}", "month"),
        # 17/11
        (rf"{no_digit_before}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){no_digit_after}", "day"),
        # Sáng 26-5: a hyphenated day-month only after a day word
        (rf"\b(?:{day_words})\s+(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})(?![\d/-])", "day"),
        # 7 tháng đầu năm nay, 7 tháng đầu 2025
        (rf"\b(?P<n>\d{{1,2}})\s+(?:{first})(?:\s+(?P<y>{_YEAR})|\s+(?P<rel>nay|{alternation(list(relative))}))?", "first_months"),
        # tháng 7, tháng 9 năm 2021
        (rf"(?:{month_word})\s+(?P<m>\d{{1,2}})(?:\s+(?:{year_word})\s+(?P<y>{_YEAR}))?(?![\d/-])", "month"),
        # 2024 - 2027
        (rf"{no_digit_before}(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR}){no_digit_after}", "year_range"),
        # năm 2023, 1994
        (rf"(?:(?:{year_word})\s+)?{no_digit_before}\b(?P<y>{_YEAR})\b{no_digit_after}", "year"),
        (rf"(?:{alternation(list(relative))})\b", "relative"),
        (rf"(?:{today})\b", "today"),
    ]
    return _Patterns(tuple((re.compile(p), kind) for p, kind in rules), relative)


def _value(match: re.Match[str], kind: str, relative: dict[str, int]) -> DateValue | None:
    g = {k: (int(v) if v and v.isdigit() else v) for k, v in match.groupdict().items()}
    if kind == "month_range":
        value = DateValue(year=g["y1"], month=g["m1"], end_year=g["y2"], end_month=g["m2"])
    elif kind == "day_range":
        if g["d1"] >= g["d2"]:
            return None
        value = DateValue(year=g["y"], month=g["m"], day=g["d1"], end_year=g["y"], end_month=g["m"], end_day=g["d2"])
    elif kind == "day":
        value = DateValue(year=g.get("y"), month=g["m"], day=g["d"])
    elif kind == "month":
        value = DateValue(year=g.get("y"), month=g["m"])
    elif kind == "first_months":
        rel = g.get("rel")
        offset = None if rel is None else relative.get(f"năm {rel}", relative.get(rel, 0))
        value = DateValue(year=g.get("y"), first_months=g["n"], relative_year=offset)
        if value.year is None and value.relative_year is None:
            value = replace(value, relative_year=0)
    elif kind == "year_range":
        value = DateValue(year=g["y1"], end_year=g["y2"])
    elif kind == "year":
        value = DateValue(year=g["y"])
    elif kind == "relative":
        value = DateValue(relative_year=relative[match.group()])
    else:
        value = DateValue(today=True)
    return value if _valid(value) else None


def _valid(v: DateValue) -> bool:
    for month, day in ((v.month, v.day), (v.end_month, v.end_day)):
        if month is not None and not 1 <= month <= 12:
            return False
        if day is not None and not 1 <= day <= 31:
            return False
    if v.first_months is not None and not 1 <= v.first_months <= 12:
        return False
    return not (v.year and v.end_year and v.end_year < v.year)


@component("dates", requires=["sents"], assigns="dates")
def find_dates(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Every date expression in the body, earliest and longest first, never overlapping."""
    patterns = _patterns(lexicon)
    found: list[tuple[int, int, int, DateValue]] = []
    for priority, (pattern, kind) in enumerate(patterns.rules):
        for match in pattern.finditer(doc.text, doc.text_start):
            value = _value(match, kind, patterns.relative)
            if value is not None:
                found.append((match.start(), match.end(), priority, value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    spans: list[Span] = []
    for start, end, _, value in found:
        if spans and start < spans[-1].end:
            continue
        spans.append(Span(start, end, "date", value))
    return spans


# --- the anchor -------------------------------------------------------------


@component("anchor", requires=["sents", "dates"], assigns="anchor")
def infer_anchor(doc: Document, lexicon: Lexicon) -> list[Anchor]:
    """The article's date: from the header, else from what the text makes certain."""
    header = _parse_iso(doc.published)
    if header is not None:
        return [Anchor(*header, how="header")]
    cues = lexicon["dates"]["cues"]
    lede = doc.layer("sents")[:_LEDE_SENTENCES]
    lede_end = lede[-1].end if lede else doc.text_start
    lede_dates = [s for s in doc.layer("dates") if s.end <= lede_end]
    for span in lede_dates:
        v = span.value
        if v.year is not None and v.day is not None:
            return [Anchor(v.year, v.month, v.day, how="dated lede")]
    year = (
        _summit_year(doc, lede_end, lexicon)
        or _anniversary_year(doc, cues)
        or _achieved_figure_year(doc, cues)
    )
    how = "article context"
    after = None
    if year is None:
        year, after = _bounded_year(doc, cues)
        how = "bounds"
    first = next((s.value for s in doc.layer("dates") if s.value.day is not None and s.value.year is None), None)
    if year is None and after is None:
        return [Anchor(how="unknown")]
    if year is None and after is not None:
        if first is None:
            return [Anchor(after=after, how="after")]
        year = after[0] if (first.month or 0) > after[1] else after[0] + 1
    if first is None:
        return [Anchor(year, how=how)]
    return [Anchor(year, first.month, first.day, how=how)]


def _parse_iso(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    return (parts + [None, None])[0], (parts + [None, None])[1], (parts + [None, None, None])[2]


def _summit_year(doc: Document, lede_end: int, lexicon: Lexicon) -> int | None:
    """"Hội nghị Cấp cao APEC lần thứ 30" → 2023, by the series' numbering."""
    summits = load_shared("summits")
    words = alternation(lexicon["summits"]["summit_words"])
    ordinal = alternation(lexicon["summits"]["ordinal_words"])
    lede = doc.text[doc.text_start:lede_end]
    for name, series in summits.items():
        if name == "source":
            continue
        pattern = rf"(?:{words})\s*(?:\([^)]*\)\s*)?{re.escape(name)}\s*(?:(?:{ordinal})\s*)?(?P<n>\d{{1,2}})\b(?![/.,]\d)"
        match = re.search(pattern, lede)
        if match:
            return _nth_summit_year(series, int(match.group("n")))
    return None


def _nth_summit_year(series: dict[str, int | list[int]], number: int) -> int:
    """Count the series forward from its base, passing over years it did not meet."""
    per_year, skipped = int(series["per_year"]), set(series.get("skipped_years", []))
    year, held = int(series["base_year"]), int(series["base_number"])
    while True:
        if year not in skipped:
            if number < held + per_year:
                return year
            held += per_year
        year += 1


def _sentences_with(doc: Document, words: list[str]) -> list[Span]:
    return [s for s in doc.layer("sents") if any(w in doc.span_text(s) for w in words)]


def _is_future(doc: Document, sent: Span, cues: dict[str, list[str]]) -> bool:
    text = doc.span_text(sent)
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in cues["future"] + cues["target"])


def _anniversary_year(doc: Document, cues: dict[str, list[str]]) -> int | None:
    """"kỷ niệm 30 năm thiết lập quan hệ ngoại giao" + "từ năm 1994" → 2024."""
    established = _established_year(doc, cues)
    if established is None:
        return None
    for sent in _sentences_with(doc, cues["anniversary"]):
        if _is_future(doc, sent, cues):
            continue
        text = doc.span_text(sent)
        for word in cues["anniversary"]:
            match = re.search(rf"{re.escape(word)}\s+(\d{{1,3}})\s+(?:{alternation(cues['anniversary_years'])})", text)
            if match and any(e in text[match.end():] for e in cues["established"]):
                return established + int(match.group(1))
    return None


def _established_year(doc: Document, cues: dict[str, list[str]]) -> int | None:
    for sent in _sentences_with(doc, cues["established"]):
        for span in doc.in_range("dates", sent.start, sent.end):
            if span.value.year is not None and span.value.month is None:
                return span.value.year
    return None


def _achieved_figure_year(doc: Document, cues: dict[str, list[str]]) -> int | None:
    """A trade amount reached "năm 2024" is reported in 2025 at the earliest."""
    for sent in _sentences_with(doc, cues["trade"]):
        text = doc.span_text(sent)
        if not any(w in text for w in cues["achieved"]) or any(w in text for w in cues["target"]):
            continue
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if v.year is not None and v.month is None and not v.is_range:
                return v.year + 1
    return None


def _bounded_year(doc: Document, cues: dict[str, list[str]]) -> tuple[int | None, tuple[int, int] | None]:
    """The latest year the article's future talk allows, or a lower bound from its past.

    Years in sentences about what will happen are upper bounds (a target year
    lies ahead, so the article is at least a year earlier; a plan for a short
    period is made by the time it starts); stated years of past events are
    lower bounds.
    """
    upper: list[int] = []
    lower: list[tuple[int, int]] = []
    for sent in doc.layer("sents"):
        future = _is_future(doc, sent, cues)
        target = future and any(w in doc.span_text(sent) for w in cues["target"])
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if v.year is None:
                continue
            if v.is_range:
                # a plan for a short period ("giai đoạn 2024-2027") is drawn up by its start
                if future and v.end_year is not None and v.end_year - v.year <= _PLAN_YEARS:
                    upper.append(v.year)
                continue
            if future:
                upper.append(v.year - 1 if target else v.year)
            else:
                lower.append((v.year, v.month or 1))
    if upper:
        floor = max((y for y, _ in lower), default=min(upper))
        return max(min(upper), floor), None
    return None, max(lower) if lower else None


# --- resolving ---------------------------------------------------------------


def anchor_of(doc: Document) -> Anchor:
    """The anchor the ``anchor`` component inferred (an empty one before it ran)."""
    layer = doc.layer("anchor")
    return layer[0] if layer else Anchor()


def _year_for(month: int | None, anchor: Anchor) -> int | None:
    if anchor.year is None:
        if anchor.after is None or month is None:
            return None
        return anchor.after[0] if month >= anchor.after[1] else anchor.after[0] + 1
    if anchor.month is not None and month is not None and month > anchor.month + 6:
        return anchor.year - 1  # "28/12" in a January article is last December
    return anchor.year


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def resolve(value: DateValue, anchor: Anchor) -> str | None:
    """The ISO date or interval of ``value``, completing a missing year from ``anchor``."""
    if value.today:
        if anchor.how != "header" or anchor.day is None or anchor.year is None or anchor.month is None:
            return None
        return _iso(anchor.year, anchor.month, anchor.day)
    if value.relative_year is not None or value.first_months is not None:
        year = value.year
        if year is None:
            if anchor.year is None:
                return None
            year = anchor.year + (value.relative_year or 0)
        if value.first_months is None:
            return _iso(year)
        return f"{_iso(year, 1)}/{_iso(year, value.first_months)}"
    year = value.year if value.year is not None else _year_for(value.month, anchor)
    if year is None:
        return None
    start = _iso(year, value.month, value.day)
    if not value.is_range:
        return start
    end_year = value.end_year if value.end_year is not None else year
    return f"{start}/{_iso(end_year, value.end_month, value.end_day)}"


def date_in(doc: Document, start: int, end: int) -> str | None:
    """The resolved date of the first date expression inside ``[start, end)``."""
    anchor = anchor_of(doc)
    for span in doc.in_range("dates", start, end):
        resolved = resolve(span.value, anchor)
        if resolved is not None:
            return resolved
    return None


def period_in(doc: Document, start: int, end: int) -> str | None:
    """The reporting period stated inside ``[start, end)``: a year, months or a range."""
    anchor = anchor_of(doc)
    for span in doc.in_range("dates", start, end):
        if span.value.day is None:
            resolved = resolve(span.value, anchor)
            if resolved is not None:
                return resolved
    return None
