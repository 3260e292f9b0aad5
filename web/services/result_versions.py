"""What a learner's result page shows, as versions read in one statement (issue 17): the page's content is kept
as a fragment under these (web/fragments.py), so a repeat view runs this statement and no other, while any change
to what the page shows makes a new key at once:

- the attempt's own columns: grades (a moderation or a dispute's decision moves the final one), the scorer and
  rubric that marked it (a re-mark), when it was submitted (with the id: a reused id is another attempt);
- the newest moderation, re-mark and dispute, and the newest dispute decision (a decision sets resolved_at);
- the previous attempt at the same scenario that the page compares with: which one, its grades and re-marks.

Not covered: a tutor's changed display name on a decided dispute shows once the fragment ages out.
"""
from __future__ import annotations

from collections.abc import Hashable

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.orm import aliased

from web.models import Attempt, Dispute, Moderation, Rescore, ScenarioInstance
from web.statements import rows

Previous, PreviousInstance = aliased(Attempt), aliased(ScenarioInstance)


def _newest(column, attempt_id):
    return select(func.max(column)).where(column.class_.attempt_id == attempt_id).scalar_subquery()


PREVIOUS_ID = (   # as attempts.previous_attempt: the learner's last completed attempt at this scenario before this one
    select(Previous.id).join(PreviousInstance, PreviousInstance.id == Previous.instance_id)
    .where(Previous.learner_id == Attempt.learner_id, Previous.status == "completed",
           PreviousInstance.scenario_id == ScenarioInstance.scenario_id, Previous.id < Attempt.id)
    .order_by(Previous.id.desc()).limit(1).scalar_subquery())
VERSIONS = (   # built once (web/statements.py)
    select(Attempt.id, Attempt.learner_id, Attempt.status, ScenarioInstance.title, Attempt.instance_id,
           Attempt.submitted_at, Attempt.final_grade, Attempt.auto_grade, Attempt.scorer_version, Attempt.rubric_hash,
           _newest(Moderation.id, Attempt.id).label("moderation"), _newest(Rescore.id, Attempt.id).label("rescore"),
           _newest(Dispute.id, Attempt.id).label("dispute"),
           _newest(Dispute.resolved_at, Attempt.id).label("decided"),
           Previous.id.label("previous"), Previous.final_grade.label("previous_grade"),
           Previous.scorer_version.label("previous_scorer"), _newest(Rescore.id, Previous.id).label("previous_rescore"))
    .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
    .outerjoin(Previous, Previous.id == PREVIOUS_ID)
    .where(Attempt.id == bindparam("attempt_id")))


def result_versions(attempt_id: int) -> Row | None:
    """The attempt's page versions (with learner_id and status, for the view's checks), or None: no such attempt."""
    found = rows(VERSIONS, attempt_id=attempt_id)
    return found[0] if found else None


def fragment_key(versions: Row) -> Hashable:
    """The key of the result page's content: every column read, the page's name first."""
    return ("practice.result", *versions)
