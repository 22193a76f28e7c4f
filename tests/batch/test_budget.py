"""The article time budget: an article past it is skipped as too slow, and the batch goes on."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from crashers import STALL_SECONDS, stall, stall_on_marked
from typer.testing import CliRunner

from bilat import batch
from bilat.batch import local
from bilat.batch.local import run_local
from bilat.cli import app
from bilat.errors import TooSlow
from bilat.extract import budget
from bilat.extract.budget import Budget
from bilat.ingest import read_text_document

runner = CliRunner()

TIGHT = "1"
"""A budget for the tests run in this process, whose rules are compiled already: far above a test article's time."""

BODY = ("Ngày {n}/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam theo lời mời của Bộ trưởng "
        "Ngoại giao Việt Nam. Hai bên nhất trí thúc đẩy hợp tác thương mại và đầu tư, lần thứ {n}.\n")


@pytest.fixture(autouse=True, scope="module")
def rules_compiled() -> None:
    """The first article of a language in a process also compiles its rules: done here, outside the tight budgets."""
    batch.work.extract(read_text_document(BODY.format(n=1), doc_id="warm-up"))


def folder_of(tmp_path: Path, count: int, stalled: int) -> list[Path]:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(count):
        name = f"a-{n:03d}-stall.txt" if n == stalled else f"a-{n:03d}.txt"
        (folder / name).write_text(BODY.format(n=n + 1), encoding="utf-8")
    return sorted(folder.iterdir())


def verdicts(results: list[list[batch.Result]]) -> list[tuple[str, str]]:
    return [(r.path.name, r.kind if isinstance(r, batch.Skipped) else "extracted") for rs in results for r in rs]


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "pool"])
def test_an_article_past_its_budget_is_skipped_and_the_others_are_extracted(tmp_path: Path, workers: int) -> None:
    count = 3 if workers == 1 else local.SMALL + 2  # a small batch runs here, a large one in worker processes
    files = folder_of(tmp_path, count, stalled=1)
    results = list(run_local(batch.items(files), workers=workers, task=stall_on_marked))
    assert verdicts(results) == [(f.name, "too slow" if f.name.endswith("-stall.txt") else "extracted") for f in files]
    (slow,) = [r for rs in results for r in rs if isinstance(r, batch.Skipped)]
    assert slow.where == str(files[1])
    assert f"budget of {STALL_SECONDS:g} s" in slow.reason


def test_ingest_stores_the_others_and_lists_the_slow_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = folder_of(tmp_path, 3, stalled=2)
    real_extract = batch.work.extract
    monkeypatch.setattr(batch.work, "extract", lambda doc: stall(doc) if doc.id.endswith("-stall") else real_extract(doc))
    db = tmp_path / "bilat.db"
    result = runner.invoke(app, ["ingest", str(files[0].parent), "--db", str(db), "--article-timeout", TIGHT])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "bilat: 2 stored, 0 duplicates, 0 already stored, 1 skipped: 1 too slow"
    (skip,) = json.loads(runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)]).stdout)
    assert (skip["where"], skip["kind"]) == (str(files[2]), "too slow")
    assert f"budget of {TIGHT} s" in skip["reason"]
    monkeypatch.setattr(batch.work, "extract", real_extract)  # the article is fine, given the time

    retried = runner.invoke(app, ["ingest", "--retry-failed", "--db", str(db)])
    assert retried.stderr.strip().splitlines()[-1] == "bilat: 1 stored, 0 duplicates, 0 already stored, 0 skipped"


def test_extract_takes_the_budget_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = folder_of(tmp_path, 3, stalled=0)
    real_extract = batch.work.extract
    monkeypatch.setattr(batch.work, "extract", lambda doc: stall(doc) if doc.id.endswith("-stall") else real_extract(doc))
    monkeypatch.setenv(budget.BUDGET_ENV, TIGHT)
    result = runner.invoke(app, ["extract", str(files[0].parent), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["doc"]["id"] for line in result.stdout.splitlines()] == ["a-001", "a-002"]
    assert f"skipped {files[0]}: took longer than the article time budget of {TIGHT} s" in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_budget_that_is_no_positive_number_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    files = folder_of(tmp_path, 1, stalled=-1)
    assert runner.invoke(app, ["extract", str(files[0]), "--article-timeout", value]).exit_code == 2
    monkeypatch.setenv(budget.BUDGET_ENV, value)
    result = runner.invoke(app, ["extract", str(files[0])])
    assert result.exit_code == 2
    assert budget.BUDGET_ENV in result.stderr


def test_an_alarm_swallowed_by_a_library_comes_again() -> None:
    swallowed = []
    with pytest.raises(TooSlow), Budget("page", 0.05):
        try:  # trafilatura turns any exception on a broken page into a log line
            stall(None)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            swallowed.append(exc)
        stall(None)  # type: ignore[arg-type]
    assert [type(exc) for exc in swallowed] == [TooSlow]


def test_off_the_main_thread_the_budget_is_checked_between_steps() -> None:
    outcome: list[BaseException] = []

    def rules() -> None:  # an API request or a Dask task: a thread, where no signal arrives
        try:
            with Budget("article", 0.05):
                while True:
                    budget.check()
        except TooSlow as exc:
            outcome.append(exc)

    thread = threading.Thread(target=rules)
    thread.start()
    thread.join(timeout=30)
    assert [str(exc) for exc in outcome] == [
        "article: took longer than the article time budget of 0.05 s of CPU (--article-timeout, $BILAT_ARTICLE_TIMEOUT)"]


def test_outside_a_budget_nothing_is_stopped() -> None:
    with Budget("article", 0.05):
        pass
    time.sleep(0.1)  # past the finished budget's deadline: no alarm is left behind, nor a deadline to check
    budget.check()
