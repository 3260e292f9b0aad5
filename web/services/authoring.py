"""Scenarios authored in the browser: checked by the simulator's own validator (every problem with its line),
saved as numbered versions that are never edited, previewed for a seed, then published to the author's cohorts.

A learner in one of those cohorts finds the published version in the catalogue and plays it like any other; the
attempt's stored instance keeps the version it was played on. Ids are unique across the shipped library and every
authored scenario, and an authored scenario keeps its id for ever. This module never commits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flask import abort
from sqlalchemy import bindparam, select

import simulator
from web.extensions import db
from web.models import AuthoredScenario, AuthoredVersion, Cohort, User, authored_scenario_cohorts, utcnow
from web.services.errors import AttemptError
from web.services.library import library

MAX_TEXT = 200_000
ID_LINE = re.compile(r"^id\s*:", re.M)


class AuthoringError(ValueError):
    """The author's request cannot be done as asked (the message says why)."""


class ScenarioProblems(AuthoringError):
    """The text is not a valid scenario; `.problems` lists each as a dict: line, field, message, fix."""

    def __init__(self, problems: list[dict]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the scenario")


@dataclass(frozen=True)
class Checked:
    scenario: simulator.Scenario
    text: str


def _problem(message: str, fix: str, line: int | None = None, field: str = "") -> dict:
    return {"line": line, "field": field, "message": message, "fix": fix}


def id_line(text: str) -> int | None:
    match = ID_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


@lru_cache(maxsize=128)
def _load(text: str) -> simulator.Scenario:
    return simulator.load_scenario_text(text, "scenario.yaml")


def check(text: str, authored: AuthoredScenario | None = None) -> Checked:
    """The validated scenario for this text, or ScenarioProblems with every problem and its line."""
    text = (text or "").replace("\r\n", "\n")
    if not text.strip():
        raise ScenarioProblems([_problem("the scenario is empty", "paste or upload a scenario YAML file; "
                                         "scenarios/_example.yaml shows every field")])
    if len(text) > MAX_TEXT:
        raise ScenarioProblems([_problem(f"the scenario is {len(text):,} characters; the most is {MAX_TEXT:,}",
                                         "shorten it")])
    try:
        scenario = _load(text)
    except simulator.ScenarioFileError as exc:
        raise ScenarioProblems([_problem(p.message, p.fix, p.line, p.field) for p in exc.problems]) from exc
    problems = _id_problems(scenario.id, text, authored)
    if problems:
        raise ScenarioProblems(problems)
    return Checked(scenario, text)


def _id_problems(scenario_id: str, text: str, authored: AuthoredScenario | None) -> list[dict]:
    line = id_line(text)
    if authored is not None:
        if scenario_id != authored.scenario_id:
            return [_problem(f"the id is {scenario_id!r}, but this scenario's id is {authored.scenario_id!r}",
                             f"keep `id: {authored.scenario_id}` (attempts and versions are filed under it); "
                             "to start another scenario, use New scenario", line, "id")]
        return []
    if scenario_id in library().scenarios:
        return [_problem(f"a shipped scenario already has the id {scenario_id!r}",
                         "choose another id (kebab-case, e.g. your-brand-late-parcel)", line, "id")]
    if db.session.scalar(select(AuthoredScenario.id).where(AuthoredScenario.scenario_id == scenario_id)):
        return [_problem(f"an authored scenario already has the id {scenario_id!r}",
                         "choose another id, or open that scenario to add a version to it", line, "id")]
    return []


def create(text: str, author: User) -> AuthoredScenario:
    checked = check(text)
    authored = AuthoredScenario(scenario_id=checked.scenario.id, author_id=author.id)
    db.session.add(authored)
    _add_version(authored, checked, author)
    db.session.flush()
    return authored


def save_version(authored: AuthoredScenario, text: str, author: User) -> AuthoredVersion:
    checked = check(text, authored)
    if checked.scenario.version == authored.latest.scenario_version:
        raise AuthoringError(f"Nothing changed since version {authored.latest.number}: no new version saved.")
    version = _add_version(authored, checked, author)
    db.session.flush()
    return version


def _add_version(authored: AuthoredScenario, checked: Checked, author: User) -> AuthoredVersion:
    number = (authored.latest.number + 1) if authored.versions else 1
    version = AuthoredVersion(number=number, text=checked.text, scenario_version=checked.scenario.version,
                              title=checked.scenario.title, created_by_id=author.id)
    authored.versions.append(version)
    return version


def version_of(authored: AuthoredScenario, number: int) -> AuthoredVersion:
    version = next((v for v in authored.versions if v.number == number), None)
    if version is None:
        abort(404)
    return version


def scenario_of(version: AuthoredVersion) -> simulator.Scenario:
    return _load(version.text)


@lru_cache(maxsize=256)
def _generate(scenario: simulator.Scenario, seed: int) -> simulator.Instance:
    return simulator.generate(scenario, seed)


def generated(scenario: simulator.Scenario, seed: int) -> simulator.Instance:
    return _generate(scenario, seed)


def preview(version: AuthoredVersion, seed: int) -> simulator.Instance:
    """The instance a learner would get for this seed; the version counts as previewed from now."""
    instance = generated(scenario_of(version), seed)
    version.previewed_at = version.previewed_at or utcnow()
    return instance


# ------------------------------------------------------------------------------------------- who may do what

def owned(authored_id: int, user: User) -> AuthoredScenario:
    """The author's own scenario (an admin may open any): another tutor's is refused (403), a missing one 404."""
    authored = db.get_or_404(AuthoredScenario, authored_id)
    if authored.author_id != user.id and user.role != "admin":
        abort(403)
    return authored


def mine(user: User) -> list[AuthoredScenario]:
    query = select(AuthoredScenario).order_by(AuthoredScenario.scenario_id)
    if user.role != "admin":
        query = query.where(AuthoredScenario.author_id == user.id)
    return list(db.session.scalars(query))


def publishable_cohorts(user: User) -> list[Cohort]:
    """A tutor publishes to their own cohorts; an admin to any."""
    query = select(Cohort).order_by(Cohort.name)
    if user.role != "admin":
        query = query.where(Cohort.tutor_id == user.id)
    return list(db.session.scalars(query))


def publish(authored: AuthoredScenario, number: int, cohort_ids: list[int], user: User) -> list[Cohort]:
    version = version_of(authored, number)
    if version.previewed_at is None:
        raise AuthoringError(f"Preview version {number} before publishing it: learners get exactly what the "
                             "preview shows.")
    allowed = {c.id: c for c in publishable_cohorts(user)}
    if not cohort_ids:
        raise AuthoringError("Choose at least one cohort to publish to.")
    if any(cid not in allowed for cid in cohort_ids):
        raise AuthoringError("You can publish only to your own cohorts.")
    authored.published_number = number
    authored.cohorts = [allowed[cid] for cid in cohort_ids]
    version.published_at = utcnow()
    return authored.cohorts


def withdraw(authored: AuthoredScenario) -> None:
    authored.published_number = None
    authored.cohorts = []


# ------------------------------------------------------------------------------------------- learners

def published_for(user: User) -> list[simulator.Scenario]:
    """The published authored scenarios of this learner's cohorts."""
    cohort_ids = [c.id for c in user.learner_cohorts]
    if not cohort_ids:
        return []
    rows = db.session.scalars(
        select(AuthoredScenario).join(authored_scenario_cohorts)
        .where(authored_scenario_cohorts.c.cohort_id.in_(cohort_ids), AuthoredScenario.published_number.is_not(None))
        .distinct().order_by(AuthoredScenario.scenario_id))
    return [scenario_of(a.published) for a in rows if a.published is not None]


def published_to(cohort: Cohort) -> list[simulator.Scenario]:
    """The authored scenarios published to this cohort (its tutor may set them as work, like shipped ones)."""
    rows = db.session.scalars(
        select(AuthoredScenario).join(authored_scenario_cohorts)
        .where(authored_scenario_cohorts.c.cohort_id == cohort.id, AuthoredScenario.published_number.is_not(None))
        .order_by(AuthoredScenario.scenario_id))
    return [scenario_of(a.published) for a in rows if a.published is not None]


def scenario_for(user: User, scenario_id: str) -> simulator.Scenario:
    """The scenario this learner may start: a shipped one, or an authored one published to one of their cohorts."""
    shipped = library().scenarios.get(scenario_id)
    if shipped is not None:
        return shipped
    for scenario in published_for(user):
        if scenario.id == scenario_id:
            return scenario
    raise AttemptError(f"There is no scenario called {scenario_id!r}.")


def version_number(scenario_id: str, scenario_version: str) -> int | None:
    """Which authored version a stored instance was generated from (None for shipped scenarios)."""
    version = played_on(scenario_id, scenario_version)
    return version.number if version is not None else None


PLAYED_ON = (select(AuthoredVersion).join(AuthoredScenario)   # built once: the result page asks on every view
             .where(AuthoredScenario.scenario_id == bindparam("scenario_id"),
                    AuthoredVersion.scenario_version == bindparam("scenario_version"))
             .order_by(AuthoredVersion.number).limit(1))


def played_on(scenario_id: str, scenario_version: str) -> AuthoredVersion | None:
    """The authored version a stored instance was generated from (None for shipped scenarios): the result and
    review pages name it, since a later version may have changed the customer or the facts."""
    return db.session.scalar(PLAYED_ON, {"scenario_id": scenario_id, "scenario_version": scenario_version})
