"""bilat: read diplomatic news and keep a sourced record of the relationship between two countries.

The public surface: build a ``Document`` (or read one with ``read_document``),
``extract`` its ``Facts``, and catch ``BilatError`` for input that can't be used.

The readers are imported on first use (PEP 562): every ``bilat.*`` module
imports this package first, and the command line's ``--help`` must not wait
for the HTML reader and the language detector they bring in.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from bilat.errors import BilatError, ExtractError, IngestError, LanguageError, LexiconError, TooSlow
from bilat.extract import extract
from bilat.extract.doc import Document, Span
from bilat.extract.facts import Agreement, Event, Facts, Figure, Mechanism, Membership, Person

if TYPE_CHECKING:
    from bilat.ingest.read import read_document, read_text_document

__version__ = "0.1.0"

__all__ = [
    "Agreement", "BilatError", "Document", "Event", "ExtractError", "Facts", "Figure",
    "IngestError", "LanguageError", "LexiconError", "Mechanism", "Membership", "Person", "Span",
    "TooSlow", "extract", "read_document", "read_text_document",
]

_LAZY = {"read_document": "bilat.ingest.read", "read_text_document": "bilat.ingest.read"}
"""Each public name imported on first use → the module that defines it."""


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'bilat' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
