"""Answering reads from memory: each page and API answer is computed once per generation of the store.

Between two writes the store does not change, and neither does the answer to
a GET of a page or of ``/api``; so each worker process keeps the answers it
gave (their bytes, as sent), by path and query, and forgets them all when the
store's generation (``bilat.store.generation``) changes. Every request reads
the generation, one primary-key lookup shared by the requests that arrive
while it runs, so an article posted to one worker is seen by the next read
on any worker.

The first request for an answer computes it, and the requests for the same
answer meanwhile wait for that one computation rather than each starting
its own: 200 clients asking for a record that takes a second cost one
second, not 200. The computation is cancelled when no request waits for it
any more (their clients left, or the time limit answered them).

An answer carries a weak ``ETag`` (a digest of its bytes) and ``Cache-Control:
no-cache``: a client may keep it, and asks again with ``If-None-Match``, to
which an unchanged answer is 304 with no body. Large answers are also kept
gzipped, once, for the clients that accept it (a relationship record of
thousands of events is a few MB of JSON, a tenth of that gzipped).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import anyio
from sqlalchemy import Engine, create_engine
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilat.store import generation

log = logging.getLogger(__name__)

CACHE_BYTES = 256 * 2**20
"""Memory for answers per worker process: a record of a large pair is a few MB, the others a few kB."""
GZIP_FROM = 1024
"""Answers at least this long are kept gzipped too; below that, gzip saves less than the headers weigh."""
GZIP_LEVEL = 6
"""zlib's default: within a few percent of the smallest, at a fraction of level 9's time (once per answer)."""
CACHED_PATHS = re.compile(r"/(?:$|api/(?!export|relations/[^/]+/export)|r/|p/|articles(?:/|$))")
"""The store's pages and the JSON API; not ``/docs``, ``/openapi.json`` and ``/static``, which never change, nor the
exports, streamed as they are written (``api.exports``: a whole store's would be held in memory here)."""


class ResponseCache:
    """ASGI middleware: a GET of a cached path is answered from memory while the store's generation holds."""

    def __init__(self, app: ASGIApp, engine: Engine, capacity: int = CACHE_BYTES) -> None:
        self.app = app
        self.generation = Generation(engine)
        self.answers = _Answers(capacity)
        self.computing: dict[tuple[str | None, str, bytes], _Computation] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not CACHED_PATHS.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        try:
            current = await self.generation.current()
        except Exception:  # the database cannot be read: the handler answers as it would (503)
            log.warning("cannot read the store's generation; answering %s afresh", scope["path"], exc_info=True)
            await self.app(scope, receive, send)
            return
        key = (current, scope["path"], scope["query_string"])
        answer = self.answers.get(key) or await self._computed(key, scope, receive)
        if answer is not None:  # None: the client left while waiting
            await answer.send(Headers(scope=scope), send)

    async def _computed(self, key: tuple[str | None, str, bytes], scope: Scope, receive: Receive) -> _Answer | None:
        computation = self.computing.get(key)
        if computation is None:
            computation = self.computing[key] = _Computation(asyncio.ensure_future(self._compute(scope)))
            computation.task.add_done_callback(lambda task: self._done(key, task))
        computation.waiting += 1
        try:
            return await _unless_client_leaves(computation.task, receive)
        finally:
            computation.waiting -= 1
            if not computation.waiting:
                computation.task.cancel()  # nobody waits for it (a no-op once it is done)

    async def _compute(self, scope: Scope) -> _Answer:
        """The app's answer to the request, captured; its body is only that of a GET: none."""
        messages: list[Message] = []
        asked = False

        async def receive() -> Message:
            nonlocal asked
            if asked:  # nothing more will come: the computation ends when its answer is complete
                await asyncio.Event().wait()
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            messages.append(message)

        await self.app(dict(scope), receive, send)
        return await _Answer.of(messages)

    def _done(self, key: tuple[str | None, str, bytes], task: asyncio.Task[_Answer]) -> None:
        self.computing.pop(key, None)
        if not task.cancelled() and task.exception() is None and task.result().cacheable:
            self.answers.put(key, task.result())


class Generation:
    """The store's generation, read by one query for all the requests that arrived before it started.

    A request waits for a read that starts after it arrived (so it sees every
    write committed before it came), but the requests that arrive while a
    read runs share the next one: at most one read runs, and one waits.
    """

    def __init__(self, engine: Engine) -> None:
        # An engine of its own: the handlers' connections may all be busy when hundreds of requests arrive.
        self.engine = create_engine(engine.url, pool_size=1, max_overflow=0, pool_pre_ping=True)
        self.thread = anyio.CapacityLimiter(1)  # not the handlers' threads either
        self.one_at_a_time = asyncio.Lock()
        self.next: asyncio.Future[str | None] | None = None
        self.reads: set[asyncio.Task[None]] = set()  # held: asyncio keeps only weak references to tasks

    async def current(self) -> str | None:
        if self.next is None:
            self.next = asyncio.get_running_loop().create_future()
            read = asyncio.ensure_future(self._read(self.next))
            self.reads.add(read)
            read.add_done_callback(self.reads.discard)
        return await asyncio.shield(self.next)

    async def _read(self, result: asyncio.Future[str | None]) -> None:
        async with self.one_at_a_time:
            self.next = None  # requests arriving from now on need a later read
            try:
                result.set_result(await anyio.to_thread.run_sync(generation.current, self.engine, limiter=self.thread))
            except Exception as exc:
                result.set_exception(exc)


@dataclass
class _Computation:
    task: asyncio.Task[_Answer]
    waiting: int = 0


async def _unless_client_leaves(answer: asyncio.Task[_Answer], receive: Receive) -> _Answer | None:
    """The answer, or None if the client disconnects first (a GET's body is empty: anything more is the disconnect)."""

    async def left() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    watch = asyncio.ensure_future(left())
    try:
        done, _ = await asyncio.wait({answer, watch}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watch.cancel()
    return answer.result() if answer in done else None


@dataclass(frozen=True)
class _Answer:
    """An answer as the app sent it; a 200 also with its validator, and gzipped when large."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzipped: bytes | None
    etag: bytes | None

    @property
    def cacheable(self) -> bool:
        return self.etag is not None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")

    @classmethod
    async def of(cls, messages: list[Message]) -> _Answer:
        start = next(m for m in messages if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        if start["status"] != 200:
            return cls(start["status"], headers, body, None, None)
        etag = b'W/"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
        gzipped = None
        if len(body) >= GZIP_FROM:  # in a thread: a few MB take tens of milliseconds
            gzipped = await anyio.to_thread.run_sync(lambda: gzip.compress(body, GZIP_LEVEL, mtime=0))
        validators = [(b"etag", etag), (b"cache-control", b"no-cache"), (b"vary", b"Accept-Encoding")]
        return cls(200, headers + validators, body, gzipped, etag)

    async def send(self, request: Headers, send: Send) -> None:
        if self.etag is not None and _matches(request.get("if-none-match"), self.etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k, v) for k, v in self.headers if k in _KEPT_BY_304]})
            await send({"type": "http.response.body", "body": b""})
            return
        body, headers = self.body, self.headers
        if self.gzipped is not None and "gzip" in request.get("accept-encoding", "").lower():
            body, headers = self.gzipped, [*headers, (b"content-encoding", b"gzip")]
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


_KEPT_BY_304 = {b"etag", b"cache-control", b"vary", b"content-security-policy"}
"""The headers a 304 repeats (RFC 9110 §15.4.5: those a 200 would have sent that describe the cached answer)."""


def _matches(if_none_match: str | None, etag: bytes) -> bool:
    """Whether ``If-None-Match`` names the answer, compared weakly (RFC 9110 §13.1.2), ``*`` included."""
    if not if_none_match:
        return False
    wanted = etag.decode().removeprefix("W/")
    return any(tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


class _Answers:
    """The answers of the current generation, the least recently used forgotten first past ``capacity`` bytes."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.generation: Any = object()  # matches no generation, not even None
        self.entries: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self.size = 0

    def get(self, key: tuple[str | None, str, bytes]) -> _Answer | None:
        current, path, query = key
        if current != self.generation:
            self.generation, self.size = current, 0
            self.entries.clear()
            return None
        answer = self.entries.get((path, query))
        if answer is not None:
            self.entries.move_to_end((path, query))
        return answer

    def put(self, key: tuple[str | None, str, bytes], answer: _Answer) -> None:
        current, path, query = key
        if current != self.generation or answer.size > self.capacity or (path, query) in self.entries:
            return
        self.entries[(path, query)] = answer
        self.size += answer.size
        while self.size > self.capacity:
            _, dropped = self.entries.popitem(last=False)
            self.size -= dropped.size
