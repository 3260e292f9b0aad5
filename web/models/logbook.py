"""A learner's own record and the comments on it: logbook entries and their comments, a tutor's feedback on an
attempt, and the drafts saved as a learner types."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.extensions import db
from web.models.clock import utcnow


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


class Feedback(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt = relationship("Attempt", back_populates="feedback")
    author = relationship("User")


class Draft(db.Model):
    """What a learner is typing, saved as they type so a reload or an expired session loses nothing."""

    __table_args__ = (UniqueConstraint("user_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
