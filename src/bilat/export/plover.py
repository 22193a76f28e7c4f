"""The record's events in the PLOVER event data model, one JSON object a line.

PLOVER (the Political Language Ontology for Verifiable Event Records) codes
an event as a type (``CONSULT``, ``AGREE``...), a mode, contexts, an actor
and a recipient, a date and the text it was coded from. bilat's types map to
its types as FACTS.md gives them (``data/plover.toml``); the actor is the
event's initiator (the visitor, the inviter), the recipient the other side,
both ISO 3166-1 alpha-2 codes as everywhere in bilat. What PLOVER has no
field for (bilat's type and status, the stated date with its precision, the
persons, place, occasion and object) is kept under ``bilat``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from bilat.errors import LexiconError
from bilat.export.facts import Exported
from bilat.lang import load_shared


@cache
def mapping() -> dict[str, dict[str, Any]]:
    """Each bilat event type → its PLOVER ``event_type`` and ``mode`` (None where FACTS.md gives none)."""
    types: dict[str, dict[str, Any]] = load_shared("plover")["types"]
    return {name: {"event_type": entry["event_type"], "mode": entry.get("mode")} for name, entry in types.items()}


def _contexts() -> dict[str, str]:
    contexts: dict[str, str] = load_shared("plover")["contexts"]
    return contexts


def plover_event(exported: Exported) -> dict[str, Any]:
    """One event as a PLOVER event; its ``date`` is the first day the stated one can mean (``sort_date``)."""
    event = exported.fact
    try:
        coded = mapping()[event["type"]]
    except KeyError:
        raise LexiconError(f"data/plover.toml maps no event type {event['type']!r}") from None
    context = _contexts().get(event.get("agreement_kind") or "")
    actors = event["actors"]
    return {
        "id": event["id"],
        "date": event["sort_date"],
        **coded,
        "context": [context] if context else [],
        "actor": actors[0] if actors else None,
        "recipient": actors[1] if len(actors) > 1 else None,
        "text": next((s["quote"] for s in event["sources"] if s["quote"]), None),
        "source_ids": list(dict.fromkeys(s["article"] for s in event["sources"])),
        "bilat": {key: event[key] for key in ("type", "status", "date", "actors", "persons", "place", "occasion", "object")},
    }


def plover_line(exported: Exported) -> str:
    return json.dumps(plover_event(exported), ensure_ascii=False) + "\n"
