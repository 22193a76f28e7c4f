"""The relationship page in a real browser: Debian's Chromium, driven by Playwright, against `bilat serve`.

The server and the browser are the fixtures of ``conftest.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from playwright import sync_api as playwright
from sqlalchemy import Engine

from bilat import store


def test_click_a_fact_shows_its_highlighted_evidence(server: str, browser, web_store: Engine, tmp_path: Path) -> None:
    record = store.relation(web_store, "VN", "PE")
    visit = next(e for e in record["events"] if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    source = visit["sources"][0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/r/VN-PE?lang=en")
    page.screenshot(path=tmp_path / "vn-pe.png", full_page=True)
    assert page.locator("h1").inner_text() == "The record of Vietnam and Peru"

    page.locator(f"tr[id='{visit['id']}'] details.source summary").first.click()
    page.locator(f"tr[id='{visit['id']}'] a.source").first.click()
    page.wait_for_url(f"**/articles/{source['article']}?**")
    evidence = page.locator("mark#evidence")
    playwright.expect(evidence).to_be_visible()
    playwright.expect(evidence).to_be_in_viewport()
    assert evidence.inner_text() == source["quote"]
    page.screenshot(path=tmp_path / "evidence.png")
    print(f"screenshots: {tmp_path / 'vn-pe.png'} {tmp_path / 'evidence.png'}")


def test_a_script_in_an_article_is_shown_not_run(server: str, browser, hostile_article: str, hostile_span: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/articles/{hostile_article}?span={hostile_span}&lang=vi")
    page.goto(f"{server}/r/PE-VN?lang=vi")
    page.goto(f"{server}/articles/{hostile_article}?span={hostile_span}&lang=vi")
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator("mark#evidence").inner_text()
    assert '<script>alert("title")</script>' in page.locator("h1").inner_text()


def test_the_export_link_downloads_the_record(server: str, browser, web_store: Engine) -> None:
    page = browser.new_page()
    page.goto(f"{server}/r/VN-PE?lang=en")
    with page.expect_download() as download:
        page.get_by_role("link", name="JSON Lines").click()
    assert download.value.suggested_filename == "bilat-VN-PE.jsonl"
    lines = [json.loads(line) for line in Path(download.value.path()).read_text(encoding="utf-8").splitlines()]
    record = store.relation(web_store, "VN", "PE")
    assert [x["id"] for x in lines if x["section"] == "events"] == [e["id"] for e in record["events"]]
