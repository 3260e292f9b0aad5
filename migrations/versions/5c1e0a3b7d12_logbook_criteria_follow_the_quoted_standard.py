"""Logbook entries' performance criteria follow the corrected map of INSCS036 (issue 12)

The old map paraphrased the standard and numbered frontline reply-handling points P2-P10; the corrected map
(portfolio/standard.yaml) quotes the standard, whose P1-P9 mean other things. An entry's choices are moved:
old P1 (identify platforms) stays P1, old P11 (contribute to procedures) becomes P9, and old P2-P10 (frontline
points, which are not criteria of the standard) are dropped from the list and kept in the entry's fields as
`superseded_criteria` (text), so nothing the learner chose is lost. Downgrade reverses the move.

Revision ID: 5c1e0a3b7d12
Revises: e1a9f0c2b301
Create Date: 2026-12-07 04:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '5c1e0a3b7d12'
down_revision = 'e1a9f0c2b301'
branch_labels = None
depends_on = None

OLD_TO_NEW = {"P1": "P1", "P11": "P9"}
FRONTLINE = {f"P{n}" for n in range(2, 11)}
NOTE = " (criteria of the paraphrased map before December 2026: frontline points, now marking points)"

entries = sa.table("logbook_entry", sa.column("id", sa.Integer), sa.column("performance_criteria", sa.JSON),
                   sa.column("fields", sa.JSON))


def _move(old: list, fields: dict) -> tuple[list, dict]:
    kept = [OLD_TO_NEW[pc] for pc in old if pc in OLD_TO_NEW]
    dropped = [pc for pc in old if pc in FRONTLINE]
    fields = dict(fields or {})
    if dropped:
        fields["superseded_criteria"] = ", ".join(dropped) + NOTE
    return kept, fields


def upgrade():
    bind = op.get_bind()
    for row in bind.execute(sa.select(entries.c.id, entries.c.performance_criteria, entries.c.fields)).all():
        kept, fields = _move(list(row.performance_criteria or []), row.fields)
        if kept != list(row.performance_criteria or []) or fields != (row.fields or {}):
            bind.execute(entries.update().where(entries.c.id == row.id)
                         .values(performance_criteria=kept, fields=fields))


def downgrade():
    bind = op.get_bind()
    back = {new: old for old, new in OLD_TO_NEW.items()}
    for row in bind.execute(sa.select(entries.c.id, entries.c.performance_criteria, entries.c.fields)).all():
        fields = dict(row.fields or {})
        restored = [back.get(pc, pc) for pc in (row.performance_criteria or []) if pc in back]
        superseded = fields.pop("superseded_criteria", "")
        restored += [pc for pc in superseded.removesuffix(NOTE).split(", ") if pc in FRONTLINE]
        bind.execute(entries.update().where(entries.c.id == row.id)
                     .values(performance_criteria=restored, fields=fields))
