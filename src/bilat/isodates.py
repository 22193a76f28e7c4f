"""ISO dates of the facts contract as day ranges, to compare dates of different precision."""

from __future__ import annotations

import calendar
import re
from datetime import MINYEAR, date
from functools import lru_cache

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

DayRange = tuple[str, str]
"""First and last day (``YYYY-MM-DD``); strings compare in date order."""

_KEPT_DATES = 4096
"""Dates whose reading is kept: an article names a few dozen, asked for at every sentence; a store's merge, thousands."""


@lru_cache(maxsize=_KEPT_DATES)
def day_range(iso: str | None) -> DayRange | None:
    """``"2024"`` → 2024-01-01..2024-12-31; ``"2024-11-12/2024-11-16"`` → those days; None if unreadable."""
    if not iso:
        return None
    first, _, last = iso.partition("/")
    lo, hi = _bounds(first), _bounds(last or first)
    if lo is None or hi is None:
        return None
    return lo[0], hi[1]


def _bounds(part: str) -> DayRange | None:
    match = _PART.match(part.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if int(year) < MINYEAR:  # year 0 exists in no calendar Python (or PostgreSQL's date) can hold
        return None
    try:
        if day:
            date(int(year), int(month), int(day))  # "2024-02-30" is no day
            return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None
    return f"{year}-01-01", f"{year}-12-31"


def is_iso_date(iso: str | None) -> bool:
    """Whether ``iso`` is a date of the facts contract naming real days: ``2024``, ``2024-02``, ``2024-02-29``, or a range of them.

    What every date must pass before it is stored: ``0000``, ``2023-13`` and
    ``2023-02-30`` look like dates and name no day.
    """
    return day_range(iso) is not None


def known_date(value: object) -> str | None:
    """``value`` if it is a date naming real days, else None: unknown, as the facts contract says of a date not given.

    How a date the store must not keep is read (one stored by an older bilat,
    a fact's ``2023-02-30``): unknown, rather than a failure of every reader.
    """
    return value if isinstance(value, str) and is_iso_date(value) else None


def overlap(a: DayRange, b: DayRange) -> DayRange | None:
    """The days both ranges allow, if any."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


@lru_cache(maxsize=_KEPT_DATES)
def width(iso: str | None) -> int:
    """How vague a date is, for picking the most precise one: days spanned (a large number for None)."""
    rng = day_range(iso)
    if rng is None:
        return 10**6
    return (date.fromisoformat(rng[1]) - date.fromisoformat(rng[0])).days
