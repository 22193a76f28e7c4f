"""Taking the merged record away: CSV tables, JSON Lines of its facts, PLOVER-style events.

    facts    the facts of one pair's record or of every pair's, one at a time and each once, with citable sources
    table    CSV: one table per section, a row per fact
    lines    JSON Lines: a line per fact, its fields, sources and evidence quotes
    plover   the events in the PLOVER event data model (the mapping in ``data/plover.toml``)
    formats  the formats: their media types and file names, and the text of an export as it is written

Every format is written as it is read, a record at a time: an export of the
whole store holds one pair's record in memory, never all of them.
"""

from bilat.export.facts import SECTIONS, Exported, exported, pair_records, store_records
from bilat.export.formats import ExportFormat, ExportSection, file_name, media_type, tables, written

__all__ = [
    "SECTIONS", "ExportFormat", "ExportSection", "Exported", "exported", "file_name", "media_type", "pair_records", "store_records",
    "tables", "written",
]
