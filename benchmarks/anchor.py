"""How well the article's date is inferred when its header does not give it.

    python benchmarks/anchor.py [--shared DIR] [--show]

Every article in the shared corpus and pool whose header states ``published``
is read again with that date hidden, as if the header said ``unknown``; the
``anchor`` component's inferred date is compared with the header's: the year,
and the month where both have one; then the year right by the cue that decided. ``--show`` lists the articles it gets wrong
or leaves unknown, with the cue that decided.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

# Measure this checkout's code, even when another bilat is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bilat.extract import _register_builtins  # noqa: E402
from bilat.extract.components.dates import anchor_of  # noqa: E402
from bilat.extract.pipeline import run  # noqa: E402
from bilat.ingest import read_document  # noqa: E402

FOLDERS = ("corpus/dev", "corpus/dev-en", "corpus/seeds", "pool/vi", "pool/en")
"""Folders whose texts may be read (never the check folds)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("BILAT_SHARED", Path(__file__).resolve().parents[2] / "shared")))
    parser.add_argument("--show", action="store_true", help="list the articles whose date is missed")
    args = parser.parse_args(argv)
    _register_builtins()
    by_cue: dict[str, list[int]] = {}
    for folder in FOLDERS:
        total = year_right = month_total = month_right = unknown = 0
        for path in sorted((args.shared / folder).glob("*.txt")):
            doc = read_document(path)
            if doc.published is None:
                continue
            hidden = replace(doc, published=None, layers={})
            run(hidden, ("sentences", "countries", "orgs", "dates", "anchor"))
            anchor = anchor_of(hidden)
            truth = doc.published.split("-")
            total += 1
            got = anchor.published
            if got is None:
                unknown += 1
            else:
                tally = by_cue.setdefault(anchor.how, [0, 0])
                tally[1] += 1
                if got[:4] == truth[0]:
                    year_right += 1
                    tally[0] += 1
            if len(truth) > 1 and got is not None and len(got) >= 7:
                month_total += 1
                month_right += got[:7] == doc.published[:7]
            if args.show and (got is None or got[:4] != truth[0] or (len(truth) > 1 and got[:7] not in (doc.published[:7], got[:4]))):
                print(f"  {folder}/{path.stem}: header {doc.published}, inferred {got} ({anchor.how})")
        if total:
            print(f"{folder:14s} dated {total:3d}  year right {year_right / total:.0%}  unknown {unknown / total:.0%}"
                  f"  month right {month_right}/{month_total}")
    print("year right by deciding cue: " + ", ".join(f"{how} {right}/{n}" for how, (right, n) in sorted(by_cue.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
