"""The customer's contact history in the generated instance: seeded, short, fictional, and kept when stored."""
from __future__ import annotations

import json
from datetime import date

import pytest

import simulator
from simulator.history import CHANNELS, UNRESOLVED, contact_history
from tests.simulator.sim_helpers import generate


def test_the_same_scenario_seed_and_customer_give_the_same_history():
    assert contact_history("larkspur", "late-parcel-x-public", 7, "customer") == \
        contact_history("larkspur", "late-parcel-x-public", 7, "customer")
    histories = {json.dumps(contact_history("larkspur", "late-parcel-x-public", seed, "customer"))
                 for seed in range(1, 11)}
    assert len(histories) > 5   # and other seeds give other histories


@pytest.mark.parametrize("seed", range(1, 30))
def test_a_history_is_a_customer_since_date_and_one_to_three_earlier_contacts(seed):
    h = contact_history("fibrenest", "outage-broadband-x", seed, "customer")
    since = date.fromisoformat(h["customer_since"] + "-01")
    assert 1 <= len(h["contacts"]) <= 3
    days = [date.fromisoformat(c["date"]) for c in h["contacts"]]
    assert days == sorted(days, reverse=True) and all(since <= d < date(2026, 1, 1) for d in days)
    for c in h["contacts"]:
        assert c["channel"] in CHANNELS and c["topic"] and c["outcome"]


def test_a_repeat_contact_was_last_in_touch_about_the_same_issue_and_it_is_unresolved():
    h = contact_history("pippin", "lost-parcel-facebook", 3, "customer", ("repeat_contact",))
    assert "same issue" in h["contacts"][0]["topic"] and h["contacts"][0]["outcome"] in UNRESOLVED
    assert "same issue" not in json.dumps(contact_history("pippin", "lost-parcel-facebook", 3, "customer"))


def test_every_generated_customer_has_a_history_that_survives_storing(library):
    for scenario in list(library.list())[:12]:
        inst = generate(scenario, 5, library=library)
        for cust in inst.customers:
            assert cust.history["contacts"], (scenario.id, cust.id)
            assert cust.history == contact_history(scenario.brand, scenario.id, 5, cust.id, cust.persona.needs)
            personal = {cust.persona.name, cust.persona.email, cust.persona.phone, cust.persona.handle}
            assert not any(value in json.dumps(cust.history) for value in personal)
        stored = simulator.Instance.from_dict(json.loads(json.dumps(inst.to_dict())))
        assert [c.history for c in stored.customers] == [c.history for c in inst.customers]


def test_an_instance_stored_before_histories_existed_still_loads():
    d = generate("late-parcel-x-public", 2).to_dict()
    for cust in d["customers"]:
        del cust["history"]
    assert simulator.Instance.from_dict(d).customers[0].history == {}
