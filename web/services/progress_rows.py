"""A learner's completed attempts as light rows for the progress page (issue 17): the columns the page shows, the
few instance fields its charts need (read from the stored JSON by the database, never the whole instance) and the
criterion levels the page reads, in a fixed number of statements however many attempts there are. Loading ORM
attempts lazily loaded each one's instance and scores: over a thousand statements for a learner with 500 attempts.

Only the levels the page reads are fetched: every criterion of the newest attempts (the heatmap's columns) and, for
the older ones, only the criteria the evidence map reads. A reply's 19 criteria times 500 attempts were 9,500 rows
a request, most of them read by nothing (issue 17 item 2: 500k attempts)."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from web.extensions import db
from web.models import Attempt, CriterionScore, ScenarioInstance


@dataclass(slots=True)
class AttemptRow:
    id: int
    mode: str
    final_grade: str | None
    submitted_at: datetime | None
    title: str                  # the instance's title column, as lists show it
    scenario_id: str
    instance_id: int
    sla_minutes: float | None
    category: str | None
    platform: str | None
    # criterion -> level (moderated, else automatic): every criterion for the newest `all_levels_for` attempts,
    # only the `criteria` asked for on the older ones
    levels: dict[str, str] = field(default_factory=dict)


def completed_attempt_rows(learner_id: int, *, all_levels_for: int, criteria: Collection[str]) -> list[AttemptRow]:
    """The learner's completed attempts, oldest first, with every level of the newest `all_levels_for` attempts
    and the levels of `criteria` on all of them. The instance's fields are its summary columns: none of its JSON
    is read."""
    # Through the connection: plain columns need none of the ORM's result handling (0.3-0.4 ms for 500 rows).
    rows = db.session.connection().execute(
        select(Attempt.id, Attempt.mode, Attempt.final_grade, Attempt.submitted_at, ScenarioInstance.title,
               ScenarioInstance.scenario_id, Attempt.instance_id, ScenarioInstance.sla_minutes,
               ScenarioInstance.category, ScenarioInstance.platform)
        .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
        .where(Attempt.learner_id == learner_id, Attempt.status == "completed")
        .order_by(Attempt.submitted_at, Attempt.id))
    done = [AttemptRow(*r) for r in rows]   # the columns in the dataclass's order
    by_id = {a.id: a for a in done}
    newest = [a.id for a in done[-all_levels_for:]] if all_levels_for > 0 else []
    level = (CriterionScore.attempt_id, CriterionScore.criterion, CriterionScore.auto_level,
             CriterionScore.moderated_level)
    rows = list(db.session.execute(select(*level).where(CriterionScore.attempt_id.in_(newest or [-1]))))
    if criteria:
        rows += _criteria_levels(learner_id, sorted(criteria), budget=len(done))
    for attempt_id, criterion, auto, moderated in rows:
        if attempt_id in by_id:
            by_id[attempt_id].levels[criterion] = moderated if moderated is not None else auto
    return done


def _criteria_levels(learner_id: int, criteria: list[str], budget: int) -> list:
    """(attempt id, criterion, automatic level, moderated level) of `criteria` on the learner's completed attempts,
    and maybe on others' too (the caller keeps its own).

    Criterion first while these criteria are rare in the whole database, as the evidence map's are (replies are
    scored on other criteria): their index entries are read in well under a millisecond, where probing each of the
    learner's attempts for each criterion takes attempts x criteria probes (500 x 18: 2.5 ms of SQLite on a quiet
    machine, 12 on a busy one). Past `budget` rows the learner-first probe is the cheaper one, and runs instead."""
    level = (CriterionScore.attempt_id, CriterionScore.criterion, CriterionScore.auto_level,
             CriterionScore.moderated_level)
    rows = db.session.execute(select(*level).where(CriterionScore.criterion.in_(criteria)).limit(budget + 1)).all()
    if len(rows) <= budget:
        return rows
    # (attempt_id, criterion) is unique, so its index answers this without reading the rows that do not match
    return db.session.execute(select(*level).join(Attempt, Attempt.id == CriterionScore.attempt_id)
                              .where(Attempt.learner_id == learner_id, Attempt.status == "completed",
                                     CriterionScore.criterion.in_(criteria))).all()


def data_titles(instance_ids: Collection[int]) -> dict[int, str | None]:
    """Instance id -> the generated instance's own title (the charts' tables show it), read from the JSON of these
    instances only: the page's tables show one page of attempts."""
    return dict(db.session.execute(select(ScenarioInstance.id, ScenarioInstance.data["title"].as_string())
                                   .where(ScenarioInstance.id.in_(set(instance_ids) or {-1}))).all())
