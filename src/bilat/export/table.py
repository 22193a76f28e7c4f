"""CSV: one table per section of the record, one row per fact, its sources in the last columns.

The columns of a section are its store table's (``store.models``), in their
order, then what the record adds (an event's person ids, whether it is open,
what fulfils it), then the sources: how many, their articles, web addresses
and evidence quotes. A list (countries, names, ids) fills one cell.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from bilat.store import models as m

LIST_SEPARATOR = "; "
"""Between the items of a list in one cell: a comma would read as the CSV's own separator to a reader's eye."""
QUOTE_SEPARATOR = " | "
"""Between the evidence quotes of a fact's sources: sentences hold commas and semicolons, seldom a bar."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts (OWASP, "CSV Injection"): article text is anyone's, so such
a text cell gets a leading apostrophe, which spreadsheets show as text and do not display."""


def _columns(model: type[m.Base], *added: str) -> tuple[str, ...]:
    return (*(column.key for column in model.__table__.columns), *added)


COLUMNS = {
    "events": _columns(m.Event, "person_ids", "open", "agreement_kind", "fulfilled_by", "fulfils"),
    "agreements": _columns(m.Agreement, "history"),
    "mechanisms": _columns(m.Mechanism),
    "memberships": ("org", "countries"),
    "figures": _columns(m.Figure),
    "persons": _columns(m.Person, "offices", "sightings"),
}
"""Each section's columns before the sources: the facts' own. An event's ``persons`` are names, its ``person_ids`` ids."""
SOURCE_COLUMNS = ("source_count", "articles", "urls", "quotes")
STEPS = {"history": ("status", "date"), "offices": ("office", "date")}
"""The columns holding a list of steps, and what a cell shows of each ("signed 2024-11-14; in_force 2025")."""


class CsvTable:
    """The CSV text of one section, a line at a time (the ``csv`` module's quoting, RFC 4180 line ends)."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.columns = (*COLUMNS[section], *SOURCE_COLUMNS)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)

    def header(self) -> str:
        return self._line(self.columns)

    def row(self, fact: dict[str, Any]) -> str:
        sources = fact["sources"]
        cited = {
            "source_count": len(sources),
            "articles": list(dict.fromkeys(s["article"] for s in sources)),
            "urls": list(dict.fromkeys(s["url"] for s in sources if s["url"])),
            "quotes": QUOTE_SEPARATOR.join(s["quote"] or "" for s in sources),
        }
        return self._line([_cell(column, {**fact, **cited}.get(column)) for column in self.columns])

    def _line(self, cells: Any) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue()


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 500000000, not 500000000.0
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        if column in STEPS:
            value = [" ".join(str(step[k]) for k in STEPS[column] if step[k] is not None) for step in value]
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
