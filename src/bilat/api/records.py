"""The records of relationships, kept per store generation: every filter and language of a pair shares one computation.

``GET /api/relations/VN-PE?since=2024`` and ``/r/VN-PE?lang=en`` are
different answers of one record, which takes seconds to read at 10 000
articles; the answers are kept by ``web.cache`` per path and query, but each
new filter would read the record again. Here the record itself is kept,
until the store's generation changes (``bilat.store.generation``), and the
filters and languages are applied to it: a few milliseconds each.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from sqlalchemy import Engine

from bilat import store
from bilat.store import generation

RECORDS_KEPT = 8
"""Records kept per worker: the largest is tens of MB in memory, and readers mostly ask for a few pairs."""


class Records:
    """``store.relation`` of the current generation, the least recently asked forgotten first.

    Handlers run on several threads: a lock guards the table, and a pair
    being read is read once, the other threads asking for it waiting for it.
    """

    def __init__(self, kept: int = RECORDS_KEPT) -> None:
        self.kept = kept
        self.lock = threading.Lock()
        self.generation: Any = object()  # matches no generation, not even None
        self.records: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self.reading: dict[tuple[str, str], threading.Lock] = {}

    def relation(self, engine: Engine, first: str, second: str) -> dict[str, Any]:
        """The record of ``first`` and ``second`` (shared: callers build new records from it, never change it)."""
        current = generation.current(engine)
        pair = (first, second)
        with self.lock:
            if current != self.generation:
                self.generation = current
                self.records.clear()
            reading = self.reading.setdefault(pair, threading.Lock())
        with reading:
            with self.lock:
                if current == self.generation and pair in self.records:
                    self.records.move_to_end(pair)
                    return self.records[pair]
            record = store.relation(engine, first, second)
            with self.lock:
                self.reading.pop(pair, None)
                if current == self.generation:
                    self.records[pair] = record
                    while len(self.records) > self.kept:
                        self.records.popitem(last=False)
            return record
