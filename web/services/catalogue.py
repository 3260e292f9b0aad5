"""What a learner may pick: the catalogue with its filters, their cohorts' assignments, a surprise scenario, and
whether assessed work on a customer is still open."""
from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import selectinload

import simulator
from web.extensions import db
from web.models import Assignment, Attempt, ScenarioInstance, User
from web.services import authoring
from web.services.errors import AttemptError
from web.services.library import library


def assignments_for(user: User) -> list[Assignment]:
    """Work set for this learner: their cohorts' assignments for the whole cohort or chosen to include them."""
    ids = [c.id for c in user.learner_cohorts]
    if not ids:
        return []
    found = db.session.scalars(select(Assignment).where(Assignment.cohort_id.in_(ids))
                               .options(selectinload(Assignment.learners)).order_by(Assignment.created_at.desc()))
    return [a for a in found if a.is_for(user)]


def learner_catalogue(user: User, *, platform: str = "", category: str = "", difficulty: str = "",
                      exercise_type: str = "",
              not_attempted: bool = False, assigned: bool = False) -> list[dict]:
    attempted = set(db.session.scalars(
        select(ScenarioInstance.scenario_id).join(Attempt, Attempt.instance_id == ScenarioInstance.id)
        .where(Attempt.learner_id == user.id)))
    assigned_by = {}
    for a in assignments_for(user):
        assigned_by.setdefault(a.scenario_id, a)
    rows = []
    for sc in library().list() + authoring.published_for(user):   # and what their tutors wrote for them
        if platform and platform not in sc.platforms:
            continue
        if category and sc.category != category or difficulty and sc.difficulty != difficulty:
            continue
        if exercise_type and sc.exercise_type != exercise_type:
            continue
        if not_attempted and sc.id in attempted or assigned and sc.id not in assigned_by:
            continue
        a = assigned_by.get(sc.id)
        rows.append({**sc.summary(), "brief": sc.brief, "attempted": sc.id in attempted,
                     "category_label": simulator.CATEGORIES.get(sc.category, sc.category),
                     "type_label": simulator.EXERCISE_TYPES[sc.exercise_type].label,
                     "assignment": {"id": a.id, "mode": a.mode} if a else None})
    return rows


def surprise_id(rng: random.Random | None = None) -> str:
    ids = [sc.id for sc in library().list()]
    if not ids:
        raise AttemptError("There are no scenarios to choose from yet.")
    return (rng or random.SystemRandom()).choice(ids)


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


def assessed_work_open(user: User, scenario_id: str, seed: int) -> bool:
    """Does this learner have assessed work on this exact customer (scenario and seed) still to submit: an
    assessed attempt in progress, or an assessed assignment with that seed for their cohort not yet completed?
    Scoring that customer elsewhere (the score API's scenario mode) would show the marking before submission."""
    in_progress = db.session.scalar(
        select(Attempt.id).join(ScenarioInstance, Attempt.instance_id == ScenarioInstance.id)
        .where(Attempt.learner_id == user.id, Attempt.mode == "assessed", Attempt.status == "in_progress",
               ScenarioInstance.scenario_id == scenario_id, ScenarioInstance.seed == seed).limit(1))
    if in_progress is not None:
        return True
    for a in assignments_for(user):
        if a.mode == "assessed" and a.scenario_id == scenario_id and a.seed == seed:
            done = db.session.scalar(select(Attempt.id).where(
                Attempt.learner_id == user.id, Attempt.assignment_id == a.id, Attempt.status == "completed").limit(1))
            if done is None:
                return True
    return False
