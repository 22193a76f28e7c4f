"""JSON columns as UTF-8 text: the rows written with ``\\uXXXX`` escapes rewritten

Revision ID: utf8_json
Revises: article_citation
Create Date: 2026-12-03

Until this revision SQLAlchemy wrote JSON with ``ensure_ascii``, so the
SQLite file held "L\\u01b0\\u01a1ng C\\u01b0\\u1eddng" where the article says
"Lương Cường": unreadable in the sqlite3 shell and Datasette, and not found by
``LIKE``. The store now writes UTF-8 (``db._json_text``); here each stored
value holding an escape is read and written again, the same JSON. PostgreSQL
keeps JSONB decoded, whatever the client sent: nothing to do there.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = 'utf8_json'
down_revision = 'article_citation'
branch_labels = None
depends_on = None

JSON_COLUMNS = {
    "fact": ("id", ("data",)),
    "person": ("id", ("aliases",)),
    "event": ("id", ("actors", "persons")),
    "agreement": ("id", ("parties",)),
    "mechanism": ("id", ("parties",)),
    "figure": ("id", ("parties",)),
}
"""Each table's key and its JSON columns, as of revision 0003."""
BATCH = 1000
"""Rows rewritten per statement: a store of 10 000 articles holds a few hundred thousand facts."""


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for name, (key, columns) in JSON_COLUMNS.items():
        table = sa.table(name, sa.column(key), *(sa.column(column) for column in columns))
        for column in columns:
            _rewrite(connection, table, table.c[key], table.c[column])


def _rewrite(connection: sa.Connection, table: sa.TableClause, key: sa.ColumnClause, column: sa.ColumnClause) -> None:
    """Every value of ``column`` holding a backslash-u, decoded and encoded again without escapes."""
    # LIKE has no escape character unless given one: '\\u' is the two characters.
    escaped = connection.execute(sa.select(key, column).where(column.like("%\\u%"))).all()
    update = table.update().where(key == sa.bindparam("row_key")).values({column.name: sa.bindparam("utf8")})
    for start in range(0, len(escaped), BATCH):
        rows = escaped[start:start + BATCH]
        connection.execute(update, [
            {"row_key": row_key, "utf8": json.dumps(json.loads(value), ensure_ascii=False)} for row_key, value in rows
        ])


def downgrade() -> None:
    """Nothing to undo: escaped and unescaped JSON are the same values to every reader."""
