"""The top of a relationship's page in Chromium: the record at a glance on a 390 px phone and on a laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api as playwright
from sqlalchemy import Engine

from bilat import store

PHONE = {"width": 390, "height": 844}
"""A current phone's viewport in CSS pixels (iPhone 12 to 15), as in test_layout.py."""


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["/r/VN-PE?lang=en", "/r/VN-PE?lang=vi", "/r/VN-IN?lang=en"])
def test_the_page_top_shows_the_glance_and_fits_a_phone(server: str, phone: Any, path: str, tmp_path: Path) -> None:
    phone.goto(server + path)
    glance = phone.locator("section#glance")
    playwright.expect(glance).to_be_in_viewport()
    playwright.expect(glance.locator("dt").first).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path}: {width} px wide"
    box = glance.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    timeline = phone.locator("section#timeline").bounding_box()
    assert box["y"] < timeline["y"]  # the summary first, then what happened
    phone.screenshot(path=tmp_path / "phone-glance.png")
    print(f"screenshot: {tmp_path / 'phone-glance.png'}")


def test_a_glance_line_leads_to_its_fact(server: str, browser: Any, web_store: Engine) -> None:
    record = store.relation(web_store, "VN", "PE")
    last = record["glance"]["last_contact"]["event"]
    (first_part, *_) = next(e for e in record["events"] if e["id"] == last)["parts"]  # the state visit's first meeting
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/r/VN-PE?lang=en")
    playwright.expect(page.locator("section#glance")).to_be_in_viewport()
    page.locator(f"section#glance .last_contact a[href='#{last}']").click()
    row = page.locator(f"tr[id='{last}']")
    playwright.expect(row).to_be_in_viewport()
    assert page.evaluate("location.hash") == f"#{last}"
    # The visit's meetings are shown under it, indented.
    text_start = "cell => cell.getBoundingClientRect().left + parseFloat(getComputedStyle(cell).paddingLeft)"
    visit_x = row.locator("td").nth(1).evaluate(text_start)
    part_x = page.locator(f"tr[id='{first_part}'] td").nth(1).evaluate(text_start)
    assert part_x > visit_x
    page.close()
