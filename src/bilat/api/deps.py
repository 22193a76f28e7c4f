"""What the routes need from the app: its store, the records it keeps, and for writing, the server's token."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from bilat.api.records import Records

WRITING_DISABLED = "writing is disabled: start the server with a token (bilat serve --token)"

bearer = HTTPBearer(
    auto_error=False,  # so that a missing token is our 401, and a server without one our 403
    description="The token the server was started with (`bilat serve --token`).",
)


def store_engine(request: Request) -> Engine:
    """The engine ``create_app`` put on the app."""
    engine: Engine = request.app.state.engine
    return engine


StoreEngine = Annotated[Engine, Depends(store_engine)]


def relation_records(request: Request) -> Records:
    """The records of relationships ``create_app`` keeps for the app."""
    records: Records = request.app.state.records
    return records


RelationRecords = Annotated[Records, Depends(relation_records)]


def require_writer(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Let the request write only if the server has a token and the request carries it (RFC 6750 bearer).

    No credentials is 401 even on a server that does not write (RFC 9110
    §15.5.2: the request lacks them); credentials there are 403, as no token
    can help. ``compare_digest`` takes the same time however much of the token matches.
    """
    token: str | None = request.app.state.token
    if credentials is None:
        detail = "a bearer token is required" if token else f"a bearer token is required, and {WRITING_DISABLED}"
        raise HTTPException(401, detail, headers=_CHALLENGE)
    if not token:
        raise HTTPException(403, WRITING_DISABLED)
    # Header bytes arrive decoded as Latin-1: back to bytes, to compare with the UTF-8 of the token.
    if not secrets.compare_digest(credentials.credentials.encode("latin-1"), token.encode()):
        raise HTTPException(401, "wrong bearer token", headers=_CHALLENGE)


_CHALLENGE = {"WWW-Authenticate": "Bearer"}
