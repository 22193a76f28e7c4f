"""A living record at scale: what ten new articles, a read and a bulk ingest cost as the store grows.

    python benchmarks/living.py --cache DIR [--sizes 1000 10000 100000] [--checkout OTHER_CHECKOUT]

For each size, a store of that many synthetic, distinct articles
(``throughput.synthetic_corpus``) is built in ``--cache`` with ``bilat
ingest``, or reused when an earlier run built it there (a 100 000-article
store takes hours to build on two cores: build it once). Then prints:

- bulk ingest, when the store was built (else the figures of the run that
  built it): articles/s, the writer's CPU per article (its own process, not
  its workers'), the writer's peak memory and that of the whole process tree;
- ten new articles: ``bilat ingest`` of ten more into a copy of the store,
  then ``bilat relation`` of its most documented pair, as a user runs them
  (each a new process, its start-up included), and the total; twice:
  - mixed: ten more synthetic articles, each mixing paragraphs of six real
    ones, so that together they touch about sixty pairs, nearly every part
    of the record (its worst case);
  - real: ten real articles of the shared corpus (seeds, dev, dev-en; never
    the held-out check folds), their dates shifted (``REAL_YEARS``) so that
    each is new, about the pairs that article is about: the news as it comes;
- ``bilat relation`` in the process (the command through Typer, start-up
  left out), ``GET /api/relations`` and ``GET /api/relations/{pair}``: p50 and
  p95 over ``--requests`` runs, each run on a new generation of the store so
  that no answer comes from the server's memory (``web.cache``, ``api.records``).

``--checkout`` measures another checkout of bilat (an earlier commit, say):
its sources are imported, and run by the subprocesses. Its stores are kept
apart from this checkout's (``--cache`` should differ, as schemas may).
Targets (two cores): ten new articles visible in under 5 s at 100 000;
relation and API p95 under 100 ms at every size; the ingest rate at the
largest size within 1.5x of the smallest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
NEW_ARTICLES = 10
"""The articles a day brings to a desk that follows a few outlets: what "ten new articles" costs is the figure asked."""
REAL_FOLDERS = ("corpus/seeds", "corpus/dev", "corpus/dev-en")
"""Where the real new articles are drawn from: the shared corpus, less its held-out check folds."""
REAL_YEARS = 7
"""How far the real new articles' years move: past the synthetic articles' (``throughput`` shifts them 6 at most),
so each one's dated events are news to the store, as a new article's are."""
REQUESTS = 50
"""Runs of each read: enough for a p95 that is not the single slowest run."""
SAMPLE_SECONDS = 0.05
"""How often a running ingest's memory and CPU are read: fine enough for a peak, cheap enough not to slow it."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, required=True, help="folder for the corpora and stores, reused by later runs")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--checkout", type=Path, default=HERE.parent, help="the bilat checkout to measure")
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args(argv)
    src = (args.checkout / "src").resolve()
    sys.path[:0] = [str(src), str(HERE)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    from bilat.evaluate import find_shared

    shared = args.shared or find_shared()
    args.cache.mkdir(parents=True, exist_ok=True)
    print(f"bilat from {src}; stores in {args.cache}")
    rates = {}
    for size in args.sizes:
        print(f"\n== {size} articles")
        base, new = _corpus(shared, size, args.cache / f"corpus-{size}")
        db = args.cache / f"store-{size}.db"
        built = _built(base, db)
        rates[size] = built["articles_per_s"]
        print(f"bulk ingest{' (an earlier run)' if built['reused'] else ''}: {built['articles_per_s']:.1f} articles/s, "
              f"writer {built['writer_cpu_ms']:.1f} ms CPU/article, writer peak {built['writer_peak_mib']:.0f} MiB, "
              f"whole tree peak {built['tree_peak_mib']:.0f} MiB ({built['seconds']:.0f} s)")
        pair = _top_pair(db)
        print(f"most documented pair: {'-'.join(pair)}")
        for kind, folder in (("mixed, touching ~60 pairs", new), ("real, each about its own pairs", _real(shared, args.cache))):
            ingest_s, relation_s = _ten_new(db, folder, pair, args.cache / "scratch.db")
            print(f"{NEW_ARTICLES} new articles ({kind}): ingest {ingest_s:.2f} s + bilat relation {relation_s:.2f} s "
                  f"= {ingest_s + relation_s:.2f} s to see them")
        for name, timings in _reads(db, pair, args.requests).items():
            print(f"{name}: p50 {_ms(statistics.median(timings))}, p95 {_ms(_p95(timings))} ({len(timings)} runs)")
    if len(rates) > 1:
        smallest, largest = min(rates), max(rates)
        print(f"\ningest rate at {largest} / at {smallest}: {rates[largest] / rates[smallest]:.2f}")
    return 0


def _corpus(shared: Path, size: int, folder: Path) -> tuple[Path, Path]:
    """``size`` synthetic articles in ``folder/base`` and ``NEW_ARTICLES`` more, distinct from them, in ``folder/new``."""
    from throughput import synthetic_corpus

    base, new = folder / "base", folder / "new"
    if not (base.is_dir() and new.is_dir()):
        shutil.rmtree(folder, ignore_errors=True)
        paths = synthetic_corpus(shared, size + NEW_ARTICLES, folder / "all")  # one draw: the ten are like the rest
        base.mkdir()
        new.mkdir()
        for number, path in enumerate(paths):
            path.rename((base if number < size else new) / path.name)
        (folder / "all").rmdir()
    return base, new


def _real(shared: Path, cache: Path) -> Path:
    """``NEW_ARTICLES`` real articles of ``REAL_FOLDERS``, drawn once, their dates shifted, in ``cache/real``."""
    from throughput import shift_dates

    folder = cache / "real"
    if not folder.is_dir():
        sources = sorted(path for name in REAL_FOLDERS for path in (shared / name).glob("*.txt"))
        folder.mkdir()
        for number, path in enumerate(random.Random(NEW_ARTICLES).sample(sources, NEW_ARTICLES)):
            text = shift_dates(path.read_text(encoding="utf-8"), REAL_YEARS, number)
            (folder / f"real{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _built(base: Path, db: Path) -> dict[str, float]:
    """The bulk-ingest figures of the store at ``db``: measured now if it is not built yet, else those kept beside it."""
    figures = db.with_suffix(".json")
    if db.exists() and figures.exists():
        return json.loads(figures.read_text()) | {"reused": True}
    db.unlink(missing_ok=True)
    seconds, writer_cpu, writer_peak, tree_peak = _measured([sys.executable, "-m", "bilat", "ingest", str(base), "--db", str(db)])
    count = sum(1 for _ in base.iterdir())
    result = {
        "seconds": seconds, "articles_per_s": count / seconds, "writer_cpu_ms": 1000 * writer_cpu / count,
        "writer_peak_mib": writer_peak / 2**20, "tree_peak_mib": tree_peak / 2**20,
    }
    figures.write_text(json.dumps(result))
    return result | {"reused": False}


def _measured(command: list[str]) -> tuple[float, float, int, int]:
    """Run ``command``: its seconds, its own CPU seconds, its own peak RSS and that of its process tree (bytes)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    cpu = own_peak = tree_peak = 0
    while process.poll() is None:
        try:
            times = watched.cpu_times()
            cpu = times.user + times.system
            own = watched.memory_info().rss
            children = sum(child.memory_info().rss for child in watched.children(recursive=True))
            own_peak, tree_peak = max(own_peak, own), max(tree_peak, own + children)
        except psutil.Error:  # it, or a worker, ended between two reads
            pass
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):  # 1: some inputs skipped, which a synthetic corpus may have
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return seconds, cpu, own_peak, tree_peak


def _top_pair(db: Path) -> tuple[str, str]:
    from bilat import store

    engine = store.connect(f"sqlite:///{db}")
    first, second = store.relations(engine)[0]["countries"]
    engine.dispose()
    return first, second


def _ten_new(db: Path, new: Path, pair: tuple[str, str], scratch: Path) -> tuple[float, float]:
    """Seconds for ``bilat ingest`` of the new articles into a copy of the store, and for ``bilat relation`` after it."""
    with sqlite3.connect(db) as source, sqlite3.connect(scratch) as copy:  # with what a write-ahead log still holds
        source.backup(copy)
    try:
        ingest_s = _measured([sys.executable, "-m", "bilat", "ingest", str(new), "--db", str(scratch)])[0]
        relation_s = _measured([sys.executable, "-m", "bilat", "relation", *pair, "--db", str(scratch)])[0]
    finally:
        scratch.unlink(missing_ok=True)
    return ingest_s, relation_s


def _reads(db: Path, pair: tuple[str, str], requests: int) -> dict[str, list[float]]:
    """Seconds of each run of ``bilat relation`` (in this process) and of the API's index of pairs and record."""
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from bilat import store
    from bilat.cli import app
    from bilat.store import generation
    from bilat.web.app import create_app

    engine = store.connect(f"sqlite:///{db}")

    def new_generation() -> None:
        with engine.begin() as connection:
            generation.bump(connection)

    runner = CliRunner()
    reads = {
        "bilat relation": lambda: runner.invoke(app, ["relation", *pair, "--db", str(db)]),
        "GET /api/relations": lambda: client.get("/api/relations"),
        f"GET /api/relations/{'-'.join(pair)}": lambda: client.get(f"/api/relations/{'-'.join(pair)}"),
    }
    timings: dict[str, list[float]] = {}
    with TestClient(create_app(engine)) as client:
        for name, read in reads.items():
            timings[name] = []
            for _ in range(requests):
                new_generation()
                started = time.perf_counter()
                answer = read()
                timings[name].append(time.perf_counter() - started)
                failed = getattr(answer, "exit_code", 0) or getattr(answer, "status_code", 200) != 200
                if failed:
                    raise SystemExit(f"{name} failed: {answer}")
    engine.dispose()
    return timings


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:.0f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
