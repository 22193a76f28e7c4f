"""``/r/VN-PE/feed.atom``: the alerts of one relationship as an Atom feed (``web.feed``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from bilat import store
from bilat.countries import country_code
from bilat.errors import BilatError
from bilat.store.alert_list import alerts_raised
from bilat.store.alerts import pair_key
from bilat.web.feed import MEDIA_TYPE, alerts_feed
from bilat.web.render import reader_language

router = APIRouter()

FEED_ENTRIES = 100
"""The newest alerts a feed lists: readers poll it often and keep what they saw, so a feed needs only its latest."""


@router.get("/r/{pair}/feed.atom")
def relation_feed(request: Request, pair: str, lang: str | None = None) -> Response:
    try:
        codes = [country_code(name) for name in pair.partition("-")[::2]]
    except BilatError as exc:
        return PlainTextResponse(str(exc), status_code=404)
    canonical = "-".join(codes)
    if pair != canonical:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/r/{canonical}/feed.atom{query}", status_code=308)
    engine = request.app.state.engine
    _, newest = alerts_raised(engine, pair=pair_key(*codes), limit=FEED_ENTRIES)
    feed = alerts_feed(codes, newest, reader_language(lang, store.article_languages(engine)))
    return Response(feed, media_type=MEDIA_TYPE)
