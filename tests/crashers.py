"""Tasks for worker processes that fail the way real workers do; importable by name, as the pool requires."""

from __future__ import annotations

import os

from bilat.batch.work import Item, Result, work


def die_on_marked(item: Item) -> list[Result]:
    """``work``, except that a file named ``*-die.txt`` kills its process, as a segfault or the OOM killer would."""
    if item.path.name.endswith("-die.txt"):
        os._exit(3)
    return work(item)
