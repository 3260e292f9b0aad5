"""Calibration between tutors: a lead picks attempts and tutors; each levels them blind, then all compare."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.forms import CsrfForm
from web.models import Attempt, CalibrationSession, calibration_tutors
from web.security import roles_required
from web.services.accounts import visible_learner_ids_query
from web.services.calibration import (
    CalibrationError,
    comparison,
    create_session,
    entry_of,
    may_lead,
    submit,
    takes_part,
)
from web.services.disputes import allowed_levels

bp = Blueprint("calibration", __name__, url_prefix="/calibration")


def _checked_form() -> None:
    if not CsrfForm().validate_on_submit():
        abort(400)


def _session(session_id: int) -> CalibrationSession:
    session = db.get_or_404(CalibrationSession, session_id)
    if not takes_part(current_user, session):
        abort(403)
    return session


def _attempt_of(session: CalibrationSession, attempt_id: int) -> Attempt:
    attempt = next((a for a in session.attempts if a.id == attempt_id), None)
    if attempt is None:
        abort(404)
    return attempt


@bp.route("/")
@roles_required("tutor", "admin")
def index():
    mine = select(calibration_tutors.c.session_id).where(calibration_tutors.c.user_id == current_user.id)
    sessions = db.session.scalars(select(CalibrationSession).where(CalibrationSession.id.in_(mine))
                                  .order_by(CalibrationSession.created_at.desc())).all()
    visible = visible_learner_ids_query(current_user)
    query = select(Attempt).where(Attempt.status == "completed")
    if visible is not None:
        query = query.where(Attempt.learner_id.in_(visible))
    recent = db.session.scalars(query.options(selectinload(Attempt.instance), selectinload(Attempt.learner))
                                .order_by(Attempt.submitted_at.desc()).limit(30)).all()
    return render_template("calibration/index.html", sessions=sessions, recent=recent, may_lead=may_lead(current_user))


@bp.route("/", methods=["POST"])
@roles_required("tutor", "admin")
def create():
    if not may_lead(current_user):
        abort(403)
    _checked_form()
    try:
        session = create_session(current_user, request.form.get("title", ""), request.form.getlist("attempt_ids"),
                                 request.form.get("tutors", ""))
    except CalibrationError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash(f"Calibration session set up for {len(session.tutors)} tutors on {len(session.attempts)} attempt(s).",
          "info")
    return redirect(url_for("calibration.session", session_id=session.id))


@bp.route("/<int:session_id>")
@roles_required("tutor", "admin")
def session(session_id: int):
    s = _session(session_id)
    done = {e.attempt_id for e in s.entries if e.tutor_id == current_user.id}
    return render_template("calibration/session.html", s=s, done=done)


@bp.route("/<int:session_id>/attempts/<int:attempt_id>", methods=["GET", "POST"])
@roles_required("tutor", "admin")
def attempt(session_id: int, attempt_id: int):
    s = _session(session_id)
    item = _attempt_of(s, attempt_id)
    if request.method == "POST":
        _checked_form()
        try:
            submit(s, item, current_user, request.form)
        except CalibrationError as exc:
            abort(400, description=str(exc))
        db.session.commit()
        flash("Your levels are saved. Here they are beside everyone else's and the automatic ones.", "info")
        return redirect(url_for("calibration.attempt", session_id=s.id, attempt_id=item.id))
    if entry_of(s, item.id, current_user) is None and current_user.role != "admin":
        return render_template("calibration/blind.html", s=s, attempt=item, spans_by_turn={},
                               levels={sc.criterion: allowed_levels(sc.criterion) for sc in item.scores})
    return render_template("calibration/compare.html", s=s, attempt=item, spans_by_turn={},
                           view=comparison(s, item),
                           waiting=[t.full_name for t in s.tutors if entry_of(s, item.id, t) is None])
