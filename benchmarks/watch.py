"""`bilat watch`: how soon new articles dropped into a watched folder are in the record, and what watching costs idle.

    python benchmarks/watch.py [--sizes 1000] [--new 10] [--runs 3] [--shared ../shared]

For each size: a store of that many synthetic articles (built as
``benchmarks/throughput.py`` builds them, ingested once into a temporary
folder), watched by ``bilat watch`` over a folder of those same files (seen,
so never read again). Then, ``--runs`` times, ``--new`` new articles are
dropped in (written under a hidden name, then renamed, as a crawler does)
and the time until all are stored and the record rebuilt is printed
(``store.write.is_resolved``), with the watcher's CPU seconds meanwhile
(what a busy shared machine does not stretch), and its CPU seconds while
idle, looking at the folder of that many files every 2 s, over ``IDLE_SECONDS``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from throughput import synthetic_corpus

from bilat import store
from bilat.evaluate import find_shared
from bilat.store import models as m
from bilat.store.write import is_resolved

IDLE_SECONDS = 10.0
"""Long enough for five looks at the default interval."""
POLL_SECONDS = 0.05


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=None)
    arguments = parser.parse_args()
    shared = arguments.shared or find_shared()
    print(f"{'store':>8} {'new':>4} {'visible after (s), each run':>30} {'median':>7} {'watcher CPU s, each':>24} "
          f"{'idle CPU s / 10 s':>18}")
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            figures, cpu, idle = _measure(Path(scratch), shared, size, arguments.new, arguments.runs)
            runs = " ".join(f"{x:.2f}" for x in figures)
            spent = " ".join(f"{x:.2f}" for x in cpu)
            print(f"{size:>8} {arguments.new:>4} {runs:>30} {statistics.median(figures):>7.2f} {spent:>24} {idle:>18.2f}",
                  flush=True)


def _measure(scratch: Path, shared: Path, size: int, new: int, runs: int) -> tuple[list[float], list[float], float]:
    """Seconds until each run's new articles are in the record, the watcher's CPU seconds meanwhile, and its idle CPU."""
    folder = scratch / "incoming"
    extra = scratch / "extra"
    paths = synthetic_corpus(shared, size + new * runs, extra)
    folder.mkdir()
    for path in paths[:size]:
        path.rename(folder / path.name)
    db = str(scratch / "bilat.db")
    bilat = [sys.executable, "-m", "bilat"]
    subprocess.run([*bilat, "watch", str(folder), "--once", "--db", db], check=True, capture_output=True)
    engine = store.connect(db)
    watcher = subprocess.Popen([*bilat, "watch", str(folder), "--db", db], stderr=subprocess.PIPE, text=True)
    try:
        assert watcher.stderr is not None
        watcher.stderr.readline()  # "watching ...": its first round is done
        process = psutil.Process(watcher.pid)
        before = _cpu(process)
        time.sleep(IDLE_SECONDS)
        idle = _cpu(process) - before
        figures, cpu = [], []
        for run in range(runs):
            expected = _count(engine) + new
            started, spent = time.monotonic(), _cpu(process)
            for path in paths[size + run * new: size + (run + 1) * new]:
                hidden = folder / f".{path.name}"
                hidden.write_bytes(path.read_bytes())
                hidden.rename(folder / path.name)
            while _count(engine) < expected or not is_resolved(engine):
                time.sleep(POLL_SECONDS)
            figures.append(time.monotonic() - started)
            cpu.append(_cpu(process) - spent)
    finally:
        watcher.terminate()
        watcher.wait()
    return figures, cpu, idle


def _cpu(process: psutil.Process) -> float:
    """CPU seconds of the watcher (its workers included: a round of ten files runs in the watcher itself)."""
    times = process.cpu_times()
    return times.user + times.system


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(m.Article)) or 0


if __name__ == "__main__":
    main()
