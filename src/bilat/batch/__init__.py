"""Batches: many files read and extracted in parallel, in order, with bounded memory.

    work       one item (a file, or an article of a dump) → its results; never raises
    local      a pool of processes on this machine (the default: every core)
    on_dask    an existing Dask cluster, or a LocalCluster for the run
    progress   a Rich progress bar on a terminal, plain log lines elsewhere

Engines return results in input order whatever order workers finish in, so
what a batch stores does not depend on the engine or the number of workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum
from functools import partial

from bilat.batch.local import run_local
from bilat.batch.work import (
    CRASHED,
    FAILED_KINDS,
    Extracted,
    Item,
    Result,
    Skipped,
    items,
    label,
    reason,
)
from bilat.batch.work import work as _work
from bilat.extract.budget import DEFAULT_SECONDS

__all__ = [
    "CRASHED", "FAILED_KINDS", "Engine", "Extracted", "Item", "Result", "Skipped", "items", "label", "reason", "run",
]


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def run(
    todo: Iterable[Item | Skipped], engine: Engine, workers: int, scheduler: str | None = None,
    seconds: float = DEFAULT_SECONDS,
) -> Iterator[list[Result]]:
    """The results of each item, in input order, from the chosen engine; each article within ``seconds``."""
    task = partial(_work, seconds=seconds)
    if engine is Engine.dask:
        from bilat.batch.on_dask import run_dask

        return run_dask(todo, workers, scheduler, task)
    return run_local(todo, workers, task)
