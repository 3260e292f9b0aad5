"""Attempts and their scoring: the generated scenario instance, the attempt and its transcript, each criterion's
level, re-scorings, replaced sign-offs, the per-learner level tally, and knowledge checks (a marked quiz)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.clock import utcnow

MODES = ("practice", "assessed")


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
    # Copied from data when stored (_summary_from_data), so the progress page need not parse ~10 KB of JSON an
    # attempt for them (issue 17).
    category: Mapped[str | None] = mapped_column(String(64))
    platform: Mapped[str | None] = mapped_column(String(32))
    sla_minutes: Mapped[float | None] = mapped_column()


@event.listens_for(ScenarioInstance, "before_insert")
@event.listens_for(ScenarioInstance, "before_update")
def _summary_from_data(_mapper, _connection, row: ScenarioInstance) -> None:
    """The summary columns follow the instance's data (stored once; only scripts ever change it)."""
    if "data" not in inspect(row).unloaded:   # an update that did not load data did not change it
        data = row.data or {}
        row.category, row.platform = _text(data.get("category")), _text(data.get("platform"))
        sla = data.get("sla_minutes")
        row.sla_minutes = None if sla is None else float(sla)


def _text(value) -> str | None:
    return None if value is None else str(value)


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


class LevelTally(db.Model):
    """How often each learner reached each level of each criterion, kept up to date as attempts are scored
    and moderated, so a cohort dashboard reads a few hundred rows instead of scanning every attempt."""

    __table_args__ = (UniqueConstraint("learner_id", "criterion", "level"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(8))
    count: Mapped[int] = mapped_column(default=0)


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
