"""Extraction quality on the annotated corpus: the scorer's table and its last line.

    python benchmarks/quality.py [--shared DIR] [--lang all|vi|en] [--fold all|dev|check] [--per-doc]

The same evaluation as ``bilat eval`` and ``tests/test_quality.py``: every
article with gold in the shared folder (``../shared`` beside the checkout, or
``$BILAT_SHARED``), extracted by this checkout and scored by
``shared/tools/score.py``; by default each language in each fold (dev, then
the held-out check fold) on its own, then each fold over all languages, and
each language's dev-minus-check gap. The time taken goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# Measure this checkout's code, even when another bilat is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bilat import evaluate  # noqa: E402
from bilat.errors import BilatError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, help="the shared folder (default: $BILAT_SHARED, else ../shared)")
    parser.add_argument("--lang", default="all", help="gold language: vi (gold/), gold/<lang>/, or all (each, then together)")
    parser.add_argument("--fold", default="all", help="gold fold: dev, check (held out), or all (each, then their gap)")
    parser.add_argument("--per-doc", action="store_true", help="also print a table for each document")
    args = parser.parse_args(argv)

    def report_error(doc_id: str, exc: BilatError) -> None:
        print(f"no prediction for {doc_id}: {exc}", file=sys.stderr)

    started = time.perf_counter()
    try:
        report = evaluate.report(args.shared, args.lang, args.fold, per_doc=args.per_doc, on_error=report_error)
    except BilatError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"evaluated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
