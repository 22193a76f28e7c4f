"""Throughput: extraction per worker, end-to-end ingest into SQLite, peak memory, and the Dask engine.

    python benchmarks/throughput.py [--sizes 1000 10000] [--shared ../shared]
    python benchmarks/throughput.py --real [--against OTHER_CHECKOUT]

``--real`` measures extraction alone, per core (CPU time), on the real articles of
the shared folder (seeds, dev and pool, each language apart; the held-out
check folds are left out), and with ``--against`` the same for another
checkout of bilat (an earlier commit, say), the two interleaved round by
round so that a shared machine's noise falls on both, with their ratio.

Builds a synthetic corpus from the Vietnamese articles of the shared corpus:
each synthetic article is a real header and headline over paragraphs drawn
from several real articles, in a new order, with its years and days shifted,
so every article is a distinct document (deduplication does not make the
work vanish) of about the real articles' size. Then prints, from one run:

- extraction alone (read, language, rules; no store), articles/s with one
  worker and with one per core once they are up, their ratio, and beside it
  the ratio this machine gives a pure-Python loop (shared cloud cores often
  give well under 2x);
- ``bilat ingest`` end to end into a new SQLite file, at each size: wall
  time, articles/s, and the peak memory of the whole process tree
  (the writer and its workers, sampled every 50 ms);
- the Dask engine (a LocalCluster) against the local engine on the smallest size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

from bilat import batch
from bilat.evaluate import find_shared
from bilat.ingest import read_document

_YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
_DAY = re.compile(r"\b([12]?\d)/(1[0-2]|[1-9])\b")


def synthetic_corpus(shared: Path, size: int, folder: Path, seed: int = 7) -> list[Path]:
    """``size`` distinct articles written to ``folder``, built from the Vietnamese articles of ``shared``."""
    rng = random.Random(seed)
    sources = sorted((shared / "corpus" / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "dev").glob("*.txt"))
    articles = []
    for path in sources:
        document = read_document(path)
        body = document.text[document.body_start:]
        lines = [line for line in body.split("\n") if line.strip()]
        articles.append((document.text[:document.body_start], lines[0], lines[1:]))
    paragraphs = [p for _, _, ps in articles for p in ps if len(p) > 80]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(size):
        header, headline, own = articles[number % len(articles)]
        shift = rng.randint(-6, 6)
        chosen = rng.sample(own, min(len(own), 3)) + rng.sample(paragraphs, 3)
        rng.shuffle(chosen)
        body = shift_dates("\n\n".join([headline, *chosen]), shift, number % 28)
        path = folder / f"a{number:06d}.txt"
        path.write_text(header + body + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def shift_dates(text: str, years: int, days: int) -> str:
    """``text`` with its years moved by ``years`` and its day/month dates by ``days`` (within a 28-day month)."""
    text = _YEAR.sub(lambda m: str(int(m.group()) + years), text)
    return _DAY.sub(lambda m: f"{(int(m.group(1)) + days) % 28 + 1}/{m.group(2)}", text)


def extraction_rate(paths: list[Path], workers: int) -> tuple[float, float]:
    """Articles per second through the batch engine alone (read, detect the language, extract), once started,
    and the seconds to the first result (starting the worker processes)."""
    started = time.perf_counter()
    first = count = 0
    for results in batch.run(batch.items(paths), batch.Engine.local, workers):
        if not first:
            first, count = time.perf_counter(), 0
        count += len(results)
    return count / (time.perf_counter() - first), first - started


def cpu_ratio(workers: int) -> float:
    """How much faster ``workers`` processes run a pure-Python loop than one: what this machine's cores allow."""
    rounds, alone, together = 3_000_000, [], []
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_burn, [1] * workers))
        for _ in range(3):  # interleaved, the best of each: a shared machine's noise only ever slows a run
            started = time.perf_counter()
            for _ in range(workers):
                _burn(rounds)
            alone.append(time.perf_counter() - started)
            started = time.perf_counter()
            list(pool.map(_burn, [rounds] * workers))
            together.append(time.perf_counter() - started)
    return min(alone) / min(together)


def _burn(rounds: int) -> int:
    total = 0
    for i in range(rounds):
        total += i * i
    return total


def ingest(folder: Path, db: Path, *extra: str) -> tuple[float, int, str]:
    """Seconds, peak RSS of the process tree (bytes) and summary line of ``bilat ingest`` in a subprocess."""
    command = [sys.executable, "-m", "bilat", "ingest", str(folder), "--db", str(db), *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({process.returncode}):\n{stderr}")
    summary = next((line for line in reversed(stderr.splitlines()) if " stored, " in line), stderr.strip())
    return elapsed, peak, summary


REAL_FOLDERS = {"vi": ("corpus/seeds", "corpus/dev", "pool/vi"), "en": ("corpus/dev-en", "pool/en")}
"""The real articles of the shared folder, by language: everything but the held-out check folds."""

REAL_ROUNDS = 5
"""Passes over the real articles per checkout; the best pass is kept (noise only ever slows a run).
Each pass is timed in CPU seconds of its process, so that articles per second is per core, and
other work on a shared machine does not count against it; a language's rules are compiled before
its pass (a batch pays for that once per worker, see the start-up line)."""

_REAL_RATE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from bilat.extract import extract
from bilat.ingest import read_document
from bilat.lang import LANGUAGES
from pathlib import Path
documents = {lang: [read_document(Path(p)) for p in paths] for lang, paths in json.load(sys.stdin).items()}
for lang, docs in documents.items():
    docs = [doc for doc in docs if doc.lang in LANGUAGES]  # a pool article in another language is skipped
    extract(docs[0])  # the language's rules are compiled once per process, before the timed pass
    started = time.process_time()
    for doc in docs:
        extract(doc)
    print(json.dumps([lang, len(docs) / (time.process_time() - started)]))
"""


def real_rates(shared: Path, checkouts: list[Path]) -> dict[Path, dict[str, float]]:
    """Best articles/s per language of each checkout's ``extract()`` on one core, rounds interleaved."""
    paths = {lang: [str(p) for folder in folders for p in sorted((shared / folder).glob("*.txt"))]
             for lang, folders in REAL_FOLDERS.items()}
    best: dict[Path, dict[str, float]] = {checkout: {} for checkout in checkouts}
    for _ in range(REAL_ROUNDS):
        for checkout in checkouts:
            run = subprocess.run([sys.executable, "-c", _REAL_RATE, str(checkout / "src")], input=json.dumps(paths),
                                 capture_output=True, text=True, check=False)
            if run.returncode:
                raise SystemExit(f"extraction failed in {checkout}:\n{run.stderr}")
            for line in run.stdout.splitlines():
                lang, rate = json.loads(line)
                best[checkout][lang] = max(best[checkout].get(lang, 0.0), rate)
    return best


def print_real(shared: Path, against: Path | None) -> None:
    here = Path(__file__).resolve().parents[1]
    checkouts = [here] + ([against.resolve()] if against else [])
    rates = real_rates(shared, checkouts)
    counts = {lang: sum(len(list((shared / f).glob("*.txt"))) for f in folders) for lang, folders in REAL_FOLDERS.items()}
    print(f"extraction alone on one core, real articles ({', '.join(f'{n} {lang}' for lang, n in counts.items())}), "
          f"best of {REAL_ROUNDS} passes")
    print(f"  {'language':<9}" + "".join(f"{c.name:>16}" for c in checkouts) + ("   ratio" if against else ""))
    for lang in REAL_FOLDERS:
        row = [rates[c][lang] for c in checkouts]
        ratio = f"   {row[0] / row[1]:.2f}x" if against else ""
        print(f"  {lang:<9}" + "".join(f"{r:12.0f} a/s" for r in row) + ratio)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--real", action="store_true", help="only extraction on the real articles, per language")
    parser.add_argument("--against", type=Path, default=None, help="with --real: another checkout to measure beside this one")
    args = parser.parse_args()
    shared = args.shared or find_shared()
    cores = os.cpu_count() or 1
    print(f"bilat throughput benchmark: {cores} cores, Python {sys.version.split()[0]}")
    if args.real:
        print_real(shared, args.against)
        return

    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        root = Path(tmp)
        corpora = {size: synthetic_corpus(shared, size, root / f"corpus-{size}") for size in args.sizes}
        sample = corpora[min(args.sizes)]
        average = sum(p.stat().st_size for p in sample) / len(sample)
        print(f"synthetic articles: {', '.join(map(str, args.sizes))}; {average / 1024:.1f} KiB each on average\n")

        (one, _), (many, startup) = extraction_rate(sample, 1), extraction_rate(sample, cores)
        print("extraction alone (no store), on the smallest corpus, once the workers are up")
        print(f"  1 worker        {one:8.0f} articles/s")
        print(f"  {cores} workers       {many:8.0f} articles/s   ({many / cores:.0f} per core; {startup:.1f} s to start them)")
        print(f"  ratio           {many / one:8.2f}x   (this machine runs {cores} CPU-bound processes "
              f"{cpu_ratio(cores):.2f}x as fast as one)\n")

        print("bilat ingest into a new SQLite file (end to end: read, extract, store, rebuild the record)")
        print(f"  {'articles':>8}  {'engine':<7} {'seconds':>8} {'articles/s':>10} {'peak RSS':>10}  summary")
        rows = []
        for size, paths in corpora.items():
            seconds, peak, summary = ingest(paths[0].parent, root / f"local-{size}.db")
            rows.append((size, "local", seconds, peak, summary))
        smallest = min(args.sizes)
        seconds, peak, summary = ingest(corpora[smallest][0].parent, root / "dask.db", "--engine", "dask")
        rows.append((smallest, "dask", seconds, peak, summary))
        for size, engine, seconds, peak, summary in rows:
            print(f"  {size:>8}  {engine:<7} {seconds:8.1f} {size / seconds:10.0f} {peak / 2**20:8.0f} MiB  {summary}")
        local_small = next(r for r in rows if r[0] == smallest and r[1] == "local")
        print(f"\n  dask / local on {smallest} articles: {local_small[2] / rows[-1][2]:.2f}x the local engine's speed")
        if len(args.sizes) > 1:
            low, high = (next(r for r in rows if r[0] == s and r[1] == "local") for s in (min(args.sizes), max(args.sizes)))
            print(f"  peak RSS at {high[0]} / at {low[0]}: {high[3] / low[3]:.2f}")


if __name__ == "__main__":
    main()
