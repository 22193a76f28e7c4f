"""A folder of Vietnamese and English articles: each read with its own language's data, merged into one record."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bilat import store
from bilat.cli import app

runner = CliRunner()


def test_extract_reads_a_mixed_folder_each_article_in_its_language(shared_corpus: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", "-j", "1",
                                 str(shared_corpus / "seeds"), str(shared_corpus / "dev-en")])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    languages = {d["doc"]["id"]: d["doc"]["lang"] for d in docs}
    assert set(languages.values()) == {"vi", "en"}
    assert sum(lang == "en" for lang in languages.values()) == len(list((shared_corpus / "dev-en").glob("*.txt")))
    english = [d for d in docs if d["doc"]["lang"] == "en"]
    others = ("events", "agreements", "mechanisms", "memberships", "figures")
    assert all(d["persons"] and any(d[s] for s in others) for d in english)  # read, not skipped or left empty


def test_ingest_merges_one_minister_reported_in_both_languages(shared_corpus: Path, tmp_path: Path) -> None:
    """Phạm Bình Minh: "Phó Thủ tướng, Bộ trưởng Ngoại giao" in a Vietnamese article, "Pham Binh Minh" in English ones."""
    db = f"sqlite:///{tmp_path / 'bilat.db'}"
    result = runner.invoke(app, ["ingest", str(shared_corpus), "--db", db, "-j", "1"])
    files = len(list(shared_corpus.rglob("*.txt")))
    assert result.exit_code == 0, result.stderr
    assert f"{files} stored, 0 duplicates, 0 already stored, 0 skipped" in result.stderr

    engine = store.connect(db)
    (minister,) = [s for s in store.office_holders(engine, "VN") if s["office"] == "foreign_minister"
                   and s["name"] in ("Phạm Bình Minh", "Pham Binh Minh")]
    assert minister["articles"] >= 3
    assert {"Phó Thủ tướng, Bộ trưởng Ngoại giao", "Deputy Prime Minister, Foreign Minister"} <= set(minister["titles"])

    record = store.relation(engine, "VN", "ID")  # a pair only the English articles tell of
    assert record["languages"] == {"en": 1}
    names = {p["names"].get("en") for p in store.in_language(record, "en")["persons"]}
    assert "Pham Binh Minh" in names
