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
    if seen.get("lang") == lang and seen["title"]:
        return str(seen["title"])
    same = [o for o in offices if o["office"] == seen["office"] and o["lang"] == lang and o["title"]]
    at_date = [o for o in same if o["date"] == seen.get("date")]
    return str((at_date or same)[-1]["title"]) if same else label(lang, "offices", seen["office"])


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
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return value
    if not 1 <= len(numbers) <= 3 or (len(numbers) > 1 and not 1 <= numbers[1] <= 12):
        return value
    if len(numbers) == 3 and not 1 <= numbers[2] <= monthrange(numbers[0], numbers[1])[1]:
        return value  # "2024-02-30" is no day: shown as stored, not as a date
    fields = {"year": numbers[0]}
    if len(numbers) > 1:
        fields |= {"month": numbers[1], "month_name": words["month_names"][numbers[1] - 1]}
    if len(numbers) > 2:
        fields["day"] = numbers[2]
    return words[("year", "month", "day")[len(numbers) - 1]].format(**fields)


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
