"""``/``: the relationships in the store; ``/r/VN-PE``: the record of one relationship."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bilat import export, store
from bilat.api.relations import ISO_DATE
from bilat.countries import country_code
from bilat.errors import BilatError
from bilat.extract.facts import EVENT_STATUSES, EVENT_TYPES
from bilat.report.chart import trade_chart
from bilat.report.labels import country, label
from bilat.web.render import page, reader_language

router = APIRouter()

MUTUAL_TYPES = ("MEET", "ESTABLISH_RELATIONS", "SIGN")
"""Events both sides do together: shown "A – B" rather than "A → B"."""


@router.get("/")
def index(request: Request, lang: str | None = None) -> HTMLResponse:
    engine = request.app.state.engine
    return page(request, "index.html", reader_language(lang, store.article_languages(engine)),
                pairs=store.relations(engine))


@router.get("/r/{pair}")
def relation_page(
    request: Request,
    pair: str,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    types: Annotated[list[str], Query(alias="type")] = [],  # noqa: B006 (FastAPI copies defaults per request)
    persons: Annotated[list[str], Query(alias="person")] = [],  # noqa: B006
    statuses: Annotated[list[str], Query(alias="status")] = [],  # noqa: B006
) -> Response:
    codes = []
    for name in pair.partition("-")[::2]:
        try:
            codes.append(country_code(name))
        except BilatError:
            return page(request, "not_found.html", reader_language(lang, {}), status_code=404, what="unknown_pair",
                        code=name)
    canonical = "-".join(codes)
    if pair != canonical:
        return RedirectResponse(f"/r/{canonical}{_query(request)}", status_code=308)
    engine = request.app.state.engine
    stored = request.app.state.records.relation(engine, *codes)
    lang = reader_language(lang, stored["languages"])
    full = store.in_language(stored, lang)
    filters = {
        "since": _iso(since), "until": _iso(until), "types": [t for t in types if t in EVENT_TYPES],
        "persons": [p for p in persons if any(p == known["id"] for known in full["persons"])],
        "statuses": [s for s in statuses if s in EVENT_STATUSES],
    }
    record = store.filter_events(full, filters["since"] or None, filters["until"] or None, filters["types"],
                                 filters["persons"], filters["statuses"])
    return page(
        request, "relation.html", lang,
        record=record, codes=codes, chart=trade_chart(record["figures"], lang),
        timeline=newest_first(record["events"]),
        events={e["id"]: e for e in full["events"]},
        agreements={a["id"]: a for a in full["agreements"]},
        persons={p["id"]: p for p in full["persons"]},
        origins=store.article_origins(engine, cited_articles(full)),
        describe=lambda event: describe(event, lang),
        filters=filters, filtered=any(filters.values()),
        event_types=EVENT_TYPES, event_statuses=EVENT_STATUSES,
        export_sections=export.SECTIONS,
    )


def newest_first(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The timeline as a reader scans it: the latest contact on top, undated events last."""
    dated = [e for e in events if e["sort_date"]]
    return sorted(dated, key=lambda e: (e["sort_date"], e["id"]), reverse=True) + [e for e in events if not e["sort_date"]]


def cited_articles(record: dict[str, Any]) -> set[str]:
    """Every article a source of the record's facts points to, so that each source can name its outlet."""
    sections = ("events", "agreements", "mechanisms", "memberships", "figures")
    return {s["article"] for section in sections for fact in record[section] for s in fact["sources"]}


def describe(event: dict[str, Any], lang: str) -> str:
    """"Chuyến thăm: Việt Nam → Peru": the event's kind and who did it to whom."""
    joiner = " – " if event["type"] in MUTUAL_TYPES else " → "
    return f"{label(lang, 'event_types', event['type'])}: {joiner.join(country(c, lang) for c in event['actors'])}"


def _iso(value: str | None) -> str:
    """A date filter as typed, kept only when it is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the form says so too."""
    return value.strip() if value and re.fullmatch(ISO_DATE, value.strip()) else ""


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""
