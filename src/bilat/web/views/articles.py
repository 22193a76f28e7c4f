"""``/articles/{id}``: an article as stored, with one evidence span highlighted and scrolled into view."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat import store
from bilat.report.labels import country, label
from bilat.web.render import page, reader_language

router = APIRouter()

_SPAN = re.compile(r"(\d{1,9})-(\d{1,9})")


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
