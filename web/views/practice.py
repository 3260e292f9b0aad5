"""Practising: the catalogue, the workspace for each exercise type, replies, results, retries.

Views are thin: they read the form, call one function of web.services.attempts, commit once and redirect.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from functools import wraps

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload, undefer

import simulator
from web.extensions import db
from web.fragments import fragments
from web.inputs import InputError, whole_number
from web.models import Assignment, Attempt, ScenarioInstance
from web.security import roles_required
from web.services import attempts, authoring, drafts, results, scoring
from web.services.catalogue import learner_catalogue, surprise_id
from web.services.errors import AttemptError
from web.services.library import instance_dict_for, instance_for, library
from web.services.marks import grade_rule
from web.services.result_versions import fragment_key, result_versions
from web.services.workspace_read import read_workspace

bp = Blueprint("practice", __name__, url_prefix="/practice")
INSTANCE_PARTS_KEPT = 256   # stored instances whose workspace parts a process keeps (a few kB each)
# What the result page shows of an attempt, loaded with it (issue 17: no lazy loads).
PAGE_LOADS = (joinedload(Attempt.instance), undefer(Attempt.state))
RESULT_ATTEMPT = attempts.attempt_statement(*PAGE_LOADS, selectinload(Attempt.messages), undefer(Attempt.result),
                                            joinedload(Attempt.instance).undefer(ScenarioInstance.data))


@bp.route("/")
@roles_required("learner")
def catalogue():
    args = request.args
    filters = {"platform": args.get("platform", ""), "category": args.get("category", ""),
               "difficulty": args.get("difficulty", ""), "exercise_type": args.get("exercise_type", ""),
               "not_attempted": args.get("not_attempted") == "1", "assigned": args.get("assigned") == "1"}
    rows = learner_catalogue(current_user, **filters)
    return render_template("practice/catalogue.html", rows=rows, filters=filters, platforms=simulator.PLATFORMS,
                           categories=simulator.CATEGORIES, difficulties=simulator.DIFFICULTIES,
                           types=simulator.EXERCISE_TYPES, problems=len(library().errors))


def _start(scenario_id: str, seed=None, mode="practice", assignment=None):
    try:
        attempt = attempts.start_attempt(current_user, scenario_id, seed, mode=mode, assignment=assignment)
    except AttemptError as exc:
        flash(str(exc), "error")
        return redirect(url_for("practice.catalogue"))
    db.session.commit()
    return redirect(url_for("practice.workspace", attempt_id=attempt.id))


@bp.route("/start", methods=["POST"])
@roles_required("learner")
def start():
    try:
        assignment_id = whole_number(request.form.get("assignment_id"), "assignment_id")
        seed = whole_number(request.form.get("seed"), "seed")
    except InputError as exc:
        abort(400, description=str(exc))
    assignment = db.get_or_404(Assignment, assignment_id) if assignment_id is not None else None
    return _start(request.form.get("scenario_id", ""), seed, assignment=assignment)


@bp.route("/surprise", methods=["POST"])
@roles_required("learner")
def surprise():
    try:
        scenario_id = surprise_id()
    except AttemptError as exc:
        flash(str(exc), "error")
        return redirect(url_for("practice.catalogue"))
    return _start(scenario_id)


def workspace_context(attempt, messages=None, saved_drafts=None) -> dict:
    """What the workspace template needs for an attempt (the learner's page, and the author's preview of it, whose
    attempt is not stored); `messages`: the transcript's lines (web/services/workspace_read.py), else
    attempt.messages; `saved_drafts`: the attempt's drafts as read with them (key -> (text, saved at)), else read."""
    row = attempt.instance
    inst = instance_for(row)
    state = attempt.state or {}
    threads = {}
    for m in attempt.messages if messages is None else messages:
        threads.setdefault(m.thread, []).append(m)
    turn = state.get("turn", 0)
    keys = {t: drafts.key_for(attempt.id, t, turn) for t in state.get("threads", {})}
    keys["crm"] = drafts.key_for(attempt.id, "crm", turn)
    return {
        **_instance_parts(row, inst), "attempt": attempt, "threads": threads, "state": state, "turn": turn,
        "agent_tools": _agent_tools(row, inst, crm_phase=state.get("phase") == "crm"),
        "draft_keys": keys, "saved": (drafts.load_many(current_user, list(keys.values())) if saved_drafts is None else
                                      {k: drafts.shown(*saved_drafts[k]) for k in keys.values() if k in saved_drafts}),
        "speed": attempts.sim_speed(),
        "since": {t: attempts.response_minutes(attempt, t) for t in state.get("seen_at", {})},
        # Where each form goes, and what it carries besides: an author's preview sends them elsewhere.
        "act_url": lambda name: url_for(f"practice.{name}", attempt_id=attempt.id),
        "act_fields": lambda name: Markup(""),
    }


_instance_parts_kept: OrderedDict[tuple, dict] = OrderedDict()
_instance_parts_lock = threading.Lock()


def _instance_parts(row, inst: simulator.Instance) -> dict:
    """What the workspace shows of the instance alone (its channels and their limits, the customers, the CRM query
    types), built once per process for each stored instance and reply cap: (scenario, version, seed) names the
    instance's content, the version being the scenario file's hash (web/services/library.py), and MAX_REPLY_CHARS
    is the only setting these read. Shared between requests: read-only."""
    key = (row.scenario_id, row.scenario_version, row.seed, current_app.config["MAX_REPLY_CHARS"])
    with _instance_parts_lock:
        parts = _instance_parts_kept.get(key)
    if parts is None:
        platform = simulator.get_platform(inst.platform)
        limits = {c: {"max": attempts.reply_limit(inst, c), "weighted": platform.channels[c].weighted,
                      "label": platform.channels[c].label, "words": attempts.limit_words(inst, c)}
                  for c in inst.channels}
        parts = {"inst": instance_dict_for(row), "platform": platform, "limits": limits,
                 "limits_json": _as_tojson(limits),   # the reply form's data-limits
                 "channels": [platform.channels[c] for c in inst.channels],
                 "personas": {c.id: c.persona.to_dict() for c in inst.customers},
                 "query_types": simulator.crm_query_types(inst) if inst.exercise_type == "live_chat" else []}
        with _instance_parts_lock:
            _instance_parts_kept[key] = parts
            while len(_instance_parts_kept) > INSTANCE_PARTS_KEPT:
                _instance_parts_kept.popitem(last=False)
    return parts


def _as_tojson(value) -> Markup:
    """What Jinja's tojson filter writes for the value, with the app's JSON settings (sorted keys)."""
    policies = current_app.jinja_env.policies
    return htmlsafe_json_dumps(value, dumps=policies["json.dumps_function"], **policies["json.dumps_kwargs"])


def _agent_tools(row: ScenarioInstance, inst: simulator.Instance, crm_phase: bool) -> Markup:
    """The agent tools beside the conversation, rendered once per stored instance: (scenario, version, seed) names
    its content (web/services/library.py), and the tools show nothing of the learner or the attempt."""
    key = ("practice.agent_tools", row.scenario_id, row.scenario_version, row.seed, crm_phase)
    return fragments().get(key, lambda csrf_token: render_template(
        "practice/_tools.html", inst=instance_dict_for(row), crm_phase=crm_phase, canned=scoring.CANNED_RESPONSES,
        tools={g["customer"]: g["sections"] for g in simulator.agent_tools(inst)}))


@bp.route("/attempts/<int:attempt_id>")
@roles_required("learner")
def workspace(attempt_id: int):
    read = read_workspace(attempt_id, current_user.id)
    if read is None:   # missing or another learner's: never shown
        abort(404)
    attempt = read.attempt
    if attempt.status == "completed":
        return redirect(url_for("practice.result", attempt_id=attempt.id))
    try:
        context = workspace_context(attempt, read.lines, read.drafts)
    except AttemptError as exc:
        flash(str(exc), "error")
        return redirect(url_for("practice.catalogue"))
    return render_template("practice/workspace.html", **context)


def _after(attempt, message: str | None = None):
    db.session.commit()
    if message:
        flash(message, "info")
    if attempt.status == "completed":
        return redirect(url_for("practice.result", attempt_id=attempt.id))
    return redirect(url_for("practice.workspace", attempt_id=attempt.id) + "#reply")


def sent_once(view):
    """Two copies of one form sent at the same moment both pass the turn check, but the database keeps one: the
    learner's message is unique per (attempt, turn, author) and each criterion's score per attempt. The copy that
    loses fails there, is rolled back whole, and is told the reply was already sent."""
    @wraps(view)
    def wrapped(attempt_id: int):
        try:
            return view(attempt_id)
        except IntegrityError:
            db.session.rollback()
            flash("That reply was already sent: the form arrived twice, and it is stored once.", "info")
            return redirect(url_for("practice.workspace", attempt_id=attempt_id) + "#reply")
    return wrapped


def _failed(attempt, exc: AttemptError):
    db.session.rollback()
    flash(str(exc), "error")
    return redirect(url_for("practice.workspace", attempt_id=attempt.id) + "#reply")


@bp.route("/attempts/<int:attempt_id>/reply", methods=["GET", "POST"])
@roles_required("learner")
@sent_once
def reply(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    if request.method == "GET":   # e.g. after signing in again: the draft is waiting in the workspace
        return redirect(url_for("practice.workspace", attempt_id=attempt.id))
    form = request.form
    thread = form.get("thread", "main")
    try:
        outcome = attempts.submit_reply(attempt, form.get("reply", ""), form.get("channel", ""), thread,
                                        form.get("turn"))
    except AttemptError as exc:
        return _failed(attempt, exc)
    if outcome is None:
        return _after(attempt, "That reply was already sent.")
    drafts.clear_attempt(current_user, attempt.id)
    return _after(attempt)


@bp.route("/attempts/<int:attempt_id>/end-thread", methods=["POST"])
@roles_required("learner")
@sent_once
def end_thread(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    try:
        attempts.end_thread(attempt, request.form.get("thread", ""), request.form.get("turn"))
    except AttemptError as exc:
        return _failed(attempt, exc)
    return _after(attempt)


@bp.route("/attempts/<int:attempt_id>/end-chats", methods=["POST"])
@roles_required("learner")
@sent_once
def end_chats(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    try:
        attempts.end_chats(attempt, request.form.get("turn"))
    except AttemptError as exc:
        return _failed(attempt, exc)
    return _after(attempt)


@bp.route("/attempts/<int:attempt_id>/crm", methods=["POST"])
@roles_required("learner")
@sent_once
def crm(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    records = {}
    for cid in (attempt.state or {}).get("threads", {}):
        needed = request.form.get(f"{cid}-follow_up_needed")
        follow_up = request.form.get(f"{cid}-follow_up", "").strip()
        records[cid] = {"query_type": request.form.get(f"{cid}-query_type", "").strip(),
                        "resolution": request.form.get(f"{cid}-resolution", "").strip(),
                        "follow_up": False if needed == "no" else follow_up}
    try:
        outcome = attempts.submit_crm(attempt, records, request.form.get("turn"))
    except AttemptError as exc:
        return _failed(attempt, exc)
    if outcome is not None:
        drafts.clear_attempt(current_user, attempt.id)
    return _after(attempt)


@bp.route("/attempts/<int:attempt_id>/triage", methods=["POST"])
@roles_required("learner")
@sent_once
def triage(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    try:
        order = request.form.getlist("order")
        decisions = {i: {"route": request.form.get(f"route-{i}", ""), "action": request.form.get(f"action-{i}", ""),
                         "tags": request.form.getlist(f"tags-{i}")} for i in order}
        attempts.submit_triage(attempt, order, request.form.get("turn"), decisions)
    except AttemptError as exc:
        return _failed(attempt, exc)
    return _after(attempt)


@bp.route("/attempts/<int:attempt_id>/retry", methods=["POST"])
@roles_required("learner")
def retry(attempt_id: int):
    attempt = attempts.owned_attempt(attempt_id, current_user)
    same = request.form.get("variant") != "fresh"
    return _start(attempt.instance.scenario_id, attempt.instance.seed if same else None, mode="practice")


@bp.route("/attempts/<int:attempt_id>/result")
@roles_required("learner")
def result(attempt_id: int):
    """The page's content is kept per attempt and its versions (web/services/result_versions.py): a repeat view runs
    one statement for the versions, checked for ownership first, and renders only the layout around the kept HTML."""
    versions = result_versions(attempt_id)
    if versions is None or versions.learner_id != current_user.id:
        abort(404)   # as owned_attempt: someone else's attempt is reported missing
    if versions.status != "completed":
        return redirect(url_for("practice.workspace", attempt_id=attempt_id))
    content = fragments().get(fragment_key(versions), lambda csrf_token: _result_content(attempt_id, csrf_token))
    return render_template("practice/result.html", title=versions.title, content=content)


def _result_content(attempt_id: int, csrf_token) -> str:
    attempt = attempts.owned_attempt_by(RESULT_ATTEMPT, attempt_id, current_user)
    before = attempts.previous_attempt(attempt)
    return render_template("practice/_result_content.html", attempt=attempt, result=attempt.result or {},
                           grade_rule=grade_rule(attempt), checks=results.check_rows(attempt.result or {}),
                           feedback=results.prioritised_feedback(attempt.result or {}),
                           reasons=results.learner_reasons(attempt.result or {}),
                           spans_by_turn=results.spans_by_turn(attempt), labels=scoring.LABELS,
                           before=before, compare=results.comparison(attempt, before),
                           authored_version=authoring.played_on(attempt.instance.scenario_id,
                                                                attempt.instance.scenario_version),
                           csrf_token=csrf_token)
