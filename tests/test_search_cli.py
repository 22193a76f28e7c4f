"""``bilat search``: the hits as a table readable at 80 columns, or as JSON; a query with no word is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stores import Article, build_store
from typer.testing import CliRunner

from bilat.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_articles: list[Article]) -> str:
    """A store of the two seed articles on Vietnam–Peru."""
    path = tmp_path_factory.mktemp("search-cli") / "bilat.db"
    build_store(path, seed_articles)
    return str(path)


def _search(db: str, *arguments: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["search", *arguments, "--db", db], env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def test_json_gives_the_hits_best_first(db: str) -> None:
    code, out, _ = _search(db, "Dina Boluarte", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found["terms"] == ["dina", "boluarte"]
    assert found["items"][0]["kind"] == "person" and "Boluarte" in found["items"][0]["title"]


def test_the_table_fits_80_columns(db: str) -> None:
    code, out, _ = _search(db, "Luong Cuong", "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80
    assert "Lương Cường" in out and "Chủ tịch nước" in out  # the person's names and titles
    assert lines[-1].startswith("3 shown of ")


def test_kind_and_limit_narrow_the_hits(db: str) -> None:
    code, out, _ = _search(db, "Peru", "--kind", "article", "--limit", "1", "--format", "json")
    assert code == 0
    assert [hit["kind"] for hit in json.loads(out)["items"]] == ["article"]


def test_nothing_found_exits_with_1(db: str) -> None:
    code, _, err = _search(db, "Zanzibar")
    assert code == 1 and "nothing found for 'Zanzibar'" in err


@pytest.mark.parametrize("query", ["", "?!", "«—»"])
def test_a_query_with_no_word_is_a_usage_error(db: str, query: str) -> None:
    code, _, err = _search(db, query)
    assert code == 2 and "nothing to search for" in err


def test_a_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    code, _, err = _search(str(tmp_path / "none.db"), "Peru")
    assert code == 1 and "no bilat store" in err
