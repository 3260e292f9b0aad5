"""An author plays the preview of their scenario as a learner would: replies are scored, the customer reacts, the
feedback shows, and the end result is marked, without an attempt stored anywhere (no learner's record, no tally,
no xAPI statement).

The attempt is rebuilt on each request from a signed token the page carries (the conversation so far and its
state), for that authored scenario, version, seed and author only: a token from another preview, another account
or edited in the browser is refused. Tokens expire after a day. This module never commits.
"""
from __future__ import annotations

from datetime import datetime

from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

from web.models import Attempt, Message, ScenarioInstance, User, utcnow
from web.services import attempts
from web.services.errors import AttemptError

MODE = "preview"
MAX_AGE = 24 * 3600
ACTIONS = ("reply", "end_thread", "end_chats", "crm", "triage")


class PreviewTokenError(ValueError):
    """The preview's token is missing, expired, forged or from another preview."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="authoring-preview-play")


def _scope(user: User, authored_id: int, number: int, seed: int) -> list:
    return [user.id, authored_id, number, seed]


def start(user: User, row: ScenarioInstance) -> Attempt:
    """The attempt as a learner starts it (never added to the database session)."""
    attempt = attempts.new_attempt(user, row, mode=MODE)
    attempt.id, attempt.instance = 0, row
    for m in attempt.messages:
        m.created_at = utcnow()
    return attempt


def pack(attempt: Attempt, user: User, authored_id: int, number: int, seed: int) -> str:
    """The signed token of the preview as it stands, for the page's forms."""
    messages = [{"thread": m.thread, "author": m.author, "channel": m.channel, "text": m.text,
                 "sim_minute": m.sim_minute, "response_minutes": m.response_minutes, "turn": m.turn,
                 "at": (m.created_at or utcnow()).isoformat()} for m in attempt.messages]
    return _serializer().dumps({"scope": _scope(user, authored_id, number, seed), "state": attempt.state,
                                "messages": messages, "sim_minutes": attempt.sim_minutes})


def unpack(token: str, user: User, row: ScenarioInstance, authored_id: int, number: int, seed: int) -> Attempt:
    """The preview's attempt rebuilt from its token; PreviewTokenError if the token is not this preview's."""
    try:
        data = _serializer().loads(token or "", max_age=MAX_AGE)
    except BadData as exc:
        raise PreviewTokenError("This preview has expired or was changed: start it again.") from exc
    if not isinstance(data, dict) or data.get("scope") != _scope(user, authored_id, number, seed):
        raise PreviewTokenError("This page belongs to another preview: start it again.")
    attempt = start(user, row)
    attempt.state, attempt.sim_minutes = data["state"], data["sim_minutes"]
    attempt.messages = [Message(thread=m["thread"], author=m["author"], channel=m["channel"], text=m["text"],
                                sim_minute=m["sim_minute"], response_minutes=m["response_minutes"], turn=m["turn"],
                                created_at=datetime.fromisoformat(m["at"])) for m in data["messages"]]
    if attempt.state.get("phase") == "done":
        attempt.status = "completed"
    return attempt


def act(attempt: Attempt, action: str, form) -> None:
    """Do what the learner's form asked, exactly as the practice pages do (the attempt's mode keeps it unstored)."""
    turn = form.get("turn")
    if action == "reply":
        attempts.submit_reply(attempt, form.get("reply", ""), form.get("channel", ""), form.get("thread", "main"), turn)
    elif action == "end_thread":
        attempts.end_thread(attempt, form.get("thread", ""), turn)
    elif action == "end_chats":
        attempts.end_chats(attempt, turn)
    elif action == "crm":
        records = {}
        for cid in (attempt.state or {}).get("threads", {}):
            needed = form.get(f"{cid}-follow_up_needed")
            records[cid] = {"query_type": form.get(f"{cid}-query_type", "").strip(),
                            "resolution": form.get(f"{cid}-resolution", "").strip(),
                            "follow_up": False if needed == "no" else form.get(f"{cid}-follow_up", "").strip()}
        attempts.submit_crm(attempt, records, turn)
    elif action == "triage":
        order = form.getlist("order")
        decisions = {i: {"route": form.get(f"route-{i}", ""), "action": form.get(f"action-{i}", ""),
                         "tags": form.getlist(f"tags-{i}")} for i in order}
        attempts.submit_triage(attempt, order, turn, decisions)
    else:
        raise AttemptError("That is not something a learner can do here.")
    for m in attempt.messages:
        if m.created_at is None:
            m.created_at = utcnow()


def last_feedback(attempt: Attempt) -> dict | None:
    """The scoring of the reply just sent (what the practice coach would have said about it), with the customer's
    reaction; None before the first reply."""
    turns = (attempt.state or {}).get("turn_results") or []
    return turns[-1] if turns else None
