"""Serving many readers: answers kept until the store changes (ETag, 304), writes refused from their headers,
bodies capped, and a time limit on every request."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bilat import export, store
from bilat.api import exports
from bilat.api.schemas import NewArticle
from bilat.web.app import create_app
from bilat.web.limits import HANDLER_THREADS, MAX_BODY

EXAMPLE: dict[str, Any] = NewArticle.model_config["json_schema_extra"]["examples"][0]  # type: ignore[index]
"""The example of ``/docs``: a meeting of the presidents of Vietnam and Peru, not in the seed articles."""


def test_an_answer_has_a_validator_and_an_unchanged_one_is_304(client: TestClient) -> None:
    first = client.get("/api/relations/VN-PE")

    again = client.get("/api/relations/VN-PE", headers={"If-None-Match": first.headers["ETag"]})
    other = client.get("/api/relations/VN-PE", headers={"If-None-Match": 'W/"something-else"'})

    assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
    assert first.headers["ETag"].startswith('W/"')
    assert (again.status_code, again.content) == (304, b"")
    assert again.headers["ETag"] == first.headers["ETag"]
    assert other.status_code == 200 and other.json() == first.json()


def test_a_large_answer_is_sent_gzipped_to_who_accepts_it(client: TestClient) -> None:
    plain = client.get("/api/relations/VN-PE", headers={"Accept-Encoding": "identity"})
    gzipped = client.get("/api/relations/VN-PE", headers={"Accept-Encoding": "gzip"})

    assert "Content-Encoding" not in plain.headers
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert int(gzipped.headers["Content-Length"]) < len(plain.content) / 3
    assert gzipped.json() == plain.json()


def test_a_read_is_computed_once_until_a_write(
    writer: TestClient, auth: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = []
    relations = store.relations
    monkeypatch.setattr(store, "relations", lambda engine: computed.append(1) or relations(engine))

    before = [writer.get("/api/relations").json() for _ in range(3)]
    posted = writer.post("/api/articles", json=EXAMPLE, headers=auth)
    after = writer.get("/api/relations").json()

    assert posted.status_code == 201
    assert len(computed) == 2  # three reads, one computation; the write made the next read compute again
    assert before[0] == before[2] != after


def test_a_write_is_read_back_at_once(writer: TestClient, auth: dict[str, bytes]) -> None:
    listed = writer.get("/api/articles").json()
    tag = writer.get("/api/relations/VN-PE").headers["ETag"]

    article_id = writer.post("/api/articles", json=EXAMPLE, headers=auth).json()["id"]

    relisted = writer.get("/api/articles").json()
    assert relisted["total"] == listed["total"] + 1
    assert article_id in {a["id"] for a in relisted["items"]}
    assert writer.get(f"/api/articles/{article_id}").status_code == 200
    revalidated = writer.get("/api/relations/VN-PE", headers={"If-None-Match": tag})
    assert revalidated.status_code == 200 and revalidated.json()["articles"] == 3


def test_the_article_list_pages_newest_first(client: TestClient, engine: Engine) -> None:
    everything = store.articles(engine, limit=500)[1]

    pages = [client.get("/api/articles", params={"limit": 10, "offset": offset}).json()["items"] for offset in (0, 10)]

    assert pages[0] + pages[1] == everything[:20]
    dates = [a["published"] or "" for a in pages[0] + pages[1]]
    assert dates == sorted(dates, reverse=True)


# Refusing writes from their headers.


def _call(app: Any, method: str, path: str, headers: dict[str, str]) -> tuple[int, bool]:
    """The status the app answers a request with, and whether it read the request's body."""
    read = False
    answered: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read = True
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answered.append(message["status"])

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    # In a thread of its own: Playwright's sync API, when a browser test ran first, holds this thread's loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    return answered[0], read


@pytest.mark.parametrize("token, headers, status", [
    ("the-token", {}, 401),
    ("the-token", {"Authorization": "Bearer wrong"}, 401),
    (None, {"Authorization": "Bearer anything"}, 403),
])
def test_a_write_without_the_token_is_refused_before_its_body_is_read(
    engine: Engine, token: str | None, headers: dict[str, str], status: int
) -> None:
    headers = {**headers, "Content-Type": "application/json", "Content-Length": str(MAX_BODY)}

    assert _call(create_app(engine, token), "POST", "/api/articles", headers) == (status, False)


def test_a_body_declared_too_large_is_413_before_it_is_read(engine: Engine) -> None:
    headers = {"Authorization": "Bearer the-token", "Content-Type": "application/json",
               "Content-Length": str(MAX_BODY + 1)}

    assert _call(create_app(engine, "the-token"), "POST", "/api/articles", headers) == (413, False)


def test_a_chunked_body_past_the_limit_is_413(writer: TestClient, auth: dict[str, bytes]) -> None:
    chunk = b" " * 2**20

    def chunks():  # no Content-Length: sent chunked
        yield b'{"text": "'
        for _ in range(MAX_BODY // len(chunk) + 1):
            yield chunk
        yield b'"}'

    response = writer.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "application/json"})

    assert response.status_code == 413
    assert str(MAX_BODY) in response.json()["detail"]
    assert writer.get("/api/articles").json()["total"] == 2


def test_another_method_on_a_read_path_is_still_405(client: TestClient) -> None:
    assert client.post("/api/relations", content=b"{}").status_code == 405


# The time limit.


def test_a_read_past_the_time_limit_is_503(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(engine: Engine) -> list[Any]:
        time.sleep(2)
        return []

    monkeypatch.setattr(store, "relations", slow)
    with TestClient(create_app(engine, read_time_limit=0.2)) as client:
        response = client.get("/api/relations")
        fast = client.get("/api/articles?limit=1")

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert "no answer within 0.2 s" in response.json()["detail"]
    assert fast.status_code == 200


def test_a_download_begun_within_the_limit_runs_to_its_end(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export streams: its first line comes at once, its last after the read limit, and nothing is cut."""
    pairs = [p["countries"] for p in store.relations(engine)[:2]]

    def slow_records(engine: Engine) -> Any:
        for number, pair in enumerate(pairs):
            if number:
                time.sleep(1)
            yield store.relation(engine, *pair)

    monkeypatch.setattr(export, "store_records", slow_records)
    monkeypatch.setattr(exports, "CHUNK_BYTES", 1)  # each line sent as it is written
    with TestClient(create_app(engine, read_time_limit=0.2)) as client:
        response = client.get("/api/export?format=plover")

    assert response.status_code == 200
    expected = {e["id"] for pair in pairs for e in store.relation(engine, *pair)["events"]}
    assert {json.loads(line)["id"] for line in response.text.splitlines()} == expected


def test_openapi_documents_304_for_reads_and_413_for_the_write(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    reads = [operation for item in paths.values() for method, operation in item.items() if method == "get"]
    assert reads and all("304" in operation["responses"] for operation in reads)
    assert "413" in paths["/api/articles"]["post"]["responses"]


def test_handlers_run_on_a_few_threads(engine: Engine) -> None:
    with TestClient(create_app(engine)) as client:
        tokens = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)

    assert tokens == HANDLER_THREADS < 40


def test_a_record_is_read_once_for_all_its_filters_and_languages(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = []
    relation = store.relation
    monkeypatch.setattr(store, "relation", lambda engine, a, b: reads.append((a, b)) or relation(engine, a, b))

    with TestClient(create_app(engine)) as client:
        whole = client.get("/api/relations/VN-PE").json()
        visits = client.get("/api/relations/VN-PE", params={"type": "VISIT", "lang": "en"}).json()
        page = client.get("/r/VN-PE", params={"since": "2024"})

    assert reads == [("VN", "PE")]
    assert visits["events"] == [e for e in store.in_language(whole, "en")["events"] if e["type"] == "VISIT"]
    assert page.status_code == 200
