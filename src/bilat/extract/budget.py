"""The time one article may take: past its budget, reading and extracting it stop with ``TooSlow``.

The budget is CPU time, the article's own: on a machine shared with other work
a real article takes longer by the clock, not in CPU seconds. Real articles take
a few milliseconds each (12 ms the median of the corpus, under 50 ms the slowest;
the first of a language in a process also compiles that language's rules, under
a second). ``DEFAULT_SECONDS`` is a hundred times the slowest and several times
the rules' compiling, so no real article is skipped, while a file that is no
article (a page of 200 000 links, megabytes of one line) costs seconds, not the batch.

Two ways stop an article, both armed by ``Budget``:

- on a process's main thread (the CLI, a local worker process, a small batch run
  in the calling process), a ``SIGVTALRM`` timer on the process's CPU time raises
  ``TooSlow`` wherever the Python code is. It goes on every ``REPEAT`` seconds
  until the block ends, so that a library catching every exception (trafilatura
  on a broken page) cannot swallow it for good. A regular expression running in
  C only sees it once it returns: rules read bounded windows
  (``sentences.MAX_SENTENCE``) for that reason;
- on any other thread (the HTTP API runs requests in a thread pool, a Dask worker
  runs tasks in threads), signals cannot be used: ``check``, called between pipeline
  components and by ``Document.in_range`` (which rules call for each sentence),
  raises ``TooSlow`` once the deadline is past. This cooperative bound holds
  because each step between two checks reads a bounded window of the text.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType

from bilat.errors import BilatError, TooSlow

DEFAULT_SECONDS = 5.0
"""CPU seconds one article may take, when neither ``--article-timeout`` nor ``BUDGET_ENV`` says."""
BUDGET_ENV = "BILAT_ARTICLE_TIMEOUT"
REPEAT = 0.1
"""CPU seconds between two alarms once the budget is spent, should the first have been swallowed."""


@dataclass(frozen=True)
class _Deadline:
    name: str
    seconds: float
    at: float  # time.thread_time(): this thread's CPU seconds


_current: ContextVar[_Deadline | None] = ContextVar("bilat_article_deadline", default=None)


def default_seconds() -> float:
    """``$BILAT_ARTICLE_TIMEOUT`` when set, else ``DEFAULT_SECONDS``; a value that is no positive number is an error."""
    value = os.environ.get(BUDGET_ENV)
    if value is None or not value.strip():
        return DEFAULT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        raise BilatError(f"${BUDGET_ENV} must be a number of seconds above 0, not {value!r}")
    return seconds


class Budget:
    """``with Budget(name, seconds):`` runs the block within ``seconds`` of CPU time, or raises ``TooSlow`` naming ``name``."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.seconds = seconds
        self.alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self) -> Budget:
        self.token = _current.set(_Deadline(self.name, self.seconds, time.thread_time() + self.seconds))
        if self.alarm:
            self.previous = signal.signal(signal.SIGVTALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_VIRTUAL, self.seconds, REPEAT)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.alarm:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, self.previous)
        _current.reset(self.token)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if frame is not None and frame.f_globals.get("__name__") == __name__:
            return  # arming or disarming: stopping there would leave the timer set; the next alarm stops the article
        raise TooSlow(self.name, self.seconds)


def check() -> None:
    """Raise ``TooSlow`` when the article being worked on is past its deadline (a no-op outside a budget)."""
    deadline = _current.get()
    if deadline is not None and time.thread_time() > deadline.at:
        raise TooSlow(deadline.name, deadline.seconds)
