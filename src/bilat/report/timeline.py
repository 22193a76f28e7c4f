"""The timeline as a reader scans it: newest first, each trip one entry with its parts under it, background apart.

The store groups a visit with the meetings, signings and statements of its
days (``resolve.trips``: each event's ``trip_id``, each visit's ``parts``) and
marks what an article only recalls (``background``). Pages and the terminal
show a trip as its visit with its parts under it, not as six rows of one date,
and keep the history the articles recall apart from what happened. A meeting
names whom it was with (``counterpart``), in the reader's words
(``lang/*/timeline.toml``, offices as the press titles them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bilat.lang import load
from bilat.report.labels import country, event_label
from bilat.report.press import office_name
from bilat.resolve.glance import dangling_words, worded

MUTUAL_TYPES = frozenset({"MEET", "ESTABLISH_RELATIONS", "SIGN"})
"""Events both sides do together: shown "A – B" rather than "A → B"."""
_MUTUAL = " – "
_DIRECTED = " → "
_UNNAMED_OFFICE = "other"
"""The office code that names no office (FACTS.md): a counterpart holding it is named by person only."""


@dataclass(frozen=True)
class Entry:
    """One entry of the timeline: an event, and for a visit the events of its trip, in the order of its days.

    ``shown`` is False for a visit the filters left out, shown only as the
    trip of parts they kept.
    """

    event: dict[str, Any]
    parts: list[dict[str, Any]] = field(default_factory=list)
    shown: bool = True


def grouped_timeline(events: Iterable[dict[str, Any]], every: Mapping[str, dict[str, Any]]) -> tuple[list[Entry], list[Entry]]:
    """What happened and what the articles recall, each newest first (undated last), a trip once with its parts.

    ``events`` are those to show (a record's, filtered or not); ``every`` is
    all the record's events by id, so that parts kept by a filter still show
    under their visit.
    """
    events = list(events)
    shown = {e["id"] for e in events}
    parts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    tops = []
    for event in events:
        trip = event.get("trip_id")
        if trip and trip != event["id"] and trip in every:
            parts[trip].append(event)
        else:
            tops.append(event)
    tops += [every[trip] for trip in parts if trip not in shown]
    entries = [Entry(e, sorted(parts.get(e["id"], []), key=_day_order), e["id"] in shown) for e in newest_first(tops)]
    return [x for x in entries if not x.event.get("background")], [x for x in entries if x.event.get("background")]


def newest_first(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The latest start first, undated last; events of one date in the record's order."""
    events = list(events)
    dated = sorted((e for e in events if e["sort_date"]), key=lambda e: e["sort_date"], reverse=True)
    return dated + [e for e in events if not e["sort_date"]]


def _day_order(event: dict[str, Any]) -> tuple[str, str]:
    return event["sort_date"] or "9999", event["id"]


def describe(event: dict[str, Any], lang: str) -> str:
    """"Visit: Vietnam → Peru", "Meeting: Vietnam – Peru": the event's kind (an upgrade as one) and its sides."""
    joiner = _MUTUAL if event["type"] in MUTUAL_TYPES else _DIRECTED
    return f"{event_label(event, lang)}: {joiner.join(country(c, lang) for c in event['actors'])}"


def object_text(event: dict[str, Any]) -> str:
    """What the event was about, as a whole phrase of the sentence stating it (``resolve.glance.worded``), not cut
    mid-phrase where extraction stopped counting words ("… tại Liên hợp quốc và")."""
    quote = event["sources"][0]["quote"] if event["sources"] else None
    return worded(event.get("object"), quote, dangling_words()) or ""


def counterpart_text(counterpart: Mapping[str, Any] | None, lang: str) -> str:
    """Whom a meeting's side was met as: "with the President of the Congress of Peru, José Jerí"; "" when unknown."""
    if not counterpart:
        return ""
    words = load(lang).table("timeline", "counterpart")
    code, office, name = counterpart["country"], counterpart.get("office"), counterpart.get("name")
    title = office_name(office, code, lang) if office and office != _UNNAMED_OFFICE else ""
    if title:
        return str(words["named" if name else "office"].format(office=title, country=country(code, lang), name=name))
    return str(words["person"].format(name=name)) if name else ""


def inferred_text(source: str, lang: str) -> str:
    """"inferred from «source»": where a counterpart's name was read, when no sentence of the meeting gives it."""
    return str(load(lang).table("timeline", "counterpart")["inferred"].format(source=source))


def timeline_words(lang: str) -> dict[str, Any]:
    """The timeline's own words (``lang/{lang}/timeline.toml``): the recalled section, the mark of a trip's part."""
    return load(lang)["timeline"]
