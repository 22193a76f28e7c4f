"""Schemathesis against the real server (``bilat serve``): no 500s, responses as documented, bad input refused.

It reads ``/openapi.json``, generates requests from it (valid and not),
follows its links (a relation → its facts → their articles) and checks every
response: status documented, body matching its schema, 401 without the token,
405 with the right ``Allow``... Once with writing on (it posts articles), once read-only.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

TOKEN = "schemathesis-token"
BIN = Path(sys.executable).parent

# The schema cannot say "a Vietnamese article": well-formed text in another
# language is rightly 422 ("articles in 'en' are not read yet").
CONFIG = """\
[[operations]]
include-name = "POST /api/articles"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "422"]
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """A SQLite store of the seed and dev articles, written by ``bilat ingest``."""
    db = tmp_path_factory.mktemp("schemathesis") / "bilat.db"
    bilat(["ingest", "--db", str(db), str(corpus / "seeds"), str(corpus / "dev")])
    return db


@pytest.fixture(params=["writable", "read-only"])
def server(request: pytest.FixtureRequest, ingested: Path, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """The base URL of ``bilat serve`` on a free port, and the schemathesis options its mode needs."""
    db = tmp_path / "bilat.db"
    db.write_bytes(ingested.read_bytes())  # a copy: the writable run stores articles
    port = _free_port()
    writable = request.param == "writable"
    command = [str(BIN / "bilat"), "serve", "--db", str(db), "--port", str(port)]
    if writable:
        command += ["--token", TOKEN]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/openapi.json", process, log)
        yield url, ["--header", f"Authorization: Bearer {TOKEN}"] if writable else []
    finally:
        process.terminate()
        process.wait(timeout=10)


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
    assert "Tested: 6\n" in result.stdout  # every endpoint of /api


def bilat(arguments: list[str]) -> None:
    result = subprocess.run([str(BIN / "bilat"), *arguments], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"bilat serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"bilat serve did not answer {url} within 30 s:\n{log.read_text()}")
