"""Internal quality assurance: IQAs sample signed-off evidence and record checks (read-only: they never change a
level); assessors see and answer the actions on what they signed off."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.forms import CsrfForm
from web.models import Attempt, Cohort, IqaCheck, IqaSample
from web.security import roles_required
from web.services.iqa import IqaError, answer_action, draw_sample, record_check, samples_cohort
from web.services.signoff import changed_since_signoff

bp = Blueprint("iqa", __name__, url_prefix="/iqa")


def _checked_form() -> None:
    if not CsrfForm().validate_on_submit():
        abort(400)


def _own_sample(sample_id: int) -> IqaSample:
    """The IQA's own sample, of a cohort they are still attached to."""
    sample = db.get_or_404(IqaSample, sample_id)
    if sample.iqa_id != current_user.id or not samples_cohort(current_user, sample.cohort):
        abort(403)
    return sample


@bp.route("/")
@roles_required("iqa")
def home():
    cohorts = current_user.sampled_cohorts   # attached by an admin: the IQA sees only those
    samples = db.session.scalars(select(IqaSample).where(IqaSample.iqa_id == current_user.id,
                                                         IqaSample.cohort_id.in_([c.id for c in cohorts] or [-1]))
                                 .options(selectinload(IqaSample.checks), selectinload(IqaSample.cohort))
                                 .order_by(IqaSample.created_at.desc())).all()
    return render_template("iqa/home.html", cohorts=cohorts, samples=samples)


@bp.route("/cohorts/<int:cohort_id>/samples", methods=["POST"])
@roles_required("iqa")
def new_sample(cohort_id: int):
    cohort = db.get_or_404(Cohort, cohort_id)
    if not samples_cohort(current_user, cohort):
        abort(403)
    _checked_form()
    try:
        sample = draw_sample(cohort, current_user)
    except IqaError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash(f"Sample drawn: {len(sample.checks)} signed-off attempt(s) to check.", "info")
    return redirect(url_for("iqa.sample", sample_id=sample.id))


@bp.route("/samples/<int:sample_id>")
@roles_required("iqa")
def sample(sample_id: int):
    sample = _own_sample(sample_id)
    # What the IQA checks is the evidence as signed: say when it has changed since (the review page says how).
    changed = {c.attempt_id: changed_since_signoff(c.attempt) for c in sample.checks}
    return render_template("iqa/sample.html", sample=sample, changed=changed)


@bp.route("/checks/<int:check_id>", methods=["POST"])
@roles_required("iqa")
def check(check_id: int):
    item = db.get_or_404(IqaCheck, check_id)
    _own_sample(item.sample_id)
    _checked_form()
    try:
        record_check(item, request.form.get("outcome", ""), request.form.get("comment", ""))
    except IqaError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash("Check recorded." + (" The assessor sees the action and answers it." if item.outcome == "action" else ""),
          "info")
    return redirect(url_for("iqa.sample", sample_id=item.sample_id) + f"#check-{item.id}")


@bp.route("/actions")
@roles_required("assessor")
def actions():
    """The IQA checks of what this assessor signed off: actions to answer first."""
    checks = db.session.scalars(select(IqaCheck).where(IqaCheck.assessor_id == current_user.id,
                                                       IqaCheck.outcome != "pending")
                                .options(selectinload(IqaCheck.attempt).selectinload(Attempt.instance))
                                .order_by(IqaCheck.checked_at.desc())).all()
    checks = sorted(checks, key=lambda c: not (c.outcome == "action" and not c.response))
    return render_template("iqa/actions.html", checks=checks)


@bp.route("/checks/<int:check_id>/answer", methods=["POST"])
@roles_required("assessor")
def answer(check_id: int):
    item = db.get_or_404(IqaCheck, check_id)
    if item.assessor_id != current_user.id:
        abort(403)
    _checked_form()
    try:
        answer_action(item, current_user, request.form.get("response", ""))
    except IqaError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    flash("Answer recorded: the IQA sees it with the check.", "info")
    return redirect(url_for("iqa.actions") + f"#check-{item.id}")
