"""One unit of batch work: read and extract one file (or one article of a dump), never raising.

What runs in a worker process, here or on a Dask cluster, is ``work``: a
pure function from an ``Item`` to the ``Result`` of each article in it, so
engines only move items and results (both pickle) and keep their order.
Each article is read and extracted within a time budget (``extract/budget.py``):
past it, it is skipped as ``too slow`` and the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bilat.errors import BilatError, IngestError, TooSlow
from bilat.extract import extract
from bilat.extract.budget import DEFAULT_SECONDS, Budget
from bilat.extract.doc import Document
from bilat.extract.facts import Facts
from bilat.ingest import display_path, read_articles
from bilat.ingest.files import STDIN, UNREADABLE_FOLDER, UnreadableFolder
from bilat.ingest.stdin import read_stdin
from bilat.resolve.stories import signature

CRASHED = "worker crashed"
"""The kind of skip of an article whose worker died or raised something unforeseen: retried by ``--retry-failed``."""
FAILED_KINDS = (CRASHED, "extraction failed", TooSlow.kind)


@dataclass(frozen=True)
class Extracted:
    path: Path
    where: str
    document: Document
    facts: Facts
    minhash: bytes | None
    """The body's signature (``resolve.stories``), computed here so the one writer does not have to."""


@dataclass(frozen=True)
class Skipped:
    path: Path
    where: str
    kind: str
    reason: str


Result = Extracted | Skipped


@dataclass(frozen=True)
class Item:
    """A file to read in the worker, or an article already read from a dump (a ``.jsonl`` is read where it is listed)."""

    path: Path
    document: Document | None = None

    @property
    def where(self) -> str:
        return display_path(self.path) if self.document is None else label(self.path, self.document)


def items(files: Iterable[Path | UnreadableFolder]) -> Iterator[Item | Skipped]:
    """What to work on, in order: each file, or each article of a dump and its bad lines as ready results.

    A folder the walk could not list is a ready result too. ``-`` is standard
    input, read here as a dump is (``ingest/stdin.py``): a worker has no stdin to read.
    """
    for path in files:
        if isinstance(path, UnreadableFolder):
            yield Skipped(path.path, display_path(path.path), UNREADABLE_FOLDER, path.reason)
            continue
        if path.suffix.lower() != ".jsonl" and path != STDIN:
            yield Item(path)
            continue
        for article in read_stdin(sys.stdin.buffer) if path == STDIN else read_articles(path):
            if isinstance(article, IngestError):
                yield Skipped(path, article.source, article.kind, article.reason)
            else:
                yield Item(path, article)


def work(item: Item, seconds: float = DEFAULT_SECONDS) -> list[Result]:
    """Read and extract an item's articles within ``seconds``; every failure becomes a ``Skipped`` with its reason.

    A file other than a dump holds one article: its reading is part of its budget.
    """
    try:
        with Budget(item.where, seconds):
            articles = [item.document] if item.document is not None else list(read_articles(item.path))
            return [_one(item.path, article) for article in articles]
    except TooSlow as exc:  # while reading, or past the article's own verdict
        return [Skipped(item.path, item.where, exc.kind, reason(exc))]


def _one(path: Path, article: Document | IngestError) -> Result:
    if isinstance(article, IngestError):
        return Skipped(path, article.source, article.kind, article.reason)
    where = label(path, article)
    try:
        return Extracted(path, where, article, extract(article), signature(article.text[article.body_start:]))
    except BilatError as exc:
        return Skipped(path, where, exc.kind, reason(exc))
    except Exception as exc:  # a bug must cost one article, not the batch  # noqa: BLE001
        return Skipped(path, where, CRASHED, f"{type(exc).__name__}: {exc}")


def label(path: Path, document: Document) -> str:
    """The file, and for a file of many articles (``.jsonl``, or stdin, which may be one) which one."""
    name = display_path(path)
    return f"{name} [{document.id}]" if path.suffix.lower() == ".jsonl" or path == STDIN else name


def reason(exc: BilatError) -> str:
    """The error without the file or document name that the label already gives."""
    if isinstance(exc, IngestError):
        return exc.reason
    doc_id = getattr(exc, "doc_id", None)
    return str(exc).removeprefix(f"{doc_id}: ") if doc_id else str(exc)
