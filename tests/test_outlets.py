"""What cites an article: its web address (never a file path) and the outlet named from the address's host."""

from __future__ import annotations

import pytest

from bilat.ingest.outlets import article_url, outlet_name


@pytest.mark.parametrize("source", [
    "https://vnexpress.net/viet-nam-peru-4818271.html",
    "http://vietnamtourism.vn/index.php/news/items/15112",
    "https://vovworld.vn./vi-VN/chinh-tri/hoi-dam-665934.vov",
])
def test_a_web_address_is_the_url(source: str) -> None:
    assert article_url(source) == source


@pytest.mark.parametrize("source", [
    None, "", "/home/ana/corpus/h02.txt", "corpus/dev/h02.txt", "dump.jsonl:12", "test",
    "file:///etc/passwd", "javascript:alert(1)", "https://example.org/a b", 'https://example.org/"><script>',
    "http://[::1", "https://example.org:port/", "https:///no-host",
])
def test_anything_else_is_no_url(source: str | None) -> None:
    assert article_url(source) is None


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://vnexpress.net/a.html", "VnExpress"),
    ("https://baoquocte.vn/a.html", "Báo Quốc tế"),
    ("https://www.vietnamplus.vn/a.vnp", "VietnamPlus"),  # www. is a host of the listed domain
    ("https://thethao.thanhnien.vn/a.htm", "Thanh Niên"),  # a section of a listed outlet
    ("https://vovworld.vn./vi-VN/a.vov", "VOV World"),  # the DNS root dot
    ("https://WWW.VNEXPRESS.NET/a.html", "VnExpress"),
    ("https://www.then24.com/2024/a", "then24.com"),  # not listed: the host, less www.
])
def test_the_outlet_is_named_from_the_host(url: str, outlet: str) -> None:
    assert outlet_name(url) == outlet


def test_no_url_names_no_outlet() -> None:
    assert outlet_name(None) is None
