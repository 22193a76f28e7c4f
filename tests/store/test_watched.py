"""Watching folders (``watch.rounds``): new, changed, touched, deleted and half-written files, and restarts."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from stores import VISIT_EN, VISIT_VI

from bilat import batch, evaluate, store
from bilat.batch.work import Item, work
from bilat.extract.budget import DEFAULT_SECONDS
from bilat.store import models as m
from bilat.store.write import is_resolved
from bilat.watch.folders import SETTLE_SECONDS, Settling
from bilat.watch.rounds import Watcher

SEEDS = sorted((evaluate.find_shared() / "corpus" / "seeds").glob("*.txt"))


class Clock:
    """The settling clock, moved by the test: no test waits for a file to settle."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def tick(self) -> None:
        self.now += SETTLE_SECONDS


class Folder:
    """A watched folder, its store, and what the watcher said."""

    def __init__(self, root: Path, db_url: str) -> None:
        self.root = root / "incoming"
        self.root.mkdir()
        self.engine: Engine = store.connect(db_url, create=True)
        store.upgrade(self.engine)
        self.clock = Clock()
        self.lines: list[str] = []
        self.watcher = self.restart()

    def restart(self) -> Watcher:
        self.watcher = Watcher(self.engine, [self.root], 1, DEFAULT_SECONDS, self.lines.append, Settling(self.clock))
        return self.watcher

    def settled_round(self) -> list[str]:
        """A look that sees the files as they are, then a round once they can have settled: what both said."""
        del self.lines[:]
        self.watcher.round()
        self.clock.tick()
        self.watcher.round()
        return list(self.lines)

    def articles(self) -> dict[str, bool]:
        """Each stored article's id, and whether it is withdrawn."""
        return {a["id"]: a["withdrawn"] for a in store.articles(self.engine, 100)[1]}

    def cited(self) -> set[str]:
        """The articles the record of Vietnam–Peru cites."""
        record = store.relation(self.engine, "VN", "PE")
        return {s["article"] for section in ("events", "agreements") for x in record[section] for s in x["sources"]}


@pytest.fixture
def folder(tmp_path: Path, db_url: str) -> Folder:
    return Folder(tmp_path, db_url)


def _copy(source: Path, folder: Folder, name: str | None = None) -> Path:
    return Path(shutil.copyfile(source, folder.root / (name or source.name)))


def test_a_new_file_is_stored_once_it_has_settled(folder: Folder) -> None:
    path = _copy(SEEDS[0], folder)
    folder.watcher.round()
    assert folder.articles() == {}, "a file just seen may still be being written"
    folder.clock.tick()
    folder.watcher.round()
    assert folder.lines == [f"new {path}: 1 stored"]
    assert list(folder.articles().values()) == [False]
    assert is_resolved(folder.engine) and folder.cited() == set(folder.articles())


def test_a_file_still_being_written_waits(folder: Folder) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    path = folder.root / "slow.txt"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    folder.watcher.round()
    folder.clock.tick()
    with path.open("a", encoding="utf-8") as stream:  # more arrives before the next look
        stream.write(text[len(text) // 2:])
    folder.watcher.round()
    assert folder.articles() == {}
    folder.clock.tick()
    folder.watcher.round()
    (stored,) = folder.articles()
    assert store.article(folder.engine, stored)["text"] == text


def test_hidden_and_partial_names_are_left_alone_until_renamed(folder: Folder) -> None:
    _copy(SEEDS[0], folder, ".000.txt")
    partial = _copy(SEEDS[1], folder, "004.txt.part")
    (folder.root / ".incoming").mkdir()
    _copy(SEEDS[1], folder, ".incoming/004.txt")
    assert folder.settled_round() == []
    assert folder.articles() == {}
    partial.rename(folder.root / "004.txt")
    assert folder.settled_round() == [f"new {folder.root / '004.txt'}: 1 stored"]


def test_a_deleted_file_withdraws_its_article_and_its_return_restores_it(folder: Folder) -> None:
    first, second = (_copy(path, folder) for path in SEEDS)
    folder.settled_round()
    record = store.relation(folder.engine, "VN", "PE")
    both = folder.cited()
    assert len(both) == 2
    gone = store.read_from(folder.engine, str(first))
    first.unlink()
    assert folder.settled_round() == [f"deleted {first}: 1 withdrawn"]
    assert folder.articles() == {gone[0]: True, **{other: False for other in both - set(gone)}}, "kept, marked withdrawn"
    assert folder.cited() == both - set(gone), "its facts are out of the record"
    assert store.article(folder.engine, gone[0])["copies"][0]["withdrawn"]
    shutil.copyfile(SEEDS[0], first)
    assert folder.settled_round() == [f"new {first}: 1 already stored"]
    assert not any(folder.articles().values())
    assert store.relation(folder.engine, "VN", "PE") == record
    assert second.exists()


def test_a_changed_file_stores_its_new_text_and_withdraws_the_old(folder: Folder) -> None:
    path = folder.root / "chile.txt"
    path.write_text(VISIT_VI, encoding="utf-8")
    folder.settled_round()
    (old,) = folder.articles()
    path.write_text(VISIT_EN, encoding="utf-8")
    assert folder.settled_round() == [f"changed {path}: 1 stored, 1 withdrawn"]
    articles = folder.articles()
    assert articles.pop(old) is True and list(articles.values()) == [False]
    record = store.relation(folder.engine, "VN", "CL")
    assert {s["article"] for e in record["events"] for s in e["sources"]} == set(articles)


def test_a_file_touched_without_change_is_not_read_again(folder: Folder, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(SEEDS[0], folder)
    folder.settled_round()
    read = _spy_on_reading(monkeypatch)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert folder.settled_round() == []
    assert read == []
    with Session(folder.engine) as session:
        assert session.scalar(select(m.WatchedFile.mtime_ns)) == path.stat().st_mtime_ns


def test_a_restart_reads_only_what_changed_meanwhile(folder: Folder, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = (_copy(path, folder) for path in SEEDS)
    folder.settled_round()
    first.write_text(VISIT_VI, encoding="utf-8")
    folder.restart()
    read = _spy_on_reading(monkeypatch)
    assert folder.settled_round() == [f"changed {first}: 1 stored, 1 withdrawn"]
    assert read == [[first]], "the unchanged file is not read"


def test_two_files_of_one_text_withdraw_it_when_both_are_gone(folder: Folder) -> None:
    first, second = _copy(SEEDS[0], folder, "a.txt"), _copy(SEEDS[0], folder, "b.txt")
    assert folder.settled_round() == [f"new {first}: 1 stored", f"new {second}: 1 duplicate"]
    first.unlink()
    assert folder.settled_round() == [f"deleted {first}: 0 withdrawn"]
    assert list(folder.articles().values()) == [False]
    second.unlink()
    assert folder.settled_round() == [f"deleted {second}: 1 withdrawn"]
    assert list(folder.articles().values()) == [True]


def test_a_dump_withdraws_only_the_lines_it_lost(folder: Folder) -> None:
    dump = folder.root / "feed.jsonl"
    lines = [{"url": f"https://example.org/chile-{lang}", "text": text} for lang, text in (("vi", VISIT_VI), ("en", VISIT_EN))]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert folder.settled_round() == [f"new {dump}: 2 stored"]
    dump.write_text(json.dumps(lines[1]) + "\n", encoding="utf-8")
    assert folder.settled_round() == [f"changed {dump}: 1 already stored, 1 withdrawn"]
    assert sorted(folder.articles().values()) == [False, True]


def test_a_folder_out_of_sight_withdraws_nothing(folder: Folder) -> None:
    _copy(SEEDS[0], folder)
    folder.settled_round()
    folder.root.rename(folder.root.with_name("unmounted"))
    assert folder.settled_round() == []
    assert list(folder.articles().values()) == [False]


def test_an_article_read_again_from_another_place_is_back(folder: Folder) -> None:
    path = _copy(SEEDS[0], folder)
    folder.settled_round()
    moved = Path(shutil.move(path, folder.root.parent / path.name))
    folder.settled_round()
    assert list(folder.articles().values()) == [True]
    read = work(Item(moved))[0]
    assert isinstance(read, batch.Extracted)
    stored = store.store_article(folder.engine, read.document, read.facts)  # as `bilat ingest` would
    assert folder.articles() == {stored.article_id: False}
    copies = {c["source"]: c["withdrawn"] for c in store.article(folder.engine, stored.article_id)["copies"]}
    assert copies == {str(path): True, str(moved): False}


def _spy_on_reading(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    """The files each round gives the readers."""
    read: list[list[Any]] = []
    real = batch.items

    def items(files: Any) -> Any:
        read.append(list(files))
        return real(read[-1])

    monkeypatch.setattr(batch, "items", items)
    return read
