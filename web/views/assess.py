"""The assessor's home: the cohorts they assess and, for one cohort at a time, a page of its learners with
their completed attempts summarised in SQL (issue 17: at 500,000 attempts the page used to load every completed
attempt of every learner of every cohort: 10,000 rows a request for one cohort)."""
from __future__ import annotations

from functools import cache

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from sqlalchemy import bindparam, case, func, select, union_all

from web.fragments import fragments
from web.inputs import InputError, whole_number
from web.links import row_url
from web.models import Attempt, Cohort, ScenarioInstance, User, cohort_assessors, cohort_learners
from web.security import roles_required
from web.statements import rows

bp = Blueprint("assess", __name__, url_prefix="/assessor")
LEARNERS_PAGE = 20   # learners a page
RECENT = 5           # newest completed attempts shown per learner (assessed first)
MAX_PAGE = 100_000


ASSESSED_COHORTS = (   # (id, name, learners) for each cohort this assessor assesses, by name
    select(Cohort.id, Cohort.name, func.count(cohort_learners.c.user_id).label("learners"))
    .join(cohort_assessors, cohort_assessors.c.cohort_id == Cohort.id)
    .outerjoin(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
    .where(cohort_assessors.c.user_id == bindparam("assessor_id")).group_by(Cohort.id, Cohort.name)
    .order_by(Cohort.name))
PAGE_OF_LEARNERS = (   # one more than a page: is there a next one?
    select(User.id, User.full_name, User.candidate_number)
    .join(cohort_learners, cohort_learners.c.user_id == User.id)
    .where(cohort_learners.c.cohort_id == bindparam("cohort_id")).order_by(User.username)
    .offset(bindparam("skip")).limit(LEARNERS_PAGE + 1))
COUNTS = (   # completed, assessed and signed-off attempts of some learners, from ix_attempt_learner_lists alone
    select(Attempt.learner_id, func.count().label("completed"),
           func.sum(case((Attempt.mode == "assessed", 1), else_=0)).label("assessed"),
           func.sum(case((Attempt.signed_off_at.is_not(None), 1), else_=0)).label("signed_off"))
    .where(Attempt.learner_id.in_(bindparam("learner_ids", expanding=True)), Attempt.status == "completed")
    .group_by(Attempt.learner_id))


def assessed_cohorts(assessor_id: int) -> list:
    """(id, name, learners) for each cohort this assessor assesses, by name."""
    return list(rows(ASSESSED_COHORTS, assessor_id=assessor_id))


def learner_page(cohort_id: int, page: int) -> list[dict]:
    """One page of a cohort's learners (by username), with their completed, assessed and signed-off counts: one
    GROUP BY over the page's learners, read from ix_attempt_learner_lists alone."""
    learners = rows(PAGE_OF_LEARNERS, cohort_id=cohort_id, skip=(page - 1) * LEARNERS_PAGE)
    counts = {row.learner_id: row for row in rows(COUNTS, learner_ids=[l.id for l in learners] or [-1])}
    return [{"id": l.id, "full_name": l.full_name, "candidate_number": l.candidate_number,
             "completed": counts[l.id].completed if l.id in counts else 0,
             "assessed": int(counts[l.id].assessed or 0) if l.id in counts else 0,
             "signed_off": int(counts[l.id].signed_off or 0) if l.id in counts else 0} for l in learners]


@cache
def recent_statement(learners: int):
    """The statement recent_attempts runs for this many learners (bind parameters l0, l1, ...): built once per
    count, as a page has at most LEARNERS_PAGE learners."""
    picks = [select(Attempt.id).where(Attempt.learner_id == bindparam(f"l{i}"), Attempt.status == "completed", mode)
             .order_by(Attempt.submitted_at.desc()).limit(RECENT).subquery()   # the index's order: no sort
             for i in range(learners) for mode in (Attempt.mode == "assessed", Attempt.mode != "assessed")]
    chosen = union_all(*(select(p.c.id) for p in picks)).subquery()
    return (select(Attempt.id, Attempt.learner_id, Attempt.mode, Attempt.final_grade, Attempt.signed_off_at,
                   ScenarioInstance.title)
            .join(chosen, chosen.c.id == Attempt.id).join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
            .order_by(Attempt.learner_id, (Attempt.mode == "assessed").desc(), Attempt.submitted_at.desc(),
                      Attempt.id.desc()))


def recent_attempts(learner_ids: list[int]) -> dict[int, list]:
    """Each learner's RECENT newest completed attempts, assessed ones first, in one statement for the page: per
    learner, the newest RECENT assessed and the newest RECENT practice attempts, each a short backward walk of
    ix_attempt_learner_lists (no sort of the learner's hundreds of attempts); then only those rows are read."""
    if not learner_ids:
        return {}
    by_learner: dict[int, list] = {}
    for row in rows(recent_statement(len(learner_ids)), **{f"l{i}": id_ for i, id_ in enumerate(learner_ids)}):
        mine = by_learner.setdefault(row.learner_id, [])
        if len(mine) < RECENT:
            mine.append(row)
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
    shown = {"cohorts": tuple(cohorts), "cohort": cohort, "learners": tuple(learners), "page": page,
             "more": len(rows) > LEARNERS_PAGE, "recent": recent_attempts([l["id"] for l in learners])}
    content = fragments().get(content_key(shown), lambda csrf_token: render_template(
        "assess/_home_content.html", **shown, links=learner_links() if learners else {}, csrf_token=csrf_token))
    return render_template("assess/home.html", content=content)


def content_key(shown: dict) -> tuple:
    """The page's content is a function of the rows it shows (and where the app is mounted): they are its key, so a
    change to any of them draws it again, and two assessors shown the same rows share it."""
    return ("assess.home", request.script_root, shown["cohorts"], shown["cohort"], shown["page"], shown["more"],
            tuple(tuple(l.items()) for l in shown["learners"]),
            tuple((learner, tuple(found)) for learner, found in shown["recent"].items()))


def learner_links() -> dict:
    """Each learner row's links, built once a page (web/links.py)."""
    return {"exercises": row_url("exercises.learner_index", "learner_id"),
            "attempt": row_url("review.attempt", "attempt_id"),
            "portfolio": row_url("exports.portfolio_pdf", "user_id"),
            "evidence": row_url("exports.portfolio_pdf", "user_id", include="evidence"),
            "reflections": row_url("exports.portfolio_pdf", "user_id", include="reflections"),
            "logbook": row_url("exports.logbook_pdf", "user_id"), "pack": row_url("exports.make_pack", "user_id")}
