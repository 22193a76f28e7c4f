"""PLOVER exports: every bilat type mapped as FACTS.md and the README say, the events of the seeds coded from the record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bilat import export
from bilat.errors import BilatError
from bilat.export.plover import mapping
from bilat.extract.facts import EVENT_TYPES

README = Path(__file__).resolve().parents[2] / "README.md"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
"""PLOVER's sixteen event types (the PLOVER manual)."""


def _events(engine: Engine) -> list[dict[str, Any]]:
    lines = export.written(export.ExportFormat.plover, engine, export.pair_records(engine, "VN", "PE"))
    return [json.loads(line) for line in lines]


def test_every_bilat_type_maps_to_a_plover_type() -> None:
    assert set(mapping()) == set(EVENT_TYPES)
    assert {entry["event_type"] for entry in mapping().values()} <= PLOVER_TYPES


def test_the_readme_documents_the_mapping_of_every_type() -> None:
    rows = re.findall(r"^\| `([A-Z_]+)` \| `([A-Z]+)` \| (?:`([a-z]+)`|—) \|", README.read_text(encoding="utf-8"), re.M)
    documented = {bilat: {"event_type": plover, "mode": mode or None} for bilat, plover, mode in rows}
    assert documented == mapping()


def test_the_visit_to_peru_is_a_consultation_by_visit(seeds_store: Engine, vn_pe: dict[str, Any]) -> None:
    events = _events(seeds_store)
    assert [e["id"] for e in events] == [e["id"] for e in vn_pe["events"]]
    (visit,) = [e for e in events if e["bilat"]["type"] == "VISIT" and e["bilat"]["date"] == "2024-11-12/2024-11-16"]
    assert (visit["event_type"], visit["mode"], visit["actor"], visit["recipient"]) == ("CONSULT", "visit", "VN", "PE")
    assert visit["date"] == "2024-11-12"
    assert "Lương Cường" in visit["text"] and len(visit["source_ids"]) == 1
    invitation = next(e for e in events if e["bilat"]["type"] == "INVITE")
    assert (invitation["event_type"], invitation["actor"], invitation["recipient"]) == ("REQUEST", "PE", "VN")


def test_a_proposal_of_an_economic_or_visa_agreement_has_its_context(seeds_store: Engine) -> None:
    contexts = {tuple(e["context"]) for e in _events(seeds_store) if e["bilat"]["type"] == "PROPOSE"}
    assert {("economic",), ("migration",), ()} <= contexts


def test_an_undated_event_has_no_date(seeds_store: Engine) -> None:
    accepted = next(e for e in _events(seeds_store) if e["bilat"]["type"] == "ACCEPT")
    assert accepted["date"] is None and accepted["bilat"]["date"] is None


def test_plover_codes_events_only(seeds_store: Engine) -> None:
    with pytest.raises(BilatError, match="PLOVER codes events only"):
        export.written(export.ExportFormat.plover, seeds_store, [], "figures")
