"""The life of a cohort export job outside the request: the job itself (run_export_job, every learner's
portfolio into one ZIP), its runs, stalled jobs and retention. Unlike the other services it commits: it runs
in the queue's consumer, not in a request.

A worker claims a run and reports its progress through conditional updates, so a run that was superseded (started
again, or marked failed as stalled) finds out at its next portfolio and stops. A queued or running job whose
updated_at has not moved for EXPORT_STALE_MINUTES has stalled. Finished ZIPs are deleted EXPORT_RETENTION_DAYS after
they finished, and `.part` files that no run finished are deleted after a day: `flask --app app exports prune`.
"""
from __future__ import annotations

import hashlib
import secrets
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import and_, func, or_, select, update

import portfolio
from web.extensions import db
from web.models import Attempt, Cohort, ExportJob, LogbookEntry, User, cohort_learners, utcnow
from web.services.export_storage import storage
from web.services.gradebook import gradebook_csv
from web.services.learner_evidence import brand_values, learner_evidence
from web.services.part_cache import page_cache

ACTIVE = ("queued", "running")
CLAIMABLE = ("queued", "failed")
PART_MAX_AGE = timedelta(days=1)
JOBS = ExportJob.__table__
SECTIONS = ("evidence", "reflections")


def export_name(learner: User, kind: str, ext: str) -> str:
    # Candidate numbers, never names, in file names: the file name is part of the export too.
    return f"{learner.candidate_number or 'candidate'}-{kind}.{ext}"


# A worker's run. Each statement names the run, so two runs of one job never both write.

def claim_run(job_id: int, total: int) -> int | None:
    """Mark a queued or failed job running and return the new run's number; None if it is neither (another worker
    has it, or it is done). One UPDATE decides, so two workers given the same job cannot both claim it."""
    claimed = db.session.execute(
        update(JOBS).where(JOBS.c.id == job_id, JOBS.c.status.in_(CLAIMABLE))
        .values(status="running", runs=JOBS.c.runs + 1, progress=0, total=total, error=None, finished_at=None))
    if claimed.rowcount != 1:
        db.session.rollback()
        return None
    run = db.session.scalar(select(JOBS.c.runs).where(JOBS.c.id == job_id))
    db.session.commit()
    return run


def _update_run(job_id: int, run: int, **values) -> bool:
    """Apply values if this run still owns the job (still running, nobody claimed it since); say whether it did."""
    result = db.session.execute(update(JOBS).where(JOBS.c.id == job_id, JOBS.c.runs == run,
                                                   JOBS.c.status == "running").values(**values))
    db.session.commit()
    return result.rowcount == 1


def record_progress(job_id: int, run: int, progress: int) -> bool:
    return _update_run(job_id, run, progress=progress)


def finish_run(job_id: int, run: int, file_name: str, params: dict, **values) -> bool:
    return _update_run(job_id, run, status="done", file_name=file_name, params=params, finished_at=utcnow(),
                       **values)


def fail_run(job_id: int, run: int, error: str) -> bool:
    return _update_run(job_id, run, status="failed", error=error, finished_at=utcnow())


# The job itself: what the queue's consumer runs.

class Superseded(Exception):
    """This run no longer owns its job: it was started again, or marked failed as stalled."""


def run_export_job(job_id: int) -> None:
    """Run a queued export of whichever kind (LEARNER_KINDS or a cohort's portfolios)."""
    job = db.session.get(ExportJob, job_id)
    if job is None:
        return
    if job.kind in LEARNER_KINDS:
        run_learner_job(job)
    elif job.kind == GRADEBOOK:
        run_gradebook_job(job)
    else:
        run_cohort_job(job)


# One learner's export in the background (issue 17): a portfolio of 100 attempts takes 13-26 s to render, too long
# for a request (gunicorn's sync workers time out at 30 s), so every export bigger than DIRECT_EXPORT_MAX_ATTEMPTS
# attempts is a job with the cohort export's progress page, and its file is served from EXPORT_DIR.

LEARNER_KINDS = ("learner_portfolio", "learner_logbook", "evidence_pack")


def small_enough_to_stream(learner: User) -> bool:
    """Whether this learner's exports are small enough (about a second) to render inside the request."""
    limit = current_app.config.get("DIRECT_EXPORT_MAX_ATTEMPTS", 5)
    count = db.session.scalar(select(func.count(Attempt.id)).where(Attempt.learner_id == learner.id,
                                                                  Attempt.status == "completed")) or 0
    entries = db.session.scalar(select(func.count(LogbookEntry.id)).where(LogbookEntry.learner_id == learner.id)) or 0
    return count + entries <= limit


def queue_learner_export(kind: str, learner: User, include: tuple, requested_by: User) -> ExportJob:
    """A queued job for one learner's export (the caller commits, then enqueues job.id)."""
    job = ExportJob(kind=kind, requested_by_id=requested_by.id, total=1,
                    params={"include": list(include), "learner_id": learner.id})
    db.session.add(job)
    db.session.flush()
    return job


def learner_file(kind: str, learner: User, include: tuple) -> tuple[bytes, str, dict]:
    """(file body, file extension, extra params) for one learner's export of this kind."""
    evidence, keep = learner_evidence(learner), brand_values()
    if kind == "learner_portfolio":
        pdf = portfolio.render_portfolio_pdf(evidence, include=include, cache=page_cache(), keep_values=keep)
        return pdf, "pdf", {}
    if kind == "learner_logbook":
        return portfolio.render_logbook_pdf(evidence, keep_values=keep), "pdf", {}
    pack, digest = portfolio.build_evidence_pack_with_digest(evidence, include=include, cache=page_cache(),
                                                             keep_values=keep)
    return pack, "zip", {"manifest_sha256": digest}


def run_learner_job(job: ExportJob) -> None:
    params = dict(job.params or {})
    learner = db.session.get(User, params.get("learner_id") or -1)
    run = claim_run(job.id, 1)
    if run is None:
        return
    try:
        if learner is None:
            raise LookupError("the learner's account no longer exists")
        body, ext, extra = learner_file(job.kind, learner, tuple(params.get("include") or SECTIONS))
        file_name = write_export(f"{job.kind}-{learner.id}-job-{job.id}-{secrets.token_hex(8)}.{ext}", body)
    except Exception as exc:
        db.session.rollback()
        fail_run(job.id, run, f"{type(exc).__name__}: {exc}")
        raise
    if not finish_run(job.id, run, file_name, {**params, **extra}, progress=1):
        storage().delete(file_name)


# A cohort's CSV gradebook in the background (issue 17 item 2): 10,000 attempts with 190,000 levels take half a
# second of CPU and 1-4.5 s on a loaded server, so above DIRECT_GRADEBOOK_MAX_ATTEMPTS completed attempts it is a job
# too (the same progress page), and a smaller one still streams.

GRADEBOOK = "cohort_gradebook"


def gradebook_small_enough_to_stream(cohort: Cohort) -> bool:
    limit = current_app.config.get("DIRECT_GRADEBOOK_MAX_ATTEMPTS", 2000)
    # Counted no further than the limit: counting a 10,000-attempt cohort took PostgreSQL 100 ms of heap reads.
    first = (select(Attempt.id).where(
        Attempt.learner_id.in_(select(cohort_learners.c.user_id).where(cohort_learners.c.cohort_id == cohort.id)),
        Attempt.status == "completed").limit(limit + 1).subquery())
    return (db.session.scalar(select(func.count()).select_from(first)) or 0) <= limit


def queue_gradebook(cohort: Cohort, requested_by: User) -> ExportJob:
    """A queued job for the cohort's gradebook (the caller commits, then enqueues job.id)."""
    job = ExportJob(kind=GRADEBOOK, requested_by_id=requested_by.id, cohort_id=cohort.id, total=1, params={})
    db.session.add(job)
    db.session.flush()
    return job


def run_gradebook_job(job: ExportJob) -> None:
    cohort = db.session.get(Cohort, job.cohort_id or -1)
    run = claim_run(job.id, 1)
    if run is None:
        return
    try:
        if cohort is None:
            raise LookupError("the cohort no longer exists")
        body = gradebook_csv(cohort).encode("utf-8")
        file_name = write_export(f"{GRADEBOOK}-{cohort.id}-job-{job.id}-{secrets.token_hex(8)}.csv", body)
    except Exception as exc:
        db.session.rollback()
        fail_run(job.id, run, f"{type(exc).__name__}: {exc}")
        raise
    if not finish_run(job.id, run, file_name, dict(job.params or {}), progress=1):
        storage().delete(file_name)


def write_export(file_name: str, body: bytes) -> str:
    """Keep a finished export in the export storage (EXPORT_DIR or a bucket), whole or not at all."""
    storage().put_bytes(file_name, body)
    return file_name


def run_cohort_job(job: ExportJob) -> None:
    """Render every learner's portfolio of the cohort into one ZIP with a SHA-256 manifest, reporting progress."""
    job_id = job.id
    cohort = db.session.get(Cohort, job.cohort_id)
    params = dict(job.params or {})
    run = claim_run(job.id, len(cohort.learners))
    if run is None:   # neither queued nor failed: another worker has it, or it is done
        return
    folder = export_dir()
    folder.mkdir(parents=True, exist_ok=True)
    file_name = f"cohort-{cohort.id}-job-{job_id}-{secrets.token_hex(8)}.zip"
    partial = folder / (file_name + ".part")
    entries: list[dict] = []
    try:
        include, keep = tuple(params.get("include", SECTIONS)), brand_values()
        generated = utcnow().replace(microsecond=0).isoformat() + "+00:00"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for written, learner in enumerate(cohort.learners, start=1):
                files = portfolio.evidence_files(learner_evidence(learner), cache=page_cache(), include=include,
                                                 keep_values=keep, generated_at=generated)
                for kind, ext, body in (("portfolio", "pdf", files["portfolio.pdf"]),
                                        ("evidence", "json", files["evidence.json"])):
                    name = export_name(learner, kind, ext)
                    archive.writestr(name, body)
                    entries.append(portfolio.file_entry(name, body))
                if not record_progress(job_id, run, written):
                    raise Superseded
            manifest_body = portfolio.manifest_bytes("cohort-export", entries, generated_at=generated,
                                                     include=include, cohort={"id": cohort.id, "name": cohort.name})
            archive.writestr("manifest.json", manifest_body)
        storage().put_file(file_name, partial)   # appears whole or not at all: a rename, or one upload
    except Superseded:
        partial.unlink(missing_ok=True)
        return
    except Exception as exc:
        db.session.rollback()
        fail_run(job_id, run, f"{type(exc).__name__}: {exc}")
        partial.unlink(missing_ok=True)
        raise
    params["manifest_sha256"] = hashlib.sha256(manifest_body).hexdigest()
    if not finish_run(job_id, run, file_name, params):   # superseded while writing the manifest
        storage().delete(file_name)


def save_pack(learner: User, include: tuple, requested_by: User) -> ExportJob:
    """Build a learner's evidence pack, keep its ZIP in EXPORT_DIR as a finished job (so the page that offers the
    download can show the manifest's hash, and retention removes it like a cohort ZIP). The caller commits."""
    pack, digest = portfolio.build_evidence_pack_with_digest(learner_evidence(learner), include=include,
                                                             cache=page_cache(), keep_values=brand_values())
    file_name = write_export(f"pack-{learner.id}-{secrets.token_hex(8)}.zip", pack)
    job = ExportJob(kind="evidence_pack", requested_by_id=requested_by.id, status="done", progress=1, total=1,
                    file_name=file_name, finished_at=utcnow(),
                    params={"include": list(include), "manifest_sha256": digest, "learner_id": learner.id})
    db.session.add(job)
    db.session.flush()
    return job


DOWNLOADS = {"evidence_pack": ("evidence-pack", "zip"), "learner_portfolio": ("portfolio", "pdf"),
             "learner_logbook": ("logbook", "pdf")}


def download_name(job: ExportJob) -> str:
    if job.kind in DOWNLOADS:
        learner = db.session.get(User, (job.params or {}).get("learner_id") or -1)
        include = (job.params or {}).get("include") or list(SECTIONS)
        kind, ext = DOWNLOADS[job.kind]
        if tuple(include) != SECTIONS and job.kind != "learner_logbook":
            kind = f"{kind}-{include[0]}-only"
        return export_name(learner, kind, ext) if learner else f"{kind}.{ext}"
    if job.kind == GRADEBOOK:
        return f"cohort-{job.cohort_id}-gradebook.csv"
    return f"cohort-{job.cohort_id}-portfolios.zip"


def download_mimetype(job: ExportJob) -> str:
    if job.kind == GRADEBOOK:
        return "text/csv"
    return "application/pdf" if DOWNLOADS.get(job.kind, ("", "zip"))[1] == "pdf" else "application/zip"


# Stalled jobs.

def stale_limit() -> timedelta | None:
    minutes = current_app.config["EXPORT_STALE_MINUTES"]
    return timedelta(minutes=minutes) if minutes > 0 else None


def stalled_for(job: ExportJob, now: datetime | None = None) -> timedelta | None:
    """How long a queued or running job has gone without a change, when that is longer than the limit; else None."""
    limit = stale_limit()
    if limit is None or job.status not in ACTIVE:
        return None
    idle = (now or utcnow()) - job.updated_at
    return idle if idle > limit else None


def _stalled(now: datetime, limit: timedelta):
    return and_(JOBS.c.status.in_(ACTIVE), JOBS.c.updated_at < now - limit)


def _stalled_or_failed(now: datetime):
    limit = stale_limit()
    if limit is None:
        return JOBS.c.status == "failed"
    return or_(JOBS.c.status == "failed", _stalled(now, limit))


def restart(job_id: int) -> bool:
    """Queue a stalled or failed job again (the caller enqueues it); False, changing nothing, for any other job:
    one that still moves, is done or expired, or that someone started again a moment ago."""
    result = db.session.execute(update(JOBS).where(JOBS.c.id == job_id, _stalled_or_failed(utcnow()))
                                .values(status="queued", progress=0, error=None, finished_at=None))
    db.session.commit()
    return result.rowcount == 1


def fail_stalled(now: datetime) -> list[ExportJob]:
    """Mark every stalled job failed, saying why; a worker still holding one stops at its next portfolio."""
    limit = stale_limit()
    if limit is None:
        return []
    jobs = db.session.scalars(select(ExportJob).where(_stalled(now, limit))).all()
    failed = []
    for job in jobs:
        minutes = int((now - job.updated_at).total_seconds() // 60)
        error = (f"Stalled: no progress for {minutes} minutes while {job.status} (the limit is "
                 f"{int(limit.total_seconds() // 60)}); the worker probably stopped. Marked failed by "
                 f"`exports prune`. Start it again to finish it.")
        marked = db.session.execute(update(JOBS).where(JOBS.c.id == job.id, _stalled(now, limit))
                                    .values(status="failed", error=error, finished_at=now))
        if marked.rowcount == 1:
            failed.append(job)
    db.session.commit()
    return failed


# Retention.

def export_dir() -> Path:
    """The workers' scratch folder (ZIPs being written) and, with EXPORT_STORAGE=local, where finished ones stay."""
    return Path(current_app.config["EXPORT_DIR"])


def retention() -> timedelta | None:
    days = current_app.config["EXPORT_RETENTION_DAYS"]
    return timedelta(days=days) if days > 0 else None


def expire_old(now: datetime) -> list[ExportJob]:
    """Delete the ZIP of every export that finished more than EXPORT_RETENTION_DAYS ago and mark the job expired.
    The file goes first: if deleting fails the job stays done and the next prune tries again."""
    keep = retention()
    if keep is None:
        return []
    jobs = db.session.scalars(select(ExportJob).where(ExportJob.status == "done",
                                                      ExportJob.finished_at < now - keep)).all()
    for job in jobs:
        if job.file_name:
            storage().delete(job.file_name)
        job.status, job.expired_at = "expired", now
    db.session.commit()
    return list(jobs)


def remove_old_parts() -> list[Path]:
    """Delete `.part` files (ZIPs being written) untouched for a day: their run died before it finished."""
    folder = export_dir()
    if not folder.is_dir():
        return []
    removed = []
    for path in sorted(folder.glob("*.part")):
        if time.time() - path.stat().st_mtime > PART_MAX_AGE.total_seconds():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


@dataclass
class PruneReport:
    expired: list = field(default_factory=list)
    parts: list = field(default_factory=list)
    stalled: list = field(default_factory=list)


def prune_files(now: datetime | None = None) -> PruneReport:
    """What a new cohort export does on the way: expired ZIPs and old .part files go."""
    now = now or utcnow()
    return PruneReport(expired=expire_old(now), parts=remove_old_parts())


def prune(now: datetime | None = None) -> PruneReport:
    """The CLI's prune: files, and stalled jobs marked failed."""
    now = now or utcnow()
    report = prune_files(now)
    report.stalled = fail_stalled(now)
    return report
