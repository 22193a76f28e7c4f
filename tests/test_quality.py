"""Extraction quality on the annotated corpus must not fall below the measured floor.

Runs the same evaluation as ``bilat eval`` and ``benchmarks/quality.py``:
every article with gold in ``../shared/gold/`` (Vietnamese), scored by
``../shared/tools/score.py``.
"""

from __future__ import annotations

import pytest

from bilat import evaluate
from bilat.errors import BilatError

FLOOR = {"F1": 0.920, "grounded_F1": 0.826}  # measured 2026-11-23 on the 17 Vietnamese gold articles
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def evaluation() -> tuple[str, dict[str, float], list[str]]:
    try:
        shared = evaluate.find_shared()
    except BilatError as exc:
        pytest.skip(f"no shared folder with corpus, gold and scorer: {exc}")
    failures: list[str] = []
    report, figures = evaluate.run(shared, "vi", on_error=lambda doc_id, exc: failures.append(f"{doc_id}: {exc}"))
    return report, figures["micro"], failures


@pytest.mark.parametrize("figure", sorted(FLOOR))
def test_quality_stays_above_the_floor(evaluation: tuple[str, dict[str, float], list[str]], figure: str) -> None:
    report, micro, failures = evaluation
    assert not failures, "\n".join(failures)
    value = micro[figure]
    assert value >= FLOOR[figure] - TOLERANCE, f"{figure} {value:.3f} < floor {FLOOR[figure]} - {TOLERANCE}\n{report}"
