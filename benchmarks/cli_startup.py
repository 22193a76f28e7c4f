"""Start-up: how long ``bilat --help``, ``bilat --version`` and ``bilat relation --help`` take to answer.

    python benchmarks/cli_startup.py [--runs 15] [--against OTHER_CHECKOUT]

Runs each command ``--runs`` times in a fresh interpreter (``python -m
bilat``, this checkout's ``src`` first on the path) and prints the median
and the fastest wall time; with ``--against``, the same for another checkout
(``git worktree add /tmp/before <commit>``), the two interleaved run by run
so that a shared machine's noise falls on both. Last, the modules that
cost most to import, by ``python -X importtime -c 'import bilat.cli'``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (["--help"], ["--version"], ["relation", "--help"])
HEAVIEST = 8
"""How many of the costliest imports to list: enough to see what a change should make lazy."""


def timed(checkout: Path, arguments: list[str]) -> float:
    """Wall seconds of one ``python -m bilat ARGUMENTS`` run from ``checkout``'s sources."""
    environment = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bilat", *arguments], env=environment, capture_output=True, check=True)
    return time.perf_counter() - started


def heaviest_imports(checkout: Path) -> list[tuple[int, str]]:
    """The modules with the largest cumulative import time (µs) when ``bilat.cli`` is imported."""
    environment = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import bilat.cli"], env=environment,
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():  # "import time: SELF | CUMULATIVE | NAME", under a header line
        _, cumulative, name = line.split("|")
        if cumulative.strip().isdigit():
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:HEAVIEST]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="Runs of each command in each checkout.")
    parser.add_argument("--against", type=Path, default=None, help="Another checkout to time the same way.")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    checkouts = {"this checkout": here} | ({str(args.against): args.against.resolve()} if args.against else {})
    for arguments in COMMANDS:
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        for _ in range(args.runs):
            for name, checkout in checkouts.items():
                times[name].append(timed(checkout, arguments))
        print(f"bilat {' '.join(arguments)}")
        for name, seconds in times.items():
            print(f"  {name:40} median {statistics.median(seconds):.3f} s   fastest {min(seconds):.3f} s")
    for name, checkout in checkouts.items():
        print(f"heaviest imports of bilat.cli, {name} (cumulative):")
        for micros, module in heaviest_imports(checkout):
            print(f"  {micros / 1000:7.1f} ms  {module}")


if __name__ == "__main__":
    main()
