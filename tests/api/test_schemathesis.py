"""Schemathesis against the real server (``bilat serve``): no 500s, responses as documented, bad input refused.

It reads ``/openapi.json``, generates requests from it (valid and not),
follows its links (a relation → its facts → their articles) and checks every
response: status documented, body matching its schema, 401 without the token,
405 with the right ``Allow``... Once with writing on (it posts articles), once read-only.
"""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import BIN, serving

TOKEN = "schemathesis-token"

# The schema cannot say "an article in a language bilat reads": well-formed text
# in another language is rightly 422 ("articles in 'fr' are not read yet"); nor
# "PLOVER codes events only": a PLOVER export of another section is rightly 422.
CONFIG = """\
[[operations]]
include-name = "POST /api/articles"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "422"]

[[operations]]
include-path-regex = "/export$"
checks.positive_data_acceptance.expected-statuses = ["2xx", "404", "422"]

# Nor "a query with a word in it": a query of punctuation only is rightly 422 ("nothing to search for").
[[operations]]
include-name = "GET /api/search"
checks.positive_data_acceptance.expected-statuses = ["2xx", "422"]

# Nor "a pair of countries bilat knows": a well-formed code of no country is rightly 422.
[[operations]]
include-name = "GET /api/alerts"
checks.positive_data_acceptance.expected-statuses = ["2xx", "422"]
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    """A SQLite store of the seed and dev articles, written by ``bilat ingest``."""
    db = tmp_path_factory.mktemp("schemathesis") / "bilat.db"
    bilat(["ingest", "--db", str(db), str(shared_corpus / "seeds"), str(shared_corpus / "dev")])
    return db


@pytest.fixture(params=["writable", "read-only"])
def server(request: pytest.FixtureRequest, ingested: Path, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """The base URL of ``bilat serve`` on a free port, and the schemathesis options its mode needs."""
    db = tmp_path / "bilat.db"
    db.write_bytes(ingested.read_bytes())  # a copy: the writable run stores articles
    writable = request.param == "writable"
    with serving(str(db), tmp_path / "serve.log", token=TOKEN if writable else None) as url:
        yield url, ["--header", f"Authorization: Bearer {TOKEN}"] if writable else []


def test_schemathesis_finds_no_problem(server: tuple[str, list[str]], tmp_path: Path) -> None:
    url, options = server
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)

    result = subprocess.run(
        [
            str(BIN / "schemathesis"), "--config-file", str(config), "--no-color", "run", f"{url}/openapi.json",
            "--checks", "all", "--max-examples", "50", "--seed", "1", "--include-path-regex", "^/api/", *options,
        ],
        cwd=tmp_path,  # its crash cache (.schemathesis/) goes there, not in the checkout
        check=False, capture_output=True, text=True, timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Tested: {_api_operations(url)}\n" in result.stdout  # every endpoint of /api


def _api_operations(url: str) -> int:
    """How many operations the server's OpenAPI document lists under /api/."""
    with urllib.request.urlopen(f"{url}/openapi.json", timeout=30) as answer:  # the test's own server on 127.0.0.1
        paths = json.load(answer)["paths"]
    return sum(len(methods) for path, methods in paths.items() if path.startswith("/api/"))


def bilat(arguments: list[str]) -> None:
    result = subprocess.run([str(BIN / "bilat"), *arguments], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr

