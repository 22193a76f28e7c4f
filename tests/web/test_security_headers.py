"""Every answer carries the security headers: pages keep their policy and may not be framed, JSON is not sniffed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PATHS = ["/", "/r/VN-PE", "/api/relations", "/api/relations/VN-PE", "/api/articles/0000000000000000",
         "/api/facts/bad", "/r/VN-XX", "/static/bilat.css", "/docs", "/openapi.json"]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_a_page_keeps_its_own_policy(client: TestClient) -> None:
    policy = client.get("/r/VN-PE").headers["Content-Security-Policy"]

    assert policy.startswith("default-src 'self';") and "script-src" not in policy
    assert policy.count("frame-ancestors") == 1


def test_a_refused_write_has_them_too(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "x"})

    assert response.status_code == 401
    assert response.headers["X-Content-Type-Options"] == "nosniff"
