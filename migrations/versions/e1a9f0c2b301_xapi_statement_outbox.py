"""xAPI statement outbox (issue 15: statements about attempts, sent to an LRS by the task queue)

Revision ID: e1a9f0c2b301
Revises: f15a00000001
Create Date: 2026-12-07 04:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e1a9f0c2b301'
down_revision = 'f15a00000001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'xapi_statement',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('statement_id', sa.String(length=36), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=True),
        sa.Column('verb', sa.String(length=32), nullable=False),
        sa.Column('body', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('tries', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('next_try_at', sa.DateTime(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_xapi_statement_attempt_id_attempt'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_xapi_statement')),
        sa.UniqueConstraint('statement_id', name=op.f('uq_xapi_statement_statement_id')),
    )
    with op.batch_alter_table('xapi_statement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_xapi_statement_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_xapi_statement_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('xapi_statement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_xapi_statement_status'))
        batch_op.drop_index(batch_op.f('ix_xapi_statement_attempt_id'))
    op.drop_table('xapi_statement')
