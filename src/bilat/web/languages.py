"""The reader's language when the URL names none: the first of bilat's languages the browser asks for.

A page's language is ``?lang`` when given (so a link or bookmark always shows
the same page); otherwise the browser's ``Accept-Language`` (RFC 9110 §12.5.4)
decides, and without a usable one, the language of most of the page's sources
(``render.reader_language``). The middleware writes the preferred language into
the query before any view or the response cache sees the request, so every
page honours it and an answer is cached per language.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.report.labels import READER_LANGUAGES

PAGE_METHODS = frozenset({"GET", "HEAD"})
NOT_PAGES = ("/api/", "/static/", "/docs", "/openapi.json")
"""Paths whose answers do not depend on the reader's language."""


def accepted_language(header: str | None) -> str | None:
    """The reader language ``Accept-Language`` ranks highest ("en-GB,vi;q=0.8" → "en"), or None if it names none.

    Ranges are taken by quality, ties in the order written; ``q=0`` means
    "not this one"; ``*`` names no language in particular, so it decides nothing.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((header or "").split(",")):
        tag, *parameters = (part.strip() for part in item.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0  # a malformed weight is no wish
        primary = tag.split("-", 1)[0].lower()
        if quality > 0 and primary in READER_LANGUAGES:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


class PreferredLanguage:
    """ASGI middleware: a page asked for without ``?lang`` gets ``lang`` from ``Accept-Language``, and says it varies."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in PAGE_METHODS or scope["path"].startswith(NOT_PAGES):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        if any(name == "lang" for name, _ in query):
            await self.app(scope, receive, send)
            return
        headers = dict((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"])
        preferred = accepted_language(headers.get("accept-language"))
        if preferred is not None:
            raw = scope["query_string"]
            scope = {**scope, "query_string": raw + b"&" * bool(raw) + b"lang=" + preferred.encode()}

        async def send_varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("Vary", "Accept-Language")
            await send(message)

        await self.app(scope, receive, send_varying)
