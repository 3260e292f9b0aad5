"""Calibration between tutors: sessions, the attempts picked, the tutors taking part, their blind levels (issue 15)

Revision ID: f15a00000005
Revises: f15a00000004
Create Date: 2026-12-07 04:55:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000005'
down_revision = 'f15a00000004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'calibration_session',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('lead_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
    )
    op.create_table(
        'calibration_attempts',
        sa.Column('session_id', sa.Integer(), sa.ForeignKey('calibration_session.id', ondelete='CASCADE'),
                  primary_key=True),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('attempt.id', ondelete='CASCADE'), primary_key=True),
    )
    op.create_table(
        'calibration_tutors',
        sa.Column('session_id', sa.Integer(), sa.ForeignKey('calibration_session.id', ondelete='CASCADE'),
                  primary_key=True),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('user.id', ondelete='CASCADE'), primary_key=True),
    )
    op.create_table(
        'calibration_entry',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('session_id', sa.Integer(), sa.ForeignKey('calibration_session.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('attempt_id', sa.Integer(), sa.ForeignKey('attempt.id', ondelete='CASCADE'), nullable=False),
        sa.Column('tutor_id', sa.Integer(), sa.ForeignKey('user.id'), nullable=False),
        sa.Column('levels', sa.JSON(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False, server_default=''),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('session_id', 'attempt_id', 'tutor_id'),
    )
    op.create_index('ix_calibration_entry_session_id', 'calibration_entry', ['session_id'])


def downgrade():
    op.drop_table('calibration_entry')
    op.drop_table('calibration_tutors')
    op.drop_table('calibration_attempts')
    op.drop_table('calibration_session')
