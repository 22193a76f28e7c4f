"""``/search``: the results page, and the search box in the header of every page."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

SEARCH_BOX = '<form class="search" role="search" action="/search">'


@pytest.mark.parametrize("path", ["/", "/r/VN-PE", "/search", "/r/XX-YY"])
def test_every_page_has_the_search_box(client: TestClient, path: str) -> None:
    assert SEARCH_BOX in client.get(path).text


def test_a_name_without_tone_marks_lists_the_person_first_with_the_words_marked(client: TestClient) -> None:
    response = client.get("/search", params={"q": "Luong Cuong", "lang": "en"})
    assert response.status_code == 200
    hits = re.findall(r'<li class="hit (\w+)">(.*?)</li>', response.text, re.S)
    kind, first = hits[0]
    assert kind == "person" and ">Lương Cường</a>" in first
    assert re.search(r'href="/r/[A-Z]{2}-[A-Z]{2}\?lang=en#p[0-9a-f]{13}"', first)
    assert "<mark>Lương</mark> <mark>Cường</mark>" in response.text
    assert {kind for kind, _ in hits} == {"person", "article", "fact"}


def test_a_sentence_links_to_its_evidence_its_article_and_its_record(client: TestClient) -> None:
    text = client.get("/search", params={"q": "Lương Cường Peru", "kind": "fact", "lang": "vi"}).text
    (first, *_) = re.findall(r'<li class="hit fact">(.*?)</li>', text, re.S)
    evidence = html.unescape(re.search(r'class="evidence" href="([^"]+)"', first)[1])
    assert re.fullmatch(r"/articles/[0-9a-f]{16}\?span=\d+-\d+&lang=vi#evidence", evidence)
    page = client.get(evidence).text
    assert '<mark id="evidence"' in page
    record = html.unescape(re.search(r'href="(/r/PE-VN\?lang=vi#e[0-9a-f]{13})"', first)[1])
    assert f'id="{record.rpartition("#")[2]}"' in client.get(record).text
    assert re.search(r'class="hit-title"[^>]*>[^<:]+: (Việt Nam|Peru) (–|→) (Peru|Việt Nam)</a>', first)  # as the record names it


def test_the_kinds_narrow_the_list_and_keep_the_query(client: TestClient) -> None:
    text = client.get("/search", params={"q": "Peru", "lang": "en"}).text
    narrowed = html.unescape(re.search(r'<a href="([^"]+)">Articles \(\d+\)</a>', text)[1])
    assert narrowed == "/search?q=Peru&kind=article&lang=en"
    kinds = set(re.findall(r'<li class="hit (\w+)">', client.get(narrowed).text))
    assert kinds == {"article"}


def test_a_query_with_no_word_says_so(client: TestClient) -> None:
    response = client.get("/search", params={"q": "?!", "lang": "en"})
    assert response.status_code == 422
    assert "holds no word to search for" in html.unescape(response.text)


def test_without_a_query_the_page_explains_the_box(client: TestClient) -> None:
    response = client.get("/search", params={"lang": "vi"})
    assert response.status_code == 200
    assert "tìm ra “Lương Cường”" in response.text and '<ol class="hits">' not in response.text


def test_nothing_found_is_said(client: TestClient) -> None:
    assert "Nothing found for “Zanzibar”" in client.get("/search", params={"q": "Zanzibar", "lang": "en"}).text


def test_an_article_s_markup_is_shown_as_text(client: TestClient) -> None:
    text = client.get("/search", params={"q": "alert", "lang": "vi"}).text
    assert "&lt;script&gt;alert" in text
    assert "<script>" not in text
