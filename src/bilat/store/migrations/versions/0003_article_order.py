"""The article list read newest first from an index, not by sorting every article

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

``GET /api/articles`` reads a page of the newest articles (ties by name and
id): on SQLite, the first rows of one scan of this index, undated articles
last (NULL sorts lowest there). PostgreSQL sorts NULLs highest, so the list
(undated last) is a top-N sort there: a few milliseconds at 10 000 articles.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_article_newest", "article", [sa.text("published DESC"), "name", "id"])


def downgrade() -> None:
    op.drop_index("ix_article_newest", table_name="article")
