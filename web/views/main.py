"""Landing, role home redirect and the JSON health check."""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, url_for
from flask_login import current_user
from sqlalchemy import text

from web.extensions import db

bp = Blueprint("main", __name__)

ROLE_HOMES = {"learner": "learner.home", "tutor": "tutor.home", "assessor": "assess.home", "iqa": "iqa.home",
              "admin": "admin.home"}


@bp.route("/")
def home():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return redirect(url_for(ROLE_HOMES[current_user.role]))


@bp.route("/health")
def health():
    """For load balancers and uptime checks: is the app up, and can it reach its database?"""
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception as exc:  # noqa: BLE001 - report, never crash the health check
        database = f"error: {type(exc).__name__}"
    status = 200 if database == "ok" else 503
    return jsonify(status="ok" if status == 200 else "degraded", database=database), status
