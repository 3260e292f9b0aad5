"""Internal quality assurance: an IQA draws a sample of a cohort's signed-off evidence by the documented rule
(web/services/iqa_sampling.py), records a check and its outcome on each, and the assessor answers an action."""
from __future__ import annotations

import random

from sqlalchemy import func, select

from web.extensions import db
from web.models import (
    IQA_OUTCOMES,
    Attempt,
    Cohort,
    IqaCheck,
    IqaSample,
    PastSignoff,
    User,
    cohort_iqas,
    cohort_learners,
    utcnow,
)
from web.services.iqa_sampling import Candidate, Outcome, draw, raised

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


def _outcomes(assessors: set[int]) -> dict[int, list[Outcome]]:
    """Each assessor's decided checks, with when the sign-off each one checked was made (rule 3 needs it)."""
    rows = db.session.execute(
        select(IqaCheck.assessor_id, IqaCheck.outcome, IqaCheck.checked_at, IqaCheck.attempt_id, Attempt.signed_off_at)
        .join(Attempt, Attempt.id == IqaCheck.attempt_id)
        .where(IqaCheck.assessor_id.in_(assessors or {-1}), IqaCheck.outcome.in_(IQA_OUTCOMES),
               IqaCheck.checked_at.is_not(None))).all()
    # An attempt signed off again after its check: what was checked is the sign-off in force then (past_signoff).
    again = {r.attempt_id for r in rows if r.signed_off_at is None or r.signed_off_at > r.checked_at}
    earlier: dict[int, list] = {}
    if again:
        for attempt_id, signed_at in db.session.execute(select(PastSignoff.attempt_id, PastSignoff.signed_at)
                                                        .where(PastSignoff.attempt_id.in_(again))):
            earlier.setdefault(attempt_id, []).append(signed_at)
    out: dict[int, list[Outcome]] = {}
    for r in rows:
        signed = r.signed_off_at
        if signed is None or signed > r.checked_at:
            signed = max((t for t in earlier.get(r.attempt_id, []) if t <= r.checked_at), default=None)
        out.setdefault(r.assessor_id, []).append(Outcome(r.outcome, r.checked_at, signed))
    return out


def draw_sample(cohort: Cohort, iqa: User, seed: int | None = None) -> IqaSample:
    if not samples_cohort(iqa, cohort):
        raise IqaError("You sample only the cohorts an admin attached you to.")
    candidates = _candidates(cohort)
    if not candidates:
        raise IqaError("This cohort has no signed-off evidence that has not been sampled already.")
    assessors = {c.assessor_id for c in candidates}
    signoffs = _counts(Attempt.signed_off_by_id, assessors)
    actions = _counts(IqaCheck.assessor_id, assessors, IqaCheck.outcome == "action")
    outcomes = _outcomes(assessors)
    at_risk = {a for a in assessors if raised(outcomes.get(a, []))}
    seed = random.SystemRandom().randrange(1, 1_000_000) if seed is None else seed
    plan = draw(candidates, signoffs, at_risk, seed)
    sample = IqaSample(iqa_id=iqa.id, cohort_id=cohort.id, seed=seed,
                       plan={str(a): {**p, "signoffs": signoffs.get(a, 0), "past_actions": actions.get(a, 0),
                                      "raised": a in at_risk} for a, p in plan.items()})
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
