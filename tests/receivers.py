"""A webhook receiver on 127.0.0.1, started by a test: it keeps what was posted, and answers as the test says."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from local_http import local_server


@dataclass
class Receiver:
    url: str
    statuses: list[int] = field(default_factory=list)
    """The statuses of the next answers, in order; 204 once they are used up."""
    posts: list[dict[str, Any]] = field(default_factory=list)
    """Each body posted, decoded, whatever the answer was."""
    accepted: list[dict[str, Any]] = field(default_factory=list)
    """The alerts of the posts answered with a success."""


@contextmanager
def receiving() -> Iterator[Receiver]:
    """A receiver until the block ends."""
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with lock:
                receiver.posts.append(body)
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                if status < 300:
                    receiver.accepted.extend(body["alerts"])
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            """Quiet: the test asserts on what was posted."""

    receiver = Receiver("")
    with local_server(Handler) as base:
        receiver.url = f"{base}/hook"
        yield receiver
