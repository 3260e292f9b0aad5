"""Attempt: a covering index for staff lists (issue 17): learner, status, date, mode, unsure count, sign-off

The tutor home, the review queue and the assessor home pick a page of a cohort's completed attempts (10,000 for one
cohort at 500,000 attempts) by date, mode, unsure judgements and sign-off: with every column they filter and sort on
in the index, the database finds the page's ids in the index alone and reads only that page's rows.

Revision ID: f17a00000001
Revises: f15a00000003
Create Date: 2026-12-07 04:30:00

"""
from alembic import op

revision = 'f17a00000001'
down_revision = 'f15a00000003'
branch_labels = None
depends_on = None

COLUMNS = ['learner_id', 'status', 'submitted_at', 'mode', 'unsure_count', 'signed_off_at']


def upgrade():
    op.create_index('ix_attempt_learner_lists', 'attempt', COLUMNS, unique=False)


def downgrade():
    op.drop_index('ix_attempt_learner_lists', table_name='attempt')
