"""Where an article came from, as a page shows it: the outlet and a link for a URL, the file's name for a file.

``article.source`` is what ``bilat ingest`` was given: a URL, or a path on the
machine that ran it ("/home/x/a.txt", "dump.jsonl:12"). A path says nothing to a
reader and tells everyone how that machine is laid out, so no page shows more of
it than the file's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.ingest.outlets import article_url, outlet_name

_PATH_SEPARATORS = re.compile(r"[/\\]")
"""POSIX and Windows separators: a store may hold paths ingested on either."""


@dataclass(frozen=True)
class Origin:
    """What to show for a source: ``text``, and ``url`` when it can be opened in a browser."""

    text: str
    url: str | None = None


def origin(source: str | None) -> Origin | None:
    """The outlet of a URL (its name, ``data/outlets.toml``), with the URL; the file name of a path; None for no source."""
    if not source:
        return None
    url = article_url(source)
    if url:
        return Origin(outlet_name(url) or url, url)
    return Origin(_PATH_SEPARATORS.split(source)[-1] or source)
