"""Message: the turn a learner's message answered; (attempt, turn, author) unique, so a double submit stores one
reply (issue 14)

Messages stored before keep turn NULL: NULLs never collide, on SQLite or PostgreSQL.

Revision ID: a14e5e551003
Revises: a14e5e551002
Create Date: 2026-12-05 11:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a14e5e551003'
down_revision = 'a14e5e551002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('turn', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_message_attempt_id'), ['attempt_id', 'turn', 'author'])


def downgrade():
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_message_attempt_id'), type_='unique')
        batch_op.drop_column('turn')
