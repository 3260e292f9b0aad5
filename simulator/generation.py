"""Seeded generation: (scenario, seed) -> Instance, the same every time.

Every random choice uses a `random.Random` seeded from a SHA-256 of (scenario id, seed, purpose), and
Faker is seeded per call inside personas.py, so an instance depends only on its scenario and seed.
Each exercise type has a builder in BUILDERS, keyed by the type's name.

Just over 500 lines, for now: the seam for a split is the Instance data classes (Message to as_instance, with their
to_dict/from_dict), which would make simulator/instance.py and leave the builders here; it waits for issue 16's
work in this file to land, so the two do not collide.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Callable

from simulator.brands import Brand, get_brand
from simulator.catalogue import CUSTOMER_TEXT_FIELDS, EXERCISE_TYPES
from simulator.errors import SimulatorUsageError
from simulator.history import contact_history
from simulator.loader import Library, Scenario, default_library
from simulator.personas import PERSONAL_DATA_KIND, Contact, Identity, fill_slots, make_identity
from simulator.platforms import PLATFORMS, get_platform, shown_handle
from simulator.seeds import rng_for
from simulator.voices import DEFAULT_FOLLOWUPS, DEFAULT_WAVES


class _Slots(dict):
    def __missing__(self, key):   # the loader rejects unknown slots, so this is a bug if reached
        raise SimulatorUsageError(f"template slot {{{key}}} has no value")


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
                      "fix": _alternatives(d.get("fix", ())), "verify_with": _alternatives(d.get("verify_with", ()))})


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
                   _alternatives(d.get("fix", ())))


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


def _alternatives(spec) -> tuple:
    """A `fix`-shaped field as hashable tuples (a lone text stays a text)."""
    return tuple(tuple(alt) if isinstance(alt, list) else alt for alt in spec or ())


# ---------------------------------------------------------------------------------------------- rendering

def _pick(value, rng: random.Random) -> str:
    return rng.choice(value) if isinstance(value, list) else value


def _render(template: str, slots: dict) -> str:
    return template.format_map(_Slots(slots))


def _render_tree(value, slots: dict):
    if isinstance(value, str):
        return _render(value, slots)
    if isinstance(value, list):
        return [_render_tree(v, slots) for v in value]
    if isinstance(value, dict):
        return {k: _render_tree(v, slots) for k, v in value.items()}
    return value


def _platform_slots(brand: Brand, platform: str) -> dict:
    """On Facebook people tag a page by its name, not an @handle."""
    return {"brand_handle": brand.name} if platform == "facebook" else {}


class _Case(dict):
    """One case of a linked variable (a list of mappings): `{fault.symptom}` reads its `symptom`, so values
    that belong together (a product and its price, a fault and its fix) are picked together."""

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError:   # the loader rejects unknown fields, so this is a bug if reached
            raise SimulatorUsageError(f"a case of this variable has no field {key!r}") from None


def _choose_variables(variables: dict, rng: random.Random) -> dict:
    chosen = {}
    for name, values in sorted(variables.items()):
        value = rng.choice(values)
        chosen[name] = _Case({k: str(v) for k, v in value.items()}) if isinstance(value, dict) else str(value)
    return chosen


def derived_expected(expected: dict, platform: str) -> dict:
    """The expected handling with not_applicable completed from the flags (e.g. no escalation -> n/a)."""
    exp = json.loads(json.dumps(expected))
    na = list(exp.get("not_applicable", []))
    implied = {"take_private": not exp.get("take_private") or "public" not in PLATFORMS[platform].channels,
               "escalation": not exp.get("escalate"), "clarify": not exp.get("clarify")}
    for crit, is_na in implied.items():
        if is_na and crit not in na:
            na.append(crit)
    exp["not_applicable"] = na
    return exp


def _scenario_context(scenario: Scenario, facts: dict, expected: dict) -> dict:
    # category and brand let the scorer judge praise as praise and tone in the brand's own voice
    return {"id": scenario.id, "version": scenario.version, "sla_minutes": scenario.sla_minutes,
            "category": scenario.category, "brand": get_brand(scenario.brand).voice_dict(),
            "facts": facts, "expected": expected}


def _collect_personal(identities: list[Identity], blob: str) -> dict:
    """Every personal value put into the instance, grouped for exact-match anonymisation."""
    always = {"name", "first_name", "last_name", "handle", "email", "phone"}
    out: dict[str, set] = {}
    for ident in identities:
        for key, value in ident.to_dict().items():
            if key in always or value in blob:
                out.setdefault(PERSONAL_DATA_KIND[key], set()).add(value)
    return {kind: sorted(values) for kind, values in sorted(out.items())}


@dataclass
class _Build:
    """What a builder fills in; turned into an Instance by `generate`."""

    scenario: Scenario
    seed: int
    brand: Brand
    platform: str
    identities: list = field(default_factory=list)
    customers: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    queue: list = field(default_factory=list)
    expected_order: list = field(default_factory=list)
    crisis: Crisis | None = None
    scoring_context: dict | None = None
    facts: dict = field(default_factory=dict)
    expected: dict = field(default_factory=dict)
    triage_choices: dict = field(default_factory=dict)


def _build_customer(b: _Build, raw: dict, index: int) -> CustomerInstance:
    sc, data = b.scenario, b.scenario.data
    ident = make_identity(b.brand, sc.id, b.seed, "customer", raw["id"])
    b.identities.append(ident)
    rng = rng_for("customer", sc.id, b.seed, raw["id"])
    slots = {**fill_slots(ident, rng, b.brand), **_platform_slots(b.brand, b.platform)}
    slots.update(_choose_variables(data["variables"], rng_for("variables", sc.id, b.seed)))
    slots.update(_choose_variables(raw["variables"], rng))
    messages = tuple(
        Message("customer", _render(_pick(m["text"], rng), slots), m["channel"], float(m["at_minute"]), b.platform,
                raw["id"], ident.name, shown_handle(b.platform, ident.handle))
        for m in raw["messages"])
    texts = {key: _render(_pick(raw[key], rng), slots) if key in raw else None for key in CUSTOMER_TEXT_FIELDS}
    followups = {}
    for key, defaults in DEFAULT_FOLLOWUPS.items():
        own = raw["followups"].get(key)
        options = own if isinstance(own, list) else [own] if own else defaults
        followups[key] = [_render(t, slots) for t in options]
    for key, own in raw["followups"].items():     # reactions without an engine default (sign-offs): only if given
        if key not in followups and own:
            followups[key] = [_render(t, slots) for t in (own if isinstance(own, list) else [own])]
    facts = _render_tree(raw.get("facts", data["facts"]), slots)
    expected = derived_expected({**data["expected"], **raw.get("expected", {})}, b.platform)
    expected = _render_tree(expected, slots)
    crm = None
    if "crm" in raw:
        crm = _render_tree({"follow_up_keywords": [], **raw["crm"]}, slots)
        if isinstance(crm["query_type"], str):
            crm["query_type"] = [crm["query_type"]]
    persona = Persona(**ident.contact(), mood=raw["mood"], patience=raw["patience"], needs=tuple(raw["needs"]))
    customer_texts = [m.text for m in messages]
    context = {
        "customer": customer_texts[0] if len(customer_texts) == 1 else customer_texts,
        "platform": b.platform, "channel": messages[-1].channel, "response_minutes": None,
        "customer_name": ident.name, "customer_handle": shown_handle(b.platform, ident.handle),
        "previous_replies": [], "scenario": _scenario_context(sc, facts, expected),
    }
    history = contact_history(b.brand.key, sc.id, b.seed, raw["id"], persona.needs)
    return CustomerInstance(raw["id"], persona, messages, texts["details"], texts["clarification"],
                            texts["verification"], followups, facts, expected, crm, context, history,
                            _alternatives(_render_tree(raw.get("fix") or [], slots)),
                            _alternatives(_render_tree(raw.get("verify_with") or [], slots)))


def _build_customers(b: _Build) -> None:
    for i, raw in enumerate(b.scenario.data["customers"]):
        b.customers.append(_build_customer(b, raw, i))
    b.messages = sorted((m for c in b.customers for m in c.messages), key=lambda m: m.at_minute)
    first = b.customers[0]
    b.scoring_context, b.facts, b.expected = first.scoring_context, first.facts, first.expected


def _arrivals(queue: list, scenario_id: str, seed: int) -> list[float]:
    """When each queued post arrived (simulated minutes). A queue whose author gave no times would all have
    arrived at once ("5 min ago" on every post, issue 16): its posts arrive over the last 55 minutes, per seed."""
    given = [float(raw["at_minute"]) for raw in queue]
    if any(given) or len(queue) < 2:
        return given
    return [float(m) for m in rng_for("triage-arrivals", scenario_id, seed).sample(range(0, 56), len(queue))]


def _build_triage(b: _Build) -> None:
    sc, data = b.scenario, b.scenario.data
    rng = rng_for("triage", sc.id, b.seed)
    shared = _choose_variables(data["variables"], rng_for("variables", sc.id, b.seed))
    items = []
    arrivals = _arrivals(data["queue"], sc.id, b.seed)
    for pos, raw in enumerate(data["queue"], start=1):
        ident = make_identity(b.brand, sc.id, b.seed, "queue", raw["id"])
        b.identities.append(ident)
        slots = {**fill_slots(ident, rng_for("queue", sc.id, b.seed, raw["id"]), b.brand),
                 **_platform_slots(b.brand, raw["platform"]), **shared}
        items.append(QueueItem(raw["id"], _render(_pick(raw["text"], rng), slots), raw["platform"], raw["channel"],
                               arrivals[pos - 1], ident.name,
                               shown_handle(raw["platform"], ident.handle) or ident.name,
                               raw["why"].strip(), raw["critical"], pos, raw.get("route", ""),
                               raw.get("action", ""), tuple(raw.get("tags") or ())))
    b.expected_order = [item.id for item in items]
    b.triage_choices = {k: list(v) for k, v in (data.get("triage") or {}).items()}
    shown = items[:]
    while len(shown) > 1 and [i.id for i in shown] == b.expected_order:
        rng.shuffle(shown)
    b.queue = shown
    b.messages = [Message("customer", i.text, i.channel, i.at_minute, i.platform, i.id, i.name, i.handle)
                  for i in sorted(shown, key=lambda i: i.at_minute)]
    # The queue's facts may use any slot the validator allows, filled from one identity shown to nobody.
    fact_slots = {**fill_slots(make_identity(b.brand, sc.id, b.seed, "triage-facts"),
                               rng_for("triage-facts", sc.id, b.seed), b.brand), **shared}
    b.facts = _render_tree(data["facts"], fact_slots)
    b.expected = _render_tree(derived_expected(data["expected"], b.platform), fact_slots)


def _build_crisis(b: _Build) -> None:
    sc, data = b.scenario, b.scenario.data
    cr = data["crisis"]
    b.platform = cr.get("platform") or b.platform     # pinned, or the seed's pick from `platforms`
    rng = rng_for("crisis", sc.id, b.seed)
    shared = {**fill_slots(make_identity(b.brand, sc.id, b.seed, "crisis-shared"), rng, b.brand),
              **_platform_slots(b.brand, b.platform),
              **_choose_variables(data["variables"], rng_for("variables", sc.id, b.seed))}

    def post(i: int, text: str, at: float, channel: str, tag: str) -> Message:
        ident = make_identity(b.brand, sc.id, b.seed, tag, i)
        b.identities.append(ident)
        slots = {**shared, "name": ident.name, "first_name": ident.first_name, "last_name": ident.last_name,
                 "handle": ident.handle}
        return Message("customer", _render(_pick(text, rng), slots), channel, float(at), b.platform, f"{tag}-{i}",
                       ident.name, shown_handle(b.platform, ident.handle))

    b.messages = [post(i, p["text"], p.get("at_minute", i * 3), p.get("channel", "public"), "burst")
                  for i, p in enumerate(cr["burst"])]
    b.messages.sort(key=lambda m: m.at_minute)
    waves = {}
    for key in ("calmer", "worse"):
        texts = cr["waves"].get(key) or DEFAULT_WAVES[key]
        waves[key] = [post(i, t, 4 + i * 6, "public", f"wave-{key}") for i, t in enumerate(texts)]
    hs = cr["holding_statement"]
    channel = hs.get("channel", "public")
    incident = _render(cr["incident"].strip(), shared)   # rendered once: a value may hold a brace
    holding = {"channel": channel, "max_chars": get_platform(b.platform).channel(channel).max_chars,
               "weighted": get_platform(b.platform).channel(channel).weighted,
               "must_cover": _render_tree(hs["must_cover"], shared),
               "must_not": _render_tree(hs.get("must_not", []), shared)}
    fix = _alternatives(_render_tree(cr.get("fix") or [], shared))
    b.crisis = Crisis(incident, b.platform, holding, waves, fix)
    b.facts = {**_render_tree(data["facts"], shared), "incident": incident}
    exp = _render_tree(derived_expected({**data["expected"]}, b.platform), shared)
    exp["holding_statement"] = {"must_cover": holding["must_cover"], "must_not": holding["must_not"]}
    b.expected = exp
    b.scoring_context = {
        "customer": [m.text for m in b.messages], "platform": b.platform, "channel": channel,
        "response_minutes": None, "customer_name": None, "customer_handle": None, "previous_replies": [],
        "scenario": _scenario_context(sc, b.facts, b.expected),
    }


# Builders per exercise type, keyed by the name used in scenario files.
BUILDERS: dict[str, Callable[[_Build], None]] = {
    "public_reply": _build_customers,
    "conversation": _build_customers,
    "live_chat": _build_customers,
    "triage": _build_triage,
    "crisis": _build_crisis,
}


def _resolve(scenario_or_id: Scenario | str, library: Library | None) -> Scenario:
    if isinstance(scenario_or_id, Scenario):
        return scenario_or_id
    return (library or default_library()).get(scenario_or_id)


def generate(scenario_or_id: Scenario | str, seed: int, *, library: Library | None = None) -> Instance:
    """The instance of a scenario for a seed: the same (scenario, seed) always gives the same instance."""
    scenario = _resolve(scenario_or_id, library)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise SimulatorUsageError(f"seed must be a whole number, not {seed!r}")
    brand = get_brand(scenario.brand)
    platform = rng_for("platform", scenario.id, seed).choice(list(scenario.platforms))
    b = _Build(scenario, seed, brand, platform)
    BUILDERS[scenario.exercise_type](b)
    persona = b.customers[0].persona if b.customers else None
    partial = Instance(
        scenario_id=scenario.id, scenario_version=scenario.version, seed=seed,
        exercise_type=scenario.exercise_type, title=scenario.title, category=scenario.category,
        difficulty=scenario.difficulty, platform=b.platform, channels=tuple(PLATFORMS[b.platform].channels),
        brand=brand.to_dict(), brief=scenario.brief, persona=persona, messages=tuple(b.messages), facts=b.facts,
        expected=b.expected, sla_minutes=scenario.sla_minutes, scoring_context=b.scoring_context,
        injected_personal_data={}, customers=tuple(b.customers), queue=tuple(b.queue),
        expected_order=tuple(b.expected_order), crisis=b.crisis,
        max_turns=EXERCISE_TYPES[scenario.exercise_type].max_turns, triage_choices=b.triage_choices,
    )
    # What the instance shows, without its content hash: four digits of a card must not "appear" in the hex.
    blob = json.dumps({**partial.to_dict(), "scenario_version": ""}, ensure_ascii=False)
    return Instance(**{**partial.__dict__, "injected_personal_data": _collect_personal(b.identities, blob)})
