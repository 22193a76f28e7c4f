"""``/api/search``: one query over the articles, the sentences that state facts and the persons, with or without tone marks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from bilat import store
from bilat.api.deps import StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.relations import PAIR
from bilat.api.schemas import SearchKind, SearchResults
from bilat.countries import is_country_code
from bilat.errors import SearchError
from bilat.store.search import DEFAULT_LIMIT

router = APIRouter(route_class=ApiRoute, tags=["search"], responses=documented(NOT_MODIFIED))

QUERY_MAX = 500
"""Characters of a query: more than any name or phrase, and a bound on the work of one request."""

LIMIT_MAX = 100
"""Hits in one answer: five pages of results."""


@router.get(
    "/search",
    response_model=SearchResults,
    summary="Search articles, sentences and persons",
    description="Every word of `q` must be found, in any order, compared without case or tone marks (`Luong Cuong` "
                "finds `Lương Cường`, `Da Nang` finds `Đà Nẵng`); the hits holding the words as the phrase typed "
                "come first. Punctuation and search syntax are only separators. `kind` keeps one kind of hit, "
                "`pair` the hits involving both countries. A query with no word in it is 422.",
    responses={
        200: {"links": {"GetArticle": {
            "operationId": "get_article", "parameters": {"article_id": "$response.body#/items/0/article"},
        }}},
        **documented(422),
    },
)
def search(
    engine: StoreEngine,
    q: Annotated[str, Query(min_length=1, max_length=QUERY_MAX, description="The words to look for.",
                            examples=["Luong Cuong"])],
    kind: Annotated[SearchKind | None, Query(description="Only hits of this kind.")] = None,
    pair: Annotated[str | None, Query(
        pattern=PAIR, description="Only hits involving both countries: two ISO 3166-1 alpha-2 codes, any order.",
        examples=["VN-PE"],
    )] = None,
    limit: Annotated[int, Query(ge=1, le=LIMIT_MAX, description="How many hits to return.")] = DEFAULT_LIMIT,
) -> dict[str, Any]:
    try:
        found = store.search(engine, q, kind, _pair(pair) if pair else None, limit)
    except SearchError as exc:
        raise HTTPException(422, str(exc)) from exc
    return {**found, "limit": limit}


def _pair(value: str) -> tuple[str, str]:
    """The pair's codes upper-cased; 422 for a code bilat does not know."""
    codes = []
    for code in value.split("-"):
        if not is_country_code(code):
            raise HTTPException(422, f"unknown country code {code!r} in pair: give two ISO 3166-1 alpha-2 codes, as in VN-PE")
        codes.append(code.upper())
    first, second = codes
    return first, second
