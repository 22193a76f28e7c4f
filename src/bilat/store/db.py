"""Where the store lives and how its schema is brought up to date.

The database is named by a SQLAlchemy URL: ``--db URL``, else ``$BILAT_DB``,
else a SQLite file in the user's data directory (nothing to install or start).
A plain file path is read as a SQLite file. PostgreSQL is
``postgresql+psycopg://user:password@host/dbname`` (``postgresql://`` means the same).
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bilat.errors import StoreError

DB_ENV = "BILAT_DB"
_MIGRATIONS = Path(__file__).with_name("migrations")


def default_url() -> str:
    """A SQLite file in the user's data directory (``~/.local/share/bilat/bilat.db`` on Linux)."""
    return f"sqlite:///{platformdirs.user_data_path('bilat') / 'bilat.db'}"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else ``$BILAT_DB``, else the default SQLite file."""
    url = url or os.environ.get(DB_ENV) or default_url()
    if "://" not in url:  # a file path
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, _, rest = url.partition("://")
    if scheme in ("postgres", "postgresql"):  # the driver bilat installs, not SQLAlchemy's default psycopg2
        url = f"postgresql+psycopg://{rest}"
    return url


def connect(url: str | None = None, create: bool = False) -> Engine:
    """An engine for the store; a SQLite file gets foreign keys on, and its folder created with ``create``.

    Without ``create`` a missing SQLite file is an error, so that a mistyped
    path does not leave an empty database behind.
    """
    url = database_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            elif not path.exists():
                raise StoreError(f"no bilat store at {path}: run `bilat ingest PATH...` first")
        engine = create_engine(parsed, connect_args={"timeout": _BUSY_SECONDS}, json_serializer=_json_text)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True, json_serializer=_json_text)
    except ModuleNotFoundError as exc:  # the driver of that URL is not installed
        raise StoreError(f"no driver for {parsed.drivername}: {exc.name} is not installed "
                         "(for PostgreSQL: pip install 'bilat[postgres]')") from exc


_json_text = partial(json.dumps, ensure_ascii=False)
"""JSON columns as UTF-8 text, not SQLAlchemy's default ``\\uXXXX`` escapes: "Lương Cường" reads as itself in the
sqlite3 shell and Datasette, and ``LIKE '%Lương Cường%'`` finds it (migration utf8_json rewrote older rows)."""

_BUSY_SECONDS = 30
"""How long a SQLite writer waits for another's transaction (an ingest's 100 articles, a rebuild) before failing."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers (bilat relation, the API) read while an ingest writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks (creates the schema on an empty one).

    One process at a time: two ingests started together on a new store would
    otherwise both create its tables, and one fail. A SQLite file is locked
    with a lock file beside it (``flock``: waits however long the migration
    takes, and is released even if its process dies), PostgreSQL with an
    advisory lock held until the migration commits. The second process then
    finds the schema current and changes nothing.

    On SQLite, foreign keys are off meanwhile, as its manual asks for schema
    changes: a migration that rebuilds a table drops the old one, and the drop
    would otherwise cascade to every row that refers to it (an article's facts).
    """
    config = _alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with _lock_file(engine), engine.connect() as connection:
        if sqlite:  # outside a transaction, where SQLite ignores this pragma
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                _begin_locked(connection)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise StoreError("the migration left rows that refer to missing ones; nothing was changed")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


_MIGRATION_LOCK = 0x62696C6174 + 1
"""The advisory lock of migrations on PostgreSQL: next to the rebuild's ("bilat"), so that the two never wait on each other."""


@contextmanager
def _lock_file(engine: Engine) -> Iterator[None]:
    """An exclusive lock on ``FILE.lock`` beside a SQLite file, held by one process at a time; nothing elsewhere.

    Not the database file itself: SQLite locks it with POSIX locks, which
    ``flock`` becomes on some network file systems.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.lock", "a") as lock:  # "a": create it if missing, never truncate
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _begin_locked(connection: Connection) -> None:
    """Begin the migration's transaction holding the database's write lock, for one migration at a time.

    On SQLite the transaction would otherwise begin at its first insert,
    and the tables created before it would stay if the migration failed.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def is_current(engine: Engine) -> bool:
    """Whether the database has every migration applied."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def revision(engine: Engine) -> str | None:
    """The migration the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
