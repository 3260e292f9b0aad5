"""The learner's progress: grade over time, each criterion over time, response times against target,
coverage of categories and platforms, and the evidence map to the standard's performance criteria.

Charts are server-rendered inline SVG (no scripts, no inline styles: classes only) and every chart has a
table with the same figures. `progress_data` builds plain values; the template draws them.
"""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from sqlalchemy import select

import simulator
from web.extensions import db
from web.models import Attempt, LogbookEntry, Message, User
from web.security import roles_required, visible_learner
from web.services import scoring
from web.views.logbook import EVIDENCED_BY, PERFORMANCE_CRITERIA, STANDARD_TITLE

bp = Blueprint("progress", __name__, url_prefix="/progress")

W, H, PAD = 640, 220, 40


def _x(i: int, n: int) -> float:
    return PAD + (W - 2 * PAD) * (i / max(1, n - 1) if n > 1 else 0.5)


def progress_data(user: User) -> dict:
    done = db.session.scalars(select(Attempt).where(Attempt.learner_id == user.id, Attempt.status == "completed")
                              .order_by(Attempt.submitted_at)).all()
    n = len(done)
    grades = []
    for i, a in enumerate(done):
        g = scoring.GRADES.index(a.final_grade) if a.final_grade in scoring.GRADES else 0
        grades.append({"i": i + 1, "x": round(_x(i, n), 1), "y": round(H - PAD - g * (H - 2 * PAD) / 3, 1),
                       "grade": a.final_grade, "title": a.instance.data.get("title", a.instance.scenario_id),
                       "when": a.submitted_at, "id": a.id})
    criteria = []
    for key in scoring.CRITERIA:
        cells = []
        for a in done[-30:]:   # the latest 30 attempts; the table below the chart has the same columns
            score = next((s for s in a.scores if s.criterion == key), None)
            cells.append(score.level if score else None)
        if any(c is not None for c in cells):
            criteria.append({"key": key, "label": scoring.LABELS[key], "cells": cells})
    replies = db.session.execute(
        select(Message, Attempt).join(Attempt, Message.attempt_id == Attempt.id)
        .where(Attempt.learner_id == user.id, Message.author == "learner", Message.response_minutes.is_not(None))
        .order_by(Message.id.desc()).limit(20)).all()
    replies = list(reversed(replies))
    top = max([m.response_minutes for m, _ in replies] + [a.instance.data.get("sla_minutes", 60) for _, a in replies]
              + [1])
    times = []
    bar_w = (W - 2 * PAD) / max(1, len(replies))
    for i, (m, a) in enumerate(replies):
        sla = a.instance.data.get("sla_minutes", 60)
        h = max(2.0, (H - 2 * PAD) * m.response_minutes / top)   # a reply at once still shows
        times.append({"x": round(PAD + i * bar_w + 2, 1), "w": round(max(2.0, bar_w - 4), 1),
                      "y": round(H - PAD - h, 1), "h": round(h, 1), "minutes": m.response_minutes, "sla": sla,
                      "sla_y": round(H - PAD - (H - 2 * PAD) * sla / top, 1), "late": m.response_minutes > sla,
                      "title": a.instance.data.get("title", "")})
    cats, plats = {}, {}
    for a in done:
        cats[a.instance.data.get("category")] = cats.get(a.instance.data.get("category"), 0) + 1
        plats[a.instance.data.get("platform")] = plats.get(a.instance.data.get("platform"), 0) + 1
    coverage = {
        "categories": [{"key": k, "label": v, "count": cats.get(k, 0)} for k, v in simulator.CATEGORIES.items()],
        "platforms": [{"key": k, "label": p.label, "count": plats.get(k, 0)} for k, p in simulator.PLATFORMS.items()],
    }
    most = max([c["count"] for c in coverage["categories"] + coverage["platforms"]] + [1])
    for group in coverage.values():
        for row in group:
            row["w"] = round(300 * row["count"] / most, 1)
    evidence = _evidence_map(user, done)
    return {"attempts": done, "grades": grades, "criteria": criteria, "times": times, "coverage": coverage,
            "evidence": list(evidence.values()), "W": W, "H": H, "PAD": PAD, "grade_names": scoring.GRADES,
            "grade_ys": [round(H - PAD - g * (H - 2 * PAD) / 3, 1) for g in range(4)], "standard_title": STANDARD_TITLE}


def _evidence_map(user: User, done: list) -> dict:
    """Performance criterion -> the attempts and logbook entries that evidence it."""
    evidence = {code: {"code": code, "label": label, "attempts": [], "entries": [],
                       "shown_by": [scoring.LABELS.get(k, k) for k in EVIDENCED_BY.get(code, ())]}
                for code, label in PERFORMANCE_CRITERIA}
    for a in done:
        # The portfolio's rule: every listed criterion that applies is at its top level, and at least one applies.
        levels = {s.criterion: s.level for s in a.scores}
        for code, keys in EVIDENCED_BY.items():
            applicable = [k for k in keys if levels.get(k) not in (None, "na")]
            if applicable and all(levels[k] in ("2", "pass") for k in applicable):
                evidence[code]["attempts"].append(a)
    for row in evidence.values():   # assessed attempts count as evidence: list them first, and count them apart
        row["attempts"].sort(key=lambda a: a.mode != "assessed")
        row["assessed"] = sum(1 for a in row["attempts"] if a.mode == "assessed")
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
