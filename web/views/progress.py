"""The learner's progress: grade over time, each criterion over time, response times against target,
coverage of categories and platforms, and the evidence map to the standard's performance criteria.

Charts are server-rendered inline SVG drawn by portfolio.charts, the same code that draws the PDF's (no scripts,
no style attributes), and every chart has a table with the same figures. `progress_data` builds plain values.
"""
from __future__ import annotations

from collections import Counter

from flask import Blueprint, render_template
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

import portfolio
import simulator
from portfolio.evidence import evidences
from web.extensions import db
from web.models import LogbookEntry, Message, SupervisoryAttempt, User
from web.security import roles_required, visible_learner
from web.services import scoring
from web.services.progress_rows import AttemptRow, completed_attempt_rows
from web.services.supervisory import standing_levels
from web.services.supervisory_kinds import KINDS
from web.views.logbook import CRITERION_LABELS, EVIDENCED_BY, PERFORMANCE_CRITERIA, STANDARD_TITLE

bp = Blueprint("progress", __name__, url_prefix="/progress")


def _first_responses(attempt_ids: list[int]) -> dict[int, float]:
    """Attempt id -> the simulated minutes its first timed learner reply took (the portfolio's rule)."""
    rows = db.session.execute(
        select(Message.attempt_id, Message.response_minutes)
        .where(Message.attempt_id.in_(attempt_ids or [-1]), Message.author == "learner",
               Message.response_minutes.is_not(None))
        .order_by(Message.id)).all()
    first: dict[int, float] = {}
    for attempt_id, minutes in rows:
        first.setdefault(attempt_id, float(minutes))
    return first


def _trend_input(a: AttemptRow, minutes: float | None) -> dict:
    """The little of an attempt that portfolio.trend_charts reads (the PDF gives it the full evidence)."""
    return {"submitted_at": a.submitted_at.isoformat(timespec="minutes") if a.submitted_at else None,
            "grade": a.final_grade, "scenario": {"sla_minutes": a.sla_minutes},
            "messages": [{"author": "learner", "response_minutes": minutes}] if minutes is not None else []}


def _criteria(done: list) -> tuple[list[dict], int]:
    """Each criterion's level in the latest 30 attempts (the table below the chart has the same columns)."""
    latest = done[-30:]
    criteria = []
    for key in scoring.CRITERIA:
        cells = [a.levels.get(key) for a in latest]
        if any(c is not None for c in cells):
            criteria.append({"key": key, "label": scoring.LABELS[key], "cells": cells})
    return criteria, len(done) - len(latest) + 1


def _coverage(done: list) -> dict:
    cats, plats = Counter(), Counter()
    for a in done:
        cats[a.category] += 1
        plats[a.platform] += 1
    return {
        "categories": [{"key": k, "label": v, "count": cats[k]} for k, v in simulator.CATEGORIES.items()],
        "platforms": [{"key": k, "label": p.label, "count": plats[k]} for k, p in simulator.PLATFORMS.items()],
    }


def progress_data(user: User) -> dict:
    """Plain values for the page; the charts are drawn by portfolio's chart module, as in the PDF."""
    done = completed_attempt_rows(user.id)
    first_reply = _first_responses([a.id for a in done])
    trends = portfolio.trend_charts([_trend_input(a, first_reply.get(a.id)) for a in done])
    grades = [{"i": i, "grade": a.final_grade, "title": a.scenario_id if a.data_title is None else a.data_title,
               "when": a.submitted_at} for i, a in enumerate(done, start=1)]
    times = [{"i": n, "title": done[n - 1].data_title or "", "minutes": minutes, "sla": sla,
              "late": minutes > sla} for n, minutes, sla in trends["responses"]]
    criteria, first = _criteria(done)
    coverage = _coverage(done)
    return {"attempts": done, "grades": grades, "times": times, "criteria": criteria, "coverage": coverage,
            "evidence": list(_evidence_map(user, done).values()), "standard_title": STANDARD_TITLE,
            "charts": {
                "grades": Markup(trends["grades_svg"]), "response": Markup(trends["response_svg"]),
                "criteria": Markup(portfolio.levels_heatmap([(c["label"], c["cells"]) for c in criteria], first)),
                **{group: Markup(portfolio.count_bars(title, [(r["label"], r["count"]) for r in coverage[group]]))
                   for group, title in (("platforms", "Platforms"), ("categories", "Scenario categories"))}}}


def _evidence_map(user: User, done: list) -> dict:
    """Performance criterion -> the attempts and logbook entries that evidence it."""
    evidence = {code: {"code": code, "label": label, "attempts": [], "entries": [], "exercises": [],
                       "shown_by": [CRITERION_LABELS.get(k, k) for k in EVIDENCED_BY.get(code, ())]}
                for code, label in PERFORMANCE_CRITERIA}
    for a in done:
        # The portfolio's rule: every listed criterion that applies is at its top level, and at least one applies.
        levels = a.levels
        for code, keys in EVIDENCED_BY.items():
            applicable = [k for k in keys if levels.get(k) not in (None, "na")]
            if applicable and all(levels[k] in ("2", "pass") for k in applicable):
                evidence[code]["attempts"].append(a)
    for row in evidence.values():   # assessed attempts count as evidence: list them first, and count them apart
        row["attempts"].sort(key=lambda a: a.mode != "assessed")
        row["assessed"] = sum(1 for a in row["attempts"] if a.mode == "assessed")
    for x in db.session.scalars(select(SupervisoryAttempt).where(SupervisoryAttempt.learner_id == user.id,
                                                                 SupervisoryAttempt.submitted_at.is_not(None))
                                .order_by(SupervisoryAttempt.submitted_at)):   # issue 12: the supervisory exercises
        levels = standing_levels(x)
        for code, keys in EVIDENCED_BY.items():
            if evidences(levels, keys):
                evidence[code]["exercises"].append({"id": x.id, "label": f"{KINDS[x.kind].label} {x.id}"})
    for e in db.session.scalars(select(LogbookEntry).where(LogbookEntry.learner_id == user.id)):
        for pc in e.performance_criteria or []:
            if pc in evidence:
                evidence[pc]["entries"].append(e)
    return evidence


@bp.route("/")
@roles_required("learner")
def index():
    return render_template("progress/index.html", learner=current_user, **progress_data(current_user))


@bp.route("/learners/<int:learner_id>")
@roles_required("tutor", "admin")
def learner(learner_id: int):
    user = visible_learner(learner_id)
    return render_template("progress/index.html", learner=user, **progress_data(user))
