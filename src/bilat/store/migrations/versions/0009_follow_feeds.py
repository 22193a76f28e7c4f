"""What `bilat follow` remembers: the feeds it polls and the article pages it fetched

Revision ID: follow_feeds
Revises: search_index
Create Date: 2026-12-12

``followed_feed`` keeps each feed's validators (ETag, Last-Modified) for
conditional requests, and ``fetched_page`` each page a feed listed, so that a
follower started again fetches none twice.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 'follow_feeds'
down_revision = 'search_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followed_feed',
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('polled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('sitemaps', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.PrimaryKeyConstraint('url')
    )
    op.create_table('fetched_page',
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('feed', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('url')
    )
    op.create_index('ix_fetched_page_feed', 'fetched_page', ['feed'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_fetched_page_feed', table_name='fetched_page')
    op.drop_table('fetched_page')
    op.drop_table('followed_feed')
