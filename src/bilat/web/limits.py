"""What the server refuses before it does the work: writes without the token, bodies too large, requests too slow.

A request body is read only once the request may write (the bearer token
checked from its headers alone) and only up to ``MAX_BODY`` bytes, so a client
without the token cannot make the server hold its megabytes. A request the
app has not answered within its time limit is answered 503 and its handler
cancelled: one still waiting for a thread of the pool never starts, so a
burst that clients gave up on does not keep the server busy after it; and
few threads run handlers, so few abandoned ones can still be running.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.api.deps import bearer, require_writer
from bilat.api.schemas import TEXT_MAX

MAX_BODY = 6 * TEXT_MAX + 64 * 1024
"""Bytes of a request body: the longest article text with every character escaped as ``\\uXXXX`` (what
``json.dumps`` sends for any letter outside ASCII), and 64 KiB for its name, source and the JSON around them."""
READ_TIME_LIMIT = 30.0
"""Seconds a read may take: the largest record of a 10 000-article store is computed in about 2 s."""
WRITE_TIME_LIMIT = 300.0
"""Seconds a write may take: it resolves again the blocks of the record its article touches (``store.resolving``),
which articles touching the leaders of most pairs make most of a store, or the whole record past a share of it:
ten new articles into 10 000 synthetic ones took 37 to 52 s on 2 cores (README, Scale)."""
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
HANDLER_THREADS = 4
"""Threads of a worker that run handlers (anyio's default is 40). The work is Python, one thread at a time under
the GIL, so more threads only overlap waits on the database; and a handler whose client left cannot be stopped
once it runs: with 40, a burst of abandoned records kept a worker busy for a minute after it (measured)."""


class WriteGate:
    """ASGI middleware: a write is refused from its headers when it lacks the token or is too large, before its body.

    Every operation that needs the token (``require_writer``: its OpenAPI
    ``security``) is gated, with the answers (401, 403) that dependency gives. A body
    past ``max_body`` is 413, by its ``Content-Length`` or, sent in chunks,
    as soon as that many bytes have come.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body
        self.writes: list[tuple[str, re.Pattern[str]]] | None = None  # read from the app's OpenAPI on first use

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self.writes is None:
            self.writes = _writing_operations(scope["app"])
        writes = any(method == scope["method"] and path.match(scope["path"]) for method, path in self.writes)
        refusal = await _refusal(request) if writes else None
        length = request.headers.get("content-length")
        if refusal is None and length is not None and (not length.isdigit() or int(length) > self.max_body):
            refusal = _too_large(self.max_body) if length.isdigit() else HTTPException(400, "Content-Length is not a number")
        if refusal is not None:
            response = JSONResponse({"detail": refusal.detail}, refusal.status_code, headers=refusal.headers)
            await response(scope, receive, send)
            return
        await self.app(scope, _capped(receive, self.max_body), send)


def _writing_operations(app: Any) -> list[tuple[str, re.Pattern[str]]]:
    """The method and path of every operation ``/openapi.json`` says needs the bearer token (``require_writer``)."""
    return [
        (method.upper(), re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$"))
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items() if operation.get("security")
    ]


async def _refusal(request: Request) -> HTTPException | None:
    """What ``require_writer`` says of the request's credentials, from its headers: None when it may write."""
    try:
        require_writer(request, await bearer(request))
    except HTTPException as exc:
        return exc
    return None


def _too_large(max_body: int) -> HTTPException:
    return HTTPException(413, f"the request body is larger than {max_body} bytes")


def _capped(receive: Receive, max_body: int) -> Receive:
    """``receive``, raising 413 (answered by the app's exception handler) once the body passes ``max_body`` bytes."""
    received = 0

    async def capped() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > max_body:
            raise _too_large(max_body)
        return message

    return capped


class TimeLimit:
    """ASGI middleware: 503 for a request not answered within its limit (reads and writes have their own).

    An answer that has begun within it goes on to its end: only a stream
    (``api.exports``) begins before it is whole, and cutting it would leave
    the client a truncated file; it stops if its client leaves.
    """

    def __init__(self, app: ASGIApp, read: float = READ_TIME_LIMIT, write: float = WRITE_TIME_LIMIT) -> None:
        self.app = app
        self.read = read
        self.write = write

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.read if scope["method"] in SAFE_METHODS else self.write
        answer = _Answer(send)
        handler = asyncio.ensure_future(self.app(scope, receive, answer.send))
        try:
            done, _ = await asyncio.wait({handler}, timeout=limit)
        except asyncio.CancelledError:  # the server is stopping
            handler.cancel()
            raise
        if handler in done:
            handler.result()  # its exception, if any, goes on to the server's error handler
            return
        if answer.started:  # a download streaming (an export): the limit was on its first byte, the rest is its length
            await handler
            return
        handler.cancel()
        handler.add_done_callback(_forget)
        answer.closed = True
        if not answer.started:
            detail = f"no answer within {limit:g} s: the server is busy, try again later"
            if scope["method"] not in SAFE_METHODS:
                detail += " (a write may still complete: read it back before sending it again)"
            await JSONResponse({"detail": detail}, 503, headers={"Retry-After": "5"})(scope, receive, send)


class _Answer:
    """The sending side of a request: whether the answer began, and nothing sent once the time limit answered."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False
        self.closed = False

    async def send(self, message: Message) -> None:
        if self.closed:
            return
        self.started = True
        await self._send(message)


def _forget(task: asyncio.Future[Any]) -> None:
    """Retrieve what a cancelled handler ended with, so that asyncio does not report it as never retrieved."""
    if not task.cancelled():
        task.exception()


@asynccontextmanager
async def handler_threads(app: Any) -> AsyncIterator[None]:
    """The app's lifespan: its handlers run on ``HANDLER_THREADS`` threads of the worker's pool."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = HANDLER_THREADS
    yield
