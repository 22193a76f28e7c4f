"""The relationship page's top and timeline on the store of the shared corpus: the record at a glance, trips."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import store
from bilat.lang import load
from bilat.report.labels import label
from bilat.report.press import office_name

GLANCE_KEYS = ("framework", "last_contact", "next", "open", "trade", "sources")


def glance_block(text: str) -> str:
    start = text.index('<section id="glance"')
    return text[start:text.index("</section>", start)]


def glance_part(text: str, key: str) -> str:
    """The lines of one part of the glance (``framework``, ``open``...)."""
    block = glance_block(text)
    start = block.index(f'<div class="{key}">')
    return block[start:block.index("</div>\n", start)]


def trip_of(text: str, visit_id: str) -> str:
    """The ``<tbody>`` of the timeline that holds the visit's row."""
    at = text.index(f'<tr id="{visit_id}"')
    return text[text.rindex("<tbody", 0, at):text.index("</tbody>", at)]


def rows_of(part: str) -> list[tuple[str, str]]:
    return re.findall(r'<tr id="(e[0-9a-f]{13})" class="([^"]*)"', part)


def row_html(part: str, event_id: str) -> str:
    start = part.index(f'<tr id="{event_id}"')
    return part[start:part.index("</tr>", start)]


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.fixture(scope="module")
def peru(web_store: Engine) -> dict[str, Any]:
    return store.relation(web_store, "VN", "PE")


@pytest.fixture(scope="module")
def state_visit(peru: dict[str, Any]) -> dict[str, Any]:
    """The state visit to Peru of 12–16 November 2024."""
    (visit,) = [e for e in peru["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16"]
    return visit


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_opens_on_the_record_at_a_glance(client: TestClient, peru: dict[str, Any], lang: str) -> None:
    text = client.get(f"/r/VN-PE?lang={lang}").text
    words = load(lang)["glance"]
    assert text.index('<section id="glance"') < text.index('<nav class="sections"') < text.index('id="timeline"')
    block = glance_block(text)
    assert words["heading"] in block
    for key in GLANCE_KEYS:
        assert f"<dt>{words['labels'][key]}</dt>" in glance_part(text, key)
    last = peru["glance"]["last_contact"]["event"]
    assert f'href="#{last}"' in glance_part(text, "last_contact")  # each line links to its fact's row
    assert f'<tr id="{last}"' in text
    assert ("từ ngày 12 đến 16/11/2024" if lang == "vi" else "12–16 November 2024") in glance_part(text, "last_contact")
    trade = glance_part(text, "trade")
    assert f'href="#{peru["glance"]["trade"]["id"]}"' in trade
    assert ("gần 300 triệu USD" if lang == "vi" else "nearly 300 million USD") in trade  # "gần": nearly, kept
    assert ("từ tháng 1 đến tháng 7/2024" if lang == "vi" else "January–July 2024") in trade  # seven months, not a year
    sources = text_of(glance_part(text, "sources"))
    assert str(peru["articles"]) in sources and words["languages"]["vi"] in sources


@pytest.mark.parametrize(("pair", "lang", "framework"), [
    ("VN-PE", "en", "Diplomatic relations since 1994"),
    ("VN-PE", "vi", "Quan hệ ngoại giao từ năm 1994"),
    ("VN-JP", "en", "Comprehensive strategic partnership (upgraded)"),
    ("VN-JP", "vi", "Đối tác chiến lược toàn diện (nâng cấp)"),
    ("VN-IN", "en", "Comprehensive strategic partnership (upgraded from Strategic partnership, 2007; Diplomatic relations, 1972)"),
    ("VN-IN", "vi", "Đối tác chiến lược toàn diện (nâng cấp từ Đối tác chiến lược, năm 2007; Quan hệ ngoại giao, năm 1972)"),
])
def test_the_glance_names_the_current_framework_and_what_it_was_upgraded_from(
    client: TestClient, web_store: Engine, pair: str, lang: str, framework: str,
) -> None:
    record = store.relation(web_store, *pair.split("-"))
    current = record["glance"]["framework"]
    text = client.get(f"/r/{pair}?lang={lang}").text
    assert f'<a href="#{current["event"]}">{framework}</a>' in glance_part(text, "framework")
    # The event the framework was reached by reads as what it was, in the timeline too.
    row = text_of(row_html(text, current["event"]))
    steps = load(lang)["labels"]["relations_steps"]
    if current["upgrade"]:
        assert steps["upgrade_to"].format(framework=label(lang, "frameworks", current["framework"])) in row
    else:
        assert steps["establishment"] in row


@pytest.mark.parametrize("pair", ["VN-IN", "VN-NZ", "VN-KH"])
def test_the_glance_lists_only_the_concrete_open_items(client: TestClient, web_store: Engine, pair: str) -> None:
    record = store.relation(web_store, *pair.split("-"))
    concrete = [item["event"] for item in record["glance"]["open"]]
    vague = set(record["open"]) - set(concrete)
    assert concrete and vague  # the corpus has both kinds for these pairs
    text = client.get(f"/r/{pair}?lang=vi").text
    assert re.findall(r'href="#(e[0-9a-f]{13})"', glance_part(text, "open")) == concrete
    section = text[text.index('id="open"'):text.index('id="mechanisms"')]
    assert vague <= set(re.findall(r'href="#(e[0-9a-f]{13})"', section))  # the full list below still has them all


def test_an_english_page_labels_a_vietnamese_item_in_english_and_quotes_it_whole(client: TestClient) -> None:
    english = glance_part(client.get("/r/VN-PE?lang=en").text, "open")
    quote = "tiếp tục phối hợp hiệu quả với Việt Nam tại Liên hợp quốc và các cơ chế đa phương quốc tế"  # the whole clause
    assert f'<q lang="vi">{quote}</q>' in english
    assert "Commitment: Peru → Vietnam — coordination, the United Nations" in english
    vietnamese = glance_part(client.get("/r/VN-PE?lang=vi").text, "open")
    assert f"Cam kết: Peru → Việt Nam — {quote}" in vietnamese
    assert "</a> <q" not in vietnamese  # in the page's own language, the words are the label: nothing quoted apart


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_peru_state_visit_is_one_trip_with_its_four_meetings_under_it(
    client: TestClient, peru: dict[str, Any], state_visit: dict[str, Any], lang: str,
) -> None:
    events = {e["id"]: e for e in peru["events"]}
    text = client.get(f"/r/VN-PE?lang={lang}").text
    trip = trip_of(text, state_visit["id"])
    rows = rows_of(trip)
    assert rows[0] == (state_visit["id"], "event visit")
    assert sorted(i for i, _ in rows[1:]) == sorted(state_visit["parts"])
    assert all(classes.endswith(" part") for _, classes in rows[1:])
    meetings = [i for i, classes in rows[1:] if classes == "event meet part"]
    assert len(meetings) == 4
    for meeting in meetings:
        assert text.count(f'<tr id="{meeting}"') == 1  # under its visit, not again at the top
        counterpart = events[meeting]["counterpart"]
        met = text_of(re.search(r'<div class="counterpart">(.*?)</div>', row_html(trip, meeting), re.DOTALL)[1])
        assert counterpart["country"] == "PE" and "Peru" in met
        assert office_name(counterpart["office"], "PE", lang) in met
        if counterpart["inferred"]:
            assert counterpart["name"] in met
            source = counterpart["source"]
            link = f'/articles/{source["article"]}?span={source["evidence"][0]}-{source["evidence"][1]}'
            assert link in row_html(trip, meeting)  # the sentence that says who held the office


def test_a_filter_keeps_a_trip_shown_with_the_parts_it_matches(
    client: TestClient, state_visit: dict[str, Any],
) -> None:
    text = client.get("/r/VN-PE?lang=en&type=MEET&since=2024").text
    timeline = text[text.index('id="timeline"'):text.index('id="agreements"')]
    start = timeline.index('<tr class="event visit context">')
    trip = timeline[timeline.rindex("<tbody", 0, start):timeline.index("</tbody>", start)]
    assert "the visit these events were part of" in trip and "Visit: Vietnam → Peru" in trip
    assert f'<tr id="{state_visit["id"]}"' not in timeline  # the visit itself does not match: no row of its own
    assert len([i for i, classes in rows_of(trip) if classes == "event meet part"]) == 4
