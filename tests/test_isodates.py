"""Day ranges of facts-contract dates: precision, intervals, unreadable input, overlap."""

from __future__ import annotations

import pytest

from bilat.isodates import day_range, is_iso_date, overlap, width


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-02", ("2023-02-01", "2023-02-28")),
        ("2024-11-12", ("2024-11-12", "2024-11-12")),
        ("2024-11-12/2024-11-16", ("2024-11-12", "2024-11-16")),
        ("2024-01/2024-07", ("2024-01-01", "2024-07-31")),
    ],
)
def test_day_range_of_each_precision(iso: str, expected: tuple[str, str]) -> None:
    assert day_range(iso) == expected


@pytest.mark.parametrize("iso", [None, "", "garbage", "24-11", "2024/11/12", "2024-11-12/soon", "November 2024"])
def test_day_range_is_none_when_unreadable(iso: str | None) -> None:
    assert day_range(iso) is None


def test_day_range_is_none_for_a_month_that_does_not_exist() -> None:
    assert day_range("2024-13") is None


def test_day_range_is_none_for_a_day_that_does_not_exist() -> None:
    assert day_range("2024-02-30") is None


def test_overlap_is_the_shared_days_or_none() -> None:
    month, stay = day_range("2024-11"), day_range("2024-11-12/2024-11-16")
    assert month is not None and stay is not None
    assert overlap(month, stay) == ("2024-11-12", "2024-11-16")
    assert overlap(stay, month) == ("2024-11-12", "2024-11-16")
    assert overlap(("2024-11-16", "2024-11-20"), stay) == ("2024-11-16", "2024-11-16")
    assert overlap(("2016-01-01", "2016-12-31"), ("2017-01-01", "2017-12-31")) is None


def test_width_ranks_precise_dates_first() -> None:
    assert width("2024-11-12") == 0
    assert width("2024-11-12/2024-11-16") == 4
    assert width("2024-02") == 28
    assert width("2024") == 365
    assert width(None) > width("2024")


def test_only_real_days_are_dates() -> None:
    for real in ("2024", "2024-02", "2024-02-29", "2024-11-12/2024-11-16", "0001-01-01"):
        assert is_iso_date(real), real
    for unreal in ("0000", "0000-01-01", "2023-13", "2023-13-45", "2023-02-30", "99999-99-99", "", None, "soon"):
        assert not is_iso_date(unreal), unreal
