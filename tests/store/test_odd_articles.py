"""`bilat ingest` of one odd article beside two good ones, on SQLite and PostgreSQL alike: one skip, never a lost batch."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bilat import evaluate, store
from bilat.cli import app
from bilat.extract.facts import DATE_FIELDS
from bilat.isodates import is_iso_date
from bilat.store import models as m
from bilat.store.write import is_resolved

runner = CliRunner()
CORPUS = evaluate.find_shared() / "corpus"


def _dev(name: str) -> str:
    return (CORPUS / "dev" / name).read_text(encoding="utf-8")


def _body(name: str) -> str:
    return _dev(name).split("---\n", 1)[1]


def _published(date: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / "dated.txt"
        path.write_text(_dev("h02.txt").replace("published: unknown", f"published: {date}", 1), encoding="utf-8")
        return path
    return write


def _nul_past_8_kib(folder: Path) -> Path:
    path = folder / "long.txt"
    text = (_dev("h04.txt") + "\n" + _body("h04.txt") * 5).encode()
    assert len(text) > 8192  # past what a reader sniffs for binary content
    path.write_bytes(text + b"\x00\n" + _body("h06.txt").encode())
    return path


def _line(**record: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / "dump.jsonl"
        path.write_text(json.dumps({"lang": "vi", **record}) + "\n", encoding="utf-8")
        return path
    return write


ODD: dict[str, tuple[Callable[[Path], Path], str, bool]] = {
    "NUL in a .txt past 8 KiB": (_nul_past_8_kib, "NUL", False),
    "\\u0000 in a .jsonl text": (_line(id="nul", text=_body("h08.txt") + "\u0000"), "NUL", False),
    "a .jsonl id of 300 characters": (_line(id="x" * 300, text=_body("h10.txt")), "255", False),
    "published: 0000": (_published("0000"), "0000", True),
    "published: 2023-13-45": (_published("2023-13-45"), "2023-13-45", True),
    "published: 2023-02-30": (_published("2023-02-30"), "2023-02-30", True),
}
"""Each odd input, what the reason for skipping it names, and whether it may instead be kept with that value read as unknown."""


@pytest.mark.parametrize("odd", ODD.values(), ids=list(ODD))
def test_an_odd_article_is_one_skip_and_the_batch_is_stored(
    db_url: str, tmp_path: Path, odd: tuple[Callable[[Path], Path], str, bool]
) -> None:
    write, named, may_be_kept = odd
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted((CORPUS / "seeds").glob("*.txt"))
    for seed in seeds:  # the good ones around it, in one batch
        (folder / seed.name).write_bytes(seed.read_bytes())
    odd_path = write(folder)

    ingest = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    skipped = json.loads(runner.invoke(app, ["skipped", "--format", "json", "--db", db_url]).stdout)
    relation = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])

    engine = store.connect(db_url)
    with Session(engine) as session:
        stored = dict(session.execute(select(m.ArticleCopy.source, m.Article.published).join(m.Article)).all())
        facts = session.execute(select(m.Fact.section, m.Fact.data).where(m.Fact.section.in_(DATE_FIELDS))).all()
    assert {str(folder / seed.name) for seed in seeds} <= set(stored)
    assert relation.exit_code == 0 and json.loads(relation.stdout)["events"], relation.output
    assert is_resolved(engine)
    dates = [*stored.values(), *(data[DATE_FIELDS[section]] for section, data in facts)]
    assert all(date is None or is_iso_date(date) for date in dates)
    if skipped or not may_be_kept:  # refused, by the reader or by the store
        assert ingest.exit_code == 1, ingest.output
        (skip,) = skipped
        assert skip["where"].startswith(str(odd_path)) and named in skip["reason"], skip
        assert "1 skipped" in ingest.stderr
    else:  # kept, with what could be read of it: a header date naming no day is no date
        assert ingest.exit_code == 0, ingest.output
        assert len(stored) == len(seeds) + 1
