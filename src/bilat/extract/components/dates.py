"""Dates: find date expressions, infer the article's own date, resolve the rest.

Three steps, as a careful reader does:

1. ``dates`` finds every date expression and keeps what it states, leaving the
   year empty when the text omits it ("Sáng 17/11": day 17, month 11; "on
   Thursday": a weekday).
2. ``anchor`` decides what date the article is about: the header's
   ``published`` when known, else a vote over weak cues, each a candidate year
   with a weight: the page's publication stamp, a date in its address, its
   dateline ("New Delhi, July 27 (ANI):") and lede, and what the text makes
   likely (FACTS.md: "APEC lần thứ 30" is 2023, "the APEC summit in Da Nang"
   2017; "30 năm" since 1994 is 2024; a full-year trade figure is reported the
   year after; a weekday fixes the year of its day). ``benchmarks/anchor.py``
   measures the vote on articles whose header date is hidden.
3. ``resolve`` fills the missing years from that anchor; other components call
   ``date_in`` and ``period_in`` on the clause they are reading, and
   ``dateline`` for the place the article was filed from.

All words come from ``lang/<code>/dates.toml``, whose ``rules`` also say which
forms a language writes (Vietnamese "17/11", English "November 17"), so that no
rule branches on a language; summit numbering and host cities come from ``data/summits.toml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from collections.abc import Iterable
from typing import Any

from bilat.errors import LexiconError
from bilat.extract.doc import Document, Span
from bilat.extract.pipeline import component
from bilat.lang import Lexicon, alternation, load, load_shared
from bilat.patterns import compile_gated, required_words

_YEAR = r"(?:1[89]|20)\d{2}"
_PLAN_YEARS = 5
"""A range of at most this many years in a sentence about the future is a plan's period."""
LEDE_SENTENCES = 4
"""The first sentences of the body, where the article states its own event."""
_DAY_KNOWN = ("header", "dateline", "page stamp", "address")
"""Anchors that give the article's own day: its header, the date its dateline states, the page's
publication stamp, or the date in its address."""


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
    """"năm nay", "this year" are 0, "năm ngoái", "last year" -1: an offset from the anchor's year."""
    first_months: int | None = None
    """"7 tháng đầu năm", "the first seven months": the period from January to month 7."""
    relative_day: int | None = None
    """"hôm nay", "today" are 0, "yesterday" -1: days from the article's own day."""
    relative_month: int | None = None
    """"this month" is 0, "next month" 1: months from the article's own month."""
    relative_week: tuple[int, int | None, int | None] | None = None
    """"last week" is (-1, 0, 6), "earlier this week" (0, 0, None): weeks from the article's own
    (Monday to Sunday), then the first and last weekday of the days meant (None: the article's day)."""
    narrative_day: int | None = None
    """"cùng ngày", "the same day" are 0, "ngày hôm sau", "the next day" 1: days from the day the
    narrative has reached, which only the reader of the sentences before knows (``resolve`` leaves
    it None; events count it from their narrative day)."""
    weekday: int | None = None
    """"on Thursday" is 3 (Monday 0, as ``datetime.date.weekday``). Without a stated month and
    day ("Monday (July 24)" states both), the day is counted from the article's own day."""
    direction: int = 0
    """Which side of the article's date a weekday or a month without a year lies on:
    -1 "last Thursday", "last May" (the latest before it); 1 "next Thursday", or a weekday in a
    sentence about what will happen (the first after it); 0 unstated (a weekday is then the
    latest on or before the article's day, a month the nearest)."""
    upcoming: bool = False
    """A month or a day without a year in a clause about what will happen ("will visit in October",
    "sẽ thăm vào tháng 10"): on or after the article's day, this month included."""

    @property
    def is_range(self) -> bool:
        return self.end_year is not None or self.end_month is not None or self.end_day is not None

    @property
    def has_day(self) -> bool:
        """The expression names one day: a date, a weekday, "today"; not a period."""
        return (self.day is not None or self.weekday is not None or self.relative_day is not None
                or self.narrative_day is not None)


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
    def knows_day(self) -> bool:
        """The article's own day is certain (header or dateline), so "today" and weekdays resolve."""
        return self.how in _DAY_KNOWN and None not in (self.year, self.month, self.day)

    @property
    def published(self) -> str | None:
        """ISO date at the known precision, as FACTS.md's ``doc.published``."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None or not self.knows_day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where (and when) the article was filed, as its body's first words say.

    "NEW DELHI, July 27 (Reuters) -", "Hanoi (VNA) -", "JAKARTA —". ``start`` and
    ``end`` cover the whole dateline up to its closing mark, so that other
    components can tell it from the article's first sentence. ``place`` is the
    dateline's first words (``text[start:start + len(place)]``), an all-capital
    name in title case ("NEW DELHI" → "New Delhi"). ``value`` is the date the
    dateline states (the article's own day), ``agency`` the credited news agency.
    """

    place: str
    start: int
    end: int
    value: DateValue | None = None
    agency: str | None = None


# --- finding -----------------------------------------------------------------


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[tuple[re.Pattern[str], str, tuple[frozenset[str], ...]], ...]
    """Each form's pattern, the kind of value it states, and the words every match of it holds (see ``required_words``)."""
    months: dict[str, int]
    counts: dict[str, int]
    quarters: dict[str, int]
    relative_years: dict[str, int]
    relative_days: dict[str, int]
    narrative_days: dict[str, int]
    relative_months: dict[str, int]
    relative_weeks: dict[str, tuple[int, int | None, int | None]]
    weeks_counted: re.Pattern[str]
    weekdays: dict[str, int]
    directions: dict[str, int]
    ahead: re.Pattern[str]
    clause_openers: re.Pattern[str]
    weekday_alone: bool
    weekday_date_leads: str
    weekday_lead: re.Pattern[str]


def _sentence_cased(phrases: Iterable[str]) -> list[str]:
    """Phrases as written inside a sentence and opening one ("năm ngoái", "Năm ngoái, ..."; "cách đây 2 năm")."""
    phrases = list(phrases)
    return [*phrases, *(p[0].upper() + p[1:] for p in phrases if p[:1].islower())]


def _said(table: dict[str, Any], phrase: str) -> Any:
    """The value of a phrase of ``table`` as matched, perhaps capitalised at a sentence's start."""
    return table[phrase] if phrase in table else table[phrase[0].lower() + phrase[1:]]


def _template(template: str, slots: dict[str, str], where: str) -> str:
    """A data-file phrase as a regex: ``{slot}`` placeholders filled, each space any whitespace.

    Lets the data state word order ("kỷ niệm {n} năm" against "{n} anniversary").
    """
    parts = re.split(r"(\{\w+\})", template)
    try:
        return "".join(
            slots[part[1:-1]] if part.startswith("{") else re.escape(part).replace(r"\ ", r"\s+") for part in parts
        )
    except KeyError as exc:
        raise LexiconError(f"{where}: {template!r} has an unknown placeholder {exc}") from None


def _rule_patterns(data: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Every date form bilat reads, by rule name and in order of preference, as (regex, kind)."""
    day_words = alternation(data["day_words"])
    joiners = alternation(data["range_joiners"])
    month_word = alternation(data["month_words"])
    year_word = alternation(data["year_words"])
    relative = alternation(_sentence_cased(data["relative_years"]))
    first = data["first_months"]
    month_name = alternation([*data["month_names"], *data["month_abbreviations"]])
    full_month = alternation(data["month_names"])
    leads = alternation(data["month_leads"])
    directions = alternation(data["directions"])
    after = rf"(?:\s+(?P<dir_after>{alternation(data['directions_after'])})(?!\w))?"  # "tháng 10 tới"
    cross_joiners = alternation(data["cross_range_joiners"])
    no_digit_before = r"(?<![\d/,.])"
    no_digit_after = r"(?![\d/]|[,.]\d)"

    def named(group: str = "m") -> str:
        return rf"(?<!\w)(?P<{group}>{month_name})(?!\w)"

    def day(group: str = "d") -> str:
        return rf"{no_digit_before}\b(?P<{group}>\d{{1,2}})(?:{alternation(data['ordinal_suffixes'])})?"

    led = rf"(?:(?<!\w)(?P<dir>{directions})\s+|(?:(?<!\w)(?:{leads})(?:\s+|(?<=-)))+)"  # last, in, in early, mid-
    then_year = rf"(?:,?\s+(?P<y>{_YEAR}))?{no_digit_after}"
    first_year = rf"(?:,?\s+(?P<y1>{_YEAR}))?"  # "August 4, 1973 – August 4, 2023": each end its year
    count_slot = {"n": r"(?P<n>\d{1,3})"}
    first_slots = {
        "n": rf"(?P<n>\d{{1,2}}|{alternation(first['counts'])})",
        "when": rf"(?:(?P<y>{_YEAR})|(?P<rel>{relative}))",
    }
    return {
        # 4/8/1973 – 4/8/2023, 28/12/2023-2/1/2024
        "full_date_range": [(rf"{no_digit_before}(?P<d1>\d{{1,2}})(?P<sep>[/-])(?P<m1>\d{{1,2}})(?P=sep)(?P<y1>{_YEAR})\s*[-–]\s*(?P<d2>\d{{1,2}})(?P=sep)(?P<m2>\d{{1,2}})(?P=sep)(?P<y2>{_YEAR}){no_digit_after}", "full_range")],
        # 7/2024-7/2027
        "month_year_range": [(rf"{no_digit_before}(?P<m1>\d{{1,2}})[/-](?P<y1>{_YEAR})\s*[-–]\s*(?P<m2>\d{{1,2}})[/-](?P<y2>{_YEAR}){no_digit_after}", "month_range")],
        # 12-16/11, 28-31/7/2018, 7 đến 9/3, 25 đến ngày 27-5-2025
        "numeric_day_range": [(rf"{no_digit_before}(?P<d1>\d{{1,2}})\s*(?:{joiners})\s*(?:{day_words}\s*)?(?P<d2>\d{{1,2}})\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})(?:\s*(?P=sep)\s*(?P<y>{_YEAR}))?{no_digit_after}", "day_range")],
        # 30/7/2018, 27-5-2025
        "numeric_date": [(rf"{no_digit_before}(?P<d>\d{{1,2}})\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>{_YEAR}){no_digit_after}", "day")],
        # từ tháng 1 đến tháng 7/2024, tháng 1-7/2024, tháng 3-5 năm nay
        "numeric_month_range": [(rf"(?<!\w)(?:{month_word})\s+(?P<m1>\d{{1,2}})\s*(?:{cross_joiners})\s*(?:(?:{month_word})\s+)?(?P<m2>\d{{1,2}})(?:(?:\s*[/-]\s*|\s+(?:{year_word})\s+)(?P<y>{_YEAR})|\s+(?P<rel>{relative}))?{no_digit_after}", "months_range")],
        # from January to July this year, January-July 2024
        "named_month_range": [(rf"(?:(?<!\w)(?:{leads})\s+)?(?<!\w)(?P<m1>{full_month})\s*(?:{cross_joiners})\s*(?P<m2>{full_month})(?!\w)(?:,?\s+(?P<y>{_YEAR}){no_digit_after}|\s+(?P<rel>{relative})\b)?", "months_range")],
        # quý I/2024, quý 2 năm nay
        "quarter": [(rf"(?<!\w)(?:{alternation(data['quarters']['words'])})\s+(?P<q>{alternation(data['quarters']['numbers'])})(?!\w)(?:(?:\s*/\s*|\s+(?:{year_word})\s+)(?P<y>{_YEAR})|\s+(?P<rel>{relative}))?{no_digit_after}", "quarter")],
        # 7/1998, tháng 9/2021, tháng 10-2024
        "numeric_month_year": [
            (rf"(?:(?:{month_word})\s*)?{no_digit_before}(?P<m>\d{{1,2}})\s*[/-]\s*(?P<y>{_YEAR}){no_digit_after}", "month"),
            # "tháng 11.2023": with a dot only after the month word ("11.2023" alone is a number)
            (rf"(?:{month_word})\s+(?P<m>\d{{1,2}})\.(?P<y>{_YEAR}){no_digit_after}", "month"),
        ],
        # 17/11
        "numeric_day_month": [(rf"{no_digit_before}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){no_digit_after}{after}", "day")],
        # ngày 16 tháng 10 năm 2019, ngày 27 tháng 5
        "worded_date": [(rf"(?<!\w)(?:{alternation(data['dotted_date_leads'])})\s+(?P<d>\d{{1,2}})\s+(?:{month_word})\s+(?P<m>\d{{1,2}})(?:\s*(?:,\s*)?(?:{year_word})\s+(?P<y>{_YEAR}))?(?![\d/])", "day")],
        # 31/7-3/8, từ 30/11 đến 2/12/2024
        "numeric_cross_range": [(rf"{no_digit_before}(?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})\s*(?:{alternation(data['cross_range_joiners'])})\s*(?:{day_words}\s*)?(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})(?:/(?P<y>{_YEAR}))?{no_digit_after}", "cross_range")],
        # Sáng 26-5: a hyphenated day-month only after a day word
        "hyphen_day_month": [(rf"\b(?:{day_words})\s+(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})(?![\d/-])", "day")],
        # Ngày 26.7, ngày 3.11.2025: a dotted date only after a word for a day or a time of day ("26.7" alone is a number)
        "dotted_day_month": [(rf"(?<!\w)(?:{alternation(data['dotted_date_leads'])})\s+(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?:\.(?P<y>{_YEAR}))?(?![\d/-]|[.,]\d)", "day")],
        # cách đây 4 năm, four years ago
        "years_ago": [(rf"(?<!\w){_template(t, count_slot, 'years_ago')}(?!\w)", "years_ago")
                      for t in _sentence_cased(data["years_ago"])],
        # 7 tháng đầu năm nay, the first seven months of 2024, the first half of this year
        "first_months": [(rf"\b{_template(t, first_slots, 'first_months')}", "first_months") for t in first["patterns"]],
        # tháng 7, tháng 9 năm 2021
        # tháng Tư, tháng Mười Một năm 2023, tháng Giêng vừa qua: a month word before a month's name
        "month_word_name": [(rf"(?<!\w)(?:{month_word})\s+(?P<m>{full_month})(?!\w)(?!\s+(?:{alternation(data.get('month_name_not_before', []))})(?!\w))"
                             rf"(?:(?:\s+(?:{year_word})\s+|\s*[/-]\s*)(?P<y>{_YEAR}){no_digit_after}|{after})", "month")],
        "month_number": [(rf"(?:{month_word})\s+(?P<m>\d{{1,2}})(?:\s+(?:{year_word})\s+(?P<y>{_YEAR})|(?![\d/-]){after})", "month")],
        # April 30 to May 2, 30 April - 2 May 2018
        "named_cross_range": [
            (rf"{named('m1')}\s+{day('d1')}{first_year}\s*(?:{joiners})\s*{named('m2')}\s+{day('d2')}{then_year}", "cross_range"),
            (rf"{day('d1')}\s+{named('m1')}{first_year}\s*(?:{joiners})\s*{day('d2')}\s+{named('m2')}{then_year}", "cross_range"),
        ],
        # April 17-19, April 17 to 19, 2018; 17-19 April 2018
        "named_day_range": [
            (rf"{named()}\s+{day('d1')}\s*(?:{joiners})\s*{day('d2')}{then_year}", "day_range"),
            (rf"{day('d1')}\s*(?:{joiners})\s*{day('d2')}\s+{named()}{then_year}", "day_range"),
        ],
        # April 17, Sept. 3, 2018; 17 April 2018
        "named_day": [
            (rf"{named()}\s+{day()}{then_year}", "day"),
            (rf"{day()}\s+{named()}{then_year}", "day"),
        ],
        # August 2017; in August, early March, mid-March, last May (a month name alone only after
        # such a word: "May" and "March" are also other words; never before a day, which named_day reads)
        "named_month": [
            (rf"{named()},?\s+(?P<y>{_YEAR}){no_digit_after}", "month"),
            (rf"{led}(?<!\w)(?P<m>{full_month})(?!\w)(?:,?\s+(?P<y>{_YEAR}){no_digit_after}|\s+(?P<rel>{relative})\b|(?!\s+\d))", "month"),
        ],
        # 2024 - 2027
        "year_range": [(rf"{no_digit_before}(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR}){no_digit_after}", "year_range")],
        # 2022-27
        "short_year_range": [(rf"{no_digit_before}(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>\d{{2}}){no_digit_after}", "short_year_range")],
        # năm 2023, 1994
        "year": [(rf"(?:(?:{year_word})\s+)?{no_digit_before}\b(?P<y>{_YEAR})\b{no_digit_after}", "year")],
        # năm nay, last year
        "relative_year": [(rf"(?<!\w)(?:{relative})\b", "relative_year")],
        # hôm nay, yesterday
        "relative_day": [(rf"(?<!\w)(?:{alternation(_sentence_cased(data['relative_days']))})\b", "relative_day")],
        # cùng ngày, the same day, ngày hôm sau, the next day
        "narrative_day": [(rf"(?<!\w)(?:{alternation(_sentence_cased(data['narrative_days']))})(?!\w)", "narrative_day")],
        # next month, last month
        "relative_month": [(rf"(?<!\w){_not_after(data.get('relative_months_not_after', []))}"
                            rf"(?:{alternation(_sentence_cased(data['relative_months']))})\b", "relative_month")],
        # last week, earlier this week, tuần trước, đầu tuần này (not "hai tuần trước": weeks ago)
        "relative_week": [(rf"(?<!\w)(?:{alternation(_sentence_cased(data['relative_weeks']))})(?!\w)", "relative_week")],
        # on Thursday, last Monday, Thursday's meeting
        "weekday": [(rf"(?:(?<!\w)(?P<dir>{directions})\s+)?(?<!\w)(?P<wd>{alternation(data['weekdays']['names'])})(?!\w)", "weekday")],
    }


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    data = lexicon["dates"]
    forms = _rule_patterns(data)
    unknown = set(data["rules"]) - set(forms)
    if unknown:
        raise LexiconError(f"lang/{lexicon.lang}/dates.toml: unknown rules {sorted(unknown)}; known: {list(forms)}")
    rules = [(compile_gated(p), kind, required_words(p))
             for name, patterns in forms.items() if name in data["rules"] for p, kind in patterns]
    return _Patterns(
        rules=tuple(rules),
        months={**data["month_names"], **data["month_abbreviations"]},
        counts=dict(data["first_months"]["counts"]),
        quarters=dict(data["quarters"]["numbers"]),
        relative_years=dict(data["relative_years"]),
        relative_days=dict(data["relative_days"]),
        narrative_days=dict(data["narrative_days"]),
        relative_months=dict(data["relative_months"]),
        relative_weeks={phrase: _week_days(phrase, span, data["weekdays"]["names"])
                        for phrase, span in data["relative_weeks"].items()},
        weeks_counted=re.compile(rf"(?<!\w)(?:\d+|{alternation(data['week_counts'])})\s+$"),
        weekdays=dict(data["weekdays"]["names"]),
        directions={**data["directions"], **data["directions_after"]},
        ahead=re.compile(rf"(?<!\w)(?:{alternation(data['weekdays']['ahead'])})(?!\w)"),
        clause_openers=re.compile(rf"(?<!\w)(?:{alternation(data['weekdays']['clause_openers'])})(?!\w)"),
        weekday_alone=bool(data["weekdays"]["alone"]),
        weekday_date_leads=alternation(data["weekdays"]["date_leads"]),
        weekday_lead=re.compile(rf"(?<!\w)(?:{alternation(data['weekdays']['leads'])})\s+$"),
    )


def _not_after(words: list[str]) -> str:
    """Look-behinds refusing a match right after one of ``words`` and a space ("các tháng tới": months, not a month)."""
    return "".join(rf"(?<!(?<!\w){re.escape(word)}\s)" for word in words)


def _week_days(phrase: str, span: dict[str, Any], weekdays: dict[str, int]) -> tuple[int, int | None, int | None]:
    """A relative_weeks entry ({weeks, first, last}, the ends named as weekdays or "today") as numbers."""
    def day(name: str) -> int | None:
        if name == _TODAY:
            return None
        if name not in weekdays:
            raise LexiconError(f"dates.toml relative_weeks {phrase!r}: {name!r} is neither a weekday nor {_TODAY!r}")
        return weekdays[name]
    return int(span["weeks"]), day(span["first"]), day(span["last"])


_TODAY = "today"
"""In relative_weeks, the article's own day as an end of the days meant."""

_LEAD_REACH = 12
"""Characters before a weekday searched for a word that makes it one ("hôm thứ Năm")."""

_NAMED = {"m": "months", "m1": "months", "m2": "months", "n": "counts", "q": "quarters"}
"""Groups that may hold a word the data names ("April", "seven") instead of digits."""


def _numbers(match: re.Match[str], p: _Patterns) -> dict[str, Any]:
    """The match's groups, digits read as numbers and named months and counts looked up."""
    groups: dict[str, Any] = {}
    for key, text in match.groupdict().items():
        if text is not None and text.isdigit():
            groups[key] = int(text)
        elif text is not None and key in _NAMED:
            groups[key] = getattr(p, _NAMED[key])[text]
        else:
            groups[key] = text
    return groups


def _value(match: re.Match[str], kind: str, p: _Patterns) -> DateValue | None:
    g = _numbers(match, p)
    direction = p.directions.get(g.get("dir") or g.get("dir_after") or "", 0)
    if kind == "full_range":
        value = DateValue(year=g["y1"], month=g["m1"], day=g["d1"], end_year=g["y2"], end_month=g["m2"], end_day=g["d2"])
        if (value.end_year, value.end_month, value.end_day) <= (value.year, value.month, value.day):
            return None
    elif kind == "month_range":
        value = DateValue(year=g["y1"], month=g["m1"], end_year=g["y2"], end_month=g["m2"])
    elif kind in ("months_range", "quarter"):
        first, last = (g["m1"], g["m2"]) if kind == "months_range" else (3 * g["q"] - 2, 3 * g["q"])
        if last <= first:
            return None
        rel = g.get("rel")
        value = DateValue(year=g.get("y"), month=first, end_year=g.get("y"), end_month=last,
                          relative_year=p.relative_years[rel] if rel else None)
    elif kind == "day_range":
        if g["d1"] >= g["d2"]:
            return None
        value = DateValue(year=g["y"], month=g["m"], day=g["d1"], end_year=g["y"], end_month=g["m"], end_day=g["d2"])
    elif kind == "cross_range":
        if g["m1"] == g["m2"] and g["d1"] >= g["d2"] and g.get("y1") in (None, g["y"]):
            return None
        # "December 30 - January 2, 2024": a year stated at the end is the end's
        start_year = g.get("y1") or (g["y"] - 1 if g["y"] is not None and g["m2"] < g["m1"] else g["y"])
        value = DateValue(year=start_year, month=g["m1"], day=g["d1"], end_year=g["y"], end_month=g["m2"], end_day=g["d2"])
    elif kind == "day":
        value = DateValue(year=g.get("y"), month=g["m"], day=g["d"], direction=direction if g.get("y") is None else 0)
    elif kind == "month":
        rel = g.get("rel")  # "in June last year"
        value = DateValue(year=g.get("y"), month=g["m"], direction=direction if g.get("y") is None and not rel else 0,
                          relative_year=p.relative_years[rel] if rel else None)
    elif kind == "first_months":
        rel = g.get("rel")
        offset = p.relative_years[rel] if rel else (None if g.get("y") is not None else 0)
        value = DateValue(year=g.get("y"), first_months=g["n"], relative_year=offset)
    elif kind == "year_range":
        value = DateValue(year=g["y1"], end_year=g["y2"])
    elif kind == "short_year_range":
        end_year = g["y1"] - g["y1"] % 100 + g["y2"]  # "2022-27" ends in 2027
        if end_year <= g["y1"]:
            return None
        value = DateValue(year=g["y1"], end_year=end_year)
    elif kind == "year":
        value = DateValue(year=g["y"])
    elif kind == "relative_year":
        value = DateValue(relative_year=_said(p.relative_years, match.group()))
    elif kind == "relative_day":
        value = DateValue(relative_day=_said(p.relative_days, match.group()))
    elif kind == "years_ago":
        value = DateValue(relative_year=-g["n"])
    elif kind == "narrative_day":
        value = DateValue(narrative_day=_said(p.narrative_days, match.group()))
    elif kind == "relative_month":
        value = DateValue(relative_month=_said(p.relative_months, match.group()))
    elif kind == "relative_week":
        if p.weeks_counted.search(match.string, max(0, match.start() - _LEAD_REACH), match.start()):
            return None  # "hai tuần trước": two weeks ago, not last week
        value = DateValue(relative_week=_said(p.relative_weeks, match.group()))
    else:
        value = DateValue(weekday=p.weekdays[g["wd"]], direction=direction)
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
    """Every date expression in the body, earliest and longest first, never overlapping.

    A form is searched for only where the body holds the words each of its matches holds ("tháng",
    a weekday's name): most articles state a few of the thirty forms, and each search reads the whole text.
    """
    patterns = _patterns(lexicon)
    text, opening = doc.text, doc.text_start
    held: dict[frozenset[str], bool] = {}  # forms share their words: "tháng", the weekdays

    def holds_one(words: frozenset[str]) -> bool:
        if words not in held:
            held[words] = any(text.find(word, opening) >= 0 for word in words)
        return held[words]

    found: list[tuple[int, int, int, DateValue]] = []
    for priority, (pattern, kind, required) in enumerate(patterns.rules):
        if not all(map(holds_one, required)):
            continue
        for match in pattern.finditer(text, opening):
            value = _value(match, kind, patterns)
            if value is not None:
                found.append((match.start(), match.end(), priority, value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    spans: list[Span] = []
    for start, end, _, value in found:
        if spans and start < spans[-1].end:
            continue
        spans.append(Span(start, end, "date", value))
    joined = _weekdays_joined(doc.text, spans, patterns.weekday_date_leads)
    if not patterns.weekday_alone:  # "thứ Năm" alone is also "fifth": only "thứ Năm (13/7)", "hôm thứ Năm" are weekdays
        joined = [s for s in joined if s.value.weekday is None or s.value.month is not None
                  or patterns.weekday_lead.search(doc.text, max(0, s.start - _LEAD_REACH), s.start)]
    return [_pointed_ahead(doc, span, patterns.ahead, patterns.clause_openers) for span in joined]


@lru_cache(maxsize=8)
def _stated_again(leads: str) -> re.Pattern[str]:
    """What stands between a weekday and the date that follows it: "Monday (July 24)", "Thursday, July 27",
    "Thứ sáu, ngày 24/6", "Thứ tư ngày 16 tháng 10" (``leads``: the data's words that may open the date)."""
    return re.compile(rf"\s*(?:,|\()?\s*(?:(?:{leads})\s+)?")


def _weekdays_joined(text: str, spans: list[Span], leads: str) -> list[Span]:
    """A weekday or a day told relative to today followed by its date ("Monday (July 24)", "Hôm qua (10/3)",
    "yesterday (March 10)") as one expression: the date, stated twice."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if (
            previous is not None and (previous.value.weekday is not None or previous.value.relative_day is not None)
            and previous.value.month is None
            and span.value.day is not None and span.value.weekday is None and not span.value.is_range
            and _stated_again(leads).fullmatch(text, previous.end, span.start)
        ):
            end = span.end + 1 if text.startswith(")", span.end) and "(" in text[previous.end:span.start] else span.end
            joined[-1] = Span(previous.start, end, "date", replace(span.value, weekday=previous.value.weekday))
        else:
            joined.append(span)
    return joined


def _pointed_ahead(doc: Document, span: Span, ahead: re.Pattern[str], openers: re.Pattern[str]) -> Span:
    """A bare weekday in a clause about what will happen ("will meet on Thursday", "On Friday,
    the ministers will sign") is the next one, and a month or day without a year is upcoming
    ("will visit in October"); a cue in a later clause ("on Monday signed an agreement that will
    allow ...") leaves it past.
    """
    value = span.value
    weekday = value.weekday is not None and value.month is None
    month = value.month is not None and value.year is None and value.relative_year is None
    if not (weekday or month) or value.direction:
        return span
    sent = doc.sentence_of(span.start)
    if sent is None:
        return span
    if month:  # only a future word before it: "chiều 9/4, hai bên nhấn mạnh sẽ ..." is past
        return replace(span, value=replace(value, upcoming=True)) if ahead.search(doc.text, sent.start, span.start) else span
    opener = openers.search(doc.text, span.end, sent.end)
    if not ahead.search(doc.text, sent.start, opener.start() if opener else sent.end):
        return span
    return replace(span, value=replace(value, direction=1))


# --- the dateline -------------------------------------------------------------


@cache
def _dateline_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    data = lexicon["dates"]["dateline"]
    agency = alternation(data["agencies"])
    marks = alternation(data["separators"])
    after_credit = alternation([*data["separators"], *data["separators_after_credit"]])
    return re.compile(
        r"\s*(?P<place>[^\W\d_][\w.'’-]*(?: [\w.'’-]+){0,3}?)"  # New Delhi, NEW DELHI, Ho Chi Minh City
        r"(?:\s*\[[^\]\n]*\])?"  # [India]
        r"(?:,\s*(?P<when>[^\n()]{1,40}?))?"  # , July 27
        rf"(?:\s*\((?P<agency>(?:{agency})(?:\s*/\s*(?:{agency}))*)\)\s*(?:{after_credit})"  # (ANI):, (Reuters/AFP) -
        rf"|\s*(?(when)(?:{after_credit})|(?:{marks})))(?=\s)"  # Hanoi, April 17 -; JAKARTA —
    )


def dateline(doc: Document) -> Dateline | None:
    """The dateline the body opens with ("NEW DELHI, July 27 (Reuters) -"), or None.

    A place alone before a dash counts only in capitals ("JAKARTA —"), as
    datelines are printed, so that a first sentence "Vietnam – Indonesia ..." is
    none. The date is read from the ``dates`` layer, which must have been found.
    A body whose first line repeats the headline opens with the line after it.
    """
    return _opening_dateline(doc, load(doc.lang))


def _opening_dateline(doc: Document, lexicon: Lexicon) -> Dateline | None:
    found = _dateline(doc, lexicon, doc.body_start)
    if found is None and doc.headline_end > doc.body_start:
        found = _dateline(doc, lexicon, doc.headline_end)  # "Headline\n\nTokyo [Japan], August 29 (ANI): ..."
    return found


def dateline_at(doc: Document, position: int) -> Dateline | None:
    """A dateline opening the paragraph at ``position``: some outlets print one after a repeated headline
    ("Việt Nam-Germany holds ...\nVIETNAM, April 4 - BERLIN — ...")."""
    return _dateline(doc, load(doc.lang), position)


def _dateline(doc: Document, lexicon: Lexicon, position: int) -> Dateline | None:
    match = _dateline_pattern(lexicon).match(doc.text, position)
    if match is None:
        return None
    place = match.group("place")
    when = match.span("when")
    stated = next((s for s in doc.starting("dates", when[0], when[0] + 1) if s.end == when[1]), None)
    if stated is None and not match.group("agency") and (match.group("when") is not None or not place.isupper()):
        return None  # "Vietnam, Indonesia – ...", "Vietnam – Indonesia ...": a first sentence
    return Dateline(
        place=place.title() if place.isupper() else place, start=match.start("place"), end=match.end(),
        value=None if stated is None else stated.value, agency=match.group("agency"),
    )


# --- the anchor -------------------------------------------------------------
#
# With no header date, the article's year is a vote over weak cues, each giving
# candidate years with a weight: how often such a cue names the article's own
# year in the press (benchmarks/anchor.py measures the whole vote on articles
# whose header date is hidden).

STAMP_WEIGHT = 8.0
"""A page's printed publication time ("27/07/2023 09:11 GMT+7") is the date itself (30 of 30 years
right on the anchor benchmark)."""
URL_DAY_WEIGHT = 6.0
"""A full date in the article's address (".../2024/08/01/...", "-20220624184002975.htm") is the day it
was filed (the address cues: 27 of 27 years right on the anchor benchmark)."""
URL_MONTH_WEIGHT = 5.0
"""A year and month folder in the address ("/202306/") is its month."""
URL_SHORT_WEIGHT = 3.0
"""A six-digit yymmdd run in the address ("-240801-") or a year folder ("/2018/"): most often the date, but an id may read as one."""
URL_SLUG_YEAR_WEIGHT = 1.0
"""A year among the address's words ("...-consultations-2024-...") may be the event's or a target's."""
SUMMIT_WEIGHT = 4.0
"""A numbered summit ("APEC lần thứ 30") is counted exactly, but may be recalled."""
SUMMIT_HOST_WEIGHT = 3.0
"""A summit named by its series and host city ("the APEC summit in Da Nang") is the year's, but
may be recalled a year or more later (the one dated article it decides on the anchor benchmark is right)."""
SUMMIT_YEAR_WEIGHT = 2.0
"""A summit named by its year in the lede ("APEC 2025") is most often the article's, sometimes recalled."""
ANNIVERSARY_WEIGHT = 4.0
""""kỷ niệm 30 năm" of relations begun in a stated year: the article is in the anniversary year."""
ANNIVERSARY_AHEAD_WEIGHT = 1.5
"""An anniversary of relations planned for a stated year is most often prepared the year before
(1 of 1 right on the anchor benchmark: a weak cue, above only the bounds)."""
LEDE_DATE_WEIGHT = 3.0
"""The first full date in the lede is usually the article's own event (10 of 10 right on the anchor
benchmark); sometimes a recalled one."""
FIGURE_WEIGHT = 3.0
"""A full-year amount ("trade neared $800 million in 2019") is reported the year after."""
RANGE_END_WEIGHT = 3.0
"""The end of a relationship's span ("quan hệ ngoại giao (1989-2024)") is the anniversary year."""
SINCE_WEIGHT = 2.0
""""N năm qua", "the past N years" since a stated year: N years on from it."""
WEEKDAY_WEIGHT = 2.0
"""A weekday with its day and month ("thứ Năm (13/7)") holds in only one year in five to eleven."""
BOUND_WEIGHT = 1.0
"""The year the article's future and past talk allow, when both bound it: a bound, not a statement
(6 of 9 right on the anchor benchmark, the last resort; future talk alone 0 of 12)."""
STAMP_LINES = 8
"""The page lines above and below the article's text where a publication stamp is printed."""
STAMP_LENGTH = 80
"""A stamp line is short: a date, a time, perhaps a byline."""
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d])")
"""A clock time, as a page prints its publication stamp ("09:11", "6:25")."""
_NUMERIC_STAMP = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DAY_FORMS = (
    # /2024/08/01/, 2025-04-20
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/-])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)"),
    # /2022/0714/
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    # 20230316_41, -20220624184002975.htm: yyyymmdd opening a digit run
    re.compile(r"(?<!\d)(?P<y>20\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{4,})?(?!\d)"),
    # -185230727081443683.htm, ns220613093922: [a three-digit section] yymmdd then a clock time
    re.compile(r"(?<!\d)(?:\d{3})?(?P<y>[0-3]\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:\d{2,})?(?!\d)"),
)
"""Full dates in an address, most explicit first. Of several, the last: an address ends with
the article's own name, after its sections' ("/nr040807104143/ns220613093922")."""
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])/")
_URL_SHORT_DAY = re.compile(r"(?<![\w])(?P<y>[0-3]\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w])")
_URL_YEAR_FOLDER = re.compile(r"/(?P<y>(?:19|20)\d{2})/")
_URL_SLUG_YEAR = re.compile(r"(?<=[a-z]-)(?P<y>(?:19|20)\d{2})(?=-|\.|$)")


@dataclass(frozen=True, slots=True)
class _Cue:
    """One hint at the article's date: a year, its month and day when the cue states them, and its weight."""

    year: int
    weight: float
    how: str
    month: int | None = None
    day: int | None = None


@component("anchor", requires=["sents", "dates"], assigns="anchor")
def infer_anchor(doc: Document, lexicon: Lexicon) -> list[Anchor]:
    """The article's date: from the header, else a vote over what the page and its text make likely."""
    header = _parse_iso(doc.published)
    line = _opening_dateline(doc, lexicon)
    stated = line.value if line is not None and line.value is not None and line.value.day is not None else None
    if header is not None:
        return [_header_anchor(header, stated)]
    cues = lexicon["dates"]["cues"]
    lede = doc.layer("sents")[:LEDE_SENTENCES]
    lede_end = lede[-1].end if lede else doc.text_start
    bounded, after = _bounded_year(doc, cues)
    found = [
        *_stamp_cues(doc, lexicon),
        *_url_cues(doc.source or ""),
        *_lede_cues(doc, lede_end, cues),
        *_summit_cues(doc, lede_end, lexicon),
        *_host_city_cues(doc, lede_end, cues, after),
        *_anniversary_cues(doc, lexicon),
        *_commemoration_cues(doc, lexicon),
        *_figure_cues(doc, cues),
        *_span_end_cues(doc, lexicon),
        *_since_cues(doc, lexicon),
        # only future talk bounding the year, with no past one, was never the year on the anchor benchmark
        *([_Cue(bounded, BOUND_WEIGHT, "bounds")] if bounded is not None and after is not None else []),
    ]
    found += _weekday_cues(doc, found, after, _dateline_weekday(doc, line), bounded)
    first = stated or next((s.value for s in doc.layer("dates") if s.value.day is not None and s.value.year is None), None)
    if not found:  # never the latest background year itself: only a bound for dates without one
        return [Anchor(how="unknown")] if after is None else [Anchor(after=after, how="after")]
    best = _vote(found)
    if best.how in _DAY_KNOWN:
        return [Anchor(best.year, best.month, best.day, how=best.how)]
    if stated is not None and stated.year in (None, best.year):
        return [Anchor(best.year, stated.month, stated.day, how="dateline")]
    if best.month is not None:
        return [Anchor(best.year, best.month, best.day, how=best.how)]
    if first is None:
        return [Anchor(best.year, how=best.how)]
    return [Anchor(best.year, first.month, first.day, how=best.how)]


def _vote(cues: list[_Cue]) -> _Cue:
    """The year with the most weight behind it; its weightiest cue, which may also give month and day."""
    tally: dict[int, float] = {}
    for cue in cues:
        tally[cue.year] = tally.get(cue.year, 0.0) + cue.weight
    year = max(tally, key=lambda y: (tally[y], max(c.weight for c in cues if c.year == y), y))
    backing = [c for c in cues if c.year == year]
    return max(backing, key=lambda c: (c.month is not None, c.weight))


def _header_anchor(header: tuple[int | None, int | None, int | None], stated: DateValue | None) -> Anchor:
    """The header's date, to the day when it gives only year or month and the dateline agrees with it."""
    year, month, day = header
    if stated is None or day is not None or stated.year not in (None, year) or month not in (None, stated.month):
        return Anchor(year, month, day, how="header")
    return Anchor(year, stated.month, stated.day, how="dateline")


def _parse_iso(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    return (parts + [None, None])[0], (parts + [None, None])[1], (parts + [None, None, None])[2]


def stamp_lines(doc: Document, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The lines where a page prints its publication time, above or below the article: short, with a full
    date and a clock time, or a word saying so ("Thứ ba, 25/07/2023 06:05", "Cập nhật ngày 17/10/2019").
    Their dates are the page's, not the narrative's."""
    stamp_words = _whole_words(tuple(lexicon["dates"]["cues"]["stamp"]))
    lines = [m.span() for m in re.finditer(r"[^\n]+", doc.text[doc.body_start:])]
    found = []
    for start, end in [*lines[:STAMP_LINES], *lines[STAMP_LINES:][-STAMP_LINES:]]:
        start, end = start + doc.body_start, end + doc.body_start
        line = doc.text[start:end]
        spans = doc.in_range("dates", start, end)
        if len(line.strip()) <= STAMP_LENGTH and (_CLOCK.search(line) or stamp_words.search(line)
                                                  or _date_alone(doc, line, start, spans)):
            found.append((start, end))
    return found


def _stamp_cues(doc: Document, lexicon: Lexicon) -> list[_Cue]:
    """The publication time a page prints (see ``stamp_lines``)."""
    cues = lexicon["dates"]["cues"]
    for start, end in stamp_lines(doc, lexicon):
        line = doc.text[start:end]
        spans = doc.in_range("dates", start, end)
        for span in spans:
            v = span.value
            if v.year is not None and v.month is not None and v.day is not None and not v.is_range:
                return [_Cue(v.year, STAMP_WEIGHT, "page stamp", v.month, v.day)]
        iso = _ISO_DATE.search(line)
        if iso:
            return [_Cue(int(iso[1]), STAMP_WEIGHT, "page stamp", int(iso[2]), int(iso[3]))]
        numeric = _NUMERIC_STAMP.search(line)
        if numeric:  # "Mon, 09/20/2010 - 09:44": the page's own order, which the text may not use
            first, second, year = (int(g) for g in numeric.groups())
            month, day = (first, second) if cues["stamp_month_first"] else (second, first)
            if _is_day(year, month, day):
                return [_Cue(year, STAMP_WEIGHT, "page stamp", month, day)]
    return []


def _date_alone(doc: Document, line: str, start: int, spans: list[Span]) -> bool:
    """A page line that is a full date and nothing else ("Ngày 27 tháng 5 năm 2021,", "17/10/2019"):
    the page's date, as a stamp's clock or word would say. Not with a weekday ("Thứ Bảy, 23/11/2024"):
    a site's header prints the day it is read so."""
    full = [s for s in spans if s.value.year is not None and s.value.day is not None and not s.value.is_range
            and s.value.weekday is None]
    if len(full) != 1:
        return False
    rest = line[:full[0].start - start] + line[full[0].end - start:]
    return not any(ch.isalnum() for ch in rest)


def _url_cues(source: str) -> list[_Cue]:
    """The date an outlet writes into the article's address, the most precise form found."""
    for pattern in _URL_DAY_FORMS:
        for match in reversed(list(pattern.finditer(source))):
            year = _full_year(match["y"])
            if year is not None and _is_day(year, int(match["m"]), int(match["d"])):
                return [_Cue(year, URL_DAY_WEIGHT, "address", int(match["m"]), int(match["d"]))]
    month = _URL_MONTH.search(source)
    if month:
        return [_Cue(int(month["y"]), URL_MONTH_WEIGHT, "address", int(month["m"]))]
    for match in _URL_SHORT_DAY.finditer(source):
        year = _full_year(match["y"])
        if year is not None and _is_day(year, int(match["m"]), int(match["d"])):
            return [_Cue(year, URL_SHORT_WEIGHT, "address", int(match["m"]), int(match["d"]))]
    folder = _URL_YEAR_FOLDER.search(source)
    if folder:
        return [_Cue(int(folder["y"]), URL_SHORT_WEIGHT, "address")]
    return [_Cue(int(m["y"]), URL_SLUG_YEAR_WEIGHT, "address words") for m in _URL_SLUG_YEAR.finditer(source)][:1]


_URL_YEARS = (1995, 2039)
"""Years an online article's address may carry (two-digit years are 20xx)."""


def _full_year(text: str) -> int | None:
    year = int(text) + 2000 if len(text) == 2 else int(text)
    return year if _URL_YEARS[0] <= year <= _URL_YEARS[1] else None


def _is_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _lede_cues(doc: Document, lede_end: int, cues: dict[str, list[str]]) -> list[_Cue]:
    """The first full date in the lede ("Ngày 12/6/2019, ..."), or the dateline's when it states a year.

    Not a date after "relations were established" ("thiết lập quan hệ ngoại giao
    vào ngày 29/2/1992", "(4/8/1973 – 4/8/2023)"): the relationship's history.
    """
    established = _whole_words(tuple(cues["established"]))
    for span in doc.layer("dates"):
        if span.end > lede_end:
            break
        v = span.value
        sent = doc.sentence_of(span.start)
        if v.year is None or v.day is None or (sent is not None and established.search(doc.text, sent.start, span.start)):
            continue
        return [_Cue(v.year, LEDE_DATE_WEIGHT, "dated lede", v.month, v.day)]
    return []


def _summit_cues(doc: Document, lede_end: int, lexicon: Lexicon) -> list[_Cue]:
    """"Hội nghị Cấp cao APEC lần thứ 30", "the 30th APEC Economic Leaders' Meeting" → 2023, by the series' numbering;
    else a summit named by its year in the lede ("Tuần lễ Cấp cao APEC 2025"), unless still ahead ("sẽ đăng cai APEC 2027").

    The number may follow the series (Vietnamese: summit words, series, ordinal
    words, number) or precede it (English: number, ordinal ending, series,
    summit words); the data's words fit one order or the other.
    """
    cues = lexicon["dates"]["cues"]
    lede = doc.text[doc.text_start:lede_end]
    numbered = _numbered_summit_res(lexicon)
    for series, number_after, number_before in numbered:
        match = number_after.search(lede) or number_before.search(lede)
        if match:
            return [_Cue(_nth_summit_year(series, int(match.group("n"))), SUMMIT_WEIGHT, "article context")]
    for name in _summit_series():
        for match in _summit_year_re(name).finditer(doc.text, doc.text_start, lede_end):
            sent = doc.sentence_of(match.start())
            if sent is None or not _clause_is_future(doc, sent, Span(match.start(), match.end(), "date"), cues):
                return [_Cue(int(match.group("y")), SUMMIT_YEAR_WEIGHT, "article context")]
    return []


def _summit_series() -> dict[str, dict[str, Any]]:
    return {name: series for name, series in load_shared("summits").items() if name not in ("source", "hosts")}


@cache
def _numbered_summit_res(lexicon: Lexicon) -> tuple[tuple[dict[str, Any], re.Pattern[str], re.Pattern[str]], ...]:
    """Per summit series, its numbering and the patterns of its number after and before its name, compiled
    once per language rather than found again in ``re``'s cache (which the other rules overflow) at each article."""
    words = alternation(lexicon["summits"]["summit_words"])
    ordinal = alternation(lexicon["summits"]["ordinal_words"])
    return tuple(
        (series,
         re.compile(rf"(?:{words})\s*(?:\([^)]*\)\s*)?{re.escape(name)}\s*(?:(?:{ordinal})\s*)?(?P<n>\d{{1,2}})\b(?![/.,]\d)"),
         re.compile(rf"(?<![\d/.,])\b(?P<n>\d{{1,2}})(?:{ordinal})\s+{re.escape(name)}\s+(?:{words})"))
        for name, series in _summit_series().items()
    )


HOST_GAP = 40
"""Characters from a series' name to its host city, within one clause ("APEC summit in Da Nang",
"Hội nghị Cấp cao APEC năm nay tại Đà Nẵng")."""


@cache
def _host_city_re() -> tuple[tuple[re.Pattern[str], dict[str, list[int]]], ...]:
    """Per series, its name followed by one of its host cities, and the years each city hosted."""
    return tuple((pattern, {city: [year for year, _ in held] for city, held in meetings.items()})
                 for pattern, meetings in _hosted_meetings())


@cache
def _hosted_meetings() -> tuple[tuple[re.Pattern[str], dict[str, list[tuple[int, int | None]]]], ...]:
    """Per series, its name followed by one of its host cities, and the (year, month) of each meeting there."""
    found = []
    for series, meetings in load_shared("summits")["hosts"].items():
        if series == "source":
            continue
        held: dict[str, list[tuple[int, int | None]]] = {}
        for meeting in meetings:
            for city in meeting["cities"]:
                held.setdefault(city, []).append((int(meeting["year"]), meeting.get("month")))
        pattern = rf"(?<!\w){re.escape(series)}(?!\w)[^,;.!?\n]{{0,{HOST_GAP}}}?(?<!\w)(?P<city>{alternation(list(held))})(?!\w)"
        found.append((re.compile(pattern), held))
    return tuple(found)


def hosted_gathering(doc: Document, start: int, end: int) -> str | None:
    """The month (or year) of a summit named in ``[start, end)`` by its series and host city ("on the sidelines
    of the APEC summit in Da Nang" → "2017-11"): of a city that hosted more than once, its latest meeting not
    after the article's year; None when the article's year is unknown or no such meeting is named."""
    anchor = anchor_of(doc)
    for pattern, meetings in _hosted_meetings():
        match = pattern.search(doc.text, start, end)
        if match is None:
            continue
        held = [(year, month) for year, month in meetings[match.group("city")]
                if anchor.year is None or year <= anchor.year]
        if not held or (anchor.year is None and len(held) > 1):
            return None
        year, month = max(held)
        return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"
    return None


def _host_city_cues(doc: Document, lede_end: int, cues: dict[str, list[str]],
                    after: tuple[int, int] | None) -> list[_Cue]:
    """"on the sidelines of the APEC summit in Da Nang" → 2017, unless still ahead ("will host").

    A city that hosted more than once (Lima) names the first of its years from the
    article's lower bound on, and nothing without one.
    """
    for pattern, years in _host_city_re():
        for match in pattern.finditer(doc.text, doc.text_start, lede_end):
            sent = doc.sentence_of(match.start())
            if sent is None or _clause_is_future(doc, sent, Span(match.start(), match.end(), "date"), cues):
                continue
            hosted = years[match.group("city")]
            if len(hosted) > 1:
                hosted = [y for y in hosted if after is not None and y >= after[0]][:1]
            if hosted:
                return [_Cue(hosted[0], SUMMIT_HOST_WEIGHT, "article context")]
    return []


@lru_cache(maxsize=16)
def _summit_year_re(name: str) -> re.Pattern[str]:
    """"APEC 2025": a summit series named with its year."""
    return re.compile(rf"(?<!\w){re.escape(name)}\s+(?P<y>{_YEAR})(?![\d/])")


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


def _mentions(text: str, words: list[str]) -> bool:
    """``text`` holds one of ``words`` as whole words ("hit" is not in "White House")."""
    return bool(words) and _whole_words(tuple(words)).search(text) is not None


@lru_cache(maxsize=64)
def _whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Gated on the words' first letters: searched in every sentence of an article to vote on its year."""
    return compile_gated(rf"(?<!\w)(?:{alternation(list(words))})(?!\w)")


def _sentences_with(doc: Document, words: list[str]) -> list[Span]:
    return [s for s in doc.layer("sents") if _mentions(doc.span_text(s), words)]


def _is_future(doc: Document, sent: Span, cues: dict[str, list[str]]) -> bool:
    return _mentions(doc.span_text(sent), cues["future"] + cues["target"])


_CLAUSE_BREAK = re.compile(r"[,;](?=\s)")
"""A comma or semicolon before a space ends a clause ("10,1 tỷ" is a number)."""


def _clause_is_future(doc: Document, sent: Span, span: Span, cues: dict[str, list[str]]) -> bool:
    """Whether the clause holding ``span`` speaks of what will happen: "trade exceeded $15 billion in
    2022, surpassing the target" is past in its own clause."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(doc.text, sent.start, span.start)), default=sent.start)
    after = _CLAUSE_BREAK.search(doc.text, span.end, sent.end)
    return _mentions(doc.text[start:after.start() if after else sent.end], cues["future"] + cues["target"])


ANNIVERSARY_GAP = 30
"""Characters from an anniversary's number to the relations it counts ("50th anniversary of the
establishment of diplomatic relations"): "kỷ niệm 80 năm Quốc khánh ... và 75 năm thiết lập quan hệ"
counts 80 years of something else."""


@lru_cache(maxsize=8)
def _occasion_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words`` right before the end ("on the occasion of ", "compared with ")."""
    return re.compile(rf"(?<!\w)(?:{alternation(list(words))})\s+$")


@lru_cache(maxsize=8)
def _word_before_end_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words``, then at most one more word, right before the end ("từ năm ", "since ")."""
    return re.compile(rf"(?<!\w)(?:{alternation(list(words))})\s+(?:\S+\s+)?$")


def _on_occasion(doc: Document, sent: Span, at: int, cues: dict[str, list[str]]) -> bool:
    """The anniversary at ``at`` is the present occasion ("trong bối cảnh kỷ niệm", "to mark the"),
    even in a sentence that also speaks of the future."""
    return _occasion_re(tuple(cues["occasion"])).search(doc.text, sent.start, at) is not None


def _present_anniversary(doc: Document, sent: Span, anniversaries: tuple[re.Pattern[str], ...],
                         cues: dict[str, list[str]]) -> re.Match[str] | None:
    """The sentence's anniversary of established relations, unless it is one still ahead
    ("hướng tới kỷ niệm 35 năm", "sẽ tổ chức các hoạt động kỷ niệm"): the article may be the year before."""
    established = _whole_words(tuple(cues["established"]))
    for pattern in anniversaries:
        for match in pattern.finditer(doc.text, sent.start, sent.end):
            named = established.search(doc.text, match.end(), sent.end)
            if named and named.start() - match.end() <= ANNIVERSARY_GAP and (
                not _is_future(doc, sent, cues) or _on_occasion(doc, sent, match.start(), cues)
            ):
                return match
    return None


@cache
def _anniversaries(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The data's anniversary phrases ("kỷ niệm {n} năm", "{n} anniversary") as regexes."""
    data = lexicon["dates"]
    years = rf"(?P<n>\d{{1,3}})(?:{alternation(data['ordinal_suffixes'])})?"
    return tuple(re.compile(_template(t, {"n": years}, "cues.anniversary")) for t in data["cues"]["anniversary"])


def _anniversary_cues(doc: Document, lexicon: Lexicon) -> list[_Cue]:
    """"kỷ niệm 30 năm thiết lập quan hệ ngoại giao" + "từ năm 1994" → 2024 (an anniversary of the present)."""
    cues = lexicon["dates"]["cues"]
    anniversaries = _anniversaries(lexicon)
    established = _established_year(doc, cues, anniversaries)
    if established is None:
        return _anniversary_year_cues(doc, cues, anniversaries)
    for sent in doc.layer("sents"):
        match = _present_anniversary(doc, sent, anniversaries, cues)
        if match:
            return [_Cue(established + int(match.group("n")), ANNIVERSARY_WEIGHT, "article context")]
    return []


def _commemoration_cues(doc: Document, lexicon: Lexicon) -> list[_Cue]:
    """"nhân dịp kỷ niệm 80 năm Cách mạng tháng Tám thành công", "the 80th anniversary of the August
    Revolution" → 2025: an anniversary of an event the data dates, unless still ahead."""
    cues = lexicon["dates"]["cues"]
    events = cues["commemorated"]
    if not events:
        return []
    named = _whole_words(tuple(events))
    for sent in doc.layer("sents"):
        for pattern in _anniversaries(lexicon):
            for match in pattern.finditer(doc.text, sent.start, sent.end):
                event = named.search(doc.text, match.end(), sent.end)
                if event is None or event.start() - match.end() > ANNIVERSARY_GAP:
                    continue
                if _is_future(doc, sent, cues) and not _on_occasion(doc, sent, match.start(), cues):
                    continue
                return [_Cue(events[event.group()] + int(match.group("n")), ANNIVERSARY_WEIGHT, "article context")]
    return []


def _anniversary_year_cues(doc: Document, cues: dict[str, list[str]],
                           anniversaries: tuple[re.Pattern[str], ...]) -> list[_Cue]:
    """An anniversary of relations planned for a stated year, when their start is not stated:
    "suggested they celebrate the 45th anniversary of ties in 2024" is prepared the year before.
    The year follows the relations in their clause: in "visits in 2023, which marks the 50th
    anniversary" it is the visits'.

    Not one the sentence tells as present ("trong năm 2026, khi hai nước kỷ niệm 50 năm"): it
    may be that year's or be said the year before (its year was the article's in none of 1 on the
    anchor benchmark).
    """
    established = _whole_words(tuple(cues["established"]))
    for sent in _sentences_with(doc, cues["established"]):
        for pattern in anniversaries:
            match = pattern.search(doc.text, sent.start, sent.end)
            named = match and established.search(doc.text, match.end(), sent.end)
            if not named or named.start() - match.end() > ANNIVERSARY_GAP:
                continue
            clause_end = _CLAUSE_BREAK.search(doc.text, named.end(), sent.end)
            years = [s.value.year for s in doc.in_range("dates", named.end(), clause_end.start() if clause_end else sent.end)
                     if s.value.year is not None and s.value.month is None and not s.value.is_range]
            if len(years) != 1:
                continue
            if _is_future(doc, sent, cues):
                return [_Cue(years[0] - 1, ANNIVERSARY_AHEAD_WEIGHT, "article context")]
    return []


def _established_year(doc: Document, cues: dict[str, list[str]], anniversaries: tuple[re.Pattern[str], ...]) -> int | None:
    """The year relations began: "thiết lập quan hệ ngoại giao từ năm 1994", "(1975-2025)".

    A single year before the anniversary is the anniversary's own ("2023, which
    marks the 50th anniversary of diplomatic relations"), not the start; one after
    the relations it counts is their start when it is a full date or opens a period
    ("kỷ niệm 50 năm ... thiết lập quan hệ ngoại giao (11/10/1971)", "từ năm 1971").
    """
    established = _whole_words(tuple(cues["established"]))
    since = _word_before_end_re(tuple(cues["since_words"]))
    for sent in _sentences_with(doc, cues["established"]):
        states_anniversary = any(p.search(doc.span_text(sent)) for p in anniversaries)
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if v.year is None:
                continue
            if v.is_range:
                if v.end_year not in (None, v.year):
                    return v.year
            elif not states_anniversary:
                if v.month is None:
                    return v.year
            elif established.search(doc.text, sent.start, span.start) and (
                v.month is not None or since.search(doc.text, sent.start, span.start)
            ):  # "... diplomatic ties in 2024" is the anniversary's year, "(11/10/1971)", "từ năm 1971" their start
                return v.year
    return None


def _figure_cues(doc: Document, cues: dict[str, list[str]]) -> list[_Cue]:
    """A trade amount of a stated full year is reported after that year ends, whatever the verb.

    "Năm 2024 kim ngạch đạt ... USD", "trade neared $800 million in 2019" → the
    year after. An amount of a relative year compared with a stated one
    ("hitting $6.5 billion last year, up 16 percent from 2016") is the following
    year's: last year is 2017, the article of 2018. Targets and forecasts are not amounts reached.
    """
    compared = _occasion_re(tuple(cues["compared"]))
    deadline = _deadline_re(tuple(cues["deadline"]))
    found: list[_Cue] = []
    for sent in _sentences_with(doc, cues["trade"]):
        if not _mentions(doc.span_text(sent), cues["amount"]):
            continue
        relative: int | None = None
        years: list[int] = []
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if relative is None and v.relative_year is not None and v.year is None and v.first_months is None:
                relative = v.relative_year
            if v.year is not None and v.month is None and not v.is_range and v.first_months is None:
                if _clause_is_future(doc, sent, span, cues):
                    continue  # "aiming for $5 billion in 2026"
                if deadline.search(doc.text, sent.start, span.start):
                    continue  # "to $15 billion by 2020": a target's year
                if compared.search(doc.text, sent.start, span.start):
                    if relative is not None:
                        years.append(v.year + 1 - relative)
                        break
                    continue
                years.append(v.year + 1)
        if years:
            found.append(_Cue(max(years), FIGURE_WEIGHT, "article context"))
    return found


_DEADLINE_CHARS = 16
"""How far before a date its deadline word may stand ("by the end of " is the longest)."""


def _after_deadline(doc: Document, span: Span, deadline: re.Pattern[str]) -> bool:
    """Whether a deadline word leads the date, before its span or as its first word ("by December")."""
    head = doc.text[span.start:span.end].split(maxsplit=1)[0] + " "
    return (deadline.search(doc.text, max(0, span.start - _DEADLINE_CHARS), span.start) is not None
            or deadline.fullmatch(head) is not None)


@lru_cache(maxsize=8)
def _deadline_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """The data's deadline words ("đến", "by") right before a date."""
    return re.compile(rf"(?<!\w)(?:{alternation(list(words))})\s+$")


def _span_end_cues(doc: Document, lexicon: Lexicon) -> list[_Cue]:
    """"quan hệ ngoại giao (1989-2024)", "(8-2-1950 - 8-2-2020)": the relationship's span ends in the anniversary year.

    Only the year: a parenthesised anniversary day ("4/8/1973 – 4/8/2023") may
    lie after the article that announces it. Not for an anniversary still ahead
    ("sẽ tổ chức kỷ niệm ... (1975-2025)"): that may be next year's.
    """
    cues = lexicon["dates"]["cues"]
    anniversaries = _anniversaries(lexicon)
    for sent in _sentences_with(doc, cues["established"]):
        if _is_future(doc, sent, cues) and _present_anniversary(doc, sent, anniversaries, cues) is None:
            continue
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if v.year is not None and v.end_year is not None and v.end_year > v.year:
                return [_Cue(v.end_year, RANGE_END_WEIGHT, "article context")]
    return []


@cache
def _since_patterns(lexicon: Lexicon) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The data's "N years" phrases ("{n} năm qua", "the past {n} years") and the words opening a since-year."""
    cues = lexicon["dates"]["cues"]
    spans = tuple(re.compile(_template(t, {"n": r"(?P<n>\d{1,3})"}, "cues.since")) for t in cues["since"])
    return spans, re.compile(rf"(?<!\w)(?:{alternation(cues['since_words'])})\s+$")


def _since_cues(doc: Document, lexicon: Lexicon) -> list[_Cue]:
    """"30 năm qua, kể từ năm 1994", "over the past 30 years since 1994" → 2024.

    The year must be the period's start ("kể từ", "since"): "the sixth talks in
    two years, the second in 2023" counts nothing from 2023.
    """
    spans, since = _since_patterns(lexicon)
    for sent in doc.layer("sents"):
        text = doc.span_text(sent)
        match = next((m for p in spans if (m := p.search(text))), None)
        if match is None:
            continue
        years = [s.value.year for s in doc.in_range("dates", sent.start, sent.end)
                 if s.value.year is not None and s.value.month is None and not s.value.is_range
                 and since.search(doc.text, sent.start, s.start)]
        if len(years) == 1:
            return [_Cue(years[0] + int(match.group("n")), SINCE_WEIGHT, "article context")]
    return []


_WEEKDAY_SEARCH = 12
"""Years after a lower bound searched for one where a stated weekday falls on its day (it recurs within 11)."""


def _dateline_weekday(doc: Document, line: Dateline | None) -> tuple[int, int, int] | None:
    """"New Delhi, July 27 (ANI): ... on Thursday held talks": the dateline's day is the weekday its
    first sentence tells of (month, day, weekday), unless that weekday is pointed before or after it.
    Only an agency's wire copy, filed the day it tells of: a paper's "VIETNAM, December 6 - ... on Monday"
    may be printed the morning after."""
    if line is None or line.value is None or line.value.day is None or line.value.year is not None or not line.agency:
        return None
    sent = doc.sentence_of(line.end)
    if sent is None:
        return None
    for span in doc.in_range("dates", line.end, sent.end):
        v = span.value
        if v.weekday is not None and v.month is None:
            return (line.value.month, line.value.day, v.weekday) if v.direction == 0 else None
    return None


LATEST_WEEKDAY_YEAR = 2026
"""The latest year a weekday and day alone may name, for a copy with no other date ("Tokyo, August 29 (ANI):
... on Friday"): the year of the newest articles bilat's data was checked against. News is read soon after it
is written, and the day falls on that weekday once in five to eleven years, so the most recent such year is
the likeliest; raise it as the data is checked against newer articles."""
WEEKDAY_NEAR = 2
"""Years either side of the weightiest cue's where a stated weekday and day may fix the year: a day
falls on the same weekday again after five, six or eleven years, so at most one such year lies this near."""


def _weekday_cues(doc: Document, found: list[_Cue], after: tuple[int, int] | None,
                  dated: tuple[int, int, int] | None = None, bounded: int | None = None) -> list[_Cue]:
    """"Thursday (July 13)", "thứ Năm (13/7)": the candidate years where that day is that weekday;
    so too the dateline's day and its first sentence's weekday (``dated``).

    When no candidate fits, the first such year from the article's lower bound on, else the one
    nearest the weightiest cue or the latest year the article's future talk allows (``bounded``).
    """
    stated = {(v.month, v.day, v.weekday) for v in (s.value for s in doc.layer("dates"))
              if v.weekday is not None and v.month is not None and v.day is not None and v.year is None}
    if dated is not None:
        stated.add(dated)
    out: list[_Cue] = []
    for month, day, weekday in sorted(stated):
        def fits(year: int) -> bool:
            return _is_day(year, month, day) and date(year, month, day).weekday() == weekday

        fitting = sorted({c.year for c in found if fits(c.year)})
        if not fitting and after is not None:
            fitting = [y for y in range(after[0], after[0] + _WEEKDAY_SEARCH) if fits(y)][:1]
        elif not fitting and (found or bounded is not None):  # a weak cue's year may be one or two off
            guess = max(found, key=lambda c: c.weight).year if found else bounded
            fitting = [y for y in range(guess - WEEKDAY_NEAR, guess + WEEKDAY_NEAR + 1) if fits(y)][:1]
        elif not fitting:  # nothing else dates the article: the latest year the day and weekday fit
            fitting = [y for y in range(LATEST_WEEKDAY_YEAR, LATEST_WEEKDAY_YEAR - _WEEKDAY_SEARCH, -1) if fits(y)][:1]
        out += [_Cue(y, WEEKDAY_WEIGHT, "weekday") for y in fitting]
    return out


def _bounded_year(doc: Document, cues: dict[str, list[str]]) -> tuple[int | None, tuple[int, int] | None]:
    """The latest year the article's future talk allows, and a lower bound from its past.

    Years in sentences about what will happen are upper bounds (a target year
    lies ahead, so the article is at least a year earlier; a plan for a short
    period is made by the time it starts); stated years of past events are
    lower bounds.
    """
    deadline = _deadline_re(tuple(cues["deadline"]))
    upper: list[int] = []
    lower: list[tuple[int, int]] = []
    for sent in doc.layer("sents"):
        future = _is_future(doc, sent, cues)
        target = future and _mentions(doc.span_text(sent), cues["target"])
        for span in doc.in_range("dates", sent.start, sent.end):
            v = span.value
            if v.year is None:
                continue
            if not v.is_range and v.month is None and deadline.search(doc.text, sent.start, span.start):
                upper.append(v.year - 1)  # "lộ trình đến năm 2030", "by 2030": a deadline lies ahead
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
    latest_past = max(lower) if lower else None
    if upper:
        floor = max((y for y, _ in lower), default=min(upper))
        return max(min(upper), floor), latest_past
    return None, latest_past


# --- resolving ---------------------------------------------------------------


def anchor_of(doc: Document) -> Anchor:
    """The anchor the ``anchor`` component inferred (an empty one before it ran)."""
    layer = doc.layer("anchor")
    return layer[0] if layer else Anchor()


def _year_for(month: int | None, direction: int, anchor: Anchor, day: int | None = None,
              upcoming: bool = False) -> int | None:
    if anchor.year is None:
        if anchor.after is None or month is None:
            return None
        return anchor.after[0] if month >= anchor.after[1] else anchor.after[0] + 1
    if upcoming and anchor.month is not None and month is not None:
        return anchor.year if (month, day or _LAST_DAY) >= (anchor.month, anchor.day or 1) else anchor.year + 1
    if direction and day is not None and month == anchor.month and anchor.day is not None:
        ahead = day > anchor.day  # "ngày 20/3 tới" in a 12 March article is this March
        return anchor.year if ahead == (direction > 0) else anchor.year + direction
    if direction and anchor.month is not None and month is not None:
        if direction < 0:  # "last May"
            return anchor.year if month < anchor.month else anchor.year - 1
        return anchor.year if month > anchor.month else anchor.year + 1  # "next May"
    if anchor.month is not None and month is not None and month > anchor.month + 6:
        return anchor.year - 1  # "28/12" in a January article is last December
    return anchor.year


_LAST_DAY = 31
"""A month named without a day reaches its last day: "in March" is still ahead on 12 March."""


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}"


def _day_of(anchor: Anchor) -> date | None:
    """The article's own day, when the anchor is certain of it."""
    if anchor.knows_day and anchor.year and anchor.month and anchor.day:
        return date(anchor.year, anchor.month, anchor.day)
    return None


def _weekday_near(day: date, weekday: int, direction: int) -> date:
    """The ``weekday`` a news report means, counted from its own ``day``.

    A report tells of the past days: the latest such weekday on or before it; a
    sentence about what will happen ("will meet on Thursday", "next Thursday"),
    the first after it; "last Thursday", the latest before it.
    """
    if direction > 0:
        return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    back = (day.weekday() - weekday) % 7
    return day - timedelta(days=back or (7 if direction < 0 else 0))


def _counted_day(value: DateValue, anchor: Anchor) -> str | None:
    """"today", "yesterday", "on Thursday": a day counted from the article's own, when that is known."""
    today = _day_of(anchor)
    if today is None:
        return None
    if value.weekday is not None:
        return _weekday_near(today, value.weekday, value.direction).isoformat()
    return (today + timedelta(days=value.relative_day or 0)).isoformat()


def _counted_week(week: tuple[int, int | None, int | None], anchor: Anchor) -> str | None:
    """"last week" in an article of Wednesday 2024-05-15 is 2024-05-06/2024-05-12; "earlier this
    week" 2024-05-13/2024-05-15: the days meant, when the article's own day is known."""
    today = _day_of(anchor)
    if today is None:
        return None
    weeks, first, last = week
    monday = today - timedelta(days=today.weekday() - 7 * weeks)
    start = today if first is None else monday + timedelta(days=first)
    end = today if last is None else monday + timedelta(days=last)
    if end < start:
        return None
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def resolve(value: DateValue, anchor: Anchor) -> str | None:
    """The ISO date or interval of ``value``, completing a missing year from ``anchor``."""
    if value.narrative_day is not None:
        return None
    if value.relative_day is not None or (value.weekday is not None and value.month is None):
        return _counted_day(value, anchor)
    if value.relative_week is not None:
        return _counted_week(value.relative_week, anchor)
    if value.relative_month is not None:  # "next month" in an article of November 2023 is 2023-12
        if anchor.year is None or anchor.month is None:
            return None
        months = anchor.year * 12 + anchor.month - 1 + value.relative_month
        return _iso(months // 12, months % 12 + 1)
    if value.relative_year is not None or value.first_months is not None:
        year = value.year
        if year is None:
            if anchor.year is None:
                return None
            year = anchor.year + (value.relative_year or 0)
        if value.end_month is not None:  # "tháng 3-5 năm nay"
            return f"{_iso(year, value.month)}/{_iso(year, value.end_month)}"
        if value.first_months is None:
            return _iso(year, value.month)
        return f"{_iso(year, 1)}/{_iso(year, value.first_months)}"
    year = value.year if value.year is not None else _year_for(value.month, value.direction, anchor, value.day, value.upcoming)
    if year is None:
        return None
    start = _iso(year, value.month, value.day)
    if not value.is_range:
        return start
    end_year = value.end_year
    if end_year is None:  # "December 30 to January 2" ends in the next year
        end_year = year + 1 if value.month and value.end_month and value.end_month < value.month else year
    return f"{start}/{_iso(end_year, value.end_month, value.end_day)}"


def date_in(doc: Document, start: int, end: int, *, terms: bool = True) -> str | None:
    """The resolved date of the first date expression inside ``[start, end)``; without ``terms``, of the first
    that is no term of years ("for the 2025-27 period" is how long a document runs, not when it was signed)
    nor a deadline ("ratify the agreement by December" is when it is due)."""
    anchor = anchor_of(doc)
    deadline = _deadline_re(tuple(load(doc.lang)["dates"]["cues"]["deadline"]))
    for span in doc.in_range("dates", start, end):
        if not terms and span.value.end_year is not None and span.value.end_year != span.value.year:
            continue
        if not terms and _after_deadline(doc, span, deadline):
            continue
        resolved = resolve(span.value, anchor)
        if resolved is not None:
            return resolved
    return None


def period_in(doc: Document, start: int, end: int) -> str | None:
    """The reporting period stated inside ``[start, end)``: a year, months or a range, never one day."""
    anchor = anchor_of(doc)
    for span in doc.in_range("dates", start, end):
        if not span.value.has_day:
            resolved = resolve(span.value, anchor)
            if resolved is not None:
                return resolved
    return None
