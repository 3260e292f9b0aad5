"""The life of a cohort export job outside the request.

A worker claims a run and reports its progress through conditional updates, so a run that was superseded (started
again, or marked failed as stalled) finds out at its next portfolio and stops. A queued or running job whose
updated_at has not moved for EXPORT_STALE_MINUTES has stalled. Finished ZIPs are deleted EXPORT_RETENTION_DAYS after
they finished, and `.part` files that no run finished are deleted after a day: `flask --app app exports prune`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import and_, or_, select, update

from web.extensions import db
from web.models import ExportJob, utcnow

ACTIVE = ("queued", "running")
CLAIMABLE = ("queued", "failed")
PART_MAX_AGE = timedelta(days=1)
JOBS = ExportJob.__table__


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


def finish_run(job_id: int, run: int, file_name: str, params: dict) -> bool:
    return _update_run(job_id, run, status="done", file_name=file_name, params=params, finished_at=utcnow())


def fail_run(job_id: int, run: int, error: str) -> bool:
    return _update_run(job_id, run, status="failed", error=error, finished_at=utcnow())


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
            (export_dir() / job.file_name).unlink(missing_ok=True)
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
