"""The security headers every answer of ``bilat serve`` carries, pages, API, errors and static files alike.

- ``X-Content-Type-Options: nosniff``: an article's text served as JSON is
  never taken by a browser for HTML or a script.
- ``Content-Security-Policy``: the pages keep their own (``render.CONTENT_SECURITY_POLICY``:
  nothing loaded from elsewhere, no script); every answer forbids framing
  (``frame-ancestors 'none'``), so no other site can show a page under its own to trick a click.
- ``Referrer-Policy: no-referrer``: a link to an article's source does not tell
  its site which bilat server, relationship or article the reader came from
  (the server's address and what is being read are nobody else's business);
  bilat's own links need no referrer.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FRAME_ANCESTORS = "frame-ancestors 'none'"
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class SecurityHeaders:
    """ASGI middleware: adds the headers to every answer; a page's own policy is kept, with framing forbidden."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                policy = headers.get("content-security-policy")
                if policy is None:
                    headers["Content-Security-Policy"] = FRAME_ANCESTORS
                elif "frame-ancestors" not in policy:
                    headers["Content-Security-Policy"] = f"{policy}; {FRAME_ANCESTORS}"
            await send(message)

        await self.app(scope, receive, send_secured)
