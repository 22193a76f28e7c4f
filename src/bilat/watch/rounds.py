"""One round of watching: store the new and changed files that have settled, withdraw the deleted ones, update the record.

Files are read and extracted as ``bilat ingest`` does (``batch``: worker
processes for a large round, this process for a few files) and stored one
file per transaction with what the watcher remembers of it
(``store.watched``): a kill at any moment leaves each file stored whole and
known, or not at all. A changed file's new text is stored and the old one
withdrawn from that place; a deleted file's articles are withdrawn
(``store.withdrawn``), not forgotten.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from bilat import batch, store
from bilat.batch.storing import Tally, Verdicts, skip_of, store_results
from bilat.batch.work import Extracted, Result, Skipped
from bilat.errors import IngestError
from bilat.extract.budget import default_seconds
from bilat.ingest import display_path
from bilat.ingest.files import open_regular
from bilat.store.watched import Seen, forget_file, record_file, seen_files, touch_file
from bilat.store.write import forget_skips_on, place, record_skips_on
from bilat.watch.folders import INTERVAL_SECONDS, Look, Settling, Stat, look
from bilat.webhook import Courier

Say = Callable[[str], None]


class Watcher:
    """The folders, what the store holds of them, and what the last looks saw."""

    def __init__(
        self, engine: Engine, folders: Iterable[Path], workers: int, seconds: float, say: Say, settling: Settling | None = None,
        webhook: str | None = None,
    ) -> None:
        self.engine = engine
        self.courier = Courier(engine, webhook, say)
        self.folders = [Path(os.path.abspath(folder)) for folder in folders]
        self.workers = workers
        self.seconds = seconds
        self.say = say
        self.seen = seen_files(engine, [display_path(folder) for folder in self.folders])
        self.settling = settling or Settling()
        self.unopened: dict[str, Stat] = {}
        """Files that could not be opened, as they were then: tried again once they change, or after a restart."""
        self.tally = Tally()
        self.withdrawn = 0
        self.behind = False
        """Whether files were stored or withdrawn since the record was last updated (a round cut short by a
        database error updates it at the next)."""

    def round(self, wait_to_settle: bool = False) -> bool:
        """Look, store what changed and has settled, withdraw what was deleted; whether the record changed.

        With ``wait_to_settle``, files changing when it starts are looked at
        again once they can have settled, rather than at the next round.
        """
        now = self._look()
        changed = [key for key, (_, stat) in now.files.items() if self._changed(key, stat)]
        if wait_to_settle and changed and (pause := self.settling.wait(changed)):
            time.sleep(pause)
            now = self._look()
            changed = [key for key, (_, stat) in now.files.items() if self._changed(key, stat)]
        ready = [key for key in changed if self.settling.settled(key)]
        if wait_to_settle:
            for key in sorted(set(changed) - set(ready)):
                self.say(f"still being written: {key} (read once it stops changing)")
        self._store(now, ready)
        self._withdraw_deleted(now)
        updated = self.behind
        if updated:
            store.rebuild(self.engine)
            self.behind = False
            self.courier.updated()
        self.courier.send()
        return updated

    def _look(self) -> Look:
        now = look(self.folders)
        self.settling.update(now)
        return now

    def _changed(self, key: str, stat: Stat) -> bool:
        seen = self.seen.get(key)
        if seen is not None and (seen.size, seen.mtime_ns) == (stat.size, stat.mtime_ns):
            return False
        return self.unopened.get(key) != stat

    def _store(self, now: Look, ready: list[str]) -> None:
        """Store each ready file whose bytes changed; a file only touched gets its new time remembered."""
        to_read: dict[Path, tuple[str, Seen]] = {}
        for key in ready:
            path, stat = now.files[key]
            try:
                seen = _fingerprint(path)
            except IngestError as exc:
                self._unopened(key, stat, exc)
                continue
            if key in self.seen and self.seen[key].sha256 == seen.sha256:
                store.writing(self.engine, partial(touch_file, path=key, seen=seen))
                self.seen[key] = seen
            else:
                to_read[path] = (key, seen)
        if not to_read:
            return
        results = batch.run(batch.items(to_read), batch.Engine.local, self.workers, seconds=self.seconds)
        stored = set()
        for path, found in _by_file(results):
            self._store_file(*to_read[path], found)
            stored.add(path)
        for path in to_read.keys() - stored:  # a dump with no line in it: nothing to store, but seen
            self._store_file(*to_read[path], [])

    def _unopened(self, key: str, stat: Stat, exc: IngestError) -> None:
        self.say(f"skipped {key}: {exc.reason}")
        self.unopened[key] = stat
        self.tally.skips[exc.kind] += 1

        def record(connection: Connection) -> None:
            forget_skips_on(connection, key)
            record_skips_on(connection, [(key, key, exc.kind, exc.reason)])

        store.writing(self.engine, record)

    def _store_file(self, key: str, seen: Seen, results: list[Result]) -> None:
        extracted = [r for r in results if isinstance(r, Extracted)]
        skipped = [r for r in results if isinstance(r, Skipped)]
        for result in skipped:
            self.say(f"skipped {result.where}: {result.reason}")

        def write(connection: Connection) -> tuple[Verdicts, list[str]]:
            forget_skips_on(connection, key)  # read again: its earlier verdicts give way to this one
            verdicts = store_results(connection, extracted, [skip_of(r) for r in skipped])
            places = [(stored.article_id, place(r.document)) for r, stored in verdicts.stored]
            return verdicts, record_file(connection, key, seen, places)

        verdicts, withdrawn = store.writing(self.engine, write)
        self.behind = True
        for result, refused in verdicts.refused:
            self.say(f"skipped {result.where}: {refused.reason}")
        changed = key in self.seen
        self.seen[key] = seen
        self.unopened.pop(key, None)
        self.tally.skips.update(r.kind for r in skipped)
        self.tally.count(verdicts)
        self.withdrawn += len(withdrawn)
        if verdicts.stored or withdrawn:
            self.say(f"{'changed' if changed else 'new'} {key}: {_summary(verdicts, withdrawn)}")

    def _withdraw_deleted(self, now: Look) -> None:
        deleted = sorted(key for key in self.seen if now.deleted(key))
        for key in deleted:
            def write(connection: Connection, key: str = key) -> list[str]:
                forget_skips_on(connection, key)  # nothing left to fix
                return forget_file(connection, key)

            withdrawn = store.writing(self.engine, write)
            self.behind = True
            del self.seen[key]
            self.withdrawn += len(withdrawn)
            self.say(f"deleted {key}: {len(withdrawn)} withdrawn")
        for key in [key for key in self.unopened if key not in now.files]:
            del self.unopened[key]

    def summary(self) -> str:
        return f"{self.tally}, {self.withdrawn} withdrawn"


def run(watcher: Watcher, interval: float = INTERVAL_SECONDS, once: bool = False) -> None:
    """Rounds ``interval`` seconds apart until interrupted (one with ``once``).

    A database error in a round (a PostgreSQL restarting, a SQLite file
    locked too long) is said, and the next round tries again: what was
    committed is known, what was not is read again.
    """
    first = True
    while True:
        try:
            watcher.round(wait_to_settle=first)
        except SQLAlchemyError as exc:
            if once:
                raise
            watcher.say(f"database error, trying again in {interval:g} s: {exc.__class__.__name__}: {getattr(exc, 'orig', None) or exc}")
        if once:
            return
        first = False
        time.sleep(interval)


SERVED_WORKERS = 1
"""Beside a server, the watcher extracts in its own process alone: the cores are the server's workers'."""


def watch_store(url: str, folders: list[str], interval: float, webhook: str | None = None) -> None:
    """``bilat watch`` on the store at ``url`` until stopped, saying what it does on stderr: what ``serve --watch`` runs."""
    engine = store.connect(url)
    watcher = Watcher(engine, map(Path, folders), SERVED_WORKERS, default_seconds(), say=_say, webhook=webhook)
    _say(f"watching {', '.join(folders)} every {interval:g} s")
    run(watcher, interval)


def _say(line: str) -> None:
    print(f"bilat: {line}", file=sys.stderr, flush=True)


def _fingerprint(path: Path) -> Seen:
    """The file's size, modification time and digest, all of the one open file; IngestError if it cannot be opened.

    The whole file is digested, a chunk at a time: a dump can be larger than
    any article, and lines appended past its first megabytes are news too.
    """
    with open_regular(path) as stream:
        status = os.fstat(stream.fileno())
        try:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
        except OSError as exc:
            raise IngestError(display_path(path), f"cannot read: {exc.strerror or exc}", "unreadable") from exc
    return Seen(status.st_size, status.st_mtime_ns, digest)


def _by_file(results: Iterator[list[Result]]) -> Iterator[tuple[Path, list[Result]]]:
    """Each file's results together (a dump gives one list per article), in the order the files were given."""
    path: Path | None = None
    found: list[Result] = []
    for item in results:
        for result in item:
            if result.path != path:
                if path is not None:
                    yield path, found
                path, found = result.path, []
            found.append(result)
    if path is not None:
        yield path, found


def _summary(verdicts: Verdicts, withdrawn: list[str]) -> str:
    counts = Tally()
    counts.count(verdicts)
    words = [f"{n} {outcome}" for outcome, n in counts.outcomes.items()]
    return ", ".join(words + [f"{len(withdrawn)} withdrawn"] * bool(withdrawn))
