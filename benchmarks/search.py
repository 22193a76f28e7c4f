"""Search: how long a query takes, what the index costs in space, and how long indexing a stored store takes.

    python benchmarks/search.py [--articles 2000] [--db FILE] [--postgres]

Builds a store of ``--articles`` distinct articles (``throughput.synthetic_corpus``,
from the shared corpus) with ``bilat ingest``, or reuses the one at ``--db``
if it holds a store; with ``--postgres`` the store is in a throwaway
PostgreSQL cluster (``tests/pg.py``). Then prints, for each query of
``QUERIES``, the median and slowest of ``REPEATS`` runs of ``store.search``
(20 hits, as the page and the API give) and how many hits there are; the
space the index takes beside the articles' own tables; and the time to index
the whole store again, as migration search_index does for a store made before search
(in a transaction rolled back: the store is left as it was).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE), str(HERE.parent / "tests")]  # this checkout; throughput.py; tests/pg.py

from throughput import synthetic_corpus  # noqa: E402

from bilat import store  # noqa: E402
from bilat.evaluate import find_shared  # noqa: E402
from bilat.store.search_index import reindex  # noqa: E402

QUERIES = ("Luong Cuong", "Ha Noi", "Peru", "hợp tác kinh tế thương mại", "Da Nang", "Việt Nam")
"""A name typed without tone marks, a place, a country, a phrase, a folded pair of common words, the commonest words."""

REPEATS = 20
"""Runs of each query: enough for a median on a shared, noisy machine."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", type=Path, help="a SQLite file: reused if it holds a store, else built there")
    parser.add_argument("--postgres", action="store_true", help="build the store in a throwaway PostgreSQL cluster")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bilat-search-") as scratch:
        server = None
        if args.postgres:
            from pg import ThrowawayPostgres

            server = ThrowawayPostgres()
            url = server.start()
        else:
            url = f"sqlite:///{args.db or Path(scratch) / 'bilat.db'}"
        try:
            if not (args.db and args.db.exists()):
                _ingest(url, synthetic_corpus(find_shared(), args.articles, Path(scratch) / "corpus"))
            engine = store.connect(url)
            print(f"{engine.dialect.name}, {store.articles(engine, 1)[0]} articles")
            for query in QUERIES:
                times = []
                for _ in range(REPEATS):
                    started = time.perf_counter()
                    found = store.search(engine, query)
                    times.append(time.perf_counter() - started)
                print(f"  {query!r:32} {sum(found['counts'].values()):6} hits  median {statistics.median(times) * 1000:6.1f} ms"
                      f"  slowest {max(times) * 1000:6.1f} ms")
            _space(engine)
            with engine.connect() as connection, connection.begin() as transaction:
                started = time.perf_counter()
                reindex(connection)
                print(f"  indexing the whole store again: {time.perf_counter() - started:.1f} s")
                transaction.rollback()
        finally:
            if server is not None:
                server.stop()
    return 0


def _ingest(url: str, paths: list[Path]) -> None:
    folder = paths[0].parent
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bilat", "ingest", "--db", url, str(folder)], check=True,
                   env={"PYTHONPATH": str(HERE.parent / "src"), "PATH": "/usr/bin:/bin"}, capture_output=True)
    print(f"ingested {len(paths)} articles in {time.perf_counter() - started:.0f} s")


def _space(engine) -> None:  # type: ignore[no-untyped-def]
    """Bytes of the index (its entries, and the FTS5 tables or the tsvector's GIN) beside the articles and their facts."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sizes = dict(connection.exec_driver_sql("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").all())
            index = sum(size for name, size in sizes.items() if name.startswith("search_") or "search_entry" in name)
        else:
            sizes = {name: connection.exec_driver_sql(f"SELECT pg_total_relation_size('{name}')").scalar()
                     for name in ("article", "fact")}
            index = connection.exec_driver_sql("SELECT pg_total_relation_size('search_entry')").scalar()
    print(f"  index {index / 1e6:.1f} MB; articles {sizes['article'] / 1e6:.1f} MB, facts {sizes['fact'] / 1e6:.1f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
