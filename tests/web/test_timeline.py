"""The relationship's timeline: newest first, and narrowed by person, type, status and dates in the page and the API."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import store


def timeline_rows(text: str) -> list[str]:
    timeline = text[text.index('id="timeline"'):text.index('id="agreements"')]
    return re.findall(r'<tr id="(e[0-9a-f]{13})"', timeline)


def events_by_id(engine: Engine) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in store.relation(engine, "VN", "PE")["events"]}


def timeline_entries(text: str) -> list[tuple[str, bool]]:
    """Each row of the part of a timeline given: its event's id, and whether it is a part of a trip shown above it."""
    return [(i, " part" in classes) for i, classes in re.findall(r'<tr id="(e[0-9a-f]{13})" class="([^"]*)"', text)]


def test_the_timeline_runs_newest_first_by_trip_with_undated_events_last(client: TestClient, web_store: Engine) -> None:
    events = events_by_id(web_store)
    text = client.get("/r/VN-PE?lang=en").text
    assert sorted(timeline_rows(text)) == sorted(events)  # each event once
    start, recalled, end = text.index('id="timeline"'), text.index('id="recalled"'), text.index('id="agreements"')
    for part, background in ((text[start:recalled], False), (text[recalled:end], True)):
        rows = timeline_entries(part)
        assert rows and all(bool(events[i]["background"]) is background for i, _ in rows)
        dates = [events[i]["sort_date"] for i, is_part in rows if not is_part]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)
        assert dates == dated + [None] * (len(dates) - len(dated))
        trip = None
        for i, is_part in rows:  # a part follows its visit, never stands alone
            trip = trip if is_part else i
            assert not is_part or events[i]["trip_id"] == trip
    assert events[timeline_entries(text[start:recalled])[0][0]]["sort_date"] >= "2025"  # the hostile article's 2025 visit


def test_the_page_filters_by_person_and_status(client: TestClient, web_store: Engine) -> None:
    events = events_by_id(web_store)
    visit = next(e for e in events.values() if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    (president,) = visit["person_ids"]
    text = client.get(f"/r/VN-PE?lang=en&person={president}").text
    rows = timeline_rows(text)
    assert rows and all(president in events[r]["person_ids"] for r in rows)
    assert sorted(rows) == sorted(i for i, e in events.items() if president in e["person_ids"])
    assert f'<option value="{president}" selected>' in text
    assert f"{len(rows)} of {len(events)} events match the filters." in text

    planned = timeline_rows(client.get("/r/VN-PE?lang=en&status=planned").text)
    assert planned and sorted(planned) == sorted(i for i, e in events.items() if e["status"] == "planned")
    both = timeline_rows(client.get(f"/r/VN-PE?lang=en&status=planned&person={president}").text)
    assert set(both) == set(planned) & set(rows)


def test_filters_the_page_cannot_use_are_ignored(client: TestClient, web_store: Engine) -> None:
    everything = timeline_rows(client.get("/r/VN-PE?lang=en").text)
    for query in ("person=p0000000000000", "status=imagined", "since=soon", "type=PARTY"):
        page = client.get(f"/r/VN-PE?lang=en&{query}")
        assert page.status_code == 200 and timeline_rows(page.text) == everything, query


def test_the_filter_form_works_without_script(client: TestClient) -> None:
    text = client.get("/r/VN-PE?lang=en").text
    start = text.index('<form class="filters"')
    form = text[start:text.index("</form>", start)]
    assert 'method="get"' in form
    assert {"lang", "person", "type", "status", "since", "until"} <= set(re.findall(r'name="(\w+)"', form))
    assert "<script" not in text


def test_the_api_filters_by_person_and_status(client: TestClient, web_store: Engine) -> None:
    events = events_by_id(web_store)
    visit = next(e for e in events.values() if e["type"] == "VISIT" and e["date"] == "2024-11-12/2024-11-16")
    (president,) = visit["person_ids"]
    answer = client.get("/api/relations/VN-PE", params={"person": president, "status": "happened"})
    assert answer.status_code == 200
    kept = answer.json()["events"]
    assert kept and {e["id"] for e in kept} == {
        i for i, e in events.items() if president in e["person_ids"] and e["status"] == "happened"}
    assert client.get("/api/relations/VN-PE", params={"status": "imagined"}).status_code == 422
    assert client.get("/api/relations/VN-PE", params={"person": "Lương Cường"}).status_code == 422


def test_the_api_documents_the_filters(client: TestClient) -> None:
    parameters = client.get("/openapi.json").json()["paths"]["/api/relations/{pair}"]["get"]["parameters"]
    by_name = {p["name"]: p for p in parameters}
    status = by_name["status"]["schema"]["anyOf"][0]
    assert status["type"] == "array" and status["items"]["enum"] == ["happened", "planned", "reported"]
    assert by_name["person"]["schema"]["anyOf"][0]["items"]["pattern"] == "^p[0-9a-f]{13}$"
