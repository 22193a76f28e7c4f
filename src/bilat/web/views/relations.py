"""``/``: the relationships in the store; ``/r/VN-PE``: the record of one relationship."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from bilat import export, store
from bilat.api.relations import ISO_DATE
from bilat.countries import country_code
from bilat.errors import BilatError
from bilat.extract.facts import EVENT_STATUSES, EVENT_TYPES
from bilat.lang import load
from bilat.report import timeline
from bilat.report.chart import trade_chart
from bilat.report.glance import word_glance
from bilat.web.feed import feed_title, feed_url
from bilat.web.render import evidence_url, page, reader_language

router = APIRouter()


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
    events = {e["id"]: e for e in full["events"]}
    happened, recalled = timeline.grouped_timeline(record["events"], events)
    origins = store.article_origins(engine, cited_articles(full))
    return page(
        request, "relation.html", lang,
        record=record, codes=codes, chart=trade_chart(record["figures"], lang),
        glance=word_glance(full, lang), happened=happened, recalled=recalled,
        timeline_words=timeline.timeline_words(lang),
        events=events,
        agreements={a["id"]: a for a in full["agreements"]},
        persons={p["id"]: p for p in full["persons"]},
        origins=origins,
        describe=lambda event: describe(event, lang),
        counterpart=lambda event: counterpart(event, origins, lang),
        object_text=timeline.object_text,
        filters=filters, filtered=any(filters.values()),
        event_types=EVENT_TYPES, event_statuses=EVENT_STATUSES,
        export_sections=export.SECTIONS,
        feed_url=feed_url(codes, lang), feed_title=feed_title(codes, lang),
        feed_link=load(lang).table("alerts", "feed")["link"],
    )


def cited_articles(record: dict[str, Any]) -> set[str]:
    """Every article a source of the record's facts points to, or that shows a meeting's inferred counterpart,
    so that each source can name its outlet."""
    sections = ("events", "agreements", "mechanisms", "memberships", "figures")
    return {s["article"] for section in sections for fact in record[section] for s in fact["sources"]} | {
        e["counterpart"]["source"]["article"] for e in record["events"] if (e.get("counterpart") or {}).get("source")
    }


def describe(event: dict[str, Any], lang: str) -> str:
    """"Chuyến thăm: Việt Nam → Peru": the event's kind (an upgrade as one) and who did it to whom."""
    return timeline.describe(event, lang)


def counterpart(event: dict[str, Any], origins: dict[str, dict[str, Any]], lang: str) -> Markup:
    """Whom a meeting's unnamed side met, and for a person inferred, a link to the sentence that shows who held the office.

    "with the President of Peru, Dina Boluarte — inferred from <a>the article's title</a>".
    """
    stated = event.get("counterpart")
    text = escape(timeline.counterpart_text(stated, lang))
    source = (stated or {}).get("source")
    if not text or not stated["inferred"] or not source:
        return text
    cited = origins.get(source["article"], {})
    link = Markup('<a class="inferred" href="{}">{}</a>').format(
        evidence_url(source, lang), cited.get("title") or cited.get("name") or source["article"])
    inferred = escape(timeline.timeline_words(lang)["counterpart"]["inferred"])  # the data's words, escaped
    return text + Markup(" — ") + inferred.format(source=link)


def _iso(value: str | None) -> str:
    """A date filter as typed, kept only when it is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the form says so too."""
    return value.strip() if value and re.fullmatch(ISO_DATE, value.strip()) else ""


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""
