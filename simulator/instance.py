"""A generated instance as plain, frozen data: Instance and its parts (Message, Persona, CustomerInstance, QueueItem,
Crisis), each with `to_dict()` for storage and `from_dict()` to rebuild it, so an attempt can go on after its scenario
file has changed. simulator.generation builds them; everything else in the engine reads them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from simulator.errors import SimulatorUsageError
from simulator.personas import Contact


@dataclass(frozen=True)
class Message:
    author: str            # always "customer" (anyone posting to the brand: the customer, a crisis or triage poster)
    text: str
    channel: str
    at_minute: float
    platform: str | None = None
    customer_id: str | None = None
    name: str | None = None
    handle: str | None = None

    def to_dict(self) -> dict:
        return {"author": self.author, "text": self.text, "channel": self.channel, "at_minute": self.at_minute,
                "platform": self.platform, "customer_id": self.customer_id, "name": self.name, "handle": self.handle}

    @classmethod
    def from_dict(cls, d: dict) -> "Message":
        return cls(**d)


@dataclass(frozen=True)
class Persona(Contact):
    """The customer as an instance shows them: their contact details and how they behave."""

    mood: str
    patience: int
    needs: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"name": self.name, "first_name": self.first_name, "last_name": self.last_name,
                "handle": self.handle, "email": self.email, "phone": self.phone, "address": self.address,
                "postcode": self.postcode, "mood": self.mood, "patience": self.patience, "needs": list(self.needs)}

    @classmethod
    def from_dict(cls, d: dict) -> "Persona":
        return cls(**{**d, "needs": tuple(d["needs"])})


@dataclass(frozen=True)
class CustomerInstance:
    """One generated customer: who they are, what they say, and what they will say next."""

    id: str
    persona: Persona
    messages: tuple[Message, ...]
    details: str | None          # sent only in a private channel, once asked
    clarification: str | None    # the answer to a clarifying question
    verification: str | None     # the answer to identity-verification questions (live chat)
    followups: dict              # reaction key -> list of rendered alternatives
    facts: dict
    expected: dict
    crm: dict | None
    scoring_context: dict
    history: dict = field(default_factory=dict)   # simulator.history.contact_history: customer since, contacts
    fix: tuple = ()               # what a reply must give before the problem counts as fixed (simulator.fixes)
    verify_with: tuple = ()       # what an identity check must include to be enough (same form as `fix`)

    def to_dict(self) -> dict:
        d = {"id": self.id, "persona": self.persona.to_dict(), "messages": [m.to_dict() for m in self.messages],
             "details": self.details, "clarification": self.clarification, "verification": self.verification,
             "followups": _plain(self.followups), "facts": _plain(self.facts), "expected": _plain(self.expected),
             "crm": _plain(self.crm), "scoring_context": _plain(self.scoring_context),
             "history": _plain(self.history)}
        for key in ("fix", "verify_with"):    # left out when empty: instances without them read as they always did
            if getattr(self, key):
                d[key] = _plain(list(getattr(self, key)))
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "CustomerInstance":
        return cls(**{**d, "persona": Persona.from_dict(d["persona"]),
                      "messages": tuple(Message.from_dict(m) for m in d["messages"]),
                      "fix": alternatives(d.get("fix", ())), "verify_with": alternatives(d.get("verify_with", ()))})


@dataclass(frozen=True)
class QueueItem:
    id: str
    text: str
    platform: str
    channel: str
    at_minute: float
    name: str
    handle: str
    why: str
    critical: bool
    expected_position: int   # 1 = most urgent
    route: str = ""          # the team or escalation route it goes to (from the scenario's triage.routes)
    action: str = ""         # the first action to take (triage.actions)
    tags: tuple = ()         # how it is tagged (triage.tags)

    def to_dict(self) -> dict:
        return {**self.__dict__, "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, d: dict) -> "QueueItem":
        return cls(**{**d, "tags": tuple(d.get("tags", ()))})


@dataclass(frozen=True)
class Crisis:
    incident: str
    platform: str
    holding_statement: dict      # channel, max_chars, must_cover, must_not
    waves: dict                  # "calmer" / "worse" -> list of Message (at_minute relative to the statement)
    fix: tuple = ()              # the words of the action people must be told to take (simulator.fixes)

    def to_dict(self) -> dict:
        d = {"incident": self.incident, "platform": self.platform,
             "holding_statement": _plain(self.holding_statement),
             "waves": {k: [m.to_dict() for m in v] for k, v in self.waves.items()}}
        if self.fix:      # left out when empty, so instances without one read as they always did
            d["fix"] = _plain(list(self.fix))
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Crisis":
        return cls(d["incident"], d["platform"], d["holding_statement"],
                   {k: [Message.from_dict(m) for m in v] for k, v in d["waves"].items()},
                   alternatives(d.get("fix", ())))


@dataclass(frozen=True)
class Instance:
    scenario_id: str
    scenario_version: str
    seed: int
    exercise_type: str
    title: str
    category: str
    difficulty: str
    platform: str
    channels: tuple[str, ...]
    brand: dict
    brief: str
    persona: Persona | None                  # the (first) customer; None for triage and crisis
    messages: tuple[Message, ...]            # what the learner sees first, in time order
    facts: dict
    expected: dict
    sla_minutes: float
    scoring_context: dict | None             # for rubrics.score_reply; crisis: for the holding statement
    injected_personal_data: dict
    customers: tuple[CustomerInstance, ...] = ()
    queue: tuple[QueueItem, ...] = ()        # triage: in the order shown (shuffled)
    expected_order: tuple[str, ...] = ()     # triage: ids, most urgent first
    crisis: Crisis | None = None
    max_turns: int = 1
    triage_choices: dict = field(default_factory=dict)   # triage: routes, actions, tags the learner picks from

    def customer(self, customer_id: str | None = None) -> CustomerInstance:
        if not self.customers:
            raise SimulatorUsageError(f"a {self.exercise_type} exercise has no customer to talk to")
        if customer_id is None:
            return self.customers[0]
        for cust in self.customers:
            if cust.id == customer_id:
                return cust
        raise SimulatorUsageError(f"no customer {customer_id!r}; this instance has "
                                  f"{', '.join(c.id for c in self.customers)}")

    def to_dict(self) -> dict:
        return {
            "scenario_id": self.scenario_id, "scenario_version": self.scenario_version, "seed": self.seed,
            "exercise_type": self.exercise_type, "title": self.title, "category": self.category,
            "difficulty": self.difficulty, "platform": self.platform, "channels": list(self.channels),
            "brand": _plain(self.brand), "brief": self.brief,
            "persona": self.persona.to_dict() if self.persona else None,
            "messages": [m.to_dict() for m in self.messages], "facts": _plain(self.facts),
            "expected": _plain(self.expected), "sla_minutes": self.sla_minutes,
            "scoring_context": _plain(self.scoring_context),
            "injected_personal_data": _plain(self.injected_personal_data),
            "customers": [c.to_dict() for c in self.customers], "queue": [q.to_dict() for q in self.queue],
            "expected_order": list(self.expected_order),
            "crisis": self.crisis.to_dict() if self.crisis else None, "max_turns": self.max_turns,
            **({"triage_choices": _plain(self.triage_choices)} if self.triage_choices else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Instance":
        """Rebuild a stored instance (e.g. from the database), so an attempt can go on even after its
        scenario file has changed."""
        try:
            return cls(**{
                **d, "channels": tuple(d["channels"]),
                "persona": Persona.from_dict(d["persona"]) if d.get("persona") else None,
                "messages": tuple(Message.from_dict(m) for m in d["messages"]),
                "customers": tuple(CustomerInstance.from_dict(c) for c in d.get("customers", [])),
                "queue": tuple(QueueItem.from_dict(q) for q in d.get("queue", [])),
                "expected_order": tuple(d.get("expected_order", [])),
                "crisis": Crisis.from_dict(d["crisis"]) if d.get("crisis") else None,
            })
        except (KeyError, TypeError) as exc:
            raise SimulatorUsageError(f"not a generated instance: {exc}") from exc


def as_instance(value) -> Instance:
    """An Instance, or its stored `to_dict()`, as an Instance."""
    if isinstance(value, Instance):
        return value
    if isinstance(value, dict):
        return Instance.from_dict(value)
    raise SimulatorUsageError(f"expected a generated instance, not {type(value).__name__}")


def _plain(value):
    return json.loads(json.dumps(value))


def alternatives(spec) -> tuple:
    """A `fix`-shaped field as hashable tuples (a lone text stays a text)."""
    return tuple(tuple(alt) if isinstance(alt, list) else alt for alt in spec or ())
