"""Seeded generation: reproducible, varied, complete, and safe by construction."""
from __future__ import annotations

import json
import re

import pytest

import simulator
from simulator.brands import BRANDS
from simulator.personas import make_identity
from tests.simulator.sim_helpers import generate

INSTANCE_KEYS = {"scenario_id", "scenario_version", "seed", "exercise_type", "title", "category", "difficulty",
                 "platform", "channels", "brief", "persona", "messages", "facts", "expected", "sla_minutes",
                 "scoring_context", "injected_personal_data"}
CONTEXT_KEYS = {"customer", "platform", "channel", "response_minutes", "customer_name", "customer_handle",
                "previous_replies", "scenario"}
EXPECTED_KEYS = {"not_applicable", "take_private", "escalate", "escalation_route", "clarify", "verify_identity",
                 "may_promise", "must_not_promise"}

EMAIL = re.compile(r"^[a-z0-9._]+@example\.(com|co\.uk)$")
PHONE = re.compile(r"^(07700 900\d{3}|01(1[3-8]|21|31|41|51|61) 496 0\d{3}|020 7946 0\d{3}|0191 498 0\d{3})$")
POSTCODE = re.compile(r"^ZZ99 \d[A-Z]{2}$")
ANY_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
ANY_UK_PHONE = re.compile(r"\b0\d{2,4} ?\d{3,4} ?\d{3,4}\b")


def test_same_seed_gives_the_same_instance(library):
    for scenario in library.list():
        assert generate(scenario, 7).to_dict() == generate(scenario.id, 7, library=library).to_dict()


def _content(instance) -> str:
    """What the learner would see and the engine would use, without the seed that produced it."""
    d = instance.to_dict()
    d.pop("seed")
    d.pop("injected_personal_data")   # derived from the rest
    return json.dumps(d, sort_keys=True)


def test_different_seeds_give_different_instances_apart_from_the_seed_itself(library):
    for scenario in library.list():
        contents = [_content(generate(scenario, seed)) for seed in (1, 2, 3)]
        assert len(set(contents)) == 3, scenario.id


def test_different_seeds_give_different_people_and_wording(library):
    for scenario in library.list():
        instances = [generate(scenario, seed) for seed in range(1, 6)]
        handles = [tuple(m.handle or m.name for m in inst.messages) for inst in instances]
        wording = [tuple(m.text for m in inst.messages) for inst in instances]
        assert len(set(handles)) == 5, scenario.id
        assert len(set(wording)) >= 2, scenario.id      # crisis bursts too: their posts have alternatives


def test_customers_get_many_different_british_names():
    from faker.providers.person.en_GB import Provider
    first_names = set(Provider.first_names_male) | set(Provider.first_names_female)
    personas = [generate("late-parcel-x-public", seed).persona for seed in range(20)]
    assert len({p.name for p in personas}) >= 15
    assert all(p.first_name in first_names and p.last_name in Provider.last_names for p in personas)


def test_instance_holds_everything_the_interface_promises(library):
    for scenario in library.list():
        d = generate(scenario, 11).to_dict()
        json.dumps(d)   # plain and serialisable
        assert INSTANCE_KEYS <= set(d), scenario.id
        assert d["exercise_type"] in simulator.EXERCISE_TYPES
        for m in d["messages"]:
            assert {"author", "text", "channel", "at_minute"} <= set(m)
            assert "{" not in m["text"] or "}" not in m["text"], m["text"]   # every slot filled
        if d["scoring_context"] is not None:
            assert CONTEXT_KEYS <= set(d["scoring_context"])
            assert EXPECTED_KEYS <= set(d["scoring_context"]["scenario"]["expected"])
            assert d["scoring_context"]["scenario"]["version"] == scenario.version
        if d["persona"] is not None:
            assert {"name", "first_name", "handle", "email", "phone", "mood", "patience", "needs"} <= set(d["persona"])


def test_not_applicable_is_completed_from_the_flags(library):
    inst = generate("late-parcel-x-public", 1)
    assert {"escalation", "clarify"} <= set(inst.expected["not_applicable"])
    assert "take_private" not in inst.expected["not_applicable"]
    chat = generate("kb-returns-webchat", 1)
    assert "take_private" in chat.expected["not_applicable"]


def test_identities_use_only_reserved_fictional_values():
    for seed in range(2000):
        ident = make_identity(BRANDS["quillfield"], "safety", seed)
        assert EMAIL.match(ident.email), ident.email
        assert PHONE.match(ident.phone), ident.phone
        assert POSTCODE.match(ident.postcode) and ident.address.endswith(ident.postcode)
        assert re.match(r"^QB-\d{7}$", ident.order_number)
        assert re.match(r"^QB\d{8}$", ident.account_number)
        assert ident.handle.startswith("@") and len(ident.handle) <= 16


def test_generated_text_contains_no_contact_details_outside_the_reserved_ranges(library):
    scenarios = library.list()
    for seed in range(200):
        scenario = scenarios[seed % len(scenarios)]
        d = generate(scenario, seed).to_dict()
        blob = json.dumps(d, ensure_ascii=False)
        for match in ANY_EMAIL.finditer(blob):
            assert match.group(0).endswith(("@example.com", "@example.co.uk")), (scenario.id, match.group(0))
        for phone in ANY_UK_PHONE.findall(blob):
            assert PHONE.match(phone), (scenario.id, phone)
        injected = d["injected_personal_data"]
        for email in injected.get("emails", []):
            assert EMAIL.match(email)
        for phone in injected.get("phones", []):
            assert PHONE.match(phone)
        for postcode in injected.get("postcodes", []):
            assert POSTCODE.match(postcode)


def test_public_posts_carry_no_contact_details_unless_the_scenario_is_about_that(library):
    for scenario in library.list():
        for seed in range(5):
            inst = generate(scenario, seed)
            contact = [v for k in ("emails", "phones", "addresses", "postcodes", "references", "card_digits")
                       for v in inst.injected_personal_data.get(k, [])]
            for m in inst.messages:
                if m.channel != "public" or scenario.category == "personal_data_public":
                    continue
                if scenario.exercise_type == "triage" and any(
                        q.id == m.customer_id and q.critical for q in inst.queue):
                    continue   # the one triage post that shows a customer exposing their own number
                assert not [v for v in contact if v in m.text], (scenario.id, m.text)


def test_injected_personal_data_lists_every_personal_value_shown(library):
    inst = generate("personal-data-posted-x", 4)
    text = inst.messages[0].text
    pd = inst.injected_personal_data
    assert inst.persona.name in pd["names"] and inst.persona.handle in pd["handles"]
    assert inst.persona.email in pd["emails"] and inst.persona.phone in pd["phones"]
    assert inst.persona.phone in text
    for values in pd.values():
        for v in values:
            assert isinstance(v, str) and v


def test_details_are_only_ever_sent_privately(library):
    for scenario in library.list():
        inst = generate(scenario, 3)
        for cust in inst.customers:
            if cust.details:
                assert all(m.text != cust.details for m in cust.messages if m.channel == "public")


def test_generate_refuses_a_non_integer_seed():
    with pytest.raises(simulator.SimulatorUsageError):
        generate("late-parcel-x-public", "7")


def test_generate_by_unknown_id_names_the_problem():
    with pytest.raises(simulator.UnknownScenarioError):
        generate("no-such-scenario", 1)


def test_triage_queue_is_shown_shuffled_with_a_known_expected_order(library):
    inst = generate("triage-rail-morning", 5)
    assert 8 <= len(inst.queue) <= 12
    assert [q.id for q in inst.queue] != list(inst.expected_order)
    assert sorted(q.id for q in inst.queue) == sorted(inst.expected_order)
    assert inst.expected_order[0] == "person-on-track"


def test_crisis_instance_has_a_burst_and_a_holding_statement_brief(library):
    inst = generate("crisis-recall-kettle", 2)
    assert len(inst.messages) >= 5 and len({m.handle for m in inst.messages}) >= 5
    hs = inst.crisis.holding_statement
    assert hs["max_chars"] == 280 and hs["weighted"] and hs["must_cover"]
    assert inst.scoring_context["channel"] == "public"
    assert inst.scoring_context["scenario"]["expected"]["holding_statement"]["must_cover"] == hs["must_cover"]


def test_generation_does_not_depend_on_the_process_or_its_hash_seed():
    """Another process with another PYTHONHASHSEED prints the very same instance (no salted hash() anywhere)."""
    import os
    import subprocess
    import sys

    from tests.simulator.sim_helpers import ROOT
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-m", "simulator", "generate", "live-chat-bank-identity", "--seed", "42"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == simulator.generate("live-chat-bank-identity", 42).to_dict()   # the shipped file


def test_contact_details_stay_reserved_over_200_seeds_of_the_data_heavy_scenarios():
    for scenario_id, seeds in (("personal-data-posted-x", 200), ("live-chat-bank-identity", 60)):
        for seed in range(seeds):
            pd = generate(scenario_id, seed).injected_personal_data
            assert all(EMAIL.match(e) for e in pd["emails"])
            assert all(PHONE.match(p) for p in pd["phones"])
            assert all(POSTCODE.match(p) for p in pd.get("postcodes", []))


def test_a_stored_instance_round_trips_and_still_reacts(library):
    from tests.simulator.sim_helpers import GOOD
    for scenario in library.list():
        inst = generate(scenario, 8)
        stored = json.loads(json.dumps(inst.to_dict()))
        again = simulator.Instance.from_dict(stored)
        assert again.to_dict() == inst.to_dict()
        if inst.customers:
            channel = "chat" if inst.platform == "webchat" else "public"
            assert simulator.react(stored, None, "Sorry!", GOOD, channel).to_dict() == \
                simulator.react(inst, None, "Sorry!", GOOD, channel).to_dict()
