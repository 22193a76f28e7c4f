"""Extraction quality on the annotated corpus must not fall below the measured floors.

Runs the same evaluation as ``bilat eval`` and ``benchmarks/quality.py``:
every article with gold in ``../shared/gold/`` (Vietnamese) and
``../shared/gold/en/`` (English), scored by ``../shared/tools/score.py``,
each language on its own.
"""

from __future__ import annotations

import pytest

from bilat import evaluate
from bilat.errors import BilatError

FLOORS = {  # measured 2026-11-23: 17 Vietnamese and 8 English gold articles
    "vi": {"F1": 0.925, "grounded_F1": 0.841},
    "en": {"F1": 0.886, "grounded_F1": 0.818},
}
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def evaluation() -> dict[str, tuple[str, dict[str, float], list[str]]]:
    try:
        shared = evaluate.find_shared()
    except BilatError as exc:
        pytest.skip(f"no shared folder with corpus, gold and scorer: {exc}")
    results = {}
    for lang in FLOORS:
        failures: list[str] = []

        def note(doc_id: str, exc: BilatError, failures: list[str] = failures) -> None:
            failures.append(f"{doc_id}: {exc}")

        report, figures = evaluate.run(shared, lang, on_error=note)
        results[lang] = (report, figures["micro"], failures)
    return results


@pytest.mark.parametrize(("lang", "figure"), [(lang, figure) for lang in FLOORS for figure in sorted(FLOORS[lang])])
def test_quality_stays_above_the_floor(
    evaluation: dict[str, tuple[str, dict[str, float], list[str]]], lang: str, figure: str,
) -> None:
    report, micro, failures = evaluation[lang]
    assert not failures, "\n".join(failures)
    value = micro[figure]
    floor = FLOORS[lang][figure]
    assert value >= floor - TOLERANCE, f"{lang} {figure} {value:.3f} < floor {floor} - {TOLERANCE}\n{report}"
