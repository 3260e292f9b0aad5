"""What a learner's progress page shows, as versions read in one statement (issue 17 item 2: p95 < 100 ms at 500k
attempts). Drawing the page reads every completed attempt and builds the charts, tables and evidence map: about
15 ms of CPU for a learner with 500 attempts, most of it Python, not SQL. So its body is kept as a fragment
(web/fragments.py) keyed by these versions with the view and the table page: a new completed attempt, a moderation
(a dispute's decision that changes a level is one), a re-scoring, a supervisory exercise submitted or moderated, a
logbook entry added, edited or deleted each make a new key at once; nothing to invalidate.

Not covered: a change made outside the app's services that adds no such row (a level edited in the database by
hand) shows once the fragment ages out."""
from __future__ import annotations

from sqlalchemy import func, select

from web.extensions import db
from web.models import Attempt, LogbookEntry, Moderation, Rescore, SupervisoryAttempt, SupervisoryModeration


def data_version(learner_id: int) -> tuple:
    """What the progress page shows of this learner, summarised: equal tuples, equal pages. One statement: the
    learner's completed attempts counted and their ids summed (which attempts, not only how many) in one pass over
    their index entries, and the newest of each other change beside them."""
    attempts = select(Attempt.id).where(Attempt.learner_id == learner_id)
    submitted = (SupervisoryAttempt.learner_id == learner_id, SupervisoryAttempt.submitted_at.is_not(None))
    changes = [
        select(func.max(Moderation.id)).where(Moderation.attempt_id.in_(attempts)),
        select(func.max(Rescore.id)).where(Rescore.attempt_id.in_(attempts)),
        select(func.count()).select_from(SupervisoryAttempt).where(*submitted),
        select(func.max(SupervisoryAttempt.submitted_at)).where(*submitted),
        select(func.max(SupervisoryModeration.id)).where(SupervisoryModeration.attempt_id.in_(
            select(SupervisoryAttempt.id).where(SupervisoryAttempt.learner_id == learner_id))),
        select(func.count()).select_from(LogbookEntry).where(LogbookEntry.learner_id == learner_id),
        select(func.max(LogbookEntry.updated_at)).where(LogbookEntry.learner_id == learner_id),
    ]
    statement = (select(func.count(), func.sum(Attempt.id), *(c.scalar_subquery() for c in changes))
                 .select_from(Attempt).where(Attempt.learner_id == learner_id, Attempt.status == "completed"))
    return tuple(db.session.execute(statement).one())
