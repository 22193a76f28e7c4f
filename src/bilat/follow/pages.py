"""A fetched article page → the ``Document`` ``bilat ingest`` would read from it saved, with its URL and date.

The page is read by ``ingest.read.read_page`` (trafilatura), as a saved page
is. The address it was fetched from is its source: what a briefing cites and
a reader opens. The page's own date comes first (its metadata is the outlet's
word for it); the feed's fills in for a page that states none, as a header's
``published:`` does, so that relative dates in the text ("Sáng 17/11") are
anchored on the day the article appeared, not guessed.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from bilat.errors import IngestError
from bilat.extract.doc import Document
from bilat.follow.feeds import Entry
from bilat.ingest.read import read_page, read_text_document, with_header
from bilat.store import models as m

NOT_A_PAGE = "not a web page"
"""The kind of skip of an answer that is a PDF, an image or any other than a web page."""
PAGE_TYPES = ("text/html", "application/xhtml+xml")
_NAME_LENGTH = m.Article.name.type.length  # type: ignore[attr-defined]


def page_document(raw: bytes, url: str, entry: Entry, content_type: str | None = None) -> Document:
    """The article of the page at ``url``; ``IngestError`` when the page holds none."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media not in PAGE_TYPES:
        raise IngestError(url, f"not a web page (Content-Type: {media})", NOT_A_PAGE)
    fields, text = read_page(raw, url)
    header = {
        "source": url,
        "published": fields.get("published") or entry.published,
        "title": fields.get("title") or entry.title,
    }
    return read_text_document(with_header(header, text), doc_id=page_name(url), source=url)


def page_name(url: str) -> str:
    """The article's name, as a file's stem is: the last part of the URL's path, without its extension, else the host.

    ``https://vietnamnews.vn/politics-laws/1730440/viet-nam-considers-new-zealand.html``
    → ``viet-nam-considers-new-zealand``.
    """
    parts = urlsplit(url)
    stem = PurePosixPath(unquote(parts.path)).stem
    return (stem or parts.hostname or url)[:_NAME_LENGTH]
