"""Knowledge checks: a learner's seeded quiz and its marked result (issue 12)

Revision ID: 5c1e0a3b7d13
Revises: f15a00000002
Create Date: 2026-12-07 04:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '5c1e0a3b7d13'
down_revision = 'f15a00000002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'knowledge_check',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('learner_id', sa.Integer(), sa.ForeignKey('user.id', ondelete='CASCADE'), nullable=False),
        sa.Column('seed', sa.Integer(), nullable=False),
        sa.Column('bank_version', sa.String(length=16), nullable=False),
        sa.Column('quiz', sa.JSON(), nullable=False),
        sa.Column('result', sa.JSON(), nullable=True),
        sa.Column('score', sa.Integer(), nullable=True),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('marked_at', sa.DateTime(), nullable=True),
    )
    op.create_index('ix_knowledge_check_learner_id', 'knowledge_check', ['learner_id'])


def downgrade():
    op.drop_index('ix_knowledge_check_learner_id', table_name='knowledge_check')
    op.drop_table('knowledge_check')
