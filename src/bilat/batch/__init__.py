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
from importlib import import_module
from typing import TYPE_CHECKING, Any

from bilat.extract.budget import DEFAULT_SECONDS

if TYPE_CHECKING:
    from bilat.batch.work import CRASHED, FAILED_KINDS, Extracted, Item, Result, Skipped, items, label, reason

__all__ = [
    "CRASHED", "FAILED_KINDS", "Engine", "Extracted", "Item", "Result", "Skipped", "items", "label", "reason", "run",
]

_FROM_WORK = ("CRASHED", "FAILED_KINDS", "Extracted", "Item", "Result", "Skipped", "items", "label", "reason")
"""Names of ``batch.work``, imported on first use (PEP 562): it brings in the readers and the
story signatures, which a command line naming ``Engine`` in its ``--help`` does not need."""


def __getattr__(name: str) -> Any:
    if name not in _FROM_WORK:
        raise AttributeError(f"module 'bilat.batch' has no attribute {name!r}")
    value = getattr(import_module("bilat.batch.work"), name)
    globals()[name] = value
    return value


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def run(
    todo: Iterable[Item | Skipped], engine: Engine, workers: int, scheduler: str | None = None,
    seconds: float = DEFAULT_SECONDS,
) -> Iterator[list[Result]]:
    """The results of each item, in input order, from the chosen engine; each article within ``seconds``."""
    from bilat.batch.local import run_local
    from bilat.batch.work import work

    task = partial(work, seconds=seconds)
    if engine is Engine.dask:
        from bilat.batch.on_dask import run_dask

        return run_dask(todo, workers, scheduler, task)
    return run_local(todo, workers, task)
