"""The merged record's trips, counterparts and frameworks: five columns of ``event``

Revision ID: record_trips
Revises: 0003
Create Date: 2026-12-10

Events gain the framework an ESTABLISH_RELATIONS reached and whether it is an
upgrade, whether they are background, the trip they are part of and whom a
meeting's unnamed side met as (``bilat.resolve``). The resolved layer is a
function of the stored facts, so its stamp is dropped here: the next command
that reads the store rebuilds it, and the new columns are filled.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 'record_trips'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    json = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    with op.batch_alter_table('event') as batch:
        batch.add_column(sa.Column('framework', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('upgrade', sa.Boolean(), nullable=True))
        batch.add_column(sa.Column('background', sa.Boolean(), nullable=True))
        batch.add_column(sa.Column('trip_id', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('counterpart', json, nullable=True))
    op.create_index('ix_event_trip_id', 'event', ['trip_id'], unique=False)
    op.execute("DELETE FROM state WHERE key = 'resolved_from'")


def downgrade() -> None:
    op.drop_index('ix_event_trip_id', table_name='event')
    with op.batch_alter_table('event') as batch:
        for column in ('counterpart', 'trip_id', 'background', 'upgrade', 'framework'):
            batch.drop_column(column)
