"""Articles keep what cites them: their web address and the outlet that published it

Revision ID: article_citation
Revises: bloc_parties
Create Date: 2026-12-03

Articles stored before this revision get both from their ``source`` here,
as ingest now does (``ingest.outlets``): a web address is kept as the URL,
a file path is no citation and leaves both empty.
"""

import sqlalchemy as sa
from alembic import op

from bilat.ingest.outlets import article_url, outlet_name

revision = 'article_citation'
down_revision = 'bloc_parties'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('url', sa.Text(), nullable=True))
        batch.add_column(sa.Column('outlet', sa.Text(), nullable=True))
    connection = op.get_bind()
    article = sa.table('article', sa.column('id'), sa.column('source'), sa.column('url'), sa.column('outlet'))
    for article_id, source in connection.execute(sa.select(article.c.id, article.c.source)).all():
        url = article_url(source)
        if url:
            connection.execute(article.update().where(article.c.id == article_id).values(
                url=url, outlet=outlet_name(url),
            ))


def downgrade() -> None:
    with op.batch_alter_table('article') as batch:
        batch.drop_column('outlet')
        batch.drop_column('url')
