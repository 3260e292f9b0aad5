"""How the customer answers the learner, turn by turn, from the scorer's judgement of that turn.

`react(instance, state, reply_text, judgement, channel)` reads `judgement["criteria"][key]["level"]` (and,
for a criterion at 0, whether the scorer quoted words as evidence: that is how an explicit blaming or
dismissive phrase shows); it never imports the scorer. It walks an ordered table of RULES: the first rule that applies decides the
customer's next message, mood and patience. The random choices (which wording, how long the customer
takes) come from a `random.Random` seeded with a SHA-256 of (scenario, seed, customer, turn, reply), so the
same instance, state, reply and judgement always give the same reaction.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

from simulator.catalogue import EXERCISE_TYPES, MOODS
from simulator.clock import SimClock
from simulator.errors import ChannelError, ExerciseError, SimulatorUsageError
from simulator.generation import CustomerInstance, Instance, Message, as_instance
from simulator.platforms import get_platform, message_length
from simulator.seeds import rng_for

STATUSES = ("open", "resolved", "gave_up", "ended")
VERIFY_CUE = re.compile(
    r"\b(verify|verification|security (check|questions?)|confirm (your|the) (full name|name|postcode|address|date of"
    r" birth|first line)|first line of (your |the )?address|postcode|date of birth|memorable)\b", re.I)


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
        last = max(m.at_minute for m in instance.messages)
        return ConversationState(instance.scenario_id, instance.seed, "crisis", "angry", 1, "public", last,
                                 customer_messages=tuple(m.text for m in instance.messages))
    cust = instance.customer(customer)
    last = cust.messages[-1]
    return ConversationState(instance.scenario_id, instance.seed, cust.id, cust.persona.mood,
                             cust.persona.patience, last.channel, last.at_minute,
                             customer_messages=tuple(m.text for m in cust.messages))


# ------------------------------------------------------------------------------------------ reading levels

@dataclass(frozen=True)
class Judged:
    """The judgement's levels, read the way the customer feels them. n/a counts as satisfied."""

    levels: dict
    not_applicable: frozenset
    cued_zero: frozenset = frozenset()    # criteria at 0 for which the scorer quoted the words that did it
    apologised_before: bool = False       # from the conversation so far
    empathised_before: bool = False

    @classmethod
    def read(cls, judgement: dict, not_applicable, *, apologised_before: bool = False,
             empathised_before: bool = False) -> "Judged":
        if not isinstance(judgement, dict) or not isinstance(judgement.get("criteria"), dict):
            raise SimulatorUsageError("judgement must be a scoring result with a 'criteria' mapping "
                                      "(see docs/interfaces.md)")
        levels, cued = {}, set()
        for key, value in judgement["criteria"].items():
            levels[key] = value.get("level") if isinstance(value, dict) else value
            if isinstance(value, dict) and levels[key] == 0 and value.get("evidence"):
                cued.add(key)
        return cls(levels, frozenset(not_applicable), frozenset(cued), apologised_before, empathised_before)

    def level(self, key: str):
        if key in self.levels:
            return self.levels[key]
        return None if key in self.not_applicable else 0   # missing and applicable: not shown

    def at_least(self, key: str, minimum: int) -> bool:
        lv = self.level(key)
        return lv is None or (isinstance(lv, int) and lv >= minimum)

    def shown(self, key: str, minimum: int = 1) -> bool:
        """Positively shown (n/a does not count)."""
        lv = self.level(key)
        return isinstance(lv, int) and not isinstance(lv, bool) and lv >= minimum

    @property
    def rude(self) -> bool:
        return self.level("tone_of_voice") == 0

    @property
    def leaked(self) -> bool:
        return self.level("data_protection") == "fail"

    @property
    def heard(self) -> bool:
        return self.shown("hear", 2) or (self.level("hear") is None and self.shown("acknowledge", 2))

    @property
    def owned(self) -> bool:
        both_na = self.level("take_ownership") is None and self.level("act") is None
        return both_na or self.shown("take_ownership", 2) or self.shown("act", 2)

    @property
    def blamed(self) -> bool:
        """Rude, or the scorer quoted blaming or dismissive words ("but you should have...", "calm down")."""
        return self.rude or bool({"empathise", "apologise"} & self.cued_zero)

    @property
    def carries_earlier_care(self) -> bool:
        """A turn that is not blaming and keeps a professional tone keeps the apology and empathy shown before."""
        return not self.blamed and self.at_least("tone_of_voice", 1)

    @property
    def apology_ok(self) -> bool:
        return self.at_least("apologise", 1) or (self.apologised_before and self.carries_earlier_care)

    @property
    def empathy_ok(self) -> bool:
        return self.at_least("empathise", 1) or (self.empathised_before and self.carries_earlier_care)

    @property
    def quality(self) -> str:
        """"good" (heard, apologised, empathy, ownership; the apology and empathy may come from an earlier
        turn), "ok" (partly there) or "poor"."""
        if self.heard and self.apology_ok and self.empathy_ok and self.owned:
            return "good"
        if self.at_least("hear", 1) and (self.level("empathise") != 0 or self.empathy_ok) and (
                self.at_least("take_ownership", 1) or self.at_least("act", 1)):
            return "ok"
        return "poor"


# ------------------------------------------------------------------------------------------------- rules

@dataclass
class Turn:
    """Everything a rule may read, and what it decides."""

    instance: Instance
    customer: CustomerInstance | None
    state: ConversationState
    judged: Judged
    reply: str
    channel: str
    rng: object
    name: str
    # decided by the rule:
    key: str = ""
    lines: list = field(default_factory=list)      # (channel, text)
    mood_change: int = 0
    patience_change: int = 0
    flags: dict = field(default_factory=dict)
    why: str = ""

    @property
    def expected(self) -> dict:
        return self.customer.expected if self.customer else self.instance.expected

    def say(self, key: str, channel: str | None = None) -> None:
        options = self.customer.followups[key]
        self.lines.append((channel or self.channel, self.rng.choice(options)))

    @property
    def quality_delta(self) -> int:
        return {"good": -1, "ok": 0, "poor": 0}[self.judged.quality]


@dataclass(frozen=True)
class Rule:
    key: str
    applies: Callable[[Turn], bool]
    apply: Callable[[Turn], None]


def _outraged(t: Turn):
    t.key, t.mood_change, t.patience_change = "outraged", 2, -2
    t.say("outraged")
    if t.channel == "public" or (t.state.channel == "public" and "public" in t.instance.channels):
        t.say("pile_on", "public")
        t.flags["escalated_publicly"] = True
        t.why = (f"Your reply came across as rude, blaming or argumentative, so {t.name} is outraged and has "
                 f"taken it public.")
    else:
        t.flags["asked_for_manager"] = True
        t.say("manager")
        t.why = f"Your reply came across as rude, blaming or argumentative, so {t.name} wants a manager."


def _privacy(t: Turn):
    t.key, t.mood_change, t.patience_change = "privacy_worry", 1, -1
    t.say("privacy_worry")
    where = "in public" if t.channel == "public" else "before checking who they were"
    t.why = (f"Your reply asked for or mentioned personal details {where}, so {t.name} is worried about "
             f"their data. Move to a private channel (or verify identity) first.")


def _verifies(t: Turn):
    t.key, t.mood_change = "verifies", t.quality_delta
    t.lines.append((t.channel, t.customer.verification))
    t.flags["verified"] = True
    t.why = f"You asked security questions before discussing the account, so {t.name} answered them."


def _clarifies(t: Turn):
    t.key, t.mood_change = "clarifies", t.quality_delta
    t.lines.append((t.channel, t.customer.clarification))
    t.flags["clarified"] = True
    t.why = f"You asked a focused question before suggesting a fix, so {t.name} explained what they meant."


def _misread(t: Turn):
    t.key, t.mood_change, t.patience_change = "repeats", 1, -1
    t.lines.append((t.channel, "No, that's not what I meant. " + t.customer.clarification))
    t.flags["clarified"] = True
    t.why = (f"You answered before finding out what {t.name} meant, so they had to explain again and are "
             f"losing patience. Ask a clarifying question first.")


def _sends_details(t: Turn):
    t.key, t.mood_change = "sends_details", t.quality_delta
    private = "private" if "private" in t.instance.channels else t.channel
    if t.channel == "public":
        t.say("moves_private", "public")
    t.lines.append((private, t.customer.details))
    t.flags.update(moved_private=True, details_sent=True, channel=private)
    how = "invited them to a private message" if t.channel == "public" else "moved to a private message"
    t.why = f"You {how}, so {t.name} sent their details there, where they are safe, not in public."
    if t.judged.quality == "good":
        t.why += " You also named the problem and owned it, so they are calmer."


def _escalation_ack(t: Turn):
    t.flags["escalated"] = True
    if _complete(t):
        return _resolved(t)
    t.key, t.mood_change = "escalation_ack", min(t.quality_delta, 0)
    t.say("escalation_ack")
    route = t.expected.get("escalation_route") or "the right team"
    t.why = f"You escalated to {route} and said what happens next, so {t.name} accepts it."


def _complete(t: Turn) -> bool:
    s, exp, flags = t.state, t.expected, t.flags
    done = lambda f: flags.get(f, getattr(s, f))  # noqa: E731
    return ((s.heard or t.judged.heard)
            and (not exp.get("take_private") or "private" not in t.instance.channels or done("details_sent"))
            and (not exp.get("clarify") or done("clarified"))
            and (not exp.get("verify_identity") or done("verified"))
            and (not exp.get("escalate") or done("escalated")))


def _resolved(t: Turn):
    t.key, t.mood_change = "resolved", -2
    t.say("resolved")
    t.flags["status"] = "resolved"
    t.why = (f"You heard {t.name}, owned the problem and did everything it needed, so {t.name} is satisfied and "
             f"the conversation is resolved.")


def _calmer(t: Turn):
    if _complete(t):
        return _resolved(t)
    t.key, t.mood_change = "calmer", -1
    t.say("calmer")
    missing = _still_needed(t)
    if t.judged.shown("apologise"):
        t.why = f"You named the problem, apologised and took ownership, so {t.name} calmed down."
    else:
        t.why = f"You named the problem and took ownership, so {t.name} calmed down."
    if missing:
        t.why += f" Still to do: {missing}."


def _still_needed(t: Turn) -> str:
    s, exp, todo = t.state, t.expected, []
    if exp.get("take_private") and "private" in t.instance.channels and not s.details_sent:
        todo.append("move to a private channel for their details")
    if exp.get("clarify") and not s.clarified:
        todo.append("ask what exactly they mean")
    if exp.get("verify_identity") and not s.verified:
        todo.append("verify their identity")
    if exp.get("escalate") and not s.escalated:
        todo.append(f"escalate to {exp.get('escalation_route') or 'the right team'}")
    return "; ".join(todo)


def _repeats(t: Turn):
    t.key, t.patience_change = "repeats", -1
    t.say("repeats")
    gaps = ([] if t.judged.heard else [f"name {t.name}'s actual problem"]) + \
           ([] if t.judged.owned else ["say exactly what you will do"])
    gaps = gaps or ["apologise and show you understand how it affects them"]
    t.why = f"Your reply was polite but did not {' or '.join(gaps)}, so {t.name} asked again."


# What an ignored or blamed customer does next, by the mood they have now reached.
IGNORED_LADDER = {"delighted": "frustrated", "happy": "frustrated", "calm": "frustrated", "worried": "frustrated",
                  "frustrated": "frustrated", "angry": "leave_threat", "furious": "pile_on"}


def _ignored(t: Turn):
    t.mood_change, t.patience_change = 1, -1
    mood = MOODS[min(len(MOODS) - 1, MOODS.index(t.state.mood) + 1)]
    t.key = IGNORED_LADDER[mood]
    if t.key == "leave_threat" and t.state.threatened_to_leave:
        t.key = "manager"
    if t.key == "pile_on" and ("public" not in t.instance.channels or t.state.escalated_publicly):
        t.key = "manager"
    if t.key == "pile_on":
        t.say("pile_on", "public")
        t.flags["escalated_publicly"] = True
    else:
        t.say(t.key)
    t.flags.update({"leave_threat": {"threatened_to_leave": True}, "manager": {"asked_for_manager": True}}
                   .get(t.key, {}))
    blamed = t.judged.blamed
    reason = "was dismissive or put the problem back on them" if blamed else "did not deal with their problem"
    consequence = {"frustrated": "is more frustrated", "leave_threat": "is threatening to leave",
                   "manager": "is asking for a manager", "pile_on": "has gone public and others are joining in"}
    t.why = f"Your reply {reason}, so {t.name} {consequence[t.key]}."


def _needs(flag: str, text_field: str):
    def check(t: Turn) -> bool:
        return bool(t.customer and t.expected.get(flag) and getattr(t.customer, text_field)
                    and not getattr(t.state, {"take_private": "details_sent", "clarify": "clarified",
                                              "verify_identity": "verified"}[flag]))
    return check


# The table the customer follows: first match wins. Order matters: rudeness and data leaks trump progress.
RULES: tuple[Rule, ...] = (
    Rule("outraged", lambda t: t.judged.rude, _outraged),
    Rule("privacy_worry", lambda t: t.judged.leaked, _privacy),
    Rule("verifies", lambda t: _needs("verify_identity", "verification")(t) and bool(VERIFY_CUE.search(t.reply)),
         _verifies),
    Rule("clarifies", lambda t: _needs("clarify", "clarification")(t) and t.judged.shown("clarify"), _clarifies),
    Rule("misread", lambda t: _needs("clarify", "clarification")(t) and t.judged.quality != "poor", _misread),
    Rule("sends_details", lambda t: _needs("take_private", "details")(t) and "private" in t.instance.channels
         and (t.channel == "private" or t.judged.shown("take_private")), _sends_details),
    Rule("escalation_ack", lambda t: bool(t.expected.get("escalate")) and not t.state.escalated
         and t.judged.shown("escalation") and t.judged.quality != "poor", _escalation_ack),
    Rule("calmer", lambda t: t.judged.quality == "good", _calmer),
    Rule("repeats", lambda t: t.judged.quality == "ok", _repeats),
    Rule("ignored", lambda t: True, _ignored),
)


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
    turn = Turn(instance, cust, state, judged, reply, channel, rng, cust.persona.first_name)
    for rule in RULES:
        if rule.applies(turn):
            rule.apply(turn)
            break
    return turn


def _react_crisis(instance: Instance, state: ConversationState, reply: str, judged: Judged, channel: str,
                  reply_minute: float, rng) -> Turn:
    turn = Turn(instance, None, state, judged, reply, channel, rng, "the public")
    good = (not judged.rude and not judged.leaked and judged.at_least("accuracy", 1)
            and (judged.shown("acknowledge") or judged.shown("hear")) and judged.at_least("apologise", 1)
            and (judged.shown("act") or judged.shown("take_ownership")))
    wave = "calmer" if good else "worse"
    turn.key = "contained" if good else "spreads"
    turn.mood_change = -1 if good else 1
    turn.lines = [m for m in instance.crisis.waves[wave]]
    turn.flags["status"] = "resolved" if good else "ended"
    turn.flags["escalated_publicly"] = not good
    turn.why = ("Your holding statement acknowledged the incident, apologised and said what happens next, so "
                "the conversation is calming down." if good else
                "Your holding statement " + ("was rude or defensive" if judged.rude else
                                             "shared personal data" if judged.leaked else
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
    judged = Judged.read(judgement, expected.get("not_applicable", []), apologised_before=state.apologised,
                         empathised_before=state.empathised)
    rng = rng_for("react", instance.scenario_id, instance.seed, state.customer_id, state.turn, reply_text)
    turn = REACTORS[instance.exercise_type](instance, state, reply_text, judged, channel, reply_minute, rng)

    mood_i = max(0, min(len(MOODS) - 1, MOODS.index(state.mood) + turn.mood_change))
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
    if status == "open" and new_turn >= max_turns:
        status = "ended"

    delay_range = (0.3, 1.5) if instance.platform == "webchat" else (1.0, 9.0)
    minute = reply_minute
    messages = []
    for line in lines:
        if isinstance(line, Message):     # crisis waves: prepared posts, times relative to the statement
            messages.append(replace(line, at_minute=round(reply_minute + line.at_minute, 1)))
            continue
        chan, text = line
        minute = round(minute + rng.uniform(*delay_range), 1)
        messages.append(Message("customer", text, chan, minute, instance.platform, cust.id, cust.persona.name,
                                cust.persona.handle if instance.platform != "webchat" else None))
    last_minute = max([m.at_minute for m in messages], default=state.last_customer_minute)
    new_state = replace(
        state, mood=MOODS[mood_i], patience_left=max(0, patience), turn=new_turn, status=status,
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
        history=state.history + (turn.key,) + (("gave_up",) if gave_up else ()), previous_replies=state.previous_replies + (reply_text,),
        customer_messages=state.customer_messages + tuple(m.text for m in messages if m.author == "customer"),
    )
    sla = (instance.sla_minutes)
    return Reaction(
        customer_id=state.customer_id, key=turn.key, messages=tuple(messages), mood=new_state.mood,
        previous_mood=state.mood, resolved=status == "resolved", gave_up=gave_up,
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
    ctx = dict(base)
    said = list(state.customer_messages) or base["customer"]
    ctx.update(customer=said[0] if isinstance(said, list) and len(said) == 1 else said, channel=channel,
               response_minutes=response_minutes, previous_replies=list(state.previous_replies))
    return ctx
