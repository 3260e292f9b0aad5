"""Supervisory exercises (issue 12): one stored attempt for a document, profiling or monitoring exercise, and the
history of its moderations

Revision ID: d0c5e0000001
Revises: f15a00000006
Create Date: 2026-12-07 06:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd0c5e0000001'
down_revision = 'f15a00000006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'supervisory_attempt',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('learner_id', sa.Integer(), sa.ForeignKey('user.id', ondelete='CASCADE'), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('task', sa.String(length=32), nullable=False),
        sa.Column('seed', sa.Integer(), nullable=False),
        sa.Column('brief', sa.JSON(), nullable=False),
        sa.Column('draft', sa.Text(), nullable=False, server_default=''),
        sa.Column('draft_saved_at', sa.DateTime(), nullable=True),
        sa.Column('answer', sa.Text(), nullable=True),
        sa.Column('result', sa.JSON(), nullable=True),
        sa.Column('rubric_id', sa.String(length=80), nullable=True),
        sa.Column('rubric_version', sa.Integer(), nullable=True),
        sa.Column('rubric_hash', sa.String(length=80), nullable=True),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(), nullable=True),
    )
    op.create_index('ix_supervisory_attempt_learner_id', 'supervisory_attempt', ['learner_id'])
    op.create_index('ix_supervisory_attempt_submitted_at', 'supervisory_attempt', ['submitted_at'])
    op.create_index('ix_supervisory_attempt_learner_kind', 'supervisory_attempt',
                    ['learner_id', 'kind', 'submitted_at'])
    op.create_table(
        'supervisory_moderation',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('supervisory_attempt.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('criterion', sa.String(length=32), nullable=False),
        sa.Column('tutor_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('old_level', sa.Integer(), nullable=False),
        sa.Column('new_level', sa.Integer(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_supervisory_moderation_attempt_id', 'supervisory_moderation', ['attempt_id'])


def downgrade():
    op.drop_index('ix_supervisory_moderation_attempt_id', table_name='supervisory_moderation')
    op.drop_table('supervisory_moderation')
    op.drop_index('ix_supervisory_attempt_learner_kind', table_name='supervisory_attempt')
    op.drop_index('ix_supervisory_attempt_submitted_at', table_name='supervisory_attempt')
    op.drop_index('ix_supervisory_attempt_learner_id', table_name='supervisory_attempt')
    op.drop_table('supervisory_attempt')
