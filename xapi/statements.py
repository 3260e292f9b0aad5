"""xAPI statements for a learner's attempt, from plain values: attempted when it starts; scored, passed or failed,
and completed when it is marked; scored and passed or failed again when a tutor changes a level (re-mark) or a newer
scorer marks it again (rescore), each time voiding the scored and outcome statements they replace; and the
assessor's sign-off, as approved.

The actor is an account (the site's home page and a pseudonymous id): never a name or an e-mail address. Statement
ids are derived from the install (a random id stored once per database), the attempt and the verb, so sending a
statement twice stores it once, and a database started afresh (its attempts numbered from 1 again) never reuses an
id the LRS already holds; the registration (one per attempt) ties an attempt's statements together.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Mapping

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {name: ADL + name for name in ("attempted", "scored", "passed", "failed", "completed", "voided")}
# The ADL vocabulary has no verb for an assessor's sign-off; the xAPI registry's "approved" (Activity Streams) is it.
VERBS["approved"] = "http://activitystrea.ms/schema/1.0/approve"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
LANGUAGE = "en-GB"
# Grades that are not a pass (rubrics.GRADES: Refer, Pass, Merit, Distinction).
NOT_PASSED = frozenset({"Refer"})
NAMESPACE = uuid.UUID("5b1e9a3c-7d0f-4a5e-9c61-2f0d4b8e7a10")   # ours: statement ids are uuid5 under it


class XapiInputError(ValueError):
    """The values given cannot make a statement (say which and why)."""


@dataclass(frozen=True)
class Site:
    """Where the statements come from: the accounts' home page and the base of the activity ids."""

    home_page: str                 # an http(s) URL: the system the learner's account belongs to
    activity_base: str             # activity ids are <activity_base>/scenarios/<scenario id>
    platform: str = "Reply Ready"
    install: str = ""              # this database's own random id ("" on installs from before it: ids unchanged)

    def activity_id(self, scenario_id: str) -> str:
        return f"{self.activity_base.rstrip('/')}/scenarios/{scenario_id}"

    def extension(self, name: str) -> str:
        return f"{self.activity_base.rstrip('/')}/xapi/extensions/{name}"


@dataclass(frozen=True)
class AttemptFacts:
    """What the statements say about one attempt: plain values, no database rows."""

    attempt_key: str               # stable and unique on this site (the attempt's id)
    learner: str                   # the pseudonymous account name
    scenario_id: str
    scenario_title: str
    scenario_version: str
    mode: str                      # practice | assessed
    seed: int
    started_at: datetime
    finished_at: datetime | None = None
    grade: str | None = None
    levels: Mapping[str, object] = field(default_factory=dict)   # criterion -> 2/1/0, "pass"/"fail" or None
    rubric_hash: str | None = None


def scaled_score(levels: Mapping[str, object]) -> tuple[int, int] | None:
    """(points, most points) over the criteria that apply: 2/1/0 count as they are out of 2, pass 1 and fail 0
    out of 1; n/a is left out. None when no criterion applies."""
    points = most = 0
    for level in levels.values():
        if level is None:
            continue
        if level in ("pass", "fail"):
            points += level == "pass"
            most += 1
        elif isinstance(level, int) and not isinstance(level, bool) and 0 <= level <= 2:
            points += level
            most += 2
        else:
            raise XapiInputError(f"a criterion level must be 2, 1, 0, 'pass', 'fail' or None, not {level!r}")
    return (points, most) if most else None


def iso(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp with its zone; naive datetimes are taken to be UTC (as the database stores)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def duration(start: datetime, end: datetime) -> str:
    seconds = max(0.0, (end - start).total_seconds())
    return f"PT{seconds:.0f}S"


def _id(site: Site, *parts: str) -> str:
    prefix = (site.home_page, site.install) if site.install else (site.home_page,)
    return str(uuid.uuid5(NAMESPACE, "|".join((*prefix, *parts))))


def statement_id(site: Site, attempt_key: str, verb: str) -> str:
    """The id of the attempt's first statement with this verb (e.g. its 'completed', which a sign-off approves)."""
    return _id(site, "attempt", attempt_key, verb)


def _account(site: Site, name: str) -> dict:
    if not name.strip():
        raise XapiInputError("the actor's pseudonymous id is empty")
    return {"objectType": "Agent", "account": {"homePage": site.home_page, "name": name}}


def _base(site: Site, facts: AttemptFacts, verb: str, when: datetime) -> dict:
    if not facts.learner.strip():
        raise XapiInputError("the learner's pseudonymous id is empty")
    return {
        "id": _id(site, "attempt", facts.attempt_key, verb),
        "actor": {"objectType": "Agent", "account": {"homePage": site.home_page, "name": facts.learner}},
        "verb": {"id": VERBS[verb], "display": {LANGUAGE: verb}},
        "object": {"objectType": "Activity", "id": site.activity_id(facts.scenario_id),
                   "definition": {"name": {LANGUAGE: facts.scenario_title or facts.scenario_id},
                                  "type": SIMULATION}},
        "context": {
            "registration": _id(site, "attempt", facts.attempt_key),
            "revision": facts.scenario_version,
            "platform": site.platform,
            "language": LANGUAGE,
            "extensions": {site.extension("mode"): facts.mode, site.extension("seed"): facts.seed},
        },
        "timestamp": iso(when),
        "version": "1.0.3",
    }


def attempted(site: Site, facts: AttemptFacts) -> dict:
    return _base(site, facts, "attempted", facts.started_at)


def _marked(site: Site, facts: AttemptFacts, verb: str, remark: int = 0, when: datetime | None = None,
            kind: str = "remark") -> dict:
    if facts.finished_at is None or facts.grade is None:
        raise XapiInputError(f"'{verb}' needs a marked attempt (finished_at and grade)")
    statement = _base(site, facts, verb, when or facts.finished_at)
    if remark:   # a tutor changed a level, or a newer scorer marked it: a new statement with the marks as they stand
        statement["id"] = _id(site, "attempt", facts.attempt_key, verb, f"{kind}-{remark}")
        statement["context"]["extensions"][site.extension(kind)] = remark
    result: dict = {"completion": True, "duration": duration(facts.started_at, facts.finished_at),
                    "extensions": {site.extension("grade"): facts.grade}}
    score = scaled_score(facts.levels)
    if score is not None:
        points, most = score
        result["score"] = {"scaled": round(points / most, 4), "raw": points, "min": 0, "max": most}
    if verb != "completed":
        result["success"] = facts.grade not in NOT_PASSED
    if facts.rubric_hash:
        statement["context"]["extensions"][site.extension("rubric-hash")] = facts.rubric_hash
    statement["result"] = result
    return statement


def marked(site: Site, facts: AttemptFacts) -> list[dict]:
    """The statements a marked attempt sends: scored, then passed or failed, then completed."""
    outcome = "failed" if facts.grade in NOT_PASSED else "passed"
    return [_marked(site, facts, verb) for verb in ("scored", outcome, "completed")]


def remarked(site: Site, facts: AttemptFacts, remark: int, when: datetime) -> list[dict]:
    """After the `remark`-th change of a level by a tutor (moderation, an upheld dispute): scored, then passed or
    failed, on the levels and grade as they now stand. Statements are never changed, so these are new ones."""
    if remark < 1:
        raise XapiInputError("a re-mark is numbered from 1")
    outcome = "failed" if facts.grade in NOT_PASSED else "passed"
    return [_marked(site, facts, verb, remark, when) for verb in ("scored", outcome)]


def rescored(site: Site, facts: AttemptFacts, rescore: int, when: datetime) -> list[dict]:
    """After the `rescore`-th re-marking by a newer scorer that changed a level or the grade: scored, then passed or
    failed, on the marks as they now stand (context extension `rescore`)."""
    if rescore < 1:
        raise XapiInputError("a rescore is numbered from 1")
    outcome = "failed" if facts.grade in NOT_PASSED else "passed"
    return [_marked(site, facts, verb, rescore, when, kind="rescore") for verb in ("scored", outcome)]


def voided(site: Site, actor: str, target_id: str, when: datetime) -> dict:
    """Void a statement that no longer holds (a scored or outcome statement a re-mark or rescore replaced). The
    actor is whoever made the change (a tutor's pseudonym, or the scorer's account); the id derives from the target,
    so voiding twice stores it once."""
    uuid.UUID(target_id)   # a malformed id is our bug: fail here, not at the LRS
    return {
        "id": _id(site, "void", target_id),
        "actor": _account(site, actor),
        "verb": {"id": VERBS["voided"], "display": {LANGUAGE: "voided"}},
        "object": {"objectType": "StatementRef", "id": target_id},
        "timestamp": iso(when),
        "version": "1.0.3",
    }


def approved(site: Site, facts: AttemptFacts, assessor: str, signed_sha256: str, when: datetime) -> dict:
    """The assessor signed the attempt off as evidence: they approved the attempt's 'completed' statement. The
    registration ties it to the attempt; the SHA-256 of what was signed is a context extension. Each sign-off (at
    its own time) is its own statement."""
    if facts.finished_at is None:
        raise XapiInputError("'approved' needs a marked attempt")
    return {
        "id": _id(site, "attempt", facts.attempt_key, "approved", signed_sha256, iso(when)),
        "actor": _account(site, assessor),
        "verb": {"id": VERBS["approved"], "display": {LANGUAGE: "approved"}},
        "object": {"objectType": "StatementRef", "id": statement_id(site, facts.attempt_key, "completed")},
        "context": {"registration": _id(site, "attempt", facts.attempt_key), "language": LANGUAGE,
                    "extensions": {site.extension("signed-sha256"): signed_sha256}},
        "timestamp": iso(when),
        "version": "1.0.3",
    }
