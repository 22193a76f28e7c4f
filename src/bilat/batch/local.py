"""The local engine: items worked on by a pool of processes on this machine, results in input order.

At most ``AHEAD`` chunks of ``CHUNK`` items per worker are in flight, so memory stays flat
however long the input. A worker that dies (a segfault, the kernel's OOM
killer) breaks a ``ProcessPoolExecutor``; the items that were in flight are
then run again one at a time in a fresh pool, so only the one that kills its
worker again is lost, reported as a crash, and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from bilat.batch.work import CRASHED, Item, Result, Skipped, work

AHEAD = 4
"""Chunks in flight per worker: enough to keep every worker busy, few enough to keep memory flat."""
CHUNK = 8
"""Items sent to a worker at once: one round trip for several articles, most of the parent's overhead gone."""
SMALL = 64
"""Fewer items than this are done in this process: starting workers would cost more than it saves."""

Task = Callable[[Item], list[Result]]
Chunk = list[Item | Skipped]


def run_local(items: Iterable[Item | Skipped], workers: int, task: Task = work) -> Iterator[list[Result]]:
    """The results of each item, in order; with one worker or a small batch, in this process.

    ``task`` must be importable by name from a worker (a module-level function).
    """
    remaining = iter(items)
    head = list(islice(remaining, SMALL))
    if workers <= 1 or len(head) < SMALL:
        for item in chain(head, remaining):
            yield _one(task, item)
        return
    pool = _Pool(workers, task)
    pending: deque[tuple[Chunk, Future[list[list[Result]]]]] = deque()
    try:
        for chunk in chunks(chain(head, remaining)):
            pending.append((chunk, pool.submit(chunk)))
            while len(pending) > workers * AHEAD:
                yield from _settle(pool, pending)
        while pending:
            yield from _settle(pool, pending)
    finally:
        pool.shutdown()


def run_chunk(task: Task, chunk: Chunk) -> list[list[Result]]:
    """What a worker runs: each item's results (a dump's bad line passes through as it is)."""
    return [_one(task, item) for item in chunk]


def chunks(items: Iterator[Item | Skipped]) -> Iterator[Chunk]:
    """``items`` in lists of ``CHUNK``: the unit sent to a worker."""
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def _one(task: Task, item: Item | Skipped) -> list[Result]:
    return [item] if isinstance(item, Skipped) else task(item)


def _settle(pool: _Pool, pending: deque[tuple[Chunk, Future[list[list[Result]]]]]) -> Iterator[list[Result]]:
    """The results of the oldest chunk; after a worker died, the items in flight rerun one by one."""
    chunk, future = pending.popleft()
    try:
        yield from future.result()
        return
    except BrokenProcessPool:
        pass
    suspects = [(chunk, future), *pending]
    pending.clear()
    pool.restart()
    for items, outcome in suspects:
        if outcome.done() and not outcome.cancelled() and outcome.exception() is None:
            yield from outcome.result()  # finished before the pool broke
        else:
            yield from (pool.isolated(item) for item in items)


class _Pool:
    """A process pool that can be replaced after a worker died."""

    def __init__(self, workers: int, task: Task) -> None:
        self.workers = workers
        self.task = task
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers fork from a clean process with bilat imported, not from this one (with its threads).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bilat.batch.work"])
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),))

    def submit(self, chunk: Chunk) -> Future[list[list[Result]]]:
        if all(isinstance(item, Skipped) for item in chunk):  # a dump's bad lines: ready, not worth a round trip
            ready: Future[list[list[Result]]] = Future()
            ready.set_result(run_chunk(self.task, chunk))
            return ready
        return self.executor.submit(run_chunk, self.task, chunk)

    def isolated(self, item: Item | Skipped) -> list[Result]:
        """``item``'s results, alone in the pool; if its worker dies, a crash report for it."""
        if isinstance(item, Skipped):
            return [item]
        try:
            return self.submit([item]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return [Skipped(item.path, item.where, CRASHED, "the worker process died while extracting it")]

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _worker_start(parent: int) -> None:
    """Ctrl-C is the parent's to handle (it stops the batch and shuts the pool down); a parent gone means stop.

    A parent killed outright (``kill -9``, the OOM killer) cannot shut its pool
    down, and its workers would wait for work forever: each checks every
    ``WATCH`` seconds that the parent still exists, and exits when it does not.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent)


WATCH = 1.0


def exit_with(parent: int) -> None:
    """Check every ``WATCH`` seconds, on a thread, that ``parent`` still exists; exit this process when it does not."""
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="bilat-parent-watch").start()


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to another user's process: ours is gone
            os._exit(1)
