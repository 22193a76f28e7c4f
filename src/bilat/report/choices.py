"""What a reader chooses on the command line: the language to read in, the briefing's format, an export's.

Apart from ``briefing`` and ``export`` so that ``bilat --help`` can list the
choices without importing the briefing's templates and the store.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from bilat.report.labels import READER_LANGUAGES

ReaderLanguage = Enum("ReaderLanguage", {code: code for code in READER_LANGUAGES}, type=str)
"""Languages a briefing is written in, as the choices of ``bilat brief --lang``."""


class BriefingFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


EXPORT_SECTIONS = ("events", "agreements", "mechanisms", "memberships", "figures", "persons")
"""The sections of an export, named as in the record (``store.relation``): what happened first, who last."""


class ExportFormat(StrEnum):
    csv = "csv"
    """One section as a CSV table (``export.tables`` gives them all)."""
    jsonl = "jsonl"
    """Every fact of the record (or of one section), a JSON object a line."""
    plover = "plover"
    """The events as PLOVER events, a JSON object a line."""


ExportSection = StrEnum("ExportSection", [(section, section) for section in EXPORT_SECTIONS])  # type: ignore[misc]
"""A section to export, as commands and the API take it."""
