"""The Dask engine stores, fact for fact, what the local engine stores from the same input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from crashers import die_on_marked, loop_on_marked
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from bilat import batch, store
from bilat.batch.on_dask import run_dask
from bilat.cli import app
from bilat.store import generation
from bilat.store import models as m

pytest.importorskip("distributed", reason="the Dask engine needs the dask extra: pip install 'bilat[dask]'")

runner = CliRunner()
WHEN = {"stored_at", "seen_at"}
"""Columns that say when a run wrote a row, one thing two runs may not share; the other is the store's generation."""


def content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without their timestamps, sorted: what two stores must share to be the same."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in m.Base.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in WHEN and not (c.primary_key and c.autoincrement is True)]
            rows = [row for row in connection.execute(select(*columns))
                    if not (table is m.State.__table__ and row.key == generation.KEY)]
            tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    return tables


def test_the_dask_engine_stores_what_the_local_engine_stores(tmp_path: Path, shared_corpus: Path) -> None:
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"

    by_local = runner.invoke(app, ["ingest", str(shared_corpus), "--db", str(local_db), "--workers", "2"])
    by_dask = runner.invoke(app, ["ingest", str(shared_corpus), "--db", str(dask_db), "--engine", "dask", "--workers", "2"])

    assert by_dask.exit_code == by_local.exit_code, by_dask.output
    assert by_dask.stderr.strip().splitlines()[-1] == by_local.stderr.strip().splitlines()[-1]
    local_content, dask_content = content(store.connect(str(local_db))), content(store.connect(str(dask_db)))
    assert local_content["fact"] and local_content["event"]
    assert dask_content == local_content


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path, shared_corpus: Path) -> None:
    result = runner.invoke(app, ["ingest", str(shared_corpus / "seeds"), "--db", str(tmp_path / "x.db"),
                                 "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler 'tcp://127.0.0.1:9'" in result.stderr


def test_a_dask_worker_that_dies_costs_its_article_only(tmp_path: Path) -> None:
    import dask  # after the importorskip above

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(20):
        name = f"a-{n:03d}-die.txt" if n == 7 else f"a-{n:03d}.txt"
        (folder / name).write_text(f"Ngày {n + 1}/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam theo lời mời "
                                   "của Bộ trưởng Ngoại giao Việt Nam.\n", encoding="utf-8")
    files = sorted(folder.iterdir())
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # give up on a task at its first dead worker
        results = [r for rs in run_dask(batch.items(files), workers=2, task=die_on_marked) for r in rs]
    assert [r.path for r in results] == files
    (crashed,) = [r for r in results if isinstance(r, batch.Skipped)]
    assert (crashed.path.name, crashed.kind) == ("a-007-die.txt", batch.CRASHED)


def test_a_dask_task_past_its_budget_is_skipped_as_too_slow(tmp_path: Path) -> None:
    folder = tmp_path / "three"
    folder.mkdir()
    for n in range(3):
        name = f"a-{n:03d}-stall.txt" if n == 1 else f"a-{n:03d}.txt"
        (folder / name).write_text(f"Ngày {n + 1}/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam.\n", encoding="utf-8")
    files = sorted(folder.iterdir())
    results = [r for rs in run_dask(batch.items(files), workers=1, task=loop_on_marked) for r in rs]
    assert [(r.path, r.kind if isinstance(r, batch.Skipped) else "extracted") for r in results] == [
        (files[0], "extracted"), (files[1], "too slow"), (files[2], "extracted")]
