"""`bilat follow` and `bilat serve --follow` from the command line: their output, exit status, a stop and a kill."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from outlet import Outlet, Story
from receivers import receiving
from servers import BIN
from servers import serving as serving_bilat
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from bilat import cli
from bilat.cli import app
from bilat.follow import loop
from bilat.store import models as m

runner = CliRunner()
QUICK_OPTIONS = ["--host-delay", "0.01"]


def test_follow_once_stores_says_and_exits(engine: Engine, outlet: Outlet) -> None:
    db = str(engine.url)
    result = runner.invoke(app, ["follow", outlet.url("/rss.xml"), "--once", "--db", db, *QUICK_OPTIONS])
    assert result.exit_code == 0, result.output
    for story in outlet.stories:
        assert f"bilat: stored {outlet.url(story.path)}\n" in result.stderr
    assert f"{len(outlet.stories)} stored, 0 duplicates, 0 already stored, 0 skipped" in result.stderr
    again = runner.invoke(app, ["follow", outlet.url("/rss.xml"), "--once", "--db", db, *QUICK_OPTIONS])
    assert again.exit_code == 0 and "0 stored, 0 duplicates, 0 already stored, 0 skipped" in again.stderr
    relation = runner.invoke(app, ["relations", "--format", "json", "--db", db])
    assert json.loads(relation.stdout)  # the merged record holds the pairs of what was followed


def test_follow_sends_the_alerts_of_its_updates_to_the_webhook(engine: Engine, outlet: Outlet) -> None:
    db = str(engine.url)
    assert runner.invoke(app, ["alerts", "follow", "--db", db]).exit_code == 0  # every pair
    with receiving() as receiver:
        result = runner.invoke(app, ["follow", outlet.url("/rss.xml"), "--once", "--webhook", receiver.url, "--db", db,
                                     *QUICK_OPTIONS])
    assert result.exit_code == 0, result.output
    alerts = json.loads(runner.invoke(app, ["alerts", "--format", "json", "--db", db]).stdout)
    assert alerts and "webhook: sent" in result.stderr
    assert sorted(a["id"] for a in receiver.accepted) == sorted(a["id"] for a in alerts)


def test_a_skip_is_listed_and_sets_the_exit_status(engine: Engine, outlet: Outlet, corpus_stories: list[Story]) -> None:
    gone = Story("/news/gone.html", corpus_stories[0].document, None, None)
    outlet.stories.append(gone)
    outlet.extra[gone.path] = (404, "text/plain", b"not found")
    db = str(engine.url)
    result = runner.invoke(app, ["follow", outlet.url("/rss.xml"), "--once", "--db", db, *QUICK_OPTIONS])
    assert result.exit_code == 1
    assert f"bilat: skipped {outlet.url(gone.path)}: HTTP 404 Not Found" in result.stderr
    skipped = runner.invoke(app, ["skipped", "--format", "json", "--db", db])
    assert [(s["where"], s["kind"]) for s in json.loads(skipped.stdout)] == [(outlet.url(gone.path), "not found")]
    seeds = Path(corpus_stories[0].document.source or "").parent
    assert runner.invoke(app, ["ingest", str(seeds), "--retry-failed", "--db", db]).exit_code == 0
    after = runner.invoke(app, ["skipped", "--format", "json", "--db", db])
    assert json.loads(after.stdout) == json.loads(skipped.stdout)  # a URL is no file deleted since, nor one to read again


@pytest.mark.parametrize("arguments", [["ftp://outlet.example/feed"], ["outlet.example/rss.xml"],
                                       ["https://outlet.example/rss.xml", "--interval", "0"],
                                       ["https://outlet.example/rss.xml", "--host-delay", "-1"]])
def test_what_is_no_feed_address_or_interval_is_a_usage_error(arguments: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["follow", *arguments, "--once", "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 2
    assert not (tmp_path / "b.db").exists()


def test_the_help_shows_the_followers_own_interval() -> None:
    assert cli.FOLLOW_INTERVAL == loop.INTERVAL


def _follower(db: str, feed: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen([sys.executable, "-m", "bilat", "follow", feed, "--db", db, *QUICK_OPTIONS],
                                stdout=output, stderr=subprocess.STDOUT)


def _wait_for_line(log: Path, words: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while words not in log.read_text(errors="replace"):
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)


def _articles(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(m.Article)) or 0


def test_ctrl_c_stops_cleanly_with_130(engine: Engine, outlet: Outlet, tmp_path: Path) -> None:
    log = tmp_path / "follow.log"
    process = _follower(str(engine.url), outlet.url("/rss.xml"), log)
    _wait_for_line(log, "bilat: stored", process)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 130
    assert "bilat: interrupted:" in log.read_text()


def test_killed_at_any_moment_it_goes_on_where_it_was(engine: Engine, outlet: Outlet, tmp_path: Path) -> None:
    """Killed (SIGKILL) after its first page, then run again: every page stored once, the feed's ETag kept only after."""
    outlet.delay = 0.2  # the kill lands while pages are still coming
    log = tmp_path / "follow.log"
    process = _follower(str(engine.url), outlet.url("/rss.xml"), log)
    _wait_for_line(log, "bilat: stored", process)
    process.kill()
    process.wait(timeout=30)
    stored_before = _articles(engine)
    assert 0 < stored_before < len(outlet.stories)
    result = runner.invoke(app, ["follow", outlet.url("/rss.xml"), "--once", "--db", str(engine.url), *QUICK_OPTIONS])
    assert result.exit_code == 0, result.output
    assert _articles(engine) == len(outlet.stories)
    assert outlet.asked("/rss.xml")[-1].status == 200  # not "304": the killed run had not kept the feed's validators
    assert f"{len(outlet.stories) - stored_before} stored" in result.stderr  # none stored twice, none missed


def test_serve_follows_feeds_in_the_background(engine: Engine, outlet: Outlet, tmp_path: Path) -> None:
    assert (BIN / "bilat").exists()
    with serving_bilat(str(engine.url), tmp_path / "serve.log", options=("--workers", "1", "--follow", outlet.url("/atom.xml"))) as url:
        deadline = time.monotonic() + 90
        while True:
            with urllib.request.urlopen(f"{url}/api/articles?limit=50") as response:
                listed = json.load(response)
            if listed["total"] == len(outlet.stories):
                break
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
    assert {item["url"] for item in listed["items"]} == {outlet.url(story.path) for story in outlet.stories}
    assert "following 1 feed in the background" in (tmp_path / "serve.log").read_text()


def test_follow_help_imports_nothing_heavy() -> None:
    code = "from bilat.cli import app\ntry: app(['follow', '--help'], prog_name='bilat')\nexcept SystemExit: pass\n" \
           "import sys, json; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert {"httpx", "feedparser", "sqlalchemy", "trafilatura"} & set(json.loads(done.stdout.splitlines()[-1])) == set()
