"""Admins manage user accounts."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from web.accounts import AccountError, attach_assessor, create_user
from web.extensions import db
from web.forms import AttachAssessorForm, ToggleUserForm, UserForm
from web.models import Cohort, User
from web.security import roles_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/")
@roles_required("admin")
def home():
    return render_page(UserForm())


def render_page(form: UserForm, status: int = 200):
    users = db.session.scalars(select(User).order_by(User.role, User.username)).all()
    cohorts = db.session.scalars(select(Cohort).order_by(Cohort.name)).all()
    return render_template("admin/home.html", users=users, form=form, toggle=ToggleUserForm(), cohorts=cohorts,
                           attach=AttachAssessorForm()), status


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
            flash(f"Created {user.role} {user.username}.", "info")
            return redirect(url_for("admin.home"))
    else:
        for field, errors in form.errors.items():
            flash(f"{form[field].label.text}: {' '.join(errors)}", "error")
    return render_page(form, 400)


@bp.route("/users/<int:user_id>/toggle", methods=["POST"])
@roles_required("admin")
def toggle(user_id: int):
    user = db.get_or_404(User, user_id)
    if ToggleUserForm().validate_on_submit():
        if user.id == current_user.id:
            flash("You cannot deactivate your own account.", "error")
        else:
            user.active = not user.active
            db.session.commit()
            flash(f"{user.username} is now {'active' if user.active else 'deactivated'}.", "info")
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
