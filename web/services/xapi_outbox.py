"""xAPI statements about attempts, kept in an outbox and sent to the configured LRS.

Recording (in a request) adds the statements to the session, in the same transaction as the attempt's change, and
marks the session so that the task queue is asked to send them once it commits (web/queue.py). Sending (in the
worker, or `flask --app app xapi send`) commits per statement, like the other queue jobs: a statement is `sent`
only once the LRS has stored it; while the LRS is down it stays `pending` and is tried again, ever later; after
XAPI_MAX_TRIES it is `failed`; a statement the LRS refuses as it is (a 4xx) is `rejected`. Nothing is deleted.
"""
from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

import xapi
from web.extensions import db
from web.models import Attempt, Install, User, XapiStatement, utcnow

PENDING_FLAG = "xapi_pending"   # in session.info: statements were added, ask the queue to send after commit
MAX_DELAY = timedelta(hours=6)
SCORER = "scorer"   # the account that voids what a newer scorer's re-marking replaced
OUTCOMES = ("passed", "failed")
VERB_NAMES = {iri: name for name, iri in xapi.VERBS.items()}   # the outbox's verb column: "approved", not "approve"


class XapiOutboxError(RuntimeError):
    """A statement we built breaks the xAPI rules: our bug, never the learner's."""


def enabled() -> bool:
    return bool(current_app.config.get("XAPI_ENDPOINT"))


def install_id() -> str:
    """This database's install id (made once; a database emptied or built afresh makes a new one)."""
    row = db.session.get(Install, 1)
    if row is None:
        try:
            with db.session.begin_nested():   # two processes at once: one row wins, the other reads it
                row = Install(id=1, install_id=str(uuid.uuid4()))
                db.session.add(row)
        except IntegrityError:
            row = db.session.get(Install, 1, populate_existing=True)
    return row.install_id


def site() -> xapi.Site:
    home = current_app.config["XAPI_HOME_PAGE"].rstrip("/")
    return xapi.Site(home_page=home, activity_base=home, install=install_id())


def lrs() -> xapi.Lrs:
    config = current_app.config
    return xapi.Lrs(config["XAPI_ENDPOINT"], config["XAPI_USERNAME"], config["XAPI_PASSWORD"])


def pseudonym(user_id: int) -> str:
    """The learner's stable pseudonymous account name: an HMAC of their id, so the LRS never sees who they are."""
    key = (current_app.config.get("XAPI_ACTOR_KEY") or current_app.config["SECRET_KEY"]).encode("utf-8")
    return "learner-" + hmac.new(key, f"user:{user_id}".encode(), hashlib.sha256).hexdigest()[:24]


def staff_pseudonym(user_id: int) -> str:
    """A tutor's or assessor's account name in statements (a sign-off, a voiding): pseudonymous too."""
    key = (current_app.config.get("XAPI_ACTOR_KEY") or current_app.config["SECRET_KEY"]).encode("utf-8")
    return "staff-" + hmac.new(key, f"staff:{user_id}".encode(), hashlib.sha256).hexdigest()[:24]


def _levels(attempt: Attempt) -> dict:
    """The levels in force (moderated over automatic), as the scorer writes them: 2/1/0, "pass"/"fail", None.
    (As marks.effective_levels; not imported from there, because marks records the re-marks here.)"""
    def value(text: str):
        return None if text == "na" else int(text) if text.isdigit() else text
    return {s.criterion: value(s.level) for s in attempt.scores}


def facts(attempt: Attempt) -> xapi.AttemptFacts:
    instance = attempt.instance
    marked = attempt.status == "completed"
    return xapi.AttemptFacts(
        attempt_key=str(attempt.id), learner=pseudonym(attempt.learner_id), scenario_id=instance.scenario_id,
        scenario_title=instance.title, scenario_version=str(instance.scenario_version), mode=attempt.mode,
        seed=instance.seed, started_at=attempt.started_at or utcnow(),
        finished_at=attempt.submitted_at if marked else None, grade=attempt.final_grade if marked else None,
        levels=_levels(attempt) if marked else {}, rubric_hash=attempt.rubric_hash)


def _add(attempt: Attempt, statements: list[dict]) -> None:
    for statement in statements:
        broken = xapi.problems(statement)
        if broken:
            raise XapiOutboxError("Built an invalid xAPI statement: " + "; ".join(map(str, broken)))
        verb = VERB_NAMES[statement["verb"]["id"]]
        db.session.add(XapiStatement(statement_id=statement["id"], attempt_id=attempt.id, verb=verb, body=statement))
    db.session.info[PENDING_FLAG] = True


def record_started(attempt: Attempt) -> None:
    """'attempted': the learner started the attempt (call after the attempt is flushed, so it has an id)."""
    if enabled():
        _add(attempt, [xapi.attempted(site(), facts(attempt))])


def record_marked(attempt: Attempt) -> None:
    """'scored', 'passed' or 'failed', and 'completed': the attempt has been marked."""
    if enabled():
        _add(attempt, xapi.marked(site(), facts(attempt)))


def _void_replaced(attempt: Attempt, actor: str) -> list[dict]:
    """Voiding statements for the attempt's latest 'scored' and outcome statements: new ones replace them."""
    rows = db.session.scalars(select(XapiStatement).where(XapiStatement.attempt_id == attempt.id,
                                                          XapiStatement.verb.in_(("scored", *OUTCOMES)))
                              .order_by(XapiStatement.id.desc())).all()
    latest = [next((r for r in rows if r.verb == "scored"), None), next((r for r in rows if r.verb in OUTCOMES), None)]
    now = utcnow()
    return [xapi.voided(site(), actor, r.statement_id, now) for r in latest if r is not None]


def record_remarked(attempt: Attempt, by: User | None = None) -> None:
    """'scored' and 'passed' or 'failed' again: a tutor changed a level of a marked attempt (its n-th change); the
    statements they replace are voided by that tutor."""
    if enabled() and attempt.status == "completed":
        actor = staff_pseudonym(by.id) if by is not None else SCORER
        _add(attempt, _void_replaced(attempt, actor)
             + xapi.remarked(site(), facts(attempt), len(attempt.moderations), utcnow()))


def record_rescored(attempt: Attempt) -> None:
    """'scored' and 'passed' or 'failed' again: a newer scorer re-marked the attempt and changed it (its n-th
    re-marking); the statements they replace are voided by the scorer's account."""
    if enabled() and attempt.status == "completed":
        _add(attempt, _void_replaced(attempt, SCORER)
             + xapi.rescored(site(), facts(attempt), len(attempt.rescores), utcnow()))


def record_signed_off(attempt: Attempt, assessor: User) -> None:
    """'approved': the assessor signed the attempt off (the SHA-256 of what was signed goes with it)."""
    if enabled() and attempt.status == "completed" and attempt.signed_sha256:
        _add(attempt, [xapi.approved(site(), facts(attempt), staff_pseudonym(assessor.id), attempt.signed_sha256,
                                     attempt.signed_off_at or utcnow())])


# ------------------------------------------------------------------------------------------------- sending

@dataclass
class SendReport:
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)


def delay(tries: int) -> timedelta:
    """Wait before the next try: 1, 2, 4, 8 ... minutes, at most six hours."""
    return min(timedelta(minutes=2 ** max(0, tries - 1)), MAX_DELAY)


def due(limit: int = 500) -> list[XapiStatement]:
    return list(db.session.scalars(select(XapiStatement).where(
        XapiStatement.status == "pending", XapiStatement.next_try_at <= utcnow())
        .order_by(XapiStatement.id).limit(limit)))


def send_pending(limit: int = 500) -> SendReport:
    """Send every pending statement that is due, oldest first; commit after each."""
    report = SendReport()
    if not enabled():
        return report
    target, max_tries = lrs(), current_app.config["XAPI_MAX_TRIES"]
    for row in due(limit):
        try:
            target.put(row.body)
        except xapi.LrsError as exc:
            row.tries += 1
            row.last_error = str(exc)[:2000]
            if not exc.retry:
                row.status = "rejected"
                report.rejected += 1
            elif row.tries >= max_tries:
                row.status = "failed"
                report.failed += 1
            else:
                row.next_try_at = utcnow() + delay(row.tries)
                report.retry_later += 1
            report.errors.append(f"{row.statement_id} ({row.verb}): {exc}")
        else:
            row.tries += 1
            row.status, row.sent_at, row.last_error = "sent", utcnow(), None
            report.sent += 1
        db.session.commit()
    return report


def seconds_until_due() -> float | None:
    """Seconds until the first pending statement is due (0 if one is due now); None when none is pending."""
    first = db.session.scalar(select(func.min(XapiStatement.next_try_at)).where(XapiStatement.status == "pending"))
    if first is None:
        return None
    return max(0.0, (first - utcnow()).total_seconds())


def send_again() -> int:
    """Put failed and rejected statements back in the queue (after the LRS or our bug is fixed); return how many."""
    result = db.session.execute(update(XapiStatement).where(XapiStatement.status.in_(("failed", "rejected")))
                                .values(status="pending", tries=0, next_try_at=utcnow()))
    db.session.commit()
    return result.rowcount


def counts() -> dict[str, int]:
    rows = db.session.execute(select(XapiStatement.status, func.count()).group_by(XapiStatement.status))
    return {status: n for status, n in rows}
