"""Everything the learner's workspace reads, in one statement (issue 17): the attempt with its stored instance, the
transcript and the learner's drafts of the attempt, as plain rows.

The workspace is the page a learner reloads most. Read as four statements (the ORM's Attempt with its instance,
then the transcript and the drafts), it spent more on the ORM's object loading and on each statement's round of
execution than on the rows. Here the three reads are one UNION ALL, every branch limited to the signed-in learner:
another learner's attempt gives no row at all (the view answers 404), its messages none either.

Each branch fills the columns of its own kind and leaves the others NULL; the first branch's column types decide
how every row's values are read back, and every NULL is cast to its column's type.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    Integer,
    String,
    Text,
    bindparam,
    cast,
    literal_column,
    null,
    select,
    union_all,
)

from web.extensions import db
from web.models import Attempt, Draft, Message, ScenarioInstance
from web.services import drafts

ATTEMPT, MESSAGE, DRAFT = 0, 1, 2


def _none(type_) -> Any:
    """A NULL of this type: PostgreSQL matches a UNION's columns by type, and reads two bare NULLs as text."""
    return cast(null(), type_)


def _kind(number: int) -> Any:
    return literal_column(str(number), Integer)


_ATTEMPT_BRANCH = (
    select(_kind(ATTEMPT).label("kind"), Attempt.id.label("n"), ScenarioInstance.id.label("instance_id"),
           ScenarioInstance.seed.label("seed"), Attempt.status.label("s1"), Attempt.mode.label("s2"),
           ScenarioInstance.scenario_id.label("s3"), ScenarioInstance.scenario_version.label("s4"),
           _none(Text).label("body"), _none(Float).label("minute"), _none(DateTime).label("at"),
           Attempt.state.label("state"))
    .join(ScenarioInstance, ScenarioInstance.id == Attempt.instance_id)
    .where(Attempt.id == bindparam("attempt_id"), Attempt.learner_id == bindparam("user_id")))
_MESSAGE_BRANCH = (
    select(_kind(MESSAGE), Message.id, _none(Integer), _none(Integer), Message.thread, Message.author,
           Message.channel, _none(String), Message.text, Message.sim_minute, _none(DateTime), _none(JSON))
    .join(Attempt, Attempt.id == Message.attempt_id)
    .where(Message.attempt_id == bindparam("attempt_id"), Attempt.learner_id == bindparam("user_id")))
# The attempt's drafts, every turn's (the view picks the current one). "LIKE ? || '%'", not "LIKE ?": SQLite
# prepares a statement again whenever a bare LIKE parameter is bound (its LIKE optimisation), 3x this branch's cost.
_DRAFT_BRANCH = (
    select(_kind(DRAFT), _none(Integer), _none(Integer), _none(Integer), Draft.key, _none(String), _none(String),
           _none(String), Draft.text, _none(Float), Draft.updated_at, _none(JSON))
    .where(Draft.user_id == bindparam("user_id"), Draft.key.startswith(bindparam("draft_prefix"))))
# Built once. No ORDER BY: sorting the union costs SQLite a temporary b-tree per branch (a quarter of the
# statement's time); the few messages are put in order here.
WORKSPACE_READ = union_all(_ATTEMPT_BRANCH, _MESSAGE_BRANCH, _DRAFT_BRANCH)

_INSTANCE_DATA = select(ScenarioInstance.data).where(ScenarioInstance.id == bindparam("instance_id"))


class Line(NamedTuple):
    """One message of the transcript, as the workspace shows it."""
    thread: str
    author: str
    channel: str
    text: str
    sim_minute: float


@dataclass(frozen=True)
class StoredInstanceRef:
    """The stored instance an attempt plays, named by (scenario id, version, seed). Its data (large) is read only
    when this process has not built that instance yet (web/services/library.py keeps it by those three)."""
    id: int
    scenario_id: str
    scenario_version: str
    seed: int

    @property
    def data(self) -> dict:
        return db.session.connection().execute(_INSTANCE_DATA, {"instance_id": self.id}).scalar_one()


@dataclass(frozen=True)
class WorkspaceAttempt:
    """What the workspace shows of the attempt itself."""
    id: int
    status: str
    mode: str
    state: dict | None
    instance: StoredInstanceRef


@dataclass(frozen=True)
class WorkspaceRead:
    attempt: WorkspaceAttempt
    lines: list[Line]
    drafts: dict[str, tuple[str, datetime]]   # key -> (text, saved at), every draft of the attempt


def read_workspace(attempt_id: int, user_id: int) -> WorkspaceRead | None:
    """The learner's own attempt with its transcript and drafts; None when it is missing or someone else's."""
    found = db.session.connection().execute(WORKSPACE_READ, {
        "attempt_id": attempt_id, "user_id": user_id, "draft_prefix": drafts.attempt_prefix(attempt_id)}).all()
    head = next((row for row in found if row.kind == ATTEMPT), None)
    if head is None:
        return None
    attempt = WorkspaceAttempt(id=head.n, status=head.s1, mode=head.s2, state=head.state,
                               instance=StoredInstanceRef(id=head.instance_id, scenario_id=head.s3,
                                                          scenario_version=head.s4, seed=head.seed))
    lines = [Line(row.s1, row.s2, row.s3, row.body, row.minute)
             for row in sorted((row for row in found if row.kind == MESSAGE), key=lambda row: row.n)]
    saved = {row.s1: (row.body, row.at) for row in found if row.kind == DRAFT}
    return WorkspaceRead(attempt, lines, saved)
