"""Lead tutors: an admin makes a tutor a lead, and only a lead sets up calibration sessions (issue 15)

A tutor who already led a calibration session is made a lead, so nobody loses what they could do.

Revision ID: f15a00000008
Revises: f15a00000007
Create Date: 2026-12-07 07:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000008'
down_revision = 'f15a00000007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lead_tutor', sa.Boolean(), nullable=False, server_default=sa.false()))
    user = sa.table('user', sa.column('id', sa.Integer), sa.column('role', sa.String),
                    sa.column('lead_tutor', sa.Boolean))
    session = sa.table('calibration_session', sa.column('lead_id', sa.Integer))
    op.get_bind().execute(user.update().where(user.c.role == 'tutor', user.c.id.in_(sa.select(session.c.lead_id)))
                          .values(lead_tutor=True))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('lead_tutor')
