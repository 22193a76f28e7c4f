"""``/api/alerts``: the alerts raised on the records of the followed pairs (``store.alerts``), newest first."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from bilat.api.deps import StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.relations import PAIR
from bilat.api.schemas import AlertsPage
from bilat.countries import is_country_code
from bilat.report.alerts import with_texts
from bilat.store.alert_list import alerts_raised
from bilat.store.alerts import pair_key

router = APIRouter(route_class=ApiRoute, tags=["alerts"])


@router.get(
    "/alerts",
    response_model=AlertsPage,
    summary="List the alerts raised",
    description="The alerts raised on the records of the pairs followed (`bilat alerts follow`), newest first: an "
                "invitation, acceptance or proposal fulfilled, a new high-level contact or signing, an item open past "
                "the age the pair is followed with. Each is raised once, with its evidence and its line in every "
                "language of the interface. `since` keeps those raised at or after a date or time (ISO 8601; "
                "without a zone, UTC); `pair` those of one pair, in either order.",
    responses=documented(NOT_MODIFIED, 422),
)
def list_alerts(
    engine: StoreEngine,
    since: Annotated[str | None, Query(
        description="Raised at or after this date or time: `2026-12-01`, `2026-12-01T08:00:00+07:00`.",
        examples=["2026-12-01"],
    )] = None,
    pair: Annotated[str | None, Query(
        pattern=PAIR, description="Two ISO 3166-1 alpha-2 codes, either order, any case.", examples=["VN-PE"],
    )] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="How many alerts to return.")] = 50,
    offset: Annotated[int, Query(ge=0, description="How many alerts to skip.")] = 0,
) -> dict[str, Any]:
    total, items = alerts_raised(engine, _since(since), _pair(pair), limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [with_texts(item) for item in items]}


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except (ValueError, OverflowError):  # not a time; or one whose UTC falls outside years 1-9999
        raise HTTPException(422, f"since is a date or a time in ISO 8601 (2026-12-01, 2026-12-01T08:00:00Z), not {value!r}") from None


def _pair(value: str | None) -> str | None:
    if value is None:
        return None
    first, second = value.upper().split("-")
    for code in (first, second):
        if not is_country_code(code):
            raise HTTPException(422, f"unknown country code {code!r}: give two ISO 3166-1 alpha-2 codes, as in VN-PE")
    return pair_key(first, second)
