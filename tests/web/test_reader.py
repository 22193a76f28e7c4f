"""What every page does for its reader: the browser's language, the evidence quote without a mouse, outlets."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import store
from bilat.web.languages import accepted_language
from bilat.web.origin import Origin, origin


@pytest.mark.parametrize(("header", "expected"), [
    ("en-US,en;q=0.9", "en"),
    ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
    ("fr-FR,fr;q=0.9,en;q=0.5,vi;q=0.4", "en"),
    ("en;q=0.3, vi;q=0.7", "vi"),
    ("vi;q=0, en", "en"),
    ("fr", None), ("*", None), ("", None), (None, None), ("en;q=abc", None),
])
def test_the_browsers_language(header: str | None, expected: str | None) -> None:
    assert accepted_language(header) == expected


def test_pages_honour_accept_language_when_the_url_names_none(client: TestClient) -> None:
    for path in ("/r/VN-PE", "/", "/articles"):
        english = client.get(path, headers={"Accept-Language": "en-GB,en;q=0.9"})
        assert '<html lang="en">' in english.text, path
        assert "Accept-Language" in english.headers["vary"]
        vietnamese = client.get(path, headers={"Accept-Language": "vi"})  # the same URL, answered from the cache
        assert '<html lang="vi">' in vietnamese.text, path
    asked = client.get("/r/VN-PE?lang=vi", headers={"Accept-Language": "en"})
    assert '<html lang="vi">' in asked.text  # ?lang wins: a link shows what it was copied as
    unspoken = client.get("/r/VN-PE", headers={"Accept-Language": "fr"})
    assert '<html lang="vi">' in unspoken.text  # no language bilat speaks: that of most sources
    assert "Accept-Language" not in client.get("/api/relations/VN-PE").headers.get("vary", "")


def test_each_evidence_quote_opens_without_a_mouse(client: TestClient, web_store: Engine) -> None:
    record = store.relation(web_store, "VN", "PE")
    visit = next(e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    text = client.get("/r/VN-PE?lang=en").text
    row = text[text.index(f'<tr id="{visit["id"]}"'):].split("</tr>", 1)[0]
    details = re.findall(r"<details class=\"source\">\s*<summary[^>]*>(.*?)</summary>(.*?)</details>", row, re.DOTALL)
    assert len(details) == len(visit["sources"])
    for (summary, body), source in zip(details, visit["sources"], strict=True):
        assert summary.startswith("source&nbsp;")
        quote = re.search(r'<q lang="vi">(.*?)</q>', body, re.DOTALL)
        assert quote and html.unescape(quote[1]) == source["quote"]


# An outlet is named as it calls itself (data/outlets.toml), a page's host when it is not listed.
@pytest.mark.parametrize(("source", "shown"), [
    ("https://www.vietnamplus.vn/a-b.html", Origin("VietnamPlus", "https://www.vietnamplus.vn/a-b.html")),
    ("https://vovworld.vn./vi-VN/x.vov", Origin("VOV World", "https://vovworld.vn./vi-VN/x.vov")),
    ("/home/x/corpus/a.txt", Origin("a.txt")),
    ("C:\\Users\\x\\a.txt", Origin("a.txt")),
    ("/data/dump.jsonl:12", Origin("dump.jsonl:12")),
    ("javascript:alert(1)", Origin("javascript:alert(1)")),  # no link: only web addresses are opened
    (None, None), ("", None),
])
def test_an_origin_is_an_outlet_or_a_file_name(source: str | None, shown: Origin | None) -> None:
    assert origin(source) == shown
