"""`bilat ingest`, `relation`, `persons` and `db` from the command line, and an ingest killed mid-way."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import psutil
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bilat import batch, evaluate, store
from bilat.cli import app
from bilat.extract import extract
from bilat.ingest.read import read_document, read_text_document
from bilat.store import db as store_db
from bilat.store import models as m
from bilat.store import db as store_db
from bilat.store.db import database_url
from bilat.store.write import is_resolved

runner = CliRunner()


@pytest.fixture
def seeds() -> Path:
    return evaluate.find_shared() / "corpus" / "seeds"


def test_ingest_then_relation_as_json(db_url: str, seeds: Path) -> None:
    result = runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "2 stored, 0 duplicates, 0 already stored, 0 skipped" in result.stderr
    by_code = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])
    by_name = runner.invoke(app, ["relation", "Việt Nam", "Peru", "--format", "json", "--db", db_url])
    assert by_code.exit_code == 0, by_code.output
    record = json.loads(by_code.stdout)
    assert record == json.loads(by_name.stdout)
    assert {"persons", "events", "agreements", "mechanisms", "memberships", "figures"} <= set(record)
    assert all({"name", "aliases"} <= set(p) for p in record["persons"])
    for event in record["events"]:
        assert {"id", "type", "actors", "date", "status", "persons", "place", "occasion", "object",
                "sources", "fulfilled_by", "fulfils"} <= set(event)
        assert all({"article", "evidence"} <= set(s) for s in event["sources"])
    assert any(e["fulfilled_by"] for e in record["events"])

    again = runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    assert "0 stored, 0 duplicates, 2 already stored, 0 skipped" in again.stderr


def test_relation_as_text_shows_each_part(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    result = runner.invoke(app, ["relation", "pe", "vn", "--db", db_url], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for heading in ("Peru – Vietnam", "Timeline", "Agreements", "Open items", "Fulfilled", "Mechanisms",
                    "Shared memberships", "Figures", "Persons"):
        assert heading in result.stdout
    assert "Invitation: Peru → Vietnam" in result.stdout and "Dina Ercilia Boluarte Zegarra" in result.stdout


def test_persons_lists_office_holders(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    result = runner.invoke(app, ["persons", "Vietnam", "--format", "json", "--db", db_url])
    assert result.exit_code == 0, result.output
    heads = {s["name"]: s for s in json.loads(result.stdout) if s["office"] == "head_of_state"}
    assert heads["Võ Văn Thưởng"]["first_seen"] == "2023-11-17"
    assert heads["Lương Cường"]["first_seen"] == "2024-11-12"


def test_the_database_comes_from_bilat_db_when_not_given(tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(seeds)], env={"BILAT_DB": str(path)})
    assert result.exit_code == 0, result.output
    status = runner.invoke(app, ["db", "status"], env={"BILAT_DB": str(path)})
    assert "2 articles" in status.stdout


def test_reading_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nothing-here.db"
    result = runner.invoke(app, ["relation", "VN", "PE", "--db", str(path)])
    assert result.exit_code == 1
    assert "no bilat store" in result.stderr
    assert not path.exists()


def test_an_unknown_country_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["relation", "VN", "Atlantis", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "unknown country 'Atlantis'" in result.stderr


def test_db_upgrade_creates_the_schema(db_url: str) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0, result.output
    head = ScriptDirectory.from_config(store_db._alembic_config()).get_current_head()
    assert f"is at revision {head}\n" in result.stdout


def test_a_killed_ingest_leaves_whole_articles_and_a_rerun_completes(db_url: str, tmp_path: Path) -> None:
    corpus = evaluate.find_shared() / "corpus"
    originals = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "dev").glob("*.txt"))
    folder = tmp_path / "articles"
    folder.mkdir()
    copies = 12
    for copy in range(copies):  # distinct texts (a closing line of their own), the same facts
        for path in originals:
            (folder / f"{path.stem}-{copy:02d}.txt").write_text(path.read_text(encoding="utf-8") + f"\nBản {copy + 1}.\n",
                                                                  encoding="utf-8")
    total = copies * len(originals)
    command = [sys.executable, "-m", "bilat", "ingest", str(folder), "--db", db_url]
    engine = store.connect(db_url, create=True)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _article_count(engine) < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        helpers = psutil.Process(process.pid).children(recursive=True)  # the worker processes and their server
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    stored = _article_count(engine)
    assert 0 < stored < total, "the ingest should have been killed part-way"
    assert helpers, "the ingest should have started worker processes"
    _, alive = psutil.wait_procs(helpers, timeout=10)
    assert not alive, f"worker processes outlived their killed parent: {alive}"

    with Session(engine) as session:  # every stored article has all its facts
        for text, facts in session.execute(
            select(m.Article.text, func.count(m.Fact.id)).outerjoin(m.Fact).group_by(m.Article.id, m.Article.text)
        ):
            expected = extract(read_text_document(text, doc_id="check"))
            assert facts == sum(len(getattr(expected, s)) for s in ("persons", "events", "agreements",
                                                                     "mechanisms", "memberships", "figures"))

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - stored} stored, 0 duplicates, {stored} already stored, 0 skipped" in rerun.stderr
    assert _article_count(engine) == total
    assert is_resolved(engine)


def _article_count(engine: Engine) -> int:
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(m.Article)) or 0
    except SQLAlchemyError:  # the schema is not created yet
        return 0


def test_reading_brings_a_record_left_behind_up_to_date(db_url: str, seeds: Path) -> None:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    document = read_document(next(seeds.glob("000_*.txt")))
    store.store_article(engine, document, extract(document))  # stored, as by an ingest killed before its rebuild
    assert not is_resolved(engine)
    result = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert any(e["type"] == "MEET" for e in json.loads(result.stdout)["events"])
    assert is_resolved(engine)


def test_a_postgresql_url_without_driver_uses_psycopg() -> None:
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_ctrl_c_keeps_what_was_stored(db_url: str, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_run = batch.run

    def interrupted_after_the_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        results = real_run(*args, **kwargs)
        yield next(results)
        raise KeyboardInterrupt  # Ctrl-C while the next article is being extracted

    monkeypatch.setattr(batch, "run", interrupted_after_the_first)
    result = runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    assert result.exit_code == 130
    assert "interrupted: 1 stored" in result.stderr  # the article extracted before Ctrl-C was stored
    monkeypatch.setattr(batch, "run", real_run)
    again = runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    assert "1 stored, 0 duplicates, 1 already stored, 0 skipped" in again.stderr

def test_relation_counts_one_article_in_the_singular(db_url: str, seeds: Path) -> None:
    first = min(seeds.glob("*.txt"))
    runner.invoke(app, ["ingest", str(first), "--db", db_url])
    result = runner.invoke(app, ["relation", "VN", "PE", "--db", db_url], env={"COLUMNS": "200"})
    assert "Vietnam – Peru (from 1 article)" in result.stdout


def test_names_and_dates_no_database_holds_are_stored_safely(db_url: str, seeds: Path, tmp_path: Path) -> None:
    """A name that is not UTF-8 is stored escaped; a header date naming no day is not stored and poisons no rebuild."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    for seed in seeds.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    seed = next(seeds.glob("004_*.txt")).read_text(encoding="utf-8")
    raw = os.fsencode(folder)
    Path(os.fsdecode(raw + b"/bad\xff.txt")).write_text(seed + "\nBản sao.\n", encoding="utf-8")
    Path(os.fsdecode(raw + b"/binary\xfe.txt")).write_bytes(b"\x00\x01")
    for number, published in enumerate(["0000", "0000-01-01", "2023-13-45"]):
        (folder / f"p{number}.txt").write_text(f"published: {published}\n---\n{seed}\nBản {number}.\n", encoding="utf-8")

    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert result.exit_code == 1, result.output
    assert "6 stored, 0 duplicates, 0 already stored, 1 skipped: 1 binary" in result.stderr
    assert f"{folder}/p0.txt: published: '0000' is not a real date" in result.stderr
    listed = runner.invoke(app, ["skipped", "--format", "json", "--db", db_url])
    assert [x["where"] for x in json.loads(listed.stdout)] == [f"{folder}/binary\\xfe.txt"]
    record = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])
    assert record.exit_code == 0, record.output
    dates = {event["date"] for event in json.loads(record.stdout)["events"] if event["date"]}
    assert dates and not any(date.startswith(("0000", "2023-13")) for date in dates)
    again = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert "0 stored, 0 duplicates, 6 already stored, 1 skipped" in again.stderr


def test_skips_keep_the_latest_verdict_on_each_input(db_url: str) -> None:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    store.record_skips(engine, [("d.jsonl:1", "d.jsonl", "malformed line", "not JSON"),
                                ("d.jsonl:2", "d.jsonl", "empty", "empty file")])
    store.record_skips(engine, [("d.jsonl:2", "d.jsonl", "malformed line", "first"),
                                ("d.jsonl:2", "d.jsonl", "binary", "then")])  # the same input twice in one batch
    assert [(x["where"], x["kind"], x["reason"]) for x in store.skips(engine)] == [
        ("d.jsonl:1", "malformed line", "not JSON"), ("d.jsonl:2", "binary", "then"),
    ]


PLANNED_VISIT = "published: 2025-01-10\n---\nChủ tịch nước Lương Cường sẽ thăm chính thức Peru vào tháng 6/2026.\n"
"""A visit announced for after every seed event: planned, so not the pair's latest event."""


def test_relations_lists_each_pair_with_counts_and_its_latest_event(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    runner.invoke(app, ["ingest", "-", "--db", db_url], input=PLANNED_VISIT.encode("utf-8"))

    listed = runner.invoke(app, ["relations", "--format", "json", "--db", db_url])
    assert listed.exit_code == 0, listed.output
    (pair,) = json.loads(listed.stdout)
    assert pair["countries"] == ["PE", "VN"] and pair["articles"] == 3
    assert pair["latest"] == "2024-11-12/2024-11-16"  # not June 2026: that visit is only planned
    record = json.loads(runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url]).stdout)
    assert pair["events"] == len(record["events"]) and pair["agreements"] == len(record["agreements"])

    table = runner.invoke(app, ["relations", "--db", db_url], env={"COLUMNS": "80"}).stdout
    assert "Peru – Vietnam" in table and "PE–VN" in table and "12–16 Nov 2024" in table


def test_relations_of_an_empty_store_says_none(db_url: str) -> None:
    runner.invoke(app, ["db", "upgrade", "--db", db_url])
    result = runner.invoke(app, ["relations", "--db", db_url])
    assert result.exit_code == 0
    assert "Relationships in the store, most documented first: none" in result.stdout


def test_relation_at_80_columns_in_vietnamese_with_ids_on_request(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    record = json.loads(runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url]).stdout)
    plain = runner.invoke(app, ["relation", "VN", "PE", "--lang", "vi", "--db", db_url], env={"COLUMNS": "80"})
    with_ids = runner.invoke(app, ["relation", "VN", "PE", "--lang", "vi", "--ids", "--db", db_url],
                             env={"COLUMNS": "80"})

    assert plain.exit_code == 0, plain.output
    assert max(len(line) for line in plain.stdout.splitlines()) <= 80
    assert "Diễn biến, mới nhất trước" in plain.stdout and "Chuyến thăm: Việt Nam → Peru" in plain.stdout
    assert not any(e["id"] in plain.stdout for e in record["events"])
    assert all(e["id"] in with_ids.stdout for e in record["events"])


def test_persons_at_80_columns_names_offices_in_the_language(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    result = runner.invoke(app, ["persons", "PE", "--lang", "vi", "--db", db_url], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "Nguyên thủ quốc gia" in result.stdout and "head_of_state" not in result.stdout
    assert "Dina Ercilia Boluarte" in result.stdout


def test_ingest_dash_stores_the_article_from_stdin(db_url: str, seeds: Path) -> None:
    text = min(seeds.glob("*.txt")).read_bytes()
    result = runner.invoke(app, ["ingest", "-", "--db", db_url], input=text)
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.stderr
    again = runner.invoke(app, ["ingest", "-", "--db", db_url], input=text)
    assert "1 already stored" in again.stderr  # the same text from the same place


def test_brief_to_stdout(db_url: str, seeds: Path) -> None:
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    result = runner.invoke(app, ["brief", "VN", "PE", "-o", "-", "--lang", "en", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Vietnam–Peru") and "[1]" in result.stdout
    assert not Path("-").exists()


def test_piped_to_a_pager_the_record_takes_the_terminal_width(db_url: str, seeds: Path) -> None:
    """``bilat relation VN PE | less``: stdout is a pipe, stderr the user's 80-column terminal."""
    runner.invoke(app, ["ingest", str(seeds), "--db", db_url])
    terminal, screen = pty.openpty()
    fcntl.ioctl(screen, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 80, 0, 0))  # rows, columns
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    try:
        done = subprocess.run([sys.executable, "-m", "bilat", "relation", "VN", "PE", "--db", db_url],
                              stdout=subprocess.PIPE, stderr=screen, env=environment, check=True, timeout=120)
    finally:
        os.close(screen)
        os.close(terminal)
    lines = done.stdout.decode("utf-8").splitlines()
    assert "Visit: Vietnam → Peru" in done.stdout.decode("utf-8")
    assert max(len(line) for line in lines) == 80
