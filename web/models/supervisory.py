"""Supervisory exercises (issue 12): a document, profiling or monitoring attempt and a tutor's moderations of it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.clock import utcnow

SUPERVISORY_KINDS = ("document", "profiling", "monitoring")   # issue 12: the standard's supervisory half


class SupervisoryAttempt(db.Model):
    """A supervisory exercise (a strategy or procedure document, a platform profile, a monitoring review): the brief
    generated from the seed, what the learner is writing (the draft, autosaved) and, once submitted, what they sent
    and the scorer's result (each criterion's level with quoted evidence, named mistakes, the rubric that judged it).
    The brief is stored whole so the attempt can be shown and explained after the generators change; the seed and
    task give it again."""

    __tablename__ = "supervisory_attempt"
    __table_args__ = (db.Index("ix_supervisory_attempt_learner_kind", "learner_id", "kind", "submitted_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))            # one of SUPERVISORY_KINDS
    task: Mapped[str] = mapped_column(String(32))            # the variant, e.g. "strategy" or "escalation"
    seed: Mapped[int] = mapped_column()
    brief: Mapped[dict] = mapped_column(JSON, deferred=True)
    draft: Mapped[str] = mapped_column(Text, default="", server_default="")
    draft_saved_at: Mapped[datetime | None] = mapped_column()
    answer: Mapped[str | None] = mapped_column(Text)          # what was submitted (never changes afterwards)
    result: Mapped[dict | None] = mapped_column(JSON)
    rubric_id: Mapped[str | None] = mapped_column(String(80))
    rubric_version: Mapped[int | None] = mapped_column()
    rubric_hash: Mapped[str | None] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(index=True)

    learner = relationship("User")
    moderations = relationship("SupervisoryModeration", back_populates="attempt",
                               order_by="SupervisoryModeration.id", cascade="all, delete-orphan", passive_deletes=True)


class SupervisoryModeration(db.Model):
    """A tutor's change of one criterion's level on a supervisory attempt, with the comment. Never edited: the
    standing level of a criterion is the newest moderation's, else the scorer's (web/services/supervisory.py)."""

    __tablename__ = "supervisory_moderation"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("supervisory_attempt.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32))
    tutor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    old_level: Mapped[int] = mapped_column()
    new_level: Mapped[int] = mapped_column()
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("SupervisoryAttempt", back_populates="moderations")
    tutor = relationship("User")
