"""Disputes: a learner disputes a criterion's level on an assessed attempt; a tutor resolves it (issue 15)

Revision ID: f15a00000002
Revises: a7c1e5d90f11, e1a9f0c2b302
Create Date: 2026-12-07 04:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000002'
down_revision = ('a7c1e5d90f11', 'e1a9f0c2b302')   # merges the two heads main had at 04:20
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'dispute',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('attempt.id', ondelete='CASCADE'), nullable=False),
        sa.Column('learner_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('criterion', sa.String(length=32), nullable=False),
        sa.Column('disputed_level', sa.String(length=8), nullable=False),
        sa.Column('requested_level', sa.String(length=8), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False, server_default='open'),
        sa.Column('tutor_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=True),
        sa.Column('outcome_level', sa.String(length=8), nullable=True),
        sa.Column('outcome_comment', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
    )
    op.create_index('ix_dispute_attempt_id', 'dispute', ['attempt_id'])
    op.create_index('ix_dispute_status', 'dispute', ['status'])


def downgrade():
    op.drop_index('ix_dispute_status', table_name='dispute')
    op.drop_index('ix_dispute_attempt_id', table_name='dispute')
    op.drop_table('dispute')
