"""JSON Lines of the merged record: one line per fact, its section, id, fields, and sources with their quotes."""

from __future__ import annotations

import json

from bilat.export.facts import Exported


def fact_line(exported: Exported) -> str:
    """``{"section": "events", "id": "e…", "fields": {...}, "sources": [...]}`` and a newline; UTF-8 as written.

    ``fields`` are the record's (``store.relation``): for an event its type,
    actors, date, persons, links...; a shared membership has no id (None).
    """
    fact = exported.fact
    fields = {key: value for key, value in fact.items() if key not in ("id", "sources")}
    line = {"section": exported.section, "id": fact.get("id"), "fields": fields, "sources": fact["sources"]}
    return json.dumps(line, ensure_ascii=False) + "\n"
