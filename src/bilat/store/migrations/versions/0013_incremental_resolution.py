"""The record resolved a part at a time: each fact's block, the keys that join blocks, the work left to do

Revision ID: incremental_resolution
Revises: pair_summaries
Create Date: 2026-12-03

``fact.block`` names the part of the record a fact is resolved with
(``store.blocks``), ``block_key`` what joins facts into blocks, ``block_need``
the offices whose holders a block's meetings read, and when, and ``unresolved_article`` the
articles stored since the last update. A store made before has no blocks:
its next update rebuilds the whole record once, and finds them.
"""

import sqlalchemy as sa
from alembic import op

revision = 'incremental_resolution'
down_revision = 'pair_summaries'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('fact', sa.Column('block', sa.String(length=16), nullable=True))
    op.create_index('ix_fact_block', 'fact', ['block'], unique=False)
    op.create_table('block_key',
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('block', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_index('ix_block_key_block', 'block_key', ['block'], unique=False)
    op.create_table('block_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(length=16), nullable=False),
    sa.Column('office', sa.String(length=32), nullable=False),
    sa.Column('start', sa.String(length=10), nullable=False),
    sa.Column('end', sa.String(length=10), nullable=False),
    sa.Column('block', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_block_need_block', 'block_need', ['block'], unique=False)
    op.create_index('ix_block_need_office', 'block_need', ['country', 'office', 'start'], unique=False)
    op.create_table('unresolved_article',
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.execute("DELETE FROM state WHERE key = 'resolved_from'")  # the digest of every article id is no longer kept


def downgrade() -> None:
    op.drop_table('unresolved_article')
    op.drop_index('ix_block_need_office', table_name='block_need')
    op.drop_index('ix_block_need_block', table_name='block_need')
    op.drop_table('block_need')
    op.drop_index('ix_block_key_block', table_name='block_key')
    op.drop_table('block_key')
    op.drop_index('ix_fact_block', table_name='fact')
    op.drop_column('fact', 'block')  # in place (SQLite 3.35 on): a copy of the table would drop the rows that refer to it
