"""The exports over HTTP: media types, file names, the same text as the command, revalidation, clear refusals."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import export, store


def test_a_pairs_csv_table_is_a_csv_download(client: TestClient, engine: Engine) -> None:
    response = client.get("/api/relations/VN-PE/export?format=csv&section=events")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="bilat-VN-PE-events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == [e["id"] for e in store.relation(engine, "VN", "PE")["events"]]


def test_the_answer_is_what_the_export_writes(client: TestClient, engine: Engine) -> None:
    response = client.get("/api/relations/pe-vn/export?format=jsonl&lang=en")
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["content-disposition"] == 'attachment; filename="bilat-PE-VN.jsonl"'
    written = "".join(export.written(export.ExportFormat.jsonl, engine, export.pair_records(engine, "PE", "VN"), lang="en"))
    assert response.text == written
    assert all(json.loads(line)["sources"] for line in response.text.splitlines())


def test_the_whole_store_as_plover_events(client: TestClient, engine: Engine) -> None:
    response = client.get("/api/export?format=plover")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["content-disposition"] == 'attachment; filename="bilat-all.plover.jsonl"'
    events = [json.loads(line) for line in response.text.splitlines()]
    pairs = {frozenset(p["countries"]) for p in store.relations(engine)}
    assert len({frozenset((e["actor"], e["recipient"])) for e in events}) > 10
    assert {frozenset((e["actor"], e["recipient"])) for e in events if e["recipient"]} <= pairs
    assert len({e["id"] for e in events}) == len(events)


def test_an_unchanged_export_is_304_for_its_etag(client: TestClient) -> None:
    first = client.get("/api/export?format=jsonl&section=figures")
    tag = first.headers["etag"]
    again = client.get("/api/export?format=jsonl&section=figures", headers={"If-None-Match": tag})
    other = client.get("/api/export?format=jsonl&section=mechanisms", headers={"If-None-Match": tag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", tag)
    assert other.status_code == 200 and other.headers["etag"] != tag


@pytest.mark.parametrize(("url", "status", "detail"), [
    ("/api/relations/VN-XX/export", 404, "unknown country code 'XX'"),
    ("/api/relations/VN-VN/export?format=csv", 404, "no relationship of VN with itself"),
    ("/api/relations/VN-PE/export?format=plover&section=figures", 422, "PLOVER codes events only"),
])
def test_a_bad_request_is_refused_with_its_reason(client: TestClient, url: str, status: int, detail: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert detail in response.json()["detail"]


@pytest.mark.parametrize("query", ["format=xml", "format=csv&section=treaties", "lang=fr"])
def test_an_unknown_format_section_or_language_is_422(client: TestClient, query: str) -> None:
    for path in ("/api/relations/VN-PE/export", "/api/export"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][0] == "query"
