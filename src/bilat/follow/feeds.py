"""What a feed lists: each article page's address, with the date and title the feed gives it.

RSS and Atom are read by feedparser, sitemaps (``urlset``, and ``sitemapindex``
listing more sitemaps) by lxml. A date is the day the feed writes, in the
time zone it writes it in: an article published at 01:00 in Hà Nội is of that
day, not of the day before in UTC. Only a publication date is taken (RSS
``pubDate``, Atom ``published``, a news sitemap's ``publication_date``): an
update or a sitemap's ``lastmod`` is not the article's date, and a wrong one
would shift every relative date of its text ("Sáng 17/11").
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import etree

from bilat.errors import IngestError
from bilat.ingest.outlets import article_url
from bilat.isodates import is_iso_date

NOT_A_FEED = "not a feed"
"""The kind of skip of an answer that is no RSS or Atom feed nor sitemap."""
SITEMAP_ROOTS = ("urlset", "sitemapindex")
MAX_UNPACKED = 50 * 1024 * 1024
"""The sitemap protocol's limit on a sitemap, uncompressed (50 MB)."""
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
"""zlib's way of saying: a gzip header and trailer around the deflated data."""
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""No entity expanded, no DTD nor anything else fetched: a sitemap is data from another's server."""


@dataclass(frozen=True)
class Entry:
    """One article page a feed lists."""

    url: str
    published: str | None = None
    """``YYYY-MM-DD``, the day the feed gives it."""
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """A feed's pages, in the order it lists them; for a sitemap index, the sitemaps it lists."""

    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    unusable: int = 0
    """Entries left out: no link, or a link that is no web address."""


def read_listing(body: bytes, url: str, content_type: str | None = None) -> Listing:
    """The pages the feed or sitemap at ``url`` lists; ``IngestError`` when it is neither."""
    body = _gunzipped(body, url)
    root = _xml_root(body)
    if root is not None and etree.QName(root).localname in SITEMAP_ROOTS:
        return _sitemap(root, url)
    headers = {"content-location": url, **({"content-type": content_type} if content_type else {})}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)  # bytes in a stream: never a path or URL to open
    if not parsed.get("version"):  # an empty answer has none at all
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise IngestError(url, f"neither an RSS or Atom feed nor a sitemap{detail}", NOT_A_FEED)
    entries, unusable = [], 0
    for item in parsed.entries:
        link = article_url(item.get("link"))
        if link is None:
            unusable += 1
            continue
        entries.append(Entry(link, _day(item.get("published")), item.get("title") or None))
    return Listing(entries, unusable=unusable)


def _gunzipped(body: bytes, url: str) -> bytes:
    """A gzipped file's content (sitemaps.org allows ``sitemap.xml.gz``, served as a file, not a Content-Encoding).

    Unpacked up to ``MAX_UNPACKED`` bytes: a small file that unpacks to gigabytes is refused, not held.
    """
    if not body.startswith(_GZIP_MAGIC):
        return body
    unpacker = zlib.decompressobj(wbits=_GZIP_WBITS)
    try:
        unpacked = unpacker.decompress(body, MAX_UNPACKED)
    except zlib.error as exc:
        raise IngestError(url, f"broken gzip file: {exc}", NOT_A_FEED) from exc
    if unpacker.unconsumed_tail:
        raise IngestError(url, f"unpacks to more than {MAX_UNPACKED} bytes", "too large")
    return unpacked


def _xml_root(body: bytes) -> Any:
    try:
        return etree.fromstring(body, _XML)
    except etree.XMLSyntaxError:
        return None  # feedparser reads RSS that XML parsers refuse


def _sitemap(root: Any, url: str) -> Listing:
    if etree.QName(root).localname == "sitemapindex":
        found = [_link(url, loc.text) for loc in root.iterfind("{*}sitemap/{*}loc")]
        return Listing(sitemaps=[link for link in found if link], unusable=found.count(None))
    entries, unusable = [], 0
    for item in root.iterfind("{*}url"):
        link = _link(url, item.findtext("{*}loc"))
        if link is None:
            unusable += 1
            continue
        news = item.find("{*}news")  # Google News sitemaps: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
        published = news.findtext("{*}publication_date") if news is not None else None
        title = news.findtext("{*}title") if news is not None else None
        entries.append(Entry(link, _day(published), (title or "").strip() or None))
    return Listing(entries, unusable=unusable)


def _link(base: str, written: str | None) -> str | None:
    """The web address a sitemap's ``loc`` gives (made absolute, as a relative one means the sitemap's site)."""
    written = (written or "").strip()
    return article_url(urljoin(base, written)) if written else None


def _day(written: str | None) -> str | None:
    """The day a feed's date names, as written: RFC 822 (RSS) or ISO 8601 (Atom, sitemaps); None for anything else."""
    if not written or not written.strip():
        return None
    written = written.strip()
    day: date | None = None
    try:
        day = datetime.fromisoformat(written).date()
    except ValueError:
        try:
            day = parsedate_to_datetime(written).date()
        except (TypeError, ValueError, IndexError):
            return None
    text = day.isoformat()
    return text if is_iso_date(text) else None
