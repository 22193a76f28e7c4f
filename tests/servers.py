"""`bilat serve` in a subprocess on a free port, for the tests that talk to a real server (browser, Schemathesis)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@contextmanager
def serving(db: str, log: Path, token: str | None = None, options: tuple[str, ...] = ()) -> Iterator[str]:
    """Run `bilat serve --db DB [OPTIONS]` until the block ends; yields its base URL once it answers."""
    port = _free_port()
    command = [str(BIN / "bilat"), "serve", "--db", db, "--port", str(port), *options]
    if token:
        command += ["--token", token]
    with log.open("wb") as output:
        # BILAT_TOKEN from the caller's environment must not make a read-only server writable.
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=_without_token())
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/openapi.json", process, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"bilat serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"bilat serve did not answer {url} within 30 s:\n{log.read_text()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _without_token() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "BILAT_TOKEN"}
