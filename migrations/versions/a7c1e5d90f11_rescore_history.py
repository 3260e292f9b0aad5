"""Re-scoring history (issue 11.6): each re-scoring of a stored attempt, with the old and new levels and versions

Revision ID: a7c1e5d90f11
Revises: 5c1e0a3b7d12
Create Date: 2026-12-07 04:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a7c1e5d90f11'
down_revision = '5c1e0a3b7d12'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rescore',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=False),
        sa.Column('old_rubric_id', sa.String(length=80), nullable=True),
        sa.Column('old_rubric_version', sa.Integer(), nullable=True),
        sa.Column('old_rubric_hash', sa.String(length=80), nullable=True),
        sa.Column('old_scorer_version', sa.String(length=32), nullable=True),
        sa.Column('new_rubric_id', sa.String(length=80), nullable=False),
        sa.Column('new_rubric_version', sa.Integer(), nullable=False),
        sa.Column('new_rubric_hash', sa.String(length=80), nullable=False),
        sa.Column('new_scorer_version', sa.String(length=32), nullable=False),
        sa.Column('old_grade', sa.String(length=16), nullable=True),
        sa.Column('new_grade', sa.String(length=16), nullable=True),
        sa.Column('old_final_grade', sa.String(length=16), nullable=True),
        sa.Column('new_final_grade', sa.String(length=16), nullable=True),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.Column('changed', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_rescore_attempt_id_attempt'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rescore')),
    )
    with op.batch_alter_table('rescore', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rescore_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rescore_changed'), ['changed'], unique=False)


def downgrade():
    with op.batch_alter_table('rescore', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rescore_changed'))
        batch_op.drop_index(batch_op.f('ix_rescore_attempt_id'))
    op.drop_table('rescore')
