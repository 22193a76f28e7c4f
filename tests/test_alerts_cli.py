"""`bilat alerts`, `bilat alerts follow/unfollow/followed`, and `bilat ingest --webhook`, on the shared seeds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from receivers import receiving
from typer.testing import CliRunner

from bilat.cli import app
from bilat.since import since_time
from bilat.errors import BilatError

runner = CliRunner()


@pytest.fixture
def seeds(shared_corpus: Path) -> list[Path]:
    """The 2023 seed (Peru invites Vietnam's president) and the 2024 one (the visit that honours it)."""
    return sorted((shared_corpus / "seeds").glob("*.txt"))


def test_follow_ingest_and_list_with_a_webhook(tmp_path: Path, seeds: list[Path]) -> None:
    db = str(tmp_path / "bilat.db")
    followed = runner.invoke(app, ["alerts", "follow", "Việt Nam", "Peru", "--db", db])
    assert followed.exit_code == 0, followed.output
    listed = runner.invoke(app, ["alerts", "followed", "--format", "json", "--db", db])
    assert [row["pair"] for row in json.loads(listed.stdout)] == ["PE-VN"]
    with receiving() as receiver:
        first = runner.invoke(app, ["ingest", str(seeds[0]), "--webhook", receiver.url, "--db", db])
        assert first.exit_code == 0, first.output
        second = runner.invoke(app, ["ingest", str(seeds[1]), "--webhook", receiver.url, "--db", db])
        assert second.exit_code == 0, second.output
        assert "webhook: sent" in second.stderr
    alerts = json.loads(runner.invoke(app, ["alerts", "--format", "json", "--db", db]).stdout)
    assert sorted(a["id"] for a in receiver.accepted) == sorted(a["id"] for a in alerts)
    assert len(receiver.posts) == 2  # one post per ingest: each alert sent once
    kinds = {a["kind"] for a in alerts}
    assert {"fulfilled", "contact"} <= kinds and "aging" not in kinds  # no age was set
    table = runner.invoke(app, ["alerts", "--since", "1h", "--pair", "PE-VN", "--lang", "vi", "--db", db],
                          env={"COLUMNS": "250"})
    assert "Lời mời: Peru → Việt Nam (17/11/2023) đã được thực hiện" in table.stdout
    assert json.loads(runner.invoke(app, ["alerts", "--since", "2099-01-01", "--format", "json", "--db", db]).stdout) == []


def test_following_with_an_age_raises_aging_alerts(tmp_path: Path, seeds: list[Path]) -> None:
    db = str(tmp_path / "bilat.db")
    assert runner.invoke(app, ["alerts", "follow", "--age-days", "30", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(seeds[0]), "--db", db]).exit_code == 0
    alerts = json.loads(runner.invoke(app, ["alerts", "--format", "json", "--db", db]).stdout)
    aging = [a for a in alerts if a["kind"] == "aging"]
    assert aging and all(a["details"]["limit"] == 30 for a in aging)  # the 2023 items, new to the record, are old


def test_unfollow(tmp_path: Path) -> None:
    db = str(tmp_path / "bilat.db")
    runner.invoke(app, ["alerts", "follow", "VN-PE", "--db", db])
    assert runner.invoke(app, ["alerts", "unfollow", "PE", "VN", "--db", db]).exit_code == 0
    again = runner.invoke(app, ["alerts", "unfollow", "PE", "VN", "--db", db])
    assert again.exit_code == 1 and "PE-VN is not followed" in again.stderr
    nothing = runner.invoke(app, ["alerts", "--db", db])
    assert nothing.exit_code == 0 and "no pair is followed" in nothing.stderr


@pytest.mark.parametrize("args", [
    ["alerts", "--since", "yesterday"], ["alerts", "--pair", "VN"], ["alerts", "follow", "VN", "--age-days", "0"],
    ["ingest", "x.txt", "--webhook", "file:///etc/passwd"],
])
def test_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "bilat.db")])
    assert result.exit_code == 2, result.output


def test_since_reads_dates_times_and_durations() -> None:
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert since_time("7d", now) == now - timedelta(days=7)
    assert since_time("12h", now) == now - timedelta(hours=12)
    assert since_time("2w", now) == now - timedelta(weeks=2)
    assert since_time("30m", now) == now - timedelta(minutes=30)
    assert since_time("2026-12-01") == datetime(2026, 12, 1, tzinfo=UTC)
    assert since_time("2026-12-01T08:00+07:00") == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    for bad in ("yesterday", "7 days", "-1d", "", "99999999999999d", "0001-01-01T00:00+01:00"):
        with pytest.raises(BilatError):
            since_time(bad, now)
