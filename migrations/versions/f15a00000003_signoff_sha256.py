"""Attempt: the SHA-256 of the evidence as it was signed off (issue 15)

Revision ID: f15a00000003
Revises: 5c1e0a3b7d13
Create Date: 2026-12-07 04:25:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000003'
down_revision = '5c1e0a3b7d13'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signed_sha256', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('signed_sha256')
