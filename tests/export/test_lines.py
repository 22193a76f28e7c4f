"""JSON Lines exports read back a line at a time: every fact once, its fields, its sources quoting the article."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Engine
from stores import bilingual_visit, build_store, text_article

from bilat import export, store

ONLINE = """source: https://www.example.vn/tin/vn-pe
lang: vi
published: 2024-11-14
title: Việt Nam và Peru ký bản ghi nhớ
---
Ngày 14/11/2024, tại Lima, Chủ tịch nước Lương Cường hội đàm với Tổng thống Peru Dina Boluarte.
"""


def _lines(engine: Engine, records: Any, section: str | None = None, lang: str | None = None) -> list[dict[str, Any]]:
    return [json.loads(line) for line in export.written(export.ExportFormat.jsonl, engine, records, section, lang)]


def test_a_line_per_fact_of_every_section(seeds_store: Engine, vn_pe: dict[str, Any]) -> None:
    lines = _lines(seeds_store, export.pair_records(seeds_store, "VN", "PE"))
    counts = Counter(line["section"] for line in lines)
    assert counts == {section: len(vn_pe[section]) for section in export.SECTIONS}
    visit = next(x for x in lines if x["section"] == "events" and x["fields"]["type"] == "VISIT"
                 and x["fields"]["date"] == "2024-11-12/2024-11-16")
    assert visit["fields"]["actors"] == ["VN", "PE"] and visit["fields"]["persons"] == ["Lương Cường"]
    assert set(visit) == {"section", "id", "fields", "sources"}


def test_every_source_quotes_its_article_at_its_evidence(seeds_store: Engine) -> None:
    texts: dict[str, str] = {}
    lines = _lines(seeds_store, export.pair_records(seeds_store, "VN", "PE"))
    for line in lines:
        assert line["sources"], line
        for source in line["sources"]:
            text = texts.setdefault(source["article"], store.article(seeds_store, source["article"])["text"])
            start, end = source["evidence"]
            assert source["quote"] == text[start:end]
            assert source["name"] and source["published"]
    assert any(line["section"] == "persons" for line in lines)  # their sources are the sentences naming them in office


def test_a_source_read_from_the_web_carries_its_address_and_one_read_from_a_file_none(tmp_path, seed_articles) -> None:  # type: ignore[no-untyped-def]
    engine = build_store(tmp_path / "bilat.db", [*seed_articles, text_article(ONLINE, "online")])
    urls = {s["name"]: s["url"] for line in _lines(engine, export.pair_records(engine, "VN", "PE")) for s in line["sources"]}
    assert urls["online"] == "https://www.example.vn/tin/vn-pe"
    assert {urls[document.id] for document, _ in seed_articles} == {None}  # read from files: no path is given out


def test_the_whole_store_gives_each_fact_once(corpus_store: Engine) -> None:
    lines = _lines(corpus_store, export.store_records(corpus_store))
    keys = [(x["section"], x["id"] or (x["fields"]["org"], *x["fields"]["countries"])) for x in lines]
    assert len(keys) == len(set(keys))
    pairs = store.relations(corpus_store)
    events = {e["id"] for pair in pairs for e in store.relation(corpus_store, *pair["countries"])["events"]}
    assert {x["id"] for x in lines if x["section"] == "events"} == events
    assert len(pairs) > 10


def test_one_section_only(seeds_store: Engine) -> None:
    figures = _lines(seeds_store, export.pair_records(seeds_store, "VN", "PE"), "figures")
    assert figures and {x["section"] for x in figures} == {"figures"}


def test_persons_are_named_as_the_readers_language_names_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = build_store(tmp_path / "bilat.db", bilingual_visit())
    for lang, name in (("vi", "Lương Cường"), ("en", "Luong Cuong")):
        lines = _lines(engine, export.pair_records(engine, "VN", "CL"), lang=lang)
        assert name in {x["fields"]["name"] for x in lines if x["section"] == "persons"}
        assert [name] in [x["fields"]["persons"] for x in lines if x["section"] == "events"]


def test_the_text_is_utf8_as_written(seeds_store: Engine) -> None:
    text = "".join(export.written(export.ExportFormat.jsonl, seeds_store, export.pair_records(seeds_store, "VN", "PE")))
    assert "Lương Cường" in text and "\\u" not in text
