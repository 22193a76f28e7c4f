"""The Dask engine: items worked on by an existing Dask cluster, results stored here as the local engine does.

Without a scheduler address a ``LocalCluster`` of ``workers`` processes is
started for the run. The cluster's workers need bilat installed (the same
version). Items are sent in chunks, as to local workers, at most ``AHEAD``
chunks per worker ahead of the one being stored, and results are taken in input order, so the store ends up
exactly as with the local engine. A task whose worker dies is retried by
Dask on another worker; if it keeps failing, its items are run one by one and
only the one that fails alone is reported as a crash.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from bilat.batch.local import AHEAD, Chunk, Task, chunks, run_chunk
from bilat.batch.work import CRASHED, Item, Result, Skipped, work
from bilat.errors import BilatError


def run_dask(
    items: Iterable[Item | Skipped], workers: int, scheduler: str | None = None, task: Task = work,
) -> Iterator[list[Result]]:
    """The results of each item, in order, computed on the cluster at ``scheduler`` (or a local one)."""
    from distributed import (  # imported only when this engine is asked for
        Client,
        LocalCluster,
    )

    with ExitStack() as stack:
        try:
            if scheduler is None:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                ))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout="5s"))
        except (OSError, RuntimeError) as exc:  # refused, timed out; a LocalCluster that could not start
            where = f"reach the Dask scheduler {scheduler!r}" if scheduler else "start a local Dask cluster"
            raise BilatError(f"cannot {where}: {exc}") from exc
        capacity = max(len(client.scheduler_info().get("workers", {})), 1) * AHEAD
        pending: deque[tuple[Chunk, Any]] = deque()
        for chunk in chunks(iter(items)):
            pending.append((chunk, client.submit(run_chunk, task, chunk, pure=False)))
            while len(pending) > capacity:
                yield from _settle(client, task, *pending.popleft())
        while pending:
            yield from _settle(client, task, *pending.popleft())


def _settle(client: Any, task: Task, chunk: Chunk, future: Any) -> Iterator[list[Result]]:
    """A chunk's results; if its task failed, each of its items alone, so only the one to blame is lost."""
    try:
        results = future.result()
    except Exception:  # KilledWorker, or the worker could not run bilat  # noqa: BLE001
        results = [_alone(client, task, item) for item in chunk]
    finally:
        future.release()
    yield from results


def _alone(client: Any, task: Task, item: Item | Skipped) -> list[Result]:
    if isinstance(item, Skipped):  # a dump's bad line: ready, never sent
        return [item]
    future = client.submit(task, item, pure=False)
    try:
        return future.result()  # type: ignore[no-any-return]
    except Exception as exc:  # noqa: BLE001
        return [Skipped(item.path, item.where, CRASHED, f"{type(exc).__name__}: {exc}")]
    finally:
        future.release()
