"""``/api/facts/{id}``: one resolved fact and the articles that state it; ``/api/facts/{id}/sources``: all of them, paged."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from bilat import store
from bilat.api.deps import StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.schemas import Fact, SourcesPage

router = APIRouter(route_class=ApiRoute, tags=["facts"], responses=documented(NOT_MODIFIED))

FACT_ID = r"^[eamfsp][0-9a-f]{13}$"
"""Resolved ids: a letter for the kind (event, agreement, mechanism, figure, membership, person), 13 hex digits."""


@router.get(
    "/facts/{fact_id}",
    response_model=Fact,
    summary="Get one fact with its sources",
    description="An event, agreement, mechanism, figure, membership or person as merged across articles, with "
                "each source: the article, the evidence span and the quoted sentence (`text[start:end]` of the "
                "article). An event also lists its links to the events that fulfil it or that it fulfils. The "
                "first letter of the id says the kind (`e`, `a`, `m`, `f`, `s`, `p`).",
    responses={
        200: {"links": {"GetArticle": {
            "operationId": "get_article", "parameters": {"article_id": "$response.body#/sources/0/article"},
        }}},
        **documented(404, 422),
    },
)
def get_fact(
    engine: StoreEngine,
    fact_id: Annotated[str, Path(pattern=FACT_ID, description="A fact id, as in a relation record.")],
) -> dict[str, Any]:
    record = store.entity(engine, fact_id)
    if record is None:
        raise HTTPException(404, f"no fact {fact_id} in the store")
    return record


@router.get(
    "/facts/{fact_id}/sources",
    response_model=SourcesPage,
    summary="List every source of one fact",
    description="Every source of the fact, one per story, in the order a record lists them (oldest first, undated "
                "last): a record and `GET /api/facts/{id}` list the first few and count them all (`sources_total`).",
    responses={
        200: {"links": {"GetArticle": {
            "operationId": "get_article", "parameters": {"article_id": "$response.body#/items/0/article"},
        }}},
        **documented(404, 422),
    },
)
def list_fact_sources(
    engine: StoreEngine,
    fact_id: Annotated[str, Path(pattern=FACT_ID, description="A fact id, as in a relation record.")],
    limit: Annotated[int, Query(ge=1, le=500, description="How many sources to return.")] = 50,
    offset: Annotated[int, Query(ge=0, description="How many sources to skip.")] = 0,
) -> dict[str, Any]:
    found = store.entity_sources(engine, fact_id, limit, offset)
    if found is None:
        raise HTTPException(404, f"no fact {fact_id} in the store")
    total, items = found
    return {"total": total, "limit": limit, "offset": offset, "items": items}
