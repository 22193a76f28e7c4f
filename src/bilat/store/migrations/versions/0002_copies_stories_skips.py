"""Copies, stories and skips: every place an article was read, near-duplicates grouped, inputs not stored

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Articles stored before this revision get their content key, signature and
its bands computed here from their text (the header block left out, as ingest does),
each in a story of its own, and their source as their one copy.
"""

import sqlalchemy as sa
from alembic import op

from bilat.ingest.read import parse_header
from bilat.resolve.stories import bands, signature
from bilat.store.write import article_key
from bilat.text import normalised

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None



def upgrade() -> None:
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('content_key', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('story_id', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('minhash', sa.LargeBinary(), nullable=True))
    op.create_table('skip',
    sa.Column('where', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('where')
    )
    op.create_index('ix_skip_path', 'skip', ['path'], unique=False)
    # Links gain the rule that made them: the resolved layer is emptied and its stamp dropped, so the next
    # command rebuilds it (from the articles, which are all kept).
    op.execute("DELETE FROM link")
    op.execute("DELETE FROM state WHERE key = 'resolved_from'")
    with op.batch_alter_table('link') as batch:
        batch.add_column(sa.Column('rule', sa.String(length=32), nullable=False, server_default=''))

    connection = op.get_bind()
    article = sa.table('article', sa.column('id'), sa.column('name'), sa.column('source'), sa.column('text'),
                       sa.column('stored_at'), sa.column('content_key'), sa.column('story_id'), sa.column('minhash'))
    copy = sa.table('article_copy', sa.column('article_id'), sa.column('source'), sa.column('name'), sa.column('seen_at'))
    keys: set[str] = set()
    rows = connection.execute(sa.select(article.c.id, article.c.text)).all()
    for article_id, text in rows:
        body = text[parse_header(text)[1]:]  # the header left out, as ingest does
        key = article_key(normalised(body))
        if key in keys:  # the same body under two headers, stored twice before: both kept, keyed by their whole text
            key = article_key(text)
        keys.add(key)
        connection.execute(article.update().where(article.c.id == article_id).values(
            content_key=key, story_id=article_id, minhash=signature(body),
        ))
    with op.batch_alter_table('article') as batch:
        batch.alter_column('content_key', existing_type=sa.String(length=64), nullable=False)
        batch.alter_column('story_id', existing_type=sa.String(length=16), nullable=False)
        batch.create_unique_constraint('uq_article_content_key', ['content_key'])
        batch.create_index('ix_article_story_id', ['story_id'], unique=False)

    # Created after SQLite's batch mode has rebuilt ``article``: dropping the old table would cascade to it.
    op.create_table('article_copy',
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'source')
    )
    op.create_table('story_band',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('band', sa.SmallInteger(), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'band', 'article_id')
    )
    band = sa.table('story_band', sa.column('band'), sa.column('key'), sa.column('article_id'))
    for article_id, minhash in connection.execute(sa.select(article.c.id, article.c.minhash).where(article.c.minhash.is_not(None))):
        connection.execute(band.insert(), [{"band": b, "key": k, "article_id": article_id} for b, k in bands(minhash)])
    connection.execute(copy.insert().from_select(
        ['article_id', 'source', 'name', 'seen_at'],
        sa.select(article.c.id, sa.func.coalesce(article.c.source, article.c.name), article.c.name, article.c.stored_at),
    ))


def downgrade() -> None:
    with op.batch_alter_table('link') as batch:
        batch.drop_column('rule')
    op.drop_table('story_band')
    op.drop_table('article_copy')
    op.drop_index('ix_skip_path', table_name='skip')
    op.drop_table('skip')
    with op.batch_alter_table('article') as batch:
        batch.drop_index('ix_article_story_id')
        batch.drop_constraint('uq_article_content_key', type_='unique')
        batch.drop_column('minhash')
        batch.drop_column('story_id')
        batch.drop_column('content_key')
