"""Loops that run beside the server (``bilat serve --watch``), each in a process of its own, started and stopped with it.

A process, not a thread of the server: a loop's extraction holds the CPU
for seconds, which the server's workers must not wait behind, and a
process can be stopped whatever it is doing. The loop exits on Ctrl-C or when
stopped, and by itself if the server is killed outright (``batch.local.exit_with``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable
from multiprocessing.process import BaseProcess
from typing import Any

STOP_SECONDS = 10.0
"""How long a loop has to finish its transaction once asked to stop, before it is killed (a kill loses nothing
committed: each file is stored whole or not at all)."""


def start(loop: Callable[..., None], *args: Any) -> BaseProcess:
    """``loop(*args)`` in a new process; ``loop`` must be importable by name (a module-level function)."""
    # spawn: a fresh interpreter, not a fork of the server's threads; not daemonic, so the loop may start workers.
    process = multiprocessing.get_context("spawn").Process(
        target=_run, args=(os.getpid(), loop, args), name=f"bilat-{loop.__name__}",
    )
    process.start()
    return process


def stop(processes: Iterable[BaseProcess]) -> None:
    """Ask each loop to stop, and kill those still running after ``STOP_SECONDS``."""
    running = [process for process in processes if process.is_alive()]
    for process in running:
        process.terminate()
    for process in running:
        process.join(STOP_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


def _run(parent: int, loop: Callable[..., None], args: tuple[Any, ...]) -> None:
    from bilat.batch.local import exit_with  # here, in the new process: the server does not need the readers it imports

    exit_with(parent)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped: as Ctrl-C, so that its workers are shut down too
    try:
        loop(*args)
    except KeyboardInterrupt:
        pass


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
