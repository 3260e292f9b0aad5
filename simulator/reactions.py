"""How the customer answers the learner, turn by turn, from the scorer's judgement of that turn.

`react(instance, state, reply_text, judgement, channel)` reads the judgement the way the customer feels it
(simulator.judged: heard, cared, owned, blamed) and the reply's words against the scenario's `fix` (simulator.fixes:
a kind reply that skips the fix fixes nothing); it never imports the scorer. It walks the ordered table
simulator.rules.RULES: the first rule that applies decides the customer's next message, mood (simulator.moods) and
patience. A satisfied customer waits for the learner's closing turn (or `end_conversation`) before the conversation
ends, except in a single public reply. The random choices (which wording, how long the customer takes) come from a
`random.Random` seeded with a SHA-256 of (scenario, seed, customer, turn, reply), so the same instance, state, reply
and judgement always give the same reaction.

The table itself (Turn, Rule, the rule functions and RULES) is simulator/rules.py; this module keeps the
conversation's state, `react` and the scoring context.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Callable

from simulator.catalogue import EXERCISE_TYPES, MOODS
from simulator.clock import SimClock
from simulator.errors import ChannelError, ExerciseError, SimulatorUsageError
from simulator.fixes import gives_fix
from simulator.instance import Instance, Message, as_instance
from simulator.judged import Judged
from simulator.moods import move
from simulator.platforms import get_platform, message_length, shown_handle
from simulator.rules import RULES, Turn
from simulator.seeds import rng_for


@dataclass(frozen=True)
class ConversationState:
    """Where one conversation with one customer stands. Plain and serialisable: store `to_dict()`."""

    scenario_id: str
    seed: int
    customer_id: str
    mood: str
    patience_left: int
    channel: str                  # where the conversation now is: "public", "private" or "chat"
    last_customer_minute: float   # simulated minute of the customer's latest message
    turn: int = 0                 # learner replies so far
    status: str = "open"
    heard: bool = False
    apologised: bool = False      # an earlier turn apologised / showed empathy: a later turn that gets on with
    empathised: bool = False      # the work need not say it again (the scorer judges each turn on its own)
    moved_private: bool = False
    details_sent: bool = False
    clarified: bool = False
    verified: bool = False
    escalated: bool = False
    escalated_publicly: bool = False
    satisfied: bool = False       # the customer thanked the learner; the learner's closing turn ends it
    fixed: bool = False           # a reply has given what fixes the problem (the scenario's `fix`)
    asked_for_manager: bool = False
    threatened_to_leave: bool = False
    history: tuple[str, ...] = ()             # reaction keys so far
    previous_replies: tuple[str, ...] = ()    # the learner's earlier turns, for the scorer
    customer_messages: tuple[str, ...] = ()   # everything the customer has said so far, in order

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("history", "previous_replies", "customer_messages"):
            d[key] = list(d[key])
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "ConversationState":
        try:
            d = dict(data)
            d["history"] = tuple(d.get("history", ()))
            d["previous_replies"] = tuple(d.get("previous_replies", ()))
            d["customer_messages"] = tuple(d.get("customer_messages", ()))
            return cls(**d)
        except TypeError as exc:
            raise SimulatorUsageError(f"not a conversation state: {exc}") from exc

    @property
    def ended(self) -> bool:
        return self.status != "open"


@dataclass(frozen=True)
class Reaction:
    customer_id: str
    key: str                      # which rule fired: "calmer", "sends_details", "pile_on"...
    messages: tuple[Message, ...]
    mood: str
    previous_mood: str
    resolved: bool
    gave_up: bool
    escalated_publicly: bool
    asked_for_manager: bool
    threatened_to_leave: bool
    ended: bool
    why: str                      # for the learner's feedback
    response_minutes: float       # how long the learner took to reply
    timeliness: int               # 2 within the SLA, 1 within twice it, 0 later
    state: ConversationState

    def to_dict(self) -> dict:
        return {"customer_id": self.customer_id, "key": self.key, "messages": [m.to_dict() for m in self.messages],
                "mood": self.mood, "previous_mood": self.previous_mood, "resolved": self.resolved,
                "gave_up": self.gave_up, "escalated_publicly": self.escalated_publicly,
                "asked_for_manager": self.asked_for_manager, "threatened_to_leave": self.threatened_to_leave,
                "ended": self.ended, "why": self.why, "response_minutes": self.response_minutes,
                "timeliness": self.timeliness, "state": self.state.to_dict()}


def initial_state(instance: Instance, customer: str | None = None) -> ConversationState:
    """The state before the learner's first reply to this customer (crisis: to the public)."""
    instance = as_instance(instance)
    if instance.crisis is not None:
        latest = max(m.at_minute for m in instance.messages)
        return ConversationState(instance.scenario_id, instance.seed, "crisis", "angry", 1, "public", latest,
                                 customer_messages=tuple(m.text for m in instance.messages))
    cust = instance.customer(customer)
    last = cust.messages[-1]
    return ConversationState(instance.scenario_id, instance.seed, cust.id, cust.persona.mood,
                             cust.persona.patience, last.channel, last.at_minute,
                             customer_messages=tuple(m.text for m in cust.messages))


def end_conversation(instance: Instance, state) -> ConversationState:
    """The learner ends a conversation (live chat's "End chat"): resolved if the customer was satisfied,
    otherwise ended with the problem still open."""
    instance = as_instance(instance)
    state = _coerce_state(instance, state, None)
    if state.ended:
        raise ExerciseError(f"the conversation with {state.customer_id} has already ended ({state.status})")
    return replace(state, status="resolved" if state.satisfied else "ended",
                   history=state.history + ("ended_by_agent",))


# ------------------------------------------------------------------------------------------------ react

def _coerce_state(instance: Instance, state, customer: str | None) -> ConversationState:
    if state is None:
        return initial_state(instance, customer)
    if isinstance(state, dict):
        state = ConversationState.from_dict(state)
    if not isinstance(state, ConversationState):
        raise SimulatorUsageError(f"state must be None, a dict or a ConversationState, not {type(state).__name__}")
    if (state.scenario_id, state.seed) != (instance.scenario_id, instance.seed):
        raise SimulatorUsageError(f"this state belongs to {state.scenario_id} seed {state.seed}, not "
                                  f"{instance.scenario_id} seed {instance.seed}")
    if customer is not None and state.customer_id != customer:
        raise SimulatorUsageError(f"this state is the conversation with {state.customer_id!r}, not {customer!r}")
    return state


def _check_channel(instance: Instance, state: ConversationState, reply: str, channel: str, at_minute: float,
                   human_agent_tag: bool):
    platform = get_platform(instance.platform)
    if channel not in platform.channels:
        raise ChannelError(f"{platform.label} has no {channel!r} channel; use {', '.join(platform.channels)}")
    chan = platform.channels[channel]
    length = message_length(reply, instance.platform, channel)
    if length > chan.max_chars:
        unit = "weighted characters (emoji 2, links 23)" if chan.weighted else "characters"
        raise ChannelError(f"{platform.label} allows {chan.max_chars} {unit} in a {chan.label.lower()}; "
                           f"this reply has {length}")
    clock = SimClock(at_minute)
    if channel == "private" and not clock.private_window_open(instance.platform, state.last_customer_minute,
                                                              human_agent_tag=human_agent_tag):
        hours = chan.extended_window_hours if human_agent_tag else chan.reply_window_hours
        hint = "" if human_agent_tag else "; a human agent may tag the reply (HUMAN_AGENT) to extend it to 7 days"
        raise ChannelError(f"{platform.label} private messages may only be sent within {hours:g} hours of the "
                           f"customer's last message{hint}")


def _react_customer(instance: Instance, state: ConversationState, reply: str, judged: Judged, channel: str,
                    reply_minute: float, rng) -> Turn:
    cust = instance.customer(state.customer_id)
    # A reply that skips the fix does not count, and neither does one the customer cannot take seriously.
    fix_given = state.fixed or (gives_fix(cust.fix, reply) and judged.quality != "poor")
    turn = Turn(instance, cust, state, judged, reply, channel, rng, cust.persona.first_name, fix_given)
    for rule in RULES:
        if rule.applies(turn):
            rule.apply(turn)
            break
    return turn


def _react_crisis(instance: Instance, state: ConversationState, reply: str, judged: Judged, channel: str,
                  reply_minute: float, rng) -> Turn:
    crisis = instance.crisis
    if crisis is None:   # REACTORS sends only crisis exercises here, and their instances always have one
        raise SimulatorUsageError(f"{instance.scenario_id} has no crisis to react to")
    turn = Turn(instance, None, state, judged, reply, channel, rng, "the public", gives_fix(crisis.fix, reply))
    good = (not judged.rude and not judged.leaked and judged.at_least("accuracy", 1)
            and (judged.shown("acknowledge") or judged.shown("hear")) and judged.at_least("apologise", 1)
            and (judged.shown("act") or judged.shown("take_ownership")) and turn.fix_given)
    wave = "calmer" if good else "worse"
    turn.key = "contained" if good else "spreads"
    turn.mood_moves = ("calmer",) if good else ("worse",)
    turn.lines = [m for m in crisis.waves[wave]]
    turn.flags["status"] = "resolved" if good else "ended"
    turn.flags["escalated_publicly"] = not good
    turn.why = ("Your holding statement acknowledged the incident, apologised and said what happens next, so "
                "the conversation is calming down." if good else
                "Your holding statement " + ("was rude or defensive" if judged.rude else
                                             "shared personal data" if judged.leaked else
                                             "did not tell people what to do now" if not turn.fix_given else
                                             "did not acknowledge, apologise and say what happens next")
                + ", so the story is spreading.")
    return turn


def _no_reaction(instance, *args):
    raise ExerciseError("a triage exercise has no conversation: use score_triage(instance, learner_order)")


# Reactors per exercise type, keyed by the name used in scenario files.
REACTORS: dict[str, Callable] = {
    "public_reply": _react_customer,
    "conversation": _react_customer,
    "live_chat": _react_customer,
    "crisis": _react_crisis,
    "triage": _no_reaction,
}


def react(instance: Instance, state, reply_text: str, judgement: dict, channel: str, *,
          customer: str | None = None, at_minute: float | None = None, human_agent_tag: bool = False) -> Reaction:
    """The customer's next turn after the learner's reply.

    instance: the Instance from `generate`, or its `to_dict()` as stored.
    state: None (first reply), a dict from `ConversationState.to_dict()`, or a ConversationState.
    judgement: the scoring result of this reply (only `criteria[key]["level"]` is read).
    channel: where the learner replied ("public", "private" or "chat").
    customer: which customer (live chat); at_minute: simulated minute the reply was sent (default: one
    minute after the customer's last message); human_agent_tag: the learner tagged a private reply as a
    human agent's (Messenger / Instagram: 7-day window instead of 24 hours).
    """
    instance = as_instance(instance)
    if instance.exercise_type == "triage":
        _no_reaction(instance)
    state = _coerce_state(instance, state, customer)
    if state.ended:
        raise ExerciseError(f"the conversation with {state.customer_id} has ended ({state.status})")
    if not isinstance(reply_text, str) or not reply_text.strip():
        raise SimulatorUsageError("the reply is empty")
    reply_minute = state.last_customer_minute + 1 if at_minute is None else float(at_minute)
    if reply_minute < state.last_customer_minute:
        raise SimulatorUsageError(f"the reply (minute {reply_minute}) cannot come before the customer's last "
                                  f"message (minute {state.last_customer_minute})")
    _check_channel(instance, state, reply_text, channel, reply_minute, human_agent_tag)
    cust = instance.customer(state.customer_id) if instance.customers else None
    expected = cust.expected if cust else instance.expected
    judged = Judged.read(judgement, expected.get("not_applicable", []), heard_before=state.heard,
                         apologised_before=state.apologised, empathised_before=state.empathised,
                         praise=instance.category == "positive_feedback")
    rng = rng_for("react", instance.scenario_id, instance.seed, state.customer_id, state.turn, reply_text)
    turn = REACTORS[instance.exercise_type](instance, state, reply_text, judged, channel, reply_minute, rng)

    mood = move(state.mood, *turn.mood_moves)
    mood_i = MOODS.index(mood)
    flags = turn.flags
    status = flags.get("status", "open")
    patience = state.patience_left + turn.patience_change
    lines = list(turn.lines)
    gave_up = False
    if status == "open" and patience <= 0 and cust is not None:
        gave_up, status = True, "gave_up"
        lines.append((state.channel, turn.rng.choice(cust.followups["gave_up"])))
        turn.why += f" Then {turn.name} ran out of patience and gave up."
    new_turn = state.turn + 1
    max_turns = EXERCISE_TYPES[instance.exercise_type].max_turns
    satisfied = flags.get("satisfied", state.satisfied)
    if status == "open" and new_turn >= max_turns and not satisfied:   # a satisfied customer awaits the close
        status = "ended"

    delay_range = (0.3, 1.5) if instance.platform == "webchat" else (1.0, 9.0)
    minute = reply_minute
    messages = []
    for line in lines:
        if isinstance(line, Message):     # crisis waves: prepared posts, times relative to the statement
            messages.append(replace(line, at_minute=round(reply_minute + line.at_minute, 1)))
            continue
        if cust is None:   # only a customer's rules add (channel, text) lines; a crisis adds prepared posts
            raise SimulatorUsageError(f"a line {line!r} with no customer to say it")
        chan, text = line
        minute = round(minute + rng.uniform(*delay_range), 1)
        messages.append(Message("customer", text, chan, minute, instance.platform, cust.id, cust.persona.name,
                                shown_handle(instance.platform, cust.persona.handle)))
    last_minute = max([m.at_minute for m in messages], default=state.last_customer_minute)
    new_state = replace(
        state, mood=mood, patience_left=max(0, patience), turn=new_turn, status=status, satisfied=satisfied,
        fixed=state.fixed or turn.fix_given,
        channel=flags.get("channel", channel if channel != "public" and state.channel == "public" else state.channel),
        last_customer_minute=last_minute,
        heard=state.heard or judged.heard,
        apologised=state.apologised or judged.shown("apologise"),
        empathised=state.empathised or judged.shown("empathise"),
        moved_private=state.moved_private or flags.get("moved_private", False) or channel == "private",
        details_sent=state.details_sent or flags.get("details_sent", False),
        clarified=state.clarified or flags.get("clarified", False),
        verified=state.verified or flags.get("verified", False),
        escalated=state.escalated or flags.get("escalated", False) or (judged.shown("escalation")
                                                                        and turn.judged.quality != "poor"),
        escalated_publicly=state.escalated_publicly or flags.get("escalated_publicly", False),
        asked_for_manager=state.asked_for_manager or flags.get("asked_for_manager", False),
        threatened_to_leave=state.threatened_to_leave or flags.get("threatened_to_leave", False),
        history=state.history + (turn.key,) + (("gave_up",) if gave_up else ()),
        previous_replies=state.previous_replies + (reply_text,),
        customer_messages=state.customer_messages + tuple(m.text for m in messages if m.author == "customer"),
    )
    sla = (instance.sla_minutes)
    return Reaction(
        customer_id=state.customer_id, key=turn.key, messages=tuple(messages), mood=new_state.mood,
        previous_mood=state.mood, resolved=status == "resolved" or (satisfied and not state.satisfied),
        gave_up=gave_up,
        escalated_publicly=flags.get("escalated_publicly", False) or (gave_up and "public" in instance.channels
                                                                      and mood_i >= MOODS.index("angry")),
        asked_for_manager=flags.get("asked_for_manager", False),
        threatened_to_leave=flags.get("threatened_to_leave", False), ended=status != "open", why=turn.why.strip(),
        response_minutes=round(reply_minute - state.last_customer_minute, 1),
        timeliness=SimClock(reply_minute).timeliness(state.last_customer_minute, sla), state=new_state,
    )


def scoring_context_for_turn(instance: Instance, state, *, channel: str, response_minutes: float | None = None,
                             customer: str | None = None) -> dict:
    """The scoring context for the learner's next reply in a conversation: the customer's messages so far,
    the learner's earlier turns, the channel and the delay. Pass it to `rubrics.score_reply`."""
    instance = as_instance(instance)
    state = _coerce_state(instance, state, customer)
    base = instance.scoring_context if instance.crisis else instance.customer(state.customer_id).scoring_context
    if base is None:     # generation gives every crisis instance one
        raise SimulatorUsageError(f"{instance.scenario_id} has no scoring context")
    ctx = dict(base)
    said = list(state.customer_messages) or base["customer"]
    ctx.update(customer=said[0] if isinstance(said, list) and len(said) == 1 else said, channel=channel,
               response_minutes=response_minutes, previous_replies=list(state.previous_replies))
    return ctx
