"""`bilat watch` and `bilat serve --watch` from the command line, and a watcher killed while files keep arriving."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil
import pytest
from fastapi.testclient import TestClient
from receivers import receiving
from servers import BIN, _free_port, _wait_for
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bilat import evaluate, store
from bilat.cli import app
from bilat.errors import BilatError
from bilat.ingest import read_document
from bilat.store import models as m
from bilat.web.app import create_app

runner = CliRunner()
CORPUS = evaluate.find_shared() / "corpus"
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
ARRIVING = SEEDS + sorted((CORPUS / "dev").glob("*.txt"))
"""The articles that arrive in the kill test, in this order: each one distinct, on many pairs."""
KILLS = (0, 2, 8, 20)
"""When the kill test kills the watcher: ``FIRST_KILL_SECONDS`` after starting it (0), then as soon as it has
stored this many more articles (mid-way through the next file, or the rebuild)."""
FIRST_KILL_SECONDS = 1.0
"""While it starts: importing, opening the store, creating its schema."""
DEADLINE = 40.0
"""Seconds the kill test gives each run of the watcher to reach its next moment: far more than the whole corpus takes."""


def test_watch_once_stores_the_folder_and_says_what_it_did(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for path in SEEDS:
        shutil.copy(path, folder)
    (folder / "blank.txt").write_text("\n", encoding="utf-8")
    db = str(tmp_path / "bilat.db")
    result = runner.invoke(app, ["watch", str(folder), "--once", "--db", db])
    assert result.exit_code == 1, result.output  # something was skipped
    lines = result.stderr.splitlines()
    assert f"bilat: skipped {folder / 'blank.txt'}: empty file" in lines
    assert [f"bilat: new {folder / path.name}: 1 stored" for path in SEEDS] == [x for x in lines if " new " in x]
    assert lines[-1] == "bilat: 2 stored, 0 duplicates, 0 already stored, 1 skipped: 1 empty, 0 withdrawn"

    (folder / SEEDS[0].name).unlink()
    again = runner.invoke(app, ["watch", str(folder), "--once", "--db", db])
    assert again.exit_code == 0, again.output  # the blank file was seen: not read again
    assert again.stderr.splitlines() == [
        f"bilat: deleted {folder / SEEDS[0].name}: 1 withdrawn",
        "bilat: 0 stored, 0 duplicates, 0 already stored, 0 skipped, 1 withdrawn",
    ]
    assert "2 articles (1 withdrawn)" in runner.invoke(app, ["db", "status", "--db", db]).stdout
    pairs = json.loads(runner.invoke(app, ["relations", "--format", "json", "--db", db]).stdout)
    assert [pair["articles"] for pair in pairs if pair["countries"] == ["PE", "VN"]] == [1]


def test_watch_sends_the_alerts_of_its_rounds_to_the_webhook(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    db = str(tmp_path / "bilat.db")
    assert runner.invoke(app, ["alerts", "follow", "VN", "PE", "--db", db]).exit_code == 0
    shutil.copy(SEEDS[0], folder)
    with receiving() as receiver:
        first = runner.invoke(app, ["watch", str(folder), "--once", "--webhook", receiver.url, "--db", db])
        assert first.exit_code == 0, first.output
        shutil.copy(SEEDS[1], folder)  # the visit that honours the first seed's invitation
        second = runner.invoke(app, ["watch", str(folder), "--once", "--webhook", receiver.url, "--db", db])
        assert second.exit_code == 0, second.output
        assert "webhook: sent" in second.stderr
        idle = runner.invoke(app, ["watch", str(folder), "--once", "--webhook", receiver.url, "--db", db])
        assert "webhook" not in idle.stderr, "nothing new: nothing sent"
    alerts = json.loads(runner.invoke(app, ["alerts", "--format", "json", "--db", db]).stdout)
    assert {"fulfilled", "contact"} <= {a["kind"] for a in alerts}
    assert sorted(a["id"] for a in receiver.accepted) == sorted(a["id"] for a in alerts)


def test_serve_watch_sends_alerts_to_the_webhook(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    db = str(tmp_path / "bilat.db")
    runner.invoke(app, ["db", "upgrade", "--db", db])
    assert runner.invoke(app, ["alerts", "follow", "VN", "PE", "--db", db]).exit_code == 0
    with receiving() as receiver, _serving(db, tmp_path / "serve.log", "--watch", str(folder), "--webhook", receiver.url):
        for path in SEEDS:
            shutil.copy(path, folder)
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and "fulfilled" not in {a["kind"] for a in receiver.accepted}:
            time.sleep(0.2)
    assert {"fulfilled", "contact"} <= {a["kind"] for a in receiver.accepted}, (tmp_path / "serve.log").read_text()


def test_serve_sends_to_a_webhook_only_beside_a_loop(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--webhook", "http://127.0.0.1:9/hook", "--db", str(tmp_path / "bilat.db")])
    assert result.exit_code == 2
    assert "--watch or --follow" in result.stderr


def test_watch_wants_folders(tmp_path: Path) -> None:
    result = runner.invoke(app, ["watch", str(SEEDS[0]), "--once", "--db", str(tmp_path / "bilat.db")])
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def test_the_api_shows_withdrawn_articles_and_places(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    kept, gone = (Path(shutil.copy(path, folder)) for path in SEEDS)
    db = str(tmp_path / "bilat.db")
    runner.invoke(app, ["watch", str(folder), "--once", "--db", db])
    gone.unlink()
    runner.invoke(app, ["watch", str(folder), "--once", "--db", db])
    with TestClient(create_app(store.connect(db))) as client:
        listed = {a["source"]: a for a in client.get("/api/articles").json()["items"]}
        assert (listed[str(kept)]["withdrawn"], listed[str(gone)]["withdrawn"]) == (False, True)
        article = client.get(f"/api/articles/{listed[str(gone)]['id']}").json()
        assert article["withdrawn"] and article["copies"] == [{"source": str(gone), "name": gone.stem, "withdrawn": True}]
        assert "(withdrawn)" in client.get("/articles?lang=en").text
        assert "Withdrawn: every file" in client.get(f"/articles/{article['id']}?lang=en").text


def test_serve_watch_stores_what_arrives_and_stops_with_the_server(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    db = str(tmp_path / "bilat.db")
    runner.invoke(app, ["db", "upgrade", "--db", db])
    with _serving(db, tmp_path / "serve.log", "--watch", str(folder)) as (url, server):
        shutil.copy(SEEDS[0], folder)
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and not _get(f"{url}/api/articles")["items"]:
            time.sleep(0.2)
        assert [a["name"] for a in _get(f"{url}/api/articles")["items"]] == [SEEDS[0].stem]
        beside = psutil.Process(server.pid).children(recursive=True)
    _, alive = psutil.wait_procs(beside, timeout=15)
    assert not alive, f"processes outlived the server: {alive}"
    assert f"bilat: new {folder / SEEDS[0].name}: 1 stored" in (tmp_path / "serve.log").read_text()


def test_a_watcher_killed_at_any_moment_stores_each_file_whole_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    db = tmp_path / "watched.db"
    command = [sys.executable, "-m", "bilat", "watch", str(folder), "--db", str(db), "--interval", "0.2", "--workers", "1"]
    arrivals = threading.Thread(target=_arrive, args=(folder,), daemon=True)
    arrivals.start()
    stored = 0
    for moment in KILLS:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if moment:
                deadline = time.monotonic() + DEADLINE
                while time.monotonic() < deadline and process.poll() is None and _article_count(db) < stored + moment:
                    time.sleep(0.01)
            else:
                time.sleep(FIRST_KILL_SECONDS)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait()
        assert process.returncode == -signal.SIGKILL, "the watcher should have been running when killed"
        stored = _article_count(db)
    arrivals.join()
    assert 0 < stored < len(ARRIVING), "the kills should have come while files were still being stored"

    finish = subprocess.run([*command, "--once"], capture_output=True, text=True, timeout=120, check=False)
    assert finish.returncode == 0, finish.stderr
    assert f"{len(ARRIVING) - stored} stored, 0 duplicates" in finish.stderr, "each file stored once, over all the runs"

    once = tmp_path / "once.db"
    ingested = subprocess.run([sys.executable, "-m", "bilat", "ingest", str(folder), "--db", str(once), "--workers", "1"],
                              capture_output=True, text=True, timeout=120, check=False)
    assert ingested.returncode == 0, ingested.stderr
    watched, one_shot = store.connect(str(db)), store.connect(str(once))
    facts = _facts_per_article(one_shot)
    with Session(watched) as session:
        given = session.execute(select(m.WatchedArticle.path, m.WatchedArticle.article_id)).all()
        assert sorted(path for path, _ in given) == sorted(str(folder / _name(i, p)) for i, p in enumerate(ARRIVING))
        for path, article_id in given:  # each file's own article, with all its facts
            assert session.get(m.Article, article_id).text == read_document(Path(path)).text
    assert _facts_per_article(watched) == facts
    assert _record(watched) == _record(one_shot)


def _arrive(folder: Path) -> None:
    """The corpus dropped in one file at a time, as a crawler does: written under a hidden name, then renamed."""
    for number, path in enumerate(ARRIVING):
        hidden = folder / f".{_name(number, path)}"
        hidden.write_bytes(path.read_bytes())
        hidden.rename(folder / _name(number, path))
        time.sleep(0.05)


def _name(number: int, path: Path) -> str:
    """In order of arrival, so that a one-shot ingest (in sorted order) stores the same stories first."""
    return f"{number:03d}-{path.name}"


def _article_count(db: Path) -> int:
    try:
        with Session(store.connect(str(db))) as session:
            return session.scalar(select(func.count()).select_from(m.Article)) or 0
    except (BilatError, SQLAlchemyError):  # the store is not made yet
        return 0


def _facts_per_article(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        query = select(m.Article.id, func.count(m.Fact.id)).outerjoin(m.Fact).where(m.Article.withdrawn_at.is_(None))
        return {article_id: count for article_id, count in session.execute(query.group_by(m.Article.id))}


def _record(engine: Engine) -> list[Any]:
    """Every pair and its record, as `bilat relations` and `bilat relation` give them."""
    store.rebuild(engine)
    pairs = store.relations(engine)
    return [pairs, *(store.relation(engine, *pair["countries"]) for pair in pairs)]


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


@contextmanager
def _serving(db: str, log: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`bilat serve --db DB ARGS...` until the block ends, then stopped as Ctrl-C stops it."""
    port = _free_port()
    with log.open("wb") as output:
        process = subprocess.Popen([str(BIN / "bilat"), "serve", "--db", db, "--port", str(port), "--workers", "1", *args],
                                   stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/openapi.json", process, log)
        yield url, process
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
