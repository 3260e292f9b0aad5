"""Cohorts: their learners, assessors and IQAs, invitations to join, and the assignments a tutor sets them."""
from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.association import association_table
from web.models.clock import utcnow

if TYPE_CHECKING:
    from web.models.users import User


def new_join_code() -> str:
    # Unambiguous characters: a learner reads it off a whiteboard.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


cohort_learners = association_table("cohort_learners", ("cohort_id", "cohort.id"), ("user_id", "user.id"))
cohort_assessors = association_table("cohort_assessors", ("cohort_id", "cohort.id"), ("user_id", "user.id"))
# An admin attaches an IQA to the cohorts they sample (they see only those)
cohort_iqas = association_table("cohort_iqas", ("cohort_id", "cohort.id"), ("user_id", "user.id"))
# None chosen: the assignment is for the whole cohort
assignment_learners = association_table("assignment_learners", ("assignment_id", "assignment.id"),
                                        ("user_id", "user.id"))


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
