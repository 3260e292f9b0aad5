"""The practice service the views call: start an attempt, take the learner's replies, let the customer react,
finish and store the result. Views stay thin; this module never commits (the view commits once per request).

An attempt's `state` (JSON) holds, beside the simulator's per-customer conversation states:
    turn            learner actions so far; every form carries it, so a double submit is ignored
    threads         customer id -> simulator ConversationState.to_dict()
    seen_at         customer id -> real UTC time (ISO) the customer's latest message was shown
    turn_results    per learner message, in order: {thread, result, reaction}
    phase           "reply" | "crm" (live chat, all chats done) | "done"
The response time of a reply is measured on the simulated clock: the minutes since the customer's latest
message, where one real minute counts SIM_SPEED simulated minutes (config, default 1).
"""
from __future__ import annotations

from datetime import datetime

from flask import abort, current_app
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import undefer

import simulator
from web.extensions import db
from web.models import Assignment, Attempt, Message, ScenarioInstance, User, utcnow
from web.services import authoring, evidence_spans, scoring, xapi_outbox
from web.services.catalogue import new_seed
from web.services.errors import AttemptError
from web.services.library import instance_for, stored_instance
from web.services.marks import store_result
from web.services.results import evidence_in_transcript_order, labelled_spans, triage_result

LIVE = ("public_reply", "conversation", "live_chat", "crisis")


# ------------------------------------------------------------------------------------------------- start

def start_attempt(user: User, scenario_id: str, seed: int | None = None, *, mode: str = "practice",
                  assignment: Assignment | None = None) -> Attempt:
    if assignment is not None:
        if assignment.cohort_id not in {c.id for c in user.learner_cohorts}:
            raise AttemptError("That assignment is not for your cohort.")
        if not assignment.is_for(user):
            raise AttemptError("That assignment was set for other learners of your cohort.")
        scenario_id, mode = assignment.scenario_id, assignment.mode
        seed = assignment.seed if assignment.seed is not None else seed
    seed = new_seed() if seed is None else int(seed)
    row = stored_instance(authoring.scenario_for(user, scenario_id), seed)
    attempt = new_attempt(user, row, mode=mode, assignment=assignment)
    db.session.add(attempt)
    db.session.flush()
    xapi_outbox.record_started(attempt)
    return attempt


def new_attempt(user: User, row: ScenarioInstance, *, mode: str = "practice",
                assignment: Assignment | None = None) -> Attempt:
    """An attempt at this stored instance as it starts: the customers' first messages, every thread open. Not
    added to the session (start_attempt adds it; an author's preview shows it and throws it away)."""
    inst = instance_for(row)
    threads, seen = {}, {}
    now = utcnow().isoformat()
    for cust in inst.customers:
        threads[cust.id] = simulator.initial_state(inst, cust.id).to_dict()
        seen[cust.id] = now
    if inst.exercise_type == "crisis":
        threads["main"] = simulator.initial_state(inst).to_dict()
        seen["main"] = now
    attempt = Attempt(learner_id=user.id, instance_id=row.id, mode=mode, exercise_type=inst.exercise_type,
                      assignment_id=assignment.id if assignment else None, status="in_progress",
                      state={"turn": 0, "threads": threads, "seen_at": seen, "turn_results": [], "phase": "reply"},
                      sim_minutes=max((m.at_minute for m in inst.messages), default=0.0))
    for m in inst.messages:
        thread = m.customer_id if m.author == "customer" else "main"
        attempt.messages.append(Message(thread=thread, author="customer", channel=m.channel, text=m.text,
                                        sim_minute=m.at_minute))
    return attempt


# --------------------------------------------------------------------------------------------- replying

def sim_speed() -> float:
    return float(current_app.config.get("SIM_SPEED", 1.0))


def response_minutes(attempt: Attempt, thread: str, now: datetime | None = None) -> float:
    """Simulated minutes since the customer's latest message in this thread was shown."""
    seen = datetime.fromisoformat(attempt.state["seen_at"][thread])
    real = max(0.0, ((now or utcnow()) - seen).total_seconds() / 60)
    return round(real * sim_speed(), 1)


def _conversation(attempt: Attempt, thread: str) -> tuple[simulator.Instance, dict, str | None]:
    inst = instance_for(attempt.instance)
    threads = attempt.state.get("threads", {})
    if thread not in threads:
        raise AttemptError("There is no such conversation in this exercise.")
    return inst, threads[thread], (None if thread == "main" else thread)


def channel_limit(inst: simulator.Instance, channel: str) -> int:
    return simulator.get_platform(inst.platform).channel(channel).max_chars


def reply_limit(inst: simulator.Instance, channel: str) -> int:
    """The most a reply may be in this channel: the platform's own limit, or the app's marking cap
    (MAX_REPLY_CHARS) where the platform allows more. The counter shows this number and a refusal names it."""
    return min(channel_limit(inst, channel), int(current_app.config["MAX_REPLY_CHARS"]))


def limit_words(inst: simulator.Instance, channel: str) -> str:
    """Where the limit comes from, for the counter and a refusal: "X allows 280 characters in a public reply"."""
    platform = simulator.get_platform(inst.platform)
    own, limit = channel_limit(inst, channel), reply_limit(inst, channel)
    label = platform.channel(channel).label
    where = label[:1].lower() + label[1:]
    if limit < own:
        return (f"replies are marked up to {limit:,} characters here ({platform.label} itself allows {own:,} "
                f"when you {where})")
    unit = "weighted characters (emoji count 2, links 23)" if platform.channel(channel).weighted else "characters"
    return f"{platform.label} allows {limit:,} {unit} when you {where}"


def check_reply(inst: simulator.Instance, text: str, channel: str) -> str:
    """The reply, or AttemptError with a clear message (empty, oversize, no such channel). An oversize reply is
    told the limit of the channel it was sent to, the one the counter shows (issue 16.7)."""
    if text is None or not text.strip():
        raise AttemptError("Your reply is empty. Write your reply to the customer, then send it.")
    if channel not in inst.channels:
        raise AttemptError(f"{simulator.get_platform(inst.platform).label} has no {channel!r} option here.")
    limit = reply_limit(inst, channel)
    length = len(text) if len(text) > 2 * int(current_app.config["MAX_REPLY_CHARS"]) else \
        simulator.message_length(text, inst.platform, channel)
    if length > limit:
        raise AttemptError(f"This reply is {length:,} characters; {limit_words(inst, channel)}. Shorten it and "
                           "send again: your text is still in the box.")
    return text


def scoring_context(attempt: Attempt, thread: str, channel: str, minutes: float | None) -> dict:
    inst, conv, customer = _conversation(attempt, thread)
    return simulator.scoring_context_for_turn(inst, conv, channel=channel, response_minutes=minutes, customer=customer)


def coach(attempt: Attempt, text: str, channel: str, thread: str) -> dict:
    """Score a draft without storing anything (practice mode's coach panel)."""
    if attempt.mode != "practice":
        raise AttemptError("The coach is off in assessed mode: your reply is marked when you send it.")
    inst, _conv, _c = _conversation(attempt, thread)
    check_reply(inst, text, channel)
    return scoring.score_reply(text, scoring_context(attempt, thread, channel, response_minutes(attempt, thread)))


def is_duplicate(attempt: Attempt, turn_token) -> bool:
    """A resubmitted form (double click, back button) carries an old turn number: ignore it."""
    return attempt.status != "in_progress" or str(turn_token) != str(attempt.state.get("turn"))


def _open_conversation(attempt: Attempt, thread: str, ended: str) -> tuple[simulator.Instance, dict, str | None]:
    """(instance, conversation state, customer) of a thread still open, else AttemptError with `ended`."""
    inst, conv, customer = _conversation(attempt, thread)
    if conv.get("status", "open") != "open":
        raise AttemptError(ended)
    return inst, conv, customer


def _store_turn(attempt: Attempt, inst: simulator.Instance, state: dict) -> None:
    """Store the state after a turn; once every thread has ended, live chat moves on to the CRM records and
    any other exercise finishes."""
    attempt.state = state
    if all(t.get("status", "open") != "open" for t in state["threads"].values()):
        if inst.exercise_type == "live_chat":
            attempt.state = {**state, "phase": "crm"}
        else:
            finish(attempt)


def submit_reply(attempt: Attempt, text: str, channel: str, thread: str, turn_token) -> dict | None:
    """Score the reply, store it, let the customer react and store what they say. None if a duplicate."""
    if is_duplicate(attempt, turn_token):
        return None
    if attempt.exercise_type not in LIVE or attempt.state.get("phase") != "reply":
        raise AttemptError("This exercise is not waiting for a reply.")
    inst, conv, customer = _open_conversation(attempt, thread, "That conversation has ended.")
    text = check_reply(inst, text, channel)
    minutes = response_minutes(attempt, thread)
    reply_minute = round(conv["last_customer_minute"] + minutes, 1)
    context = simulator.scoring_context_for_turn(inst, conv, channel=channel, response_minutes=minutes,
                                                 customer=customer)
    try:
        result = scoring.score_reply(text, context)
        reaction = simulator.react(inst, conv, text, result, channel, customer=customer, at_minute=reply_minute)
    except scoring.ScoringInputError as exc:
        raise AttemptError(str(exc)) from exc
    except simulator.ChannelError as exc:
        raise AttemptError(f"{exc}. Your text is still in the box.") from exc
    state = dict(attempt.state)
    attempt.messages.append(Message(thread=thread, author="learner", channel=channel, text=text,
                                    sim_minute=reply_minute, response_minutes=minutes, turn=state["turn"]))
    for m in reaction.messages:
        attempt.messages.append(Message(thread=thread, author="customer", channel=m.channel, text=m.text,
                                        sim_minute=m.at_minute))
    state["threads"] = {**state["threads"], thread: reaction.state.to_dict()}
    state["seen_at"] = {**state["seen_at"], thread: utcnow().isoformat()}
    summary = {k: v for k, v in reaction.to_dict().items() if k not in ("state", "messages")}
    summary["messages"] = [m.text for m in reaction.messages]
    state["turn_results"] = state["turn_results"] + [{"thread": thread, "channel": channel, "result": result,
                                                       "reaction": summary, "spans": labelled_spans(result)}]
    state["turn"] = state["turn"] + 1
    attempt.sim_minutes = max(attempt.sim_minutes, reaction.state.last_customer_minute)
    _store_turn(attempt, inst, state)
    return summary


ENDED_NOTE = {"live_chat": "You ended the chat.", "conversation": "You ended the conversation."}


def end_thread(attempt: Attempt, thread: str, turn_token) -> bool:
    """The learner ends one conversation (live chat's "End chat"; a conversation's "End conversation"): resolved
    if the customer was satisfied, otherwise ended with the problem open. A customer who is satisfied waits for
    this, or for the learner's closing reply, so the learner always has the last word (issue 16.3)."""
    if is_duplicate(attempt, turn_token):
        return False
    if attempt.exercise_type not in ENDED_NOTE or attempt.state.get("phase") != "reply":
        raise AttemptError("This exercise has no conversation to end.")
    inst, conv, _customer = _open_conversation(attempt, thread, "That conversation has already ended.")
    if not any(r["thread"] == thread for r in attempt.state["turn_results"]):
        raise AttemptError("Reply to the customer before ending the conversation.")
    ended = simulator.end_conversation(inst, conv)
    state = dict(attempt.state)
    minute = round(conv["last_customer_minute"] + response_minutes(attempt, thread), 1)
    attempt.messages.append(Message(thread=thread, author="system", channel=conv["channel"],
                                    text=ENDED_NOTE[attempt.exercise_type], sim_minute=minute, turn=state["turn"]))
    state["threads"] = {**state["threads"], thread: ended.to_dict()}
    state["turn"] = state["turn"] + 1
    _store_turn(attempt, inst, state)
    return True


def end_chats(attempt: Attempt, turn_token) -> bool:
    """Live chat: the learner closes the remaining chats and moves on to the CRM records."""
    if is_duplicate(attempt, turn_token):
        return False
    if attempt.exercise_type != "live_chat":
        raise AttemptError("Only live chat ends with CRM records.")
    if not any(r for r in attempt.state["turn_results"]):
        raise AttemptError("Reply to at least one customer before closing the chats.")
    attempt.state = {**attempt.state, "phase": "crm", "turn": attempt.state["turn"] + 1}
    return True


def submit_crm(attempt: Attempt, records: dict, turn_token) -> dict | None:
    if is_duplicate(attempt, turn_token):
        return None
    if attempt.state.get("phase") != "crm":
        raise AttemptError("Finish the chats before filling in the CRM records.")
    inst = instance_for(attempt.instance)
    checks = {}
    for cust in inst.customers:
        record = records.get(cust.id) or {}
        checks[cust.id] = simulator.validate_crm_record(inst, record, customer=cust.id).to_dict()
        checks[cust.id]["record"] = record
    attempt.state = {**attempt.state, "crm": checks, "turn": attempt.state["turn"] + 1}
    finish(attempt)
    return checks


def submit_triage(attempt: Attempt, order: list[str], turn_token, decisions: dict | None = None) -> dict | None:
    if is_duplicate(attempt, turn_token):
        return None
    if attempt.exercise_type != "triage":
        raise AttemptError("This is not a triage exercise.")
    inst = instance_for(attempt.instance)
    try:
        outcome = simulator.score_triage(inst, order, decisions)
    except simulator.TriageOrderError as exc:
        raise AttemptError(f"Put every post in the list exactly once ({exc}).") from exc
    attempt.state = {**attempt.state, "triage": outcome, "turn": attempt.state["turn"] + 1}
    finish(attempt)
    return outcome


# ------------------------------------------------------------------------------------------------ finish

def _single_reply_result(attempt: Attempt, inst: simulator.Instance, thread: str, fresh: bool) -> dict:
    """A thread of one learner reply: its result as scored when sent, or (fresh) scored again now against the
    conversation as it stood when the reply was sent (the thread's opening)."""
    if not fresh:
        return next(r["result"] for r in attempt.state["turn_results"] if r["thread"] == thread)
    msg = next(m for m in attempt.messages if m.author == "learner" and m.thread == thread)
    customer = None if thread == "main" else thread
    opening = simulator.initial_state(inst, customer).to_dict()
    ctx = simulator.scoring_context_for_turn(inst, opening, channel=msg.channel, response_minutes=msg.response_minutes,
                                             customer=customer)
    return scoring.score_reply(msg.text, ctx)


def score_attempt(attempt: Attempt, fresh: bool = False) -> dict:
    """The attempt's whole result from its stored messages and state. `fresh`: every reply is scored again with the
    current scorer (re-scoring); otherwise single replies keep the result they got when sent."""
    inst = instance_for(attempt.instance)
    state = attempt.state
    if attempt.exercise_type == "triage":
        return triage_result(state["triage"])
    per_thread = []
    learner_threads = [m.thread for m in attempt.messages if m.author == "learner"]
    for thread in state["threads"]:
        turns = [m.text for m in attempt.messages if m.author == "learner" and m.thread == thread]
        if not turns:
            continue
        positions = [i for i, t in enumerate(learner_threads) if t == thread]
        if len(turns) == 1:
            per_thread.append(evidence_in_transcript_order(_single_reply_result(attempt, inst, thread, fresh),
                                                           positions))
            continue
        conv = state["threads"][thread]
        ctx = simulator.scoring_context_for_turn(inst, {**conv, "previous_replies": []}, channel=conv["channel"],
                                                 customer=None if thread == "main" else thread)
        ctx["response_minutes"] = next((m.response_minutes for m in attempt.messages
                                        if m.author == "learner" and m.thread == thread), None)
        canned = [r["result"].get("canned_response") for r in state["turn_results"] if r["thread"] == thread]
        conversation = scoring.apply_canned_rule_to_conversation(scoring.score_conversation(turns, ctx), canned)
        per_thread.append(evidence_in_transcript_order(conversation, positions))
    result = scoring.combine(per_thread, best=False) if per_thread else None
    if result is None:
        raise AttemptError("There is nothing to mark yet.")
    result = dict(result)
    result["reactions"] = [r["reaction"] for r in state["turn_results"]]
    if "crm" in state:
        result["crm"] = state["crm"]
    return evidence_spans.tidy(result, [m.text for m in attempt.messages if m.author == "learner"])


def finish(attempt: Attempt) -> dict:
    """Compute and store the final result; the attempt becomes completed. An author's preview (mode "preview",
    never in the database) gets its result marked the same way and kept on the object alone: no scores, no tallies,
    no xAPI statement."""
    state = attempt.state
    result = score_attempt(attempt)
    if attempt.mode == "preview":
        attempt.result, attempt.final_grade, attempt.auto_grade = result, result.get("grade"), result.get("grade")
        attempt.status, attempt.state = "completed", {**state, "phase": "done"}
        return result
    store_result(attempt, result)
    attempt.status = "completed"
    attempt.submitted_at = utcnow()
    attempt.state = {**state, "phase": "done"}
    xapi_outbox.record_marked(attempt)
    return result


# --------------------------------------------------------------------------------------------- reading

def owned_attempt(attempt_id: int, user: User, *options) -> Attempt:
    """The learner's own attempt; anyone else's is reported as missing (404), never shown. `options` are loader
    options for what the page shows (eager loads: one statement instead of one per lazy attribute)."""
    return _theirs(db.session.get(Attempt, attempt_id, options=options), user)


def attempt_statement(*options) -> Select:
    """A SELECT of the attempt with the bind parameter attempt_id and a page's loader options: built once, for
    owned_attempt_by (issue 17: Session.get with options builds and keys a statement on every call)."""
    return select(Attempt).where(Attempt.id == bindparam("attempt_id")).options(*options)


def owned_attempt_by(statement: Select, attempt_id: int, user: User) -> Attempt:
    """As owned_attempt, read with a statement from attempt_statement."""
    return _theirs(db.session.execute(statement, {"attempt_id": attempt_id}).scalar_one_or_none(), user)


def _theirs(attempt: Attempt | None, user: User) -> Attempt:
    if attempt is None or attempt.learner_id != user.id:
        abort(404)
    return attempt


PREVIOUS = (   # built once: a learner's last completed attempt at a scenario before a given attempt
    select(Attempt).join(ScenarioInstance, Attempt.instance_id == ScenarioInstance.id)
    .where(Attempt.learner_id == bindparam("learner_id"), Attempt.status == "completed",
           ScenarioInstance.scenario_id == bindparam("scenario_id"), Attempt.id < bindparam("attempt_id"))
    .options(undefer(Attempt.result)).order_by(Attempt.id.desc()).limit(1))


def previous_attempt(attempt: Attempt) -> Attempt | None:
    """The learner's last completed attempt at the same scenario before this one."""
    return db.session.scalar(PREVIOUS, {"learner_id": attempt.learner_id, "attempt_id": attempt.id,
                                        "scenario_id": attempt.instance.scenario_id})
