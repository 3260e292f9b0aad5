"""Admins manage user accounts: create, deactivate, change a role, reset a password. Every change is logged
with who made it; nobody can deactivate themselves or change their own role."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.forms import AttachAssessorForm, AttachIqaForm, CsrfForm, PasswordResetForm, RoleForm, ToggleUserForm, UserForm
from web.models import Cohort, User
from web.security import roles_required
from web.services.accounts import (
    AccountError,
    attach_assessor,
    attach_iqa,
    change_role,
    create_user,
    detach_iqa,
    reset_password,
    set_active,
    set_lead_tutor,
)

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/")
@roles_required("admin")
def home():
    return render_page(UserForm())


def render_page(form: UserForm, status: int = 200):
    users = db.session.scalars(select(User).order_by(User.role, User.username)).all()
    cohorts = db.session.scalars(select(Cohort).options(selectinload(Cohort.iqas)).order_by(Cohort.name)).all()
    return render_template("admin/home.html", users=users, form=form, toggle=ToggleUserForm(), cohorts=cohorts,
                           attach=AttachAssessorForm(), attach_iqa=AttachIqaForm(), detach=CsrfForm(),
                           role_form=RoleForm(), password_form=PasswordResetForm()), status


def audit(action: str, *args) -> None:
    current_app.logger.info("admin %s: " + action, current_user.username, *args)


def flash_errors(form) -> None:
    for field, errors in form.errors.items():
        label = form[field].label.text if field in form else "Form"
        flash(f"{label}: {' '.join(errors)}", "error")


@bp.route("/users", methods=["POST"])
@roles_required("admin")
def create():
    form = UserForm()
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.full_name.data, form.role.data, form.password.data,
                               form.email.data or None)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("created %s %s", user.role, user.username)
            flash(f"Created {user.role} {user.username}.", "info")
            return redirect(url_for("admin.home"))
    else:
        flash_errors(form)
    return render_page(form, 400)


@bp.route("/users/<int:user_id>/toggle", methods=["POST"])
@roles_required("admin")
def toggle(user_id: int):
    user = db.get_or_404(User, user_id)
    if ToggleUserForm().validate_on_submit():
        if user.id == current_user.id:
            flash("You cannot deactivate your own account.", "error")
        else:
            set_active(user, not user.active)
            db.session.commit()
            audit("%s %s", "reactivated" if user.active else "deactivated", user.username)
            flash(f"{user.username} is now {'active' if user.active else 'deactivated'}.", "info")
    return redirect(url_for("admin.home"))


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@roles_required("admin")
def role(user_id: int):
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if form.validate_on_submit():
        old = user.role
        try:
            left = change_role(user, form.role.data, current_user)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("changed the role of %s from %s to %s", user.username, old, user.role)
            flash(f"{user.username} is now a {user.role}"
                  + (f" and has left {left} cohort(s) they were in as a {old}." if left else "."), "info")
    else:
        flash_errors(form)
    return redirect(url_for("admin.home"))


@bp.route("/users/<int:user_id>/lead", methods=["POST"])
@roles_required("admin")
def lead(user_id: int):
    """Make a tutor a lead tutor (they set up calibration sessions), or stop them being one."""
    user = db.get_or_404(User, user_id)
    if CsrfForm().validate_on_submit():
        try:
            set_lead_tutor(user, request.form.get("lead") == "1")
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("%s %s as lead tutor", "made" if user.lead_tutor else "removed", user.username)
            flash(f"{user.username} is {'now' if user.lead_tutor else 'no longer'} a lead tutor.", "info")
    return redirect(url_for("admin.home"))


@bp.route("/users/<int:user_id>/password", methods=["POST"])
@roles_required("admin")
def password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            reset_password(user, form.password.data)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("reset the password of %s", user.username)
            flash(f"New password set for {user.username}. Give it to them in person, not by email.", "info")
    else:
        flash_errors(form)
    return redirect(url_for("admin.home"))


@bp.route("/cohorts/<int:cohort_id>/assessors", methods=["POST"])
@roles_required("admin")
def attach(cohort_id: int):
    cohort = db.get_or_404(Cohort, cohort_id)
    form = AttachAssessorForm()
    if form.validate_on_submit():
        try:
            assessor = attach_assessor(cohort, form.username.data)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash(f"{assessor.full_name} now assesses {cohort.name}.", "info")
    return redirect(url_for("admin.home") + "#cohorts")


@bp.route("/cohorts/<int:cohort_id>/iqas", methods=["POST"])
@roles_required("admin")
def attach_iqa_to(cohort_id: int):
    """An IQA samples, and sees, only the cohorts an admin attaches them to."""
    cohort = db.get_or_404(Cohort, cohort_id)
    form = AttachIqaForm()
    if form.validate_on_submit():
        try:
            iqa = attach_iqa(cohort, form.username.data)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("attached IQA %s to cohort %s", iqa.username, cohort.id)
            flash(f"{iqa.full_name} now samples {cohort.name}.", "info")
    else:
        flash_errors(form)
    return redirect(url_for("admin.home") + "#cohorts")


@bp.route("/cohorts/<int:cohort_id>/iqas/<int:user_id>/detach", methods=["POST"])
@roles_required("admin")
def detach_iqa_from(cohort_id: int, user_id: int):
    cohort = db.get_or_404(Cohort, cohort_id)
    if CsrfForm().validate_on_submit():
        try:
            iqa = detach_iqa(cohort, user_id)
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            audit("detached IQA %s from cohort %s", iqa.username, cohort.id)
            flash(f"{iqa.full_name} no longer samples {cohort.name}: their samples of it are hidden from them.", "info")
    return redirect(url_for("admin.home") + "#cohorts")
