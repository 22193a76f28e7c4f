"""Turning files into ``Document`` objects."""

from bilat.ingest.read import (
    iter_paths,
    read_articles,
    read_document,
    read_text_document,
)

__all__ = ["iter_paths", "read_articles", "read_document", "read_text_document"]
