"""The engines: same results in the same order whatever runs them; a dead worker costs one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from crashers import die_on_marked
from typer.testing import CliRunner

from bilat import batch
from bilat.batch import local
from bilat.batch.local import run_local
from bilat.cli import app

runner = CliRunner()

BODY = ("Ngày {n}/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam theo lời mời của Bộ trưởng "
        "Ngoại giao Việt Nam. Hai bên nhất trí thúc đẩy hợp tác thương mại và đầu tư, lần thứ {n}.\n")


def folder_of(tmp_path: Path, count: int, dying: int | None = None) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(count):
        name = f"a-{n:03d}-die.txt" if n == dying else f"a-{n:03d}.txt"
        (folder / name).write_text(BODY.format(n=n + 1), encoding="utf-8")
    return folder


def facts_of(results: list[list[batch.Result]]) -> list[object]:
    return [r.facts.to_dict() if isinstance(r, batch.Extracted) else (r.where, r.kind) for rs in results for r in rs]


def test_the_pool_gives_the_results_of_one_worker_in_the_same_order(tmp_path: Path) -> None:
    files = sorted(folder_of(tmp_path, local.SMALL + 10).iterdir())
    alone = list(run_local(batch.items(files), workers=1))
    pooled = list(run_local(batch.items(files), workers=2))
    assert len(pooled) == len(files)
    assert facts_of(pooled) == facts_of(alone)


def test_ready_results_are_not_sent_to_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dump's bad lines are results already: a round trip each through a worker made 300 000 of them take minutes."""
    monkeypatch.setattr(local.ProcessPoolExecutor, "submit", lambda *args: pytest.fail("a ready result was sent to a worker"))
    bad_lines = [batch.Skipped(tmp_path / "dump.jsonl", f"dump.jsonl:{n}", "malformed line", "not JSON")
                 for n in range(local.SMALL * 2)]
    results = list(run_local(bad_lines, workers=2))
    assert results == [[line] for line in bad_lines]


def test_a_worker_that_dies_costs_its_article_only(tmp_path: Path) -> None:
    files = sorted(folder_of(tmp_path, local.SMALL + 10, dying=30).iterdir())
    results = [r for rs in run_local(batch.items(files), workers=2, task=die_on_marked) for r in rs]
    assert [r.path for r in results] == files  # in order, the dead worker's article included
    (crashed,) = [r for r in results if isinstance(r, batch.Skipped)]
    assert (crashed.path.name, crashed.kind) == ("a-030-die.txt", batch.CRASHED)
    assert "died" in crashed.reason
    assert sum(isinstance(r, batch.Extracted) for r in results) == len(files) - 1


def test_failed_articles_are_retried_with_retry_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_of(tmp_path, 3)
    db = tmp_path / "bilat.db"
    real_extract = batch.work.extract

    def buggy(document):  # type: ignore[no-untyped-def]
        if document.id == "a-001":
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(document)

    monkeypatch.setattr(batch.work, "extract", buggy)
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    assert first.stderr.strip().splitlines()[-1].endswith("1 skipped: 1 worker crashed")
    monkeypatch.setattr(batch.work, "extract", real_extract)  # the bug fixed

    retried = runner.invoke(app, ["ingest", "--retry-failed", "--db", str(db)])

    assert retried.exit_code == 0, retried.output
    assert retried.stderr.strip().splitlines()[-1] == "bilat: 1 stored, 0 duplicates, 0 already stored, 0 skipped"
    assert runner.invoke(app, ["skipped", "--format", "json", "--db", str(db)]).stdout.strip() == "[]"


def test_without_a_terminal_progress_is_a_log_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bilat.batch.progress.LOG_EVERY", 0.0)
    result = runner.invoke(app, ["ingest", str(folder_of(tmp_path, 3)), "--db", str(tmp_path / "bilat.db")])
    assert "bilat: 3/3 files, 3 articles (" in result.stderr


def test_extract_to_a_jsonl_file_with_workers(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, local.SMALL + 4)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "-o", str(one), "--workers", "1"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "-o", str(two), "--workers", "2"]).exit_code == 0
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
    assert len(two.read_text(encoding="utf-8").splitlines()) == local.SMALL + 4


def test_a_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "--engine dask" in result.output
