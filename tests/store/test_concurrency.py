"""Two `bilat ingest` at once into one store, new or not: both store everything, on SQLite and PostgreSQL.

And a migration is one transaction: one that fails leaves the store as it was, for the next to try.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from bilat import evaluate, store
from bilat.store import db as store_db
from bilat.store import models as m

CORPUS = evaluate.find_shared() / "corpus"


def _ingest_together(db_url: str, batches: list[list[Path]]) -> None:
    """Start one ``bilat ingest`` per batch at the same moment, and wait for all; each must exit 0."""
    processes = [
        subprocess.Popen([sys.executable, "-m", "bilat", "ingest", *map(str, paths), "--db", db_url, "--workers", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for paths in batches
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr


def _stored(db_url: str) -> int:
    with Session(store.connect(db_url)) as session:
        return session.scalar(select(func.count()).select_from(m.Article)) or 0


def test_two_first_ingests_into_a_new_store_both_store_everything(db_url: str) -> None:
    seeds = sorted((CORPUS / "seeds").glob("*.txt"))
    dev = sorted((CORPUS / "dev").glob("*.txt"))[:3]

    _ingest_together(db_url, [seeds, dev])  # the first to start creates the schema; the other waits for it

    assert _stored(db_url) == len(seeds) + len(dev)


def test_two_ingests_into_one_store_wait_for_each_other(db_url: str) -> None:
    dev = sorted((CORPUS / "dev").glob("*.txt"))
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)

    _ingest_together(db_url, [dev[0::2], dev[1::2]])  # each writes while the other stores and rebuilds

    assert _stored(db_url) == len(dev)



def test_a_failed_migration_of_a_sqlite_file_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = store.connect(str(tmp_path / "bilat.db"), create=True)
    real_upgrade = store_db.command.upgrade

    def upgrade_then_fail(*args: Any, **kwargs: Any) -> None:
        real_upgrade(*args, **kwargs)
        raise RuntimeError("the process fails at the end of the migration")

    monkeypatch.setattr(store_db.command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        store.upgrade(engine)

    assert inspect(engine).get_table_names() == []  # the tables made before the failure went with it
    monkeypatch.undo()
    store.upgrade(engine)
    assert store_db.is_current(engine)
