"""Turning files into ``Document`` objects."""

from bilat.ingest.files import display_path, iter_paths
from bilat.ingest.read import (
    read_articles,
    read_document,
    read_text_document,
)

__all__ = ["display_path", "iter_paths", "read_articles", "read_document", "read_text_document"]
