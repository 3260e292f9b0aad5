"""Seeded generation: (scenario, seed) -> Instance, the same every time.

Every random choice uses a `random.Random` seeded from a SHA-256 of (scenario id, seed, purpose), and
Faker is seeded per call inside personas.py, so an instance depends only on its scenario and seed.
Each exercise type has a builder in BUILDERS, keyed by the type's name.

What it builds, the Instance data classes with their to_dict/from_dict, is simulator/instance.py.
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
from simulator.instance import (
    Crisis,
    CustomerInstance,
    Instance,
    Message,
    Persona,
    QueueItem,
    alternatives,
)
from simulator.loader import Library, Scenario, default_library
from simulator.personas import PERSONAL_DATA_KIND, Identity, fill_slots, make_identity
from simulator.platforms import PLATFORMS, get_platform, shown_handle
from simulator.seeds import rng_for
from simulator.voices import DEFAULT_FOLLOWUPS, DEFAULT_WAVES


class _Slots(dict):
    def __missing__(self, key):   # the loader rejects unknown slots, so this is a bug if reached
        raise SimulatorUsageError(f"template slot {{{key}}} has no value")


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
                            alternatives(_render_tree(raw.get("fix") or [], slots)),
                            alternatives(_render_tree(raw.get("verify_with") or [], slots)))


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
    fix = alternatives(_render_tree(cr.get("fix") or [], shared))
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
