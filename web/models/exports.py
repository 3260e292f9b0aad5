"""Work that leaves the database: long exports run by the task queue, the xAPI statement outbox, and this
install's identity that keeps its statement ids apart from another database's."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from web.extensions import db
from web.models.clock import utcnow


class ExportJob(db.Model):
    """A long export (a cohort's portfolios) run by the task queue; progress is read by the page."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="queued")   # queued | running | done | failed | expired
    progress: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    # How many times a worker has claimed the job: a run that finds a higher number was superseded and stops.
    runs: Mapped[int] = mapped_column(default=0)
    file_name: Mapped[str | None] = mapped_column(String(255))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Every change (each portfolio written) moves it: a queued or running job whose updated_at is old has stalled.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    expired_at: Mapped[datetime | None] = mapped_column()   # when retention removed the ZIP


class Install(db.Model):
    """This database's own identity (one row): a random id made once, so the xAPI statement ids of a database started
    afresh (attempts numbered from 1 again) never repeat those an LRS already holds. "" on an install that had sent
    statements before it existed: their ids stay as they were."""

    id: Mapped[int] = mapped_column(primary_key=True)
    install_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class XapiStatement(db.Model):
    """The xAPI outbox: a statement is stored with the change it reports (same transaction), then sent to the LRS
    by the task queue. Nothing is lost when the LRS is down: a statement stays pending until the LRS stores it."""

    __tablename__ = "xapi_statement"
    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[str] = mapped_column(String(36), unique=True)   # the statement's own UUID
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="SET NULL"), index=True)
    verb: Mapped[str] = mapped_column(String(32))
    body: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)   # pending | sent | rejected
    tries: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_try_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
