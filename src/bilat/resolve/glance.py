"""A relationship's record at a glance: what a bilateral note opens with.

``glance(record)`` reads a record as ``store.relation`` builds it (plain
data, before any filter or language) and returns, as plain data: the
current framework, the last high-level contact, what is planned next, the
open items with their age, the latest trade figure and the counts of
sources. Pages, the terminal and briefings word it in their language.

Open items are the record's unfulfilled invitations, acceptances, proposals
and commitments that are concrete by the test extraction applies to a step
(FACTS.md): a named document, mechanism, visit, amount, organisation or
date. "Thúc đẩy hợp tác nông nghiệp" is communiqué boilerplate, not an item.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from bilat.extract.components.events import OBJECT_WORDS
from bilat.isodates import day_range
from bilat.resolve.agreements import scope_words
from bilat.lang import LANGUAGES, alternation, load
from bilat.text import fold

FRAMEWORK_LEVELS = (
    "diplomatic_relations", "other", "partnership", "comprehensive_partnership", "strategic_partnership",
    "comprehensive_strategic_partnership", "special_relationship",
)
"""Frameworks from lowest to highest (FACTS.md's levels; ``other`` is a named level bilat cannot place, above
relations alone). Relations are upgraded, not downgraded, in the press: the highest reached is the current one."""
HIGH_LEVEL = frozenset({
    "head_of_state", "vice_head_of_state", "head_of_government", "deputy_head_of_government",
    "head_of_legislature", "party_leader", "foreign_minister", "minister",
})
"""Offices whose contacts a bilateral note reports as high-level: leaders and ministers, not their deputies."""
CONTACTS = frozenset({"VISIT", "MEET"})
ALWAYS_CONCRETE = frozenset({"INVITE", "ACCEPT"})
"""What they promise is a visit: a deliverable by itself."""
NAMED_KINDS = frozenset({"VISA_EXEMPTION", "INVESTMENT_PROTECTION", "DOUBLE_TAXATION", "TRADE"})
"""Agreements whose scope names one document ("investment protection"); a cooperation MoU's ("agriculture") a field."""
_DIGIT = re.compile(r"\d")
"""A number in a step is an amount, a session or a year: something one can check was done."""


def framework_history(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The frameworks the relationship reached, lowest first, each with the first event that reached it."""
    rank = {level: i for i, level in enumerate(FRAMEWORK_LEVELS)}
    reached: dict[str, dict[str, Any]] = {}
    steps = [e for e in events if e["type"] == "ESTABLISH_RELATIONS" and e.get("framework") in rank]
    for event in sorted(steps, key=lambda e: (_first_day(e) or "9999", e["id"])):
        reached.setdefault(event["framework"], {
            "framework": event["framework"], "date": event["date"], "event": event["id"], "upgrade": event["upgrade"],
        })
    return sorted(reached.values(), key=lambda f: rank[f["framework"]])


def glance(record: dict[str, Any]) -> dict[str, Any]:
    """The record's summary (see the module's docstring); ``as_of`` is the latest date of its articles."""
    events = record["events"]
    by_id = {e["id"]: e for e in events}
    as_of = _as_of(record)
    frameworks = record.get("frameworks") or framework_history(events)
    scopes = {words for a in record["agreements"] if a["kind"] in NAMED_KINDS and (words := scope_words(a["scope"]))}
    return {
        "as_of": as_of,
        "framework": frameworks[-1] if frameworks else None,
        "last_contact": _last_contact(events, {p["id"]: p["office"] for p in record["persons"]}),
        "next": [_item(e, as_of) for e in events if _planned_next(e, events)],
        "open": [_item(by_id[i], as_of) for i in record["open"] if i in by_id and concrete(by_id[i], scopes)],
        "trade": _latest_trade(record["figures"]),
        "sources": {"articles": record["articles"], "languages": record["languages"]},
    }


def concrete(event: dict[str, Any], scopes: set[frozenset[str]]) -> bool:
    """Whether an open item promises something one could check was done (the module's docstring).

    ``scopes`` are the words of the record's agreements' scopes: a proposal whose object is one
    ("investment protection") proposes that agreement.
    """
    if event["type"] in ALWAYS_CONCRETE or event.get("agreement_id") or scope_words(event.get("object")) in scopes:
        return True
    text = event.get("object") or ""
    words = f" {fold(text)} "
    if _DIGIT.search(text) or any(_acronym(w) for w in text.split()):
        return True
    return any(lexicon.deliverables.search(words) or lexicon.orgs.search(words) for lexicon in map(_lexicon, LANGUAGES))


def _acronym(word: str) -> bool:
    """"APEC", "CEPA", "UN": a body or a document named by its letters."""
    letters = word.strip(",.;:()")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


class _Words:
    def __init__(self, lang: str) -> None:
        lexicon = load(lang)
        self.deliverables = _phrases(lexicon.table("events", "deliverables"))
        self.orgs = _phrases(lexicon.table("orgs", "names"))


@cache
def _lexicon(lang: str) -> _Words:
    return _Words(lang)


def _phrases(words: Any) -> re.Pattern[str]:
    """Whole folded phrases among a folded text padded with spaces."""
    return re.compile(rf"(?<!\w)(?:{alternation(fold(w) for w in words)})(?!\w)")


def worded(text: str | None, quote: str | None, dangling: frozenset[str]) -> str | None:
    """An object as a whole phrase of its clause.

    Extraction keeps ``OBJECT_WORDS`` words of the clause: an object that
    long was cut, and runs on in its sentence (the source's quote) to the end
    of its clause ("… tại Liên hợp quốc và" → "… tại Liên hợp quốc và các cơ
    chế đa phương quốc tế"). Whatever its length, it does not end on a word no
    phrase ends on ("… and").
    """
    if not text:
        return text
    at = quote.find(text) if quote and len(text.split()) >= OBJECT_WORDS else -1
    if quote and at >= 0:
        end = _CLAUSE_END.search(quote, at + len(text))
        text = quote[at:end.start() if end else len(quote)]
    words = text.split()
    while words and fold(words[-1].strip(",;:")) in dangling:
        words.pop()
    return " ".join(words).strip(" ,;:") or text


_CLAUSE_END = re.compile(r"[,;.!?\n]")
"""Where a clause ends in a sentence: a comma, a semicolon, the sentence's end."""


@cache
def dangling_words() -> frozenset[str]:
    """Words no phrase ends on, in every language read: conjunctions and prepositions."""
    return frozenset(fold(w) for lang in LANGUAGES for w in load(lang).table("record", "dangling_words"))


def _item(event: dict[str, Any], as_of: str | None) -> dict[str, Any]:
    first = _first_day(event)
    age = (date.fromisoformat(as_of) - date.fromisoformat(first)).days if as_of and first else None
    source = event["sources"][0] if event["sources"] else None
    return {
        "event": event["id"], "type": event["type"], "actors": event["actors"], "date": event["date"],
        "object": worded(event.get("object"), source["quote"] if source else None, dangling_words()),
        "agreement_id": event.get("agreement_id"), "age_days": age, "quote": source["quote"] if source else None,
        "article": source["article"] if source else None,
    }


def _first_day(event: dict[str, Any]) -> str | None:
    """When the event was (its first day), else when it was first reported (its first article's date)."""
    days = day_range(event["date"]) or min(
        (d for d in (day_range(s["published"]) for s in event["sources"]) if d), default=None
    )
    return days[0] if days else None


def _as_of(record: dict[str, Any]) -> str | None:
    sections = ("events", "agreements", "mechanisms", "memberships", "figures")
    published = [
        d[1] for section in sections for x in record[section] for s in x["sources"]
        if (d := day_range(s["published"])) is not None
    ]
    return max(published, default=None)


def _last_contact(events: list[dict[str, Any]], office_of: dict[str, str | None]) -> dict[str, Any] | None:
    def high(event: dict[str, Any]) -> bool:
        offices = {office_of.get(p) for p in event["person_ids"]}
        counterpart = event.get("counterpart") or {}
        return bool((offices | {counterpart.get("office")}) & HIGH_LEVEL)

    contacts = [e for e in events if e["type"] in CONTACTS and e["status"] != "planned" and e["date"] and high(e)]
    if not contacts:
        return None
    last = max(contacts, key=lambda e: ((day_range(e["date"]) or ("", ""))[1], e["id"]))
    trip = next((e for e in events if e["id"] == last.get("trip_id")), last)  # a trip is one contact, its visit
    return {"event": trip["id"], "type": trip["type"], "date": trip["date"], "actors": trip["actors"],
            "persons": trip["persons"], "counterpart": trip.get("counterpart")}


def _planned_next(event: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    """An accepted invitation nothing fulfilled yet, or an announced visit no visit since made."""
    if event["type"] == "ACCEPT":
        return not event["fulfilled_by"]
    if event["type"] != "VISIT" or event["status"] != "planned":
        return False
    start = _first_day(event) or ""
    return not any(
        e["type"] == "VISIT" and e["status"] != "planned" and e["actors"] == event["actors"] and (_first_day(e) or "") >= start
        for e in events
    )


def _latest_trade(figures: list[dict[str, Any]]) -> dict[str, Any] | None:
    trade = [f for f in figures if f["indicator"] == "bilateral_trade" and day_range(f["period"])]
    if not trade:
        return None
    latest = max(trade, key=lambda f: (day_range(f["period"])[1], not f["approx"], f["id"]))  # type: ignore[index]
    return {key: latest[key] for key in ("id", "period", "value", "unit", "approx")}
