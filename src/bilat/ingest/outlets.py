"""Where an article was published, for citing it: its web address and the outlet that runs it.

An article's ``source`` is its URL when it came from the web (a ``source:``
header line, a JSON Lines ``url``, a saved page's canonical link or
``og:url``), else the file it was read from. Only a web address is citable:
a local path names nothing a reader can open. The outlet is named from the
address's host (``data/outlets.toml``): "VnExpress" says more to a reader
than ``vnexpress.net``, and the host itself is shown for an outlet not listed.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from bilat.lang import load_shared

WEB_SCHEMES = ("http", "https")
"""Addresses a reader's browser opens; ``file:`` or ``javascript:`` would be no citation, or a hazard in a link."""
_UNSAFE_IN_LINKS = frozenset(' <>"\\`')
"""Characters no URL holds as written (RFC 3986 section 2), which would end a Markdown or HTML link early."""
_HOST_PREFIX = "www."
"""Dropped from a host shown as the outlet: "www.example.org" and "example.org" are one outlet."""


def article_url(source: str | None) -> str | None:
    """``source`` when it is a web address with a host; None for a file path, ``FILE:LINE`` or any other label."""
    if not source or any(c in _UNSAFE_IN_LINKS or ord(c) < 0x20 for c in source):
        return None
    try:
        parts = urlsplit(source)
        _ = parts.port  # urlsplit checks a port only when it is read
    except ValueError:  # "http://[::1" or a port that is no number
        return None
    return source if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


def outlet_name(url: str | None) -> str | None:
    """The outlet that published ``url``: its name when known (the host or a parent domain is listed), else the host."""
    host = (urlsplit(url).hostname or "").rstrip(".") if url else ""
    if not host:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = _outlets().get(".".join(labels[start:]))
        if name:
            return name
    return host.removeprefix(_HOST_PREFIX)


@cache
def _outlets() -> dict[str, str]:
    names: dict[str, str] = load_shared("outlets")["names"]
    return names
