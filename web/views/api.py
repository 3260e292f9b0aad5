"""JSON API (v1): scoring for the pages (the coach panel) and for other systems, and draft saving.

The blueprint is CSRF-exempt in app.py because it answers JSON; the session cookie still authenticates
the browser, so every cookie-authenticated write checks the `X-CSRFToken` header here (Flask-WTF's
validate_csrf). Errors are JSON: {"error": "..."} with 400 (bad input), 401, 403 or 404.
"""
from __future__ import annotations

import hmac
import math
import numbers
from functools import wraps

from flask import Blueprint, abort, current_app, g, jsonify, request
from flask_login import current_user
from flask_wtf.csrf import ValidationError, validate_csrf
from sqlalchemy.exc import IntegrityError

import simulator
from web.extensions import db
from web.inputs import InputError, whole_number
from web.models import ROLES
from web.security import roles_required
from web.services import attempts, drafts, scoring
from web.services.catalogue import assessed_work_open
from web.services.errors import AttemptError
from web.services.library import generated, library

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(400)
def bad_request(exc):
    return jsonify(error=getattr(exc, "description", "Bad request")), 400


@bp.errorhandler(401)
def unauthorised(exc):
    return jsonify(error="Sign in first: your session has ended."), 401


@bp.errorhandler(403)
def forbidden(exc):
    return jsonify(error=getattr(exc, "description", None) or "You may not do that."), 403


@bp.errorhandler(404)
def not_found(exc):
    return jsonify(error="Not found."), 404


def _check_csrf() -> None:
    try:
        validate_csrf(request.headers.get("X-CSRFToken", ""))
    except ValidationError:
        abort(400, description="Missing or invalid CSRF token: send the page's token in the X-CSRFToken header.")


def _json_object() -> dict:
    data = request.get_json(silent=True)   # invalid or too deeply nested JSON: None (web/inputs.py)
    if not isinstance(data, dict):
        abort(400, description="Send a JSON object (Content-Type: application/json); the body was not valid JSON, "
                               "not an object, or nested too deeply.")
    return data


def _reply_text(data: dict) -> str:
    reply = data.get("reply")
    if reply is None:
        abort(400, description="'reply' is missing: send the reply text to score.")
    if not isinstance(reply, str):
        abort(400, description="'reply' must be a string.")
    if not reply.strip():
        abort(400, description="'reply' is empty: there is nothing to score.")
    maximum = current_app.config["MAX_REPLY_CHARS"]
    if len(reply) > maximum:
        abort(400, description=f"'reply' is {len(reply)} characters; at most {maximum} are scored.")
    return reply


MAX_RESPONSE_MINUTES = 60 * 24 * 366   # a year: any real reply time fits; 10**400 does not


def _optional_text(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        abort(400, description=f"'{key}' must be a string.")
    return value


def _whole_number(data: dict, key: str, default=None) -> int | None:
    """A JSON whole number (an integer, never a string, a float or a boolean) within the database's range."""
    value = data.get(key, default)
    try:
        if isinstance(value, str):
            raise InputError(f"'{key}' must be a whole number.")
        return whole_number(value, key)
    except InputError as exc:
        abort(400, description=str(exc))


def _free_context(data: dict) -> dict:
    platform = _optional_text(data, "platform")
    if platform is not None and platform not in simulator.PLATFORMS:
        abort(400, description=f"Unknown platform {platform!r}; use one of {', '.join(simulator.PLATFORMS)}.")
    customer = data.get("customer")
    if customer is not None and not (isinstance(customer, str) or
                                     (isinstance(customer, list) and all(isinstance(c, str) for c in customer))):
        abort(400, description="'customer' must be the customer's message (a string) or a list of strings.")
    minutes = data.get("response_minutes")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, numbers.Real)
                                or not 0 <= minutes <= MAX_RESPONSE_MINUTES or not math.isfinite(minutes)):
        abort(400, description=f"'response_minutes' must be a number of minutes from 0 to {MAX_RESPONSE_MINUTES}.")
    channel = _optional_text(data, "channel")
    if channel is not None and channel not in ("public", "private", "chat"):
        abort(400, description="'channel' must be public, private or chat.")
    context = {"customer": customer or "", "platform": platform, "channel": channel, "response_minutes": minutes,
               "customer_name": _optional_text(data, "customer_name"),
               "customer_handle": _optional_text(data, "customer_handle"),
               "previous_replies": [], "scenario": None}
    if data.get("scenario") is not None:
        scenario_id = _optional_text(data, "scenario")
        seed = _whole_number(data, "seed", 1)
        seed = 1 if seed is None else seed
        try:
            sc = library().get(scenario_id)
        except simulator.UnknownScenarioError:
            abort(400, description=f"Unknown scenario {scenario_id!r}.")
        if sc.exercise_type not in attempts.LIVE:
            abort(400, description=f"{scenario_id!r} is a {sc.exercise_type} exercise: it has no reply to score. "
                                   "Use a scenario with a customer to reply to, or free mode.")
        if not g.api_token and current_user.role == "learner" and assessed_work_open(current_user, sc.id, seed):
            abort(403, description="This scenario and seed is assessed work you have not submitted yet: it is marked "
                                   "when you send it. Use free mode (customer and reply) to practise.")
        inst = generated(sc, seed)
        base = dict(inst.scoring_context or inst.customer().scoring_context)
        base.update({k: v for k, v in context.items() if v is not None and k not in ("scenario", "previous_replies")
                     and v != ""})
        context = base
    return context


def _valid_token(header: str) -> bool:
    token = header[len("Bearer "):].strip()
    allowed = [t.strip() for t in (current_app.config.get("API_TOKENS") or "").split(",") if t.strip()]
    return bool(token) and any(hmac.compare_digest(token, t) for t in allowed)


def session_or_token(*roles: str):
    """Other systems send `Authorization: Bearer <token>` (tokens from API_TOKENS); the pages use the session
    with their CSRF token in X-CSRFToken. A token is never a user: it cannot touch anyone's attempts."""
    def decorator(view):
        session_view = roles_required(*roles)(view)

        @wraps(view)
        def wrapped(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            if header.startswith("Bearer "):
                if not _valid_token(header):
                    return jsonify(error="That API token is not valid."), 401
                g.api_token = True
                return view(*args, **kwargs)
            g.api_token = False
            _check_csrf_if_signed_in()
            return session_view(*args, **kwargs)

        wrapped.allowed_roles = roles
        return wrapped
    return decorator


def _check_csrf_if_signed_in() -> None:
    if current_user.is_authenticated:
        _check_csrf()


@bp.route("/score", methods=["POST"])
@session_or_token(*ROLES)
def score():
    """Score a reply: free mode (customer + reply), scenario mode (scenario + seed) or an attempt's draft.
    A learner cannot use scenario mode on assessed work they have not submitted (403)."""
    data = _json_object()
    reply = _reply_text(data)
    if data.get("attempt_id") is not None and g.api_token:
        abort(400, description="'attempt_id' needs a signed-in learner; API tokens score free or scenario mode.")
    if data.get("attempt_id") is not None:
        attempt = attempts.owned_attempt(_whole_number(data, "attempt_id"), current_user)
        if attempt.mode != "practice":
            abort(403, description="The coach is off in assessed mode: your reply is marked when you send it.")
        channel, thread = _optional_text(data, "channel"), _optional_text(data, "thread")
        try:
            result = attempts.coach(attempt, reply, channel or "", thread or "main")
        except AttemptError as exc:
            abort(400, description=str(exc))
    else:
        try:
            result = scoring.score_reply(reply, _free_context(data))
        except scoring.ScoringInputError as exc:
            abort(400, description=str(exc))
    return jsonify(result)


@bp.route("/drafts", methods=["POST"])
@roles_required(*ROLES)
def save_draft():
    _check_csrf()
    data = _json_object()
    for last_try in (False, True):
        try:
            draft = drafts.save(current_user, data.get("key"), data.get("text"))
            db.session.commit()
            break
        except drafts.DraftError as exc:
            abort(400, description=str(exc))
        except IntegrityError:   # another tab saved the same new key at the same moment: save over it
            db.session.rollback()
            if last_try:
                raise
    return jsonify(saved=True, key=draft.key, chars=len(draft.text))
