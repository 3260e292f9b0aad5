"""A learner's completed attempts as light rows for the progress page (issue 17): the columns the page shows, the
few instance fields its charts need (read from the stored JSON by the database, never the whole instance) and each
attempt's criterion levels, in three statements however many attempts there are. Loading ORM attempts lazily
loaded each one's instance and scores: over a thousand statements for a learner with 500 attempts."""
from __future__ import annotations

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
    data_title: str | None      # the generated instance's own title (the charts' tables)
    sla_minutes: float | None
    category: str | None
    platform: str | None
    levels: dict[str, str] = field(default_factory=dict)   # criterion -> level (moderated, else automatic)


def completed_attempt_rows(learner_id: int) -> list[AttemptRow]:
    """The learner's completed attempts, oldest first, with their criterion levels."""
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
    for attempt_id, criterion, auto, moderated in db.session.execute(
            select(CriterionScore.attempt_id, CriterionScore.criterion, CriterionScore.auto_level,
                   CriterionScore.moderated_level)
            .join(Attempt, Attempt.id == CriterionScore.attempt_id)
            .where(Attempt.learner_id == learner_id, Attempt.status == "completed")):
        if attempt_id in by_id:
            by_id[attempt_id].levels[criterion] = moderated if moderated is not None else auto
    return done
