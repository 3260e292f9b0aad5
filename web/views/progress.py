"""The learner's progress: grade over time, each criterion over time, response times against target,
coverage of categories and platforms, and the evidence map to the standard's performance criteria.

Charts are server-rendered inline SVG drawn by portfolio.charts, the same code that draws the PDF's (no scripts,
no style attributes), and every chart has a table with the same figures. `progress_data` builds plain values.

The per-attempt tables (grades, response times) show TABLE_PAGE attempts a page, the newest first: a learner with
500 attempts made a 260 KB page that took longer to render than everything else together (issue 17 item 2).
"""
from __future__ import annotations

from collections import Counter

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

import portfolio
import simulator
from portfolio.evidence import evidences
from web.extensions import db
from web.fragments import fragments
from web.inputs import InputError, whole_number
from web.models import Attempt, LogbookEntry, Message, SupervisoryAttempt, User
from web.security import roles_required, visible_learner
from web.services import scoring
from web.services.progress_rows import AttemptRow, completed_attempt_rows, data_titles
from web.services.progress_version import data_version
from web.services.supervisory import standing_levels
from web.services.supervisory_kinds import KINDS
from web.views.logbook import CRITERION_LABELS, EVIDENCED_BY, PERFORMANCE_CRITERIA, STANDARD_TITLE

bp = Blueprint("progress", __name__, url_prefix="/progress")
HEATMAP_ATTEMPTS = 30   # the criterion chart's columns: the newest attempts
EVIDENCE_CRITERIA = frozenset(k for keys in EVIDENCED_BY.values() for k in keys)   # all the evidence map reads
TABLE_PAGE = 50   # attempts a page of the grade and response-time tables
MAX_PAGE = 100_000


def _first_responses(learner_id: int) -> dict[int, float]:
    """Attempt id -> the simulated minutes its first timed learner reply took (the portfolio's rule). Joined on the
    learner rather than given the attempt ids: no bound parameter a completed attempt, however many there are."""
    rows = db.session.connection().execute(   # plain columns: no ORM result handling
        select(Message.attempt_id, Message.response_minutes)
        .join(Attempt, Attempt.id == Message.attempt_id)
        .where(Attempt.learner_id == learner_id, Attempt.status == "completed", Message.author == "learner",
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
    """Each criterion's level in the latest attempts (the table below the chart has the same columns)."""
    latest = done[-HEATMAP_ATTEMPTS:]
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


def _asked_page() -> int:
    """The table page asked for (1 when none): 400 when it is not a whole number in range."""
    try:
        return whole_number(request.args.get("page"), "page", maximum=MAX_PAGE) or 1
    except InputError as exc:
        abort(400, description=str(exc))


def _table_page(count: int, page: int) -> dict:
    """The attempt numbers (1 = the oldest) the tables show: page 1 is the newest TABLE_PAGE; 404 past the last."""
    pages = max(1, -(-count // TABLE_PAGE))
    if page > pages:
        abort(404)
    last = count - (page - 1) * TABLE_PAGE
    return {"page": page, "pages": pages, "first": max(1, last - TABLE_PAGE + 1), "last": last,
            "asked": "page" in request.args}


def progress_data(user: User, page: int = 1) -> dict:
    """Plain values for the page; the charts are drawn by portfolio's chart module, as in the PDF."""
    done = completed_attempt_rows(user.id, all_levels_for=HEATMAP_ATTEMPTS, criteria=EVIDENCE_CRITERIA)
    first_reply = _first_responses(user.id)
    trends = portfolio.trend_charts([_trend_input(a, first_reply.get(a.id)) for a in done])
    table = _table_page(len(done), page)
    shown = done[table["first"] - 1:table["last"]]
    titles = data_titles(a.instance_id for a in shown)
    grades = [{"i": i, "grade": a.final_grade, "title": a.scenario_id if titles[a.instance_id] is None
               else titles[a.instance_id], "when": a.submitted_at} for i, a in enumerate(shown, table["first"])]
    times = [{"i": n, "title": titles[done[n - 1].instance_id] or "", "minutes": minutes, "sla": sla,
              "late": minutes > sla} for n, minutes, sla in trends["responses"] if table["first"] <= n <= table["last"]]
    criteria, first = _criteria(done)
    coverage = _coverage(done)
    return {"attempts": done, "grades": grades, "times": times, "table": table,
            "timed": len(trends["responses"]), "criteria": criteria, "coverage": coverage,
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
        if levels.keys().isdisjoint(EVIDENCE_CRITERIA):
            continue   # a reply's criteria show no performance criterion: most attempts stop here
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


def _page(user: User) -> str:
    """The page, its body drawn from the learner's data only when that data changed since it was last drawn."""
    page = _asked_page()
    key = ("progress", user.id, request.endpoint, user.id == current_user.id, page, "page" in request.args,
           data_version(user.id))
    body = fragments().get(key, lambda _csrf_token: render_template("progress/_body.html", learner=user,
                                                                     **progress_data(user, page)))
    return render_template("progress/index.html", learner=user, body=body)


@bp.route("/")
@roles_required("learner")
def index():
    return _page(current_user)


@bp.route("/learners/<int:learner_id>")
@roles_required("tutor", "admin")
def learner(learner_id: int):
    return _page(visible_learner(learner_id))
