"""IQA: samples of signed-off evidence and the checks on them (issue 15)

Revision ID: f15a00000004
Revises: f17a00000001
Create Date: 2026-12-07 04:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000004'
down_revision = 'f17a00000001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'iqa_sample',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('iqa_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('cohort_id', sa.Integer(), sa.ForeignKey('cohort.id', ondelete='CASCADE'), nullable=False),
        sa.Column('seed', sa.Integer(), nullable=False),
        sa.Column('plan', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_iqa_sample_iqa_id', 'iqa_sample', ['iqa_id'])
    op.create_table(
        'iqa_check',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('sample_id', sa.Integer(), sa.ForeignKey('iqa_sample.id', ondelete='CASCADE'), nullable=False),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('attempt.id', ondelete='CASCADE'), nullable=False),
        sa.Column('assessor_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False, server_default='pending'),
        sa.Column('comment', sa.Text(), nullable=True),
        sa.Column('checked_at', sa.DateTime(), nullable=True),
        sa.Column('response', sa.Text(), nullable=True),
        sa.Column('responded_at', sa.DateTime(), nullable=True),
    )
    op.create_index('ix_iqa_check_sample_id', 'iqa_check', ['sample_id'])
    op.create_index('ix_iqa_check_attempt_id', 'iqa_check', ['attempt_id'])
    op.create_index('ix_iqa_check_assessor_id', 'iqa_check', ['assessor_id'])


def downgrade():
    op.drop_table('iqa_check')
    op.drop_table('iqa_sample')
