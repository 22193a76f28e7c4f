"""Extraction quality on the annotated corpus must not fall below the measured floor.

Runs the same evaluation as ``bilat eval`` and ``benchmarks/quality.py``:
every article with gold in ``../shared/gold/`` (Vietnamese), scored by
``../shared/tools/score.py``.
"""

from __future__ import annotations

import pytest

from bilat import evaluate
from bilat.errors import BilatError

FLOOR = 0.0  # TODO lead: set to the micro-F1 `bilat eval` reports, with "# measured YYYY-MM-DD"
TOLERANCE = 0.02


def test_micro_f1_stays_above_the_floor() -> None:
    try:
        shared = evaluate.find_shared()
    except BilatError as exc:
        pytest.skip(f"no shared folder with corpus, gold and scorer: {exc}")
    failures: list[str] = []
    report, figures = evaluate.run(shared, "vi", on_error=lambda doc_id, exc: failures.append(f"{doc_id}: {exc}"))
    f1 = figures["micro"]["F1"]
    assert f1 >= FLOOR - TOLERANCE, f"micro-F1 {f1:.3f} < floor {FLOOR} - {TOLERANCE}\n{report}\n" + "\n".join(failures)
