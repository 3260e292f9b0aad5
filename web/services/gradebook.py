"""The CSV gradebook of a cohort: one row per completed attempt, candidate numbers (never names), the automatic and
moderated level of every criterion, and the sign-off (with the SHA-256 of what was signed, and whether the evidence
has changed since, as the review page and the PDF say). Text cells are escaped against formula injection."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

import rubrics
from web.extensions import db
from web.models import Attempt, Cohort, cohort_learners
from web.services.signoff import changed_since_signoff
from web.services.spreadsheet import csv_text

FIXED = ["candidate_number", "cohort", "scenario", "mode", "started", "submitted", "grade", "automatic_grade"]
SIGNOFF = ["signed_off_by", "signed_off_at", "signoff_comment", "signed_sha256", "changed_since_signoff"]
CHANGED = {None: "", True: "yes", False: "no"}   # None: not signed off, or signed before hashes were kept


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def header() -> list[str]:
    levels = []
    for key in rubrics.CRITERIA:
        levels += [f"{key}_automatic", f"{key}_moderated"]
    return FIXED + levels + SIGNOFF


def rows(cohort: Cohort) -> list[list]:
    learners = select(cohort_learners.c.user_id).where(cohort_learners.c.cohort_id == cohort.id)
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.learner_id.in_(learners), Attempt.status == "completed")
        .options(selectinload(Attempt.scores), selectinload(Attempt.instance), selectinload(Attempt.learner),
                 selectinload(Attempt.signed_off_by), selectinload(Attempt.messages),
                 selectinload(Attempt.moderations), selectinload(Attempt.disputes))
        .order_by(Attempt.submitted_at, Attempt.id))
    out = []
    for a in attempts:
        scores = {s.criterion: s for s in a.scores}
        levels = []
        for key in rubrics.CRITERIA:
            s = scores.get(key)
            levels += [s.auto_level if s else "", (s.moderated_level or "") if s else ""]
        signoff = [a.signed_off_by.full_name if a.signed_off_by else "", _when(a.signed_off_at),
                   a.signoff_comment or "", a.signed_sha256 or "", CHANGED[changed_since_signoff(a)]]
        out.append([a.learner.candidate_number or "", cohort.name, a.instance.title, a.mode, _when(a.started_at),
                    _when(a.submitted_at), a.final_grade or "", a.auto_grade or ""] + levels + signoff)
    return out


def gradebook_csv(cohort: Cohort) -> str:
    return csv_text(header(), rows(cohort))
