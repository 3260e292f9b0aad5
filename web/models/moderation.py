"""Quality of marks: a tutor's moderation of a level, a learner's dispute of one, IQA sampling and
checks, and calibration sessions where tutors level the same attempts blind."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.association import association_table
from web.models.clock import utcnow


class Moderation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32))
    tutor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    old_level: Mapped[str] = mapped_column(String(8))
    new_level: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("Attempt", back_populates="moderations")
    tutor = relationship("User")


DISPUTE_OUTCOMES = ("accepted", "partly_accepted", "rejected")


class Dispute(db.Model):
    """A learner disputes one criterion's level on an assessed attempt, with a reason; a tutor accepts, partly
    accepts or rejects it with a comment. A level it changes is also a Moderation, so the grade follows."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    criterion: Mapped[str] = mapped_column(String(32))
    disputed_level: Mapped[str] = mapped_column(String(8))            # the level as it stood when disputed
    requested_level: Mapped[str | None] = mapped_column(String(8))    # what the learner thinks it should be
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)   # open | DISPUTE_OUTCOMES
    tutor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    outcome_level: Mapped[str | None] = mapped_column(String(8))      # the level after the tutor's decision
    outcome_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column()

    attempt = relationship("Attempt", back_populates="disputes")
    learner = relationship("User", foreign_keys=[learner_id])
    tutor = relationship("User", foreign_keys=[tutor_id])


IQA_OUTCOMES = ("agree", "action")   # agree with the assessor's decision, or an action for the assessor


class IqaSample(db.Model):
    """One draw of signed-off evidence from a cohort by an IQA, with the plan that sized it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    iqa_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"))
    seed: Mapped[int] = mapped_column()
    plan: Mapped[dict] = mapped_column(JSON, default=dict)   # per assessor: population, rate, size, picked
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    iqa = relationship("User")
    cohort = relationship("Cohort")
    checks = relationship("IqaCheck", back_populates="sample", order_by="IqaCheck.id", cascade="all, delete-orphan")


class IqaCheck(db.Model):
    """The IQA's check of one sampled attempt: outcome and comment; an action is answered by the assessor."""

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("iqa_sample.id", ondelete="CASCADE"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    assessor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)   # who signed the attempt off
    outcome: Mapped[str] = mapped_column(String(16), default="pending")   # pending | IQA_OUTCOMES
    comment: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime | None] = mapped_column()
    response: Mapped[str | None] = mapped_column(Text)
    responded_at: Mapped[datetime | None] = mapped_column()

    sample = relationship("IqaSample", back_populates="checks")
    attempt = relationship("Attempt")
    assessor = relationship("User")


calibration_attempts = association_table("calibration_attempts", ("session_id", "calibration_session.id"),
                                         ("attempt_id", "attempt.id"))
calibration_tutors = association_table("calibration_tutors", ("session_id", "calibration_session.id"),
                                       ("user_id", "user.id"))


class CalibrationSession(db.Model):
    """Standardisation: a lead tutor picks attempts; the tutors taking part level them blind, then compare."""

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    lead = relationship("User")
    attempts = relationship("Attempt", secondary=calibration_attempts, order_by="Attempt.id")
    tutors = relationship("User", secondary=calibration_tutors, order_by="User.username")
    entries = relationship("CalibrationEntry", back_populates="session", cascade="all, delete-orphan")


class CalibrationEntry(db.Model):
    """One tutor's blind levels (criterion -> level) and comment on one attempt of a session."""

    __table_args__ = (UniqueConstraint("session_id", "attempt_id", "tutor_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("calibration_session.id", ondelete="CASCADE"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    tutor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    levels: Mapped[dict] = mapped_column(JSON, default=dict)
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    session = relationship("CalibrationSession", back_populates="entries")
    tutor = relationship("User")
