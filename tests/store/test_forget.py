"""`bilat forget`: an article leaves the store whole (facts, places, story bands) and the record is rebuilt without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, syndicated, text_article
from typer.testing import CliRunner

from bilat import evaluate, store
from bilat.cli import app
from bilat.store import models as m
from bilat.store.write import is_resolved

runner = CliRunner()
SEEDS = evaluate.find_shared() / "corpus" / "seeds"


def _ingested(db_url: str, *paths: Path) -> Engine:
    result = runner.invoke(app, ["ingest", *map(str, paths or [SEEDS]), "--db", db_url])
    assert result.exit_code == 0, result.output
    return store.connect(db_url)


def _counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (m.Article, m.Fact, m.ArticleCopy, m.StoryBand)}


def _relation(db_url: str) -> dict[str, object]:
    result = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])
    assert result.exit_code == 0, result.output
    record: dict[str, object] = json.loads(result.stdout)
    return record


def _source_ids(record: dict[str, object]) -> set[str]:
    return {s["article"] for e in record["events"] for s in e["sources"]}  # type: ignore[attr-defined, index]


def test_forget_by_id_removes_the_article_and_rebuilds_the_record(db_url: str) -> None:
    engine = _ingested(db_url)
    before = _counts(engine)
    kept, gone = sorted(_source_ids(_relation(db_url)))
    with Session(engine) as session:
        facts_of_gone = session.scalar(select(func.count()).where(m.Fact.article_id == gone)) or 0

    result = runner.invoke(app, ["forget", gone, "--db", db_url])

    assert result.exit_code == 0, result.output
    assert result.stdout == f"{gone}\n" and "forgot 1 article\n" in result.stderr
    assert store.article(engine, gone) is None and store.article(engine, kept) is not None
    after = _counts(engine)
    assert (after["article"], after["fact"], after["article_copy"]) == (1, before["fact"] - facts_of_gone, 1)
    assert is_resolved(engine)  # in the same transaction as the removal
    assert _source_ids(_relation(db_url)) == {kept}


def test_forget_by_source_as_ingest_was_given_it(db_url: str) -> None:
    path = min(SEEDS.glob("*.txt"))
    engine = _ingested(db_url)
    with Session(engine) as session:
        (article_id,) = session.scalars(select(m.ArticleCopy.article_id).where(m.ArticleCopy.source == str(path)))

    result = runner.invoke(app, ["forget", "--source", str(path), "--db", db_url])

    assert result.exit_code == 0, result.output
    assert store.article(engine, article_id) is None
    assert _counts(engine)["article"] == 1


def test_forget_by_source_names_every_line_of_a_dump(db_url: str, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    dump.write_text("".join(json.dumps({"id": f"a{i}", "lang": "vi", "text": t}) + "\n" for i, t in enumerate(bodies)))
    engine = _ingested(db_url, dump, SEEDS.parent / "dev" / "h04.txt")

    result = runner.invoke(app, ["forget", "--source", str(dump), "--db", db_url])

    assert result.exit_code == 0, result.output
    assert "forgot 2 articles" in result.stderr
    with Session(engine) as session:
        assert list(session.scalars(select(m.Article.name))) == ["h04"]


@pytest.mark.parametrize("arguments, message", [
    (["0123456789abcdef"], "no article 0123456789abcdef in the store"),
    (["--source", "nowhere.txt"], "no stored article was read from nowhere.txt"),
])
def test_forgetting_what_is_not_stored_says_so(db_url: str, arguments: list[str], message: str) -> None:
    engine = _ingested(db_url)
    before = _counts(engine)

    result = runner.invoke(app, ["forget", *arguments, "--db", db_url])

    assert result.exit_code == 1
    assert message in result.stderr
    assert _counts(engine) == before


@pytest.mark.parametrize("arguments", [[], ["0123456789abcdef", "--source", "x.txt"]])
def test_forget_wants_an_id_or_a_source(tmp_path: Path, arguments: list[str]) -> None:
    result = runner.invoke(app, ["forget", *arguments, "--db", str(tmp_path / "bilat.db")])

    assert result.exit_code == 2
    assert "give either an ARTICLE_ID or --source PATH" in result.output


def test_a_story_whose_first_article_is_forgotten_is_led_by_its_copy(db_url: str, seed_articles: list[Article]) -> None:
    engine = store.connect(db_url, create=True)
    store.upgrade(engine)
    original, facts = seed_articles[1]
    original_id = store.store_article(engine, original, facts).article_id
    copies = [store.store_article(engine, *text_article(
        f"source: https://outlet-{outlet}.example/a\npublished: 2024-11-17\n---\n"
        + syndicated(original.text[original.body_start:]) + f"\n({outlet})", f"outlet-{outlet}",
    )) for outlet in "cb"]  # the first stored has the larger id
    assert {c.story_id for c in copies} == {original_id}

    assert store.forget(engine, [original_id]) == [original_id]

    heir = copies[0].article_id  # the story's next stored article
    with Session(engine) as session:
        assert set(session.scalars(select(m.Article.story_id))) == {heir}
    visit = next(e for e in store.relation(engine, "VN", "PE")["events"]
                 if e["type"] == "VISIT" and (e["date"] or "").startswith("2024-11"))
    assert [(s["article"], s["also"]) for s in visit["sources"]] == [(heir, [c.article_id for c in copies if c.article_id != heir])]
