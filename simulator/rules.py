"""The ordered table the customer follows, turn by turn: RULES, the Turn each rule reads and decides, the rules.

simulator.reactions builds a Turn from the learner's reply (the judgement as the customer feels it, simulator.judged;
whether the reply gives the fix, simulator.fixes) and walks RULES: the first rule that applies decides the customer's
next lines, mood moves (simulator.moods), patience and flags. Order matters: rudeness and data leaks trump progress,
and a satisfied customer only waits for the learner's closing turn. Plain Python; the random choices come from the
Turn's seeded `random.Random`.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from simulator.errors import SimulatorUsageError
from simulator.fixes import gives_fix
from simulator.instance import CustomerInstance, Instance
from simulator.judged import Judged
from simulator.moods import move
from simulator.voices import DEFAULT_FOLLOWUPS, SIGN_OFFS

if TYPE_CHECKING:
    from simulator.reactions import ConversationState

VERIFY_CUE = re.compile(
    r"\b(verify|verification|security (check|questions?)|confirm (your|the) (full name|name|postcode|address|date of"
    r" birth|first line)|first line of (your |the )?address|postcode|date of birth|memorable)\b", re.I)


@dataclass
class Turn:
    """Everything a rule may read, and what it decides."""

    instance: Instance
    customer: CustomerInstance | None
    state: ConversationState
    judged: Judged
    reply: str
    channel: str
    rng: random.Random
    name: str
    fix_given: bool = False       # this reply, or an earlier one, gives what fixes the problem
    # decided by the rule:
    key: str = ""
    lines: list = field(default_factory=list)      # (channel, text)
    mood_moves: tuple = ()                          # simulator.moods.MOVES keys, applied in order
    patience_change: int = 0
    flags: dict = field(default_factory=dict)
    why: str = ""

    @property
    def expected(self) -> dict:
        return self.customer.expected if self.customer else self.instance.expected

    @property
    def person(self) -> CustomerInstance:
        """The customer, for the rules only a customer's conversation reaches (never a crisis)."""
        if self.customer is None:
            raise SimulatorUsageError(f"rule {self.key or '?'} needs a customer; a crisis has none")
        return self.customer

    def say(self, key: str, channel: str | None = None) -> None:
        # Keys added after an instance was stored (sign-offs) fall back to the engine's own lines.
        options = self.person.followups.get(key) or DEFAULT_FOLLOWUPS.get(key) or SIGN_OFFS
        self.lines.append((channel or self.channel, self.rng.choice(options)))

    @property
    def calmer_if_good(self) -> tuple:
        return ("calmer",) if self.judged.quality == "good" else ()


@dataclass(frozen=True)
class Rule:
    key: str
    applies: Callable[[Turn], bool]
    apply: Callable[[Turn], None]


def _outraged(t: Turn):
    t.key, t.mood_moves, t.patience_change = "outraged", ("worse", "worse"), -2
    t.flags["satisfied"] = False
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
    t.key, t.mood_moves, t.patience_change = "privacy_worry", ("worried",), -1
    t.say("privacy_worry")
    where = "in public" if t.channel == "public" else "before checking who they were"
    t.why = (f"Your reply asked for or mentioned personal details {where}, so {t.name} is worried about "
             f"their data. Move to a private channel (or verify identity) first.")


def _signs_off(t: Turn):
    """The customer was already satisfied; this reply is the learner's closing turn."""
    t.key = "signs_off"
    t.say("signs_off")
    t.flags["status"] = "resolved"
    if t.judged.shown("closing", 2):
        t.why = f"You checked there was nothing else {t.name} needed and signed off, so they said goodbye."
    else:
        t.why = (f"{t.name} said goodbye. A good close checks there is nothing else they need and signs off in "
                 f"the brand's way.")


def _asks_security_questions(t: Turn) -> bool:
    return bool(VERIFY_CUE.search(t.reply)
                or (t.person.verify_with and gives_fix(t.person.verify_with, t.reply)))


def _weak_check(t: Turn):
    """Security questions, but not the whole check the policy asks for (e.g. no one-time passcode)."""
    t.key = "weak_check"
    t.patience_change = -1 if "weak_check" in t.state.history else 0   # asked twice and still not enough
    t.lines.append((t.channel, f"It's {t.person.persona.name}, {t.person.persona.postcode}."))
    t.why = (f"{t.name} answered your security questions, but the policy asks for a stronger check than that "
             f"before the account is discussed. Check the policy and finish the identity check.")


def _verifies(t: Turn):
    t.key, t.mood_moves = "verifies", t.calmer_if_good
    t.lines.append((t.channel, t.person.verification))
    t.flags["verified"] = True
    t.why = f"You asked security questions before discussing the account, so {t.name} answered them."


def _clarifies(t: Turn):
    t.key, t.mood_moves = "clarifies", t.calmer_if_good
    t.lines.append((t.channel, t.person.clarification))
    t.flags["clarified"] = True
    t.why = f"You asked a focused question before suggesting a fix, so {t.name} explained what they meant."


def _misread(t: Turn):
    t.key, t.mood_moves, t.patience_change = "repeats", ("worse",), -1
    t.lines.append((t.channel, "No, that's not what I meant. " + (t.person.clarification or "")))
    t.flags["clarified"] = True
    t.why = (f"You answered before finding out what {t.name} meant, so they had to explain again and are "
             f"losing patience. Ask a clarifying question first.")


def _sends_details(t: Turn):
    t.key, t.mood_moves = "sends_details", t.calmer_if_good
    private = "private" if "private" in t.instance.channels else t.channel
    if t.channel == "public":
        t.say("moves_private", "public")
    t.lines.append((private, t.person.details))
    t.flags.update(moved_private=True, details_sent=True, channel=private)
    how = "invited them to a private message" if t.channel == "public" else "moved to a private message"
    t.why = f"You {how}, so {t.name} sent their details there, where they are safe, not in public."
    if t.judged.quality == "good":
        t.why += " You also named the problem and owned it, so they are calmer."


def _escalation_ack(t: Turn):
    t.flags["escalated"] = True
    if _complete(t) and t.fix_given:
        return _satisfied(t)
    t.key, t.mood_moves = "escalation_ack", ()
    t.say("escalation_ack")
    route = t.expected.get("escalation_route") or "the right team"
    t.why = f"You escalated to {route} and said what happens next, so {t.name} accepts it."
    missing = _still_needed(t)
    if missing:
        t.why += f" Still to do: {missing}."


def _done(t: Turn, flag: str) -> bool:
    """A step is done by this reply (its flag) or was done earlier in the conversation (the state)."""
    return t.flags.get(flag, getattr(t.state, flag))


def _complete(t: Turn) -> bool:
    """Every step the scenario needs is done (the fix itself is checked apart)."""
    s, exp = t.state, t.expected
    return ((s.heard or t.judged.heard)
            and (not exp.get("take_private") or "private" not in t.instance.channels or _done(t, "details_sent"))
            and (not exp.get("clarify") or _done(t, "clarified"))
            and (not exp.get("verify_identity") or _done(t, "verified"))
            and (not exp.get("escalate") or _done(t, "escalated")))


def _satisfied(t: Turn):
    t.key, t.mood_moves = "resolved", ("satisfied",)
    t.say("resolved")
    t.flags["satisfied"] = True
    if t.instance.max_turns <= 1:          # one public reply: that reply was the whole exchange
        t.flags["status"] = "resolved"
        t.why = (f"You heard {t.name}, owned the problem and gave them what fixes it, so {t.name} is satisfied "
                 f"and the conversation is resolved.")
    else:
        t.why = (f"You heard {t.name}, owned the problem and gave them what fixes it, so {t.name} is satisfied. "
                 f"Close the conversation: check there is nothing else and sign off.")


def _calmer(t: Turn):
    if _complete(t):
        return _satisfied(t) if t.fix_given else _asks_for_fix(t)
    t.key, t.mood_moves = "calmer", ("calmer",)
    t.say("calmer")
    if t.judged.shown("apologise"):
        t.why = f"You named the problem, apologised and took ownership, so {t.name} calmed down."
    else:
        t.why = f"You named the problem and took ownership, so {t.name} calmed down."
    missing = _still_needed(t)
    if missing:
        t.why += f" Still to do: {missing}."


def _asks_for_fix(t: Turn):
    """Kind, and every step done, but not what actually fixes the problem: the customer asks again."""
    t.key, t.patience_change, t.mood_moves = "repeats", -1, _asked_again(t)
    t.say("repeats")
    t.why = (f"Your reply was kind and owned the problem, but did not give {t.name} what fixes it, so they "
             f"asked again. Check the policy and knowledge base for the answer.")


def _still_needed(t: Turn) -> str:
    exp, todo = t.expected, []
    if exp.get("take_private") and "private" in t.instance.channels and not _done(t, "details_sent"):
        todo.append("move to a private channel for their details")
    if exp.get("clarify") and not _done(t, "clarified"):
        todo.append("ask what exactly they mean")
    if exp.get("verify_identity") and not _done(t, "verified"):
        todo.append("verify their identity")
    if exp.get("escalate") and not _done(t, "escalated"):
        todo.append(f"escalate to {exp.get('escalation_route') or 'the right team'}")
    if not t.fix_given:
        todo.append("give them what fixes the problem")
    return "; ".join(todo)


def _asked_again(t: Turn) -> tuple:
    """Having to ask twice is annoying: the second time the customer is crosser, and so is one left without an
    answer by the only reply they will get (a single public reply)."""
    again = bool(t.state.history) and t.state.history[-1] == "repeats"
    return ("worse",) if again or t.instance.max_turns <= 1 else ()


def _repeats(t: Turn):
    t.key, t.patience_change, t.mood_moves = "repeats", -1, _asked_again(t)
    t.say("repeats")
    if t.judged.praise:
        t.why = f"Your reply was polite but generic: it did not pick up on what {t.name} actually said."
        return
    gaps = ([] if t.judged.heard else [f"name {t.name}'s actual problem"]) + \
           ([] if t.judged.owned else ["say exactly what you will do"])
    gaps = gaps or ["apologise and show you understand how it affects them"]
    t.why = f"Your reply was polite but did not {' or '.join(gaps)}, so {t.name} asked again."


# What an ignored or blamed customer does next, by the mood they have now reached.
IGNORED_LADDER = {"delighted": "frustrated", "happy": "frustrated", "calm": "frustrated", "worried": "frustrated",
                  "frustrated": "frustrated", "angry": "leave_threat", "furious": "pile_on"}


def _ignored(t: Turn):
    t.mood_moves, t.patience_change = ("worse",), -1
    t.key = IGNORED_LADDER[move(t.state.mood, "worse")]
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
    consequence = {"frustrated": "is more frustrated", "leave_threat": "is threatening to leave",
                   "manager": "is asking for a manager", "pile_on": "has gone public and others are joining in"}
    t.why = f"Your reply {t.judged.shortfall()}, so {t.name} {consequence[t.key]}."


def _needs(flag: str, text_field: str):
    def check(t: Turn) -> bool:
        return bool(t.customer and t.expected.get(flag) and getattr(t.customer, text_field)
                    and not getattr(t.state, {"take_private": "details_sent", "clarify": "clarified",
                                              "verify_identity": "verified"}[flag]))
    return check


# The table the customer follows: first match wins. Order matters: rudeness and data leaks trump progress,
# and a satisfied customer only waits for the learner's closing turn.
RULES: tuple[Rule, ...] = (
    Rule("outraged", lambda t: t.judged.rude, _outraged),
    Rule("privacy_worry", lambda t: t.judged.leaked, _privacy),
    Rule("signs_off", lambda t: t.state.satisfied, _signs_off),
    Rule("verifies", lambda t: _needs("verify_identity", "verification")(t) and _asks_security_questions(t)
         and gives_fix(t.person.verify_with, t.reply), _verifies),
    Rule("weak_check", lambda t: _needs("verify_identity", "verification")(t) and _asks_security_questions(t),
         _weak_check),
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
