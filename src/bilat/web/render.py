"""Rendering pages: the Jinja environment, the reader's language, and links to evidence.

Article text is untrusted, so autoescaping is on for every template; the only
markup inserted as is is the chart, which ``bilat.report.chart`` builds with
every text escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from bilat.lang import load
from bilat.report.hedges import hedged_amount
from bilat.report.labels import (
    READER_LANGUAGES,
    amount_text,
    country,
    date_text,
    label,
    office_title,
)
from bilat.web.origin import origin

_environment = Environment(
    loader=PackageLoader("bilat.web", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.globals.update(
    label=label, country=country, date_text=date_text, amount_text=amount_text, office_title=office_title,
    origin=origin, hedged_amount=hedged_amount,
)
templates = Jinja2Templates(env=_environment)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
"""Pages load nothing from elsewhere; a script that slipped into a page still could not run inline; no site frames them."""


def reader_language(requested: str | None, languages: Mapping[str, int]) -> str:
    """The interface language: the one asked for, else that of most sources when bilat speaks it, else English.

    ``requested`` is ``?lang``, or the browser's choice when the URL has none (``web.languages``).
    """
    if requested in READER_LANGUAGES:
        return requested
    spoken = {lang: n for lang, n in languages.items() if lang in READER_LANGUAGES}
    return max(sorted(spoken), key=spoken.__getitem__) if spoken else "en"


def evidence_url(source: Mapping[str, Any], lang: str) -> str:
    """The article page with a source's evidence span highlighted and scrolled into view."""
    start, end = source["evidence"]
    query = urlencode({"span": f"{start}-{end}", "lang": lang})
    return f"/articles/{source['article']}?{query}#evidence"


def person_url(person_id: str, lang: str) -> str:
    """The page of one person."""
    return f"/p/{person_id}?{urlencode({'lang': lang})}"


def pair_url(codes: Sequence[str], lang: str, anchor: str | None = None) -> str:
    """The page of a relationship, at ``anchor`` if given (a fact's id)."""
    return f"/r/{'-'.join(codes[:2])}?{urlencode({'lang': lang})}" + (f"#{anchor}" if anchor else "")


def page(request: Request, template: str, lang: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page in ``lang``, with its interface words and links to itself in the other languages."""
    languages = {other: _in_language(request, other) for other in READER_LANGUAGES}
    response = templates.TemplateResponse(
        request, template,
        {"lang": lang, "ui": load(lang).table("ui", "ui"), "languages": languages, "evidence_url": evidence_url,
         "person_url": person_url, "pair_url": pair_url, **context},
        status_code=status_code,
    )
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def _in_language(request: Request, lang: str) -> str:
    url = request.url.include_query_params(lang=lang)
    return f"{url.path}?{url.query}"
