"""Storing a scorer's result and a tutor's moderation: automatic and moderated levels side by side.

Levels are stored as short strings ("2", "1", "0", "pass", "fail", "na") so one column holds every kind.
"""
from __future__ import annotations

import rubrics
from web.extensions import db
from web.models import Attempt, CriterionScore, LevelTally, Moderation, User
from web.services import xapi_outbox

NA = "na"


def level_to_str(level) -> str:
    return NA if level is None else str(level)


def str_to_level(text: str):
    if text == NA:
        return None
    return int(text) if text.isdigit() else text


def effective_levels(attempt: Attempt) -> dict:
    return {s.criterion: str_to_level(s.level) for s in attempt.scores}


def _apply_tallies(learner_id: int, deltas: dict[tuple[str, str], int]) -> None:
    """Add each (criterion, level) delta to the learner's tallies in one atomic upsert:
    INSERT ... ON CONFLICT (learner_id, criterion, level) DO UPDATE SET count = count + excluded.count.

    The database adds, so simultaneous scorings never lose a count (reading the row and writing count + delta
    did: 5 of 200 lost on PostgreSQL, and a UniqueViolation when two inserted the same new row). Rows go in key
    order, so two transactions lock them in the same order and cannot deadlock."""
    rows = [{"learner_id": learner_id, "criterion": criterion, "level": level, "count": delta}
            for (criterion, level), delta in sorted(deltas.items()) if delta]
    if not rows:
        return
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:   # pragma: no cover - the app runs on SQLite and PostgreSQL only
        raise RuntimeError(f"no atomic tally upsert for {dialect}")
    statement = insert(LevelTally).values(rows)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=["learner_id", "criterion", "level"],
        set_={"count": LevelTally.count + statement.excluded["count"]}))


def store_result(attempt: Attempt, result: dict) -> None:
    """Keep the scorer's whole result and one row per criterion; count it in the learner's tallies."""
    deltas: dict[tuple[str, str], int] = {}
    for old in list(attempt.scores):   # a re-score replaces the automatic levels and their tallies
        deltas[(old.criterion, old.level)] = deltas.get((old.criterion, old.level), 0) - 1
        attempt.scores.remove(old)
    db.session.flush()
    attempt.result = result
    attempt.auto_grade = attempt.final_grade = result["grade"]
    rubric = result.get("rubric", {})
    attempt.rubric_id, attempt.rubric_hash = rubric.get("id"), rubric.get("hash")
    attempt.scorer_version = rubric.get("scorer_version")
    for key, judgement in result["criteria"].items():
        level = level_to_str(judgement.get("level"))
        attempt.scores.append(CriterionScore(
            criterion=key, auto_level=level, confidence=judgement.get("confidence"),
            reason=judgement.get("reason"), evidence=judgement.get("evidence") or []))
        deltas[(key, level)] = deltas.get((key, level), 0) + 1
    attempt.unsure_count = sum(1 for j in result["criteria"].values() if j.get("confidence") == "low")
    _apply_tallies(attempt.learner_id, deltas)


class ModerationError(ValueError):
    """The tutor's moderation cannot be applied as asked (message says why)."""


def moderate(attempt: Attempt, criterion: str, new_level: str, comment: str, tutor: User) -> Moderation:
    score = next((s for s in attempt.scores if s.criterion == criterion), None)
    if score is None:
        raise ModerationError(f"This attempt has no {criterion!r} score to moderate.")
    allowed = {"pass", "fail"} if criterion == "data_protection" else {"2", "1", "0"}
    allowed.add(NA)
    if new_level not in allowed:
        raise ModerationError(f"{criterion} takes one of {', '.join(sorted(allowed))}.")
    if not comment.strip():
        raise ModerationError("Say why you changed the level: the learner and the assessor will read it.")
    old = score.level
    if old == new_level:
        raise ModerationError(f"{criterion} is already at {new_level}.")
    if score.confidence == "low" and score.moderated_level is None:
        attempt.unsure_count = max(0, attempt.unsure_count - 1)
    record = Moderation(criterion=criterion, tutor_id=tutor.id, old_level=old, new_level=new_level,
                        comment=comment.strip())
    attempt.moderations.append(record)
    score.moderated_level = new_level
    _apply_tallies(attempt.learner_id, {(criterion, old): -1, (criterion, new_level): +1})
    attempt.final_grade, _rule = moderated_grade(attempt)
    xapi_outbox.record_remarked(attempt, tutor)   # the LRS hears the marks as they now stand
    return record


def moderated_grade(attempt: Attempt) -> tuple[str, str]:
    """(grade, rule) from the levels as they stand now (moderated in place of automatic), with the scorer's
    scenario checks, so a grade rule never describes levels a tutor has since changed."""
    return rubrics.grade(effective_levels(attempt), checks=(attempt.result or {}).get("checks"))


def grade_rule(attempt: Attempt) -> str:
    """The sentence that explains the attempt's grade today: the scorer's own until a tutor moderates."""
    if not attempt.moderations:
        return (attempt.result or {}).get("grade_rule") or ""
    return moderated_grade(attempt)[1]


def replace_automatic(attempt: Attempt, result: dict) -> dict[str, dict]:
    """A newer scorer's result for an attempt already marked: the automatic levels are updated in place, a tutor's
    moderated level stays in force (and in the tallies, which count the level in force), the grades follow.
    Returns the criteria whose automatic level changed: {criterion: {"old", "new", "moderated"}}."""
    by_key = {s.criterion: s for s in attempt.scores}
    deltas: dict[tuple[str, str], int] = {}
    changes: dict[str, dict] = {}
    for key, judgement in result["criteria"].items():
        new = level_to_str(judgement.get("level"))
        score = by_key.get(key)
        if score is None:
            score = CriterionScore(criterion=key, auto_level=new)
            attempt.scores.append(score)
            deltas[(key, new)] = deltas.get((key, new), 0) + 1
            changes[key] = {"old": None, "new": new, "moderated": None}
        elif score.auto_level != new:
            changes[key] = {"old": score.auto_level, "new": new, "moderated": score.moderated_level}
            if score.moderated_level is None:
                deltas[(key, score.auto_level)] = deltas.get((key, score.auto_level), 0) - 1
                deltas[(key, new)] = deltas.get((key, new), 0) + 1
        score.auto_level = new
        score.confidence, score.reason = judgement.get("confidence"), judgement.get("reason")
        score.evidence = judgement.get("evidence") or []
    attempt.result = result
    attempt.auto_grade = result["grade"]
    rubric = result.get("rubric", {})
    attempt.rubric_id, attempt.rubric_hash = rubric.get("id"), rubric.get("hash")
    attempt.scorer_version = rubric.get("scorer_version")
    attempt.final_grade = moderated_grade(attempt)[0] if attempt.moderations else result["grade"]
    attempt.unsure_count = sum(1 for s in attempt.scores if s.confidence == "low" and s.moderated_level is None)
    _apply_tallies(attempt.learner_id, deltas)
    return changes
