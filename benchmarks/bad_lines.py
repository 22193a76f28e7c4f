"""Bad lines: how long ``bilat extract`` and ``bilat ingest`` take to report a dump that is mostly malformed.

    python benchmarks/bad_lines.py [--lines 300000] [--shared ../shared]

Writes a JSON Lines dump of the two seed articles around ``--lines`` lines
that are not JSON, then prints the wall time of ``bilat extract`` (each bad
line named on stderr) and of ``bilat ingest`` into a new SQLite file (each
also stored, for ``bilat skipped``), and their cost per bad line. Reporting
must grow linearly with the number of bad lines: tens of microseconds each, start-up included.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilat.evaluate import find_shared


def write_dump(shared: Path, lines: int, path: Path) -> None:
    """The seed articles as the first and last lines, ``lines`` malformed lines between them."""
    first, second = (seed.read_text(encoding="utf-8") for seed in sorted((shared / "corpus" / "seeds").glob("*.txt")))
    with path.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "first", "text": first}, ensure_ascii=False) + "\n")
        stream.write("{not json\n" * lines)
        stream.write(json.dumps({"id": "second", "text": second}, ensure_ascii=False) + "\n")


def timed(command: list[str]) -> tuple[float, int]:
    """The wall time of ``command`` and the lines it wrote on stderr."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, done.stderr.count("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=300_000, help="Malformed lines in the dump.")
    parser.add_argument("--shared", type=Path, default=None, help="The shared folder (default: found as bilat eval does).")
    args = parser.parse_args()
    shared = args.shared or find_shared()
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "crawl.jsonl"
        write_dump(shared, args.lines, dump)
        bilat = [sys.executable, "-m", "bilat"]
        runs = {
            "extract": [*bilat, "extract", str(dump), "--format", "jsonl", "-o", str(Path(tmp) / "facts.jsonl")],
            "ingest": [*bilat, "ingest", str(dump), "--db", f"sqlite:///{Path(tmp) / 'bilat.db'}"],
        }
        print(f"{args.lines} malformed lines and 2 articles")
        for name, command in runs.items():
            seconds, reported = timed(command)
            print(f"  {name:8} {seconds:6.1f} s  {reported} lines on stderr  "
                  f"{seconds / max(args.lines, 1) * 1e6:5.1f} µs a bad line")


if __name__ == "__main__":
    main()
