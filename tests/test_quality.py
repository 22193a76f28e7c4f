"""Extraction quality on the annotated corpus must not fall below the measured floors.

Runs the same evaluation as ``bilat eval`` and ``benchmarks/quality.py``: the
articles with gold in each fold of each language (see ``bilat.evaluate``),
scored by ``../shared/tools/score.py``. The dev folds are the articles rules
are written on; the check folds are held out, and their floors are what a
user can count on for an article nobody tuned to.
"""

from __future__ import annotations

import pytest

from bilat import evaluate
from bilat.errors import BilatError

FLOORS = {  # measured 2026-12-03: 47 + 26 dev articles, 10 + 6 check articles
    ("vi", "dev"): {"F1": 0.925, "grounded_F1": 0.812},
    ("vi", "check"): {"F1": 0.812, "grounded_F1": 0.727},
    ("en", "dev"): {"F1": 0.902, "grounded_F1": 0.793},
    ("en", "check"): {"F1": 0.708, "grounded_F1": 0.425},
}
TOLERANCE = 0.02
"""Slack below a floor: a check fold of 6-10 articles moves by about 0.01 for one fact."""

Evaluation = dict[tuple[str, str], tuple[str, dict[str, float], list[str]]]


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    try:
        shared = evaluate.find_shared()
    except BilatError as exc:
        pytest.skip(f"no shared folder with corpus, gold and scorer: {exc}")
    results = {}
    for lang, fold in FLOORS:
        if not evaluate.has_fold(shared, lang, fold):
            continue
        failures: list[str] = []

        def note(doc_id: str, exc: BilatError, failures: list[str] = failures) -> None:
            failures.append(f"{doc_id}: {exc}")

        report, figures = evaluate.run(shared, lang, fold, on_error=note)
        results[lang, fold] = (report, figures["micro"], failures)
    return results


@pytest.mark.parametrize(
    ("lang", "fold", "figure"), [(lang, fold, figure) for lang, fold in FLOORS for figure in sorted(FLOORS[lang, fold])],
)
def test_quality_stays_above_the_floor(evaluation: Evaluation, lang: str, fold: str, figure: str) -> None:
    if (lang, fold) not in evaluation:
        pytest.skip(f"the shared folder has no {fold} gold for {lang}")
    report, micro, failures = evaluation[lang, fold]
    assert not failures, "\n".join(failures)
    value = micro[figure]
    floor = FLOORS[lang, fold][figure]
    assert value >= floor - TOLERANCE, f"{lang} {fold} {figure} {value:.3f} < floor {floor} - {TOLERANCE}\n{report}"
