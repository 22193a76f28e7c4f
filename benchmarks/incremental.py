"""Incremental resolution: what bringing the record up to date costs after a few new articles, by store size.

    python benchmarks/incremental.py STORE.db [STORE.db ...] [--new 10] [--runs 3] [--profile]

Each STORE is a SQLite store, say one ``bilat ingest`` built from
``benchmarks/throughput.py``'s synthetic corpus. It is copied and brought
to this checkout's schema and record once (the first update after an
upgrade rebuilds the whole record: its time is printed apart). Then, for
each run, on a fresh copy of that: ``--new`` synthetic articles of another
seed (distinct from the store's) are stored as ``bilat ingest`` stores them,
and ``store.rebuild`` is timed, which ``bilat ingest`` runs after storing
them and every reading command runs first. Extraction is not timed: it is
the same whatever the store holds. Prints the median and the range of the
runs, the facts in the store, and with ``--profile`` the functions that took
most of one run (cProfile, cumulative).

Run it with ``PYTHONPATH`` set to another checkout's ``src`` to measure that
checkout on the same stores.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bilat import store
from bilat.evaluate import find_shared
from bilat.extract import extract
from bilat.ingest import read_document
from bilat.store import models as m

sys.path.insert(0, str(Path(__file__).parent))
from throughput import synthetic_corpus  # noqa: E402

NEW_SEED = 99
"""The synthetic corpus's seed for the new articles (the stores are built with its default, 7)."""
PROFILE_LINES = 25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stores", nargs="+", type=Path)
    parser.add_argument("--new", type=int, default=10, help="New articles stored before each update.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="Print where one run's time went.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        new = [(document, extract(document), ...) for document in map(read_document, synthetic_corpus(
            find_shared(), args.new, folder / "new", seed=NEW_SEED))]
        for path in args.stores:
            measure(path, new, args.runs, args.profile, folder)


def measure(path: Path, new: list, runs: int, profile: bool, scratch: Path) -> None:  # type: ignore[type-arg]
    base = scratch / "base.db"
    shutil.copy(path, base)
    engine = store.connect(str(base))
    store.upgrade(engine)
    started = time.perf_counter()
    store.rebuild(engine)
    first = time.perf_counter() - started
    with engine.connect() as connection:
        articles = connection.scalar(select(func.count()).select_from(m.Article))
        facts = connection.scalar(select(func.count()).select_from(m.Fact))
    engine.dispose()
    times = []
    for run in range(runs):
        copy = scratch / "run.db"
        shutil.copy(base, copy)
        engine = store.connect(str(copy))
        store.store_articles(engine, new)
        profiler = cProfile.Profile() if profile and run == 0 else None
        started = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        store.rebuild(engine)
        if profiler is not None:
            profiler.disable()
        times.append(time.perf_counter() - started)
        engine.dispose()
        if profiler is not None:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    print(f"{path.name}: {articles} articles, {facts} facts; first update after the upgrade {first:.2f} s; "
          f"{len(new)} new articles: update {statistics.median(times):.3f} s (median of {runs}, "
          f"{min(times):.3f}–{max(times):.3f})")


if __name__ == "__main__":
    main()
