"""bilat: read diplomatic news and keep a sourced record of the relationship between two countries.

The public surface: build a ``Document`` (or read one with ``read_document``),
``extract`` its ``Facts``, and catch ``BilatError`` for input that can't be used.
"""

from bilat.errors import BilatError, ExtractError, IngestError, LanguageError, LexiconError, TooSlow
from bilat.extract import extract
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Agreement, Event, Facts, Figure, Mechanism, Membership, Person
from bilat.ingest.read import read_document, read_text_document

__version__ = "0.1.0"

__all__ = [
    "Agreement", "BilatError", "Document", "Event", "ExtractError", "Facts", "Figure",
    "IngestError", "LanguageError", "LexiconError", "Mechanism", "Membership", "Person", "Span",
    "TooSlow", "extract", "read_document", "read_text_document",
]
