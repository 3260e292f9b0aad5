"""Re-scoring stored attempts with the current scorer (issue 11.6), as `flask --app app rescore` runs it.

Each attempt marked by another scorer version or rubric is scored again from its stored messages and scenario
instance; its automatic levels are replaced in place (a tutor's moderated levels stay in force) and a Rescore row
keeps the old and new levels, grades and versions beside it, as moderations are kept. Running it again finds
nothing to do: an attempt already marked by the current scorer and rubric is skipped. Never commits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from sqlalchemy import select

import rubrics
from web.extensions import db
from web.models import Attempt, Rescore, ScenarioInstance
from web.services import attempts as attempt_service
from web.services import xapi_outbox
from web.services.errors import AttemptError
from web.services.marks import replace_automatic

SCORED_TYPES = ("public_reply", "conversation", "live_chat", "crisis")   # triage is ranked, not scored


@dataclass
class RescoreReport:
    seen: int = 0
    rescored: int = 0
    changed: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def current() -> dict:
    return dict(rubrics.RUBRIC_INFO)


def due_ids(scenario_id: str | None = None, force: bool = False) -> list[int]:
    """Completed, scored attempts not marked by the current scorer version and rubric (every one with `force`)."""
    info = current()
    query = select(Attempt.id).where(Attempt.status == "completed", Attempt.exercise_type.in_(SCORED_TYPES))
    if not force:
        query = query.where((Attempt.scorer_version.is_(None)) | (Attempt.scorer_version != info["scorer_version"])
                            | (Attempt.rubric_hash.is_(None)) | (Attempt.rubric_hash != info["hash"]))
    if scenario_id:
        query = query.join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id) \
            .where(ScenarioInstance.scenario_id == scenario_id)
    return list(db.session.scalars(query.order_by(Attempt.id)))


def rescore(attempt: Attempt, result: dict | None = None) -> Rescore:
    """Score the attempt again with the current scorer (or take `result`, so scored) and record what changed."""
    old_info = (attempt.result or {}).get("rubric") or {}
    old_grade, old_final = attempt.auto_grade, attempt.final_grade
    old_version = (attempt.rubric_id, old_info.get("version"), attempt.rubric_hash, attempt.scorer_version)
    if result is None:
        result = attempt_service.score_attempt(attempt, fresh=True)
    changes = replace_automatic(attempt, result)
    info = result["rubric"]
    record = Rescore(old_rubric_id=old_version[0], old_rubric_version=old_version[1], old_rubric_hash=old_version[2],
                     old_scorer_version=old_version[3], new_rubric_id=info["id"], new_rubric_version=info["version"],
                     new_rubric_hash=info["hash"], new_scorer_version=info["scorer_version"], old_grade=old_grade,
                     new_grade=attempt.auto_grade, old_final_grade=old_final, new_final_grade=attempt.final_grade,
                     changes=changes, changed=bool(changes) or old_grade != attempt.auto_grade)
    attempt.rescores.append(record)
    if record.changed:
        xapi_outbox.record_rescored(attempt)   # the LRS hears the marks as they now stand
    return record


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def rescore_all(batch_size: int = 50, scenario_id: str | None = None, force: bool = False, limit: int | None = None,
                progress: Callable[[RescoreReport, int], None] | None = None,
                commit: Callable[[], None] | None = None) -> RescoreReport:
    """Re-score every attempt due, `batch_size` at a time; `commit` is called after each batch (the CLI commits
    there, so an interrupted run keeps the batches done and a re-run carries on) and `progress` with the report so
    far and the number due. An attempt that cannot be scored is reported and left as it was."""
    ids = due_ids(scenario_id, force)
    if limit is not None:
        ids = ids[:limit]
    report = RescoreReport()
    for batch in _batches(ids, batch_size):
        for attempt_id in batch:
            attempt = db.session.get(Attempt, attempt_id)
            report.seen += 1
            try:    # scoring changes nothing stored: a failure leaves the attempt as it was
                result = attempt_service.score_attempt(attempt, fresh=True)
            except (AttemptError, rubrics.RubricsError, KeyError, ValueError, TypeError, StopIteration) as exc:
                report.failed.append((attempt_id, f"{type(exc).__name__}: {exc}"))
                continue
            record = rescore(attempt, result)
            report.rescored += 1
            report.changed += int(record.changed)
        if commit is not None:
            commit()
        if progress is not None:
            progress(report, len(ids))
    return report
