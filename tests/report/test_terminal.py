"""The terminal tables of `bilat relation`, `persons` and `relations` on an 80-column terminal, in each language."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console

from bilat import store
from bilat.lang import load
from bilat.report.labels import READER_LANGUAGES, label
from bilat.report.terminal import print_office_holders, print_relation, print_relations, short_date

WIDTH = 80
"""The terminal a desk officer's laptop opens by default."""


@pytest.fixture(scope="module")
def record(seed_db: str) -> dict[str, Any]:
    return store.relation(store.connect(seed_db), "VN", "PE")


def render(show: Callable[..., None], *arguments: Any, **options: Any) -> str:
    console = Console(width=WIDTH, file=io.StringIO(), color_system=None)
    show(console, *arguments, **options)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def words_of(text: str) -> set[str]:
    """The words shown, without the punctuation that joins them ("Visit:", "Peru,")."""
    return set(re.findall(r"[^\s:,;()]+", text))


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_the_record_fits_80_columns_and_breaks_no_name_inside_a_word(record: dict[str, Any], lang: str) -> None:
    text = render(print_relation, store.in_language(record, lang), lang)

    assert max(len(line) for line in text.splitlines()) <= WIDTH
    shown = words_of(text)
    for person in record["persons"]:
        for name in [person["name"], *person["aliases"]]:
            assert words_of(name) <= shown, name  # "Nguyễn" whole, never "Ngu" / "yễn"
    for event in record["events"]:
        assert words_of(label(lang, "event_types", event["type"])) <= shown


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_the_record_shows_no_code_and_no_id_unless_asked(record: dict[str, Any], lang: str) -> None:
    text = render(print_relation, record, lang)
    ids = [x["id"] for section in ("events", "agreements", "persons", "mechanisms", "figures") for x in record[section]]
    codes = {e["type"] for e in record["events"]} | {p["office"] for p in record["persons"]} | {
        f["indicator"] for f in record["figures"]} | {a["kind"] for a in record["agreements"]} | {"VN", "PE"}

    assert not any(i in text for i in ids)
    assert codes & words_of(text) == set()

    with_ids = render(print_relation, record, lang, ids=True)
    assert all(i in with_ids for i in ids)


def test_headers_labels_and_dates_are_in_the_reader_language(record: dict[str, Any]) -> None:
    vi, en = render(print_relation, record, "vi"), render(print_relation, record, "en")

    for lang, text in (("vi", vi), ("en", en)):
        headings = load(lang)["terminal"]["headings"]
        for key in ("timeline", "agreements", "open_items", "fulfilled", "mechanisms", "persons"):
            assert headings[key] in text
        assert label(lang, "event_types", "VISIT") in text and label(lang, "agreement_statuses", "signed") in text
    assert "Việt Nam – Peru" in vi and "Vietnam – Peru" in en
    assert "12–16/11/2024" in vi and "12–16 Nov 2024" in en  # the 2024 state visit
    assert "Timeline" not in vi and "Diễn biến" not in en


def test_the_timeline_runs_newest_first_with_background_after(record: dict[str, Any]) -> None:
    text = render(print_relation, record, "en")
    timeline = text[text.index("Timeline"):text.index("Agreements")]

    dates = [timeline.index(d) for d in ("12–16 Nov 2024", "17 Nov 2023", "Nov 2017", "Jul 1998", "1994")]
    assert dates == sorted(dates)


def test_fulfilled_items_name_what_fulfilled_them_not_its_id(record: dict[str, Any]) -> None:
    text = render(print_relation, record, "en")
    fulfilled = text[text.index("Fulfilled"):text.index("Mechanisms")]

    assert "Visit: Vietnam → Peru, 12–16 Nov 2024" in fulfilled
    assert label("en", "link_rules", "first_visit_after") in fulfilled


@pytest.mark.parametrize("lang", READER_LANGUAGES)
def test_office_holders_fit_80_columns_under_their_office(seed_db: str, lang: str) -> None:
    spells = store.office_holders(store.connect(seed_db), "VN", lang)
    text = render(print_office_holders, spells, "VN", lang)

    assert max(len(line) for line in text.splitlines()) <= WIDTH
    assert "head_of_state" not in text
    head = text.index(label(lang, "offices", "head_of_state"))
    assert all(text.index(s["name"].split()[-1]) > head for s in spells if s["office"] == "head_of_state")
    assert words_of(" ".join(s["name"] for s in spells)) <= words_of(text)
    assert not any(s["person"] in text for s in spells)
    assert all(s["person"] in render(print_office_holders, spells, "VN", lang, ids=True) for s in spells)


def test_the_pairs_show_names_to_read_and_codes_to_type(seed_db: str) -> None:
    engine = store.connect(seed_db)
    latest = store.latest_event_dates(engine)
    pairs = [{**p, "latest": latest.get(tuple(p["countries"]))} for p in store.relations(engine)]
    text = render(print_relations, pairs, "vi")

    assert "Peru – Việt Nam" in text and "PE–VN" in text and "12–16/11/2024" in text


@pytest.mark.parametrize(("value", "en", "vi"), [
    ("2024-11-12/2024-11-16", "12–16 Nov 2024", "12–16/11/2024"),
    ("2024-11-28/2024-12-02", "28 Nov – 2 Dec 2024", "28/11 – 2/12/2024"),
    ("2023-12-30/2024-01-02", "30 Dec 2023 – 2 Jan 2024", "30/12/2023 – 2/1/2024"),
    ("2024-01/2024-07", "Jan–Jul 2024", "tháng 1–7/2024"),
    ("2024-11/2025-02-03", "Nov 2024 – 3 Feb 2025", "tháng 11/2024 – 3/2/2025"),
    ("2024-11-12", "12 Nov 2024", "12/11/2024"),
    ("2024-11", "Nov 2024", "tháng 11/2024"),
    ("1994", "1994", "1994"),
    (None, "undated", "không rõ ngày"),
    ("2024-02-30", "2024-02-30", "2024-02-30"),  # no day: shown as stored
])
def test_short_dates(value: str | None, en: str, vi: str) -> None:
    assert (short_date(value, "en"), short_date(value, "vi")) == (en, vi)
