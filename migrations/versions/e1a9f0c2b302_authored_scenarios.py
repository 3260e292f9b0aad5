"""Authored scenarios: written in the browser, versioned, published to the author's cohorts (issue 15, item 4)

Revision ID: e1a9f0c2b302
Revises: a7c1e5d90f11
Create Date: 2026-12-07 04:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e1a9f0c2b302'
down_revision = 'a7c1e5d90f11'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'authored_scenario',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scenario_id', sa.String(length=80), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('published_number', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_authored_scenario_author_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_authored_scenario')),
        sa.UniqueConstraint('scenario_id', name=op.f('uq_authored_scenario_scenario_id')),
    )
    with op.batch_alter_table('authored_scenario', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_authored_scenario_author_id'), ['author_id'], unique=False)
    op.create_table(
        'authored_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('authored_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('scenario_version', sa.String(length=80), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('previewed_at', sa.DateTime(), nullable=True),
        sa.Column('published_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['authored_id'], ['authored_scenario.id'],
                                name=op.f('fk_authored_version_authored_id_authored_scenario'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_authored_version_created_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_authored_version')),
        sa.UniqueConstraint('authored_id', 'number', name=op.f('uq_authored_version_authored_id')),
    )
    with op.batch_alter_table('authored_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_authored_version_authored_id'), ['authored_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_authored_version_scenario_version'), ['scenario_version'], unique=False)
    op.create_table(
        'authored_scenario_cohorts',
        sa.Column('authored_id', sa.Integer(), nullable=False),
        sa.Column('cohort_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['authored_id'], ['authored_scenario.id'],
                                name=op.f('fk_authored_scenario_cohorts_authored_id_authored_scenario'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['cohort_id'], ['cohort.id'], name=op.f('fk_authored_scenario_cohorts_cohort_id_cohort'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('authored_id', 'cohort_id', name=op.f('pk_authored_scenario_cohorts')),
    )


def downgrade():
    op.drop_table('authored_scenario_cohorts')
    with op.batch_alter_table('authored_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_authored_version_scenario_version'))
        batch_op.drop_index(batch_op.f('ix_authored_version_authored_id'))
    op.drop_table('authored_version')
    with op.batch_alter_table('authored_scenario', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_authored_scenario_author_id'))
    op.drop_table('authored_scenario')
