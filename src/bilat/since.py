"""``--since``: a date or time (ISO 8601), or a duration back from now ("7d", "12h", "2w", "30m")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bilat.errors import BilatError

_DURATION = re.compile(r"([0-9]+)\s*([mhdw])")
_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def since_time(text: str, now: datetime | None = None) -> datetime:
    """The moment ``text`` names, aware (a date or time without a zone is UTC); BilatError when it names none."""
    value = text.strip()
    duration = _DURATION.fullmatch(value)
    if duration:
        try:
            return (now or datetime.now(UTC)) - int(duration[1]) * _UNITS[duration[2]]
        except OverflowError:
            raise BilatError(f"{text!r} reaches back before year 1") from None
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):  # not a time; or one whose UTC falls outside years 1-9999
        raise BilatError(f"not a date, a time or a duration: {text!r} (give 2026-12-01, 2026-12-01T08:00, 7d, 12h, 2w or 30m)") from None
