"""A party may be a bloc that concludes agreements in its own name, not only a country

Revision ID: bloc_parties
Revises: record_trips
Create Date: 2026-12-03

"FTA Việt Nam – Hội đồng hợp tác vùng Vịnh (GCC)" is between Vietnam and the GCC, as
FACTS.md records it (``["GCC", "VN"]``); the per-pair index kept two-letter codes only.
"""

import sqlalchemy as sa
from alembic import op

revision = 'bloc_parties'
down_revision = 'record_trips'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("party") as batch:
        batch.alter_column("country", existing_type=sa.String(2), type_=sa.String(16), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("party") as batch:
        batch.alter_column("country", existing_type=sa.String(16), type_=sa.String(2), existing_nullable=False)
