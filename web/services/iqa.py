"""Internal quality assurance: an IQA draws a sample of a cohort's signed-off evidence by the documented rule
(web/services/iqa_sampling.py), records a check and its outcome on each, and the assessor answers an action."""
from __future__ import annotations

import random

from sqlalchemy import func, select

from web.extensions import db
from web.models import IQA_OUTCOMES, Attempt, Cohort, IqaCheck, IqaSample, User, cohort_iqas, cohort_learners, utcnow
from web.services.iqa_sampling import Candidate, draw

MAX_TEXT = 2000


class IqaError(ValueError):
    """The check or the answer cannot be recorded as sent; the message says what to change."""


def _candidates(cohort: Cohort) -> list[Candidate]:
    sampled = select(IqaCheck.attempt_id)
    learners = select(cohort_learners.c.user_id).where(cohort_learners.c.cohort_id == cohort.id)
    rows = db.session.execute(select(Attempt.id, Attempt.signed_off_by_id, Attempt.learner_id, Attempt.exercise_type)
                              .where(Attempt.learner_id.in_(learners), Attempt.signed_off_at.is_not(None),
                                     Attempt.id.not_in(sampled))).all()
    return [Candidate(*row) for row in rows]


def _counts(column, ids: set[int], *where) -> dict[int, int]:
    rows = db.session.execute(select(column, func.count()).where(column.in_(ids or {-1}), *where)
                              .group_by(column)).all()
    return {k: int(v) for k, v in rows}


def draw_sample(cohort: Cohort, iqa: User, seed: int | None = None) -> IqaSample:
    if not samples_cohort(iqa, cohort):
        raise IqaError("You sample only the cohorts an admin attached you to.")
    candidates = _candidates(cohort)
    if not candidates:
        raise IqaError("This cohort has no signed-off evidence that has not been sampled already.")
    assessors = {c.assessor_id for c in candidates}
    signoffs = _counts(Attempt.signed_off_by_id, assessors)
    actions = _counts(IqaCheck.assessor_id, assessors, IqaCheck.outcome == "action")
    seed = random.SystemRandom().randrange(1, 1_000_000) if seed is None else seed
    plan = draw(candidates, signoffs, actions, seed)
    sample = IqaSample(iqa_id=iqa.id, cohort_id=cohort.id, seed=seed,
                       plan={str(a): {**p, "signoffs": signoffs.get(a, 0), "past_actions": actions.get(a, 0)}
                             for a, p in plan.items()})
    for assessor_id, p in plan.items():
        for attempt_id in p["picked"]:
            sample.checks.append(IqaCheck(attempt_id=attempt_id, assessor_id=assessor_id, outcome="pending"))
    db.session.add(sample)
    return sample


def _text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise IqaError(f"Say {what}.")
    if len(text) > MAX_TEXT:
        raise IqaError(f"Keep it to {MAX_TEXT} characters.")
    return text


def record_check(check: IqaCheck, outcome: str, comment: str) -> IqaCheck:
    if outcome not in IQA_OUTCOMES:
        raise IqaError("Choose agree or action for the assessor.")
    if check.outcome != "pending":
        raise IqaError("This check already has an outcome.")
    check.outcome, check.comment, check.checked_at = outcome, _text(comment, "what you checked and found"), utcnow()
    return check


def answer_action(check: IqaCheck, assessor: User, response: str) -> IqaCheck:
    if check.assessor_id != assessor.id:
        raise IqaError("Only the assessor who signed it off answers this action.")
    if check.outcome != "action":
        raise IqaError("Only an action for the assessor needs an answer.")
    if check.response:
        raise IqaError("This action has been answered already.")
    check.response, check.responded_at = _text(response, "what you did about it"), utcnow()
    return check


def samples_cohort(iqa: User, cohort: Cohort) -> bool:
    """An admin attaches an IQA to the cohorts they sample; they draw from those only."""
    return db.session.scalar(select(cohort_iqas.c.cohort_id).where(
        cohort_iqas.c.user_id == iqa.id, cohort_iqas.c.cohort_id == cohort.id)) is not None


def iqa_may_see(iqa: User, attempt_id: int) -> bool:
    """An IQA sees only the attempts in their own samples, of cohorts they are still attached to."""
    return db.session.scalar(select(IqaCheck.id).join(IqaSample).join(
        cohort_iqas, (cohort_iqas.c.cohort_id == IqaSample.cohort_id) & (cohort_iqas.c.user_id == iqa.id)).where(
        IqaSample.iqa_id == iqa.id, IqaCheck.attempt_id == attempt_id).limit(1)) is not None


def checks_of(attempt: Attempt) -> list[IqaCheck]:
    """Every IQA check of this attempt, oldest first (shown on the attempt's page to staff who may see it)."""
    return list(db.session.scalars(select(IqaCheck).where(IqaCheck.attempt_id == attempt.id).order_by(IqaCheck.id)))
