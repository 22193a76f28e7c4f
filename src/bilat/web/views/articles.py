"""``/articles``: the stored articles, newest first, a page at a time; ``/articles/{id}``: an article as stored,
with one evidence span highlighted and scrolled into view."""

from __future__ import annotations

import re
from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from bilat import store
from bilat.report.labels import country, label
from bilat.web.render import page, reader_language

router = APIRouter()

_SPAN = re.compile(r"(\d{1,9})-(\d{1,9})")


ARTICLES_PER_PAGE = 50
"""Articles on one page of the list: a screen or two of rows, and one quick query however large the store."""


@router.get("/articles")
def articles_page(request: Request, page_number: Annotated[str, Query(alias="page")] = "1", lang: str | None = None,
                  ) -> HTMLResponse:
    """A page of the list; a page number that is no positive number is the first page."""
    engine = request.app.state.engine
    lang = reader_language(lang, store.article_languages(engine))
    number = int(page_number) if page_number.isdecimal() and page_number.isascii() and int(page_number) > 0 else 1
    total, listed = store.articles(engine, ARTICLES_PER_PAGE, (number - 1) * ARTICLES_PER_PAGE)
    pages = max(1, ceil(total / ARTICLES_PER_PAGE))
    pairs = store.article_pairs(engine, [a["id"] for a in listed])
    return page(request, "articles.html", lang, articles=listed, pairs=pairs, total=total, number=number,
                pages=pages, first=(number - 1) * ARTICLES_PER_PAGE + 1)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, span: str | None = None, lang: str | None = None) -> HTMLResponse:
    record = store.article(request.app.state.engine, article_id)
    if record is None:
        lang = reader_language(lang, {})
        return page(request, "not_found.html", lang, status_code=404, what="unknown_article", id=article_id)
    lang = reader_language(lang, {record["lang"]: 1})
    facts = [{**f, "caption": caption(f, lang)} for f in sorted(record["facts"], key=lambda f: f["evidence"])]
    return page(request, "article.html", lang, article=record, parts=_split(record["text"], span), facts=facts)


def caption(fact: dict[str, Any], lang: str) -> str:
    """A fact in a few words: the person's name, the event's or agreement's kind, the organisation..."""
    data = fact["data"]
    if fact["section"] == "persons":
        return data["name"]
    if fact["section"] == "memberships":
        return f"{data['org']}: {', '.join(country(code, lang) for code in data.get('countries') or [])}"
    table, code = _CAPTIONED[fact["section"]]
    return label(lang, table, data.get(code))


_CAPTIONED = {
    "events": ("event_types", "type"),
    "agreements": ("agreement_kinds", "kind"),
    "mechanisms": ("mechanism_kinds", "kind"),
    "figures": ("indicators", "indicator"),
}


def _split(text: str, span: str | None) -> dict[str, Any]:
    """The text before, inside and after ``span`` ("START-END"), or all of it when the span does not fit the text."""
    match = _SPAN.fullmatch(span or "")
    if match:
        start, end = int(match[1]), int(match[2])
        if 0 <= start < end <= len(text):
            return {"before": text[:start], "evidence": text[start:end], "after": text[end:]}
    return {"before": text, "evidence": None, "after": ""}
