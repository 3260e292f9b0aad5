"""The assessor's home: the cohorts they assess and, for one cohort at a time, a page of its learners with
their completed attempts summarised in SQL (issue 17: at 500,000 attempts the page used to load every completed
attempt of every learner of every cohort: 10,000 rows a request for one cohort)."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import Integer, case, func, select

from web.extensions import db
from web.inputs import InputError, whole_number
from web.models import Attempt, Cohort, ScenarioInstance, User, cohort_assessors, cohort_learners
from web.security import roles_required

bp = Blueprint("assess", __name__, url_prefix="/assessor")
LEARNERS_PAGE = 20   # learners a page
RECENT = 5           # newest completed attempts shown per learner (assessed first)
MAX_PAGE = 100_000


def assessed_cohorts(assessor_id: int) -> list:
    """(id, name, learners) for each cohort this assessor assesses, by name."""
    return db.session.execute(
        select(Cohort.id, Cohort.name, func.count(cohort_learners.c.user_id).label("learners"))
        .join(cohort_assessors, cohort_assessors.c.cohort_id == Cohort.id)
        .outerjoin(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
        .where(cohort_assessors.c.user_id == assessor_id).group_by(Cohort.id, Cohort.name).order_by(Cohort.name)
    ).all()


def learner_page(cohort_id: int, page: int) -> list:
    """One page of a cohort's learners (by username), with their completed, assessed and signed-off counts."""
    learners = (select(User.id, User.username, User.full_name, User.candidate_number)
                .join(cohort_learners, cohort_learners.c.user_id == User.id)
                .where(cohort_learners.c.cohort_id == cohort_id).order_by(User.username)
                .offset((page - 1) * LEARNERS_PAGE).limit(LEARNERS_PAGE + 1).subquery())
    done = Attempt.status == "completed"
    return db.session.execute(
        select(learners.c.id, learners.c.full_name, learners.c.candidate_number,
               func.count(Attempt.id).label("completed"),
               func.coalesce(func.sum(case((Attempt.mode == "assessed", 1), else_=0)), 0).label("assessed"),
               func.coalesce(func.sum(case((Attempt.signed_off_at.is_not(None), 1), else_=0)), 0)
               .label("signed_off"))
        .outerjoin(Attempt, (Attempt.learner_id == learners.c.id) & done)
        .group_by(learners.c.id, learners.c.username, learners.c.full_name, learners.c.candidate_number)
        .order_by(learners.c.username)).all()


def recent_attempts(learner_ids: list[int]) -> dict[int, list]:
    """Each learner's RECENT newest completed attempts, assessed ones first: one statement for the page."""
    if not learner_ids:
        return {}
    rank = func.row_number().over(
        partition_by=Attempt.learner_id,
        order_by=(case((Attempt.mode == "assessed", 0), else_=1).cast(Integer), Attempt.submitted_at.desc(),
                  Attempt.id.desc())).label("rank")
    ranked = (select(Attempt.id, Attempt.learner_id, Attempt.mode, Attempt.final_grade, Attempt.signed_off_at,
                     Attempt.instance_id, rank)
              .where(Attempt.learner_id.in_(learner_ids), Attempt.status == "completed").subquery())
    rows = db.session.execute(
        select(ranked.c.id, ranked.c.learner_id, ranked.c.mode, ranked.c.final_grade, ranked.c.signed_off_at,
               ScenarioInstance.title)
        .join(ScenarioInstance, ScenarioInstance.id == ranked.c.instance_id)
        .where(ranked.c.rank <= RECENT).order_by(ranked.c.learner_id, ranked.c.rank)).all()
    by_learner: dict[int, list] = {}
    for row in rows:
        by_learner.setdefault(row.learner_id, []).append(row)
    return by_learner


@bp.route("/")
@roles_required("assessor")
def home():
    try:
        page = whole_number(request.args.get("page"), "page", maximum=MAX_PAGE) or 1
        chosen = whole_number(request.args.get("cohort"), "cohort")
    except InputError as exc:
        abort(400, description=str(exc))
    cohorts = assessed_cohorts(current_user.id)
    if chosen is not None and chosen not in {c.id for c in cohorts}:
        abort(404)   # not a cohort this assessor assesses
    cohort = next((c for c in cohorts if c.id == chosen), cohorts[0] if cohorts else None)
    rows = learner_page(cohort.id, page) if cohort else []
    learners = rows[:LEARNERS_PAGE]
    return render_template("assess/home.html", cohorts=cohorts, cohort=cohort, learners=learners, page=page,
                           more=len(rows) > LEARNERS_PAGE, recent=recent_attempts([l.id for l in learners]))
