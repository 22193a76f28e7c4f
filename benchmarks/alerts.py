"""Alerts: what looking for them adds to an update of the merged record, and what reading them costs.

    python benchmarks/alerts.py [--articles 1000 3000] [--keep FOLDER]

Builds a store of each size (``throughput.synthetic_corpus``, with ``bilat
ingest``; kept in ``--keep`` and reused when there), then prints, on a copy
of it whose articles are made a day old (as a living store's are when news
comes in), the seconds ``store.alerts.raise_alerts`` takes inside one
transaction: with nothing followed; with every pair followed, the first time
(every contact, signing and fulfilment of the store is new) and the next
(nothing is: the cost every later update pays); the same with one pair
followed (the store's most documented); what ingesting the two seed articles
(an invitation, the visit that honours it) raises; and the median of ``REPEATS``
``GET /api/alerts`` and ``/r/PAIR/feed.atom`` answers, computed afresh each
time (the app's answer cache is bypassed by a new query string).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]  # this checkout; throughput.py

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from throughput import ingest, synthetic_corpus  # noqa: E402

from bilat import store  # noqa: E402
from bilat.evaluate import find_shared  # noqa: E402
from bilat.store.alerts import raise_alerts  # noqa: E402
from bilat.web.app import create_app  # noqa: E402

REPEATS = 20
"""Requests per endpoint: enough for a median on a shared, noisy machine."""
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
"""Following from before any article: every alert of the store is raised the first time."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--keep", type=Path, help="Folder to keep the stores in, and reuse them from.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        keep = args.keep or Path(scratch)
        keep.mkdir(parents=True, exist_ok=True)
        for size in args.articles:
            built = keep / f"alerts-{size}.db"
            if not built.exists():
                folder = Path(scratch) / f"corpus-{size}"
                synthetic_corpus(find_shared(), size, folder)
                seconds, _, summary = ingest(folder, built)
                print(f"built {size} articles in {seconds:.0f} s ({summary})")
            copy = Path(scratch) / f"copy-{size}.db"
            shutil.copy(built, copy)
            engine = store.connect(str(copy))
            with engine.begin() as connection:  # stored yesterday: a living store's updates find its articles old
                connection.exec_driver_sql("UPDATE article SET stored_at = datetime(stored_at, '-1 day')")
            measure(size, engine)


def measure(size: int, engine: Engine) -> None:
    busiest = store.relations(engine)[0]["countries"]
    pair = store.pair_key(*busiest)
    print(f"\n{size} articles, {len(store.relations(engine))} pairs (busiest {pair}):")
    print(f"  nothing followed:               {_raise(engine)[0] * 1000:8.1f} ms")
    store.follow(engine, pair, now=LONG_AGO)
    first, raised = _raise(engine)
    print(f"  {pair} followed, first update:  {first * 1000:8.1f} ms, {raised} alerts raised")
    print(f"  {pair} followed, next update:   {_raise(engine)[0] * 1000:8.1f} ms")
    store.follow(engine, store.EVERY_PAIR, age_days=90, now=LONG_AGO)
    first, raised = _raise(engine)
    print(f"  every pair, first update:       {first * 1000:8.1f} ms, {raised} alerts raised")
    print(f"  every pair, next update:        {_raise(engine)[0] * 1000:8.1f} ms")
    before = store.alerts_raised(engine, limit=1)[0]
    seconds, _, _ = ingest(find_shared() / "corpus" / "seeds", Path(str(engine.url.database)))
    raised = store.alerts_raised(engine, limit=1)[0] - before
    print(f"  every pair, the 2 seeds ingested: {seconds:5.1f} s in all, {raised} alerts raised")
    print(f"  every pair, next update:        {_raise(engine)[0] * 1000:8.1f} ms")
    with TestClient(create_app(engine)) as client:
        for path in ("/api/alerts", f"/api/alerts?pair={pair}", f"/r/{'-'.join(busiest)}/feed.atom"):
            times = []
            for n in range(REPEATS):
                started = time.perf_counter()
                answer = client.get(path, params={"_": n})
                times.append(time.perf_counter() - started)
                assert answer.status_code == 200, answer.text
            print(f"  GET {path:32} median {statistics.median(times) * 1000:6.1f} ms, {len(answer.content) // 1024} kB")


def _raise(engine: Engine) -> tuple[float, int]:
    """Seconds one ``raise_alerts`` over every pair takes, and how many it raised (committed)."""
    with Session(engine) as session, session.begin():
        started = time.perf_counter()
        raised = raise_alerts(session)
        return time.perf_counter() - started, raised


if __name__ == "__main__":
    main()
