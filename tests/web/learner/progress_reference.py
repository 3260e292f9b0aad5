"""The progress page's data as main drew it before the fresh-draw pass of issue 17 item 2 (at c840bca), kept
verbatim as the oracle for tests/web/learner/test_progress_same_page.py: the page drawn by web/views/progress.py
must show exactly what this shows (figures, charts, tables, evidence map). Not used by the app."""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import select

import portfolio
import simulator
from portfolio.evidence import evidences
from web.extensions import db
from web.models import Attempt, CriterionScore, LogbookEntry, Message, ScenarioInstance, SupervisoryAttempt, User
from web.services import scoring
from web.services.supervisory import standing_levels
from web.services.supervisory_kinds import KINDS
from web.views.logbook import CRITERION_LABELS, EVIDENCED_BY, PERFORMANCE_CRITERIA, STANDARD_TITLE

HEATMAP_ATTEMPTS = 30
EVIDENCE_CRITERIA = frozenset(k for keys in EVIDENCED_BY.values() for k in keys)
TABLE_PAGE = 50


@dataclass(slots=True)
class AttemptRow:
    id: int
    mode: str
    final_grade: str | None
    submitted_at: datetime | None
    title: str
    scenario_id: str
    data_title: str | None
    sla_minutes: float | None
    category: str | None
    platform: str | None
    levels: dict[str, str] = field(default_factory=dict)


def completed_attempt_rows(learner_id: int, *, all_levels_for: int, criteria: Collection[str]) -> list[AttemptRow]:
    data = ScenarioInstance.data
    rows = db.session.execute(
        select(Attempt.id, Attempt.mode, Attempt.final_grade, Attempt.submitted_at, ScenarioInstance.title,
               ScenarioInstance.scenario_id, data["title"].as_string(), data["sla_minutes"].as_float(),
               data["category"].as_string(), data["platform"].as_string())
        .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
        .where(Attempt.learner_id == learner_id, Attempt.status == "completed")
        .order_by(Attempt.submitted_at, Attempt.id)).all()
    done = [AttemptRow(id=r[0], mode=r[1], final_grade=r[2], submitted_at=r[3], title=r[4],
                       scenario_id=r[5], data_title=r[6], sla_minutes=r[7], category=r[8],
                       platform=r[9]) for r in rows]
    by_id = {a.id: a for a in done}
    newest = [a.id for a in done[-all_levels_for:]] if all_levels_for > 0 else []
    level = (CriterionScore.attempt_id, CriterionScore.criterion, CriterionScore.auto_level,
             CriterionScore.moderated_level)
    wanted = [select(*level).where(CriterionScore.attempt_id.in_(newest or [-1]))]
    if criteria:
        wanted.append(select(*level).join(Attempt, Attempt.id == CriterionScore.attempt_id)
                      .where(Attempt.learner_id == learner_id, Attempt.status == "completed",
                             CriterionScore.criterion.in_(sorted(criteria))))
    for statement in wanted:
        for attempt_id, criterion, auto, moderated in db.session.execute(statement):
            if attempt_id in by_id:
                by_id[attempt_id].levels[criterion] = moderated if moderated is not None else auto
    return done


def _first_responses(learner_id: int) -> dict[int, float]:
    rows = db.session.execute(
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
    return {"submitted_at": a.submitted_at.isoformat(timespec="minutes") if a.submitted_at else None,
            "grade": a.final_grade, "scenario": {"sla_minutes": a.sla_minutes},
            "messages": [{"author": "learner", "response_minutes": minutes}] if minutes is not None else []}


def _criteria(done: list) -> tuple[list[dict], int]:
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


def _table_page(count: int, page: int, asked: bool) -> dict:
    pages = max(1, -(-count // TABLE_PAGE))
    last = count - (page - 1) * TABLE_PAGE
    return {"page": page, "pages": pages, "first": max(1, last - TABLE_PAGE + 1), "last": last, "asked": asked}


def progress_data(user: User, page: int = 1, asked: bool = False) -> dict:
    done = completed_attempt_rows(user.id, all_levels_for=HEATMAP_ATTEMPTS, criteria=EVIDENCE_CRITERIA)
    first_reply = _first_responses(user.id)
    trends = portfolio.trend_charts([_trend_input(a, first_reply.get(a.id)) for a in done])
    table = _table_page(len(done), page, asked)
    grades = [{"i": i, "grade": a.final_grade, "title": a.scenario_id if a.data_title is None else a.data_title,
               "when": a.submitted_at} for i, a in enumerate(done[table["first"] - 1:table["last"]], table["first"])]
    times = [{"i": n, "title": done[n - 1].data_title or "", "minutes": minutes, "sla": sla,
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
    evidence = {code: {"code": code, "label": label, "attempts": [], "entries": [], "exercises": [],
                       "shown_by": [CRITERION_LABELS.get(k, k) for k in EVIDENCED_BY.get(code, ())]}
                for code, label in PERFORMANCE_CRITERIA}
    for a in done:
        levels = a.levels
        if levels.keys().isdisjoint(EVIDENCE_CRITERIA):
            continue
        for code, keys in EVIDENCED_BY.items():
            applicable = [k for k in keys if levels.get(k) not in (None, "na")]
            if applicable and all(levels[k] in ("2", "pass") for k in applicable):
                evidence[code]["attempts"].append(a)
    for row in evidence.values():
        row["attempts"].sort(key=lambda a: a.mode != "assessed")
        row["assessed"] = sum(1 for a in row["attempts"] if a.mode == "assessed")
    for x in db.session.scalars(select(SupervisoryAttempt).where(SupervisoryAttempt.learner_id == user.id,
                                                                 SupervisoryAttempt.submitted_at.is_not(None))
                                .order_by(SupervisoryAttempt.submitted_at)):
        levels = standing_levels(x)
        for code, keys in EVIDENCED_BY.items():
            if evidences(levels, keys):
                evidence[code]["exercises"].append({"id": x.id, "label": f"{KINDS[x.kind].label} {x.id}"})
    for e in db.session.scalars(select(LogbookEntry).where(LogbookEntry.learner_id == user.id)):
        for pc in e.performance_criteria or []:
            if pc in evidence:
                evidence[pc]["entries"].append(e)
    return evidence
