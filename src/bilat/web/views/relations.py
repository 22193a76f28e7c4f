"""``/``: the relationships in the store; ``/r/VN-PE``: the record of one relationship."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bilat import export, store
from bilat.countries import country_code
from bilat.errors import BilatError
from bilat.extract.facts import EVENT_TYPES
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
    record = store.filter_events(full, since or None, until or None, [t for t in types if t in EVENT_TYPES])
    return page(
        request, "relation.html", lang,
        record=record, codes=codes, chart=trade_chart(record["figures"], lang),
        events={e["id"]: e for e in full["events"]},
        agreements={a["id"]: a for a in full["agreements"]},
        persons={p["id"]: p for p in full["persons"]},
        describe=lambda event: describe(event, lang),
        filters={"since": since or "", "until": until or "", "types": types},
        event_types=EVENT_TYPES,
        export_sections=export.SECTIONS,
    )


def describe(event: dict[str, Any], lang: str) -> str:
    """"Chuyến thăm: Việt Nam → Peru": the event's kind and who did it to whom."""
    joiner = " – " if event["type"] in MUTUAL_TYPES else " → "
    return f"{label(lang, 'event_types', event['type'])}: {joiner.join(country(c, lang) for c in event['actors'])}"


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""
