"""Exports: time, output size and peak memory of ``bilat export`` of the whole store and of its largest pair.

    python benchmarks/export.py [--articles 2000] [--db FILE] [--shared ../shared]

Builds a synthetic store of ``--articles`` distinct articles (as
``benchmarks/throughput.py`` writes them, from the shared corpus) with
``bilat ingest``, or reuses the one at ``--db`` if it holds a store. Then
runs ``bilat export`` in a subprocess for each format, ``--all`` and for the
pair with the most articles, writing to a temporary folder, and prints its
wall time and CPU time (user and system: what a busy shared machine does not
stretch), the bytes written and the peak resident memory of the process; and
``bilat relation`` of that pair as JSON, the record an export starts from.
An export streams a pair's record at a time: the peak of ``--all`` should
stay near that of its largest pair, however much it writes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]
from load import build, store_status  # noqa: E402

from bilat.evaluate import find_shared  # noqa: E402

FORMATS = (("csv", ["--format", "csv"]), ("jsonl", ["--format", "jsonl"]), ("plover", ["--format", "plover"]))
SAMPLE_SECONDS = 0.02
"""How often the export's memory is read: its runs last a second or more."""


def measured(arguments: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (bytes) of ``bilat ARGUMENTS`` in a subprocess."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bilat", *arguments], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = 0
    while True:
        try:
            peak = max(peak, watched.memory_info().rss)
        except psutil.Error:
            pass
        finished, status, usage = os.wait4(process.pid, os.WNOHANG)
        if finished:
            break
        time.sleep(SAMPLE_SECONDS)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bilat {' '.join(arguments)} failed ({process.returncode})")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak


def largest_pair(db: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", (
        "import json, sys; from bilat import store; "
        "print(json.dumps(store.relations(store.connect(sys.argv[1]))[0]))"
    ), db], capture_output=True, text=True, check=True)
    pair: dict[str, object] = json.loads(result.stdout)
    print(f"largest pair: {pair}")
    return list(pair["countries"])  # type: ignore[call-overload]


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", help="a SQLite file to build the store in once, and reuse")
    parser.add_argument("--shared", type=Path, default=None)
    options = parser.parse_args()
    shared = options.shared or find_shared()
    with tempfile.TemporaryDirectory(prefix="bilat-export-") as tmp:
        db = options.db or str(Path(tmp) / "bilat.db")
        status = store_status(db)
        if status is None:
            build(db, options.articles, shared)
            status = store_status(db)
        print(status)
        pair = largest_pair(db)
        seconds, cpu, peak = measured(["relation", *pair, "--format", "json", "--db", db])
        print(f"relation {'-'.join(pair):<6} json   {seconds:6.1f} s wall {cpu:6.1f} s CPU  peak RSS {peak / 2**20:6.0f} MB")
        for scope, what in (("--all", ["--all"]), ("-".join(pair), pair)):
            for name, arguments in FORMATS:
                out = Path(tmp) / f"out-{name}-{scope.strip('-')}"
                target = out if name == "csv" else out.with_suffix(".jsonl")
                seconds, cpu, peak = measured(["export", *what, *arguments, "-o", str(target), "--db", db])
                print(f"export {scope:<8} {name:<6} {seconds:6.1f} s wall {cpu:6.1f} s CPU  "
                      f"{size_of(target) / 2**20:7.1f} MB written  peak RSS {peak / 2**20:6.0f} MB")


if __name__ == "__main__":
    main()
