"""Supervisory exercises for the web layer (issue 12): start one from a seed, autosave the draft, submit it to the
kind's scorer, moderate a level with a comment. No commits here; the views commit.

A criterion's standing level is the newest moderation's, else the scorer's; both stay stored (the result JSON is
never changed after submission, the moderations are a history).
"""
from __future__ import annotations

import secrets

from sqlalchemy import select, update

from rubrics.documents import load_exercise_rubric
from rubrics.errors import ScoringInputError
from web.extensions import db
from web.inputs import DB_INT_MAX, InputError, whole_number
from web.models import SUPERVISORY_KINDS, SupervisoryAttempt, SupervisoryModeration, User, utcnow
from web.rendering import document_markdown
from web.services.accounts import can_see_learner, visible_learner_ids_query
from web.services.supervisory_kinds import KINDS, Kind

MAX_DRAFT_CHARS = 40_000      # the longest answer any kind's scorer takes (a document)
# An exercise is sent once, so a stray click on a half-written answer must not spend it. The document's scorer
# asks for 20 words itself; the profiling and monitoring scorers take any text (their tests score snippets).
MIN_ANSWER_WORDS = 20
MAX_COMMENT_CHARS = 4_000
NA = "na"


class AlreadySubmitted(InputError):
    """The attempt was submitted already: its answer and result never change."""


def kind_of(key) -> Kind:
    if key not in SUPERVISORY_KINDS:
        raise InputError(f"'kind' must be one of: {', '.join(SUPERVISORY_KINDS)}.")
    return KINDS[key]


def start(learner: User, kind_key, task, seed_text) -> SupervisoryAttempt:
    """A new attempt of `kind_key` on `task` (one of the kind's tasks; a kind with one task may leave it out), from
    the given seed (digits) or a fresh random one. The brief is generated now and stored whole."""
    kind = kind_of(kind_key)
    if not task and len(kind.tasks) == 1:
        task = next(iter(kind.tasks))
    if task not in kind.tasks:
        raise InputError(f"'task' must be one of: {', '.join(kind.tasks)}.")
    seed = whole_number(seed_text, "seed", maximum=DB_INT_MAX)
    if seed is None:
        seed = secrets.randbelow(DB_INT_MAX)
    attempt = SupervisoryAttempt(learner_id=learner.id, kind=kind.key, task=task, seed=seed,
                                 brief=kind.make_brief(seed, task))
    db.session.add(attempt)
    return attempt


def task_criteria(kind: Kind, task: str) -> tuple[list, list]:
    """(the rubric criteria a task is scored on, those not asked for in it), in the rubric's order: what the brief
    tells the learner to cover."""
    skipped = kind.not_applicable(task)
    criteria = load_exercise_rubric(kind.rubric_id).criteria
    return [c for c in criteria if c.key not in skipped], [c for c in criteria if c.key in skipped]


def _text(value, field: str, maximum: int) -> str:
    if not isinstance(value, str):
        raise InputError(f"'{field}' must be text.")
    if len(value) > maximum:
        raise InputError(f"'{field}' holds at most {maximum:,} characters.")
    return value


def save_draft(attempt: SupervisoryAttempt, text) -> SupervisoryAttempt:
    if attempt.submitted_at is not None:
        raise AlreadySubmitted("This exercise has been sent: its draft is no longer saved.")
    attempt.draft = _text(text, "text", MAX_DRAFT_CHARS)
    attempt.draft_saved_at = utcnow()
    return attempt


def preview_html(text) -> str:
    """The learner's Markdown as the result page shows it: rendered (tables too), then sanitised as authored
    Markdown is (raw HTML is dropped)."""
    return str(document_markdown(_text(text, "text", MAX_DRAFT_CHARS)))


def score(kind: Kind, answer: str, brief: dict, seed: int, task: str) -> dict:
    """The kind's scorer's result on the stored brief, with the criteria that do not apply to the task set to "na"."""
    result = kind.score_answer(answer, brief, seed, task)
    for key in kind.not_applicable(task):
        if key in result["criteria"] and result["criteria"][key]["level"] != NA:   # keep the scorer's reason
            result["criteria"][key] = {"level": NA, "evidence": [], "reason": "not asked for in this task"}
    return result


def submit(attempt: SupervisoryAttempt, text) -> SupervisoryAttempt:
    """Score the answer and store it with the result, once: a second submission (another tab, a double click)
    raises AlreadySubmitted, and the database update only applies while the attempt is still unsent."""
    if attempt.submitted_at is not None:
        raise AlreadySubmitted("This exercise has been sent already.")
    answer = _text(text, "answer", MAX_DRAFT_CHARS)
    if len(answer.split()) < MIN_ANSWER_WORDS:
        raise InputError(f"Write at least {MIN_ANSWER_WORDS} words before sending your answer: it is scored once.")
    try:
        result = score(KINDS[attempt.kind], answer, attempt.brief, attempt.seed, attempt.task)
    except ScoringInputError as exc:
        raise InputError(str(exc)) from exc
    rubric = result["rubric"]
    now = utcnow()
    done = db.session.execute(
        update(SupervisoryAttempt).where(SupervisoryAttempt.id == attempt.id,
                                         SupervisoryAttempt.submitted_at.is_(None))
        .values(answer=answer, draft=answer, result=result, rubric_id=rubric["id"], rubric_version=rubric["version"],
                rubric_hash=rubric["hash"], submitted_at=now)
        .execution_options(synchronize_session=False))
    if done.rowcount != 1:
        raise AlreadySubmitted("This exercise has been sent already.")
    db.session.refresh(attempt)
    return attempt


def standing_levels(attempt: SupervisoryAttempt) -> dict:
    """Criterion -> the level that stands: the newest moderation's, else the scorer's ("na" where not applicable)."""
    levels = {key: c["level"] for key, c in (attempt.result or {}).get("criteria", {}).items()}
    for m in attempt.moderations:   # oldest first: the newest wins
        levels[m.criterion] = m.new_level
    return levels


def criteria_rows(attempt: SupervisoryAttempt) -> list[dict]:
    """What the result page shows, per criterion in the rubric's order: label, automatic and standing level,
    the quoted evidence, the reason, and the moderation history."""
    if not attempt.result:
        return []
    rubric = load_exercise_rubric(KINDS[attempt.kind].rubric_id)
    standing = standing_levels(attempt)
    rows = []
    for c in rubric.criteria:
        judged = attempt.result["criteria"].get(c.key)
        if judged is None:
            continue
        rows.append({"key": c.key, "label": c.label, "description": c.description, "levels": dict(c.levels),
                     "standard": list(c.standard), "auto": judged["level"], "level": standing[c.key],
                     "evidence": judged.get("evidence") or [], "reason": judged.get("reason", ""),
                     "history": [m for m in attempt.moderations if m.criterion == c.key]})
    return rows


def may_moderate(user: User, attempt: SupervisoryAttempt) -> bool:
    """The tutor of one of the learner's cohorts, or an admin; assessors and IQAs never change levels."""
    return (user.role in ("tutor", "admin") and attempt.submitted_at is not None
            and can_see_learner(user, attempt.learner_id))


def moderate(attempt: SupervisoryAttempt, tutor: User, criterion, level_text, comment) -> SupervisoryModeration:
    """Set a criterion's level (0-2) with a required comment; the scorer's level and every earlier moderation stay."""
    if attempt.submitted_at is None:
        raise InputError("Only a submitted exercise can be moderated.")
    standing = standing_levels(attempt)
    if criterion not in standing:
        raise InputError("'criterion' must be one of this exercise's criteria.")
    if standing[criterion] == NA:
        raise InputError("That criterion does not apply to this task.")
    level = whole_number(level_text, "level", maximum=2)
    if level is None:
        raise InputError("Choose a level: 0, 1 or 2.")
    comment = _text(comment if comment is not None else "", "comment", MAX_COMMENT_CHARS).strip()
    if not comment:
        raise InputError("Say why the level changes: a comment is required.")
    moderation = SupervisoryModeration(attempt_id=attempt.id, criterion=criterion, tutor_id=tutor.id,
                                       old_level=standing[criterion], new_level=level, comment=comment)
    attempt.moderations.append(moderation)
    return moderation


def learner_attempts(learner_id: int, kind: str | None = None, limit: int = 200) -> list[SupervisoryAttempt]:
    query = select(SupervisoryAttempt).where(SupervisoryAttempt.learner_id == learner_id)
    if kind:
        query = query.where(SupervisoryAttempt.kind == kind)
    return list(db.session.scalars(query.order_by(SupervisoryAttempt.started_at.desc(),
                                                  SupervisoryAttempt.id.desc()).limit(limit)))


def review_queue(user: User, limit: int = 200) -> list[SupervisoryAttempt]:
    """Submitted attempts of the learners this user may see (a tutor's cohorts; an admin: all), newest first."""
    query = select(SupervisoryAttempt).where(SupervisoryAttempt.submitted_at.is_not(None))
    visible = visible_learner_ids_query(user)
    if visible is not None:
        query = query.where(SupervisoryAttempt.learner_id.in_(visible))
    return list(db.session.scalars(query.order_by(SupervisoryAttempt.submitted_at.desc()).limit(limit)))
