"""The store's generation: a token that every write changes, so that readers can keep what they read until then.

Each transaction that changes what the API can show (an article stored, one
more place it was read from, the merged record rebuilt) sets a new random
token in the ``state`` table, in the same transaction: a reader that sees the
token sees the data that goes with it. Random rather than counted, so that two
writers (a server and a ``bilat ingest`` on one database) need not read it first.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from bilat.store import models as m

KEY = "generation"

_UPSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def bump(connection: Connection) -> None:
    """Give the store a new generation, as part of the caller's transaction."""
    upsert = _UPSERTS[connection.dialect.name](m.State).values(key=KEY, value=uuid.uuid4().hex)
    connection.execute(upsert.on_conflict_do_update(index_elements=[m.State.key], set_={"value": upsert.excluded.value}))


def current(engine: Engine) -> str | None:
    """The store's generation: one primary-key lookup (None for a store no write has marked yet)."""
    with engine.connect() as connection:
        return connection.scalar(select(m.State.value).where(m.State.key == KEY))
