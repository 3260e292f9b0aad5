"""Every scenario played three ways with real reply texts through the real scorer (rubrics.score_reply) and
the customer (simulator.react), on three seeds, as the web layer plays them:

- a good path (tests/simulator/reply_paths.yaml) ends resolved, or calm where one public reply cannot end
  it, and the customer never turns against a good reply;
- the poor path (one generic reply, again and again) escalates;
- a kind reply that does every step but skips the fix never resolves.

The simulator never imports the scorer; this test does, to prove the two agree. Paths are written from each
scenario's brief, facts and knowledge base, so they hold for any scorer that follows the rubric guide.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import simulator
from rubrics import score_reply

PATHS = yaml.safe_load((Path(__file__).parent / "reply_paths.yaml").read_text(encoding="utf-8"))
SEEDS = (1, 2, 3)
POOR_REPLY = "Thanks for your message. Please check our help pages for more information."
ANGRIER = {"frustrated", "leave_threat", "manager", "pile_on", "outraged", "privacy_worry", "spreads"}
CLOSING = "You're welcome, {f}. Is there anything else I can help you with today? ^AB"
LIBRARY = simulator.load_library()


def mood(name: str) -> int:
    return simulator.MOODS.index(name)


class _Case(dict):
    def __getattr__(self, key):
        return self[key]


def picked_variables(inst, customer: str | None) -> dict:
    """The value each of the scenario's variables took for this seed, found in the generated instance (the
    longest value that appears in it; a linked variable's case whose every field appears)."""
    sc = LIBRARY.get(inst.scenario_id).data
    declared = dict(sc.get("variables") or {})
    for cust in sc.get("customers") or []:
        if customer in (None, cust.get("id")):
            declared.update(cust.get("variables") or {})
    shown = json.dumps(inst.to_dict(), ensure_ascii=False)
    picked = {}
    for name, values in declared.items():
        if values and isinstance(values[0], dict):
            cases = [v for v in values if all(str(x) in shown for x in v.values())]
            if cases:
                picked[name] = _Case({k: str(x) for k, x in cases[0].items()})
        else:
            found = sorted((str(v) for v in values if str(v) in shown), key=len, reverse=True)
            if found:
                picked[name] = found[0]
    return picked


def play(inst, customer: str | None, turns: list, *, close: bool = True, max_turns: int = 8):
    """Score each turn in its context, then react; the last turn repeats. Once the customer is satisfied the
    learner's closing turn follows (close=True). Returns [(judgement, reaction)]."""
    state, played = None, []
    cust = inst.customer(customer) if inst.customers else None
    slots = {**picked_variables(inst, customer), "f": cust.persona.first_name if cust else ""}
    for i in range(max_turns):
        channel, text = turns[min(i, len(turns) - 1)]
        if state is not None and state.satisfied:
            if not close:
                break
            channel, text = state.channel, CLOSING
        text = text.format_map(slots)
        context = simulator.scoring_context_for_turn(inst, state, channel=channel, response_minutes=1,
                                                     customer=customer)
        judgement = score_reply(text, context)
        at = (state.last_customer_minute if state else inst.messages[-1].at_minute) + 1
        reaction = simulator.react(inst, state, text, judgement, channel, customer=customer, at_minute=at)
        played.append((judgement, reaction))
        state = reaction.state
        if reaction.ended:
            break
    return played


def cases():
    for sc in LIBRARY.list():
        if sc.exercise_type == "triage":
            continue
        assert sc.id in PATHS, f"{sc.id} has no reply paths in reply_paths.yaml"
        for customer in PATHS[sc.id]:
            for seed in SEEDS:
                yield pytest.param(sc.id, None if customer in ("customer", "crisis") else customer, seed,
                                   id=f"{sc.id}-{customer}-{seed}")


def test_every_scenario_has_paths_for_each_of_its_customers():
    for sc in LIBRARY.list():
        if sc.exercise_type == "triage":
            continue
        inst = simulator.generate(sc, 1, library=LIBRARY)
        want = {c.id for c in inst.customers} if sc.exercise_type == "live_chat" else \
            {"crisis"} if sc.exercise_type == "crisis" else {"customer"}
        assert set(PATHS[sc.id]) == want, sc.id


@pytest.mark.parametrize("scenario_id,customer,seed", list(cases()))
def test_good_path_ends_resolved_or_calm_and_never_angers_the_customer(scenario_id, customer, seed):
    inst = simulator.generate(scenario_id, seed, library=LIBRARY)
    spec = PATHS[scenario_id][customer or ("crisis" if inst.crisis else "customer")]
    played = play(inst, customer, spec["good"])
    keys = [r.key for _, r in played]
    last = played[-1][1]
    why = [(r.key, r.why) for _, r in played]
    assert not ANGRIER & set(keys), why
    assert all(mood(r.mood) <= mood(r.previous_mood) for _, r in played), why
    assert not any("dismissive" in r.why for _, r in played), why
    if inst.exercise_type == "public_reply" and inst.customers[0].expected["take_private"]:
        # One public reply can only move them to a private message, calm (or calmer, if they were furious).
        assert last.key == "sends_details", why
        assert mood(last.mood) <= mood("calm") or mood(last.mood) < mood(last.previous_mood), why
    else:
        assert last.state.status == "resolved", why
        if inst.exercise_type in ("conversation", "live_chat"):
            assert keys[-1] == "signs_off", why   # the learner closed after the customer was satisfied
    assert last.mood != "worried", why


@pytest.mark.parametrize("scenario_id,customer,seed", list(cases()))
def test_poor_path_escalates(scenario_id, customer, seed):
    inst = simulator.generate(scenario_id, seed, library=LIBRARY)
    channel = {"webchat": "chat"}.get(inst.platform, "public")
    played = play(inst, customer, [(channel, POOR_REPLY)])
    start = played[0][1].previous_mood
    reactions = [r for _, r in played]
    assert not any(r.resolved for r in reactions), [r.key for r in reactions]
    assert mood(reactions[-1].mood) > mood(start) or reactions[-1].mood == "furious", [r.key for r in reactions]
    if inst.exercise_type in ("conversation", "live_chat"):
        assert {"leave_threat", "manager", "pile_on"} & {r.key for r in reactions} or reactions[-1].gave_up, \
            [r.key for r in reactions]
        assert reactions[-1].gave_up or reactions[-1].ended
    if inst.exercise_type == "crisis":
        assert reactions[-1].key == "spreads"


def _has_skips_fix(case) -> bool:
    scenario_id, customer, _seed = case.values
    return "skips_fix" in PATHS[scenario_id][customer or next(iter(PATHS[scenario_id]))]


@pytest.mark.parametrize("scenario_id,customer,seed", [c for c in cases() if _has_skips_fix(c)])
def test_a_kind_reply_that_skips_the_fix_never_resolves(scenario_id, customer, seed):
    inst = simulator.generate(scenario_id, seed, library=LIBRARY)
    spec = PATHS[scenario_id][customer or ("crisis" if inst.crisis else "customer")]
    played = play(inst, customer, spec["skips_fix"], close=False)
    assert not any(r.resolved for _, r in played), [(r.key, r.why) for _, r in played]
