"""Disputes: learners dispute a level on their assessed attempts; tutors decide. Assessors cannot change levels."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

import rubrics
from web.extensions import db
from web.forms import CsrfForm
from web.models import Attempt, Dispute
from web.security import roles_required, visible_attempt
from web.services.accounts import learner_ids_visible_to
from web.services.attempts import owned_attempt
from web.services.disputes import DisputeError, open_dispute, resolve

bp = Blueprint("disputes", __name__, url_prefix="/disputes")


@bp.app_template_global()
def criterion_label(key: str) -> str:
    return rubrics.CRITERIA.get(key, {}).get("label", key)


def _checked_form() -> None:
    if not CsrfForm().validate_on_submit():
        abort(400)


@bp.route("/")
@roles_required("learner", "tutor", "admin")
def index():
    """A learner's own disputes; a tutor's: those on their cohorts' attempts, open ones first."""
    query = select(Dispute).join(Attempt, Dispute.attempt_id == Attempt.id).options(
        selectinload(Dispute.attempt).selectinload(Attempt.instance), selectinload(Dispute.learner))
    if current_user.role == "learner":
        query = query.where(Dispute.learner_id == current_user.id)
    else:
        visible = learner_ids_visible_to(current_user)
        if visible is not None:
            query = query.where(Attempt.learner_id.in_(visible or [-1]))
    disputes = db.session.scalars(query.order_by((Dispute.status == "open").desc(), Dispute.created_at.desc())
                                  .limit(200)).all()
    return render_template("disputes/index.html", disputes=disputes)


@bp.route("/attempts/<int:attempt_id>", methods=["POST"])
@roles_required("learner")
def create(attempt_id: int):
    attempt = owned_attempt(attempt_id, current_user)
    _checked_form()
    try:
        open_dispute(attempt, current_user, request.form.get("criterion", ""), request.form.get("level", ""),
                     request.form.get("reason", ""))
    except DisputeError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash("Dispute sent: your tutor will accept, partly accept or reject it, and say why.", "info")
    return redirect(url_for("practice.result", attempt_id=attempt.id) + "#disputes")


@bp.route("/<int:dispute_id>/resolve", methods=["POST"])
@roles_required("tutor", "admin")
def decide(dispute_id: int):
    dispute = db.get_or_404(Dispute, dispute_id)
    visible_attempt(dispute.attempt_id)   # 403 outside the tutor's cohorts
    _checked_form()
    try:
        resolve(dispute, request.form.get("outcome", ""), request.form.get("level") or None,
                request.form.get("comment", ""), current_user)
    except DisputeError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash(f"Dispute on {criterion_label(dispute.criterion)} {dispute.status.replace('_', ' ')}; the grade is now "
          f"{dispute.attempt.final_grade}.", "info")
    return redirect(url_for("review.attempt", attempt_id=dispute.attempt_id) + "#disputes")
