"""The assessor's home: the cohorts they assess and, for one cohort at a time, a page of its learners with
their completed attempts summarised in SQL (issue 17: at 500,000 attempts the page used to load every completed
attempt of every learner of every cohort: 10,000 rows a request for one cohort). Everything it shows is read in
one statement (web/services/assessor_home_read.py)."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from web.fragments import fragments
from web.inputs import InputError, whole_number
from web.links import row_url
from web.security import roles_required
from web.services.assessor_home_read import read_assessor_home

bp = Blueprint("assess", __name__, url_prefix="/assessor")
MAX_PAGE = 100_000


@bp.route("/")
@roles_required("assessor")
def home():
    try:
        page = whole_number(request.args.get("page"), "page", maximum=MAX_PAGE) or 1
        chosen = whole_number(request.args.get("cohort"), "cohort")
    except InputError as exc:
        abort(400, description=str(exc))
    read = read_assessor_home(current_user.id, chosen, page)
    if chosen is not None and chosen not in {c.id for c in read.cohorts}:
        abort(404)   # not a cohort this assessor assesses
    cohort = next((c for c in read.cohorts if c.id == chosen), read.cohorts[0] if read.cohorts else None)
    shown = {"cohorts": read.cohorts, "cohort": cohort, "learners": read.learners, "page": page, "more": read.more,
             "recent": read.recent}
    # The content is a function of the rows it shows (and where the app is mounted): they are its key, so a change
    # to any of them draws it again, and two assessors shown the same rows share it.
    key = ("assess.home", request.script_root, cohort, page, read.cohorts, read.learners, read.more,
           tuple(read.recent.items()))
    content = fragments().get(key, lambda csrf_token: render_template(
        "assess/_home_content.html", **shown, links=learner_links() if read.learners else {},
        csrf_token=csrf_token))
    return render_template("assess/home.html", content=content)


def learner_links() -> dict:
    """Each learner row's links, built once a page (web/links.py)."""
    return {"exercises": row_url("exercises.learner_index", "learner_id"),
            "attempt": row_url("review.attempt", "attempt_id"),
            "portfolio": row_url("exports.portfolio_pdf", "user_id"),
            "evidence": row_url("exports.portfolio_pdf", "user_id", include="evidence"),
            "reflections": row_url("exports.portfolio_pdf", "user_id", include="reflections"),
            "logbook": row_url("exports.logbook_pdf", "user_id"), "pack": row_url("exports.make_pack", "user_id")}
