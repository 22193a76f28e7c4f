"""The export formats: what each holds, its media type and file name, and its text as it is written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Engine

from bilat.errors import BilatError
from bilat.export.facts import SECTIONS, Record, exported
from bilat.export.lines import fact_line
from bilat.export.plover import plover_line
from bilat.export.table import CsvTable
from bilat.report.choices import ExportFormat, ExportSection

__all__ = ["ExportFormat", "ExportSection", "file_name", "media_type", "tables", "written"]


DEFAULT_SECTION = "events"
"""The CSV table of an export that names none: the timeline, what a reader takes away first."""
PLOVER_SECTIONS = ("events",)
"""PLOVER codes events; a record's agreements, figures... are not events."""
_MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    # JSON Lines has no registered type; this is the one its readers (jq, pandas, DuckDB) are served with.
    ExportFormat.jsonl: "application/x-ndjson",
    ExportFormat.plover: "application/x-ndjson",
}
_SUFFIXES = {ExportFormat.csv: "csv", ExportFormat.jsonl: "jsonl", ExportFormat.plover: "plover.jsonl"}


def media_type(fmt: ExportFormat) -> str:
    return _MEDIA_TYPES[fmt]


def file_name(fmt: ExportFormat, pair: Iterable[str] | None, section: str | None = None) -> str:
    """``bilat-VN-PE-events.csv``, ``bilat-VN-PE.jsonl``, ``bilat-all.plover.jsonl``: what a download is saved as."""
    parts = ["bilat", "-".join(pair) if pair is not None else "all"]
    if fmt is ExportFormat.csv or (fmt is ExportFormat.jsonl and section):
        parts.append(section or DEFAULT_SECTION)
    return f"{'-'.join(parts)}.{_SUFFIXES[fmt]}"


def written(
    fmt: ExportFormat, engine: Engine, records: Iterable[Record], section: str | None = None, lang: str | None = None,
) -> Iterator[str]:
    """The export's text, a line at a time; a section the format cannot hold is a BilatError here, before any line.

    CSV holds one section (``events`` unless another is named), JSON Lines
    every section or the one named, PLOVER the events.
    """
    if section is not None and section not in SECTIONS:
        raise BilatError(f"no section {section!r}: one of {', '.join(SECTIONS)}")
    if fmt is ExportFormat.plover and section not in (None, *PLOVER_SECTIONS):
        raise BilatError(f"PLOVER codes events only, not {section}: use csv or jsonl for them")
    if fmt is ExportFormat.csv:
        return _table(engine, records, section or DEFAULT_SECTION, lang)
    if fmt is ExportFormat.jsonl:
        return (fact_line(x) for x in exported(engine, records, [section] if section else SECTIONS, lang))
    return (plover_line(x) for x in exported(engine, records, PLOVER_SECTIONS, lang))


def tables(engine: Engine, records: Iterable[Record], lang: str | None = None) -> Iterator[tuple[str, str]]:
    """Every section's CSV table at once, as ``(section, line)``: each header first, then the rows as they come."""
    by_section = {section: CsvTable(section) for section in SECTIONS}
    for section, table in by_section.items():
        yield section, table.header()
    for x in exported(engine, records, SECTIONS, lang):
        yield x.section, by_section[x.section].row(x.fact)


def _table(engine: Engine, records: Iterable[Record], section: str, lang: str | None) -> Iterator[str]:
    table = CsvTable(section)
    yield table.header()
    for x in exported(engine, records, [section], lang):
        yield table.row(x.fact)
