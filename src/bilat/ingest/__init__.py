"""Turning files into ``Document`` objects.

The readers are imported on first use (PEP 562): they bring in the HTML
reader and the language detector, which listing files does not need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from bilat.ingest.files import display_path, iter_paths

if TYPE_CHECKING:
    from bilat.ingest.read import read_articles, read_document, read_text_document

__all__ = ["display_path", "iter_paths", "read_articles", "read_document", "read_text_document"]

_READERS = ("read_articles", "read_document", "read_text_document")


def __getattr__(name: str) -> Any:
    if name not in _READERS:
        raise AttributeError(f"module 'bilat.ingest' has no attribute {name!r}")
    value = getattr(import_module("bilat.ingest.read"), name)
    globals()[name] = value
    return value
