"""The assessor's home: the cohorts they assess, their learners' completed attempts and the exports."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.models import Attempt
from web.security import roles_required

bp = Blueprint("assess", __name__, url_prefix="/assessor")


@bp.route("/")
@roles_required("assessor")
def home():
    cohorts = current_user.assessed_cohorts
    learner_ids = [l.id for c in cohorts for l in c.learners]
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.learner_id.in_(learner_ids or [-1]), Attempt.status == "completed")
        .options(selectinload(Attempt.instance)).order_by(Attempt.submitted_at.desc())).all()
    by_learner: dict[int, list] = {}
    for attempt in attempts:
        by_learner.setdefault(attempt.learner_id, []).append(attempt)
    return render_template("assess/home.html", cohorts=cohorts, attempts_by_learner=by_learner)
