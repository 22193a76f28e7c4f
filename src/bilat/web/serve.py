"""Running the app under Uvicorn for ``bilat serve``: worker processes, connection limits, Nagle's algorithm off.

Each worker process opens the store itself (an engine cannot cross
processes), from the URL and token ``run`` leaves in the environment the
workers inherit (``WORKER_DB``, ``WORKER_TOKEN``: a read-only server's workers
find no token there, whatever ``$BILAT_TOKEN`` says).
"""

from __future__ import annotations

import os
import socket
from asyncio import BaseTransport

import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from bilat.store import connect
from bilat.web.app import create_app
from bilat.web.limits import READ_TIME_LIMIT

WORKER_DB = "BILAT_SERVE_DB"
WORKER_TOKEN = "BILAT_SERVE_TOKEN"
KEEP_ALIVE = 5
"""Seconds an idle connection is kept: a browser asks for a page's stylesheet at once, and 200 idle clients
do not hold 200 sockets for long."""
CONNECTIONS_PER_WORKER = 1000
"""Past this many open connections a worker answers 503 at once: five times the 200 readers it is sized for."""


def default_workers() -> int:
    """One worker process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(url: str, token: str | None, host: str, port: int, workers: int) -> None:
    """Serve the store at ``url`` until interrupted, writable with ``token`` if given."""
    os.environ[WORKER_DB] = url
    if token:
        os.environ[WORKER_TOKEN] = token
    else:
        os.environ.pop(WORKER_TOKEN, None)
    uvicorn.run(
        f"{__name__}:worker_app", factory=True, host=host, port=port, workers=workers, http=NoDelayH11,
        timeout_keep_alive=KEEP_ALIVE, limit_concurrency=CONNECTIONS_PER_WORKER,
        timeout_graceful_shutdown=int(READ_TIME_LIMIT), log_level="warning",
    )


def worker_app() -> FastAPI:
    """The app of one worker process, over the store ``run`` named."""
    return create_app(connect(os.environ[WORKER_DB]), token=os.environ.get(WORKER_TOKEN) or None)


class NoDelayH11(H11Protocol):
    """Uvicorn's HTTP/1.1, with Nagle's algorithm off on every connection.

    asyncio turns it off on the TCP sockets it opens, but with several workers
    Uvicorn opens the listening socket itself without naming TCP, and asyncio
    then leaves it on: each answer on a kept-alive connection waited for the
    client's delayed ACK, 40 ms (measured here: 44 ms a request, 1 ms with this).
    """

    def connection_made(self, transport: BaseTransport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]
