"""Load: requests/s and latency of ``bilat serve`` per endpoint, for 1, 50 and 200 concurrent clients.

    python benchmarks/load.py [--articles 10000] [--db FILE] [--seconds 30] [--clients 1 50 200]
    python benchmarks/load.py --postgres [--articles 2000]

Builds a synthetic store of ``--articles`` distinct articles (as
``benchmarks/throughput.py`` writes them, from the shared corpus) with
``bilat ingest``, or reuses the one at ``--db`` if it holds a store (building
10 000 takes minutes: build once with ``--db FILE``, then reuse it). With
``--postgres`` the store is in a throwaway PostgreSQL cluster (``tests/pg.py``).
Then starts ``bilat serve`` on a free port of 127.0.0.1 (writable with a
token of its own) and, for each endpoint and each number of clients, runs
that many clients for ``--seconds``, each sending its next request as soon as
the last is answered (httpx's async client, keep-alive), and prints
requests/s, the median and 99th percentile latency, and the errors (any
status but 200, or no answer within ``TIMEOUT``). Last, 200 clients read a
relationship for ``--seconds`` while one client posts new articles one after
another: the writes' statuses and times, and the reads' figures meanwhile.

The clients run on the same machine as the server, and take CPU from it:
the figures are those of the pair, on a shared machine noisy from run to run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]  # throughput.py's corpus, tests/pg.py's cluster

from throughput import synthetic_corpus  # noqa: E402

from bilat.evaluate import find_shared  # noqa: E402

TIMEOUT = 60.0
"""Seconds a client waits for an answer before counting an error (HTTP clients commonly give up after 30 to 120 s)."""
TOKEN = "load-test-token"
PAIR = "PE-VN"
"""The pair the shared corpus says most about (its seed articles): the largest record."""


@dataclass
class Run:
    """The latencies of one endpoint under one number of clients."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def line(self, label: str, clients: int, seconds: float) -> str:
        done = sorted(self.latencies)
        p50, p99 = (f"{done[int(q * (len(done) - 1))] * 1000:9.1f}" if done else "        -" for q in (0.5, 0.99))
        errors = ", ".join(f"{n} {what}" for what, n in sorted(self.errors.items())) or "0"
        return f"  {label:<26} {clients:>7} {len(done) / seconds:9.1f} {p50} {p99}   {errors}"


async def load(client: httpx.AsyncClient, url: str, clients: int, seconds: float) -> Run:
    """``clients`` clients sending GET ``url`` back to back for ``seconds``."""
    run = Run()
    end = time.perf_counter() + seconds

    async def one() -> None:
        while time.perf_counter() < end:
            started = time.perf_counter()
            try:
                async with client.stream("GET", url) as response:  # the bytes as sent: no decoding on the client
                    async for _ in response.aiter_raw():
                        pass
                if response.status_code != 200:
                    run.error(str(response.status_code))
                    continue
            except httpx.HTTPError as exc:
                run.error(type(exc).__name__)
                continue
            run.latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(one() for _ in range(clients)))
    return run


async def write_meanwhile(base: str, article: Path, url: str, clients: int, seconds: float) -> tuple[Run, list[str]]:
    """``clients`` readers of ``url`` while one writer posts copies of ``article`` (each new text) back to back."""
    writes: list[str] = []
    text = article.read_text(encoding="utf-8")

    async def writer(client: httpx.AsyncClient, end: float) -> None:
        number = 0
        while time.perf_counter() < end:
            number += 1
            started = time.perf_counter()
            body = {"text": f"{text}\nBản tin số {number} lúc {time.time():.0f}.\n", "name": f"load-{number}"}
            try:
                response = await client.post(f"{base}/api/articles", json=body,
                                              headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
                writes.append(f"{response.status_code} in {time.perf_counter() - started:.1f} s")
            except httpx.HTTPError as exc:
                writes.append(f"{type(exc).__name__} after {time.perf_counter() - started:.1f} s")

    async with _client(clients + 1) as client:
        reads, _ = await asyncio.gather(load(client, url, clients, seconds),
                                        writer(client, time.perf_counter() + seconds))
    return reads, writes


def _client(connections: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(limits=limits, timeout=TIMEOUT, headers={"Accept-Encoding": "gzip"})


def endpoints(base: str) -> dict[str, str]:
    """The endpoints measured, with ids read from the store: its largest pair's record and first event."""
    record = httpx.get(f"{base}/api/relations/{PAIR}", timeout=600).json()
    fact = record["events"][0]["id"]
    return {
        "/api/relations": f"{base}/api/relations",
        f"/api/relations/{PAIR}": f"{base}/api/relations/{PAIR}",
        f"/r/{PAIR}": f"{base}/r/{PAIR}",
        "/api/articles?limit=50": f"{base}/api/articles?limit=50",
        "/api/facts/{id}": f"{base}/api/facts/{fact}",
    }


def build(url: str, articles: int, shared: Path) -> None:
    """A store of ``articles`` synthetic articles at ``url``, with ``bilat ingest``."""
    with tempfile.TemporaryDirectory(prefix="bilat-load-") as tmp:
        folder = Path(tmp) / "corpus"
        synthetic_corpus(shared, articles, folder)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "bilat", "ingest", str(folder), "--db", url],
                                capture_output=True, text=True, check=False)
        if result.returncode not in (0, 1):
            raise SystemExit(f"ingest failed:\n{result.stderr}")
        print(f"built {articles} articles in {time.perf_counter() - started:.0f} s: {result.stderr.strip().splitlines()[-1]}")


def store_status(url: str) -> str | None:
    """``bilat db status`` of the store at ``url`` (its revision and size), None if there is no store."""
    result = subprocess.run([sys.executable, "-m", "bilat", "db", "status", "--db", url],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else None


@contextmanager
def serving(url: str, workers: int | None) -> Iterator[str]:
    """``bilat serve`` over ``url`` on a free port of 127.0.0.1 until the block ends; its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "bilat", "serve", "--db", url, "--port", str(port), "--token", TOKEN]
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"bilat serve exited:\n{process.stderr.read() if process.stderr else ''}")
            try:
                httpx.get(f"{base}/openapi.json", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


async def measure(base: str, levels: list[int], seconds: float, article: Path) -> None:
    urls = endpoints(base)
    print(f"  {'endpoint':<26} {'clients':>7} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9}   errors")
    for label, url in urls.items():
        for clients in levels:
            async with _client(clients) as client:
                print((await load(client, url, clients, seconds)).line(label, clients, seconds), flush=True)
    clients = max(levels)
    reads, writes = await write_meanwhile(base, article, urls[f"/api/relations/{PAIR}"], clients, seconds)
    print(reads.line(f"/api/relations/{PAIR}", clients, seconds) + "   (while one client posts articles)")
    print(f"  posts: {', '.join(writes) or 'none answered'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000, help="size of the synthetic store to build")
    parser.add_argument("--db", default=None, help="a SQLite file: reused if it holds a store, else built there")
    parser.add_argument("--postgres", action="store_true", help="build the store in a throwaway PostgreSQL cluster")
    parser.add_argument("--seconds", type=float, default=30.0, help="per endpoint and number of clients")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 50, 200])
    parser.add_argument("--workers", type=int, default=None, help="bilat serve --workers (default: its own)")
    parser.add_argument("--shared", type=Path, default=None)
    args = parser.parse_args()
    shared = args.shared or find_shared()
    article = sorted((shared / "corpus" / "seeds").glob("*.txt"))[0]
    print(f"bilat load benchmark: {os.cpu_count()} cores, {args.seconds:g} s per run, clients on the same machine")
    with tempfile.TemporaryDirectory(prefix="bilat-load-db-") as tmp:
        if args.postgres:
            from pg import ThrowawayPostgres

            cluster = ThrowawayPostgres()
            url = cluster.start()
        else:
            cluster, url = None, str(Path(args.db or Path(tmp) / "bilat.db").resolve())
        try:
            if store_status(url) is None:
                build(url, args.articles, shared)
            print(f"store: {store_status(url)}")
            with serving(url, args.workers) as base:
                asyncio.run(measure(base, args.clients, args.seconds, article))
        finally:
            if cluster is not None:
                cluster.stop()


if __name__ == "__main__":
    main()
