"""``/search``: one box over the articles, the sentences stating facts and the persons, results linking to their pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilat import store
from bilat.countries import country_code
from bilat.errors import BilatError, SearchError
from bilat.lang import load
from bilat.store.search import KINDS
from bilat.web.render import evidence_url, page, reader_language
from bilat.web.views.articles import caption
from bilat.web.views.relations import describe

router = APIRouter()

HITS_SHOWN = 50
"""Hits on one page: the best are first, and a reader narrows by kind or pair rather than paging."""


@router.get("/search")
def search_page(
    request: Request, q: str = "", kind: str | None = None, pair: str | None = None, lang: str | None = None,
) -> HTMLResponse:
    engine = request.app.state.engine
    lang = reader_language(lang, store.article_languages(engine))
    words = load(lang).table("search", "search")
    codes = _pair(pair)
    context: dict[str, Any] = {"query": q, "kind": kind if kind in KINDS else None, "pair": codes, "words": words,
                               "found": None, "hits": []}
    if not q.strip():
        return page(request, "search.html", lang, **context)
    try:
        found = store.search(engine, q, context["kind"], codes, HITS_SHOWN)
    except SearchError:
        return page(request, "search.html", lang, status_code=422, **context, error=words["no_words"].format(query=q))
    hits = [_shown(hit, lang) for hit in found["items"]]
    return page(request, "search.html", lang, **{**context, "found": found, "hits": hits, "narrow": _narrowing(q, codes, lang)})


def _pair(value: str | None) -> tuple[str, str] | None:
    """``VN-PE`` (any case, or names) as two codes; anything else is no filter."""
    names = (value or "").split("-")
    try:
        first, second = (country_code(name) for name in names)
    except (BilatError, ValueError):
        return None
    return (first, second) if first != second else None


def _shown(hit: dict[str, Any], lang: str) -> dict[str, Any]:
    """A hit with what its line on the page needs: the snippet in marked and unmarked parts, its links in ``lang``."""
    in_lang = f"lang={lang}"
    link = (evidence_url({"article": hit["article"], "evidence": hit["evidence"]}, lang) if hit["kind"] == "fact"
            else _with_query(hit["link"], in_lang))
    return {
        **hit, "link": link, "relation": hit["relation"] and _with_query(hit["relation"], in_lang),
        "article_url": hit["article"] and f"/articles/{hit['article']}?{in_lang}",
        "parts": _parts(hit["snippet"], hit["marks"]), "captions": [_caption(fact, lang) for fact in hit["facts"]],
    }


def _caption(fact: dict[str, Any], lang: str) -> str:
    """An event as the record names it ("Meeting: Peru – Vietnam"), another fact as its article's page does."""
    return describe(fact["data"], lang) if fact["section"] == "events" else caption(fact, lang)


def _parts(snippet: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    """``snippet`` cut at its marks: (text, marked) in order, for the template to mark without writing any markup."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for start, end in marks:
        parts += [(snippet[position:start], False), (snippet[start:end], True)]
        position = end
    parts.append((snippet[position:], False))
    return [part for part in parts if part[0]]


def _with_query(link: str, query: str) -> str:
    """``link`` (a path, perhaps a ``#fragment``) with ``query`` added before its fragment."""
    path, hash_, fragment = link.partition("#")
    return f"{path}{'&' if '?' in path else '?'}{query}{hash_}{fragment}"


def _narrowing(query: str, pair: tuple[str, str] | None, lang: str) -> dict[str | None, str]:
    """The page again for each kind of hit (None: every kind), keeping the query, pair and language."""
    def url(kind: str | None) -> str:
        params = {"q": query, "kind": kind, "pair": "-".join(pair) if pair else None, "lang": lang}
        return "/search?" + urlencode({key: value for key, value in params.items() if value})
    return {kind: url(kind) for kind in (None, *KINDS)}
