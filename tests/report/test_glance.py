"""The record at a glance and the timeline by trip, in the terminal and in briefings, on the store of the shared corpus."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from sqlalchemy import Engine
from stores import Article, build_store

from bilat import store
from bilat.lang import load
from bilat.report.briefing import build_briefing, render_html, render_markdown
from bilat.report.glance import age_text, word_glance
from bilat.report.labels import READER_LANGUAGES, label
from bilat.report.press import office_name
from bilat.report.terminal import print_relation
from bilat.report.timeline import counterpart_text

WIDTH = 80
TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus_articles: list[Article]) -> Engine:
    """The seed and dev articles, as ``bilat ingest`` stores them."""
    return build_store(tmp_path_factory.mktemp("glance") / "bilat.db", corpus_articles)


def record_of(engine: Engine, pair: str, lang: str) -> dict[str, Any]:
    return store.in_language(store.relation(engine, *pair.split("-")), lang)


def render(record: dict[str, Any], lang: str) -> str:
    console = Console(width=WIDTH, file=io.StringIO(), color_system=None)
    print_relation(console, record, lang)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def flat(text: str) -> str:
    """Terminal text with its wrapping undone: what a reader reads across lines."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", READER_LANGUAGES)
@pytest.mark.parametrize("pair", ["VN-PE", "VN-IN", "VN-JP"])
def test_the_terminal_record_opens_on_the_glance_within_80_columns(corpus_store: Engine, pair: str, lang: str) -> None:
    record = record_of(corpus_store, pair, lang)
    text = render(record, lang)
    assert max(len(line) for line in text.splitlines()) <= WIDTH
    words = load(lang)["glance"]
    timeline = load(lang)["terminal"]["headings"]["timeline"]
    assert text.index(words["heading"]) < text.index(timeline)
    glance = flat(text[text.index(words["heading"]):text.index(timeline)])
    for key in ("framework", "last_contact", "next", "open", "trade", "sources"):
        assert flat(words["labels"][key]) in glance
    framework = label(lang, "frameworks", record["glance"]["framework"]["framework"])
    assert framework in glance
    if record["glance"]["framework"]["upgrade"]:
        assert ("nâng cấp" if lang == "vi" else "upgraded") in glance


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_the_terminal_shows_the_peru_state_visit_as_one_trip_with_its_meetings_indented(
    corpus_store: Engine, lang: str,
) -> None:
    record = record_of(corpus_store, "VN-PE", lang)
    events = {e["id"]: e for e in record["events"]}
    (visit,) = [e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16"]
    meetings = [events[i] for i in visit["parts"] if events[i]["type"] == "MEET"]
    assert len(meetings) == 4
    lines = render(record, lang).splitlines()
    visit_word, meeting_word = (label(lang, "event_types", t) for t in ("VISIT", "MEET"))
    short = "12–16/11/2024" if lang == "vi" else "12–16 Nov 2024"
    at = [i for i, line in enumerate(lines) if line.startswith(short)]
    trip = [lines[i] for i in at]
    assert visit_word in trip[0]
    def column(line: str) -> int:  # where the event's words start, after the date
        return len(line) - len(line[len(short):].lstrip())

    parts = trip[1:]
    assert len(parts) == len(visit["parts"])  # each part once, under its visit
    assert all(column(line) > column(trip[0]) for line in parts)  # indented
    assert sum(meeting_word in line for line in parts) == 4
    end = next(i for i in range(at[-1] + 1, len(lines)) if lines[i][:1].strip())  # the next entry's date
    block = flat("\n".join(lines[at[0]:end]))
    for meeting in meetings:
        counterpart = meeting["counterpart"]
        assert office_name(counterpart["office"], "PE", lang) in block
        assert counterpart_text(counterpart, lang) in block


def test_the_terminal_keeps_what_the_articles_recall_apart(corpus_store: Engine) -> None:
    record = record_of(corpus_store, "VN-PE", "en")
    text = render(record, "en")
    recalled = text[text.index("Recalled by the articles"):text.index("Agreements")]
    happened = text[text.index("Timeline"):text.index("Recalled by the articles")]
    assert "Fujimori" in recalled and "Fujimori" not in happened  # a 1998 visit an article recalls
    assert "Establishment of diplomatic relations" in recalled


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_a_briefing_opens_on_the_glance(corpus_store: Engine, lang: str) -> None:
    record = store.relation(corpus_store, "VN", "IN")
    briefing = build_briefing(record, lang, today=TODAY)
    words = load(lang)["glance"]
    first = briefing.sections[0]
    assert first.key == "glance" and first.heading.startswith(words["heading"])
    texts = [s.text for s in first.sentences]
    assert texts[0].startswith(words["line_labels"]["framework"])
    assert label(lang, "frameworks", "comprehensive_strategic_partnership") in texts[0]
    assert ("nâng cấp từ" if lang == "vi" else "upgraded from") in texts[0]
    open_items = [s for s in first.sentences if s.text.startswith(words["line_labels"]["open"])]
    assert len(open_items) == len(record["glance"]["open"]) < len(record["open"])  # only the concrete ones
    assert all(s.citations for s in open_items)
    markdown = render_markdown(briefing)
    assert markdown.index(f"## {words['heading']}") < markdown.index(f"## {load(lang)['brief']['headings']['contacts']}")
    page = render_html(briefing)
    assert page.index('<section class="glance">') < page.index('<section class="contacts">')


def test_an_english_briefing_marks_the_vietnamese_words_of_an_open_item(corpus_store: Engine) -> None:
    briefing = build_briefing(store.relation(corpus_store, "VN", "PE"), "en", today=TODAY)
    page = render_html(briefing)
    glance = page[page.index('<section class="glance">'):page.index('<section class="contacts">')]
    assert re.search(r'<span lang="vi">tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương '
                     r"quốc tế</span>", glance)
    assert "Vietnamese President Luong Cuong visited Peru" in glance  # the last contact as the press tells it


def test_the_glance_words_a_record_with_nothing_in_it(tmp_path: Path) -> None:
    empty = store.relation(build_store(tmp_path / "bilat.db", []), "VN", "PE")
    for lang in READER_LANGUAGES:
        glance = word_glance(store.in_language(empty, lang), lang)
        assert glance.as_of == ""
        assert [len(entry.lines) for entry in glance.entries] == [0, 0, 0, 0, 0, 1]  # only the count of sources


@pytest.mark.parametrize(("days", "en", "vi"), [
    (0, "less than a month", "chưa đầy một tháng"),
    (45, "1 month", "1 tháng"),
    (379, "1 year", "1 năm"),
    (474, "1 year 3 months", "1 năm 3 tháng"),
    (800, "2 years 2 months", "2 năm 2 tháng"),
    (None, "", ""),
    (-3, "", ""),  # dated after the newest article: no age
])
def test_ages(days: int | None, en: str, vi: str) -> None:
    assert (age_text(days, "en"), age_text(days, "vi")) == (en, vi)


@pytest.mark.parametrize(("counterpart", "en", "vi"), [
    ({"country": "PE", "office": "head_of_legislature", "name": None}, "with the President of the Congress of Peru",
     "với Chủ tịch Quốc hội Peru"),
    ({"country": "PE", "office": "head_of_state", "name": "Dina Boluarte"}, "with the President of Peru, Dina Boluarte",
     "với Tổng thống Peru Dina Boluarte"),
    ({"country": "JP", "office": "other", "name": "Kishida Fumio"}, "with Kishida Fumio", "với Kishida Fumio"),
    ({"country": "JP", "office": None, "name": None}, "", ""),
    (None, "", ""),
])
def test_counterparts_in_words(counterpart: dict[str, Any] | None, en: str, vi: str) -> None:
    assert (counterpart_text(counterpart, "en"), counterpart_text(counterpart, "vi")) == (en, vi)
