"""How far a batch is: a Rich progress bar on a terminal, a plain log line every few seconds elsewhere."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

LOG_EVERY = 10.0
"""Seconds between two log lines when stderr is not a terminal (a log file, a CI job)."""


class Meter:
    """Counts files reached, articles and skips, and shows the rate of articles per second."""

    def __init__(self, files: int, console: Console) -> None:
        self.files = files
        self.console = console
        self.done = self.articles = self.skipped = 0
        self.started = self.logged = time.monotonic()
        self.bar: Progress | None = None
        if console.is_terminal:
            self.bar = Progress(
                TextColumn("[bold]bilat"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                TextColumn("{task.fields[rate]:.0f} articles/s"), TextColumn("{task.fields[skipped]} skipped"),
                TimeRemainingColumn(), console=console, transient=True,
            )
            self.task = self.bar.add_task("ingest", total=files, rate=0.0, skipped=0)

    def __enter__(self) -> Meter:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()

    def say(self, line: str) -> None:
        """A line above the bar on a terminal; elsewhere written as it is.

        Rich takes a third of a millisecond to render a line: over a minute
        for a dump of 300 000 bad lines, each of which gets one.
        """
        if self.bar is not None:
            self.console.print(line, highlight=False, markup=False, soft_wrap=True)
        else:
            self.console.file.write(line + "\n")

    @property
    def rate(self) -> float:
        return self.articles / max(time.monotonic() - self.started, 1e-9)

    def count(self, articles: int, skipped: int, new_file: bool) -> None:
        self.articles += articles
        self.skipped += skipped
        self.done += new_file
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, rate=self.rate, skipped=self.skipped)
        elif time.monotonic() - self.logged >= LOG_EVERY:
            self.logged = time.monotonic()
            self.console.print(f"bilat: {self.done}/{self.files} files, {self.articles} articles "
                               f"({self.rate:.0f}/s), {self.skipped} skipped", highlight=False, soft_wrap=True)
