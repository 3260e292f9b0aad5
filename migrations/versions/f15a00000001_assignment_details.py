"""Assignment: instructions, the scenario's title as set, and a choice of learners (issue 15)

An assignment with no chosen learners is for the whole cohort (as every assignment was before).

Revision ID: f15a00000001
Revises: a14e5e551003
Create Date: 2026-12-07 03:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000001'
down_revision = 'a14e5e551003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instructions', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('scenario_title', sa.String(length=200), nullable=False, server_default=''))
    op.create_table(
        'assignment_learners',
        sa.Column('assignment_id', sa.Integer(), sa.ForeignKey('assignment.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('user.id', ondelete='CASCADE'), primary_key=True),
    )


def downgrade():
    op.drop_table('assignment_learners')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('scenario_title')
        batch_op.drop_column('instructions')
