"""The facts each pair's record shows, written with its summary

Revision ID: pair_members
Revises: incremental_resolution
Create Date: 2026-12-03

``pair_member`` lists, per pair with a summary, the events, agreements,
mechanisms and figures both its parties are party to (``store.summaries``),
so that a record reads them instead of grouping every ``party`` row of
either country. It is filled here from ``party``, as the summaries' next
refresh would write it.
"""

import sqlalchemy as sa
from alembic import op

revision = 'pair_members'
down_revision = 'incremental_resolution'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pair_member',
    sa.Column('first', sa.String(length=16), nullable=False),
    sa.Column('second', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('first', 'second', 'entity_id')
    )
    op.execute(
        "INSERT INTO pair_member (first, second, entity_id) "
        "SELECT summary.first, summary.second, one.entity_id FROM pair_summary AS summary "
        "JOIN party AS one ON one.country = summary.first "
        "JOIN party AS other ON other.entity_id = one.entity_id AND other.country = summary.second"
    )


def downgrade() -> None:
    op.drop_table('pair_member')
