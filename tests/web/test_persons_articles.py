"""The page of a person and the list of articles: linked from the record, newest first, no file path shown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from stores import build_store

from bilat import store
from bilat.extract import extract
from bilat.ingest import read_text_document
from bilat.web.app import create_app
from bilat.web.views import articles as articles_view

SMALL_PAGE = 30
"""Articles per page in these tests: the test store's 48 fill two pages."""


def test_every_name_on_a_relationship_page_opens_that_persons_page(client: TestClient, web_store: Engine) -> None:
    text = client.get("/r/VN-PE?lang=en").text
    linked = set(re.findall(r'href="/p/(p[0-9a-f]{13})\?lang=en">([^<]+)</a>', text))
    record = store.in_language(store.relation(web_store, "VN", "PE"), "en")
    named = {p for e in record["events"] for p in e["person_ids"]} | {p["id"] for p in record["persons"]}
    assert {person_id for person_id, _ in linked} == named
    for person_id, name in linked:
        page = client.get(f"/p/{person_id}?lang=en")
        assert page.status_code == 200
        assert f"<h1>{name}</h1>" in page.text


def test_a_person_page_lists_offices_and_every_contact_newest_first(client: TestClient, web_store: Engine) -> None:
    record = store.relation(web_store, "VN", "PE")
    visit = next(e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    (president,) = visit["person_ids"]
    person = store.person(web_store, president)
    assert person is not None and visit["id"] in {e["id"] for e in person["events"]}

    text = client.get(f"/p/{president}?lang=vi").text
    assert "<h1>Lương Cường</h1>" in text
    offices = text[text.index('id="offices"'):text.index('id="contacts"')]
    assert "Chủ tịch nước" in offices and "nguồn" in offices
    contacts = text[text.index('id="contacts"'):]
    rows = re.findall(r'<tr id="(e[0-9a-f]{13})">', contacts)
    assert sorted(rows) == sorted(e["id"] for e in person["events"])  # every contact, across relationships
    dates = {e["id"]: e["sort_date"] or "" for e in person["events"]}
    assert [dates[r] for r in rows if dates[r]] == sorted((dates[r] for r in rows if dates[r]), reverse=True)
    assert f'href="/r/VN-PE?lang=vi#{visit["id"]}">Chuyến thăm: Việt Nam → Peru</a>' in contacts


def test_an_unknown_person_is_a_404_page(client: TestClient) -> None:
    page = client.get("/p/p0000000000000?lang=en")
    assert page.status_code == 404 and "No person in the store has the id p0000000000000." in page.text


def test_the_articles_page_lists_them_newest_first_a_page_at_a_time(web_store: Engine, monkeypatch: pytest.MonkeyPatch,
                                                                   ) -> None:
    monkeypatch.setattr(articles_view, "ARTICLES_PER_PAGE", SMALL_PAGE)
    client = TestClient(create_app(web_store))  # its own cache: pages of this size are not another test's
    total, _ = store.articles(web_store, 1)
    assert SMALL_PAGE < total <= 2 * SMALL_PAGE  # so that there are two pages
    first = client.get("/articles?lang=en").text
    ids = re.findall(r'href="/articles/([0-9a-f]{16})\?lang=en"', first)
    _, expected = store.articles(web_store, SMALL_PAGE)
    assert ids == [a["id"] for a in expected]
    assert f"Articles 1–{SMALL_PAGE} of {total}" in first and 'href="/articles?page=2&amp;lang=en"' in first

    second = client.get("/articles?page=2&lang=en").text
    assert len(re.findall(r'href="/articles/[0-9a-f]{16}\?lang=en"', second)) == total - SMALL_PAGE
    assert 'rel="prev"' in second and 'rel="next"' not in second
    for unusable in ("abc", "0", "-1", "٣"):  # no page number: the first page
        listed = client.get(f"/articles?page={unusable}&lang=en").text
        assert re.findall(r'href="/articles/([0-9a-f]{16})\?lang=en"', listed) == ids, unusable
    assert "the list is shorter" in client.get("/articles?page=99&lang=en").text


def test_the_articles_page_names_each_articles_pair_and_outlet(client: TestClient, web_store: Engine) -> None:
    text = html.unescape(client.get("/articles?lang=en").text)
    _, listed = store.articles(web_store, articles_view.ARTICLES_PER_PAGE)
    argentina = next(a for a in listed if (a["source"] or "").startswith("https://ngaynay.vn/"))
    row = text[text.index(f'/articles/{argentina["id"]}'):].split("</tr>", 1)[0]
    assert '<a href="/r/AR-VN?lang=en">Argentina – Vietnam</a>' in row
    assert f'<a href="{argentina["source"]}" rel="noopener noreferrer nofollow">Ngày Nay</a>' in row


def test_no_page_shows_the_path_an_article_was_read_from(tmp_path: Path) -> None:
    body = ("---\nNgày 5/3/2025, Bộ trưởng Ngoại giao Peru thăm chính thức Việt Nam theo lời mời của Bộ trưởng "
            "Ngoại giao Việt Nam.\nHai bên nhất trí thúc đẩy hợp tác thương mại và đầu tư.\n")
    read = [read_text_document(text, doc_id=name, source=path) for text, name, path in (
        (body, "a", "/home/x/private/a.txt"),
        (body + "Hai bên cũng bàn về giáo dục.\n", "b", "C:\\Users\\x\\b.txt"),
    )]
    engine = build_store(tmp_path / "bilat.db", [(document, extract(document)) for document in read])
    client = TestClient(create_app(engine))
    _, listed = store.articles(engine, 10)
    pages = [client.get(url).text for url in
             ("/articles?lang=en", "/r/VN-PE?lang=en", *(f"/articles/{a['id']}?lang=en" for a in listed))]
    for page in pages:
        assert "/home/x" not in page and "private" not in page and "Users" not in page
    assert ">a.txt<" in pages[0] and ">b.txt<" in pages[0]
