"""``/openapi.json`` is valid OpenAPI 3 and documents every endpoint, status and code list; failures are JSON."""

from __future__ import annotations

from typing import Any, get_args

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from schemathesis.specs.openapi.definitions import OPENAPI_31
from sqlalchemy import create_engine

from bilat.api import schemas
from bilat.extract import facts
from bilat.resolve.model import LINK_RULES
from bilat.web.app import create_app

ENDPOINTS = {
    ("get", "/api/relations"), ("get", "/api/relations/{pair}"), ("get", "/api/facts/{fact_id}"),
    ("get", "/api/articles"), ("get", "/api/articles/{article_id}"), ("post", "/api/articles"),
    ("delete", "/api/articles/{article_id}"), ("get", "/api/relations/{pair}/export"), ("get", "/api/export"),
    ("get", "/api/search"), ("get", "/api/alerts"), ("get", "/api/facts/{fact_id}/sources"),
}


@pytest.fixture(scope="module")
def openapi(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def test_openapi_is_valid_openapi_3(openapi: dict[str, Any]) -> None:
    # The OpenAPI 3.1 meta-schema as schemathesis ships it: no network needed.
    jsonschema_rs.validator_for(OPENAPI_31).validate(openapi)
    assert openapi["openapi"].startswith("3.")


def test_openapi_lists_every_endpoint_with_docs(openapi: dict[str, Any]) -> None:
    operations = {
        (method, path): operation
        for path, item in openapi["paths"].items() if path.startswith("/api/")
        for method, operation in item.items()
    }

    assert set(operations) == ENDPOINTS
    for operation in operations.values():
        assert operation["summary"] and len(operation["description"]) > 40
        assert "503" in operation["responses"]
        if any(p["in"] in ("path", "query") for p in operation.get("parameters", [])):
            assert "422" in operation["responses"]
        if any(p["in"] == "path" for p in operation.get("parameters", [])):
            assert "404" in operation["responses"]


def test_only_writing_needs_the_bearer_token(openapi: dict[str, Any]) -> None:
    secured = {
        (method, path) for path, item in openapi["paths"].items() for method, operation in item.items()
        if operation.get("security")
    }

    assert secured == {("post", "/api/articles"), ("delete", "/api/articles/{article_id}")}
    scheme = openapi["components"]["securitySchemes"]["HTTPBearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert {"400", "401", "403", "422"} <= set(openapi["paths"]["/api/articles"]["post"]["responses"])
    assert {"204", "401", "403", "404"} <= set(openapi["paths"]["/api/articles/{article_id}"]["delete"]["responses"])


@pytest.mark.parametrize("spelled, defined", [
    (schemas.EventType, facts.EVENT_TYPES), (schemas.EventStatus, facts.EVENT_STATUSES),
    (schemas.Office, facts.OFFICES), (schemas.AgreementKind, facts.AGREEMENT_KINDS),
    (schemas.AgreementStatus, facts.AGREEMENT_STATUSES), (schemas.MechanismKind, facts.MECHANISM_KINDS),
    (schemas.Indicator, facts.INDICATORS), (schemas.LinkRule, LINK_RULES), (schemas.Framework, facts.FRAMEWORKS),
])
def test_code_lists_are_those_of_the_facts_contract(spelled: Any, defined: tuple[str, ...]) -> None:
    assert get_args(spelled) == defined


def test_database_failure_is_503_with_the_reason(tmp_path: Any) -> None:
    unreachable = create_engine(f"sqlite:///{tmp_path / 'missing' / 'bilat.db'}")

    with TestClient(create_app(unreachable)) as client:
        response = client.get("/api/relations/VN-PE")

    assert response.status_code == 503
    assert response.json()["detail"].startswith("database error: OperationalError: unable to open database file")
