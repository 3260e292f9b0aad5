"""Tutors review scored attempts, moderate a criterion with a comment, leave feedback and see cohort weaknesses.

Assessors read the same attempt page and sign attempts off as evidence.
"""
from __future__ import annotations

from functools import cache

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import bindparam, func, select

import rubrics
from web.extensions import db
from web.forms import CommentForm, ModerationForm, SignOffForm
from web.fragments import fragments
from web.inputs import InputError, whole_number
from web.links import row_url
from web.models import Attempt, Cohort, Feedback, LevelTally, Rescore, ScenarioInstance, User
from web.security import roles_required, visible_attempt
from web.services.accounts import LEARNERS_VISIBLE_TO, visible_learner_ids_query
from web.services.agreement import build_report, cohorts_for, report_csv, report_version
from web.services.authoring import played_on
from web.services.iqa import checks_of
from web.services.marks import ModerationError, grade_rule, moderate
from web.services.results import check_rows
from web.services.signoff import SignoffError, changed_since_signoff, sign
from web.statements import rows

bp = Blueprint("review", __name__, url_prefix="/review")
# Fewer judged attempts than this and a criterion's bar is grey: one attempt at 100 % says little.
SMALL_SAMPLE = 5
QUEUE_PAGE = 25   # attempts a page of the review queue
# Disagreements listed a page of the agreement report: 603 links took 75 ms to render (issue 17 item 2).
DISAGREEMENTS_PAGE = 50
MAX_PAGE = 100_000


ORDER = ((Attempt.mode == "assessed").desc(), Attempt.unsure_count.desc(), Attempt.submitted_at.desc(),
         Attempt.id.desc())


@cache
def queue_statement(everyone: bool, unsure_only: bool):
    """A page of the queue (one more row than a page: is there a next one?), built once per variant: for an admin
    (everyone) or for the learners visible to the viewer (bind parameter viewer_id), all or unsure only; the page
    is the bind parameter skip."""
    ids = select(Attempt.id).where(Attempt.status == "completed")   # the page's ids, from the index alone
    if not everyone:
        ids = ids.where(Attempt.learner_id.in_(LEARNERS_VISIBLE_TO["tutor"].scalar_subquery()))
    if unsure_only:
        ids = ids.where(Attempt.unsure_count > 0)
    chosen = ids.order_by(*ORDER).offset(bindparam("skip")).limit(QUEUE_PAGE + 1).subquery()
    return (select(Attempt.id, Attempt.mode, Attempt.submitted_at, Attempt.final_grade, Attempt.auto_grade,
                   Attempt.unsure_count, User.full_name.label("learner_name"), ScenarioInstance.title)
            .join(chosen, chosen.c.id == Attempt.id).join(User, User.id == Attempt.learner_id)
            .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id).order_by(*ORDER))


@bp.route("/")
@roles_required("tutor", "admin")
def queue():
    """Completed attempts: assessed work first (it counts as evidence), then those with the most low-confidence
    judgements not yet moderated, newest first; QUEUE_PAGE a page."""
    try:
        page = whole_number(request.args.get("page"), "page", maximum=MAX_PAGE) or 1
    except InputError as exc:
        abort(400, description=str(exc))
    if request.args.get("show") == "rescored":
        return _rescored(page, visible_learner_ids_query(current_user))
    only = request.args.get("show", "unsure")
    everyone = current_user.role == "admin"   # as visible_learner_ids_query: an admin sees every learner
    found = rows(queue_statement(everyone, only == "unsure"), viewer_id=current_user.id,
                 skip=(page - 1) * QUEUE_PAGE)
    shown = {"attempts": tuple(found[:QUEUE_PAGE]), "show": only, "page": page, "more": len(found) > QUEUE_PAGE}
    key = ("review.queue", request.script_root, *shown.values())   # what it shows: a change draws it again
    content = fragments().get(key, lambda csrf_token: render_template(
        "review/_queue_content.html", **shown, attempt_url=row_url("review.attempt", "attempt_id")))
    return render_template("review/queue.html", content=content)


def _rescored(page: int, visible):
    """Attempts whose marks changed when a newer scorer re-scored them (`flask --app app rescore`), newest first."""
    query = (select(Rescore, User.full_name.label("learner_name"), ScenarioInstance.title)
             .join(Attempt, Attempt.id == Rescore.attempt_id).join(User, User.id == Attempt.learner_id)
             .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id).where(Rescore.changed.is_(True)))
    if visible is not None:
        query = query.where(Attempt.learner_id.in_(visible.scalar_subquery()))
    rows = db.session.execute(query.order_by(Rescore.id.desc()).offset((page - 1) * QUEUE_PAGE)
                              .limit(QUEUE_PAGE + 1)).all()
    return render_template("review/queue.html", content=Markup(render_template(   # ORM rows: drawn each time
        "review/_queue_content.html", rescored=rows[:QUEUE_PAGE], attempts=[], show="rescored", page=page,
        more=len(rows) > QUEUE_PAGE, criteria=rubrics.CRITERIA)))


@bp.route("/attempts/<int:attempt_id>")
@roles_required("tutor", "assessor", "iqa", "admin")
def attempt(attempt_id: int):
    attempt = visible_attempt(attempt_id)
    return render_template("review/attempt.html", attempt=attempt, criteria=rubrics.CRITERIA,
                           checks=check_rows(attempt.result or {}),
                           grade_rule=grade_rule(attempt), signed_changed=changed_since_signoff(attempt),
                           iqa_checks=[c for c in checks_of(attempt) if c.outcome != "pending"],
                           moderation_form=ModerationForm(), feedback_form=CommentForm(), signoff_form=SignOffForm(),
                           authored_version=played_on(attempt.instance.scenario_id, attempt.instance.scenario_version))


@bp.route("/attempts/<int:attempt_id>/moderate", methods=["POST"])
@roles_required("tutor", "admin")
def moderate_attempt(attempt_id: int):
    attempt = visible_attempt(attempt_id)
    form = ModerationForm()
    if not form.validate_on_submit():
        flash("Choose a level and say why you changed it.", "error")
    else:
        try:
            moderate(attempt, form.criterion.data, form.level.data, form.comment.data, current_user)
        except ModerationError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            label = rubrics.CRITERIA.get(form.criterion.data, {}).get("label", form.criterion.data)
            flash(f"Moderated {label}: the grade is now {attempt.final_grade}.", "info")
    return redirect(url_for("review.attempt", attempt_id=attempt.id) + f"#crit-{form.criterion.data}")


@bp.route("/attempts/<int:attempt_id>/feedback", methods=["POST"])
@roles_required("tutor", "admin")
def add_feedback(attempt_id: int):
    attempt = visible_attempt(attempt_id)
    form = CommentForm()
    if form.validate_on_submit():
        attempt.feedback.append(Feedback(author_id=current_user.id, text=form.text.data.strip()))
        db.session.commit()
        flash("Feedback saved: the learner sees it with their result.", "info")
    else:
        flash("Write some feedback first.", "error")
    return redirect(url_for("review.attempt", attempt_id=attempt.id) + "#feedback")


@bp.route("/attempts/<int:attempt_id>/signoff", methods=["POST"])
@roles_required("assessor")
def sign_off(attempt_id: int):
    attempt = visible_attempt(attempt_id)
    form = SignOffForm()
    if attempt.status != "completed":
        flash("Only completed attempts can be signed off.", "error")
    elif form.validate_on_submit():
        try:   # signed already: again only if the evidence changed since (a double click changes nothing)
            sign(attempt, current_user, form.comment.data)
        except SignoffError as exc:
            flash(str(exc), "error")
        else:
            db.session.commit()
            flash("Signed off as evidence.", "info")
    return redirect(url_for("review.attempt", attempt_id=attempt.id))


def cohort_weaknesses(cohort: Cohort) -> list[dict]:
    """Per criterion: how often the cohort's learners reached each level (from the running tallies)."""
    learner_ids = [l.id for l in cohort.learners] or [-1]
    rows = db.session.execute(
        select(LevelTally.criterion, LevelTally.level, func.sum(LevelTally.count))
        .where(LevelTally.learner_id.in_(learner_ids)).group_by(LevelTally.criterion, LevelTally.level)).all()
    counts: dict[str, dict[str, int]] = {}
    for criterion, level, total in rows:
        counts.setdefault(criterion, {})[level] = int(total or 0)
    summary = []
    for key, info in rubrics.CRITERIA.items():
        c = counts.get(key, {})
        top, middle, bottom = (c.get("pass", 0), 0, c.get("fail", 0)) if key == "data_protection" \
            else (c.get("2", 0), c.get("1", 0), c.get("0", 0))
        judged = top + middle + bottom
        summary.append({"criterion": key, "label": info["label"], "judged": judged, "top": top, "middle": middle,
                        "bottom": bottom, "na": c.get("na", 0),
                        "top_share": top / judged if judged else None})
    # Weakest first: the smallest share at the top level among criteria that were judged.
    return sorted(summary, key=lambda r: (r["top_share"] is None, r["top_share"] if r["top_share"] is not None else 0))


def _report_scope():
    """The cohort asked for (?cohort=ID), checked: a tutor's own cohorts only; None for all they may see."""
    raw = request.args.get("cohort", "")
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 9:
        abort(400, description="cohort must be a cohort's number.")
    cohort = db.get_or_404(Cohort, int(raw))
    if current_user.role != "admin" and cohort.tutor_id != current_user.id:
        abort(403)
    return cohort


@bp.route("/agreement")
@roles_required("tutor", "admin")
def agreement():
    """How often moderation and decided disputes agreed with the automatic levels: exact agreement and kappa."""
    cohort = _report_scope()
    try:
        page = whole_number(request.args.get("page"), "page", maximum=MAX_PAGE) or 1
    except InputError as exc:
        abort(400, description=str(exc))
    cohorts = cohorts_for(current_user)
    key = ("agreement", current_user.id, cohort.id if cohort else None, page,
           tuple((c.id, c.name) for c in cohorts), report_version())
    body = fragments().get(key, lambda _csrf_token: _agreement_report(cohort, cohorts, page))
    return render_template("review/agreement.html", body=body)


def _agreement_report(cohort: Cohort | None, cohorts: list[Cohort], page: int) -> str:
    report = build_report(current_user, cohort)
    pages = max(1, -(-len(report.disagreements) // DISAGREEMENTS_PAGE))
    if page > pages:
        abort(404)
    shown = report.disagreements[(page - 1) * DISAGREEMENTS_PAGE:page * DISAGREEMENTS_PAGE]
    return render_template("review/_agreement_report.html", report=report, cohort=cohort, cohorts=cohorts,
                           disagreements=shown, page=page, pages=pages, first=(page - 1) * DISAGREEMENTS_PAGE + 1)


@bp.route("/agreement.csv")
@roles_required("tutor", "admin")
def agreement_csv():
    cohort = _report_scope()
    key = ("agreement.csv", current_user.id, cohort.id if cohort else None,
           tuple((c.id, c.name) for c in cohorts_for(current_user)), report_version())
    body = fragments().get(key, lambda _csrf_token: report_csv(build_report(current_user, cohort)))
    response = Response(str(body), mimetype="text/csv")
    name = f"scoring-agreement-cohort-{cohort.id}.csv" if cohort else "scoring-agreement.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.route("/cohorts/<int:cohort_id>/weaknesses")
@roles_required("tutor", "admin")
def weaknesses(cohort_id: int):
    cohort = db.get_or_404(Cohort, cohort_id)
    if current_user.role != "admin" and cohort.tutor_id != current_user.id:
        abort(403)
    return render_template("review/weaknesses.html", cohort=cohort, rows=cohort_weaknesses(cohort),
                           small_sample=SMALL_SAMPLE)
