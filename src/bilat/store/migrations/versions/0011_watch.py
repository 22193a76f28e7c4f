"""Watched folders: the files seen and the articles they gave; articles and places withdrawn when deleted

Revision ID: watch
Revises: alerts
Create Date: 2026-12-12

``watched_file`` and ``watched_article`` are what ``bilat watch`` has stored
from each file, so that a restart reads only what changed. ``withdrawn_at``
marks a place whose file is gone (``article_copy``) and an article every
place of which is gone (``article``): kept in the store, out of the record.
"""

import sqlalchemy as sa
from alembic import op

revision = 'watch'
down_revision = 'alerts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE, not a batch: rebuilding ``article`` would have to rebuild the search triggers on it too.
    op.add_column('article', sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('article_copy', sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('watched_file',
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('mtime_ns', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('path')
    )
    op.create_table('watched_article',
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['path'], ['watched_file.path'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('path', 'article_id', 'source')
    )
    op.create_index('ix_watched_article_place', 'watched_article', ['article_id', 'source'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_watched_article_place', table_name='watched_article')
    op.drop_table('watched_article')
    op.drop_table('watched_file')
    op.drop_column('article_copy', 'withdrawn_at')  # SQLite has dropped columns itself since 3.35
    op.drop_column('article', 'withdrawn_at')
