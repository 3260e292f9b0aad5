"""Exports: one attempt, one learner's portfolio / logbook / evidence pack, and a cohort's portfolios
as a background job with progress. The portfolio package anonymises and renders; this module fetches
the data, checks who may see it, and stores job output where any app server can serve it."""
from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user

import portfolio
from web.extensions import db
from web.forms import CsrfForm
from web.models import Cohort, ExportJob, User
from web.queue import task_queue
from web.security import roles_required, visible_attempt, visible_learner
from web.services import export_jobs, export_storage
from web.services.export_jobs import SECTIONS, export_name
from web.services.gradebook import gradebook_csv
from web.services.learner_evidence import brand_values, learner_evidence
from web.services.part_cache import page_cache

bp = Blueprint("exports", __name__, url_prefix="/exports")
EVERYONE = ("learner", "tutor", "assessor", "admin")


def _include() -> tuple:
    """The sections asked for (?include=evidence, ?include=reflections, or both by default)."""
    return tuple(s for s in SECTIONS if s in request.values.getlist("include")) or SECTIONS


def _download(data: bytes, name: str, mimetype: str) -> Response:
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.route("/attempts/<int:attempt_id>.pdf")
@roles_required(*EVERYONE)
def attempt_pdf(attempt_id: int):
    attempt = visible_attempt(attempt_id)
    if attempt.status != "completed":
        abort(404)
    data = learner_evidence(attempt.learner, attempt_ids=[attempt.id])
    return _download(portfolio.render_attempt_pdf(data, attempt.id, keep_values=brand_values()),
                     export_name(attempt.learner, f"attempt-{attempt.id}", "pdf"), "application/pdf")


# A learner's export: streamed when it is small (export_jobs.small_enough_to_stream, about a second), else made by
# the task queue: the GET then answers a page whose button (a POST with its CSRF token) queues the job, so a link
# never starts work by itself, and the job page shows progress and offers the file.
BACKGROUND = {"portfolio": ("learner_portfolio", "portfolio PDF"), "logbook": ("learner_logbook", "logbook PDF"),
              "pack": ("evidence_pack", "evidence pack (ZIP)")}


def _in_background(learner: User, what: str):
    return render_template("exports/start.html", learner=learner, what=what, label=BACKGROUND[what][1],
                           include=_include(), form=CsrfForm())


@bp.route("/learners/<int:user_id>/portfolio.pdf")
@roles_required(*EVERYONE)
def portfolio_pdf(user_id: int):
    learner = visible_learner(user_id)
    if not export_jobs.small_enough_to_stream(learner):
        return _in_background(learner, "portfolio")
    pdf = portfolio.render_portfolio_pdf(learner_evidence(learner), include=_include(), cache=page_cache(),
                                         keep_values=brand_values())
    return _download(pdf, export_name(learner, "portfolio", "pdf"), "application/pdf")


@bp.route("/learners/<int:user_id>/logbook.pdf")
@roles_required(*EVERYONE)
def logbook_pdf(user_id: int):
    learner = visible_learner(user_id)
    if not export_jobs.small_enough_to_stream(learner):
        return _in_background(learner, "logbook")
    return _download(portfolio.render_logbook_pdf(learner_evidence(learner), keep_values=brand_values()),
                     export_name(learner, "logbook", "pdf"), "application/pdf")


@bp.route("/learners/<int:user_id>/<any(portfolio, logbook, pack):what>/jobs", methods=["POST"])
@roles_required(*EVERYONE)
def queue_learner_export(user_id: int, what: str):
    """Queue one learner's export and go to its progress page."""
    learner = visible_learner(user_id)
    if not CsrfForm().validate_on_submit():
        abort(400)
    job = export_jobs.queue_learner_export(BACKGROUND[what][0], learner, _include(), current_user)
    db.session.commit()
    task_queue().enqueue("export", job.id)
    flash(f"The {BACKGROUND[what][1]} is being made. This page shows when it is ready.", "info")
    return redirect(url_for("exports.job", job_id=job.id))


@bp.route("/learners/<int:user_id>/pack.zip")
@roles_required(*EVERYONE)
def evidence_pack(user_id: int):
    learner = visible_learner(user_id)
    if not export_jobs.small_enough_to_stream(learner):
        return _in_background(learner, "pack")
    include = _include()
    pack, digest = portfolio.build_evidence_pack_with_digest(learner_evidence(learner), include=include,
                                                             cache=page_cache(), keep_values=brand_values())
    kind = "evidence-pack" if include == SECTIONS else f"evidence-pack-{include[0]}-only"
    response = _download(pack, export_name(learner, kind, "zip"), "application/zip")
    # The manifest cannot hold its own hash: it travels outside the ZIP, for the assessor to record.
    response.headers["X-Manifest-SHA256"] = digest
    return response


@bp.route("/learners/<int:user_id>/pack", methods=["POST"])
@roles_required("tutor", "assessor", "admin")
def make_pack(user_id: int):
    """Build the evidence pack and show it on a page with its manifest's SHA-256 beside the download."""
    learner = visible_learner(user_id)
    if not CsrfForm().validate_on_submit():
        abort(400)
    if not export_jobs.small_enough_to_stream(learner):
        return queue_learner_export(user_id, "pack")
    job = export_jobs.save_pack(learner, _include(), current_user)
    db.session.commit()
    flash("The evidence pack is ready. Record the manifest's SHA-256 shown below with your sign-off.", "info")
    return redirect(url_for("exports.job", job_id=job.id))


def may_export_cohort(user: User, cohort: Cohort) -> bool:
    return user.role == "admin" or cohort.tutor_id == user.id or user in cohort.assessors


def _cohort_for(user: User, cohort_id: int) -> Cohort:
    cohort = db.get_or_404(Cohort, cohort_id)
    if not may_export_cohort(user, cohort):
        abort(403)
    return cohort


@bp.route("/cohorts/<int:cohort_id>/gradebook.csv")
@roles_required("tutor", "assessor", "admin")
def gradebook(cohort_id: int):
    """One row per completed attempt of the cohort, for a spreadsheet or an awarding body's system."""
    cohort = _cohort_for(current_user, cohort_id)
    if not export_jobs.gradebook_small_enough_to_stream(cohort):
        return render_template("exports/start_gradebook.html", cohort=cohort, form=CsrfForm())
    return _download(gradebook_csv(cohort).encode("utf-8"), f"cohort-{cohort.id}-gradebook.csv", "text/csv")


@bp.route("/cohorts/<int:cohort_id>/gradebook/jobs", methods=["POST"])
@roles_required("tutor", "assessor", "admin")
def queue_gradebook(cohort_id: int):
    """Queue a large cohort's gradebook and go to its progress page."""
    cohort = _cohort_for(current_user, cohort_id)
    if not CsrfForm().validate_on_submit():
        abort(400)
    job = export_jobs.queue_gradebook(cohort, current_user)
    db.session.commit()
    task_queue().enqueue("export", job.id)
    flash("The gradebook is being made. This page shows when it is ready.", "info")
    return redirect(url_for("exports.job", job_id=job.id))


def _prune_on_the_way() -> None:
    """Expired ZIPs and dead .part files go whenever someone starts a cohort export; a failure here is logged and
    must not stop the export (`flask exports prune` tries again)."""
    try:
        report = export_jobs.prune_files()
    except Exception:   # a disk or database hiccup while tidying up: logged, and the export goes on
        db.session.rollback()
        current_app.logger.exception("pruning old cohort exports failed")
        return
    if report.expired or report.parts:
        current_app.logger.info("pruned %d expired cohort export(s) and %d unfinished file(s)",
                                len(report.expired), len(report.parts))


@bp.route("/cohorts/<int:cohort_id>", methods=["POST"])
@roles_required("tutor", "assessor", "admin")
def start_cohort_export(cohort_id: int):
    cohort = _cohort_for(current_user, cohort_id)
    if not CsrfForm().validate_on_submit():
        abort(400)
    _prune_on_the_way()
    job = ExportJob(kind="cohort_portfolios", requested_by_id=current_user.id, cohort_id=cohort.id,
                    total=len(cohort.learners), params={"include": list(_include())})
    db.session.add(job)
    db.session.commit()
    task_queue().enqueue("export", job.id)
    flash("The export has started. This page shows its progress.", "info")
    return redirect(url_for("exports.job", job_id=job.id))


def _own_job(job_id: int) -> ExportJob:
    job = db.get_or_404(ExportJob, job_id)
    if job.requested_by_id != current_user.id and current_user.role != "admin":
        abort(403)
    return job


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _date(moment) -> str:
    return f"{moment.day} {moment:%B %Y}"


def job_message(job: ExportJob, stalled) -> str | None:
    """What the page says about an expired or stalled job, in words."""
    if job.status == "expired":
        kept = current_app.config["EXPORT_RETENTION_DAYS"]
        age = f", {_days((job.expired_at - job.finished_at).days)} after the export finished" if job.finished_at else ""
        policy = f": cohort exports are kept for {_days(kept)}" if kept > 0 else ""
        if job.kind == export_jobs.GRADEBOOK:
            return (f"This gradebook's CSV was deleted on {_date(job.expired_at)}{age}{policy}. "
                    "Make the gradebook again to get a new CSV.")
        return (f"This export's ZIP was deleted on {_date(job.expired_at)}{age}{policy}. "
                "Export the cohort again to get a new ZIP.")
    if stalled:
        minutes = int(stalled.total_seconds() // 60)
        limit = current_app.config["EXPORT_STALE_MINUTES"]
        what = "No worker has picked this export up" if job.status == "queued" else "This export has made no progress"
        return (f"{what} for {minutes} minutes (the limit is {limit}): it has stalled, probably because its worker "
                "stopped. Start it again to finish it.")
    return None


def _may_restart(job: ExportJob, stalled) -> bool:
    cohort = db.session.get(Cohort, job.cohort_id) if job.cohort_id is not None else None
    return (bool(stalled) or job.status == "failed") and cohort is not None and may_export_cohort(current_user, cohort)


def job_status(job: ExportJob) -> dict:
    stalled = export_jobs.stalled_for(job)
    restartable = _may_restart(job, stalled)
    return {"id": job.id, "status": job.status, "progress": job.progress, "total": job.total,
            "percent": round(100 * job.progress / job.total) if job.total else (100 if job.status == "done" else 0),
            "error": job.error, "include": (job.params or {}).get("include", list(SECTIONS)),
            "manifest_sha256": (job.params or {}).get("manifest_sha256") if job.status == "done" else None,
            "download": url_for("exports.job_download", job_id=job.id) if job.status == "done" else None,
            "stalled": bool(stalled), "message": job_message(job, stalled),
            "restart": url_for("exports.restart_job", job_id=job.id) if restartable else None,
            "expired_at": job.expired_at.isoformat() + "Z" if job.expired_at else None}


def _job_page(job: ExportJob, code: int = 200):
    cohort = db.session.get(Cohort, job.cohort_id) if job.cohort_id is not None else None
    return render_template("exports/job.html", job=job, status=job_status(job), cohort=cohort,
                           may_export=cohort is not None and may_export_cohort(current_user, cohort)), code


@bp.route("/jobs/<int:job_id>")
@roles_required(*EVERYONE)
def job(job_id: int):
    return _job_page(_own_job(job_id))


@bp.route("/jobs/<int:job_id>.json")
@roles_required(*EVERYONE)
def job_json(job_id: int):
    return jsonify(job_status(_own_job(job_id)))


@bp.route("/jobs/<int:job_id>/download")
@roles_required(*EVERYONE)
def job_download(job_id: int):
    job = _own_job(job_id)
    if job.status == "expired":   # gone for good, and the page says why and offers to export again
        return _job_page(job, 410)
    if job.status != "done" or not job.file_name:
        abort(404)
    files = export_storage.storage()
    if not files.exists(job.file_name):
        abort(404)
    return send_file(files.open(job.file_name), mimetype=export_jobs.download_mimetype(job), as_attachment=True,
                     download_name=export_jobs.download_name(job))


@bp.route("/jobs/<int:job_id>/restart", methods=["POST"])
@roles_required("tutor", "assessor", "admin")
def restart_job(job_id: int):
    """Start a stalled or failed export again: its requester or an admin, still allowed to export the cohort."""
    job = _own_job(job_id)
    if job.cohort_id is None:   # an evidence pack is made whole in its request: nothing to restart
        abort(404)
    _cohort_for(current_user, job.cohort_id)
    if not CsrfForm().validate_on_submit():
        abort(400)
    if export_jobs.restart(job.id):
        task_queue().enqueue("export", job.id)
        flash("The export has started again. This page shows its progress.", "info")
    else:
        flash("This export is neither stalled nor failed, so it was not started again.", "error")
    return redirect(url_for("exports.job", job_id=job.id))
