"""Persistence: what the packages return, stored. Models hold data; views and services decide."""
from __future__ import annotations

import secrets
from datetime import datetime, timezone

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from web.extensions import db

ROLES = ("learner", "tutor", "assessor", "iqa", "admin")   # iqa: internal quality assurer (read-only sampling)
MODES = ("practice", "assessed")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def new_join_code() -> str:
    # Unambiguous characters: a learner reads it off a whiteboard.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


cohort_learners = db.Table(
    "cohort_learners",
    db.Column("cohort_id", ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)
cohort_assessors = db.Table(
    "cohort_assessors",
    db.Column("cohort_id", ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)
cohort_iqas = db.Table(   # an admin attaches an IQA to the cohorts they sample (they see only those)
    "cohort_iqas",
    db.Column("cohort_id", ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)
assignment_learners = db.Table(   # none chosen: the assignment is for the whole cohort
    "assignment_learners",
    db.Column("assignment_id", ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(16), index=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    candidate_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped by signing out, a password change, a role change and deactivation: every session and remember-me
    # token carries the version it was issued with and stops working when it changes (web/sessions.py).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # A lead tutor (set by an admin) sets up calibration sessions between tutors; other tutors take part in them.
    lead_tutor: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    learner_cohorts = relationship("Cohort", secondary=cohort_learners, back_populates="learners")
    assessed_cohorts = relationship("Cohort", secondary=cohort_assessors, back_populates="assessors")
    sampled_cohorts = relationship("Cohort", secondary=cohort_iqas, back_populates="iqas", order_by="Cohort.name")

    def set_password(self, password: str, method: str = "scrypt") -> None:
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:   # what the session and the remember-me token hold
        return f"{self.id}:{self.session_version or 1}"

    @property
    def is_active(self) -> bool:  # Flask-Login refuses sign-in to deactivated accounts
        return self.active

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


class Cohort(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(16), unique=True, default=new_join_code)
    tutor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    qualification: Mapped[str] = mapped_column(String(200), default="Customer Service Practitioner (Level 2)")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tutor = relationship("User", foreign_keys=[tutor_id])
    learners = relationship("User", secondary=cohort_learners, back_populates="learner_cohorts",
                            order_by="User.username")
    assessors = relationship("User", secondary=cohort_assessors, back_populates="assessed_cohorts")
    iqas = relationship("User", secondary=cohort_iqas, back_populates="sampled_cohorts", order_by="User.username")


class CohortInvitation(db.Model):
    """A tutor asks a learner to join a cohort; the learner joins only by accepting it (their consent), by the
    cohort's join code, or when an admin adds them. Joining lets the cohort's tutor and assessors see their work."""

    __table_args__ = (UniqueConstraint("cohort_id", "learner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cohort = relationship("Cohort")
    invited_by = relationship("User", foreign_keys=[invited_by_id])


class Assignment(db.Model):
    """A tutor sets a scenario for a cohort (or chosen learners of it), in practice or assessed mode, with
    instructions and a due date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[str] = mapped_column(String(80))
    scenario_title: Mapped[str] = mapped_column(String(200), default="", server_default="")   # as it was when set
    instructions: Mapped[str] = mapped_column(Text, default="", server_default="")
    seed: Mapped[int | None] = mapped_column()
    mode: Mapped[str] = mapped_column(String(16), default="practice")
    due_at: Mapped[datetime | None] = mapped_column()
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cohort = relationship("Cohort")
    learners = relationship("User", secondary=assignment_learners, order_by="User.username")

    @property
    def title(self) -> str:
        return self.scenario_title or self.scenario_id

    def is_for(self, user: "User") -> bool:
        """Chosen learners only, or (none chosen) everyone in the cohort."""
        return not self.learners or any(l.id == user.id for l in self.learners)


class ScenarioInstance(db.Model):
    """A generated scenario, kept whole so an attempt can be replayed and explained years later."""

    __table_args__ = (UniqueConstraint("scenario_id", "scenario_version", "seed"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(80), index=True)
    scenario_version: Mapped[str] = mapped_column(String(80))
    seed: Mapped[int] = mapped_column()
    exercise_type: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The whole generated instance: large, so lists (which need only the title) never load it.
    data: Mapped[dict] = mapped_column(JSON, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attempt(db.Model):
    # Every list of attempts is for some learners (a cohort, a learner): this index serves them all. Status has
    # too few values to be worth an index, and with one SQLite picks it over this one and scans the table.
    # The staff lists (tutor home, review queue, assessor home) find a page of a cohort's attempts in the second
    # index alone, then read only that page's rows (issue 17).
    __table_args__ = (db.Index("ix_attempt_learner_submitted", "learner_id", "submitted_at"),
                      db.Index("ix_attempt_learner_lists", "learner_id", "status", "submitted_at", "mode",
                               "unsure_count", "signed_off_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("scenario_instance.id"))
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"))
    mode: Mapped[str] = mapped_column(String(16), default="practice")
    exercise_type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    state: Mapped[dict | None] = mapped_column(JSON, deferred=True)    # the simulator's conversation state
    sim_minutes: Mapped[float] = mapped_column(default=0.0)    # the simulated clock
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(index=True)
    result: Mapped[dict | None] = mapped_column(JSON, deferred=True)   # the scorer's whole result
    unsure_count: Mapped[int] = mapped_column(default=0)   # low-confidence judgements not yet moderated
    auto_grade: Mapped[str | None] = mapped_column(String(16))
    final_grade: Mapped[str | None] = mapped_column(String(16), index=True)
    rubric_id: Mapped[str | None] = mapped_column(String(80))
    rubric_hash: Mapped[str | None] = mapped_column(String(80))
    scorer_version: Mapped[str | None] = mapped_column(String(32))
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signed_off_at: Mapped[datetime | None] = mapped_column()
    signoff_comment: Mapped[str | None] = mapped_column(Text)
    signed_sha256: Mapped[str | None] = mapped_column(String(64))   # web/services/signoff.py: what was signed

    learner = relationship("User", foreign_keys=[learner_id])
    instance = relationship("ScenarioInstance")
    assignment = relationship("Assignment")
    signed_off_by = relationship("User", foreign_keys=[signed_off_by_id])
    messages = relationship("Message", back_populates="attempt", order_by="Message.id", cascade="all, delete-orphan")
    scores = relationship("CriterionScore", back_populates="attempt", cascade="all, delete-orphan")
    moderations = relationship("Moderation", back_populates="attempt", order_by="Moderation.id",
                               cascade="all, delete-orphan")
    rescores = relationship("Rescore", back_populates="attempt", order_by="Rescore.id", cascade="all, delete-orphan",
                            passive_deletes=True)
    feedback = relationship("Feedback", back_populates="attempt", order_by="Feedback.id", cascade="all, delete-orphan")
    disputes = relationship("Dispute", back_populates="attempt", order_by="Dispute.id", cascade="all, delete-orphan")
    past_signoffs = relationship("PastSignoff", back_populates="attempt", order_by="PastSignoff.id",
                                 cascade="all, delete-orphan")


class PastSignoff(db.Model):
    """A sign-off that a later one replaced, kept as it was: the evidence changed after it (a moderation, a dispute's
    decision, a re-mark) and an assessor signed off the evidence as it then stood (web/services/signoff.py)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signed_at: Mapped[datetime] = mapped_column()
    comment: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("Attempt", back_populates="past_signoffs")
    assessor = relationship("User")


class Message(db.Model):
    """One message in an attempt's transcript; every message is timestamped (real and simulated time).

    A learner's message records the attempt's turn it answered: (attempt, turn, author) is unique, so a form sent
    twice at once stores one reply, and the second request fails at the database and is told it was sent."""

    __table_args__ = (UniqueConstraint("attempt_id", "turn", "author"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    thread: Mapped[str] = mapped_column(String(32), default="main")   # live chat: one thread per customer
    author: Mapped[str] = mapped_column(String(16))                   # customer | learner | system
    channel: Mapped[str] = mapped_column(String(16), default="public")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sim_minute: Mapped[float] = mapped_column(default=0.0)
    response_minutes: Mapped[float | None] = mapped_column()
    turn: Mapped[int | None] = mapped_column()   # learner messages: state["turn"] when sent; customers: NULL

    attempt = relationship("Attempt", back_populates="messages")


class CriterionScore(db.Model):
    """One criterion's automatic level beside its moderated level: both are kept, neither overwrites."""

    __table_args__ = (UniqueConstraint("attempt_id", "criterion"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32), index=True)
    auto_level: Mapped[str] = mapped_column(String(8))        # "2" "1" "0" "pass" "fail" or "na"
    moderated_level: Mapped[str | None] = mapped_column(String(8))
    confidence: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list | None] = mapped_column(JSON)

    attempt = relationship("Attempt", back_populates="scores")

    @property
    def level(self) -> str:
        return self.moderated_level if self.moderated_level is not None else self.auto_level


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


class Rescore(db.Model):
    """One re-scoring of a stored attempt by a newer scorer (`flask --app app rescore`): the rubric and scorer
    versions and the automatic levels and grades before and after, kept beside the attempt as moderations are.
    `changes` maps each criterion whose automatic level changed to {"old", "new", "moderated"} (moderated: the
    tutor's level, which stays in force); `changed` is true when a level or the grade changed."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    old_rubric_id: Mapped[str | None] = mapped_column(String(80))
    old_rubric_version: Mapped[int | None] = mapped_column()
    old_rubric_hash: Mapped[str | None] = mapped_column(String(80))
    old_scorer_version: Mapped[str | None] = mapped_column(String(32))
    new_rubric_id: Mapped[str] = mapped_column(String(80))
    new_rubric_version: Mapped[int] = mapped_column()
    new_rubric_hash: Mapped[str] = mapped_column(String(80))
    new_scorer_version: Mapped[str] = mapped_column(String(32))
    old_grade: Mapped[str | None] = mapped_column(String(16))     # automatic grades
    new_grade: Mapped[str | None] = mapped_column(String(16))
    old_final_grade: Mapped[str | None] = mapped_column(String(16))
    new_final_grade: Mapped[str | None] = mapped_column(String(16))
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    changed: Mapped[bool] = mapped_column(default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("Attempt", back_populates="rescores")

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


calibration_attempts = db.Table(
    "calibration_attempts",
    db.Column("session_id", ForeignKey("calibration_session.id", ondelete="CASCADE"), primary_key=True),
    db.Column("attempt_id", ForeignKey("attempt.id", ondelete="CASCADE"), primary_key=True),
)
calibration_tutors = db.Table(
    "calibration_tutors",
    db.Column("session_id", ForeignKey("calibration_session.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)


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


class Feedback(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("Attempt", back_populates="feedback")
    author = relationship("User")


class LogbookEntry(db.Model):
    """A reflective entry, on a simulated attempt or on a real interaction logged from work."""

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempt.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16), default="simulated")   # simulated | real
    form: Mapped[str] = mapped_column(String(16), default="short")       # gibbs | short
    title: Mapped[str] = mapped_column(String(200))
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    performance_criteria: Mapped[list] = mapped_column(JSON, default=list)
    customer_text: Mapped[str | None] = mapped_column(Text)   # real interactions: anonymised before saving
    reply_text: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    learner = relationship("User")
    attempt = relationship("Attempt")
    comments = relationship("LogbookComment", back_populates="entry", order_by="LogbookComment.id",
                            cascade="all, delete-orphan")


class LogbookComment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("logbook_entry.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    entry = relationship("LogbookEntry", back_populates="comments")
    author = relationship("User")


class Draft(db.Model):
    """What a learner is typing, saved as they type so a reload or an expired session loses nothing."""

    __table_args__ = (UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


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


class LevelTally(db.Model):
    """How often each learner reached each level of each criterion, kept up to date as attempts are scored
    and moderated, so a cohort dashboard reads a few hundred rows instead of scanning every attempt."""

    __table_args__ = (UniqueConstraint("learner_id", "criterion", "level"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(8))
    count: Mapped[int] = mapped_column(default=0)


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


authored_scenario_cohorts = db.Table(
    "authored_scenario_cohorts",
    db.Column("authored_id", ForeignKey("authored_scenario.id", ondelete="CASCADE"), primary_key=True),
    db.Column("cohort_id", ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True),
)


class AuthoredScenario(db.Model):
    """A scenario a tutor wrote in the browser. Each saved, valid text is a new AuthoredVersion (never edited);
    learners in the chosen cohorts see the published version. Attempts keep the version they were played on (the
    generated instance is stored whole, with the version's hash)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(80), unique=True)   # the YAML's id; never a shipped one
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    published_number: Mapped[int | None] = mapped_column()   # the version learners get; None: not published
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author = relationship("User")
    versions = relationship("AuthoredVersion", back_populates="authored", order_by="AuthoredVersion.number",
                            cascade="all, delete-orphan")
    cohorts = relationship("Cohort", secondary=authored_scenario_cohorts, order_by="Cohort.name")

    @property
    def latest(self) -> "AuthoredVersion":
        return self.versions[-1]

    @property
    def published(self) -> "AuthoredVersion | None":
        return next((v for v in self.versions if v.number == self.published_number), None)


class AuthoredVersion(db.Model):
    __table_args__ = (UniqueConstraint("authored_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    authored_id: Mapped[int] = mapped_column(ForeignKey("authored_scenario.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    scenario_version: Mapped[str] = mapped_column(String(80), index=True)   # simulator's "sha256:..." of the content
    title: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    previewed_at: Mapped[datetime | None] = mapped_column()   # publishing needs a preview first
    published_at: Mapped[datetime | None] = mapped_column()

    authored = relationship("AuthoredScenario", back_populates="versions")


class KnowledgeCheck(db.Model):
    """A seeded knowledge check (simulator.make_quiz): the quiz as generated, and the marked result once answered.
    Both are stored whole, so a mark always shows the questions and explanations it was given with."""

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    seed: Mapped[int] = mapped_column()
    bank_version: Mapped[str] = mapped_column(String(16))
    quiz: Mapped[dict] = mapped_column(JSON)
    result: Mapped[dict | None] = mapped_column(JSON)
    score: Mapped[int | None] = mapped_column()
    total: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    marked_at: Mapped[datetime | None] = mapped_column()

    learner = relationship("User")


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
