"""What a reader chooses on the command line: the language to read in and the briefing's format.

Apart from ``briefing`` so that ``bilat --help`` can list the choices
without importing the briefing's templates and the store.
"""

from __future__ import annotations

from enum import Enum

from bilat.report.labels import READER_LANGUAGES

ReaderLanguage = Enum("ReaderLanguage", {code: code for code in READER_LANGUAGES}, type=str)
"""Languages a briefing is written in, as the choices of ``bilat brief --lang``."""


class BriefingFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
