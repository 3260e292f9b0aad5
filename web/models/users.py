"""Accounts: a user, their role, password and session version (sign-in and sign-out)."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from web.extensions import db
from web.models.clock import utcnow
from web.models.cohorts import cohort_assessors, cohort_iqas, cohort_learners

ROLES = ("learner", "tutor", "assessor", "iqa", "admin")   # iqa: internal quality assurer (read-only sampling)


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
