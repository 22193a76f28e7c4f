"""The relationship record, the office holders and the skipped inputs as Rich tables, for the CLI."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

_DIRECTED = " → "
_MUTUAL = " – "
_MUTUAL_TYPES = ("MEET", "ESTABLISH_RELATIONS")


def print_relation(console: Console, record: dict[str, Any]) -> None:
    first, second = record["countries"]
    console.print(Text(f"{first['name']} – {second['name']}", style="bold"),
                  f"({first['code']}–{second['code']}, from {record['articles']} "
                  f"article{'' if record['articles'] == 1 else 's'})")
    events = {e["id"]: e for e in record["events"]}
    console.print(_section("Timeline", ["date", "event", "persons", "place, occasion", "status", "id"], [
        [e["date"] or "undated", _what(e), ", ".join(e["persons"]), _join(e["place"], e["occasion"]), e["status"],
         e["id"] + _sources_note(e)]
        for e in record["events"]
    ]))
    console.print(_section("Agreements", ["kind", "scope", "status", "history", "id"], [
        [a["kind"], a["scope"] or "", a["status"],
         "; ".join(f"{h['status']} {h['date'] or 'as of ' + (h['as_of'] or '?')}" for h in a["history"]), a["id"]]
        for a in record["agreements"]
    ]))
    console.print(_section("Open items (no fulfilment found)", ["date", "item", "object", "id"], [
        [events[i]["date"] or "undated", _what(events[i]), events[i]["object"] or "", i] for i in record["open"]
    ]))
    console.print(_section("Fulfilled", ["item", "fulfilled by", "why"], [
        [f"{_what(e)} {e['date'] or ''}".strip(), link["target"], link["reason"]]
        for e in record["events"] for link in e["links"]
    ]))
    console.print(_section("Mechanisms", ["kind", "level", "name"], [
        [x["kind"], x["level"] or "", x["name"] or ""] for x in record["mechanisms"]
    ]))
    console.print(_section("Shared memberships", ["organisation", "sources"], [
        [x["org"], str(len(x["sources"]))] for x in record["memberships"]
    ]))
    console.print(_section("Figures", ["indicator", "period", "value", "parties"], [
        [f["indicator"], f["period"] or "", f"{'≈' if f['approx'] else ''}{f['value']:,.0f} {f['unit']}",
         (_DIRECTED if f["indicator"] in ("exports", "imports") else _MUTUAL).join(f["parties"])]
        for f in record["figures"]
    ]))
    console.print(_section("Persons", ["name", "country", "office", "also written"], [
        [p["name"], p["country"] or "", p["office"] or "", ", ".join(p["aliases"])] for p in record["persons"]
    ]))


def print_office_holders(console: Console, spells: list[dict[str, Any]], country: str) -> None:
    console.print(_section(f"Office holders of {country}, as seen in the articles",
                           ["office", "person", "title", "first seen", "last seen", "articles"], [
        [s["office"] or "", s["name"], "; ".join(s["titles"]), s["first_seen"] or "", s["last_seen"] or "",
         str(s["articles"])]
        for s in spells
    ]))


def print_skips(console: Console, skips: list[dict[str, Any]]) -> None:
    console.print(_section(f"Inputs not stored ({len(skips)}), as of the latest run that read each file",
                           ["where", "kind", "reason", "when"], [
        [x["where"], x["kind"], x["reason"], x["seen_at"][:19].replace("T", " ")] for x in skips
    ]))


def _section(title: str, columns: list[str], rows: list[list[str]]) -> Group | Text:
    if not rows:
        return Text(f"\n{title}: none", style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        # Dates, codes and ids are read whole; names, quotes and paths wrap, a path folding where it must.
        table.add_column(column, no_wrap=column in _WHOLE, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # as written: a "[fr]" in a name is no markup
    return Group(Text(f"\n{title}", style="bold"), table)


_WHOLE = frozenset({"date", "event", "item", "id", "status", "kind", "fulfilled by", "first seen", "last seen",
                    "period", "value", "indicator", "office", "country", "when"})


def _what(event: dict[str, Any]) -> str:
    separator = _MUTUAL if event["type"] in _MUTUAL_TYPES else _DIRECTED
    return f"{event['type']} {separator.join(event['actors'])}"


def _join(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


def _sources_note(event: dict[str, Any]) -> str:
    count = len(event["sources"])
    return f" ({count} sources)" if count > 1 else ""
