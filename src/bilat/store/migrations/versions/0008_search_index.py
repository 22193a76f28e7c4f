"""The search index: articles, the sentences stating facts and persons, searched with and without tone marks

Revision ID: search_index
Revises: utf8_json
Create Date: 2026-12-09

``search_entry`` holds what the search box finds, its words folded
(``store.search_text``); the full-text index over them is an FTS5 table on
SQLite and a GIN-indexed ``tsvector`` column on PostgreSQL
(``store.search_index``). The entries of the articles already stored, and of
their record's persons, are made here.
"""

import sqlalchemy as sa
from alembic import op

from bilat.store.search_index import POSTGRESQL_INDEX, SQLITE_INDEX, reindex

revision = 'search_index'
down_revision = 'utf8_json'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('pair', sa.String(length=33), nullable=True),
    sa.Column('countries', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=True),
    sa.Column('folded_title', sa.Text(), nullable=False),
    sa.Column('folded_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_search_entry_article', 'search_entry', ['article_id'], unique=False)
    op.create_index('ix_search_entry_kind', 'search_entry', ['kind'], unique=False)
    connection = op.get_bind()
    for statement in SQLITE_INDEX if connection.dialect.name == "sqlite" else POSTGRESQL_INDEX:
        op.execute(statement)
    reindex(connection)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")  # its triggers go with search_entry
    op.drop_index('ix_search_entry_kind', table_name='search_entry')
    op.drop_index('ix_search_entry_article', table_name='search_entry')
    op.drop_table('search_entry')
