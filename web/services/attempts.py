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

import random
from datetime import datetime
from functools import lru_cache

import simulator
from flask import current_app
from sqlalchemy import select

from web.services import scoring
from web.extensions import db
from web.models import Assignment, Attempt, Message, ScenarioInstance, User, utcnow
from web.services.marks import store_result

LIVE = ("public_reply", "conversation", "live_chat", "crisis")


class AttemptError(ValueError):
    """What the learner asked cannot be done; the message is safe to show and says what to do."""


# ------------------------------------------------------------------------------------------------ library

@lru_cache(maxsize=4)
def _library(path: str) -> simulator.Library:
    return simulator.load_library(path)   # loaded once per process and folder: restart to pick up edits


def library() -> simulator.Library:
    return _library(str(current_app.config["SCENARIO_DIR"]))


def scenario(scenario_id: str) -> simulator.Scenario:
    try:
        return library().get(scenario_id)
    except simulator.UnknownScenarioError as exc:
        raise AttemptError(f"There is no scenario called {scenario_id!r}.") from exc


@lru_cache(maxsize=256)
def _generate(scenario_dir: str, scenario_id: str, version: str, seed: int) -> simulator.Instance:
    lib = _library(scenario_dir)
    return simulator.generate(lib.get(scenario_id), seed, library=lib)


@lru_cache(maxsize=256)
def _from_stored(row_id: int, scenario_id: str, version: str, seed: int, data_json: str) -> simulator.Instance:
    import json
    return simulator.Instance.from_dict(json.loads(data_json))


def instance_for(row: ScenarioInstance) -> simulator.Instance:
    """The simulator's Instance for a stored row: rebuilt from the stored data, so an attempt keeps working
    after its scenario file is edited (older simulators without Instance.from_dict: regenerated)."""
    if hasattr(simulator.Instance, "from_dict"):
        import json
        return _from_stored(row.id, row.scenario_id, row.scenario_version, row.seed,
                            json.dumps(row.data, sort_keys=True))
    sc = scenario(row.scenario_id)
    if sc.version != row.scenario_version:
        raise AttemptError("This scenario has been edited since the attempt started, so the customer can no "
                           "longer answer. Start it again from the catalogue.")
    return _generate(str(current_app.config["SCENARIO_DIR"]), row.scenario_id, row.scenario_version, row.seed)


def stored_instance(scenario_id: str, seed: int) -> ScenarioInstance:
    """The ScenarioInstance row for (id, current version, seed), generated and stored once."""
    sc = scenario(scenario_id)
    row = db.session.scalar(select(ScenarioInstance).where(
        ScenarioInstance.scenario_id == sc.id, ScenarioInstance.scenario_version == sc.version,
        ScenarioInstance.seed == seed))
    if row is None:
        inst = _generate(str(current_app.config["SCENARIO_DIR"]), sc.id, sc.version, seed)
        row = ScenarioInstance(scenario_id=sc.id, scenario_version=sc.version, seed=seed,
                               exercise_type=inst.exercise_type, title=inst.title, data=inst.to_dict())
        db.session.add(row)
        db.session.flush()
    return row


# ---------------------------------------------------------------------------------------------- catalogue

def assignments_for(user: User) -> list[Assignment]:
    ids = [c.id for c in user.learner_cohorts]
    if not ids:
        return []
    return list(db.session.scalars(select(Assignment).where(Assignment.cohort_id.in_(ids))
                                   .order_by(Assignment.created_at.desc())))


def catalogue(user: User, *, platform: str = "", category: str = "", difficulty: str = "", exercise_type: str = "",
              not_attempted: bool = False, assigned: bool = False) -> list[dict]:
    attempted = set(db.session.scalars(
        select(ScenarioInstance.scenario_id).join(Attempt, Attempt.instance_id == ScenarioInstance.id)
        .where(Attempt.learner_id == user.id)))
    assigned_by = {}
    for a in assignments_for(user):
        assigned_by.setdefault(a.scenario_id, a)
    rows = []
    for sc in library().list():
        if platform and platform not in sc.platforms:
            continue
        if category and sc.category != category or difficulty and sc.difficulty != difficulty:
            continue
        if exercise_type and sc.exercise_type != exercise_type:
            continue
        if not_attempted and sc.id in attempted or assigned and sc.id not in assigned_by:
            continue
        a = assigned_by.get(sc.id)
        rows.append({**sc.summary(), "brief": sc.brief, "attempted": sc.id in attempted,
                     "category_label": simulator.CATEGORIES.get(sc.category, sc.category),
                     "type_label": simulator.EXERCISE_TYPES[sc.exercise_type].label,
                     "assignment": {"id": a.id, "mode": a.mode} if a else None})
    return rows


def surprise_id(rng: random.Random | None = None) -> str:
    ids = [sc.id for sc in library().list()]
    if not ids:
        raise AttemptError("There are no scenarios to choose from yet.")
    return (rng or random.SystemRandom()).choice(ids)


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


def assessed_work_open(user: User, scenario_id: str, seed: int) -> bool:
    """Does this learner have assessed work on this exact customer (scenario and seed) still to submit: an
    assessed attempt in progress, or an assessed assignment with that seed for their cohort not yet completed?
    Scoring that customer elsewhere (the score API's scenario mode) would show the marking before submission."""
    in_progress = db.session.scalar(
        select(Attempt.id).join(ScenarioInstance, Attempt.instance_id == ScenarioInstance.id)
        .where(Attempt.learner_id == user.id, Attempt.mode == "assessed", Attempt.status == "in_progress",
               ScenarioInstance.scenario_id == scenario_id, ScenarioInstance.seed == seed).limit(1))
    if in_progress is not None:
        return True
    for a in assignments_for(user):
        if a.mode == "assessed" and a.scenario_id == scenario_id and a.seed == seed:
            done = db.session.scalar(select(Attempt.id).where(
                Attempt.learner_id == user.id, Attempt.assignment_id == a.id, Attempt.status == "completed").limit(1))
            if done is None:
                return True
    return False


# ------------------------------------------------------------------------------------------------- start

def _thread(message: dict) -> str:
    return message.get("customer_id") if message.get("author") == "customer" else "main"


def start_attempt(user: User, scenario_id: str, seed: int | None = None, *, mode: str = "practice",
                  assignment: Assignment | None = None) -> Attempt:
    if assignment is not None:
        if assignment.cohort_id not in {c.id for c in user.learner_cohorts}:
            raise AttemptError("That assignment is not for your cohort.")
        scenario_id, mode = assignment.scenario_id, assignment.mode
        seed = assignment.seed if assignment.seed is not None else seed
    seed = new_seed() if seed is None else int(seed)
    row = stored_instance(scenario_id, seed)
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
    db.session.add(attempt)
    db.session.flush()
    return attempt


# --------------------------------------------------------------------------------------------- replying

def _sim_speed() -> float:
    return float(current_app.config.get("SIM_SPEED", 1.0))


def response_minutes(attempt: Attempt, thread: str, now: datetime | None = None) -> float:
    """Simulated minutes since the customer's latest message in this thread was shown."""
    seen = datetime.fromisoformat(attempt.state["seen_at"][thread])
    real = max(0.0, ((now or utcnow()) - seen).total_seconds() / 60)
    return round(real * _sim_speed(), 1)


def _conversation(attempt: Attempt, thread: str) -> tuple[simulator.Instance, dict, str | None]:
    inst = instance_for(attempt.instance)
    threads = attempt.state.get("threads", {})
    if thread not in threads:
        raise AttemptError("There is no such conversation in this exercise.")
    return inst, threads[thread], (None if thread == "main" else thread)


def channel_limit(inst: simulator.Instance, channel: str) -> int:
    return simulator.get_platform(inst.platform).channel(channel).max_chars


def check_reply(inst: simulator.Instance, text: str, channel: str) -> str:
    """The reply, or AttemptError with a clear message (empty, oversize, no such channel)."""
    if text is None or not text.strip():
        raise AttemptError("Your reply is empty. Write your reply to the customer, then send it.")
    maximum = current_app.config["MAX_REPLY_CHARS"]
    if len(text) > maximum:
        raise AttemptError(f"Your reply is {len(text)} characters; the most this box takes is {maximum}. "
                           "Shorten it and send again: your text is still in the box.")
    if channel not in inst.channels:
        raise AttemptError(f"{simulator.get_platform(inst.platform).label} has no {channel!r} option here.")
    length = simulator.message_length(text, inst.platform, channel)
    limit = channel_limit(inst, channel)
    if length > limit:
        unit = "weighted characters (emoji count 2, links 23)" if inst.platform == "twitter" and channel == "public" \
            else "characters"
        raise AttemptError(f"This reply is {length} {unit}; {simulator.get_platform(inst.platform).label} allows "
                           f"{limit} here. Shorten it and send again: your text is still in the box.")
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


def _labelled_spans(result: dict) -> list[dict]:
    spans = []
    for key, crit in result.get("criteria", {}).items():
        if crit.get("level") in (1, 2, "pass"):
            for ev in crit.get("evidence") or []:
                if isinstance(ev, dict) and "start" in ev:
                    spans.append({"start": ev["start"], "end": ev["end"], "label": scoring.LABELS.get(key, key)})
    return spans


def submit_reply(attempt: Attempt, text: str, channel: str, thread: str, turn_token) -> dict | None:
    """Score the reply, store it, let the customer react and store what they say. None if a duplicate."""
    if is_duplicate(attempt, turn_token):
        return None
    if attempt.exercise_type not in LIVE or attempt.state.get("phase") != "reply":
        raise AttemptError("This exercise is not waiting for a reply.")
    inst, conv, customer = _conversation(attempt, thread)
    if conv.get("status", "open") != "open":
        raise AttemptError("That conversation has ended.")
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
                                    sim_minute=reply_minute, response_minutes=minutes))
    for m in reaction.messages:
        attempt.messages.append(Message(thread=thread, author="customer", channel=m.channel, text=m.text,
                                        sim_minute=m.at_minute))
    state["threads"] = {**state["threads"], thread: reaction.state.to_dict()}
    state["seen_at"] = {**state["seen_at"], thread: utcnow().isoformat()}
    summary = {k: v for k, v in reaction.to_dict().items() if k not in ("state", "messages")}
    summary["messages"] = [m.text for m in reaction.messages]
    state["turn_results"] = state["turn_results"] + [{"thread": thread, "channel": channel, "result": result,
                                                       "reaction": summary, "spans": _labelled_spans(result)}]
    state["turn"] = state["turn"] + 1
    attempt.sim_minutes = max(attempt.sim_minutes, reaction.state.last_customer_minute)
    attempt.state = state
    if all(t.get("status", "open") != "open" for t in state["threads"].values()):
        if inst.exercise_type == "live_chat":
            attempt.state = {**state, "phase": "crm"}
        else:
            finish(attempt)
    return summary


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


def submit_triage(attempt: Attempt, order: list[str], turn_token) -> dict | None:
    if is_duplicate(attempt, turn_token):
        return None
    if attempt.exercise_type != "triage":
        raise AttemptError("This is not a triage exercise.")
    inst = instance_for(attempt.instance)
    try:
        outcome = simulator.score_triage(inst, order)
    except simulator.TriageOrderError as exc:
        raise AttemptError(f"Put every post in the list exactly once ({exc}).") from exc
    attempt.state = {**attempt.state, "triage": outcome, "turn": attempt.state["turn"] + 1}
    finish(attempt)
    return outcome


# ------------------------------------------------------------------------------------------------ finish

TRIAGE_GRADES = {"strong": "Merit", "fair": "Pass", "weak": "Refer"}


def _triage_result(outcome: dict) -> dict:
    # The scorer has no triage rubric: the web layer maps the rank-correlation band to a grade.
    grade = TRIAGE_GRADES[outcome["band"]]
    if outcome["band"] == "strong" and outcome["exact"] == outcome["n"]:
        grade = "Distinction"
    if outcome["critical_missed"]:
        grade = "Refer" if grade != "Refer" else grade
    return {"rubric": {"id": "triage-rank", "version": 1, "hash": "triage-rank-1", "scorer_version": "web-1"},
            "mode": "scenario", "criteria": {}, "grade": grade,
            "grade_rule": f"{outcome['summary']} Strong order (rho at least 0.8) is Merit, every post in place is "
                          "Distinction, fair (0.5) is Pass; an urgent post outside the top 3 is Refer.",
            "feedback": {"went_well": [
                {"criterion": "triage", "quote": "", "text": f"{outcome['exact']} of {outcome['n']} posts in the right "
                 "place" + ("; every urgent post in your top 3." if not outcome["critical_missed"] else ".")}]
                if outcome["exact"] else [], "even_better_if": [
                {"criterion": "triage", "missing": m["feedback"], "example": ""} for m in outcome["misplaced"]]},
            "triage": outcome}


def _evidence_in_transcript_order(result: dict, positions: list[int]) -> dict:
    """Evidence `turn` counts a conversation's own turns; the transcript (and the review page) counts every
    learner message of the attempt in order. Live chat interleaves conversations, so map one to the other."""
    criteria = {}
    for key, crit in result.get("criteria", {}).items():
        evidence = []
        for e in crit.get("evidence") or []:
            if isinstance(e, dict) and "start" in e:
                local = e.get("turn", 0) or 0
                e = {**e, "turn": positions[local] if local < len(positions) else positions[-1]}
            evidence.append(e)
        criteria[key] = {**crit, "evidence": evidence}
    return {**result, "criteria": criteria}


def finish(attempt: Attempt) -> dict:
    """Compute and store the final result; the attempt becomes completed."""
    inst = instance_for(attempt.instance)
    state = attempt.state
    if attempt.exercise_type == "triage":
        result = _triage_result(state["triage"])
    else:
        per_thread = []
        learner_threads = [m.thread for m in attempt.messages if m.author == "learner"]
        for thread in state["threads"]:
            turns = [m.text for m in attempt.messages if m.author == "learner" and m.thread == thread]
            if not turns:
                continue
            positions = [i for i, t in enumerate(learner_threads) if t == thread]
            if len(turns) == 1:
                one = next(r["result"] for r in state["turn_results"] if r["thread"] == thread)
                per_thread.append(_evidence_in_transcript_order(one, positions))
                continue
            conv = state["threads"][thread]
            ctx = simulator.scoring_context_for_turn(inst, {**conv, "previous_replies": []}, channel=conv["channel"],
                                                     customer=None if thread == "main" else thread)
            ctx["response_minutes"] = next((m.response_minutes for m in attempt.messages
                                            if m.author == "learner" and m.thread == thread), None)
            canned = [r["result"].get("canned_response") for r in state["turn_results"] if r["thread"] == thread]
            conversation = scoring.apply_canned_rule_to_conversation(scoring.score_conversation(turns, ctx), canned)
            per_thread.append(_evidence_in_transcript_order(conversation, positions))
        result = scoring.combine(per_thread, best=False) if per_thread else None
        if result is None:
            raise AttemptError("There is nothing to mark yet.")
        result = dict(result)
        result["reactions"] = [r["reaction"] for r in state["turn_results"]]
        if "crm" in state:
            result["crm"] = state["crm"]
    store_result(attempt, result)
    attempt.status = "completed"
    attempt.submitted_at = utcnow()
    attempt.state = {**state, "phase": "done"}
    return result


# --------------------------------------------------------------------------------------------- reading

def owned_attempt(attempt_id: int, user: User) -> Attempt:
    """The learner's own attempt; anyone else's is reported as missing (404), never shown."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.learner_id != user.id:
        from flask import abort
        abort(404)
    return attempt


def previous_attempt(attempt: Attempt) -> Attempt | None:
    """The learner's last completed attempt at the same scenario before this one."""
    return db.session.scalar(
        select(Attempt).join(ScenarioInstance, Attempt.instance_id == ScenarioInstance.id)
        .where(Attempt.learner_id == attempt.learner_id, Attempt.id != attempt.id, Attempt.status == "completed",
               ScenarioInstance.scenario_id == attempt.instance.scenario_id, Attempt.id < attempt.id)
        .order_by(Attempt.id.desc()).limit(1))


def comparison(attempt: Attempt, before: Attempt | None) -> list[dict]:
    if before is None or not before.result or not attempt.result:
        return []
    rows = []
    for key, crit in attempt.result.get("criteria", {}).items():
        old = before.result.get("criteria", {}).get(key, {}).get("level")
        new = crit.get("level")
        if isinstance(old, int) and isinstance(new, int):
            change = "better" if new > old else "worse" if new < old else "same"
        else:
            change = "same" if old == new else "changed"
        rows.append({"criterion": key, "label": scoring.LABELS.get(key, key), "before": old, "now": new,
                     "change": change})
    return rows


def spans_by_turn(attempt: Attempt) -> dict[int, list]:
    """Evidence spans per learner message (in transcript order), labelled by criterion, for highlighting."""
    return {i: r.get("spans", []) for i, r in enumerate((attempt.state or {}).get("turn_results", []))}
