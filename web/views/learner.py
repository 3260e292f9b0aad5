"""The learner's home: cohorts, assignments, recent attempts."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import aliased

from web.extensions import db
from web.forms import InvitationForm, JoinCohortForm
from web.fragments import fragments
from web.links import row_url
from web.models import (
    Assignment,
    Attempt,
    Cohort,
    CohortInvitation,
    ScenarioInstance,
    User,
    assignment_learners,
    cohort_learners,
)
from web.security import roles_required
from web.services.accounts import AccountError, answer_invitation, join_cohort
from web.statements import rows

bp = Blueprint("learner", __name__, url_prefix="/learner")
Tutor, Inviter = aliased(User), aliased(User)


LEARNER = bindparam("learner_id")
COHORTS = (select(Cohort.id, Cohort.name, User.full_name.label("tutor_name")).join(User, User.id == Cohort.tutor_id)
           .join(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
           .where(cohort_learners.c.user_id == LEARNER).order_by(Cohort.name))
CHOSEN = select(assignment_learners.c.user_id).where(assignment_learners.c.assignment_id == Assignment.id)
ASSIGNMENTS = (   # the learner's cohorts' work set for the whole cohort (no one chosen) or chosen to include them
    select(Assignment.id, Assignment.mode, Assignment.due_at, Assignment.instructions,
           func.coalesce(func.nullif(Assignment.scenario_title, ""), Assignment.scenario_id).label("title"))
    .join(cohort_learners, cohort_learners.c.cohort_id == Assignment.cohort_id)
    .where(cohort_learners.c.user_id == LEARNER,
           or_(~CHOSEN.exists(), CHOSEN.where(assignment_learners.c.user_id == LEARNER).exists()))
    .order_by(Assignment.created_at.desc(), Assignment.id.desc()))
INVITATIONS = (select(CohortInvitation.id, Cohort.name.label("cohort_name"), Tutor.full_name.label("tutor_name"),
                      Inviter.full_name.label("invited_by_name"))
               .join(Cohort, Cohort.id == CohortInvitation.cohort_id).join(Tutor, Tutor.id == Cohort.tutor_id)
               .join(Inviter, Inviter.id == CohortInvitation.invited_by_id)
               .where(CohortInvitation.learner_id == LEARNER).order_by(CohortInvitation.created_at))
RECENT = (select(Attempt.id, Attempt.status, Attempt.started_at, Attempt.final_grade, ScenarioInstance.title)
          .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id).where(Attempt.learner_id == LEARNER)
          .order_by(Attempt.started_at.desc()).limit(10))


@bp.route("/")
@roles_required("learner")
def home():
    """Rows from statements built once (web/statements.py): this is every learner's first page. The content is
    drawn from those rows alone and kept under them (web/fragments.py): a new attempt, cohort or invitation is
    another key, so it shows at once."""
    mine = {"learner_id": current_user.id}
    shown = {"first_name": current_user.full_name.split(" ")[0], "cohorts": tuple(rows(COHORTS, **mine)),
             "assignments": tuple(rows(ASSIGNMENTS, **mine)), "attempts": tuple(rows(RECENT, **mine)),
             "invitations": tuple(rows(INVITATIONS, **mine))}
    key = ("learner.home", request.script_root, *shown.values())   # what it shows: a change draws it again
    content = fragments().get(key, lambda csrf_token: render_template(
        "learner/_home_content.html", **shown, form=JoinCohortForm(), csrf_token=csrf_token,
        invitation_form=InvitationForm() if shown["invitations"] else None,
        result_url=row_url("practice.result", "attempt_id"), workspace_url=row_url("practice.workspace", "attempt_id")))
    return render_template("learner/home.html", content=content)


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
