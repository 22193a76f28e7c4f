"""Alerts: the pairs followed, the alerts raised on their records, and what each webhook was sent

Revision ID: alerts
Revises: follow_feeds
Create Date: 2026-12-03

Nothing is followed in a store upgraded to this revision: alerts start with
the first ``bilat alerts follow``, on what the record gains after it. Articles
are indexed by when they were stored: alerts look again only at what is new.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 'alerts'
down_revision = 'follow_feeds'
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_index('ix_article_stored', 'article', ['stored_at', 'id'], unique=False)
    op.create_table('followed_pair',
    sa.Column('pair', sa.String(length=33), nullable=False),
    sa.Column('age_days', sa.Integer(), nullable=True),
    sa.Column('followed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('pair')
    )
    op.create_table('alert',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('pair', sa.String(length=33), nullable=False),
    sa.Column('anchor', sa.String(length=40), nullable=False),
    sa.Column('entities', _JSON, nullable=False),
    sa.Column('details', _JSON, nullable=False),
    sa.Column('fact_id', sa.String(length=40), nullable=True),
    sa.Column('article_id', sa.String(length=16), nullable=True),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'pair', 'anchor', name='uq_alert_kind_pair_anchor')
    )
    op.create_index('ix_alert_raised', 'alert', ['raised_at'], unique=False)
    op.create_index('ix_alert_pair_raised', 'alert', ['pair', 'raised_at'], unique=False)
    op.create_table('alert_fact',
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('fact_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('alert_id', 'fact_id')
    )
    op.create_index('ix_alert_fact_fact', 'alert_fact', ['fact_id'], unique=False)
    op.create_table('alert_delivery',
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('delivered_through', sa.Integer(), nullable=False),
    sa.Column('attempted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('url')
    )


def downgrade() -> None:
    op.drop_table('alert_delivery')
    op.drop_index('ix_alert_fact_fact', table_name='alert_fact')
    op.drop_table('alert_fact')
    op.drop_index('ix_alert_pair_raised', table_name='alert')
    op.drop_index('ix_alert_raised', table_name='alert')
    op.drop_table('alert')
    op.drop_table('followed_pair')
    op.drop_index('ix_article_stored', table_name='article')
