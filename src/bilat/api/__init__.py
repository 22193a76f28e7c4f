"""The JSON API of ``bilat serve``, under ``/api``: one module per resource.

    relations  the pairs of countries, and the record of one pair
    facts      one resolved fact with its sources
    articles   the stored articles; storing a new one (with the server's token)
    exports    the record of a pair, or of the whole store, as a download (CSV, JSON Lines, PLOVER)
    search     one query over articles, the sentences stating facts, and persons
    alerts     the alerts raised on the records of the followed pairs
    schemas    the shape of every request and response
    deps       the store engine and the token check
    errors     the error statuses, documented; the route class that answers 503, 422 and 405 as documented
"""

from fastapi import APIRouter
from fastapi.routing import APIRoute

from bilat.api import alerts, articles, exports, facts, relations, search
from bilat.api.errors import UNAVAILABLE, documented


def _operation_id(route: APIRoute) -> str:
    """The endpoint function's name (``get_relation``): stable ids for clients and OpenAPI links."""
    return route.name


router = APIRouter(prefix="/api", responses=documented(UNAVAILABLE), generate_unique_id_function=_operation_id)
router.include_router(relations.router)
router.include_router(facts.router)
router.include_router(articles.router)
router.include_router(exports.router)
router.include_router(search.router)
router.include_router(alerts.router)

__all__ = ["router"]
