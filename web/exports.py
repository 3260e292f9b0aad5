"""Exports: one attempt, one learner's portfolio / logbook / evidence pack, and a cohort's portfolios
as a background job with progress. The portfolio package anonymises and renders; this module fetches
the data, checks who may see it, and stores job output where any app server can serve it."""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import zipfile
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, flash, jsonify, redirect, render_template, request, \
    send_file, url_for
from flask_login import current_user

import portfolio
from web import export_jobs
from web.accounts import can_see_learner
from web.evidence import brand_values, learner_evidence
from web.extensions import db
from web.forms import ToggleUserForm
from web.models import Attempt, Cohort, ExportJob, User
from web.queue import task_queue
from web.security import roles_required

bp = Blueprint("exports", __name__, url_prefix="/exports")
# One page cache per process: a scored, signed attempt's pages never change, so a repeat export reuses them.
# Bounded by bytes (PAGE_CACHE_MB, default 256): a laid-out page keeps about 1.8 MiB alive.
PAGE_CACHE = portfolio.PageCache.from_env(os.environ)
EVERYONE = ("learner", "tutor", "assessor", "admin")
SECTIONS = ("evidence", "reflections")


def _include() -> tuple:
    """The sections asked for (?include=evidence, ?include=reflections, or both by default)."""
    return tuple(s for s in SECTIONS if s in request.values.getlist("include")) or SECTIONS


def _visible_learner(user_id: int) -> User:
    learner = db.get_or_404(User, user_id)
    if learner.role != "learner" or not can_see_learner(current_user, learner.id):
        abort(404 if current_user.role == "learner" else 403)
    return learner


def _download(data: bytes, name: str, mimetype: str) -> Response:
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_name(learner: User, kind: str, ext: str) -> str:
    # Candidate numbers, never names, in file names: the file name is part of the export too.
    return f"{learner.candidate_number or 'candidate'}-{kind}.{ext}"


@bp.route("/attempts/<int:attempt_id>.pdf")
@roles_required(*EVERYONE)
def attempt_pdf(attempt_id: int):
    attempt = db.get_or_404(Attempt, attempt_id)
    if not can_see_learner(current_user, attempt.learner_id):
        abort(404 if current_user.role == "learner" else 403)
    if attempt.status != "completed":
        abort(404)
    data = learner_evidence(attempt.learner, attempt_ids=[attempt.id])
    return _download(portfolio.render_attempt_pdf(data, attempt.id, keep_values=brand_values()),
                     export_name(attempt.learner, f"attempt-{attempt.id}", "pdf"), "application/pdf")


@bp.route("/learners/<int:user_id>/portfolio.pdf")
@roles_required(*EVERYONE)
def portfolio_pdf(user_id: int):
    learner = _visible_learner(user_id)
    pdf = portfolio.render_portfolio_pdf(learner_evidence(learner), include=_include(), cache=PAGE_CACHE,
                                         keep_values=brand_values())
    return _download(pdf, export_name(learner, "portfolio", "pdf"), "application/pdf")


@bp.route("/learners/<int:user_id>/logbook.pdf")
@roles_required(*EVERYONE)
def logbook_pdf(user_id: int):
    learner = _visible_learner(user_id)
    return _download(portfolio.render_logbook_pdf(learner_evidence(learner), keep_values=brand_values()),
                     export_name(learner, "logbook", "pdf"), "application/pdf")


@bp.route("/learners/<int:user_id>/pack.zip")
@roles_required(*EVERYONE)
def evidence_pack(user_id: int):
    learner = _visible_learner(user_id)
    include = _include()
    pack, digest = portfolio.build_evidence_pack_with_digest(learner_evidence(learner), include=include,
                                                             cache=PAGE_CACHE, keep_values=brand_values())
    kind = "evidence-pack" if include == SECTIONS else f"evidence-pack-{include[0]}-only"
    response = _download(pack, export_name(learner, kind, "zip"), "application/zip")
    # The manifest cannot hold its own hash: it travels outside the ZIP, for the assessor to record.
    response.headers["X-Manifest-SHA256"] = digest
    return response


def _cohort_for(user: User, cohort_id: int) -> Cohort:
    cohort = db.get_or_404(Cohort, cohort_id)
    allowed = user.role == "admin" or cohort.tutor_id == user.id or user in cohort.assessors
    if not allowed:
        abort(403)
    return cohort


@bp.route("/cohorts/<int:cohort_id>", methods=["POST"])
@roles_required("tutor", "assessor", "admin")
def start_cohort_export(cohort_id: int):
    cohort = _cohort_for(current_user, cohort_id)
    if not ToggleUserForm().validate_on_submit():
        abort(400)
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


def job_status(job: ExportJob) -> dict:
    return {"id": job.id, "status": job.status, "progress": job.progress, "total": job.total,
            "percent": round(100 * job.progress / job.total) if job.total else (100 if job.status == "done" else 0),
            "error": job.error, "include": (job.params or {}).get("include", list(SECTIONS)),
            "manifest_sha256": (job.params or {}).get("manifest_sha256") if job.status == "done" else None,
            "download": url_for("exports.job_download", job_id=job.id) if job.status == "done" else None}


@bp.route("/jobs/<int:job_id>")
@roles_required("tutor", "assessor", "admin")
def job(job_id: int):
    return render_template("exports/job.html", job=_own_job(job_id), status=job_status(_own_job(job_id)))


@bp.route("/jobs/<int:job_id>.json")
@roles_required("tutor", "assessor", "admin")
def job_json(job_id: int):
    return jsonify(job_status(_own_job(job_id)))


@bp.route("/jobs/<int:job_id>/download")
@roles_required("tutor", "assessor", "admin")
def job_download(job_id: int):
    job = _own_job(job_id)
    if job.status != "done" or not job.file_name:
        abort(404)
    path = Path(current_app.config["EXPORT_DIR"]) / job.file_name
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="application/zip", as_attachment=True,
                     download_name=f"cohort-{job.cohort_id}-portfolios.zip")


class Superseded(Exception):
    """This run no longer owns its job: it was started again, or marked failed as stalled."""


def run_export_job(job_id: int) -> None:
    """Render every learner's portfolio of the cohort into one ZIP with a SHA-256 manifest, reporting progress."""
    job = db.session.get(ExportJob, job_id)
    if job is None:
        return
    cohort = db.session.get(Cohort, job.cohort_id)
    params = dict(job.params or {})
    run = export_jobs.claim_run(job.id, len(cohort.learners))
    if run is None:   # neither queued nor failed: another worker has it, or it is done
        return
    export_dir = export_jobs.export_dir()
    export_dir.mkdir(parents=True, exist_ok=True)
    file_name = f"cohort-{cohort.id}-job-{job_id}-{secrets.token_hex(8)}.zip"
    partial = export_dir / (file_name + ".part")
    manifest = []
    try:
        include, keep = tuple(params.get("include", SECTIONS)), brand_values()
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for written, learner in enumerate(cohort.learners, start=1):
                pdf = portfolio.render_portfolio_pdf(learner_evidence(learner), cache=PAGE_CACHE, include=include,
                                                     keep_values=keep)
                name = export_name(learner, "portfolio", "pdf")
                archive.writestr(name, pdf)
                manifest.append({"file": name, "sha256": hashlib.sha256(pdf).hexdigest(), "bytes": len(pdf)})
                if not export_jobs.record_progress(job_id, run, written):
                    raise Superseded
            manifest_body = json.dumps({"cohort": cohort.id, "include": list(include),
                                        "files": manifest}, indent=2).encode("utf-8")
            archive.writestr("manifest.json", manifest_body)
        os.replace(partial, export_dir / file_name)   # appears whole or not at all
    except Superseded:
        partial.unlink(missing_ok=True)
        return
    except Exception as exc:
        db.session.rollback()
        export_jobs.fail_run(job_id, run, f"{type(exc).__name__}: {exc}")
        partial.unlink(missing_ok=True)
        raise
    params["manifest_sha256"] = hashlib.sha256(manifest_body).hexdigest()
    if not export_jobs.finish_run(job_id, run, file_name, params):   # superseded while writing the manifest
        (export_dir / file_name).unlink(missing_ok=True)
