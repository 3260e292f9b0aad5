"""The tutor's home: their cohorts, join codes, adding learners, the qualification a cohort works towards."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.forms import AddLearnerForm, CohortForm
from web.fragments import fragments
from web.links import row_url
from web.models import MODES, Assignment, Attempt, Cohort, ScenarioInstance, User, cohort_learners
from web.security import roles_required
from web.services import authoring  # scenarios written for this cohort, for setting work
from web.services.accounts import LEARNERS_VISIBLE_TO, VIEWER, AccountError, add_learner_to_cohort, invite_learner
from web.services.assignments import AssignmentError, describe, new_assignment
from web.services.library import library  # the scenario catalogue, for setting work
from web.statements import rows

bp = Blueprint("tutor", __name__, url_prefix="/tutor")


def owned_cohort(cohort_id: int) -> Cohort:
    cohort = db.get_or_404(Cohort, cohort_id)
    if cohort.tutor_id != current_user.id and current_user.role != "admin":
        abort(403)
    return cohort


COHORTS = (select(Cohort.id, Cohort.name, Cohort.join_code, func.count(cohort_learners.c.user_id).label("learners"))
           .outerjoin(cohort_learners, cohort_learners.c.cohort_id == Cohort.id)
           .where(Cohort.tutor_id == VIEWER).group_by(Cohort.id).order_by(Cohort.name))
NEWEST = (select(Attempt.id).where(Attempt.learner_id.in_(LEARNERS_VISIBLE_TO["tutor"].scalar_subquery()),
                                   Attempt.status == "completed")
          .order_by(Attempt.submitted_at.desc()).limit(20).subquery())   # from the index alone
RECENT = (   # rows of the columns shown, not ORM objects: a list page (issue 17)
    select(User.full_name.label("learner_name"), ScenarioInstance.title, Attempt.submitted_at, Attempt.final_grade)
    .join(NEWEST, NEWEST.c.id == Attempt.id)
    .join(User, User.id == Attempt.learner_id).join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
    .order_by(Attempt.submitted_at.desc()))


@bp.route("/")
@roles_required("tutor")
def home():
    """Rows from statements built once (web/statements.py); the content is drawn from them alone and kept under them
    (web/fragments.py)."""
    cohorts = tuple(rows(COHORTS, viewer_id=current_user.id))
    recent = tuple(rows(RECENT, viewer_id=current_user.id)) if cohorts else ()
    key = ("tutor.home", request.script_root, cohorts, recent)   # what it shows: a change draws it again
    content = fragments().get(key, lambda csrf_token: render_template(
        "tutor/_home_content.html", cohorts=cohorts, recent=recent, form=CohortForm(),
        cohort_url=row_url("tutor.cohort", "cohort_id"), csrf_token=csrf_token))
    return render_template("tutor/home.html", content=content)


@bp.route("/cohorts", methods=["POST"])
@roles_required("tutor")
def create_cohort():
    form = CohortForm()
    if form.validate_on_submit():
        cohort = Cohort(name=form.name.data.strip(), tutor_id=current_user.id)
        db.session.add(cohort)
        db.session.commit()
        flash(f"Cohort {cohort.name} created. Its join code is {cohort.join_code}.", "info")
        return redirect(url_for("tutor.cohort", cohort_id=cohort.id))
    flash("Give the cohort a name.", "error")
    return redirect(url_for("tutor.home"))


@bp.route("/cohorts/<int:cohort_id>")
@roles_required("tutor", "admin")
def cohort(cohort_id: int):
    return _cohort_page(owned_cohort(cohort_id))


MAX_QUALIFICATION_CHARS = 200   # Cohort.qualification's column


@bp.route("/cohorts/<int:cohort_id>/qualification", methods=["POST"])
@roles_required("tutor", "admin")
def set_qualification(cohort_id: int):
    """The qualification and level the cohort's portfolios name (issue 12: never one from the standard's file)."""
    cohort = owned_cohort(cohort_id)
    title = " ".join(request.form.get("qualification", "").split())
    problem = ("Name the qualification, with its level." if not title else
               f"Keep the qualification under {MAX_QUALIFICATION_CHARS} characters."
               if len(title) > MAX_QUALIFICATION_CHARS else None)
    if problem:
        flash(problem, "error")
        return _cohort_page(cohort, 400)
    cohort.qualification = title
    db.session.commit()
    flash(f"{cohort.name}'s portfolios now name {title}.", "info")
    return redirect(url_for("tutor.cohort", cohort_id=cohort.id))


def _cohort_page(cohort: Cohort, code: int = 200, sent: dict | None = None):
    """The cohort page; after a refused assignment (code 400) the form keeps what was sent."""
    assignments = db.session.scalars(select(Assignment).where(Assignment.cohort_id == cohort.id)
                                     .options(selectinload(Assignment.learners))
                                     .order_by(Assignment.created_at.desc())).all()
    return render_template("tutor/cohort.html", cohort=cohort, form=AddLearnerForm(), assignments=assignments,
                           scenarios=library().list() + authoring.published_to(cohort), modes=MODES,
                           sent=sent or {}), code


@bp.route("/cohorts/<int:cohort_id>/assignments", methods=["POST"])
@roles_required("tutor", "admin")
def set_assignment(cohort_id: int):
    """Set a scenario for the cohort or chosen learners, in practice or assessed mode, with instructions and a due
    date (an optional seed: one customer for all)."""
    cohort = owned_cohort(cohort_id)
    try:
        assignment = new_assignment(cohort, request.form, current_user)
    except AssignmentError as exc:
        flash(str(exc), "error")
        sent = {k: request.form.get(k, "") for k in ("scenario_id", "mode", "seed", "due", "instructions")}
        return _cohort_page(cohort, 400, dict(sent, learner_ids=request.form.getlist("learner_ids")))
    db.session.add(assignment)
    db.session.commit()
    flash(describe(assignment, cohort), "info")
    return redirect(url_for("tutor.cohort", cohort_id=cohort.id))


@bp.route("/cohorts/<int:cohort_id>/learners", methods=["POST"])
@roles_required("tutor", "admin")
def add_learner(cohort_id: int):
    """An admin adds a learner directly; a tutor invites them, and they join when they accept (the README's
    cohort-membership rules). The tutor's message is the same whatever the username turns out to be."""
    cohort = owned_cohort(cohort_id)
    form = AddLearnerForm()
    if not form.validate_on_submit():
        flash("Enter the learner's username.", "error")
    elif current_user.role == "admin":
        try:
            learner = add_learner_to_cohort(cohort, form.username.data)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"{learner.full_name} added to {cohort.name}.", "info")
    else:
        invite_learner(cohort, form.username.data, current_user)
        db.session.commit()
        flash(f"If {form.username.data.strip().lower()} is a learner's username, they are invited to {cohort.name} "
              "and see the invitation on their home page; they join when they accept it. You can also give them "
              f"the join code {cohort.join_code}.", "info")
    return redirect(url_for("tutor.cohort", cohort_id=cohort.id))
