"""``/api/relations``: the pairs, and the record of a pair exactly as ``bilat relation --format json`` gives it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import routing
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import Engine
from stores import bilingual_visit, build_store, eu_vietnam

from bilat import store
from bilat.api.relations import PAIR
from bilat.api.schemas import Relation
from bilat.web.app import create_app


def as_json(record: Any) -> Any:
    """What a record looks like after a trip through JSON, as a client reads it."""
    return json.loads(json.dumps(record))


def test_relations_lists_the_pairs_with_counts(client: TestClient, engine: Engine) -> None:
    page = client.get("/api/relations").json()

    pairs = store.relations(engine)
    assert page == {"total": len(pairs), "limit": 50, "offset": 0, "items": as_json(pairs)}
    assert page["total"] > 2
    vietnam_peru = next(p for p in page["items"] if p["countries"] == ["PE", "VN"])
    assert vietnam_peru["articles"] == 2
    assert vietnam_peru["events"] > 10 and vietnam_peru["agreements"] > 0 and vietnam_peru["figures"] > 0


def test_relations_pages(client: TestClient, engine: Engine) -> None:
    pairs = as_json(store.relations(engine))

    page = client.get("/api/relations", params={"limit": 2, "offset": 1}).json()
    beyond = client.get("/api/relations", params={"offset": len(pairs)}).json()

    assert (page["total"], page["limit"], page["offset"], page["items"]) == (len(pairs), 2, 1, pairs[1:3])
    assert beyond["items"] == [] and beyond["total"] == len(pairs)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "many"}])
def test_relations_rejects_bad_pages(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/api/relations", params=params)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", next(iter(params))]


def test_relation_is_the_store_record(client: TestClient, engine: Engine) -> None:
    response = client.get("/api/relations/VN-PE")

    assert response.status_code == 200
    assert response.json() == as_json(store.relation(engine, "VN", "PE"))
    assert [c["code"] for c in response.json()["countries"]] == ["VN", "PE"]


def test_every_unfiltered_record_is_served_as_read_and_as_its_schema_gives_it(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch,
) -> None:
    validated = TypeAdapter(Relation)
    serialized: list[Any] = []
    serialize = routing.serialize_response
    monkeypatch.setattr(routing, "serialize_response", lambda **kw: (serialized.append(kw), serialize(**kw))[1])
    pairs = [p["countries"] for p in store.relations(engine) if re.fullmatch(PAIR, "-".join(p["countries"]))]

    answers = {tuple(pair): client.get(f"/api/relations/{pair[0]}-{pair[1]}").json() for pair in pairs}

    assert pairs and serialized == []  # not validated again
    for (first, second), answer in answers.items():
        record = store.relation(engine, first, second)
        assert answer == as_json(validated.dump_python(validated.validate_python(record), mode="json")) == as_json(record)
    client.get(f"/api/relations/{pairs[0][0]}-{pairs[0][1]}", params={"lang": "en"})
    assert serialized  # a filtered or translated record is


def test_relation_takes_either_order_and_any_case(client: TestClient, engine: Engine) -> None:
    reversed_pair = client.get("/api/relations/PE-VN").json()
    lower_case = client.get("/api/relations/vn-pe").json()

    assert reversed_pair == as_json(store.relation(engine, "PE", "VN"))
    assert [c["code"] for c in reversed_pair["countries"]] == ["PE", "VN"]
    assert lower_case == client.get("/api/relations/VN-PE").json()


def test_relation_of_known_countries_without_facts_is_empty(client: TestClient) -> None:
    record = client.get("/api/relations/FR-IS").json()

    assert record["articles"] == 0
    assert record["events"] == record["agreements"] == record["open"] == []


def test_since_and_until_keep_the_events_dated_within(client: TestClient) -> None:
    record = client.get("/api/relations/VN-PE", params={"since": "2023-11", "until": "2023-11-30"}).json()

    assert record["events"]
    assert {e["date"] for e in record["events"]} == {"2023-11-17"}
    assert set(record["open"]) <= {e["id"] for e in record["events"]}


def test_since_a_year_keeps_intervals_that_reach_into_it(client: TestClient) -> None:
    record = client.get("/api/relations/VN-PE", params={"since": "2024"}).json()

    assert record["events"]
    assert all(e["date"] and e["date"].split("/")[-1] >= "2024" for e in record["events"])


def test_type_filter_is_repeatable_and_keeps_open_consistent(client: TestClient, engine: Engine) -> None:
    whole = store.relation(engine, "VN", "PE")

    record = client.get("/api/relations/VN-PE?type=PROPOSE&type=COMMIT").json()

    assert {e["type"] for e in record["events"]} == {"PROPOSE", "COMMIT"}
    assert len(record["events"]) == sum(e["type"] in ("PROPOSE", "COMMIT") for e in whole["events"])
    assert record["open"] == [i for i in whole["open"] if i in {e["id"] for e in record["events"]}]
    assert record["agreements"] == as_json(whole["agreements"])  # filters narrow the events only


@pytest.mark.parametrize("pair, unknown", [("VN-XX", "XX"), ("qq-pe", "qq")])
def test_unknown_country_code_is_404(client: TestClient, pair: str, unknown: str) -> None:
    response = client.get(f"/api/relations/{pair}")

    assert response.status_code == 404
    assert f"unknown country code {unknown!r}" in response.json()["detail"]


def test_a_union_that_signs_in_its_own_name_is_a_side_of_its_pairs(tmp_path: Path) -> None:
    """The EU is listed as one side of a pair (``data/parties.toml``), so the link to its record must answer."""
    with TestClient(create_app(build_store(tmp_path / "bilat.db", eu_vietnam()))) as client:
        (pair,) = client.get("/api/relations").json()["items"]
        response = client.get("/api/relations/eu-vn")

    assert pair["countries"] == ["EU", "VN"]
    assert response.status_code == 200
    assert [(a["kind"], a["parties"]) for a in response.json()["agreements"]] == [("INVESTMENT_PROTECTION", ["EU", "VN"])]


def test_a_country_with_itself_is_404(client: TestClient) -> None:
    response = client.get("/api/relations/VN-vn")

    assert response.status_code == 404
    assert "two different countries" in response.json()["detail"]


@pytest.mark.parametrize("path", [
    "/api/relations/VNM-PE", "/api/relations/VN_PE", "/api/relations/VN-PE-US", "/api/relations/VN-P3",
    "/api/relations/Vietnam-Peru",
    "/api/relations/VN-PE?since=2024-13", "/api/relations/VN-PE?since=24", "/api/relations/VN-PE?until=2024-1-5",
    "/api/relations/VN-PE?until=2024-11-32", "/api/relations/VN-PE?since=%D9%A2%D9%A0%D9%A2%D9%A4",  # Arabic digits
    "/api/relations/VN-PE?type=VISITS", "/api/relations/VN-PE?type=visit", "/api/relations/VN-PE?lang=fr",
])
def test_malformed_pair_or_filter_is_422(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)



def test_lang_names_persons_and_mechanisms_as_that_languages_articles_do(tmp_path: Path) -> None:
    engine = build_store(tmp_path / "bilat.db", bilingual_visit())
    with TestClient(create_app(engine)) as client:
        default, english = (client.get(f"/api/relations/VN-CL{query}").json() for query in ("", "?lang=en"))
        luong = next(p for p in english["persons"] if p["country"] == "VN")
        fact = client.get(f"/api/facts/{luong['id']}").json()

    assert default == as_json(store.relation(engine, "VN", "CL"))
    assert english == as_json(store.in_language(store.relation(engine, "VN", "CL"), "en"))
    assert (luong["name"], luong["aliases"]) == ("Luong Cuong", ["Lương Cường"])
    assert english["events"][0]["persons"] == ["Luong Cuong"]
    assert english["mechanisms"][0]["name"] == "political consultations at deputy foreign minister level"
    assert [p["name"] for p in default["persons"]] == ["Alberto van Klaveren Stork", "Lương Cường"]
    assert fact["name"] == "Lương Cường" and fact["names"] == {"en": "Luong Cuong", "vi": "Lương Cường"}
