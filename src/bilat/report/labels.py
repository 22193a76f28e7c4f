"""Words for the record's codes, dates and amounts in the reader's language (``lang/*/labels.toml``).

Pages and briefings never show a bare code such as ``VISIT`` or ``in_force``
when the language has a word for it, nor an ISO date when the reader writes
"12/11/2024" or "12 November 2024".
"""

from __future__ import annotations

from calendar import monthrange
from typing import Any

from bilat.countries import country_name
from bilat.lang import load

READER_LANGUAGES = ("vi", "en")
"""Languages of the interface and of briefings."""


def label(lang: str, table: str, code: str | None) -> str:
    """The word for ``code`` in ``[table]`` of ``lang/{lang}/labels.toml``; the code itself when there is none."""
    if code is None:
        return ""
    words: dict[str, str] = load(lang).table("labels", table)
    return words.get(code, code)


def event_label(event: dict[str, Any], lang: str) -> str:
    """An event's kind in ``lang``: an ESTABLISH_RELATIONS that reached a partnership reads as the upgrade it is
    ("Upgrade of relations to Comprehensive strategic partnership"), not as relations established."""
    if event.get("type") != "ESTABLISH_RELATIONS":
        return label(lang, "event_types", event.get("type"))
    steps = load(lang).table("labels", "relations_steps")
    if not event.get("upgrade"):
        return str(steps["establishment"]) if event.get("framework") else label(lang, "event_types", event["type"])
    framework = event.get("framework")
    return str(steps["upgrade_to"]).format(framework=label(lang, "frameworks", framework)) if framework else str(steps["upgrade"])


def office_title(offices: list[dict[str, Any]], seen: dict[str, Any], lang: str) -> str:
    """The office ``seen`` (one of a person's ``offices``, ``store.relation``) as a reader of ``lang`` knows it.

    Titles are quoted in their article's language ("Chủ tịch nước", "President"):
    that of the observation itself, else of one of the same office at the same
    date, else at any date. When no article in ``lang`` shows the person in that
    office, the office is named in ``lang`` ("Bộ trưởng Ngoại giao" for an
    English article's "External Affairs Minister"): a title in another language
    would leave the reader with a foreign word.
    """
    return stated_title(offices, seen, lang) or label(lang, "offices", seen["office"])


def stated_title(offices: list[dict[str, Any]], seen: dict[str, Any], lang: str) -> str | None:
    """The title an article in ``lang`` gives for the office ``seen`` (as ``office_title`` picks it), or None."""
    if seen.get("lang") == lang and seen["title"]:
        return str(seen["title"])
    same = [o for o in offices if o["office"] == seen["office"] and o["lang"] == lang and o["title"]]
    at_date = [o for o in same if o["date"] == seen.get("date")]
    return str((at_date or same)[-1]["title"]) if same else None


def country(code: str | None, lang: str) -> str:
    return country_name(code, lang) if code else ""


def date_text(value: str | None, lang: str) -> str:
    """An ISO date, month, year or ``start/end`` range as the reader writes it."""
    words = load(lang).table("labels", "dates")
    if not value:
        return words["undated"]
    if "/" in value:
        start, end = value.split("/", 1)
        return words["range"].format(start=date_text(start, lang), end=date_text(end, lang))
    numbers = _date_parts(value)
    if numbers is None:
        return value  # "2024-02-30" is no day: shown as stored, not as a date
    fields = {"year": numbers[0]}
    if len(numbers) > 1:
        fields |= {"month": numbers[1], "month_name": words["month_names"][numbers[1] - 1]}
    if len(numbers) > 2:
        fields["day"] = numbers[2]
    return words[("year", "month", "day")[len(numbers) - 1]].format(**fields)


def range_text(value: str, lang: str) -> str:
    """An ISO ``start/end`` span as the press writes it: "12–16 November 2024", "từ ngày 12 đến 16/11/2024".

    What both ends share (the month, the year) is said once; ends of
    different precision, or that are no dates, are joined whole.
    """
    words = load(lang).table("labels", "ranges")
    start, _, end = value.partition("/")
    first, last = _date_parts(start), _date_parts(end)
    fields: dict[str, Any] = {"start": date_text(start, lang), "end": date_text(end, lang)}
    if first is None or last is None or len(first) != len(last):
        return str(words["other"].format(**fields))
    names = load(lang).table("labels", "dates")["month_names"]
    for side, parts in (("start", first), ("end", last)):
        fields[f"{side}_year"] = parts[0]
        if len(parts) > 1:
            fields |= {f"{side}_month": parts[1], f"{side}_month_name": names[parts[1] - 1]}
        if len(parts) > 2:
            fields[f"{side}_day"] = parts[2]
    return str(words[_range_shape(first, last)].format(**fields, year=last[0]))


def _range_shape(first: list[int], last: list[int]) -> str:
    """Which ``[ranges]`` template writes a span whose ends have the same precision: by what they share."""
    if len(first) == 1:
        return "year"
    if first[0] != last[0]:  # across years: each end whole ("28 December 2024 – 2 January 2025")
        return "days" if len(first) == 3 else "other"
    if len(first) == 2:
        return "month_same_year"
    return "day_same_month" if first[1] == last[1] else "day_same_year"


def _date_parts(value: str) -> list[int] | None:
    """``2024-11-12`` → [2024, 11, 12] (year, month, day as far as given); None when it is no real date."""
    try:
        numbers = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    if not 1 <= len(numbers) <= 3 or (len(numbers) > 1 and not 1 <= numbers[1] <= 12):
        return None
    if len(numbers) == 3 and not 1 <= numbers[2] <= monthrange(numbers[0], numbers[1])[1]:
        return None
    return numbers


def amount_text(value: float, unit: str, approx: bool, lang: str) -> str:
    """``500000000, USD, approx`` → "khoảng 500 triệu USD" / "about 500 million USD"."""
    words = load(lang).table("labels", "amounts")
    scale_word = ""
    for size, word in words["scales"]:
        if round(abs(value) / size, 2) >= 1:  # by the number as shown: 999 999 999 is "1 tỷ", not "1.000 triệu"
            value, scale_word = value / size, word
            break
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if words["decimal"] != ".":
        number = number.replace(",", " ").replace(".", words["decimal"]).replace(" ", ".")
    text = words["pattern"].format(number=number, scale=scale_word, unit=unit).replace("  ", " ").strip()
    return words["approx"] + text if approx else text
