"""A store that already holds dates naming no day (written by an older bilat) still rebuilds, and reads them as unknown."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select, text, update
from typer.testing import CliRunner

from bilat import evaluate, store
from bilat.cli import app
from bilat.isodates import is_iso_date
from bilat.store import models as m
from bilat.store.write import is_resolved

runner = CliRunner()
BAD = {"published": "0000", "events": "2023-13-45", "agreements": "2023-02-30", "figures": 2024}
"""What each dated field is overwritten with: dates naming no day, and a number where a date string belongs."""


def _poisoned(db_url: str) -> Engine:
    """The seed articles ingested, then each dated field overwritten in SQL with a date naming no day."""
    seeds = evaluate.find_shared() / "corpus" / "seeds"
    assert runner.invoke(app, ["ingest", str(seeds), "--db", db_url]).exit_code == 0
    engine = store.connect(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE article SET published = :bad"), {"bad": BAD["published"]})
        for section, field in (("events", "date"), ("agreements", "date"), ("figures", "period")):
            for fact_id, data in connection.execute(select(m.Fact.id, m.Fact.data).where(m.Fact.section == section)):
                connection.execute(update(m.Fact).where(m.Fact.id == fact_id).values(data={**data, field: BAD[section]}))
        connection.execute(text("DELETE FROM state"))  # as if the record was last built before the bad rows
    return engine


def test_the_rebuild_reads_dates_naming_no_day_as_unknown(db_url: str) -> None:
    engine = _poisoned(db_url)

    assert store.rebuild(engine)

    record = store.relation(engine, "VN", "PE")
    assert record["events"] and record["agreements"] and record["figures"]
    dates = [e["date"] for e in record["events"]] + [a["date"] for a in record["agreements"]]
    dates += [h[key] for a in record["agreements"] for h in a["history"] for key in ("date", "as_of")]
    dates += [f["period"] for f in record["figures"]]
    dates += [o["date"] for p in record["persons"] for o in p["offices"]]
    assert dates and all(d is None for d in dates), dates


def test_reading_commands_work_on_a_store_holding_bad_dates(db_url: str, tmp_path: Path) -> None:
    engine = _poisoned(db_url)

    relation = runner.invoke(app, ["relation", "VN", "PE", "--format", "json", "--db", db_url])
    persons = runner.invoke(app, ["persons", "VN", "--format", "json", "--db", db_url])
    brief = runner.invoke(app, ["brief", "VN", "PE", "-o", str(tmp_path / "brief.md"), "--db", db_url])

    assert (relation.exit_code, persons.exit_code, brief.exit_code) == (0, 0, 0), relation.output + persons.output + brief.output
    assert is_resolved(engine)
    assert all(e["date"] is None or is_iso_date(e["date"]) for e in json.loads(relation.stdout)["events"])
    assert "Võ Văn Thưởng" in {p["name"] for p in json.loads(persons.stdout)}
    assert (tmp_path / "brief.md").read_text(encoding="utf-8").strip()
