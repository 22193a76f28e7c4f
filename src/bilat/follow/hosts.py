"""Politeness towards each host: one request at a time, and a pause between two.

An outlet's feed and its pages are often on one host, and several feeds of
one outlet are followed together: without a gate per host, the fetcher
threads would ask it for several pages at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

HOST_DELAY = 1.0
"""Seconds between the end of one request to a host and the start of the next: the pause a ``Crawl-delay`` of
robots.txt most often asks for. A feed's 50 new entries then take under a minute, where extraction takes longer."""


class Stopped(Exception):
    """The follower is stopping: a wait was cut short, and the work in hand is left for the next start."""


class Hosts:
    """Turns at each host: ``with hosts.turn(host):`` waits for the host's previous request and the delay after it."""

    def __init__(self, delay: float, stop: threading.Event, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.stop = stop
        self.clock = clock
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._done: dict[str, float] = {}

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            if host in self._done:
                pause = self._done[host] + self.delay - self.clock()
                if pause > 0 and self.stop.wait(pause):
                    raise Stopped
            try:
                yield
            finally:
                self._done[host] = self.clock()
