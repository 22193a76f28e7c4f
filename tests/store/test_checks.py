"""The store keeps only what every database can keep: an article that breaks a rule is refused alone, with its reason."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from stores import Article, bilingual_visit, build_store, india_japan

from bilat import store
from bilat.errors import InvalidArticleError
from bilat.extract.facts import Figure
from bilat.store import Outcome
from bilat.store import models as m
from bilat.store.checks import MAX_PLACE_BYTES


def _document(**changes: object) -> Callable[[Article], Article]:
    def change(article: Article) -> Article:
        document, facts = article
        return replace(document, **changes), facts  # type: ignore[arg-type]
    return change


def _text(extra: str) -> Callable[[Article], Article]:
    """The article with ``extra`` after its text (past the first 8 KiB): its evidence still fits."""
    def change(article: Article) -> Article:
        document, facts = article
        return replace(document, text=document.text + "Hai bên nhất trí. " * 500 + extra), facts
    return change


def _fact(section: str, **changes: object) -> Callable[[Article], Article]:
    def change(article: Article) -> Article:
        document, facts = article
        first = getattr(facts, section)[0]
        setattr(facts, section, [replace(first, **changes), *getattr(facts, section)[1:]])
        return document, facts
    return change


def _figure_of(value: float) -> Callable[[Article], Article]:
    def change(article: Article) -> Article:
        document, facts = article
        facts.figures = [Figure("bilateral_trade", ["IN", "JP"], "2023", value, "USD", False, facts.events[0].evidence)]
        return document, facts
    return change


REFUSED: dict[str, tuple[Callable[[Article], Article], str, str]] = {
    "published 0000": (_document(published="0000"), "invalid date", "published date '0000' names no day"),
    "published 2023-13-45": (_document(published="2023-13-45"), "invalid date", "published date '2023-13-45' names no day"),
    "published 2023-02-30": (_document(published="2023-02-30"), "invalid date", "published date '2023-02-30' names no day"),
    "NUL in the text past 8 KiB": (_text("\x00"), "invalid text", "text contains NUL characters (the first at character"),
    "lone surrogate in the text": (_text("\ud800"), "invalid text", "text is not valid Unicode (a lone surrogate"),
    "NUL in the title": (_document(title="India\x00Japan"), "invalid text", "title contains NUL characters"),
    "id of 300 characters": (_document(id="x" * 300), "too long", "is longer than 255 characters (300)"),
    "source over 2048 bytes": (_document(source="https://example.org/" + "đ" * 1100), "too long",
                               f"is longer than {MAX_PLACE_BYTES} bytes"),
    "office too long for its column": (_fact("persons", office="x" * 40), "too long",
                                       "fact persons:0 office 'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx' is longer than 32"),
    "country code of three letters": (_fact("events", actors=["JPN", "IN"]), "too long",
                                      "fact events:0 actors 'JPN' is longer than 2 characters"),
    "evidence outside the text": (_fact("persons", evidence=(0, 10**6)), "invalid fact",
                                  "fact persons:0: evidence [0, 1000000] is not in the text"),
    "a figure that is not a number": (_figure_of(math.nan), "invalid fact",
                                      "fact figures:0 cannot be written as JSON: Out of range float values"),
    "NUL in a fact": (_fact("persons", aliases=["Hayashi\x00"]), "invalid text", "fact persons:0 aliases contains NUL"),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=list(REFUSED))
def test_a_bad_article_is_refused_alone_and_its_batch_stored(
    db_url: str, case: tuple[Callable[[Article], Article], str, str]
) -> None:
    spoil, kind, reason = case
    engine = build_store(db_url, [])
    good = bilingual_visit()
    bad = spoil(copy.deepcopy(india_japan()[0]))

    results = store.store_articles(engine, [(*good[0], ...), (*bad, ...), (*good[1], ...)])

    refused = results[1]
    assert isinstance(refused, InvalidArticleError)
    assert refused.kind == kind and reason in refused.reason, refused.reason
    assert [r.outcome for r in (results[0], results[2])] == [Outcome.STORED, Outcome.STORED]  # type: ignore[union-attr]
    assert _names(engine) == ["chile-en", "chile-vi"]
    assert store.rebuild(engine)
    assert [e["type"] for e in store.relation(engine, "VN", "CL")["events"]] == ["VISIT"]


def test_a_document_built_in_code_with_a_bad_date_is_refused_by_the_store(db_url: str) -> None:
    engine = build_store(db_url, [])
    document, facts = india_japan()[0]

    with pytest.raises(InvalidArticleError, match="published date '0000' names no day") as raised:
        store.store_article(engine, replace(document, published="0000"), facts)

    assert raised.value.kind == "invalid date"
    assert _names(engine) == []


def test_the_date_stored_is_checked_too_when_the_header_has_none(db_url: str) -> None:
    engine = build_store(db_url, [])
    document, facts = india_japan()[0]

    with pytest.raises(InvalidArticleError, match="published date '2023-13' names no day"):
        store.store_article(engine, replace(document, published=None), replace(facts, published="2023-13"))


def test_a_fact_date_naming_no_day_is_stored_as_unknown(db_url: str) -> None:
    engine = build_store(db_url, [])
    document, facts = copy.deepcopy(india_japan()[0])
    facts.events[0].date = "2023-02-30"
    facts.agreements[0].date = "2022-13"

    article_id = store.store_article(engine, document, facts).article_id
    store.rebuild(engine)

    stored = {f["id"]: f["data"] for f in store.article(engine, article_id)["facts"]}  # type: ignore[index]
    assert stored[f"{article_id}:events:0"]["date"] is None
    assert stored[f"{article_id}:agreements:0"]["date"] is None
    assert stored[f"{article_id}:events:1"]["date"] == "2023-07-27"  # the others as given
    record = store.relation(engine, "IN", "JP")
    assert {(e["type"], e["date"]) for e in record["events"]} >= {("VISIT", None), ("MEET", "2023-07-27")}
    assert [(a["status"], a["date"]) for a in record["agreements"]] == [("signed", None)]


def test_a_skip_is_recorded_whatever_its_input_holds(db_url: str) -> None:
    engine = build_store(db_url, [])
    long_id = "dump.jsonl [" + "đ" * 3000
    wheres = [f"dump.jsonl [a\x00b \ud800]", f"{long_id}1]", f"{long_id}2]"]

    store.record_skips(engine, [(where, "dump.jsonl", "too long", "id '\x00...' is too long") for where in wheres])

    recorded = sorted(s["where"] for s in store.skips(engine))
    assert "dump.jsonl [a\\x00b \\ud800]" in recorded
    assert len(set(recorded)) == 3  # two long ids cut alike stay two
    assert all(len(w.encode()) <= MAX_PLACE_BYTES for w in recorded)
    assert {s["reason"] for s in store.skips(engine)} == {"id '\\x00...' is too long"}
    store.forget_skips(engine, "dump.jsonl")
    assert store.skips(engine) == []


def test_refusing_stores_nothing_of_the_article(db_url: str) -> None:
    engine = build_store(db_url, [])
    document, facts = india_japan()[0]

    results = store.store_articles(engine, [(replace(document, text=document.text + "\x00"), facts, ...)])

    assert isinstance(results[0], InvalidArticleError)
    with Session(engine) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (m.Article, m.Fact, m.ArticleCopy)] == [0, 0, 0]


def test_a_backslash_and_u0000_written_out_are_text_not_a_nul(db_url: str) -> None:
    engine = build_store(db_url, [])
    document, facts = _fact("persons", aliases=[r"Hayashi \u0000"])(copy.deepcopy(india_japan()[0]))

    stored = store.store_article(engine, replace(document, text=document.text + r"\u0000"), facts)

    assert stored.outcome is Outcome.STORED
    assert store.article(engine, stored.article_id)["text"].endswith(r"\u0000")  # type: ignore[index]


def _names(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return sorted(session.scalars(select(m.Article.name)))
