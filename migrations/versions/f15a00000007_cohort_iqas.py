"""IQAs are attached to cohorts by an admin, and sample (and see) only those (issue 15)

An IQA who already drew samples keeps the cohorts they sampled, so nothing they could see before disappears.

Revision ID: f15a00000007
Revises: d0c5e0000001
Create Date: 2026-12-07 06:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f15a00000007'
down_revision = 'd0c5e0000001'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'cohort_iqas',
        sa.Column('cohort_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_cohort_iqas_cohort_id_cohort'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_cohort_iqas_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('cohort_id', 'user_id', name=op.f('pk_cohort_iqas')),
    )
    sample = sa.table('iqa_sample', sa.column('iqa_id', sa.Integer), sa.column('cohort_id', sa.Integer))
    conn = op.get_bind()
    pairs = conn.execute(sa.select(sample.c.cohort_id, sample.c.iqa_id).distinct()).all()
    if pairs:
        conn.execute(table.insert(), [{"cohort_id": c, "user_id": u} for c, u in pairs])


def downgrade():
    op.drop_table('cohort_iqas')
