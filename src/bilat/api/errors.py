"""How the API answers failures: a JSON ``{"detail": ...}`` with a documented status, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Receive, Scope, Send

from bilat.api.schemas import ErrorDetail, Unprocessable
from bilat.errors import StoreError

log = logging.getLogger(__name__)

UNAVAILABLE = 503
NOT_MODIFIED = 304


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route that can answer these error statuses, for ``/openapi.json``."""
    return {status: _RESPONSES[status] for status in statuses}


_RESPONSES: dict[int, dict[str, Any]] = {
    NOT_MODIFIED: {"description": "The answer the request's `If-None-Match` names (its `ETag`) is still current: "
                   "no body. Answers are the same until the store changes."},
    400: {"model": ErrorDetail, "description": "The body cannot be parsed (not UTF-8 JSON)."},
    401: {"model": ErrorDetail, "description": "No bearer token, or not the server's."},
    403: {"model": ErrorDetail, "description": "Writing is disabled: the server was started without a token."},
    404: {"model": ErrorDetail, "description": "Nothing with that id or code in the store."},
    413: {"model": ErrorDetail, "description": "The body is larger than the server reads (`Content-Length`, or "
          "the bytes sent in chunks): refused before it is read."},
    422: {"model": Unprocessable, "description": "A malformed request, or an article bilat cannot read or store."},
    UNAVAILABLE: {"model": ErrorDetail, "description": "The database cannot be reached or failed, or no answer "
                  "came within the server's time limit (with `Retry-After`)."},
}


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class ApiRoute(APIRoute):
    """A route whose failures answer as documented: 503 for the database, 422 for a malformed request, 405 in full.

    FastAPI's own 422 echoes each bad input: that can be a megabyte of posted
    text, and a lone surrogate (``"\\ud800"`` is valid JSON) makes the echo
    unencodable, a 500; the issues are given without their input. FastAPI's
    405 lists only the methods of the one route it tried at the path.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """As APIRoute's; a 405 lists every method of the path (RFC 9110 §15.5.6), not only this route's."""
        try:
            await super().handle(scope, receive, send)
        except StarletteHTTPException as exc:  # what routing raises; FastAPI's is a subclass
            if exc.status_code != 405:
                raise
            raise HTTPException(405, headers={"Allow": ", ".join(_methods_at(scope))}) from exc

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_errors(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                issues = [{k: v for k, v in issue.items() if k != "input"} for issue in exc.errors()]
                return JSONResponse({"detail": jsonable_encoder(issues)}, status_code=422)
            except (SQLAlchemyError, StoreError) as exc:
                log.exception("database error on %s %s", request.method, request.url.path)
                reason = getattr(exc, "orig", None) or exc
                raise HTTPException(UNAVAILABLE, f"database error: {type(exc).__name__}: {reason}") from exc

        return handle_errors


def _methods_at(scope: Scope) -> list[str]:
    """The methods some route of the app answers at the request's path (``GET /api/articles`` and ``POST``)."""
    routes = scope["app"].router.routes
    # A fresh scope: the request's carries the state of the match that failed.
    probes = ({"type": "http", "path": scope["path"], "root_path": scope.get("root_path", ""), "method": method}
              for method in _METHODS)
    return [probe["method"] for probe in probes if any(route.matches(probe)[0] is Match.FULL for route in routes)]
