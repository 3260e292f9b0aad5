"""The scoring agreement report: on every attempt a person has reviewed (a moderation, or a dispute decided), how
often the level that stands agreed with the automatic one, per criterion, by cohort and by month."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select

import rubrics
from rubrics.agreement import agreement
from web.extensions import db
from web.models import (
    Attempt,
    Cohort,
    CriterionScore,
    Dispute,
    Moderation,
    Rescore,
    ScenarioInstance,
    User,
    cohort_learners,
)
from web.services.accounts import visible_learner_ids_query
from web.services.spreadsheet import csv_text


@dataclass
class Report:
    criteria: list[dict] = field(default_factory=list)    # per criterion: label, n, exact, exact_share, kappa
    cohorts: list[dict] = field(default_factory=list)     # per cohort, every criterion pooled
    months: list[dict] = field(default_factory=list)      # per month of submission, every criterion pooled
    overall: dict = field(default_factory=dict)
    disagreements: list[dict] = field(default_factory=list)
    disputes: list[dict] = field(default_factory=list)    # per criterion: decided disputes by outcome
    attempts: int = 0


def cohorts_for(user: User) -> list[Cohort]:
    query = select(Cohort).order_by(Cohort.name)
    if user.role != "admin":
        query = query.where(Cohort.tutor_id == user.id)
    return list(db.session.scalars(query))


IDS_CHUNK = 1000   # attempt ids bound in one statement


@dataclass(slots=True)
class Reviewed:
    """A reviewed attempt as the report reads it: plain values, no ORM objects (issue 17 item 2: 441 reviewed
    attempts loaded with their 8,400 score objects took 450 ms of CPU)."""
    id: int
    learner_id: int
    submitted_at: datetime | None
    title: str
    learner: str
    levels: list[tuple[str, str, str]] = field(default_factory=list)   # (criterion, automatic, standing)
    disputes: list[tuple[str, str]] = field(default_factory=list)      # (criterion, status)


def reviewed_attempts(user: User, cohort: Cohort | None = None) -> list[Reviewed]:
    """Completed attempts with a moderation or a decided dispute, whose learner the user may see, with their levels
    and disputes: one statement, then two for each IDS_CHUNK attempts found."""
    reviewed = or_(Attempt.id.in_(select(Moderation.attempt_id)),
                   Attempt.id.in_(select(Dispute.attempt_id).where(Dispute.status != "open")))
    where = [Attempt.status == "completed", reviewed]
    visible = visible_learner_ids_query(user)
    if visible is not None:
        where.append(Attempt.learner_id.in_(visible))
    if cohort is not None:
        where.append(Attempt.learner_id.in_(
            select(cohort_learners.c.user_id).where(cohort_learners.c.cohort_id == cohort.id)))
    attempts = [Reviewed(*row) for row in db.session.execute(
        select(Attempt.id, Attempt.learner_id, Attempt.submitted_at, ScenarioInstance.title, User.full_name)
        .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id).join(User, User.id == Attempt.learner_id)
        .where(*where).order_by(Attempt.submitted_at, Attempt.id))]
    by_id = {a.id: a for a in attempts}
    # The ids themselves, not the query again: PostgreSQL guessed 7,500 attempts for 441 and hashed all 190,000
    # score rows (122 ms); with the ids it probes the attempt index.
    found = list(by_id)
    for start in range(0, len(found), IDS_CHUNK):
        ids = found[start:start + IDS_CHUNK]
        for attempt_id, criterion, auto, moderated in db.session.execute(
                select(CriterionScore.attempt_id, CriterionScore.criterion, CriterionScore.auto_level,
                       CriterionScore.moderated_level).where(CriterionScore.attempt_id.in_(ids))
                .order_by(CriterionScore.id)):
            by_id[attempt_id].levels.append((criterion, auto, auto if moderated is None else moderated))
        for attempt_id, criterion, status in db.session.execute(
                select(Dispute.attempt_id, Dispute.criterion, Dispute.status).where(Dispute.attempt_id.in_(ids))
                .order_by(Dispute.id)):
            by_id[attempt_id].disputes.append((criterion, status))
    return attempts


def report_version() -> tuple:
    """What any agreement report reads, as versions in one statement: the newest and the count of moderations (a
    deleted attempt takes its own with it), re-scorings and disputes, the newest dispute decision, and cohort
    membership (who is in which cohort decides whose attempts a tutor sees and under which cohort they count).
    Any change makes a new key for every report; reports are read far more often than levels change.
    Not covered: a learner's changed display name shows once the kept report ages out."""
    figures = [func.max(Moderation.id), func.count(Moderation.id)], [func.max(Rescore.id)], \
        [func.max(Dispute.id), func.max(Dispute.resolved_at)], \
        [func.count(), func.sum(cohort_learners.c.user_id), func.sum(cohort_learners.c.cohort_id)]
    sources = (Moderation, Rescore, Dispute, cohort_learners)
    parts = [select(column).select_from(source).scalar_subquery()
             for source, columns in zip(sources, figures) for column in columns]
    return tuple(db.session.execute(select(*parts)).one())


def _cohort_names(attempts: list[Reviewed], cohorts: list[Cohort]) -> dict[int, list[str]]:
    ids = {c.id: c.name for c in cohorts}
    rows = db.session.execute(select(cohort_learners.c.user_id, cohort_learners.c.cohort_id).where(
        cohort_learners.c.user_id.in_({a.learner_id for a in attempts} or {-1}),
        cohort_learners.c.cohort_id.in_(ids or {-1}))).all()
    out: dict[int, list[str]] = {}
    for learner_id, cohort_id in rows:
        out.setdefault(learner_id, []).append(ids[cohort_id])
    return out


def build_report(user: User, cohort: Cohort | None = None) -> Report:
    attempts = reviewed_attempts(user, cohort)
    by_criterion: dict[str, list] = {}
    by_cohort: dict[str, list] = {}
    by_month: dict[str, list] = {}
    report = Report(attempts=len(attempts))
    names = _cohort_names(attempts, [cohort] if cohort else cohorts_for(user))
    for attempt in attempts:
        month = attempt.submitted_at.strftime("%Y-%m") if attempt.submitted_at else "unknown"
        in_cohorts = [by_cohort.setdefault(name, []) for name in names.get(attempt.learner_id, [])]
        criterion_pairs, month_pairs = by_criterion.setdefault, by_month.setdefault(month, [])
        for criterion, auto, standing in attempt.levels:
            pair = (auto, standing)
            if pair == ("na", "na"):
                continue
            criterion_pairs(criterion, []).append(pair)
            month_pairs.append(pair)
            for pairs in in_cohorts:
                pairs.append(pair)
            if auto != standing:
                disputed = any(c == criterion and status in ("accepted", "partly_accepted")
                               for c, status in attempt.disputes)
                report.disagreements.append({"disputed": disputed,
                    "attempt_id": attempt.id, "title": attempt.title, "learner": attempt.learner,
                    "criterion": criterion, "label": _label(criterion), "auto": auto, "human": standing})
    report.disputes = _dispute_counts(attempts)
    report.criteria = [{"key": k, "label": _label(k), **agreement(by_criterion[k])}
                       for k in rubrics.CRITERIA if k in by_criterion]
    report.cohorts = [{"key": name, **agreement(pairs)} for name, pairs in sorted(by_cohort.items())]
    report.months = [{"key": month, **agreement(pairs)} for month, pairs in sorted(by_month.items())]
    report.overall = agreement([p for pairs in by_criterion.values() for p in pairs])
    return report


def _dispute_counts(attempts: list[Reviewed]) -> list[dict]:
    """Per criterion: how many decided disputes were accepted, partly accepted and rejected."""
    counts: dict[str, dict[str, int]] = {}
    for attempt in attempts:
        for criterion, status in attempt.disputes:
            if status != "open":
                row = counts.setdefault(criterion, {"accepted": 0, "partly_accepted": 0, "rejected": 0})
                row[status] += 1
    return [{"key": k, "label": _label(k), **counts[k]} for k in rubrics.CRITERIA if k in counts]


def _label(key: str) -> str:
    return rubrics.CRITERIA.get(key, {}).get("label", key)


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def report_csv(report: Report) -> str:
    """One row per criterion, cohort and month (scope, key, label, n, exact, exact_share, kappa); cohort names
    are escaped against formula injection."""
    rows = []
    for scope, found in (("criterion", report.criteria), ("cohort", report.cohorts), ("month", report.months)):
        for row in found:
            rows.append([scope, row["key"], row.get("label", row["key"]), row["n"], row["exact"],
                         _figure(row["exact_share"]), _figure(row["kappa"])])
    o = report.overall
    rows.append(["overall", "all", "All criteria", o.get("n", 0), o.get("exact", 0),
                 _figure(o.get("exact_share")), _figure(o.get("kappa"))])
    return csv_text(["scope", "key", "label", "pairs", "exact", "exact_share", "kappa"], rows)
