"""Calibration between tutors (standardisation): a lead tutor picks attempts and the tutors taking part; each
levels every attempt blind (no automatic level, no evidence highlighted, nobody else's levels), and only then sees
everyone's levels beside the automatic ones, with agreement per criterion and the comments."""
from __future__ import annotations

from sqlalchemy import select

import rubrics
from rubrics.agreement import pairwise_agreement
from web.extensions import db
from web.models import Attempt, CalibrationEntry, CalibrationSession, User
from web.services.accounts import can_see_learner
from web.services.disputes import allowed_levels

MAX_COMMENT = 2000


class CalibrationError(ValueError):
    """The session or the levels cannot be saved as sent; the message says what to change."""


def may_lead(user: User) -> bool:
    """Only a lead tutor (an admin makes a tutor one) or an admin sets up a calibration session."""
    return user.role == "admin" or (user.role == "tutor" and user.lead_tutor)


def create_session(lead: User, title: str, attempt_ids: list[str], usernames: str) -> CalibrationSession:
    if not may_lead(lead):
        raise CalibrationError("Only a lead tutor sets up a calibration session.")
    title = (title or "").strip()
    if not title or len(title) > 200:
        raise CalibrationError("Give the session a title (at most 200 characters).")
    ids = sorted({int(i) for i in attempt_ids if i.isdigit() and len(i) < 10})
    attempts = list(db.session.scalars(select(Attempt).where(Attempt.id.in_(ids or [-1]),
                                                             Attempt.status == "completed")))
    if not attempts or len(attempts) != len(ids) or not all(can_see_learner(lead, a.learner_id) for a in attempts):
        raise CalibrationError("Pick one or more completed attempts of your own cohorts.")
    names = sorted({n.strip().lower() for n in (usernames or "").replace(";", ",").split(",") if n.strip()})
    tutors = list(db.session.scalars(select(User).where(User.username.in_(names or ["-"]), User.role == "tutor",
                                                        User.active.is_(True))))
    if len(tutors) != len(names) or not tutors:
        raise CalibrationError("Name one or more other tutors by username, separated by commas.")
    session = CalibrationSession(lead_id=lead.id, title=title, attempts=attempts,
                                 tutors=sorted({*tutors, lead}, key=lambda u: u.username))
    db.session.add(session)
    return session


def takes_part(user: User, session: CalibrationSession) -> bool:
    return user.role == "admin" or any(t.id == user.id for t in session.tutors)


def entry_of(session: CalibrationSession, attempt_id: int, tutor: User) -> CalibrationEntry | None:
    return next((e for e in session.entries if e.attempt_id == attempt_id and e.tutor_id == tutor.id), None)


def submit(session: CalibrationSession, attempt: Attempt, tutor: User, form) -> CalibrationEntry:
    if entry_of(session, attempt.id, tutor) is not None:
        raise CalibrationError("You have levelled this attempt already.")
    levels = {}
    for score in attempt.scores:
        level = form.get(f"level-{score.criterion}", "")
        if level not in allowed_levels(score.criterion):
            label = rubrics.CRITERIA.get(score.criterion, {}).get("label", score.criterion)
            raise CalibrationError(f"Give a level for {label}.")
        levels[score.criterion] = level
    comment = (form.get("comment") or "").strip()
    if len(comment) > MAX_COMMENT:
        raise CalibrationError(f"Keep the comment to {MAX_COMMENT} characters.")
    entry = CalibrationEntry(attempt_id=attempt.id, tutor_id=tutor.id, levels=levels, comment=comment)
    session.entries.append(entry)
    return entry


def comparison(session: CalibrationSession, attempt: Attempt) -> dict:
    """Per criterion: the automatic level, each tutor's, the pairwise agreement between tutors and how many of them
    gave the automatic level."""
    entries = sorted((e for e in session.entries if e.attempt_id == attempt.id), key=lambda e: e.tutor.username)
    rows = []
    for key in rubrics.CRITERIA:
        score = next((s for s in attempt.scores if s.criterion == key), None)
        if score is None:
            continue
        given = [e.levels.get(key) for e in entries]
        rows.append({"criterion": key, "label": rubrics.CRITERIA[key]["label"], "automatic": score.auto_level,
                     "levels": given, "agreement": pairwise_agreement([g for g in given if g is not None]),
                     "match_automatic": sum(1 for g in given if g == score.auto_level)})
    return {"tutors": [e.tutor.full_name for e in entries], "rows": rows,
            "comments": [(e.tutor.full_name, e.comment) for e in entries if e.comment]}
