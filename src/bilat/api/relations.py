"""``/api/relations``: the pairs of countries the store knows about, and the record of one pair."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from pydantic import StringConstraints

from bilat import store
from bilat.api.deps import RelationRecords, StoreEngine
from bilat.api.errors import NOT_MODIFIED, ApiRoute, documented
from bilat.api.schemas import EventStatus, EventType, ReaderLanguage, Relation, RelationsPage
from bilat.countries import is_country_code

router = APIRouter(route_class=ApiRoute, tags=["relations"], responses=documented(NOT_MODIFIED))

PAIR = r"^[A-Za-z]{2}-[A-Za-z]{2}$"
ISO_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
"""A day, month or year (FACTS.md dates at their precision); ``[0-9]``, not ``\\d``, which matches other digits too."""
PERSON_ID = r"^p[0-9a-f]{13}$"
"""A resolved person's id, as in ``persons[].id``."""


@router.get(
    "/relations",
    response_model=RelationsPage,
    summary="List the pairs of countries",
    description="Every pair of countries the store holds shared facts about, with how many events, agreements, "
                "mechanisms, figures and articles; most documented first.",
    responses={
        200: {"links": {"GetRelation": {
            "operationId": "get_relation",
            "parameters": {"pair": "{$response.body#/items/0/countries/0}-{$response.body#/items/0/countries/1}"},
        }}},
        **documented(422),
    },
)
def list_relations(
    engine: StoreEngine,
    limit: Annotated[int, Query(ge=1, le=500, description="How many pairs to return.")] = 50,
    offset: Annotated[int, Query(ge=0, description="How many pairs to skip.")] = 0,
) -> dict[str, Any]:
    pairs = store.relations(engine)
    return {"total": len(pairs), "limit": limit, "offset": offset, "items": pairs[offset:offset + limit]}


@router.get(
    "/relations/{pair}",
    response_model=Relation,
    summary="Get the record of a relationship",
    description="The persons, events, agreements, mechanisms, shared memberships and figures of two countries, "
                "each with its sources (article, evidence span, quoted sentence); the same record as "
                "`bilat relation A B --format json`. The countries come in the order asked. The filters narrow "
                "the events only: `since`/`until` keep the events dated within the range (inclusive, undated "
                "events left out), `type` those of the types given, `person` those naming one of the persons given "
                "(their ids, `persons[].id`), `status` those of the statuses given; `open` keeps the open items "
                "among them. "
                "`lang` names persons and mechanisms as the articles in that language do, where any does (one "
                "person reported in Vietnamese and in English is `Phạm Minh Chính` in `vi`, `Pham Minh Chinh` in "
                "`en`); without it, each gets the fullest name in any language. Every form stays in `aliases` "
                "and `names`.",
    responses={
        200: {"links": {
            "GetFact": {"operationId": "get_fact", "parameters": {"fact_id": "$response.body#/events/0/id"}},
            "GetArticle": {
                "operationId": "get_article",
                "parameters": {"article_id": "$response.body#/events/0/sources/0/article"},
            },
        }},
        **documented(404, 422),
    },
)
def get_relation(
    engine: StoreEngine,
    records: RelationRecords,
    pair: Annotated[str, Path(
        pattern=PAIR, description="Two ISO 3166-1 alpha-2 codes, either order, any case.", examples=["VN-PE"],
    )],
    since: Annotated[str | None, Query(
        pattern=ISO_DATE, description="First date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.",
    )] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE, description="Last date, at any of these precisions.")] = None,
    types: Annotated[list[EventType] | None, Query(
        alias="type", description="Event types to keep (repeatable).",
    )] = None,
    lang: Annotated[ReaderLanguage | None, Query(
        description="Name persons and mechanisms as the articles in this language do, where any does.",
    )] = None,
    persons: Annotated[list[Annotated[str, StringConstraints(pattern=PERSON_ID)]] | None, Query(
        alias="person", description="Keep the events naming one of these persons, by id (repeatable).",
    )] = None,
    statuses: Annotated[list[EventStatus] | None, Query(
        alias="status", description="Event statuses to keep (repeatable).",
    )] = None,
) -> dict[str, Any] | JSONResponse:
    first, second = (_country(code) for code in pair.split("-"))
    if first == second:
        raise HTTPException(404, f"no relationship of {first} with itself: give two different countries")
    record = records.relation(engine, first, second)
    if lang is None and not (since or until or types or persons or statuses):
        # The record as read, encoded without being validated against ``Relation`` again: at 10 000 articles that
        # took a sixth of a large pair's answer. tests/api holds every record of the corpus to the schema.
        return JSONResponse(record)
    if lang is not None:
        record = store.in_language(record, lang)
    return store.filter_events(record, since, until, types or (), persons or (), statuses or ())


def _country(code: str) -> str:
    """The code upper-cased if bilat knows the country; 404 otherwise."""
    if not is_country_code(code):
        raise HTTPException(404, f"unknown country code {code!r}: give two ISO 3166-1 alpha-2 codes, as in VN-PE")
    return code.upper()
