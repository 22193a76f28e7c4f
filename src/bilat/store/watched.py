"""What ``bilat watch`` has stored from each file of its folders: a restart reads again only what changed since.

A file's row (its size, modification time and the digest of its bytes) and
the articles it gave are written in the transaction that stores those
articles, so a watcher killed at any moment has either stored a file whole
and knows it, or not at all and reads it again.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, insert, select, update

from bilat.store import models as m
from bilat.store.withdrawn import Place, in_chunks, withdraw


@dataclass(frozen=True)
class Seen:
    """A file as last stored."""

    size: int
    mtime_ns: int
    sha256: str


def seen_files(engine: Engine, folders: Iterable[str]) -> dict[str, Seen]:
    """The files stored from inside these folders (absolute paths), by path."""
    query = select(m.WatchedFile.path, m.WatchedFile.size, m.WatchedFile.mtime_ns, m.WatchedFile.sha256)
    seen: dict[str, Seen] = {}
    with engine.connect() as connection:
        for folder in folders:
            inside = m.WatchedFile.path.startswith(folder.rstrip(os.sep) + os.sep, autoescape=True)
            seen.update((path, Seen(size, mtime_ns, sha256)) for path, size, mtime_ns, sha256 in connection.execute(query.where(inside)))
    return seen


def record_file(connection: Connection, path: str, seen: Seen, places: Collection[Place]) -> list[str]:
    """The file now holds the articles at these places: remember it, and withdraw what it no longer holds.

    The ids of the articles withdrawn (every place of theirs now gone), sorted.
    """
    before = _places(connection, path)
    connection.execute(delete(m.WatchedFile).where(m.WatchedFile.path == path))
    connection.execute(insert(m.WatchedFile), [{
        "path": path, "size": seen.size, "mtime_ns": seen.mtime_ns, "sha256": seen.sha256, "seen_at": datetime.now(UTC),
    }])
    if places:
        connection.execute(insert(m.WatchedArticle), [
            {"path": path, "article_id": article_id, "source": source} for article_id, source in sorted(set(places))
        ])
    return _withdraw_unheld(connection, before - set(places))


def touch_file(connection: Connection, path: str, seen: Seen) -> None:
    """The file was written again with the same bytes: remember its new time, so it is not digested again."""
    connection.execute(update(m.WatchedFile).where(m.WatchedFile.path == path).values(
        size=seen.size, mtime_ns=seen.mtime_ns, seen_at=datetime.now(UTC),
    ))


def forget_file(connection: Connection, path: str) -> list[str]:
    """The file is gone: forget it, and withdraw the articles it held that no other place holds (their ids, sorted)."""
    before = _places(connection, path)
    connection.execute(delete(m.WatchedFile).where(m.WatchedFile.path == path))
    return _withdraw_unheld(connection, before)


def _places(connection: Connection, path: str) -> set[Place]:
    query = select(m.WatchedArticle.article_id, m.WatchedArticle.source).where(m.WatchedArticle.path == path)
    rows = {(article_id, source) for article_id, source in connection.execute(query)}
    connection.execute(delete(m.WatchedArticle).where(m.WatchedArticle.path == path))
    return rows


def _withdraw_unheld(connection: Connection, places: set[Place]) -> list[str]:
    """Withdraw these places, but those another watched file still gives (two files of one text at one URL)."""
    held = {
        (article_id, source)
        for chunk in in_chunks(sorted({article_id for article_id, _ in places}))
        for article_id, source in connection.execute(
            select(m.WatchedArticle.article_id, m.WatchedArticle.source).where(m.WatchedArticle.article_id.in_(chunk))
        )
    }
    return withdraw(connection, places - held)
