"""Saved web pages: main text, title, date and URL through trafilatura; the same facts as the article's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import web_page

from bilat.errors import IngestError
from bilat.extract import extract
from bilat.ingest import html
from bilat.ingest import iter_paths, read_document

SECTIONS = ("persons", "events", "agreements", "mechanisms", "memberships", "figures")


@pytest.fixture(scope="module")
def seeds(shared_corpus: Path) -> list[Path]:
    return sorted((shared_corpus / "seeds").glob("*.txt"))


def test_a_page_gives_the_facts_of_its_article(tmp_path: Path, seeds: list[Path]) -> None:
    for path in seeds:
        document = read_document(path)
        page = tmp_path / f"{path.stem}.html"
        page.write_text(web_page(document), encoding="utf-8")
        from_page = read_document(page)
        expected, got = extract(document).to_dict(), extract(from_page).to_dict()
        for section in SECTIONS:
            assert len(got[section]) == len(expected[section]), (path.stem, section)
            for mine, theirs in zip(got[section], expected[section], strict=True):
                # The evidence indexes the stored page text, and quotes the same words (trafilatura turns NBSP into spaces).
                quoted = from_page.text[slice(*mine.pop("evidence"))]
                assert quoted.split() == document.text[slice(*theirs.pop("evidence"))].split()
                assert mine == theirs
        assert "Trang chủ" not in from_page.text and "Bản quyền" not in from_page.text and "trackVisit" not in from_page.text


def test_a_page_keeps_its_url_title_and_stated_date(tmp_path: Path, shared_corpus: Path) -> None:
    document = read_document(shared_corpus / "dev" / "h04.txt")
    page = tmp_path / "h04.htm"
    page.write_text(web_page(document, date="2025-10-25"), encoding="utf-8")
    from_page = read_document(page)
    assert (from_page.source, from_page.published) == (document.source, "2025-10-25")
    assert from_page.title and document.title and from_page.title.startswith(document.title)
    assert from_page.text.startswith(f"source: {document.source}\npublished: 2025-10-25\ntitle: ")


def test_a_page_without_a_stated_date_gets_none_guessed(tmp_path: Path, seeds: list[Path]) -> None:
    page = tmp_path / "a.html"
    page.write_text(web_page(read_document(seeds[0])), encoding="utf-8")
    assert read_document(page).published is None  # the date is inferred from the article, as for a .txt


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Trang chủ</title></head></html>",
        "<html><body><nav>Trang chủ | Thế giới</nav></body></html>",
        "<<<>>><html><body><p",
        "<html><body><script>alert(1)</script></body></html>",
    ],
    ids=["no-body", "only-a-menu", "broken", "only-a-script"],
)
def test_a_page_with_no_article_is_skipped_with_a_reason(tmp_path: Path, markup: str) -> None:
    page = tmp_path / "empty.html"
    page.write_text(markup, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_document(page)
    assert info.value.source == str(page)
    assert info.value.reason.startswith(("no article text", "cannot tell the language (too little text)"))


def test_folders_yield_pages_too(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.HTM", "d.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt", "b.html", "c.HTM"]


def test_a_page_with_a_paragraph_of_thousands_of_links_is_skipped_as_too_large(tmp_path: Path) -> None:
    links = "".join(f'<a href="/p{n}">Bài {n}</a> ' for n in range(200_000))
    page = tmp_path / "links.html"
    page.write_text(f"<html><body><article><h1>Việt Nam và Lào</h1><p>{links}</p></article></body></html>", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_document(page)
    assert (info.value.kind, info.value.reason) == (
        "too large", f"a paragraph of 200000 elements (limit {html.MAX_PARAGRAPH_ELEMENTS}): not an article page")
