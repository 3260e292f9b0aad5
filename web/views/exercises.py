"""Supervisory exercises (issue 12): a learner starts a document, profiling or monitoring exercise from a seed,
writes it with the draft autosaved and a live preview, and submits it to be scored with quoted evidence; the tutor of
the learner's cohort moderates levels with a comment. Learners see only their own (others' are 404); staff outside
the learner's cohorts are refused (403)."""
from __future__ import annotations

from datetime import timezone

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import BadRequest

from simulator.profiling import PLATFORM_LABELS
from web.extensions import db
from web.forms import CsrfForm
from web.inputs import InputError
from web.models import SupervisoryAttempt
from web.security import roles_required, visible_learner
from web.services import supervisory, supervisory_data
from web.services.accounts import can_see_learner
from web.services.supervisory_kinds import KINDS

bp = Blueprint("exercises", __name__, url_prefix="/exercises")
STAFF = ("tutor", "assessor", "admin")


def _checked_form() -> None:
    if not CsrfForm().validate_on_submit():
        abort(400)


def _visible(attempt_id: int) -> SupervisoryAttempt:
    attempt = db.get_or_404(SupervisoryAttempt, attempt_id)
    if not can_see_learner(current_user, attempt.learner_id):
        abort(404 if current_user.role == "learner" else 403)
    return attempt


def _own(attempt_id: int) -> SupervisoryAttempt:
    attempt = _visible(attempt_id)
    if attempt.learner_id != current_user.id:
        abort(403)
    return attempt


def _json_body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description="Send a JSON object.")
    return data


@bp.errorhandler(InputError)
def bad_input(exc):
    if request.is_json:
        return jsonify(error=str(exc)), 400
    return render_template("errors/error.html", code=400, error=BadRequest(description=str(exc))), 400


def _brief_context(attempt: SupervisoryAttempt) -> dict:
    """What the kind's brief partial draws from (tables, charts), read from the brief the attempt stored."""
    covers, not_asked = supervisory.task_criteria(KINDS[attempt.kind], attempt.task)
    return {"platform_labels": PLATFORM_LABELS, "covers": covers, "not_asked": not_asked,
            **supervisory_data.brief_data(attempt.kind, attempt.brief)}


def _workspace(attempt: SupervisoryAttempt, own: bool, error: str | None = None) -> str:
    saved = attempt.draft_saved_at
    server_ms = int(saved.replace(tzinfo=timezone.utc).timestamp() * 1000) if saved else 0   # stored as naive UTC
    return render_template("exercises/workspace.html", **_brief_context(attempt), attempt=attempt,
                           kind=KINDS[attempt.kind], own=own, form=CsrfForm(), error=error, server_ms=server_ms)


def _index(learner):
    return render_template("exercises/index.html", learner=learner, kinds=KINDS,
                           attempts=supervisory.learner_attempts(learner.id), form=CsrfForm())


@bp.route("/")
@roles_required("learner")
def index():
    return _index(current_user)


@bp.route("/learners/<int:learner_id>")
@roles_required(*STAFF)
def learner_index(learner_id: int):
    return _index(visible_learner(learner_id))


@bp.route("/review")
@roles_required("tutor", "admin")
def review():
    return render_template("exercises/review.html", attempts=supervisory.review_queue(current_user), kinds=KINDS)


@bp.route("/start", methods=["POST"])
@roles_required("learner")
def start():
    _checked_form()
    attempt = supervisory.start(current_user, request.form.get("kind"), request.form.get("task"),
                                request.form.get("seed"))
    db.session.commit()
    return redirect(url_for("exercises.attempt", attempt_id=attempt.id))


@bp.route("/<int:attempt_id>")
@roles_required("learner", *STAFF)
def attempt(attempt_id: int):
    attempt = _visible(attempt_id)
    own = attempt.learner_id == current_user.id
    kind = KINDS[attempt.kind]
    if attempt.submitted_at is None:
        return _workspace(attempt, own)
    return render_template("exercises/result.html", **_brief_context(attempt), attempt=attempt, kind=kind, own=own,
                           form=CsrfForm(),
                           rows=supervisory.criteria_rows(attempt),
                           may_moderate=supervisory.may_moderate(current_user, attempt))


@bp.route("/<int:attempt_id>/draft", methods=["POST"])
@roles_required("learner")
def save_draft(attempt_id: int):
    """JSON {text} with the page's X-CSRFToken header (static/js/draft.js); answers JSON."""
    attempt = _own(attempt_id)
    supervisory.save_draft(attempt, _json_body().get("text"))
    db.session.commit()
    return jsonify(saved=True, chars=len(attempt.draft))


@bp.route("/<int:attempt_id>/preview", methods=["POST"])
@roles_required("learner")
def preview(attempt_id: int):
    """JSON {text} -> {html}: the Markdown rendered and sanitised, for the editor's live preview."""
    _own(attempt_id)
    return jsonify(html=supervisory.preview_html(_json_body().get("text")))


@bp.route("/<int:attempt_id>/submit", methods=["POST"])
@roles_required("learner")
def submit(attempt_id: int):
    attempt = _own(attempt_id)
    _checked_form()
    answer = request.form.get("answer", "")
    try:
        supervisory.submit(attempt, answer)
    except supervisory.AlreadySubmitted as exc:
        abort(400, description=str(exc))
    except InputError as exc:
        db.session.rollback()
        attempt = _own(attempt_id)
        attempt.draft = answer   # shown again as sent, with the reason
        return _workspace(attempt, True, error=str(exc)), 400
    db.session.commit()
    return redirect(url_for("exercises.attempt", attempt_id=attempt.id) + "#result")


@bp.route("/<int:attempt_id>/moderate", methods=["POST"])
@roles_required("tutor", "admin")
def moderate(attempt_id: int):
    attempt = _visible(attempt_id)
    if not supervisory.may_moderate(current_user, attempt):
        abort(403)
    _checked_form()
    supervisory.moderate(attempt, current_user, request.form.get("criterion"), request.form.get("level"),
                         request.form.get("comment"))
    db.session.commit()
    return redirect(url_for("exercises.attempt", attempt_id=attempt.id) + "#criteria")
