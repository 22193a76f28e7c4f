"""Pathological inputs: extraction time against size for each, and its ratio per doubling (about 2 = linear).

    PYTHONPATH=src python benchmarks/pathological.py [--doublings 4] [--cap 60] [--case NAME ...]

Each case is a text no news site serves but a batch may meet (a list of
thousands of country names, a page flattened into one line, a link farm),
built at 1x, 2x, 4x, 8x... a base size that a linear bilat reads in well
under a second. Each measurement is one child process that builds the text,
compiles the rules on a small article first, then reads the text (a page
through trafilatura) and extracts it, with no time budget: the CPU seconds of
that reading and extraction are printed, with the outcome (facts found, or
why it was skipped) and the ratio to the size before. A measurement past
``--cap`` seconds is killed (a regular expression running in C cannot be
interrupted any other way), and the case's larger sizes are not tried.

Whichever bilat is on the path is measured: ``PYTHONPATH=src`` for this
checkout, ``PYTHONPATH=OTHER_CHECKOUT/src`` for another.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

_COUNTRIES = ("Việt Nam", "Lào", "Campuchia", "Nhật Bản", "Hàn Quốc", "Trung Quốc", "Hoa Kỳ", "Pháp", "Đức", "Nga")
_PAGE = ("<html><head><title>Việt Nam và Lào</title></head><body><article><h1>Việt Nam và Lào</h1>"
         "<p>Chiều 17/11, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone tại Hà Nội.</p>{}"
         "</article></body></html>")
_WARM_UP = "Ngày 17/11/2023, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào tại Hà Nội, kim ngạch đạt 1,5 tỷ USD.\n"


@dataclass(frozen=True)
class Case:
    name: str
    base: int
    """Repetitions at 1x: what a linear bilat reads in well under a second."""
    unit: str
    build: Callable[[int], str]
    page: bool = False


CASES = (
    Case("country names", 2_000, "names",
         lambda n: "Các nước: " + ", ".join(_COUNTRIES[i % len(_COUNTRIES)] for i in range(n)) + ".\n"),
    Case("short lines", 12_500, "lines", lambda n: "".join(f"Dòng {i} của bài.\n" for i in range(n))),
    Case("one long line", 1_000, "phrases", lambda n: "Việt Nam và Lào tăng cường hợp tác kinh tế trong năm 2023 " * n),
    Case("'Thủ tướng' repeated", 4_000, "times", lambda n: "Thủ tướng " * n),
    Case("'USD 1.' repeated", 5_000, "times", lambda n: "Kim ngạch đạt USD 1." * n + "\n"),
    Case("'tỷ' repeated", 12_500, "times", lambda n: "Kim ngạch đạt 15 " + "tỷ " * n + "USD.\n"),
    Case("a run of spaces", 20_000, "spaces", lambda n: "Việt Nam" + " " * n + "và Lào hợp tác.\n"),
    Case("links in a paragraph", 25_000, "links", lambda n: _PAGE.format(
        "<p>" + "".join(f'<a href="/p{i}">Bài {i}</a> ' for i in range(n)) + "</p>"), page=True),
    Case("links in a list", 2_000, "links", lambda n: _PAGE.format(
        "<ul>" + "".join(f'<li><a href="/p{i}">Bài {i}</a></li>' for i in range(n)) + "</ul>"), page=True),
)


def measure(case: Case, size: int) -> dict[str, object]:
    """What the child process does: build the text, warm the rules up, then read and extract it, timed."""
    from bilat.errors import BilatError
    from bilat.extract import extract
    from bilat.extract.facts import SECTIONS
    from bilat.ingest.html import page_article
    from bilat.ingest.read import read_text_document, with_header

    extract(read_text_document("lang: vi\n---\n" + _WARM_UP, doc_id="warm-up"))
    text = case.build(size)
    started = time.process_time()
    try:
        body = with_header(*page_article(text, case.name)) if case.page else "lang: vi\n---\n" + text
        facts = extract(read_text_document(body, doc_id=case.name))
        outcome = f"{sum(len(getattr(facts, s)) for s in SECTIONS)} facts"
    except BilatError as exc:
        outcome = f"{exc.kind}"
    return {"seconds": time.process_time() - started, "chars": len(text), "outcome": outcome}


def run(cases: list[Case], doublings: int, cap: float) -> None:
    print(f"{'case':<22} {'size':>9} {'chars':>10} {'CPU s':>8} {'x/doubling':>10}  outcome", flush=True)
    for case in cases:
        previous: float | None = None
        for step in range(doublings):
            size = case.base * 2 ** step
            try:
                child = subprocess.run([sys.executable, __file__, "--one", case.name, str(size)],
                                       capture_output=True, text=True, timeout=cap, check=True)
            except subprocess.TimeoutExpired:
                print(f"{case.name:<22} {size:>9} {'':>10} {f'>{cap:g}':>8} {'':>10}  killed at the cap", flush=True)
                break
            except subprocess.CalledProcessError as exc:
                print(f"{case.name:<22} {size:>9}  failed: {exc.stderr.strip().splitlines()[-1:]}", flush=True)
                break
            figures = json.loads(child.stdout)
            seconds = figures["seconds"]
            ratio = f"{seconds / previous:.2f}" if previous else ""
            print(f"{case.name:<22} {size:>9} {figures['chars']:>10} {seconds:>8.3f} {ratio:>10}  {figures['outcome']}",
                  flush=True)
            previous = max(seconds, 1e-6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doublings", type=int, default=4, help="Sizes measured per case: 1x, 2x, 4x... (default 4).")
    parser.add_argument("--cap", type=float, default=60.0, help="Seconds after which a measurement is killed.")
    parser.add_argument("--case", action="append", choices=[c.name for c in CASES], help="Only this case (repeatable).")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    by_name = {c.name: c for c in CASES}
    if args.one:
        print(json.dumps(measure(by_name[args.one[0]], int(args.one[1]))))
        return
    run([by_name[n] for n in args.case] if args.case else list(CASES), args.doublings, args.cap)


if __name__ == "__main__":
    main()
