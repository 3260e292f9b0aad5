"""Assignments set before f15a00000001 get their scenario's title (issue 15: titles everywhere, never ids)

f15a00000001 added assignment.scenario_title with '' for the rows already there, and Assignment.title falls back to
the scenario id on '', so every assignment set before it showed a raw id such as `legal-threat-rail-x` on the
learner's home page and the cohort page. The title comes from the scenario as it stands: an authored scenario's
latest version, else the shipped library (the scenario folder), else an instance already generated from it.

Revision ID: f15a00000006
Revises: f15a00000005
Create Date: 2026-12-07 06:40:00

"""
import sqlalchemy as sa
from alembic import op
from flask import current_app

revision = 'f15a00000006'
down_revision = 'f15a00000005'
branch_labels = None
depends_on = None

assignment = sa.table('assignment', sa.column('id', sa.Integer), sa.column('scenario_id', sa.String),
                      sa.column('scenario_title', sa.String))
instance = sa.table('scenario_instance', sa.column('scenario_id', sa.String), sa.column('title', sa.String))
authored = sa.table('authored_scenario', sa.column('id', sa.Integer), sa.column('scenario_id', sa.String))
version = sa.table('authored_version', sa.column('authored_id', sa.Integer), sa.column('number', sa.Integer),
                   sa.column('title', sa.String))


def _shipped_titles() -> dict[str, str]:
    # plain Python: reads the scenario folder the app is configured with
    import simulator

    try:
        found = simulator.load_library(str(current_app.config["SCENARIO_DIR"]))
        return {sid: s.title for sid, s in found.scenarios.items()}
    except (OSError, RuntimeError, KeyError):   # no app or no folder: the other sources still apply
        return {}


def _title(conn, scenario_id: str, shipped: dict[str, str]) -> str:
    own = conn.execute(sa.select(version.c.title).join(authored, authored.c.id == version.c.authored_id)
                       .where(authored.c.scenario_id == scenario_id).order_by(version.c.number.desc())
                       .limit(1)).scalar()
    if own:
        return own
    if scenario_id in shipped:
        return shipped[scenario_id]
    return conn.execute(sa.select(instance.c.title).where(instance.c.scenario_id == scenario_id,
                                                          instance.c.title != '').limit(1)).scalar() or ''


def upgrade():
    conn = op.get_bind()
    rows = conn.execute(sa.select(assignment.c.id, assignment.c.scenario_id)
                        .where(assignment.c.scenario_title == '')).all()
    shipped = _shipped_titles() if rows else {}
    for row_id, scenario_id in rows:
        title = _title(conn, scenario_id, shipped)
        if title:
            conn.execute(assignment.update().where(assignment.c.id == row_id).values(scenario_title=title[:200]))


def downgrade():
    pass   # the titles are right whatever the revision; nothing to undo
