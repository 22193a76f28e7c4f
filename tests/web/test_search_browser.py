"""Searching in a real browser: Debian's Chromium, driven by Playwright, against `bilat serve`.

From the box in a record page's header to the results, and from a sentence
found to its highlighted evidence; the results page on a 390 px phone. The
server and the browser are the session's (``conftest.py``): one Playwright per process.
"""

from __future__ import annotations

from pathlib import Path

from playwright import sync_api as playwright

PHONE = {"width": 390, "height": 844}
"""A phone's viewport in CSS pixels (an iPhone 12 to 15)."""


def test_the_header_box_finds_a_name_typed_without_tone_marks(server: str, browser: playwright.Browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/r/VN-PE?lang=en")
    box = page.get_by_role("search").get_by_role("searchbox")
    box.fill("Luong Cuong")
    box.press("Enter")
    page.wait_for_url("**/search?q=Luong+Cuong&lang=en")
    first = page.locator("li.hit").first
    playwright.expect(first.locator("a.hit-title")).to_have_text("Lương Cường")
    assert first.locator("mark").all_inner_texts()[:2] == ["Lương", "Cường"]
    page.screenshot(path=tmp_path / "search-en.png", full_page=True)

    sentence = page.locator("li.hit.fact").first
    quoted = sentence.locator(".snippet").inner_text().strip("…")
    sentence.locator("a.evidence").click()
    page.wait_for_url("**/articles/*#evidence")
    evidence = page.locator("mark#evidence")
    playwright.expect(evidence).to_be_in_viewport()
    assert quoted[:40] in " ".join(evidence.inner_text().split())
    print(f"screenshot: {tmp_path / 'search-en.png'}")


def test_the_results_fit_a_phone(server: str, browser: playwright.Browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}/search?q=Ha+Noi&lang=vi")
    playwright.expect(page.locator("li.hit").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=tmp_path / "search-phone.png", full_page=True)
    print(f"screenshot: {tmp_path / 'search-phone.png'}")
