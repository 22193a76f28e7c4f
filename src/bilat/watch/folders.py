"""What watched folders hold now: each article file's size and modification time, and which files have settled.

The folders are polled, not subscribed to: listing a tree and reading each
file's ``stat`` every few seconds works alike on every system and on network
mounts (NFS, SMB), where change events (inotify, FSEvents) say nothing of
files written by another machine, and it needs no library. A file is read
once its size and modification time have stayed the same for
``SETTLE_SECONDS``: one still being written, or copied in, waits.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilat.ingest import display_path, iter_paths
from bilat.ingest.files import UnreadableFolder

INTERVAL_SECONDS = 2.0
"""Seconds between two looks at the folders: a new article is stored within a few seconds, and listing even
100 000 files this often costs a fraction of one core."""
SETTLE_SECONDS = 1.0
"""How long a file's size and modification time must stay the same before it is read: a crawler or a copy writes
an article (tens of kilobytes) in far less, and a pause of a second in mid-write is rare."""


@dataclass(frozen=True)
class Stat:
    size: int
    mtime_ns: int


@dataclass
class Look:
    """The article files found under the folders at one moment, by display path, and the places not seen into."""

    files: dict[str, tuple[Path, Stat]] = field(default_factory=dict)
    blind: list[str] = field(default_factory=list)
    """Folders that are missing or could not be listed (an unmounted share, a permission): the files that were
    under them are not taken as deleted."""

    def deleted(self, seen: str) -> bool:
        """Whether a file stored before is gone: not listed, and not under a folder this look could not see into."""
        return seen not in self.files and not any(seen.startswith(folder.rstrip(os.sep) + os.sep) for folder in self.blind)


def look(folders: list[Path]) -> Look:
    """The article files under ``folders`` (absolute paths), as ``bilat ingest`` would find them, but hidden ones.

    A name starting with a dot, of the file or of a folder above it, is
    hidden: editors, ``rsync`` and downloaders write there first and rename
    when done. Temporary names that end in ``.part``, ``.tmp`` or ``~`` are no
    article files already (``ingest.files.SUFFIXES``).
    """
    found = Look()
    for folder in folders:
        if not folder.is_dir():
            found.blind.append(display_path(folder))
            continue
        for path in iter_paths([folder]):
            if isinstance(path, UnreadableFolder):
                found.blind.append(display_path(path.path))
            elif not _hidden(path.relative_to(folder)):
                try:
                    status = path.stat()
                except OSError:  # removed since it was listed, or a broken link: as if not there
                    continue
                found.files[display_path(path)] = (path, Stat(status.st_size, status.st_mtime_ns))
    return found


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


class Settling:
    """Since when each file has had its current size and modification time, across looks (by ``clock``'s seconds)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.since: dict[str, tuple[Stat, float]] = {}

    def update(self, now: Look) -> None:
        moment = self.clock()
        since: dict[str, tuple[Stat, float]] = {}
        for key, (_, stat) in now.files.items():
            previous = self.since.get(key)
            since[key] = previous if previous is not None and previous[0] == stat else (stat, moment)
        self.since = since

    def settled(self, key: str) -> bool:
        found = self.since.get(key)
        return found is not None and self.clock() - found[1] >= SETTLE_SECONDS

    def wait(self, keys: list[str]) -> float:
        """Seconds until the latest changed of these files can have settled (0 when every one has)."""
        moments = [self.since[key][1] for key in keys if key in self.since]
        return max(0.0, SETTLE_SECONDS - (self.clock() - max(moments))) if moments else 0.0
