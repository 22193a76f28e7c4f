"""Tasks for worker processes that fail the way real workers do; importable by name, as the pool requires."""

from __future__ import annotations

import os
from collections.abc import Callable
from unittest import mock

from bilat.batch.work import Item, Result, work
from bilat.extract import budget
from bilat.extract.doc import Document
from bilat.extract.facts import Facts

STALL_SECONDS = 2.0
"""The article time budget (CPU seconds) ``stall_on_marked`` gives each article: far above what a test article takes,
even the first in a worker process, which also compiles the language's rules (under a second)."""


def die_on_marked(item: Item) -> list[Result]:
    """``work``, except that a file named ``*-die.txt`` kills its process, as a segfault or the OOM killer would."""
    if item.path.name.endswith("-die.txt"):
        os._exit(3)
    return work(item)


def stall_on_marked(item: Item) -> list[Result]:
    """``work`` within ``STALL_SECONDS``, except that a file named ``*-stall.txt`` never finishes extracting,
    as a rule stuck in a loop would (one that never checks the budget itself)."""
    return _stuck_on_marked(item, stall)


def stall(document: Document) -> Facts:
    """An extraction that never ends by itself."""
    while True:
        pass


def loop_on_marked(item: Item) -> list[Result]:
    """``stall_on_marked``, where the endless extraction checks the budget at each step, as rules do between
    sentences: what stops it on a thread, where no signal arrives (a Dask worker's)."""
    return _stuck_on_marked(item, loop)


def _stuck_on_marked(item: Item, extraction: Callable[[Document], Facts]) -> list[Result]:
    """``work`` within ``STALL_SECONDS``, with ``extraction`` in place of the rules for a ``*-stall.txt`` file."""
    if item.path.name.endswith("-stall.txt"):
        with mock.patch("bilat.batch.work.extract", extraction):
            return work(item, seconds=STALL_SECONDS)
    return work(item, seconds=STALL_SECONDS)


def loop(document: Document) -> Facts:
    """An extraction that never ends by itself, checking the article's budget at each step."""
    while True:
        budget.check()
