"""Scenario instance: its category, platform and response target as columns

The progress page counts a learner's attempts by category and platform and times their replies against the
target: it read the three from each attempt's stored instance JSON (about 10 KB a real instance), which parsed
the JSON three times an attempt on every draw (issue 17 item 2). Instances are never changed once stored, so the
columns are filled once, here for the instances stored before, and by the model when one is stored.

Revision ID: f17a00000002
Revises: f15a00000010
Create Date: 2026-12-07 20:25:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f17a00000002'
down_revision = 'f15a00000010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('scenario_instance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('platform', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('sla_minutes', sa.Double(), nullable=True))
    # The same expressions the page read the JSON with, so the columns hold what it showed.
    table = sa.table('scenario_instance', sa.column('data', sa.JSON), sa.column('category', sa.String),
                     sa.column('platform', sa.String), sa.column('sla_minutes', sa.Double))
    op.execute(table.update().values(category=table.c.data['category'].as_string(),
                                     platform=table.c.data['platform'].as_string(),
                                     sla_minutes=table.c.data['sla_minutes'].as_float()))


def downgrade():
    with op.batch_alter_table('scenario_instance', schema=None) as batch_op:
        batch_op.drop_column('sla_minutes')
        batch_op.drop_column('platform')
        batch_op.drop_column('category')
