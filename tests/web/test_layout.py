"""The pages as people use them, in Chromium: on a 390 px phone, by keyboard and touch, and printed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api as playwright
from sqlalchemy import Engine

from bilat import store

PHONE = {"width": 390, "height": 844}
"""A current phone's viewport in CSS pixels (iPhone 12 to 15)."""


@pytest.fixture(scope="module")
def visit(web_store: Engine) -> dict[str, Any]:
    """The 2024 state visit to Peru, with its president."""
    record = store.relation(web_store, "VN", "PE")
    return next(e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def pages_to_check(visit: dict[str, Any], hostile_article: str) -> list[str]:
    return ["/r/VN-PE?lang=vi", "/r/VN-PE?lang=en", f"/p/{visit['person_ids'][0]}?lang=vi", "/articles?lang=vi",
            "/?lang=en", f"/articles/{hostile_article}?lang=vi"]


def test_no_page_scrolls_sideways_on_a_phone(server: str, phone: Any, visit: dict[str, Any], hostile_article: str,
                                             tmp_path: Path) -> None:
    for path in pages_to_check(visit, hostile_article):
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path}: {width} px wide"
    phone.goto(f"{server}/r/VN-PE?lang=en")
    phone.screenshot(path=tmp_path / "phone.png")
    print(f"screenshot: {tmp_path / 'phone.png'}")


def test_a_tap_shows_the_evidence_quote(server: str, phone: Any, visit: dict[str, Any]) -> None:
    phone.goto(f"{server}/r/VN-PE?lang=vi")
    row = phone.locator(f"tr[id='{visit['id']}']")
    quote = row.locator("details.source q").first
    playwright.expect(quote).to_be_hidden()
    row.locator("details.source summary").first.tap()
    playwright.expect(quote).to_be_visible()
    assert quote.inner_text() == visit["sources"][0]["quote"]


def test_the_keyboard_shows_the_evidence_quote(server: str, browser: Any, visit: dict[str, Any]) -> None:
    page = browser.new_page()
    page.goto(f"{server}/r/VN-PE?lang=en")
    summary = page.locator(f"tr[id='{visit['id']}'] details.source summary").first
    quote = page.locator(f"tr[id='{visit['id']}'] details.source q").first
    page.locator("form.filters button").focus()
    for _ in range(200):  # Tab through the page until the source is reached, as a keyboard user does
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the source")
    page.keyboard.press("Enter")
    playwright.expect(quote).to_be_visible()
    page.close()


def test_print_shows_the_record_without_controls(server: str, browser: Any, visit: dict[str, Any]) -> None:
    page = browser.new_page()
    page.goto(f"{server}/r/VN-PE?lang=en")
    page.emulate_media(media="print")
    for controls in ("header.top", "form.filters", "nav.sections"):
        playwright.expect(page.locator(controls)).to_be_hidden()
    playwright.expect(page.locator("h1")).to_be_visible()
    # Each source names its outlet and date on paper, where "source 1" cannot be opened.
    printed = page.locator(f"tr[id='{visit['id']}'] details.source summary .print-only").first
    playwright.expect(printed).to_be_visible()
    assert "2024" in printed.inner_text()
    page.close()


def test_print_spells_out_where_outside_links_go(server: str, browser: Any, web_store: Engine) -> None:
    _, listed = store.articles(web_store, 100)
    article = next(a for a in listed if (a["source"] or "").startswith("https://"))
    page = browser.new_page()
    page.goto(f"{server}/articles/{article['id']}?lang=en")
    page.emulate_media(media="print")
    link = page.locator(f"dl.meta a[href='{article['source']}']")
    after = link.evaluate("element => getComputedStyle(element, '::after').content")
    assert article["source"] in after
    page.close()
