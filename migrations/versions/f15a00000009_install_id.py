"""An install id per database, so xAPI statement ids never repeat after a database is started afresh (issue 15)

Statement ids were derived from the site's home page and the attempt's id alone: a database rebuilt from scratch
numbers its attempts from 1 again and sent statements with the ids of earlier, different ones, which an LRS refuses
(or keeps as the old ones). A fresh database gets a random install id, and ids derive from it too. A database that
already recorded statements keeps "" (the old derivation), so what it sends about its own attempts keeps their ids.

Revision ID: f15a00000009
Revises: f15a00000008
Create Date: 2026-12-07 07:10:00

"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = 'f15a00000009'
down_revision = 'f15a00000008'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'install',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('install_id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_install')),
    )
    statements = sa.table('xapi_statement', sa.column('id', sa.Integer))
    conn = op.get_bind()
    had_statements = conn.execute(sa.select(statements.c.id).limit(1)).first() is not None
    conn.execute(table.insert().values(id=1, install_id='' if had_statements else str(uuid.uuid4()),
                                       created_at=datetime.now(timezone.utc).replace(tzinfo=None)))


def downgrade():
    op.drop_table('install')
