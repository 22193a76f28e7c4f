"""`bilat export` from the command line: stdout, a file, a folder of tables, and the usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from bilat import export
from bilat.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(seeds_store: Engine) -> str:
    return seeds_store.url.render_as_string()


def test_jsonl_goes_to_stdout_by_default_and_to_a_file_with_o(db: str, tmp_path: Path) -> None:
    shown = runner.invoke(app, ["export", "VN", "PE", "--db", db])
    assert shown.exit_code == 0, shown.output
    lines = [json.loads(line) for line in shown.stdout.splitlines()]
    assert {line["section"] for line in lines} == set(export.SECTIONS)

    path = tmp_path / "vn-pe.jsonl"
    written = runner.invoke(app, ["export", "VN-PE", "--format", "jsonl", "-o", str(path), "--db", db])
    assert written.exit_code == 0, written.output
    assert path.read_text(encoding="utf-8") == shown.stdout


def test_csv_to_stdout_is_one_section_events_unless_named(db: str) -> None:
    events = runner.invoke(app, ["export", "Vietnam", "Peru", "--format", "csv", "-o", "-", "--db", db])
    figures = runner.invoke(app, ["export", "VN", "PE", "--format", "csv", "--section", "figures", "--db", db])
    assert events.exit_code == 0 and figures.exit_code == 0, events.output + figures.output
    assert {row["type"] for row in csv.DictReader(io.StringIO(events.stdout))} >= {"VISIT", "MEET", "INVITE"}
    assert {row["indicator"] for row in csv.DictReader(io.StringIO(figures.stdout))} == {"bilateral_trade"}


def test_csv_to_a_folder_writes_a_table_per_section(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    result = runner.invoke(app, ["export", "--all", "--format", "csv", "-o", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"bilat-all-{s}.csv" for s in export.SECTIONS)
    with (folder / "bilat-all-persons.csv").open(encoding="utf-8", newline="") as table:
        names = {row["name"]: row for row in csv.DictReader(table)}
    assert names["Lương Cường"]["country"] == "VN"


def test_plover_events(db: str) -> None:
    result = runner.invoke(app, ["export", "VN", "PE", "--format", "plover", "--db", db])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["event_type"] for e in events} == {"AGREE", "CONSULT", "REQUEST", "SUPPORT"}


@pytest.mark.parametrize(("arguments", "message"), [
    (["VN", "Atlantis"], "unknown country 'Atlantis'"),
    (["VN"], "a pair is two countries, not 1"),
    (["VN", "VN"], "no relationship of VN with itself"),
    ([], "give a pair (VN PE, or VN-PE) or --all"),
    (["VN", "PE", "--all"], "give a pair (VN PE, or VN-PE) or --all"),
    (["VN", "PE", "--format", "xml"], "'xml' is not one of 'csv', 'jsonl', 'plover'"),
    (["VN", "PE", "--format", "plover", "--section", "figures"], "PLOVER codes events only"),
    (["VN", "PE", "--section", "treaties"], "'treaties' is not one of"),
])
def test_bad_arguments_are_usage_errors(db: str, arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", *arguments, "--db", db])
    assert result.exit_code == 2
    assert message in _said(result.stderr)
    assert not result.stdout


def test_csv_to_a_csv_file_is_one_table(db: str, tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    result = runner.invoke(app, ["export", "VN", "PE", "--format", "csv", "-o", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    with path.open(encoding="utf-8", newline="") as table:
        assert "VISIT" in {row["type"] for row in csv.DictReader(table)}


def test_a_folder_of_tables_cannot_be_a_file(db: str, tmp_path: Path) -> None:
    taken = tmp_path / "tables"
    taken.write_text("kept\n")
    result = runner.invoke(app, ["export", "VN", "PE", "--format", "csv", "-o", str(taken), "--db", db])
    assert result.exit_code == 2 and "is a file: give a folder for every section, or --section" in _said(result.stderr)
    assert taken.read_text() == "kept\n"


def test_a_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "VN", "PE", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no bilat store at" in result.stderr


def _said(stderr: str) -> str:
    """What a message says, without the box and line breaks the usage error is drawn with."""
    return " ".join(stderr.replace("│", " ").split())
