"""CSV exports read back with ``csv.DictReader``: a row per fact, the values of the record, the sources cited."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import Engine

from bilat import export
from bilat.export.table import COLUMNS, SOURCE_COLUMNS, CsvTable


def _rows(engine: Engine, section: str) -> list[dict[str, str]]:
    text = "".join(export.written(export.ExportFormat.csv, engine, export.pair_records(engine, "VN", "PE"), section))
    return list(csv.DictReader(io.StringIO(text)))


def test_the_events_table_has_a_row_per_event_with_its_values_and_quote(seeds_store: Engine, vn_pe: dict[str, Any]) -> None:
    rows = _rows(seeds_store, "events")
    assert [row["id"] for row in rows] == [e["id"] for e in vn_pe["events"]]
    visit = next(row for row in rows if row["type"] == "VISIT" and row["date"] == "2024-11-12/2024-11-16")
    assert (visit["actors"], visit["persons"], visit["status"]) == ("VN; PE", "Lương Cường", "happened")
    established = next(row for row in rows if row["type"] == "ESTABLISH_RELATIONS")
    assert established["date"] == "1994"
    assert "thiết lập quan hệ ngoại giao" in established["quotes"]
    assert established["source_count"] == "1" and len(established["articles"]) == 16


def test_open_items_and_agreement_kinds_are_columns(seeds_store: Engine, vn_pe: dict[str, Any]) -> None:
    rows = {row["id"]: row for row in _rows(seeds_store, "events")}
    assert {i for i, row in rows.items() if row["open"] == "true"} == set(vn_pe["open"])
    kinds = {row["agreement_kind"] for row in rows.values() if row["type"] == "PROPOSE" and row["agreement_id"]}
    assert {"INVESTMENT_PROTECTION", "VISA_EXEMPTION", "DOUBLE_TAXATION"} <= kinds


def test_figures_keep_their_amount_unit_and_approximation(seeds_store: Engine) -> None:
    (trade,) = [row for row in _rows(seeds_store, "figures") if row["period"] == "2023"]
    assert (trade["indicator"], trade["value"], trade["unit"], trade["approx"]) == ("bilateral_trade", "500000000", "USD", "true")
    assert "500 triệu USD" in trade["quotes"]


def test_agreements_show_their_history_and_persons_their_offices(seeds_store: Engine) -> None:
    passports = next(row for row in _rows(seeds_store, "agreements") if row["scope"] == "visa exemption, diplomatic and official passports")
    assert passports["status"] == "signed" and passports["history"].startswith("signed")
    president = next(row for row in _rows(seeds_store, "persons") if row["name"] == "Lương Cường")
    assert (president["country"], president["office"]) == ("VN", "head_of_state")
    assert "head_of_state" in president["offices"] and "Lương Cường" in president["quotes"]


def test_every_section_has_its_header_even_when_empty(seeds_store: Engine) -> None:
    text = "".join(export.written(export.ExportFormat.csv, seeds_store, export.pair_records(seeds_store, "VN", "JP"), "memberships"))
    assert list(csv.reader(io.StringIO(text))) == [[*COLUMNS["memberships"], *SOURCE_COLUMNS]]


def test_a_cell_a_spreadsheet_would_run_is_kept_as_text() -> None:
    table = CsvTable("memberships")
    source = {"article": "a" * 16, "url": None, "quote": "=HYPERLINK(\"http://x.example\")"}
    row = next(csv.DictReader(io.StringIO(table.header() + table.row({"org": "-APEC", "countries": ["VN", "PE"], "sources": [source]}))))
    assert row["org"] == "'-APEC" and row["quotes"].startswith("'=HYPERLINK")
    assert row["countries"] == "VN; PE"
