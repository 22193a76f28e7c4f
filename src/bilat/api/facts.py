"""``/api/facts/{id}``: one resolved fact and every article that states it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path

from bilat import store
from bilat.api.deps import StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.schemas import Fact

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
