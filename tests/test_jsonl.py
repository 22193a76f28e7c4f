"""JSON Lines dumps: one article per line, metadata kept with the text, a bad line skipped and the rest read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat import store
from bilat.cli import app
from bilat.errors import IngestError
from bilat.ingest import jsonl, read_articles

runner = CliRunner()


@pytest.fixture
def dump(tmp_path: Path, shared_corpus: Path) -> Path:
    """Two good articles around every kind of bad line."""
    seeds = sorted((shared_corpus / "seeds").glob("*.txt"))
    first, second = (path.read_text(encoding="utf-8") for path in seeds)
    lines = [
        json.dumps({"id": "visit", "url": "https://example.vn/visit", "published": "2024-11", "title": "Thăm Peru",
                    "text": second}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "blank", "text": "  "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "french", "text": "Le président Vo Van Thuong a rencontré la présidente péruvienne Dina Boluarte à San Francisco."}),
        "",
        json.dumps({"text": first}, ensure_ascii=False),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "\xff"}\n')
    return path


def test_each_line_is_an_article_or_a_reason(dump: Path) -> None:
    articles = list(read_articles(dump))
    problems = {a.source: a.reason for a in articles if isinstance(a, IngestError)}
    assert problems == {
        f"{dump}:2": "not JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{dump}:3": "no 'text' (a non-empty string)",
        f"{dump}:4": "not a JSON object",
        f"{dump}:8": "not UTF-8 (invalid byte at position 10)",
    }
    documents = [a for a in articles if not isinstance(a, IngestError)]
    assert [d.id for d in documents] == ["visit", "french", "dump-7"]
    visit = documents[0]
    assert (visit.source, visit.published, visit.title) == ("https://example.vn/visit", "2024-11", "Thăm Peru")
    assert visit.text.startswith("source: https://example.vn/visit\npublished: 2024-11\ntitle: Thăm Peru\n---\n")


def test_ingest_stores_the_good_lines_and_names_the_bad(dump: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'bilat.db'}"
    result = runner.invoke(app, ["ingest", str(dump), "--db", db])
    assert result.exit_code == 1  # something was skipped
    assert "2 stored, 0 duplicates, 0 already stored, 5 skipped" in result.stderr
    assert f"skipped {dump}:2: not JSON" in result.stderr
    assert f"skipped {dump} [french]: articles in 'fr' are not read yet" in result.stderr
    engine = store.connect(db)
    record = store.relation(engine, "VN", "PE")
    visit = next(e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    (source,) = visit["sources"]
    article = store.article(engine, source["article"])
    assert article["source"] == "https://example.vn/visit"
    assert article["text"][slice(*source["evidence"])] == source["quote"]
    assert "Lương Cường" in source["quote"]


def test_a_line_over_the_limit_is_skipped_without_holding_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 100)
    good = json.dumps({"id": "ok", "text": "Chủ tịch nước thăm Peru."}, ensure_ascii=False)
    dump = tmp_path / "big.jsonl"
    dump.write_text("\n".join([good, json.dumps({"text": "x" * 1000}), good.replace("ok", "ok2")]) + "\n", encoding="utf-8")

    lines = list(jsonl.read_lines(dump))

    assert [x.doc_id for x in lines if not isinstance(x, IngestError)] == ["ok", "ok2"]
    (error,) = [x for x in lines if isinstance(x, IngestError)]
    assert (error.source, error.kind) == (f"{dump}:2", "too large")
    assert "1013 bytes" in error.reason


def test_what_json_escapes_can_carry_and_no_store_can_hold_is_a_bad_line(tmp_path: Path) -> None:
    text = "Chủ tịch nước Võ Văn Thưởng gặp Tổng thống Peru Dina Boluarte tại San Francisco."
    dump = tmp_path / "escapes.jsonl"
    dump.write_text("\n".join([
        json.dumps({"id": "nul", "text": text + "\u0000"}),
        json.dumps({"id": "\ud800", "text": text}),
        json.dumps({"id": "title", "title": "\udcff", "text": text}),
        json.dumps({"id": "ok", "text": text}),
    ]) + "\n", encoding="utf-8")  # json.dumps writes them as \u escapes: the file itself is valid UTF-8
    results = list(read_articles(dump))
    assert [(r.source, r.kind) for r in results if isinstance(r, IngestError)] == [
        (f"{dump}:1", "binary"), (f"{dump}:2", "bad encoding"), (f"{dump}:3", "bad encoding"),
    ]
    assert [r.id for r in results if not isinstance(r, IngestError)] == ["ok"]


BAD_LINES = 5_000
"""Enough bad lines that any cost per line above a few microseconds shows (300 000 took 106 s when each was a
transaction and a Rich render): benchmarks/bad_lines.py times the large dump."""


def test_every_bad_line_of_a_large_dump_is_reported_and_the_good_ones_read(tmp_path: Path, shared_corpus: Path) -> None:
    first, second = (path.read_text(encoding="utf-8") for path in sorted((shared_corpus / "seeds").glob("*.txt")))
    dump = tmp_path / "crawl.jsonl"
    with dump.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "first", "text": first}, ensure_ascii=False) + "\n")
        stream.write("{not json\n" * BAD_LINES)
        stream.write(json.dumps({"id": "second", "text": second}, ensure_ascii=False) + "\n")

    extracted = runner.invoke(app, ["extract", str(dump), "--format", "jsonl"])
    assert [json.loads(line)["doc"]["id"] for line in extracted.stdout.splitlines()] == ["first", "second"]
    assert extracted.stderr.count(": not JSON: ") == BAD_LINES

    db = f"sqlite:///{tmp_path / 'bilat.db'}"
    ingested = runner.invoke(app, ["ingest", str(dump), "--db", db])
    assert ingested.stderr.strip().splitlines()[-1] == (
        f"bilat: 2 stored, 0 duplicates, 0 already stored, {BAD_LINES} skipped: {BAD_LINES} malformed line")
    skips = store.skips(store.connect(db))
    assert {skip["where"] for skip in skips} == {f"{dump}:{line}" for line in range(2, BAD_LINES + 2)}
