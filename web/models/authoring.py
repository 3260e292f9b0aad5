"""Scenarios tutors write in the browser: the scenario, its never-edited versions, and the cohorts that see it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.association import association_table
from web.models.clock import utcnow

authored_scenario_cohorts = association_table("authored_scenario_cohorts", ("authored_id", "authored_scenario.id"),
                                              ("cohort_id", "cohort.id"))


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
