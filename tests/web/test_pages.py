"""The server-rendered pages: what the Vietnam–Peru page shows, links to evidence, languages, escaping."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from stores import bilingual_visit, build_store

from bilat import store
from bilat.web.app import create_app


def test_index_lists_relationships_with_links(client: TestClient) -> None:
    page = client.get("/?lang=en")
    assert page.status_code == 200
    assert 'href="/r/PE-VN?lang=en">Peru – Vietnam</a>' in page.text
    assert 'href="/r/MY-VN?lang=en">Malaysia – Vietnam</a>' in page.text


def test_relation_page_shows_every_section(client: TestClient) -> None:
    text = client.get("/r/VN-PE?lang=en").text
    for heading in ("Timeline", "Agreements", "Open items", "Fulfilled", "Mechanisms", "Shared memberships",
                    "Trade and investment", "People and their offices"):
        assert f">{heading}</h" in text
    assert "Visit: Vietnam → Peru" in text
    assert "Lương Cường" in text and "Dina Ercilia Boluarte Zegarra" in text
    assert "Visa exemption" in text and "signed" in text
    assert "FEALAC" in text
    assert "<svg" in text and "nearly 500 million USD" in text  # "gần 500 triệu USD": nearly, not about


def test_fulfilled_invitation_links_to_the_visit(client: TestClient, web_store: Engine) -> None:
    record = store.relation(web_store, "VN", "PE")
    invitation = next(e for e in record["events"] if e["type"] == "INVITE" and e["date"] == "2023-11-17")
    (visit_id,) = invitation["fulfilled_by"]
    text = client.get("/r/VN-PE?lang=en").text
    fulfilled = text[text.index(">Fulfilled</h3>"):text.index('id="mechanisms"')]
    assert f'href="#{invitation["id"]}">Invitation: Peru → Vietnam</a>' in fulfilled
    assert f'href="#{visit_id}">Visit: Vietnam → Peru</a>' in fulfilled
    assert f'<tr id="{visit_id}"' in text


def test_why_an_item_is_fulfilled_is_said_in_the_pages_language(client: TestClient) -> None:
    for lang, words in (("vi", "chuyến thăm đầu tiên như vậy sau đó"), ("en", "the first such visit after it")):
        text = client.get(f"/r/VN-PE?lang={lang}").text
        fulfilled = text[text.index('class="reason"'):text.index('id="mechanisms"')]
        assert words in fulfilled
        assert "invitation from" not in re.sub(r' title="[^"]*"', "", fulfilled)  # the English account is a tooltip only


def test_open_items_are_those_of_the_record(client: TestClient, web_store: Engine) -> None:
    record = store.relation(web_store, "VN", "PE")
    text = client.get("/r/VN-PE").text
    section = text[text.index('id="open"'):text.index(">Đã được thực hiện<")]
    assert sorted(re.findall(r'href="#(e[0-9a-f]{13})"', section)) == sorted(record["open"])


def test_every_source_link_opens_its_evidence(client: TestClient, web_store: Engine) -> None:
    text = client.get("/r/VN-PE").text
    links = set(re.findall(r'href="(/articles/[^"]+)"', text))
    assert len(links) > 20
    for link in links:
        url = urlsplit(html.unescape(link))
        start, end = map(int, parse_qs(url.query)["span"][0].split("-"))
        article = store.article(web_store, url.path.rsplit("/", 1)[1])
        page = client.get(html.unescape(link)).text
        mark = re.search(r'<mark id="evidence"[^>]*>(.*?)</mark>', page, re.DOTALL)
        assert mark, link
        assert html.unescape(mark[1]) == article["text"][start:end]


def test_interface_language(client: TestClient) -> None:
    vietnamese = client.get("/r/VN-PE").text  # Vietnamese sources: Vietnamese by default
    assert '<html lang="vi">' in vietnamese and ">Diễn biến</h2>" in vietnamese and "Chuyến thăm: Việt Nam → Peru" in vietnamese
    english = client.get("/r/VN-PE?lang=en").text
    assert '<html lang="en">' in english and ">Timeline</h2>" in english
    assert 'href="/r/VN-PE?lang=vi" hreflang="vi"' in english
    assert "12/11/2024 – 16/11/2024" in vietnamese and "12 November 2024 – 16 November 2024" in english


def test_names_are_those_of_the_interface_language(tmp_path: Path) -> None:
    client = TestClient(create_app(build_store(tmp_path / "bilat.db", bilingual_visit())))
    for lang, president, minister, mechanism in (
        ("vi", "Lương Cường", "Alberto van Klaveren Stork", "tham vấn chính trị cấp Thứ trưởng Ngoại giao"),
        ("en", "Luong Cuong", "Alberto van Klaveren", "political consultations at deputy foreign minister level"),
    ):
        text = client.get(f"/r/VN-CL?lang={lang}").text
        timeline = text[text.index('id="timeline"'):text.index('id="agreements"')]
        people = text[text.index('id="people"'):]
        assert f">{president}</a>" in timeline
        assert f">{president}</a><div" in people and f">{minister}</a><div" in people
        assert f">{mechanism}</td>" in text


def test_filters_by_date_and_type(client: TestClient) -> None:
    text = client.get("/r/VN-PE?lang=en&since=2024&type=VISIT").text
    timeline = text[text.index('id="timeline"'):text.index('id="agreements"')]
    rows = timeline.split("</form>")[1]
    assert rows.count('<tr id="e') == 2  # the 2024 state visit and the hostile article's 2025 one
    assert "Visit: Vietnam → Peru" in rows and "Visit: Peru → Vietnam" in rows
    assert "2023" not in rows and "Meeting" not in rows


def test_pair_in_lower_case_redirects_to_codes(client: TestClient) -> None:
    response = client.get("/r/vn-pe?lang=en", follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == "/r/VN-PE?lang=en"


def test_unknown_country_and_article_are_404_pages(client: TestClient) -> None:
    page = client.get("/r/XX-PE?lang=en")
    assert page.status_code == 404 and "no country &#39;XX&#39;" in page.text
    assert client.get("/articles/0000000000000000").status_code == 404


def test_a_span_outside_the_text_highlights_nothing(client: TestClient, hostile_article: str) -> None:
    for span in ("5-2", "0-99999999", "abc", "-3-4"):
        page = client.get(f"/articles/{hostile_article}", params={"span": span})
        assert page.status_code == 200 and "<mark" not in page.text


def test_markup_in_an_article_is_shown_as_text(client: TestClient, hostile_article: str, hostile_span: str) -> None:
    pages = [
        client.get(f"/articles/{hostile_article}?span={hostile_span}").text,
        client.get("/r/PE-VN?lang=en").text,
        client.get("/?lang=en").text,
    ]
    for page in pages:
        assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in pages[0]


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    for url in ("/", "/r/VN-PE", "/docs"):
        response = client.get(url)
        assets = re.findall(r'(?:src|href)="([^"#]+)"', response.text)
        assert assets and all(a.startswith("/") for a in assets), url
    page = client.get("/r/VN-PE")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/bilat.css", "/static/swagger-ui/swagger-ui-bundle.js"):
        assert client.get(asset).status_code == 200


def test_the_relation_page_links_to_each_export_in_its_language(client: TestClient) -> None:
    text = client.get("/r/VN-PE?lang=en").text
    block = text[text.index('<nav class="export"'):text.index('id="timeline"')]
    links = [html.unescape(href) for href in re.findall(r'href="([^"]+)"', block)]
    assert len(links) == 6 + 2  # a CSV table per section, JSON Lines, PLOVER
    for link in links:
        url = urlsplit(link)
        query = parse_qs(url.query)
        assert url.path == "/api/relations/VN-PE/export" and query["lang"] == ["en"]
        response = client.get(link)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv" if query["format"] == ["csv"] else "application/x-ndjson")
    assert ">Agreements</a>" in block and ">PLOVER</a>" in block
