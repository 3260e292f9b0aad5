"""Earlier sign-offs are kept when an assessor signs off evidence that changed since (issue 15)

A sign-off was one set of columns on the attempt; once a level changed after it, the page said so, but signing the
evidence as it now stands would have overwritten who signed, when and the hash. The replaced sign-off now goes to
past_signoff, as it was.

Revision ID: f15a00000010
Revises: f15a00000009
Create Date: 2026-12-07 15:05:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000010'
down_revision = 'f15a00000009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'past_signoff',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('attempt.id', ondelete='CASCADE'), nullable=False),
        sa.Column('assessor_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=True),
        sa.Column('signed_at', sa.DateTime(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=True),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('replaced_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_past_signoff_attempt_id', 'past_signoff', ['attempt_id'])


def downgrade():
    op.drop_index('ix_past_signoff_attempt_id', table_name='past_signoff')
    op.drop_table('past_signoff')
