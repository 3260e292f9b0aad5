"""Export job: updated_at for stall detection, runs, expired_at for retention

Revision ID: 6c4cb58c0923
Revises: cdcf45794b0e
Create Date: 2026-12-04 01:10:59.148496

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '6c4cb58c0923'
down_revision = 'cdcf45794b0e'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('export_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('runs', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('expired_at', sa.DateTime(), nullable=True))
    # Jobs stored before this column existed last changed when they finished, or else when they were created.
    table = sa.table('export_job', sa.column('updated_at', sa.DateTime), sa.column('created_at', sa.DateTime),
                     sa.column('finished_at', sa.DateTime))
    op.execute(table.update().values(updated_at=sa.func.coalesce(table.c.finished_at, table.c.created_at)))
    with op.batch_alter_table('export_job', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=sa.DateTime(), nullable=False)


def downgrade():
    with op.batch_alter_table('export_job', schema=None) as batch_op:
        batch_op.drop_column('expired_at')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('runs')
