"""User: session_version, bumped by sign-out, password and role changes and deactivation (issue 14)

Every session and remember-me token carries the version it was issued with; a bump ends them all.

Revision ID: a14e5e551001
Revises: 6c4cb58c0923
Create Date: 2026-12-05 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a14e5e551001'
down_revision = '6c4cb58c0923'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='1'))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')
