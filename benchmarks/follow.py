"""Following: what a first poll of an outlet costs per page, and what a poll that finds nothing new costs.

    python benchmarks/follow.py [--host-delay 0] [--shared ../shared]

Serves the real articles of the shared corpus (seeds, dev, dev-en; the
held-out check folds are left out) as news pages on 127.0.0.1, with an RSS
feed over them (``tests/outlet.py``, as the tests do), then runs
``bilat follow --once`` on it into a new SQLite store, twice, and prints for
each run its wall time and CPU time (the follower's process, from
``getrusage``), per page for the first. The first run fetches, reads,
extracts and stores every page and updates the merged record; the second is
one conditional request answered 304. With the default host delay of
``bilat follow`` (1 s) the first run's wall time is the delay times the pages:
``--host-delay 0`` shows the follower's own cost.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from outlet import Outlet, serving, stories  # noqa: E402

from bilat.evaluate import find_shared  # noqa: E402

FOLDS = ("seeds", "dev", "dev-en")


def follow_once(feed: str, db: Path, host_delay: float) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and the summary line of one ``bilat follow --once`` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bilat", "follow", feed, "--once", "--db", str(db), "--host-delay", str(host_delay)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host-delay", type=float, default=0.0)
    parser.add_argument("--shared", type=Path, default=None)
    options = parser.parse_args()
    corpus = (options.shared or find_shared()) / "corpus"
    files = [path for fold in FOLDS for path in sorted((corpus / fold).glob("*.txt"))]
    outlet = Outlet(stories(files))
    with tempfile.TemporaryDirectory() as folder, serving(outlet):
        db = Path(folder) / "bilat.db"
        feed = outlet.url("/rss.xml")
        wall, cpu, summary = follow_once(feed, db, options.host_delay)
        pages = len(outlet.page_requests())
        print(f"first poll: {pages} pages in {wall:.1f} s wall ({pages / wall:.1f} pages/s), {cpu:.1f} s CPU "
              f"({1000 * cpu / pages:.0f} ms a page, start-up included); {summary}")
        wall, cpu, summary = follow_once(feed, db, options.host_delay)
        statuses = [request.status for request in outlet.requests[pages + 1:]]
        print(f"second poll: {wall:.2f} s wall, {cpu:.2f} s CPU, answers {statuses}; {summary}")


if __name__ == "__main__":
    main()
