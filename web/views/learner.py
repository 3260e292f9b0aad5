"""The learner's home: cohorts, assignments, recent attempts."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from web.extensions import db
from web.forms import InvitationForm, JoinCohortForm
from web.models import Attempt, Cohort, ScenarioInstance, User, cohort_learners
from web.security import roles_required
from web.services.accounts import AccountError, answer_invitation, join_cohort, pending_invitations
from web.services.catalogue import assignments_for

bp = Blueprint("learner", __name__, url_prefix="/learner")


@bp.route("/")
@roles_required("learner")
def home():
    cohorts = db.session.execute(
        select(Cohort.id, Cohort.name, User.full_name.label("tutor_name")).join(User, User.id == Cohort.tutor_id)
        .join(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
        .where(cohort_learners.c.user_id == current_user.id).order_by(Cohort.name)).all()
    assignments = assignments_for(current_user)
    attempts = db.session.execute(
        select(Attempt.id, Attempt.status, Attempt.started_at, Attempt.final_grade, ScenarioInstance.title)
        .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id).where(Attempt.learner_id == current_user.id)
        .order_by(Attempt.started_at.desc()).limit(10)
    ).all()
    return render_template("learner/home.html", form=JoinCohortForm(), cohorts=cohorts, assignments=assignments,
                           attempts=attempts, invitations=pending_invitations(current_user),
                           invitation_form=InvitationForm())


@bp.route("/invitations/<int:invitation_id>", methods=["POST"])
@roles_required("learner")
def answer(invitation_id: int):
    """Accept or decline a tutor's invitation to a cohort: joining lets that tutor see your work."""
    form = InvitationForm()
    if form.validate_on_submit():
        cohort = answer_invitation(current_user, invitation_id, accept=bool(form.accept.data))
        if cohort is None:
            abort(404)
        db.session.commit()
        flash(f"You have joined {cohort.name}." if form.accept.data else f"You declined {cohort.name}.", "info")
    return redirect(url_for("learner.home"))


@bp.route("/join", methods=["POST"])
@roles_required("learner")
def join():
    form = JoinCohortForm()
    if form.validate_on_submit():
        try:
            cohort = join_cohort(current_user, form.join_code.data)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"You have joined {cohort.name}.", "info")
    else:
        flash("Enter the join code your tutor gave you.", "error")
    return redirect(url_for("learner.home"))
