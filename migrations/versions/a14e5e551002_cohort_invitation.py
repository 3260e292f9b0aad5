"""Cohort invitations: a tutor invites, the learner accepts (issue 14)

Revision ID: a14e5e551002
Revises: a14e5e551001
Create Date: 2026-12-05 10:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a14e5e551002'
down_revision = 'a14e5e551001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'cohort_invitation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cohort_id', sa.Integer(), nullable=False),
        sa.Column('learner_id', sa.Integer(), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_cohort_invitation_cohort_id_cohort'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['invited_by_id'], ['user.id'],
                                name=op.f('fk_cohort_invitation_invited_by_id_user'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['learner_id'], ['user.id'], name=op.f('fk_cohort_invitation_learner_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_invitation')),
        sa.UniqueConstraint('cohort_id', 'learner_id', name=op.f('uq_cohort_invitation_cohort_id')),
    )
    with op.batch_alter_table('cohort_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_invitation_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohort_invitation_learner_id'), ['learner_id'], unique=False)


def downgrade():
    with op.batch_alter_table('cohort_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_invitation_learner_id'))
        batch_op.drop_index(batch_op.f('ix_cohort_invitation_cohort_id'))
    op.drop_table('cohort_invitation')
