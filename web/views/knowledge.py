"""Knowledge checks: a learner takes a short seeded quiz, it is marked at once with an explanation for every
question; the learner and their tutors see the results by knowledge point."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from portfolio.standard import standard
from web.extensions import db
from web.forms import CsrfForm
from web.inputs import InputError
from web.models import KnowledgeCheck
from web.security import roles_required, visible_learner
from web.services.accounts import can_see_learner
from web.services.knowledge import mark_check, start_check

bp = Blueprint("knowledge", __name__, url_prefix="/knowledge")
POINT_LABELS = {kp["key"]: kp["label"] for kp in standard().get("knowledge_points") or ()}


def _checked_form() -> None:
    if not CsrfForm().validate_on_submit():
        abort(400)


def _visible_check(check_id: int) -> KnowledgeCheck:
    check = db.get_or_404(KnowledgeCheck, check_id)
    if not can_see_learner(current_user, check.learner_id):
        abort(404 if current_user.role == "learner" else 403)
    return check


def _index(learner):
    checks = db.session.scalars(select(KnowledgeCheck).where(KnowledgeCheck.learner_id == learner.id)
                                .order_by(KnowledgeCheck.created_at.desc()).limit(200)).all()
    return render_template("knowledge/index.html", learner=learner, checks=checks, labels=POINT_LABELS,
                           form=CsrfForm())


@bp.route("/")
@roles_required("learner")
def index():
    return _index(current_user)


@bp.route("/learners/<int:learner_id>")
@roles_required("tutor", "assessor", "admin")
def learner_index(learner_id: int):
    return _index(visible_learner(learner_id))


@bp.route("/start", methods=["POST"])
@roles_required("learner")
def start():
    _checked_form()
    try:
        check = start_check(current_user, request.form.get("seed"))
    except InputError as exc:
        abort(400, description=str(exc))
    db.session.commit()
    return redirect(url_for("knowledge.check", check_id=check.id))


@bp.route("/<int:check_id>", methods=["GET", "POST"])
@roles_required("learner", "tutor", "assessor", "admin")
def check(check_id: int):
    check = _visible_check(check_id)
    if request.method == "POST":
        if current_user.id != check.learner_id:
            abort(403)
        _checked_form()
        try:
            mark_check(check, request.form)
        except InputError as exc:
            abort(400, description=str(exc))
        db.session.commit()
        return redirect(url_for("knowledge.check", check_id=check.id) + "#result")
    return render_template("knowledge/check.html", check=check, labels=POINT_LABELS, form=CsrfForm(),
                           own=current_user.id == check.learner_id)
