"""Summaries of the resolved layer: the index of pairs, a record's persons, each entity's listed sources and names

Revision ID: pair_summaries
Revises: watch
Create Date: 2026-12-10

``pair_summary``, ``pair_person`` and ``entity_summary`` are written with
the resolved layer (``store.summaries``), so that the index of pairs and a
relationship's record read them instead of scanning every source. The
record is marked stale: the next command rebuilds it, and them with it.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 'pair_summaries'
down_revision = 'watch'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table('pair_summary',
    sa.Column('first', sa.String(length=16), nullable=False),
    sa.Column('second', sa.String(length=16), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('agreements', sa.Integer(), nullable=False),
    sa.Column('mechanisms', sa.Integer(), nullable=False),
    sa.Column('figures', sa.Integer(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('record_articles', sa.Integer(), nullable=False),
    sa.Column('languages', JSON, nullable=False),
    sa.Column('latest', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('first', 'second')
    )
    op.create_index('ix_pair_summary_order', 'pair_summary', ['articles', 'events'], unique=False)
    op.create_table('pair_person',
    sa.Column('first', sa.String(length=16), nullable=False),
    sa.Column('second', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('first', 'second', 'person_id')
    )
    op.create_table('entity_summary',
    sa.Column('entity_id', sa.String(length=16), nullable=False),
    sa.Column('sources_total', sa.Integer(), nullable=False),
    sa.Column('sources', JSON, nullable=False),
    sa.Column('names', JSON, nullable=False),
    sa.Column('offices', JSON, nullable=False),
    sa.Column('sightings', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('entity_id')
    )
    op.create_index('ix_article_lang', 'article', ['lang'], unique=False)
    op.execute("DELETE FROM state WHERE key = 'resolved_from'")


def downgrade() -> None:
    op.drop_index('ix_article_lang', table_name='article')
    op.drop_table('entity_summary')
    op.drop_table('pair_person')
    op.drop_index('ix_pair_summary_order', table_name='pair_summary')
    op.drop_table('pair_summary')
