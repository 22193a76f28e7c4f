"""Briefings a journalist can cite: every source with outlet, title, date and URL, in Markdown, HTML and PDF, and no local path."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from stores import Article, build_store, text_article

from bilat import store
from bilat.extract import extract
from bilat.ingest import read_document
from bilat.report.briefing import Briefing, build_briefing, render_html, render_markdown, render_pdf

TODAY = date(2026, 1, 15)
URL = "https://vnexpress.net/viet-nam-peru-hoi-dam-thu-truong-4850000.html"
CITED = f"""source: {URL}
published: 2025-03-10
title: Việt Nam – Peru hội đàm cấp Thứ trưởng
---
Ngày 10/3/2025, tại Lima, Thứ trưởng Ngoại giao Đỗ Hùng Việt hội đàm với Thứ trưởng Ngoại giao Peru Ana Cecilia Gervasi.
"""
HOSTILE = """source: javascript:alert(1)
published: 2025-04-02
title: Điện đàm Việt Nam – Peru
---
Ngày 2/4/2025, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Bộ trưởng Ngoại giao Peru Elmer Schialer.
"""
"""A ``source:`` that is no web address: never made a link."""
LOCAL = "Ngày 5/6/2025, tại Hà Nội, Phó Thủ tướng Trần Hồng Hà tiếp Đại sứ Peru tại Việt Nam Luis Sebastian Raffo Cárdenas.\n"
"""An article with no header, read from a file: its path is no citation."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("local-articles")


@pytest.fixture(scope="module")
def record(folder: Path, seed_articles: list[Article]) -> dict[str, Any]:
    path = folder / "raffo.txt"
    path.write_text(LOCAL, encoding="utf-8")
    local = read_document(path)
    articles = [*seed_articles, text_article(CITED, "cited"), text_article(HOSTILE, "hostile"), (local, extract(local))]
    return store.relation(build_store(folder / "bilat.db", articles), "VN", "PE")


@pytest.fixture(scope="module", params=["vi", "en"])
def briefing(request: pytest.FixtureRequest, record: dict[str, Any]) -> Briefing:
    return build_briefing(record, request.param, today=TODAY)


def _cited_number(briefing: Briefing) -> int:
    """The first source from the article with a URL (each sentence of it cited is a source of its own)."""
    return next(s.number for s in briefing.sources if s.url == URL)


def test_markdown_cites_outlet_title_date_and_url(briefing: Briefing) -> None:
    markdown = render_markdown(briefing)
    number = _cited_number(briefing)
    published = {"vi": "10/3/2025", "en": "10 March 2025"}[briefing.lang]
    (line,) = [x for x in markdown.splitlines() if x.startswith(f"- [{number}] ")]
    assert line.startswith(f"- [{number}] VnExpress, “Việt Nam – Peru hội đàm cấp Thứ trưởng”, {published}: “")
    assert line.endswith(f" <{URL}>")  # an autolink: the URL as written, no escapes inside


def test_html_links_each_source_to_its_url_and_nothing_else(briefing: Briefing) -> None:
    html = render_html(briefing)
    number = _cited_number(briefing)
    item = html.split(f'<li id="source-{number}">', 1)[1].split("</li>", 1)[0]
    assert "VnExpress, “Việt Nam – Peru hội đàm cấp Thứ trưởng”" in item
    assert f'<a href="{URL}">{URL}</a>' in item
    links = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert set(links) - {URL} and all(link == URL or link.startswith("#source-") for link in links)
    assert "javascript:" not in html and " src=" not in html  # nothing to fetch, no script to follow


def test_pdf_cites_the_url_as_a_link(record: dict[str, Any]) -> None:
    briefing = build_briefing(record, "en", today=TODAY)
    reader = PdfReader(io.BytesIO(render_pdf(briefing)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "VnExpress" in text and "10 March 2025" in text
    uris = [annotation.get_object()["/A"]["/URI"] for page in reader.pages for annotation in page.get("/Annots", [])
            if "/URI" in annotation.get_object().get("/A", {})]
    assert uris and set(uris) == {URL}


def test_no_local_path_is_a_source(briefing: Briefing, folder: Path) -> None:
    local = [s for s in briefing.sources if "Raffo" in s.quote]
    assert local and all(s.url is None for s in local)
    for page in (render_markdown(briefing), render_html(briefing)):
        assert str(folder) not in page and "raffo.txt" not in page


def test_names_are_written_as_the_press_of_each_language_writes_them(record: dict[str, Any]) -> None:
    contacts = (next(x for x in build_briefing(record, lang, today=TODAY).sections if x.key == "contacts") for lang in ("vi", "en"))
    vi, en = (" ".join(s.text for s in section.sentences) for section in contacts)
    assert "Thứ trưởng Ngoại giao Đỗ Hùng Việt gặp Thứ trưởng Ngoại giao Peru Ana Cecilia Gervasi" in vi
    assert "Vietnamese Deputy Foreign Minister Do Hung Viet met Peruvian Deputy Foreign Minister Ana Cecilia Gervasi" in en
    assert "On 12–16 November 2024, Vietnamese President Luong Cuong visited Peru." in en
