"""The assessor's home: the cohorts they assess and their learners' evidence."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from web.security import roles_required

bp = Blueprint("assess", __name__, url_prefix="/assessor")


@bp.route("/")
@roles_required("assessor")
def home():
    return render_template("assess/home.html", cohorts=current_user.assessed_cohorts)
