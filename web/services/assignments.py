"""Setting work: a scenario for a cohort or some of its learners, with a mode, instructions and a due date."""
from __future__ import annotations

from datetime import date, datetime, time

from web.inputs import DB_INT_MAX, InputError, whole_number
from web.models import MODES, Assignment, Cohort, User
from web.services import authoring
from web.services.library import library

MAX_INSTRUCTIONS = 4000


class AssignmentError(ValueError):
    """The work cannot be set as asked; the message says what to change."""


def _due(text: str) -> datetime | None:
    """A date as the browser's date field sends it (YYYY-MM-DD); due by the end of that day."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise AssignmentError("The due date must be a date such as 2026-12-31.") from exc
    return datetime.combine(day, time(23, 59))


def _chosen(cohort: Cohort, ids: list[str]) -> list[User]:
    members = {str(l.id): l for l in cohort.learners}
    unknown = [i for i in ids if i not in members]
    if unknown:
        raise AssignmentError("Choose learners from this cohort only.")
    return [members[i] for i in dict.fromkeys(ids)]


def new_assignment(cohort: Cohort, form, tutor: User) -> Assignment:
    """Check the form (scenario_id, mode, seed, due, instructions, learner_ids) and return an unsaved assignment."""
    scenario_id, mode = (form.get(k, "").strip() for k in ("scenario_id", "mode"))
    scenarios = {**library().scenarios, **{sc.id: sc for sc in authoring.published_to(cohort)}}
    if scenario_id not in scenarios or mode not in MODES:
        raise AssignmentError("Choose a scenario and a mode.")
    try:
        seed = whole_number(form.get("seed"), "seed")
    except InputError as exc:
        raise AssignmentError(f"The seed, if given, is a whole number from 0 to {DB_INT_MAX}, in digits 0-9.") from exc
    instructions = (form.get("instructions") or "").strip()
    if len(instructions) > MAX_INSTRUCTIONS:
        raise AssignmentError(f"Instructions can be at most {MAX_INSTRUCTIONS} characters.")
    assignment = Assignment(cohort_id=cohort.id, scenario_id=scenario_id, scenario_title=scenarios[scenario_id].title,
                            mode=mode, seed=seed, due_at=_due(form.get("due", "")), instructions=instructions,
                            created_by_id=tutor.id)
    assignment.learners = _chosen(cohort, form.getlist("learner_ids"))
    return assignment


def describe(assignment: Assignment, cohort: Cohort) -> str:
    """The confirmation a tutor reads: titles and names, never ids."""
    who = (", ".join(l.full_name for l in assignment.learners) + f" in {cohort.name}") if assignment.learners \
        else cohort.name
    due = f", due {assignment.due_at:%d %b %Y}" if assignment.due_at else ""
    return f"{assignment.title} set for {who} in {assignment.mode} mode{due}."
