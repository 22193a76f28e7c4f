"""Reading what a feed lists: RSS, Atom, sitemaps and sitemap indexes; the day each entry names, as written."""

from __future__ import annotations

import gzip

import pytest

from bilat.errors import IngestError
from bilat.follow.feeds import MAX_UNPACKED, Entry, read_listing

BASE = "https://outlet.example/feeds/rss.xml"


def test_rss_links_made_absolute_and_dated_in_their_own_time_zone() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Visit</title><link>/news/visit.html</link><pubDate>Wed, 13 Nov 2024 01:30:00 +0700</pubDate></item>
    <item><title>No date</title><link>https://outlet.example/news/b.html</link></item>
    <item><title>Bad date</title><link>https://outlet.example/news/c.html</link><pubDate>soon</pubDate></item>
    <item><title>No link</title></item>
    <item><title>Script</title><link>javascript:alert(1)</link></item>
    </channel></rss>"""
    listing = read_listing(rss, BASE)
    assert listing.entries == [
        Entry("https://outlet.example/news/visit.html", "2024-11-13", "Visit"),  # not the UTC day, the 12th
        Entry("https://outlet.example/news/b.html", None, "No date"),
        Entry("https://outlet.example/news/c.html", None, "Bad date"),
    ]
    assert listing.unusable == 2


def test_atom_takes_the_published_date_not_the_update() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2026-01-01T00:00:00Z</updated>
    <entry><title>A</title><id>a</id><link href="https://outlet.example/a"/><updated>2026-01-01T00:00:00Z</updated>
    <published>2025-04-20T23:10:00-05:00</published></entry>
    <entry><title>B</title><id>b</id><link href="https://outlet.example/b"/><updated>2026-01-01T00:00:00Z</updated></entry>
    </feed>"""
    assert read_listing(atom, BASE).entries == [Entry("https://outlet.example/a", "2025-04-20", "A"),
                                                Entry("https://outlet.example/b", None, "B")]


def test_a_news_sitemap_gives_its_publication_dates_and_an_index_its_sitemaps() -> None:
    sitemap = b"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://outlet.example/a.html</loc><lastmod>2026-01-01</lastmod>
      <news:news><news:publication_date>2024-11-13T08:00:00+07:00</news:publication_date><news:title>A</news:title></news:news></url>
    <url><loc> https://outlet.example/b.html </loc><lastmod>2026-01-01</lastmod></url>
    <url><loc></loc></url>
    </urlset>"""
    listing = read_listing(sitemap, BASE)
    assert listing.entries == [Entry("https://outlet.example/a.html", "2024-11-13", "A"),
                               Entry("https://outlet.example/b.html", None, None)]  # lastmod is no publication date
    assert listing.unusable == 1
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://outlet.example/sitemap-1.xml</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap>
    </sitemapindex>"""
    assert read_listing(index, BASE).sitemaps == ["https://outlet.example/sitemap-1.xml", "https://outlet.example/sitemap-2.xml"]


@pytest.mark.parametrize("body", [b"<html><body><p>Latest news</p></body></html>", b"", b"\x89PNG\r\n\x1a\n\x00\x00",
                                  b'{"items": []}', b"/etc/passwd"])
def test_what_is_no_feed_is_said_so(body: bytes) -> None:
    with pytest.raises(IngestError) as raised:
        read_listing(body, BASE)
    assert raised.value.kind == "not a feed"
    assert "neither an RSS or Atom feed nor a sitemap" in raised.value.reason


def test_an_entity_is_not_expanded() -> None:
    """A sitemap is another server's data: no entity of a DTD expanded, no file read through one."""
    hostile = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY e SYSTEM "file:///etc/hostname">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://outlet.example/&e;</loc></url></urlset>"""
    for entry in read_listing(hostile, BASE).entries:
        assert entry.url == "https://outlet.example/"


def test_a_gzipped_sitemap_is_read_and_a_bomb_is_not() -> None:
    sitemap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://outlet.example/a</loc></url></urlset>"""
    assert read_listing(gzip.compress(sitemap), BASE).entries == [Entry("https://outlet.example/a")]
    with pytest.raises(IngestError) as raised:
        read_listing(gzip.compress(b" " * (MAX_UNPACKED + 1)), BASE)
    assert raised.value.kind == "too large"
